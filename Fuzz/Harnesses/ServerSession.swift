// A language-server session: the input is a script of editor actions on one open report —
// incremental changes with ranges anywhere (past the end, inside a surrogate pair, backwards),
// whole-text changes, hovers, code actions, inlay hints, outlines, pulls, cancellations and
// raw bytes through the framing — in a position encoding the input chooses.
import Dispatch
import Glibc
import NianbaoJSON
import NianbaoLSP
import Synchronization

private let seedReport: String = {
  // The report every session starts from, written by Fuzz/run beside the harness.
  if let path = getenv("NIANBAO_FUZZ_REPORT"), let file = fopen(path, "rb") {
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while case let n = fread(&buffer, 1, buffer.count, file), n > 0 { bytes += buffer[0..<n] }
    return String(decoding: bytes, as: UTF8.self)
  }
  return "青禾县白石镇人民政府2025年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n"
}()

private struct Script {
  var bytes: [UInt8]
  var index = 0
  var isAtEnd: Bool { index >= bytes.count }
  mutating func next() -> Int {
    defer { index += 1 }
    return index < bytes.count ? Int(bytes[index]) : 0
  }
  mutating func text(_ length: Int) -> String {
    let end = min(bytes.count, index + length)
    defer { index = end }
    return String(decoding: bytes[min(index, end)..<end], as: UTF8.self)
  }
}

private final class Outbox: Sendable {
  let messages = Mutex<[JSONValue]>([])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServerSession(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: count))
  let done = DispatchSemaphore(value: 0)
  Task {
    await session(Script(bytes: bytes))
    done.signal()
  }
  done.wait()
  return 0
}

private func session(_ input: Script) async {
  var script = input
  let outbox = Outbox()
  let cancellations = CancellationRegistry()
  let server = LanguageServer(
    cancellations: cancellations,
    send: { message in
      _ = message.serialized()
      outbox.messages.withLock { $0.append(message) }
    }
  )
  let encodings = ["utf-16", "utf-8", "utf-32"]
  let encoding = encodings[script.next() % 3]
  let pull = script.next() % 2 == 1
  var capabilities: [(String, JSONValue?)] = [
    ("general", .object([("positionEncodings", .array([.string(encoding)]))]))
  ]
  if pull { capabilities.append(("textDocument", .object([("diagnostic", .object([]))]))) }
  var id = 1
  func request(_ method: String, _ params: JSONValue) async {
    await server.handle(.request(id: .int(id), method: method, params: params))
    id += 1
  }
  await request("initialize", .object([("processId", .null), ("capabilities", .object(capabilities))]))
  await server.handle(.notification(method: "initialized", params: .object([])))
  let uri = JSONValue.string("file:///work/报告.txt")
  let document = JSONValue.object([("uri", uri)])
  await server.handle(
    .notification(
      method: "textDocument/didOpen",
      params: .object([
        (
          "textDocument",
          .object([
            ("uri", uri), ("languageId", .string("nianbao")), ("version", .int(1)), ("text", .string(seedReport)),
          ])
        )
      ])
    )
  )
  var version = 1
  func position(_ script: inout Script) -> JSONValue {
    // Lines and columns near the report's, now and then far past its end.
    let line = script.next() * (script.next() % 4 == 0 ? 40 : 1)
    let character = script.next() * (script.next() % 8 == 0 ? 30 : 1)
    return .object([("line", .int(line)), ("character", .int(character))])
  }
  var framer = MessageFramer()
  while !script.isAtEnd, await server.exitCode == nil {
    switch script.next() % 10 {
    case 0, 1, 2:
      version += 1
      let range = JSONValue.object([("start", position(&script)), ("end", position(&script))])
      let change = JSONValue.object([("range", range), ("text", .string(script.text(script.next() % 24)))])
      await server.handle(
        .notification(
          method: "textDocument/didChange",
          params: .object([
            ("textDocument", .object([("uri", uri), ("version", .int(version))])), ("contentChanges", .array([change])),
          ])
        )
      )
    case 3:
      version += 1
      let text = script.next() % 2 == 0 ? script.text(script.next() * 4) : seedReport
      await server.handle(
        .notification(
          method: "textDocument/didChange",
          params: .object([
            ("textDocument", .object([("uri", uri), ("version", .int(version))])),
            ("contentChanges", .array([.object([("text", .string(text))])])),
          ])
        )
      )
    case 4:
      await request("textDocument/hover", .object([("textDocument", document), ("position", position(&script))]))
    case 5:
      let range = JSONValue.object([("start", position(&script)), ("end", position(&script))])
      await request(
        "textDocument/codeAction",
        .object([("textDocument", document), ("range", range), ("context", .object([("diagnostics", .array([]))]))])
      )
    case 6:
      let range = JSONValue.object([("start", position(&script)), ("end", position(&script))])
      await request("textDocument/inlayHint", .object([("textDocument", document), ("range", range)]))
    case 7:
      let method = ["textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/diagnostic"][
        script.next() % 3
      ]
      await request(method, .object([("textDocument", document)]))
    case 8:
      // Cancel the next request, or one long gone.
      cancellations.cancel(.int(id + (script.next() % 2 == 0 ? 0 : -1)))
    default:
      // Raw bytes through the framing, as a client that sends garbage between messages.
      for event in framer.feed(Array(script.text(script.next()).utf8)) {
        if case .message(let body) = event, case .success(let message) = IncomingMessage.parse(body) {
          await server.handle(message)
        }
      }
    }
    if script.next() % 3 == 0 { await server.flush() }
  }
  await server.flush()
  // A raw `exit` among the script's bytes ended the session: nothing more is read.
  if await server.exitCode != nil { return }
  await request("shutdown", .null)
  await server.handle(.notification(method: "exit", params: .null))
  // Every request was answered, and nothing the server sent is malformed.
  let sent = outbox.messages.withLock { $0 }
  for message in sent { precondition((try? JSONValue.parse(message.serialized())) != nil) }
  let answered = Set(sent.filter { $0["method"] == nil }.compactMap { $0["id"] })
  for request in 1..<id { precondition(answered.contains(.int(request)), "request \(request) was not answered") }
}
