import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Testing

/// The built binary over real pipes.
@Suite struct BinaryServerTests {
  static let uri = "file:///tmp/%E6%8A%A5%E5%91%8A.txt"

  @Test func byteByByteAndSeveralMessagesInOneWrite() throws {
    let server = try ServerProcess()
    let initialize = Outgoing.frame(
      Outgoing.request(id: .int(1), "initialize", .object([("capabilities", .object([]))]))
    )
    for byte in initialize { try server.write([byte]) }
    let response = try server.response(1)
    #expect(response["result"]?["serverInfo"]?["name"] == "nianbao")
    try server.write(
      Outgoing.frame(Outgoing.request(id: .int(2), "nianbao/unknown", nil))
        + Outgoing.frame(Outgoing.request(id: .string("three"), "shutdown", nil))
    )
    #expect(try server.response(2)["error"]?["code"] == -32601)
    #expect(try server.next { $0["id"] == "three" }["result"] == .null)
    try server.notify("exit")
    #expect(try server.waitForExit() == 0)
    #expect(server.everythingOnStandardOutputWasFramed)
  }

  @Test func brokenMessagesAreAnsweredAndServingGoesOn() throws {
    let server = try ServerProcess()
    try server.write(Array("Content-Length: 9\r\n\r\n{\"a\": tru".utf8))
    #expect(try server.next { $0["error"]?["code"] == -32700 }["id"] == .null)
    try server.write(Array("Content-Length: 7\r\n\r\n[1,2,3]".utf8))
    #expect(try server.next { $0["error"]?["code"] == -32600 }["id"] == .null)
    try server.write(Array("Content-Length: 5\r\n\r\n\"\u{1}\"ab".utf8))
    #expect(try server.next { $0["error"]?["code"] == -32700 }["id"] == .null)
    // Invalid UTF-8 in a string.
    try server.write(Array("Content-Length: 8\r\n\r\n".utf8) + [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x30, 0x7D])
    #expect(try server.next { $0["error"]?["code"] == -32700 }["id"] == .null)
    try server.write(Array("X-Nothing: 1\r\n\r\n".utf8))
    #expect(
      try server.next { $0["error"]?["code"] == -32700 }["error"]?["message"]?.string?.contains("Content-Length")
        == true
    )
    try server.request(4, "textDocument/hover", .object([]))
    #expect(try server.response(4)["error"]?["code"] == -32002)
    try server.initialize()
    try server.request(
      5,
      "textDocument/hover",
      .object([("textDocument", .object([("uri", "file:///x")])), ("position", .string("nowhere"))])
    )
    #expect(try server.response(5)["error"]?["code"] == -32602)
    try server.closeInput()
    #expect(try server.waitForExit() == 0)
  }

  @Test func exitWithoutShutdownIsOne() throws {
    let server = try ServerProcess(arguments: ["--stdio"])
    try server.initialize()
    try server.notify("exit")
    #expect(try server.waitForExit() == 1)
  }

  @Test func cancelledRequest() throws {
    let server = try ServerProcess()
    try server.initialize()
    let text = Fixtures.text("clean-2025-tabs.txt")
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([("uri", .string(Self.uri)), ("languageId", "nianbao"), ("version", 1), ("text", .string(text))])
        )
      ])
    )
    let hover = Outgoing.request(
      id: .int(7),
      "textDocument/hover",
      .object([("textDocument", .object([("uri", .string(Self.uri))])), ("position", position(49, 38))])
    )
    try server.write(
      Outgoing.frame(hover) + Outgoing.frame(Outgoing.notification("$/cancelRequest", .object([("id", 7)])))
    )
    #expect(try server.response(7)["error"]?["code"] == -32800)
    try server.write(Outgoing.frame(Outgoing.request(id: .int(8), "textDocument/hover", hover["params"])))
    #expect(try server.response(8)["result"]?["contents"] != nil)
  }

  /// A whole editing session with Chinese text, emoji, a character outside the BMP and CRLF.
  @Test(arguments: ["utf-16", "utf-8"])
  func session(encoding: String) throws {
    let server = try ServerProcess()
    try server.initialize(encodings: [encoding])
    var lines = Fixtures.text("clean-2025-tabs.txt").split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init
    )
    lines[49] = "\t(四) 无法提供🙂\t1. 本机关不掌握相关政府信息𠀋\t2\t0\t0\t0\t1\t0\t3"
    let text = lines.joined(separator: "\r\n")
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([("uri", .string(Self.uri)), ("languageId", "nianbao"), ("version", 1), ("text", .string(text))])
        )
      ])
    )
    // The emoji and 𠀋 make the label differ from the format's: NB105, on exactly those words.
    let labelStart = "\t(四) 无法提供🙂\t1. "
    let label = "本机关不掌握相关政府信息𠀋"
    let labelRange =
      encoding == "utf-8"
      ? range(49, labelStart.utf8.count, 49, labelStart.utf8.count + label.utf8.count)
      : range(49, labelStart.utf16.count, 49, labelStart.utf16.count + label.utf16.count)
    let opened = try server.next { $0["method"] == "textDocument/publishDiagnostics" }
    #expect(opened["params"]?["diagnostics"]?.array?.map { $0["code"] } == ["NB105"])
    #expect(opened["params"]?["diagnostics"]?[0]?["range"] == labelRange)
    let prefix = "\t(四) 无法提供🙂\t1. 本机关不掌握相关政府信息𠀋\t2\t0\t0\t0\t1\t0\t"
    let column = encoding == "utf-8" ? prefix.utf8.count : prefix.utf16.count
    // Type a wrong total.
    try server.notify(
      "textDocument/didChange",
      .object([
        ("textDocument", .object([("uri", .string(Self.uri)), ("version", 2)])),
        ("contentChanges", .array([.object([("range", range(49, column, 49, column + 1)), ("text", "5")])])),
      ])
    )
    let changed = try server.next { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 2 }
    let diagnostic = try #require(changed["params"]?["diagnostics"]?.array?.first { $0["code"] == "NB201" })
    #expect(diagnostic["range"] == range(49, column, 49, column + 1))
    // The quick-fix, applied by the client, clears it.
    try server.request(
      3,
      "textDocument/codeAction",
      .object([
        ("textDocument", .object([("uri", .string(Self.uri))])), ("range", range(49, column, 49, column)),
        ("context", .object([("diagnostics", .array([diagnostic])), ("only", ["quickfix"])])),
      ])
    )
    let action = try #require(try server.response(3)["result"]?[0])
    let edits = try #require(action["edit"]?["changes"]?[Self.uri]?.array)
    #expect(edits == [.object([("range", range(49, column, 49, column + 1)), ("newText", "3")])])
    try server.notify(
      "textDocument/didChange",
      .object([
        ("textDocument", .object([("uri", .string(Self.uri)), ("version", 3)])),
        ("contentChanges", .array(edits.map { .object([("range", $0["range"]!), ("text", $0["newText"]!)]) })),
      ])
    )
    let cleared = try server.next { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 3 }
    #expect(cleared["params"]?["diagnostics"]?.array?.map { $0["code"] } == ["NB105"])
    try server.request(4, "shutdown")
    _ = try server.response(4)
    try server.notify("exit")
    #expect(try server.waitForExit() == 0)
  }

  /// A 10 MB paste is checked, and the server answers the next request.
  @Test func tenMegabytePaste() throws {
    let server = try ServerProcess()
    try server.initialize()
    let report = Fixtures.text("nb201-row-total.txt")
    let big = String(repeating: report, count: 10_000_000 / report.utf8.count + 1)
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([("uri", .string(Self.uri)), ("languageId", "nianbao"), ("version", 1), ("text", .string(big))])
        )
      ])
    )
    let published = try server.next(timeout: 120) { $0["method"] == "textDocument/publishDiagnostics" }
    #expect(published["params"]?["diagnostics"]?.array?.isEmpty == false)
    try server.request(
      2,
      "textDocument/documentSymbol",
      .object([("textDocument", .object([("uri", .string(Self.uri))]))])
    )
    #expect(try server.response(2, timeout: 60)["result"]?.array?.isEmpty == false)
  }
}
