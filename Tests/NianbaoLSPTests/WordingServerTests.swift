import Foundation
import NianbaoJSON
import NianbaoLSP
import Testing

/// What the editor shows in words, through the built binary: a hover that says a right date is
/// right, and English titles that count in the singular.
@Suite struct WordingServerTests {
  static let uri = "file:///tmp/%E7%99%BD%E7%9F%B3%E9%95%87.txt"

  static func open(_ server: ServerProcess, _ text: String) throws {
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([("uri", .string(uri)), ("languageId", "nianbao"), ("version", 1), ("text", .string(text))])
        )
      ])
    )
  }

  @Test func hoverOnARightSignatureDateSaysSo() throws {
    let server = try ServerProcess()
    try server.initialize()
    let text = Fixtures.text("clean-2025-signed.txt")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.lastIndex { $0.hasPrefix("2026年3月10日") })
    try Self.open(server, text)
    try server.request(
      2,
      "textDocument/hover",
      .object([
        ("textDocument", .object([("uri", .string(Self.uri))])),
        ("position", .object([("line", .int(line)), ("character", 2)])),
      ])
    )
    let hover = try server.response(2)["result"]?["contents"]?["value"]?.string ?? ""
    #expect(hover.contains("成文日期，在报告年度 2025 年之后 ✓"), "\(hover)")
    #expect(!hover.contains("不在报告年度"))
    try server.closeInput()
    _ = try server.waitForExit()
  }

  @Test func oneEditIsSingularInEnglish() throws {
    let server = try ServerProcess()
    try server.request(
      1,
      "initialize",
      .object([
        ("processId", .null), ("capabilities", .object([])),
        ("initializationOptions", .object([("language", "en")])),
      ])
    )
    _ = try server.response(1)
    try server.notify("initialized")
    try Self.open(server, Fixtures.text("nb201-row-total.txt"))
    _ = try server.next { $0["method"] == "textDocument/publishDiagnostics" }
    try server.request(
      2,
      "textDocument/codeAction",
      .object([
        ("textDocument", .object([("uri", .string(Self.uri))])),
        (
          "range",
          .object([
            ("start", .object([("line", 0), ("character", 0)])), ("end", .object([("line", 200), ("character", 0)])),
          ])
        ),
        ("context", .object([("diagnostics", .array([])), ("only", .array(["source.fixAll.nianbao"]))])),
      ])
    )
    let titles = try server.response(2)["result"]?.array?.compactMap { $0["title"]?.string } ?? []
    #expect(titles == ["Fix everything that is certain (1 edit)"], "\(titles)")
    try server.closeInput()
    _ = try server.waitForExit()
  }
}
