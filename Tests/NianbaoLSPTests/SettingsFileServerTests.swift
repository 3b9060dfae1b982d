import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// The built server over pipes with `nianbao.toml` and `nianbao-suppressions.json` beside the
/// documents: read per document, followed when they change, errors shown and serving goes on.
@Suite struct SettingsFileServerTests {
  static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

  /// The `code:severity` of the findings of a publishDiagnostics notification.
  static func findings(_ message: JSONValue) -> [String] {
    (message["params"]?["diagnostics"]?.array ?? []).map {
      "\($0["code"]?.string ?? "?"):\($0["severity"]?.int ?? 0)"
    }
  }

  func start(watching: Bool) throws -> ServerProcess {
    let server = try ServerProcess()
    try server.request(
      1,
      "initialize",
      .object([
        ("processId", .null), ("locale", "zh-CN"),
        (
          "capabilities",
          .object([
            ("workspace", .object([("didChangeWatchedFiles", .object([("dynamicRegistration", .bool(watching))]))]))
          ])
        ),
      ])
    )
    _ = try server.response(1)
    try server.notify("initialized")
    return server
  }

  func open(_ server: ServerProcess, _ uri: String, _ text: String) throws {
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

  func published(_ server: ServerProcess, _ uri: String) throws -> JSONValue {
    try server.next { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }
  }

  func changed(_ server: ServerProcess, _ file: URL, type: Int = 2) throws {
    try server.notify(
      "workspace/didChangeWatchedFiles",
      .object([("changes", .array([.object([("uri", .string(file.absoluteString)), ("type", .int(type))])]))])
    )
  }

  @Test func ruleOffInTheFolderThenTheFileChangesThenItBreaks() throws {
    let folder = try TestPaths.temporaryDirectory().appendingPathComponent("乡镇")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let config = folder.appendingPathComponent("nianbao.toml")
    try Self.write("[rules]\nNB114 = \"off\"\n", to: config)
    let uri = folder.appendingPathComponent("白石镇2025年度报告.txt").absoluteString
    let server = try start(watching: true)

    let registration = try server.next { $0["method"] == "client/registerCapability" }
    let registered = registration["params"]?["registrations"]?[0]
    #expect(registered?["method"] == "workspace/didChangeWatchedFiles")
    let patterns = registered?["registerOptions"]?["watchers"]?.array?.compactMap { $0["globPattern"]?.string }
    #expect(patterns == ["**/nianbao.toml", "**/nianbao-suppressions.json", "**/*.txt", "**/*.md"])
    try server.send(.object([("jsonrpc", "2.0"), ("id", registration["id"]!), ("result", .null)]))

    try open(server, uri, Fixtures.text("nb114-blank.txt"))
    #expect(Self.findings(try published(server, uri)) == [])

    try Self.write("language = \"en\"\n[rules]\nNB114 = \"error\"\n", to: config)
    try changed(server, config)
    let raised = try published(server, uri)
    #expect(Self.findings(raised) == ["NB114:1"])
    #expect(raised["params"]?["diagnostics"]?[0]?["message"]?.string?.hasPrefix("Table 三") == true)

    try Self.write("[rules]\nNB114 = \"loud\"\n", to: config)
    try changed(server, config)
    let shown = try server.next { $0["method"] == "window/showMessage" }
    #expect(shown["params"]?["type"] == 1)
    let message = shown["params"]?["message"]?.string ?? ""
    #expect(message.contains("nianbao.toml:2:9: "), "\(message)")
    #expect(message.contains("级别“loud”无效"), "\(message)")
    // Checked without the broken file, and still serving.
    #expect(Self.findings(try published(server, uri)) == ["NB114:2"])
    try server.request(2, "textDocument/documentSymbol", .object([("textDocument", .object([("uri", .string(uri))]))]))
    #expect(try server.response(2)["result"]?.array?.isEmpty == false)

    try FileManager.default.removeItem(at: config)
    try changed(server, config, type: 3)
    #expect(Self.findings(try published(server, uri)) == ["NB114:2"])
    try server.request(3, "shutdown")
    _ = try server.response(3)
    try server.notify("exit")
    #expect(try server.waitForExit() == 0)
  }

  @Test func suppressionsFileIsHonouredAndFollowed() throws {
    let folder = try TestPaths.temporaryDirectory()
    try Self.write("# the team's settings\n", to: folder.appendingPathComponent("nianbao.toml"))
    let report = folder.appendingPathComponent("报告.txt")
    let text = Fixtures.text("nb201-row-total.txt")
    try Self.write(text, to: report)
    let server = try start(watching: false)
    #expect(throws: (any Error).self) { try server.next(timeout: 0.5) { $0["method"] == "client/registerCapability" } }
    try open(server, report.absoluteString, text)
    #expect(Self.findings(try published(server, report.absoluteString)) == ["NB201:1"])

    // The team accepts the finding with the command line; the editor reports the new file.
    let accept = try Program.nianbao(["--check", "--add-suppressions", report.path], in: folder)
    #expect(accept.status == 0)
    let suppressions = folder.appendingPathComponent("nianbao-suppressions.json")
    #expect(FileManager.default.fileExists(atPath: suppressions.path))
    try changed(server, suppressions, type: 1)
    #expect(Self.findings(try published(server, report.absoluteString)) == [])

    // Lines typed above the accepted finding keep it accepted.
    try server.notify(
      "textDocument/didChange",
      .object([
        ("textDocument", .object([("uri", .string(report.absoluteString)), ("version", 2)])),
        ("contentChanges", .array([.object([("range", range(1, 0, 1, 0)), ("text", "\n补充说明。\n")])])),
      ])
    )
    let afterEdit = try published(server, report.absoluteString)
    #expect(afterEdit["params"]?["version"] == 2)
    #expect(Self.findings(afterEdit) == [])
    try server.closeInput()
    #expect(try server.waitForExit() == 0)
  }
}
