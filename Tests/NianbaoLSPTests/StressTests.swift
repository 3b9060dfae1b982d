import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Synchronization
import Testing

/// The real server over pipes under load: many documents, rapid changes with requests and
/// cancellations in between, garbage between messages, and a client that stops reading.
@Suite(.serialized) struct StressTests {
  static let documents = TestSize.count("NIANBAO_STRESS_DOCUMENTS", quick: 100, full: 1000)
  static let changes = TestSize.count("NIANBAO_STRESS_CHANGES", quick: 1000, full: 10_000)

  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state ^ (state >> 31)
    }
  }

  /// 1,000 open reports, 10,000 changes with hovers, code actions and cancellations between
  /// them and garbage now and then (a tenth of that unless `NIANBAO_FULL_TESTS=1`): every request is answered (or cancelled), the last
  /// diagnostics published for each document are for its last version, and memory stays bounded.
  @Test func manyDocumentsAndRapidChanges() throws {
    let server = try ServerProcess()
    try server.initialize()
    let base = Fixtures.text("nb201-row-total.txt")
    let lines = base.components(separatedBy: "\n")
    let totalLine = lines.firstIndex { $0.contains("1. 本机关不掌握相关政府信息") }!
    func uri(_ n: Int) -> String { "file:///stress/\(n)/2025年度报告.txt" }
    for n in 0..<Self.documents {
      try server.notify(
        "textDocument/didOpen",
        .object([
          (
            "textDocument",
            .object([
              ("uri", .string(uri(n))), ("languageId", .string("nianbao")), ("version", .int(1)),
              ("text", .string(base.replacingOccurrences(of: "白石镇", with: "白石镇第\(n)"))),
            ])
          )
        ])
      )
    }
    var random = Generator(state: 0xC0FFEE)
    var versions = [Int](repeating: 1, count: Self.documents)
    var requests: Set<Int> = []
    var nextID = 100
    let garbage: [[UInt8]] = [
      Array("\u{0}\u{FF}junk\r\n\r\n".utf8), Array("Content-Length: abc\r\n\r\n".utf8),
      Array("Content-Length: 5\r\n\r\n{]}xx".utf8),
    ]
    for step in 0..<Self.changes {
      let n = Int.random(in: 0..<Self.documents, using: &random)
      versions[n] += 1
      // Replace the last digit of the wrong total (`4` on that line) with a random digit.
      let character = lines[totalLine].utf16.count - 1
      try server.notify(
        "textDocument/didChange",
        .object([
          ("textDocument", .object([("uri", .string(uri(n))), ("version", .int(versions[n]))])),
          (
            "contentChanges",
            .array([
              .object([
                ("range", range(totalLine, character - 1, totalLine, character)),
                ("text", .string(String(Int.random(in: 0...9, using: &random)))),
              ])
            ])
          ),
        ])
      )
      switch step % 10 {
      case 3:
        try server.request(
          nextID,
          "textDocument/hover",
          .object([("textDocument", textDocument(uri(n))), ("position", position(totalLine, character - 1))])
        )
        requests.insert(nextID)
        nextID += 1
      case 6:
        try server.request(
          nextID,
          "textDocument/codeAction",
          .object([
            ("textDocument", textDocument(uri(n))), ("range", range(totalLine, 0, totalLine, character)),
            ("context", .object([("diagnostics", .array([]))])),
          ])
        )
        requests.insert(nextID)
        try server.notify("$/cancelRequest", .object([("id", .int(nextID - Int.random(in: 0...1, using: &random)))]))
        nextID += 1
      case 9 where step % 1000 == 999:
        try server.write(garbage[step / 1000 % garbage.count])
      default:
        break
      }
    }
    // A last request after everything: once it is answered, every change has been read.
    try server.request(nextID, "textDocument/documentSymbol", .object([("textDocument", textDocument(uri(0)))]))
    _ = try server.response(nextID, timeout: 300)
    let memory = server.residentMegabytes
    // The diagnostics of the last batch are published right after it.
    var lastVersion: [String: Int] = [:]
    let deadline = Date().addingTimeInterval(60)
    var stale: [String] = []
    repeat {
      lastVersion = [:]
      for message in server.received() where message["method"]?.string == "textDocument/publishDiagnostics" {
        if let u = message["params"]?["uri"]?.string, let v = message["params"]?["version"]?.int { lastVersion[u] = v }
      }
      stale = (0..<Self.documents).filter { lastVersion[uri($0)] != versions[$0] }.map(uri)
      if stale.isEmpty { break }
      Thread.sleep(forTimeInterval: 0.2)
    } while Date() < deadline
    #expect(stale.isEmpty, "\(stale.count) documents' last diagnostics are not for their last version")
    let answered = Set(server.received().filter { $0["method"] == nil }.compactMap { $0["id"]?.int })
    let unanswered = requests.subtracting(answered)
    #expect(unanswered.isEmpty, "\(unanswered.count) requests were neither answered nor cancelled")
    let cancelled = server.received().filter { $0["error"]?["code"]?.int == -32800 }.count
    let parseErrors = server.received().filter { $0["error"]?["code"]?.int == -32700 }.count
    #expect(parseErrors >= Self.changes / 1000)
    #expect(server.everythingOnStandardOutputWasFramed)
    print(
      "stress: \(Self.documents) documents, \(Self.changes) changes, \(requests.count) requests (\(cancelled) cancelled), \(parseErrors) garbage messages answered -32700, server resident \(memory.map(String.init) ?? "?") MB"
    )
    if let memory { #expect(memory < 400) }
    try server.request(nextID + 1, "shutdown")
    _ = try server.response(nextID + 1, timeout: 60)
    try server.notify("exit")
    #expect(try server.waitForExit() == 0)
  }

  /// A client that sends and never reads: the server waits to write, reads a bounded amount
  /// ahead, then stops reading, so the client's writes wait in turn. The server does not grow.
  @Test func clientThatNeverReads() throws {
    let process = Process()
    process.executableURL = ServerProcess.binary
    let input = Pipe()
    let output = Pipe()  // never read
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { process.terminate() }
    let report = Fixtures.text("nb201-row-total.txt")
    let sent = SentCounter()
    let writer = input.fileHandleForWriting
    Thread {
      func send(_ message: JSONValue) -> Bool {
        let bytes = Outgoing.frame(message)
        let ok = bytes.withUnsafeBytes { write(writer.fileDescriptor, $0.baseAddress!, $0.count) == $0.count }
        if ok { sent.add(bytes.count) }
        return ok
      }
      _ = send(
        Outgoing.request(
          id: .int(1),
          "initialize",
          .object([("processId", .null), ("capabilities", .object([]))])
        )
      )
      _ = send(Outgoing.notification("initialized", .object([])))
      for version in 1...200_000 {
        // Each change is a whole report with a wrong total: each one makes diagnostics to publish.
        let message =
          version == 1
          ? Outgoing.notification(
            "textDocument/didOpen",
            .object([
              (
                "textDocument",
                .object([
                  ("uri", "file:///r/2025年度报告.txt"), ("languageId", "nianbao"), ("version", .int(1)),
                  ("text", .string(report)),
                ])
              )
            ])
          )
          : Outgoing.notification(
            "textDocument/didChange",
            .object([
              ("textDocument", .object([("uri", "file:///r/2025年度报告.txt"), ("version", .int(version))])),
              (
                "contentChanges",
                .array([.object([("text", .string(report + String(repeating: " ", count: version % 7)))])])
              ),
            ])
          )
        if !send(message) { break }
      }
    }.start()
    // Give the server time to fill its output and the client's writes time to stop.
    var samples: [(sent: Int, memory: Int)] = []
    for _ in 0..<6 {
      Thread.sleep(forTimeInterval: 1.5)
      let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
      let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }!
      samples.append((sent.total, Int(line.split(separator: " ").dropFirst().first!)! / 1024))
    }
    print(
      "client that never reads: bytes sent and server memory every 1.5 s: \(samples.map { "\($0.sent / 1024) KB, \($0.memory) MB" })"
    )
    // The writes stopped: the last samples sent nothing more, and the server stays small.
    #expect(samples[5].sent == samples[4].sent)
    // What the reader may hold (64 batches of at most 64 KiB) and the pipes' buffers, no more.
    #expect(samples[5].sent < 16 << 20)
    #expect(samples.allSatisfy { $0.memory < 200 })
    #expect(process.isRunning)
  }
}

final class SentCounter: Sendable {
  private let bytes = Mutex(0)
  func add(_ n: Int) { bytes.withLock { $0 += n } }
  var total: Int { bytes.withLock { $0 } }
}
