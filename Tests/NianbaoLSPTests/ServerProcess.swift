import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Synchronization

/// The real `nianbao` binary started as a language server, talked to over pipes.
final class ServerProcess: Sendable {
  static let binary = TestPaths.binary

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let process: Process
  private let input: FileHandle
  final class Inbox: Sendable {
    let messages = Mutex<[JSONValue]>([])
  }

  private let inbox = Inbox()
  private let signal = DispatchSemaphore(value: 0)
  let stderr = Pipe()

  init(arguments: [String] = []) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
      throw Failure(description: "no nianbao binary at \(Self.binary.path); run `swift build` first")
    }
    process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    input = stdin.fileHandleForWriting
    try process.run()
    let output = stdout.fileHandleForReading
    let inbox = self.inbox
    let signal = self.signal
    Thread {
      var framer = MessageFramer()
      while true {
        let data = output.availableData
        if data.isEmpty { break }
        for event in framer.feed(data) {
          guard case .message(let body) = event, let value = try? JSONValue.parse(body) else {
            inbox.messages.withLock { $0.append(.object([("framing", "broken")])) }
            signal.signal()
            continue
          }
          inbox.messages.withLock { $0.append(value) }
          signal.signal()
        }
      }
      signal.signal()
    }.start()
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  func write(_ bytes: [UInt8]) throws {
    try input.write(contentsOf: Data(bytes))
  }

  func send(_ message: JSONValue) throws { try write(Outgoing.frame(message)) }

  func request(_ id: Int, _ method: String, _ params: JSONValue = .object([])) throws {
    try send(Outgoing.request(id: .int(id), method, params))
  }

  func notify(_ method: String, _ params: JSONValue = .object([])) throws {
    try send(Outgoing.notification(method, params))
  }

  func closeInput() throws { try input.close() }

  /// Waits for the first message that satisfies `predicate` and removes it.
  func next(timeout: Double = 20, where predicate: (JSONValue) -> Bool) throws -> JSONValue {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let found = inbox.messages.withLock { messages -> JSONValue? in
        guard let index = messages.firstIndex(where: predicate) else { return nil }
        return messages.remove(at: index)
      }
      if let found { return found }
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 {
        throw Failure(description: "timed out; received \(inbox.messages.withLock { $0.map { $0.serialized() } })")
      }
      _ = signal.wait(timeout: .now() + min(remaining, 0.5))
    }
  }

  func response(_ id: Int, timeout: Double = 20) throws -> JSONValue {
    try next(timeout: timeout) { $0["id"] == .int(id) && $0["method"] == nil }
  }

  func waitForExit(timeout: Double = 20) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      if Date() > deadline { throw Failure(description: "the server did not exit") }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return process.terminationStatus
  }

  /// Everything the server sent that no `next` took yet.
  func received() -> [JSONValue] { inbox.messages.withLock { $0 } }

  /// The server's resident memory, in megabytes, from `/proc`.
  var residentMegabytes: Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes / 1024
  }

  var everythingOnStandardOutputWasFramed: Bool {
    inbox.messages.withLock { !$0.contains { $0["framing"] != nil } }
  }

  func initialize(encodings: [String] = []) throws {
    try request(
      1,
      "initialize",
      .object([
        ("processId", .null),
        (
          "capabilities",
          .object([("general", .object([("positionEncodings", .array(encodings.map(JSONValue.string)))]))])
        ),
      ])
    )
    _ = try response(1)
    try notify("initialized")
  }
}
