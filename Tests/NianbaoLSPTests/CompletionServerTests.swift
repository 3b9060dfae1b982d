import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Testing

/// Completion through the built binary over pipes, in an editing session: a label typed after an
/// emoji, in UTF-16 and UTF-8; a whole table inserted as a snippet (or as plain text for an
/// editor without snippets) reads as a clean table.
@Suite struct CompletionServerTests {
  static let uri = "file:///tmp/%E5%AE%8C%E6%88%90.txt"

  /// The clean report without table 三 (its heading kept, an empty line where the table was),
  /// and the 0-based line of that empty line.
  static func reportWithoutTableThree() -> (String, Int) {
    let text = Fixtures.text("clean-2025-tabs.txt")
    let heading = "三、收到和处理政府信息公开申请情况\n"
    let start = text.range(of: heading)!.upperBound
    let end = text.range(of: "\n\n四、", range: start..<text.endIndex)!.lowerBound
    let without = String(text[..<start]) + String(text[end...])
    let line = text[..<start].filter { $0 == "\n" }.count
    return (without, line)
  }

  func units(_ text: String, _ encoding: String) -> Int { encoding == "utf-8" ? text.utf8.count : text.utf16.count }

  func change(_ server: ServerProcess, version: Int, range: JSONValue, text: String) throws {
    try server.notify(
      "textDocument/didChange",
      .object([
        ("textDocument", .object([("uri", .string(Self.uri)), ("version", .int(version))])),
        ("contentChanges", .array([.object([("range", range), ("text", .string(text))])])),
      ])
    )
  }

  func complete(_ server: ServerProcess, id: Int, line: Int, character: Int) throws -> [JSONValue] {
    try server.request(
      id,
      "textDocument/completion",
      .object([("textDocument", .object([("uri", .string(Self.uri))])), ("position", position(line, character))])
    )
    let result = try server.response(id)["result"]
    #expect(result?["isIncomplete"] == true)
    return result?["items"]?.array ?? []
  }

  @Test(arguments: [("utf-16", true), ("utf-8", false)])
  func editingSession(encoding: String, snippets: Bool) throws {
    let server = try ServerProcess()
    try server.request(
      1,
      "initialize",
      .object([
        ("processId", .null),
        (
          "capabilities",
          .object([
            ("general", .object([("positionEncodings", .array([.string(encoding)]))])),
            (
              "textDocument",
              .object([("completion", .object([("completionItem", .object([("snippetSupport", .bool(snippets))]))]))])
            ),
          ])
        ),
      ])
    )
    let provider = try server.response(1)["result"]?["capabilities"]?["completionProvider"]
    let triggers = provider?["triggerCharacters"]?.array?.compactMap(\.string) ?? []
    #expect(triggers.contains("、") && triggers.contains("（") && triggers.contains("("))
    try server.notify("initialized")
    let (text, line) = Self.reportWithoutTableThree()
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([("uri", .string(Self.uri)), ("languageId", "nianbao"), ("version", 1), ("text", .string(text))])
        )
      ])
    )
    let opened = try server.next { $0["method"] == "textDocument/publishDiagnostics" }
    #expect(opened["params"]?["diagnostics"]?.array?.contains { $0["code"] == "NB104" } == true)

    // A Chinese line with an emoji before the cursor: the label is typed in the cell after it.
    let before = "🙂说明：\t"
    let typed = "（三）不予"
    try change(server, version: 2, range: range(line, 0, line, 0), text: before + typed)
    let cursor = units(before + typed, encoding)
    let items = try complete(server, id: 2, line: line, character: cursor)
    let first = try #require(items.first)
    #expect(first["label"] == "（三）不予公开")
    #expect(first["insertTextFormat"] == 1)
    let edit = try #require(first["textEdit"])
    #expect(edit["range"] == range(line, units(before, encoding), line, cursor))
    #expect(edit["newText"] == "（三）不予公开")
    try change(server, version: 3, range: edit["range"]!, text: "（三）不予公开")
    _ = try server.next { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 3 }

    // The whole table, typed for on the same line.
    let lineEnd = units(before + "（三）不予公开", encoding)
    try change(server, version: 4, range: range(line, 0, line, lineEnd), text: "表三")
    let tableItems = try complete(server, id: 3, line: line, character: units("表三", encoding))
    let table = try #require(tableItems.first { $0["kind"] == 15 })
    #expect(table["label"] == "表三：收到和处理政府信息公开申请情况（整表）")
    let tableEdit = try #require(table["textEdit"])
    #expect(tableEdit["range"] == range(line, 0, line, units("表三", encoding)))
    var inserted = try #require(tableEdit["newText"]?.string)
    if snippets {
      #expect(table["insertTextFormat"] == 2)
      #expect(inserted.contains("${1:0}") && inserted.contains("${175:0}"))
      // The editor expands the snippet, the user leaves every 0.
      for stop in (1...175).reversed() { inserted = inserted.replacingOccurrences(of: "${\(stop):0}", with: "0") }
    } else {
      #expect(table["insertTextFormat"] == 1)
    }
    #expect(!inserted.contains("$"))
    try change(server, version: 5, range: tableEdit["range"]!, text: inserted)
    let filled = try server.next {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 5
    }
    // Table 三 is there, whole; only the text's numbers (12 applications …) now differ from its 0s.
    let codes = Set(filled["params"]?["diagnostics"]?.array?.compactMap { $0["code"]?.string } ?? [])
    #expect(codes.isSubset(of: ["NB501"]), "\(codes)")
    try server.request(9, "shutdown")
    _ = try server.response(9)
    try server.notify("exit")
    #expect(try server.waitForExit() == 0)
  }
}
