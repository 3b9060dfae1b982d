import Foundation
import NianbaoCore
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// `textDocument/formatting` with the built server over pipes: an editing session on a CRLF
/// report with an emoji and a character outside the BMP, in each position encoding.
@Suite struct FormattingServerTests {
  /// A CRLF report with surrogate pairs (🏔️, 𠀋), a misnumbered heading and a label typo.
  static let document = Fixtures.text("clean-2025-crlf-bom.txt")
    .replacingOccurrences(of: "四、政府信息公开行政复议", with: "三、政府信息公开行政复议")
    .replacingOccurrences(of: "本年废止件数", with: "本年度止件数")

  func formatting(_ server: ServerProcess, _ uri: String, id: Int) throws -> [JSONValue] {
    try server.request(
      id,
      "textDocument/formatting",
      .object([
        ("textDocument", .object([("uri", .string(uri))])),
        ("options", .object([("tabSize", 4), ("insertSpaces", true)])),
      ])
    )
    return try #require(try server.response(id)["result"]?.array)
  }

  @Test(arguments: ["utf-16", "utf-8", "utf-32"])
  func editingSession(encoding: String) throws {
    #expect(Self.document.contains("🏔️") && Self.document.contains("𠀋") && Self.document.contains("\r\n"))
    let folder = try TestPaths.temporaryDirectory()
    let file = folder.appendingPathComponent("白石镇🏔️2025年度报告.txt")
    try Data(Self.document.utf8).write(to: file)
    let uri = file.absoluteString
    let server = try ServerProcess()
    try server.request(
      1,
      "initialize",
      .object([
        ("processId", .null),
        ("workspaceFolders", .array([.object([("uri", .string(folder.absoluteString)), ("name", "reports")])])),
        ("capabilities", .object([("general", .object([("positionEncodings", .array([.string(encoding)]))]))])),
      ])
    )
    let initialized = try server.response(1)
    #expect(initialized["result"]?["capabilities"]?["documentFormattingProvider"] == true)
    #expect(initialized["result"]?["capabilities"]?["positionEncoding"]?.string == encoding)
    try server.notify("initialized")
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([("uri", .string(uri)), ("languageId", "nianbao"), ("version", 1), ("text", .string(Self.document))])
        )
      ])
    )
    let before = try server.next { $0["method"] == "textDocument/publishDiagnostics" }
    let codesBefore = before["params"]?["diagnostics"]?.array?.compactMap { $0["code"]?.string } ?? []
    #expect(codesBefore.contains("NB113") && codesBefore.contains("NB105"))

    let edits = try formatting(server, uri, id: 2)
    #expect(edits.count == 4, "three tables and a heading number")
    let formatted = applyEdits(edits, to: Self.document, encoding: encoding)
    #expect(formatted == ReportFormatter.formatted(Self.document))
    #expect(formatted.contains("🏔️") && formatted.contains("𠀋"))
    #expect(!formatted.replacingOccurrences(of: "\r\n", with: "").contains("\n"))

    // The editor applies the edits; the findings about the layout are gone, none is new.
    try server.notify(
      "textDocument/didChange",
      .object([
        ("textDocument", .object([("uri", .string(uri)), ("version", 2)])),
        ("contentChanges", .array([.object([("text", .string(formatted))])])),
      ])
    )
    let after = try server.next {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 2
    }
    let codesAfter = after["params"]?["diagnostics"]?.array?.compactMap { $0["code"]?.string } ?? []
    #expect(codesAfter.isEmpty, "\(codesAfter)")
    // Formatting a formatted document changes nothing.
    #expect(try formatting(server, uri, id: 3).isEmpty)
  }

  @Test func unknownDocumentIsAnInvalidParameter() throws {
    let server = try ServerProcess()
    try server.initialize()
    try server.request(
      2,
      "textDocument/formatting",
      .object([("textDocument", .object([("uri", "file:///nowhere.txt")])), ("options", .object([]))])
    )
    #expect(try server.response(2)["error"]?["code"] == -32602)
  }
}
