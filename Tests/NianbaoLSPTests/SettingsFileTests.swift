import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// `nianbao.toml` with the in-process client: pulling clients, and the editor's settings over
/// the file's.
@Suite struct SettingsFileTests {
  @Test func pullingClientIsAskedToRefreshWhenTheFileChanges() async throws {
    let folder = try TestPaths.temporaryDirectory()
    let config = folder.appendingPathComponent("nianbao.toml")
    try Data("[rules]\nNB201 = \"off\"\n".utf8).write(to: config)
    let uri = folder.appendingPathComponent("报告.txt").absoluteString
    let client = TestClient()
    _ = await client.initialize(
      capabilities: .object([
        ("textDocument", .object([("diagnostic", .object([("dynamicRegistration", false)]))])),
        ("workspace", .object([("diagnostics", .object([("refreshSupport", true)]))])),
      ])
    )
    #expect(!client.take().contains { $0["method"] == "client/registerCapability" })
    await client.open(uri, Fixtures.text("nb201-row-total.txt"))
    let first = await client.request("textDocument/diagnostic", .object([("textDocument", textDocument(uri))]))
    #expect(first["result"]?["items"] == [])

    try Data("language = \"en\"\n".utf8).write(to: config)
    await client.notify(
      "workspace/didChangeWatchedFiles",
      .object([("changes", .array([.object([("uri", .string(config.absoluteString)), ("type", 2)])]))])
    )
    #expect(client.take().contains { $0["method"] == "workspace/diagnostic/refresh" })
    let second = await client.request(
      "textDocument/diagnostic",
      .object([("textDocument", textDocument(uri)), ("previousResultId", first["result"]!["resultId"]!)])
    )
    #expect(second["result"]?["kind"] == "full")
    #expect(second["result"]?["items"]?[0]?["code"] == "NB201")
    #expect(second["result"]?["items"]?[0]?["message"]?.string?.hasPrefix("Table 三") == true)

    // A change of another file is not a change of settings.
    await client.notify(
      "workspace/didChangeWatchedFiles",
      .object([("changes", .array([.object([("uri", .string(uri)), ("type", 2)])]))])
    )
    #expect(!client.take().contains { $0["method"] == "workspace/diagnostic/refresh" })
  }

  @Test func editorSettingsWinOverTheFile() async throws {
    let folder = try TestPaths.temporaryDirectory()
    try Data("language = \"en\"\n[rules]\nNB201 = \"off\"\nNB114 = \"error\"\n".utf8).write(
      to: folder.appendingPathComponent("nianbao.toml")
    )
    let client = TestClient()
    _ = await client.initialize(options: .object([("language", "zh"), ("rules", .object([("NB201", "warning")]))]))
    let total = folder.appendingPathComponent("总计.txt").absoluteString
    await client.open(total, Fixtures.text("nb201-row-total.txt"))
    let published = client.notifications("textDocument/publishDiagnostics")
    let diagnostics = published.last?["params"]?["diagnostics"]
    #expect(diagnostics?[0]?["code"] == "NB201")
    #expect(diagnostics?[0]?["severity"] == 2)
    #expect(diagnostics?[0]?["message"]?.string?.hasPrefix("表三") == true)
    let blank = folder.appendingPathComponent("空白.txt").absoluteString
    await client.open(blank, Fixtures.text("nb114-blank.txt"))
    let blankDiagnostics = client.notifications("textDocument/publishDiagnostics").last?["params"]?["diagnostics"]
    #expect(blankDiagnostics?[0]?["code"] == "NB114")
    #expect(blankDiagnostics?[0]?["severity"] == 1)
  }
}
