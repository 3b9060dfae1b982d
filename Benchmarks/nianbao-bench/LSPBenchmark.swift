import Foundation
import NianbaoJSON
import NianbaoLSP

/// Drives a `nianbao` language server over pipes: the time from a `didChange` to its
/// `publishDiagnostics` (median and 99th percentile), for a typical report and a 1 MB document,
/// and the server's memory with 100 reports open.
struct LSPBenchmark {
  var binary: String
  var typical: String

  final class Connection {
    let process = Process()
    let input: FileHandle
    let output: FileHandle
    var framer = MessageFramer()
    var pending: [JSONValue] = []

    init(binary: String) throws {
      process.executableURL = URL(fileURLWithPath: binary)
      let stdin = Pipe()
      let stdout = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = FileHandle.nullDevice
      try process.run()
      input = stdin.fileHandleForWriting
      output = stdout.fileHandleForReading
    }

    func send(_ message: JSONValue) { input.write(Data(Outgoing.frame(message))) }

    func next(where predicate: (JSONValue) -> Bool) -> JSONValue {
      while true {
        if let index = pending.firstIndex(where: predicate) { return pending.remove(at: index) }
        let data = output.availableData
        precondition(!data.isEmpty, "the server closed its output")
        for event in framer.feed(data) {
          if case .message(let body) = event, let value = try? JSONValue.parse(body) { pending.append(value) }
        }
      }
    }

    var residentKilobytes: Int {
      let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
      let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
      return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
  }

  func run() throws {
    let connection = try Connection(binary: binary)
    connection.send(Outgoing.request(id: .int(1), "initialize", .object([("capabilities", .object([]))])))
    _ = connection.next { $0["id"] == 1 }
    connection.send(Outgoing.notification("initialized", .object([])))

    let lines = typical.split(separator: "\n", omittingEmptySubsequences: false)
    let totalLine = lines.firstIndex { $0.contains("本机关不掌握相关政府信息") }!
    let column = lines[totalLine].utf16.count - 1
    measure(
      connection,
      name: "typical report (\(typical.utf8.count / 1024) KB)",
      text: typical,
      line: totalLine,
      column: column,
      edits: 1000
    )

    let big = String(repeating: typical, count: 1_000_000 / typical.utf8.count + 1)
    measure(connection, name: "1 MB document", text: big, line: totalLine, column: column, edits: 60)

    let before = connection.residentKilobytes
    for index in 0..<100 {
      open(
        connection,
        uri: "file:///bench/\(index).txt",
        text: typical.replacingOccurrences(of: "青禾县", with: "青禾县\(index)")
      )
      _ = connection.next {
        $0["method"] == "textDocument/publishDiagnostics"
          && $0["params"]?["uri"]?.string == "file:///bench/\(index).txt"
      }
    }
    print("memory: \(before / 1024) MB before, \(connection.residentKilobytes / 1024) MB with 100 more reports open")
    connection.send(Outgoing.request(id: .int(2), "shutdown", nil))
    _ = connection.next { $0["id"] == 2 }
    connection.send(Outgoing.notification("exit", .object([])))
    connection.process.waitUntilExit()
  }

  private func open(_ connection: Connection, uri: String, text: String) {
    connection.send(
      Outgoing.notification(
        "textDocument/didOpen",
        .object([
          (
            "textDocument",
            .object([("uri", .string(uri)), ("languageId", "nianbao"), ("version", 1), ("text", .string(text))])
          )
        ])
      )
    )
  }

  private func measure(_ connection: Connection, name: String, text: String, line: Int, column: Int, edits: Int) {
    let uri = "file:///bench/\(name.hashValue).txt"
    open(connection, uri: uri, text: text)
    _ = connection.next { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }
    var samples: [Double] = []
    for version in 2..<(edits + 2) {
      let digit = version % 2 == 0 ? "4" : "3"
      let start = DispatchTime.now().uptimeNanoseconds
      connection.send(
        Outgoing.notification(
          "textDocument/didChange",
          .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
            (
              "contentChanges",
              .array([
                .object([
                  (
                    "range",
                    .object([
                      ("start", .object([("line", .int(line)), ("character", .int(column))])),
                      ("end", .object([("line", .int(line)), ("character", .int(column + 1))])),
                    ])
                  ),
                  ("text", .string(digit)),
                ])
              ])
            ),
          ])
        )
      )
      _ = connection.next {
        $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == .int(version)
      }
      samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    print(
      String(
        format: "%@: didChange → publishDiagnostics over %d edits: median %.2f ms, p99 %.2f ms",
        name,
        edits,
        samples[samples.count / 2],
        samples[samples.count * 99 / 100]
      )
    )
  }
}
