import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Testing

/// Next year's report from the editor, with the built server over pipes: a workspace folder
/// holding this year's report, the code action on it, the command, and the file it creates.
@Suite struct NewReportServerTests {
  static let kind = "source.newReport.nianbao"

  func start(in folder: URL, createFiles: Bool) throws -> ServerProcess {
    let server = try ServerProcess()
    let workspaceEdit: JSONValue =
      createFiles
      ? .object([("documentChanges", true), ("resourceOperations", .array(["create", "rename", "delete"]))])
      : .object([("documentChanges", true)])
    try server.request(
      1,
      "initialize",
      .object([
        ("processId", .null), ("locale", "zh-CN"),
        ("workspaceFolders", .array([.object([("uri", .string(folder.absoluteString)), ("name", "reports")])])),
        ("capabilities", .object([("workspace", .object([("workspaceEdit", workspaceEdit)]))])),
      ])
    )
    let initialized = try server.response(1)
    let commands = initialized["result"]?["capabilities"]?["executeCommandProvider"]?["commands"]?.array
    #expect(commands == ["nianbao.newReport"])
    try server.notify("initialized")
    return server
  }

  func open(_ server: ServerProcess, _ url: URL) throws {
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([
            ("uri", .string(url.absoluteString)), ("languageId", "nianbao"), ("version", 1),
            ("text", .string(TestPaths.text(at: url))),
          ])
        )
      ])
    )
  }

  func newReportActions(_ server: ServerProcess, _ url: URL, id: Int) throws -> [JSONValue] {
    try server.request(
      id,
      "textDocument/codeAction",
      .object([
        ("textDocument", .object([("uri", .string(url.absoluteString))])),
        ("range", range(0, 0, 0, 0)),
        ("context", .object([("diagnostics", .array([])), ("only", .array([.string(Self.kind)]))])),
      ])
    )
    return try server.response(id)["result"]?.array ?? []
  }

  func folderWithThisYearsReport() throws -> (folder: URL, report: URL) {
    let folder = try TestPaths.temporaryDirectory()
    let report = folder.appendingPathComponent("白石镇2025年度报告.txt")
    try Data(Fixtures.text("clean-2025-signed.txt").utf8).write(to: report)
    return (folder, report)
  }

  @Test func createsNextYearsReportBesideThisYears() throws {
    let (folder, report) = try folderWithThisYearsReport()
    let server = try start(in: folder, createFiles: true)
    try open(server, report)
    let actions = try newReportActions(server, report, id: 2)
    #expect(actions.count == 1)
    let command = try #require(actions.first?["command"])
    #expect(command["command"] == "nianbao.newReport")
    #expect(actions.first?["title"]?.string?.contains("2026") == true)

    try server.request(3, "workspace/executeCommand", command)
    let applyEdit = try server.next { $0["method"] == "workspace/applyEdit" }
    let changes = try #require(applyEdit["params"]?["edit"]?["documentChanges"]?.array)
    let expected = folder.appendingPathComponent("白石镇2026年度报告.txt")
    #expect(changes.count == 2)
    #expect(changes[0]["kind"] == "create")
    #expect(changes[0]["uri"]?.string == expected.absoluteString)
    #expect(changes[0]["options"]?["overwrite"] == false)
    #expect(changes[1]["textDocument"]?["uri"]?.string == expected.absoluteString)
    let text = try #require(changes[1]["edits"]?[0]?["newText"]?.string)
    #expect(text.hasPrefix("青禾县白石镇人民政府2026年政府信息公开工作年度报告\n"))
    // The editor applies it: creates the file with the text, and answers.
    try Data(text.utf8).write(to: expected)
    try server.send(.object([("jsonrpc", "2.0"), ("id", applyEdit["id"]!), ("result", .object([("applied", true)]))]))
    let result = try server.response(3)["result"]
    #expect(result?["uri"]?.string == expected.absoluteString)
    #expect(result?["created"] == true)

    // The new report, opened: only its placeholders are reported.
    try open(server, expected)
    let published = try server.next {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == expected.absoluteString
    }
    let codes = published["params"]?["diagnostics"]?.array?.compactMap { $0["code"]?.string } ?? []
    #expect(!codes.isEmpty && codes.allSatisfy { $0 == "NB117" }, "\(codes)")
    // A report with placeholders left is not finished: no action on it.
    #expect(try newReportActions(server, expected, id: 4).isEmpty)

    // Run again: the file exists now and is not replaced.
    try server.request(5, "workspace/executeCommand", command)
    #expect(try server.response(5)["result"]?["created"] == false)
    let message = try server.next { $0["method"] == "window/showMessage" }
    #expect(message["params"]?["message"]?.string?.contains("已存在") == true)
    #expect(!server.received().contains { $0["method"] == "workspace/applyEdit" })
  }

  @Test func returnsTheTextWhenTheEditorCannotCreateFiles() throws {
    let (folder, report) = try folderWithThisYearsReport()
    let server = try start(in: folder, createFiles: false)
    try open(server, report)
    let command = try #require(try newReportActions(server, report, id: 2).first?["command"])
    try server.request(3, "workspace/executeCommand", command)
    let result = try server.response(3)["result"]
    #expect(result?["created"] == false)
    #expect(result?["text"]?.string?.contains("2026年政府信息公开工作年度报告") == true)
    let message = try server.next { $0["method"] == "window/showMessage" }
    #expect(message["params"]?["message"]?.string?.contains("CreateFile") == true)
    #expect(!server.received().contains { $0["method"] == "workspace/applyEdit" })
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("白石镇2026年度报告.txt").path))
  }

  @Test func saysWhatIsWrongWithABadCommand() throws {
    let (folder, report) = try folderWithThisYearsReport()
    let server = try start(in: folder, createFiles: true)
    try server.request(
      2,
      "workspace/executeCommand",
      .object([("command", "nianbao.newReport"), ("arguments", .array([.string(report.absoluteString)]))])
    )
    #expect(try server.response(2)["error"]?["message"]?.string?.contains("not open") == true)
    try server.request(3, "workspace/executeCommand", .object([("command", "nianbao.other")]))
    #expect(try server.response(3)["error"]?["code"] == -32602)
  }
}
