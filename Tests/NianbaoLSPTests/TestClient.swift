import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Synchronization

/// An editor in the same process: owns a server, sends it messages, collects what it sends.
final class TestClient: Sendable {
  final class Outbox: Sendable {
    let messages = Mutex<[JSONValue]>([])
  }

  let server: LanguageServer
  let cancellations = CancellationRegistry()
  private let box = Outbox()
  private let nextID = Mutex(1)

  init() {
    let box = self.box
    server = LanguageServer(
      cancellations: cancellations,
      send: { message in box.messages.withLock { $0.append(message) } }
    )
  }

  /// Sends a request and returns its response (the whole message).
  @discardableResult
  func request(_ method: String, _ params: JSONValue = .object([])) async -> JSONValue {
    let id = nextID.withLock { value -> Int in
      defer { value += 1 }
      return value
    }
    await server.handle(.request(id: .int(id), method: method, params: params))
    await server.flush()
    let messages = take()
    guard let response = messages.first(where: { $0["id"] == .int(id) && $0["method"] == nil }) else {
      fatalError("no response to \(method): \(messages.map { $0.serialized() })")
    }
    box.messages.withLock { $0.append(contentsOf: messages.filter { $0["id"] != .int(id) || $0["method"] != nil }) }
    return response
  }

  func notify(_ method: String, _ params: JSONValue = .object([])) async {
    await server.handle(.notification(method: method, params: params))
    await server.flush()
  }

  /// Everything the server sent since the last call.
  func take() -> [JSONValue] {
    box.messages.withLock { messages in
      defer { messages.removeAll() }
      return messages
    }
  }

  func notifications(_ method: String) -> [JSONValue] {
    take().filter { $0["method"]?.string == method }
  }

  func initialize(
    capabilities: JSONValue = .object([]),
    locale: String? = "zh-CN",
    options: JSONValue? = nil
  ) async -> JSONValue {
    let response = await request(
      "initialize",
      .object([
        ("processId", .null), ("capabilities", capabilities), ("locale", locale.map(JSONValue.string)),
        ("initializationOptions", options),
      ])
    )
    await notify("initialized")
    return response
  }

  func open(_ uri: String, _ text: String, languageId: String = "nianbao", version: Int = 1) async {
    await notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([
            ("uri", .string(uri)), ("languageId", .string(languageId)), ("version", .int(version)),
            ("text", .string(text)),
          ])
        )
      ])
    )
  }

  func change(_ uri: String, version: Int, _ changes: [JSONValue]) async {
    await notify(
      "textDocument/didChange",
      .object([
        ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
        ("contentChanges", .array(changes)),
      ])
    )
  }
}

func position(_ line: Int, _ character: Int) -> JSONValue {
  .object([("line", .int(line)), ("character", .int(character))])
}

func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> JSONValue {
  .object([("start", position(l1, c1)), ("end", position(l2, c2))])
}

func textDocument(_ uri: String) -> JSONValue { .object([("uri", .string(uri))]) }

enum Fixtures {
  static let directory = TestPaths.fixtures

  static func text(_ name: String) -> String { TestPaths.fixtureText(name) }
}

/// Applies LSP text edits (positions in an encoding) to a text, the way an editor does.
func applyEdits(_ edits: [JSONValue], to text: String, encoding: String = "utf-16") -> String {
  var scalars = Array(text.unicodeScalars)
  func index(_ p: JSONValue) -> Int {
    var starts = [0]
    var i = 0
    while i < scalars.count {
      if scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
        i += 2
        starts.append(i)
      } else if scalars[i] == "\n" || scalars[i] == "\r" {
        i += 1
        starts.append(i)
      } else {
        i += 1
      }
    }
    var k = starts[min(p["line"]!.int!, starts.count - 1)]
    var units = p["character"]!.int!
    while units > 0, k < scalars.count, scalars[k] != "\n", scalars[k] != "\r" {
      units -= encoding == "utf-8" ? scalars[k].utf8.count : encoding == "utf-16" ? scalars[k].utf16.count : 1
      k += 1
    }
    return k
  }
  let ordered = edits.map { (index($0["range"]!["start"]!), index($0["range"]!["end"]!), $0["newText"]!.string!) }
    .sorted { $0.0 > $1.0 }
  for (start, end, newText) in ordered {
    scalars.replaceSubrange(start..<end, with: Array(newText.unicodeScalars))
  }
  return String(String.UnicodeScalarView(scalars))
}
