import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Testing

/// The built server over pipes with a workspace folder holding thousands of reports: a document
/// opened at once gets its own findings without waiting for the workspace to be indexed, and its
/// cross-year findings when the index is ready.
@Suite struct WorkspaceIndexServerTests {
  static let reports = 5_000

  @Test func theFirstDiagnosticsDoNotWaitForTheIndex() throws {
    let root = try TestPaths.temporaryDirectory().appendingPathComponent("县级年报")
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let other = TestPaths.fixtureText("clean-2025-tabs.txt")
    for index in 0..<Self.reports {
      let folder = root.appendingPathComponent("机关\(index / 100)")
      if index % 100 == 0 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
      let text = other.replacingOccurrences(of: "青禾县", with: "青禾县第\(index)")
      try Data(text.utf8).write(to: folder.appendingPathComponent("\(index).txt"))
    }
    let lastYear = root.appendingPathComponent("白石镇/白石镇2024年度报告.txt")
    let thisYear = root.appendingPathComponent("白石镇/白石镇2025年度报告.txt")
    try FileManager.default.createDirectory(at: lastYear.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(TestPaths.fixtureText("cross-year/白石镇2024年度报告.txt").utf8).write(to: lastYear)
    let thisYearText = TestPaths.fixtureText("cross-year/白石镇2025年度报告.txt")
    try Data(thisYearText.utf8).write(to: thisYear)

    let server = try ServerProcess()
    try server.request(
      1,
      "initialize",
      .object([
        ("processId", .null), ("locale", "zh-CN"),
        ("workspaceFolders", .array([.object([("uri", .string(root.absoluteString)), ("name", "县级年报")])])),
        ("capabilities", .object([("window", .object([("workDoneProgress", true)]))])),
      ])
    )
    _ = try server.response(1)
    // `initialized` starts the index; the document is opened in the same write.
    let open = Outgoing.notification(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([
            ("uri", .string(thisYear.absoluteString)), ("languageId", "nianbao"), ("version", 1),
            ("text", .string(thisYearText)),
          ])
        )
      ])
    )
    try server.write(Outgoing.frame(Outgoing.notification("initialized", .object([]))) + Outgoing.frame(open))
    let create = try server.next { $0["method"] == "window/workDoneProgress/create" }
    try server.send(.object([("jsonrpc", "2.0"), ("id", create["id"]!), ("result", .null)]))

    let isPublished = { (message: JSONValue) in
      message["method"] == "textDocument/publishDiagnostics"
        && message["params"]?["uri"]?.string == thisYear.absoluteString
    }
    let isEnd = { (message: JSONValue) in
      message["method"] == "$/progress" && message["params"]?["value"]?["kind"] == "end"
    }
    let codes = { (message: JSONValue) in message["params"]?["diagnostics"]?.array?.map { $0["code"]?.string } ?? [] }
    // Everything the server sends until the index is ready and the cross-year finding is out.
    let deadline = Date().addingTimeInterval(60)
    var messages = server.received()
    while !(messages.contains(where: isEnd) && messages.contains { isPublished($0) && codes($0) == ["NB309"] }) {
      guard Date() < deadline else { throw ServerProcess.Failure(description: "no cross-year finding: \(messages)") }
      Thread.sleep(forTimeInterval: 0.05)
      messages = server.received()
    }
    // In order: the document's own findings (none) before the index was ready, then its
    // cross-year finding.
    let published = messages.indices.filter { isPublished(messages[$0]) }
    let first = try #require(published.first)
    #expect(codes(messages[first]).isEmpty)
    let begin = try #require(
      messages.firstIndex { $0["method"] == "$/progress" && $0["params"]?["value"]?["kind"] == "begin" }
    )
    let end = try #require(messages.firstIndex(where: isEnd))
    #expect(first < begin && begin < end)
    #expect(messages[end]["params"]?["token"] == create["params"]?["token"])
    #expect(published.last.map { codes(messages[$0]) } == ["NB309"])
    try server.request(2, "shutdown")
    _ = try server.response(2)
    try server.notify("exit")
    #expect(try server.waitForExit() == 0)
  }
}
