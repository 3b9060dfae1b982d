import Foundation
import NianbaoJSON
import NianbaoLSP

/// Drives a `nianbao` language server over pipes, and ruff's server on a Python file twice the
/// size with the same client in the same minutes: the time from a `didChange` to its
/// `publishDiagnostics`; hover, code actions and inlay hints on a 1 MB document; and the
/// server's memory with 1,000 reports open.
struct LSPBenchmark {
  var binary: String
  var ruff: String?
  var typical: String

  final class Connection {
    let process = Process()
    let input: FileHandle
    let output: FileHandle
    var framer = MessageFramer()
    var pending: [JSONValue] = []
    var nextID = 100
    /// Whether the server asked to show progress (an index built in the background).
    var progressRequested = false

    init(_ command: String, _ arguments: [String] = [], initialize: JSONValue? = nil) throws {
      process.executableURL = URL(fileURLWithPath: command)
      process.arguments = arguments
      let stdin = Pipe()
      let stdout = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = FileHandle.nullDevice
      try process.run()
      input = stdin.fileHandleForWriting
      output = stdout.fileHandleForReading
      _ = request(
        "initialize",
        initialize ?? .object([("processId", .null), ("rootUri", .null), ("capabilities", .object([]))])
      )
      send(Outgoing.notification("initialized", .object([])))
    }

    func send(_ message: JSONValue) { input.write(Data(Outgoing.frame(message))) }

    func request(_ method: String, _ params: JSONValue) -> JSONValue {
      nextID += 1
      let id = nextID
      send(Outgoing.request(id: .int(id), method, params))
      return next { $0["id"] == .int(id) && $0["method"] == nil }
    }

    func next(where predicate: (JSONValue) -> Bool) -> JSONValue {
      while true {
        if let index = pending.firstIndex(where: predicate) { return pending.remove(at: index) }
        let data = output.availableData
        precondition(!data.isEmpty, "the server closed its output")
        for event in framer.feed(data) {
          guard case .message(let body) = event, let value = try? JSONValue.parse(body) else { continue }
          // Requests from the server (registrations, configuration) get an empty answer.
          if let id = value["id"], let method = value["method"]?.string {
            if method == "window/workDoneProgress/create" { progressRequested = true }
            send(Outgoing.response(id: id, result: .null))
            continue
          }
          pending.append(value)
        }
        // Diagnostics of earlier versions are never waited for again.
        if pending.count > 64 { pending.removeFirst(pending.count - 64) }
      }
    }

    func open(_ uri: String, language: String, text: String, wait: Bool = true) {
      send(
        Outgoing.notification(
          "textDocument/didOpen",
          .object([
            (
              "textDocument",
              .object([
                ("uri", .string(uri)), ("languageId", .string(language)), ("version", 1), ("text", .string(text)),
              ])
            )
          ])
        )
      )
      if wait { _ = diagnostics(uri, version: 1) }
    }

    /// The next diagnostics for `uri`, of `version` when the server says which version they are of.
    func diagnostics(_ uri: String, version: Int) -> JSONValue {
      next {
        $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri
          && ($0["params"]?["version"].map { $0 == .int(version) } ?? true)
      }
    }

    /// Replaces one UTF-16 unit at a place, then waits for the diagnostics of the new version.
    func edit(_ uri: String, version: Int, line: Int, column: Int, with text: String) {
      let place = { (character: Int) in JSONValue.object([("line", .int(line)), ("character", .int(character))]) }
      send(
        Outgoing.notification(
          "textDocument/didChange",
          .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
            (
              "contentChanges",
              .array([
                .object([
                  ("range", .object([("start", place(column)), ("end", place(column + 1))])),
                  ("text", .string(text)),
                ])
              ])
            ),
          ])
        )
      )
      _ = diagnostics(uri, version: version)
    }

    var residentMegabytes: Double {
      let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
      let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
      return Double(Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    func close() {
      _ = request("shutdown", .null)
      send(Outgoing.notification("exit", .null))
      process.waitUntilExit()
    }
  }

  /// A place whose digit an edit toggles: the 总计 of a row of table 三.
  private var totalCell: (line: Int, column: Int) {
    let lines = typical.split(separator: "\n", omittingEmptySubsequences: false)
    let line = lines.firstIndex { $0.contains("本机关不掌握相关政府信息") }!
    return (line, lines[line].utf16.count - 1)
  }

  /// Edits that keep toggling one digit, each timed until its diagnostics arrive.
  private func edits(
    _ connection: Connection,
    uri: String,
    from version: inout Int,
    count: Int,
    at cell: (line: Int, column: Int),
    into samples: inout Samples
  ) {
    for _ in 0..<count {
      version += 1
      let start = now()
      connection.edit(uri, version: version, line: cell.line, column: cell.column, with: version % 2 == 0 ? "4" : "3")
      samples.add(since: start)
    }
  }

  /// A report opened in a workspace folder of `reports` reports: the time from `didOpen` to its
  /// first diagnostics, and from `initialized` to the end of the index's progress.
  func openInWorkspace(reports: Int) throws -> (firstDiagnostics: Double, indexed: Double) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-workspace-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    try writeCorpus(to: root.path, count: reports, quiet: true)
    let report = root.appendingPathComponent("open/2025年度报告.txt")
    try FileManager.default.createDirectory(at: report.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(typical.utf8).write(to: report)
    let start = now()
    let server = try Connection(
      binary,
      initialize: .object([
        ("processId", .null), ("rootUri", .string(root.absoluteString)),
        ("capabilities", .object([("window", .object([("workDoneProgress", true)]))])),
      ])
    )
    let opened = now()
    server.open(report.absoluteString, language: "nianbao", text: typical, wait: false)
    _ = server.diagnostics(report.absoluteString, version: 1)
    let first = Double(now() - opened) / 1e6
    // A server that indexes before it answers has no progress to wait for.
    guard server.progressRequested else {
      server.close()
      return (first, .nan)
    }
    _ = server.next { $0["method"] == "$/progress" && $0["params"]?["value"]?["kind"] == "end" }
    let indexed = Double(now() - start) / 1e9
    server.close()
    return (first, indexed)
  }

  func run() throws {
    for reports in [5_000, 20_000] {
      let (first, indexed) = try openInWorkspace(reports: reports)
      print(
        String(
          format:
            "server, workspace folder of %d reports: first diagnostics %.1f ms after didOpen (goal ≤ 50 ms); index ready %.2f s after start (goal ≤ 1 s for 5,000)",
          reports,
          first,
          indexed
        )
      )
    }
    let server = try Connection(binary)
    let cell = totalCell

    // The typical report and ruff's server, alternately, so that both see the same machine.
    let reportURI = "file:///bench/typical.txt"
    server.open(reportURI, language: "nianbao", text: typical)
    var reportVersion = 1
    var reportSamples = Samples()
    var ruffSamples = Samples()
    let python = ruff.flatMap { _ in pythonFile(twice: typical.utf8.count) }
    let ruffServer = try python.map { _ in try Connection(ruff!, ["server"]) }
    var ruffVersion = 1
    let pythonURI = "file:///bench/module.py"
    var pythonCell = (line: 0, column: 0)
    if let python, let ruffServer {
      // A trailing comment whose digit is toggled: ruff reads the whole file again each time.
      let text = python.text + "# 3\n"
      pythonCell = (text.split(separator: "\n", omittingEmptySubsequences: false).count - 2, 2)
      ruffServer.open(pythonURI, language: "python", text: text)
    }
    for _ in 0..<4 {
      edits(server, uri: reportURI, from: &reportVersion, count: 250, at: cell, into: &reportSamples)
      if let ruffServer {
        edits(ruffServer, uri: pythonURI, from: &ruffVersion, count: 250, at: pythonCell, into: &ruffSamples)
      }
    }
    print(
      "server, typical report (\(typical.utf8.count / 1024) KB), didChange → publishDiagnostics, 1,000 edits: \(reportSamples.summary) (goal: below ruff's)"
    )
    if let python, let ruffServer {
      print(
        "  ruff server, \(python.name) (\(python.text.utf8.count / 1024) KB), same client, same minutes: \(ruffSamples.summary)"
      )
      ruffServer.close()
    } else {
      print("  ruff server: not found (put ruff on PATH or set NIANBAO_RUFF) — no reference figures")
    }

    // A 1 MB document: edits, then what an editor asks while the user reads it.
    let bigURI = "file:///bench/big.txt"
    let big = String(repeating: typical, count: 1_000_000 / typical.utf8.count + 1)
    server.open(bigURI, language: "nianbao", text: big)
    var bigVersion = 1
    var bigSamples = Samples()
    edits(server, uri: bigURI, from: &bigVersion, count: 60, at: cell, into: &bigSamples)
    print("server, 1 MB document, didChange → publishDiagnostics, 60 edits: \(bigSamples.summary) (goal: p99 ≤ 20 ms)")
    let document = JSONValue.object([("uri", .string(bigURI))])
    let position = JSONValue.object([("line", .int(cell.line)), ("character", .int(cell.column))])
    let screen = JSONValue.object([
      ("start", .object([("line", .int(cell.line)), ("character", 0)])),
      ("end", .object([("line", .int(cell.line + 60)), ("character", 0)])),
    ])
    let requests: [(String, String, JSONValue)] = [
      ("hover", "textDocument/hover", .object([("textDocument", document), ("position", position)])),
      (
        "code actions", "textDocument/codeAction",
        .object([
          ("textDocument", document), ("range", screen), ("context", .object([("diagnostics", .array([]))])),
        ])
      ),
      ("inlay hints", "textDocument/inlayHint", .object([("textDocument", document), ("range", screen)])),
    ]
    for (name, method, params) in requests {
      var samples = Samples()
      for _ in 0..<200 {
        let start = now()
        _ = server.request(method, params)
        samples.add(since: start)
      }
      print("server, 1 MB document, \(name) (200 requests): \(samples.summary) (goal ≤ 5 ms)")
    }

    let before = server.residentMegabytes
    for index in 0..<1000 {
      server.open(
        "file:///bench/open/\(index).txt",
        language: "nianbao",
        text: typical.replacingOccurrences(of: "青禾县", with: "青禾县\(index)")
      )
    }
    print(
      String(
        format:
          "server memory: %.0f MB resident with the 1 MB document open, %.0f MB with 1,000 reports more (goal ≤ 100 MB)",
        before,
        server.residentMegabytes
      )
    )
    server.close()
  }

  /// A file of Python's standard library about twice the size of the report.
  private func pythonFile(twice size: Int) -> (name: String, text: String)? {
    let roots = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? []).filter {
      $0.hasPrefix("python3")
    }.sorted()
    for root in roots {
      let directory = "/usr/lib/\(root)"
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
        $0.hasSuffix(".py")
      }
      let sized = files.compactMap { name -> (String, Int)? in
        guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else { return nil }
        return (name, data.count)
      }
      if let (name, _) = sized.min(by: { abs($0.1 - 2 * size) < abs($1.1 - 2 * size) }),
        let text = try? String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
      {
        return (name, text.hasSuffix("\n") ? text : text + "\n")
      }
    }
    return nil
  }
}
