import Foundation
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Testing

/// The server in-process, through a test client.
@Suite struct ServerTests {
  static let uri = "file:///reports/%E7%99%BD%E7%9F%B3%E9%95%87.txt"
  static let clean = Fixtures.text("clean-2025-tabs.txt")
  /// Line 49 (0-based) of the clean report: `\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t2\t0\t0\t0\t1\t0\t3`.
  static let totalLine = 49
  static let totalColumn = 38

  @Test func requestsBeforeInitialize() async {
    let client = TestClient()
    let response = await client.request("textDocument/hover", .object([]))
    #expect(response["error"]?["code"] == -32002)
    let ok = await client.initialize()
    #expect(ok["result"]?["capabilities"]?["positionEncoding"] == "utf-16")
    #expect(ok["result"]?["capabilities"]?["workspace"]?["workspaceFolders"]?["changeNotifications"] == true)
    let again = await client.request("initialize", .object([("capabilities", .object([]))]))
    #expect(again["error"]?["code"] == -32600)
  }

  @Test(arguments: [
    ([], "utf-16"), (["utf-8", "utf-16"], "utf-8"), (["utf-16", "utf-8"], "utf-16"), (["utf-32"], "utf-32"),
    (["latin-1"], "utf-16"),
  ])
  func positionEncodingNegotiation(offered: [String], chosen: String) async {
    let client = TestClient()
    let capabilities = JSONValue.object([
      ("general", .object([("positionEncodings", .array(offered.map(JSONValue.string)))]))
    ])
    let response = await client.initialize(capabilities: capabilities)
    #expect(response["result"]?["capabilities"]?["positionEncoding"] == .string(chosen))
  }

  /// Open a clean report, type a wrong total, see the finding, take the quick-fix, see it clear.
  @Test func editingSession() async throws {
    let client = TestClient()
    _ = await client.initialize(
      capabilities: .object([("workspace", .object([("workspaceEdit", .object([("documentChanges", true)]))]))])
    )
    await client.open(Self.uri, Self.clean)
    let opened = client.notifications("textDocument/publishDiagnostics")
    #expect(opened.count == 1)
    #expect(opened[0]["params"]?["version"] == 1)
    #expect(opened[0]["params"]?["diagnostics"] == [])

    // Type "4" over the total 3.
    await client.change(
      Self.uri,
      version: 2,
      [
        .object([
          ("range", range(Self.totalLine, Self.totalColumn, Self.totalLine, Self.totalColumn + 1)), ("text", "4"),
        ])
      ]
    )
    let published = client.notifications("textDocument/publishDiagnostics")
    #expect(published.count == 1)
    let params = try #require(published.first?["params"])
    #expect(params["version"] == 2)
    #expect(params["uri"] == .string(Self.uri))
    let diagnostic = try #require(params["diagnostics"]?[0])
    #expect(params["diagnostics"]?.array?.count == 1)
    #expect(diagnostic["code"] == "NB201")
    #expect(diagnostic["severity"] == 1)
    #expect(diagnostic["source"] == "nianbao")
    #expect(diagnostic["range"] == range(Self.totalLine, Self.totalColumn, Self.totalLine, Self.totalColumn + 1))
    #expect(
      diagnostic["codeDescription"]?["href"] == "https://github.com/nianbao/nianbao/blob/main/docs/rules/NB201.md"
    )
    #expect(diagnostic["message"]?.string?.hasPrefix("表三“（四）无法提供 1.本机关不掌握相关政府信息”行“总计”列应为 3，实为 4") == true)
    #expect(diagnostic["relatedInformation"]?.array?.isEmpty == false)

    // Hover shows the sum.
    let hover = await client.request(
      "textDocument/hover",
      .object([("textDocument", textDocument(Self.uri)), ("position", position(Self.totalLine, Self.totalColumn))])
    )
    let hoverText = try #require(hover["result"]?["contents"]?["value"]?.string)
    #expect(hoverText.contains("`总计 = 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 3`，写的是 4 ✗"))

    // The light bulb.
    let actions = await client.request(
      "textDocument/codeAction",
      .object([
        ("textDocument", textDocument(Self.uri)),
        ("range", range(Self.totalLine, Self.totalColumn, Self.totalLine, Self.totalColumn)),
        ("context", .object([("diagnostics", .array([diagnostic]))])),
      ])
    )
    let list = try #require(actions["result"]?.array)
    let quickfix = try #require(list.first { $0["kind"] == "quickfix" })
    #expect(quickfix["title"] == "重新计算为 3")
    #expect(quickfix["isPreferred"] == true)
    #expect(quickfix["diagnostics"]?[0]?["code"] == "NB201")
    let change = try #require(quickfix["edit"]?["documentChanges"]?[0])
    #expect(change["textDocument"]?["version"] == 2)
    #expect(list.contains { $0["kind"] == "source.fixAll.nianbao" })

    // Inlay hint beside the wrong total.
    let hints = await client.request(
      "textDocument/inlayHint",
      .object([("textDocument", textDocument(Self.uri)), ("range", range(0, 0, 200, 0))])
    )
    #expect(hints["result"]?[0]?["label"] == "≠ 3")
    #expect(hints["result"]?[0]?["position"] == position(Self.totalLine, Self.totalColumn + 1))

    // Take the fix, as the editor does, and the finding clears.
    let edits = try #require(change["edits"]?.array)
    let current = applyEdits(
      [
        .object([
          ("range", range(Self.totalLine, Self.totalColumn, Self.totalLine, Self.totalColumn + 1)), ("newText", "4"),
        ])
      ],
      to: Self.clean
    )
    let fixed = applyEdits(edits, to: current)
    #expect(fixed == Self.clean)
    await client.change(
      Self.uri,
      version: 3,
      edits.map { .object([("range", $0["range"]!), ("text", $0["newText"]!)]) }
    )
    let cleared = client.notifications("textDocument/publishDiagnostics")
    #expect(cleared.count == 1)
    #expect(cleared.first?["params"]?["version"] == 3)
    #expect(cleared.first?["params"]?["diagnostics"] == [])

    await client.notify("textDocument/didClose", .object([("textDocument", textDocument(Self.uri))]))
    #expect(client.notifications("textDocument/publishDiagnostics").first?["params"]?["diagnostics"] == [])
  }

  /// A burst of edits is checked once, at the newest version.
  @Test func burstPublishesOnlyTheNewest() async {
    let client = TestClient()
    _ = await client.initialize()
    await client.open(Self.uri, Self.clean)
    _ = client.take()
    for (version, digit) in [(2, "5"), (3, "6"), (4, "7")] {
      await client.server.handle(
        .notification(
          method: "textDocument/didChange",
          params: .object([
            ("textDocument", .object([("uri", .string(Self.uri)), ("version", .int(version))])),
            (
              "contentChanges",
              .array([
                .object([
                  ("range", range(Self.totalLine, Self.totalColumn, Self.totalLine, Self.totalColumn + 1)),
                  ("text", .string(digit)),
                ])
              ])
            ),
          ])
        )
      )
    }
    await client.server.flush()
    let published = client.notifications("textDocument/publishDiagnostics")
    #expect(published.count == 1)
    #expect(published.first?["params"]?["version"] == 4)
    #expect(published.first?["params"]?["diagnostics"]?[0]?["message"]?.string?.contains("实为 7") == true)
  }

  /// Chinese text, emoji, a character outside the BMP, CRLF and a BOM, in UTF-16 and UTF-8.
  @Test(arguments: ["utf-16", "utf-8", "utf-32"])
  func positionsWithWideCharacters(encoding: String) async throws {
    let client = TestClient()
    let capabilities = JSONValue.object([("general", .object([("positionEncodings", .array([.string(encoding)]))]))])
    _ = await client.initialize(capabilities: capabilities)
    // Emoji and 𠀋 on the line of the mistake, before the wrong value; CRLF everywhere; a BOM.
    let lines = Self.clean.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var edited = lines
    edited[Self.totalLine] = "\t(四) 无法提供😀\t1. 本机关不掌握相关政府信息𠀋\t2\t0\t0\t0\t1\t0\t4"
    let text = "\u{FEFF}" + edited.joined(separator: "\r\n")
    await client.open(Self.uri, text)
    let published = client.notifications("textDocument/publishDiagnostics")
    let diagnostic = try #require(published.first?["params"]?["diagnostics"]?.array?.first { $0["code"] == "NB201" })
    let prefix = "\t(四) 无法提供😀\t1. 本机关不掌握相关政府信息𠀋\t2\t0\t0\t0\t1\t0\t"
    let column: Int
    switch encoding {
    case "utf-8": column = prefix.utf8.count
    case "utf-16": column = prefix.utf16.count
    default: column = prefix.unicodeScalars.count
    }
    #expect(diagnostic["range"] == range(Self.totalLine, column, Self.totalLine, column + 1))

    // An incremental edit with positions in the same encoding lands on the same character.
    await client.change(
      Self.uri,
      version: 2,
      [.object([("range", range(Self.totalLine, column, Self.totalLine, column + 1)), ("text", "3")])]
    )
    let after = client.notifications("textDocument/publishDiagnostics")
    #expect(after.first?["params"]?["diagnostics"]?.array?.contains { $0["code"] == "NB201" } == false)
    // The BOM counts on line 0: a hover on the title's year still finds the date-free title (no crash, no shift).
    let hover = await client.request(
      "textDocument/hover",
      .object([("textDocument", textDocument(Self.uri)), ("position", position(Self.totalLine, column))])
    )
    #expect(hover["result"]?["range"] == range(Self.totalLine, column, Self.totalLine, column + 1))
  }

  @Test func pullDiagnostics() async throws {
    let client = TestClient()
    let capabilities = JSONValue.object([
      ("textDocument", .object([("diagnostic", .object([("dynamicRegistration", false)]))])),
      ("workspace", .object([("diagnostics", .object([("refreshSupport", true)])), ("configuration", true)])),
    ])
    let response = await client.initialize(capabilities: capabilities)
    #expect(response["result"]?["capabilities"]?["diagnosticProvider"]?["interFileDependencies"] == false)
    let configurationRequest = client.take().first { $0["method"] == "workspace/configuration" }
    #expect(configurationRequest?["params"]?["items"]?[0]?["section"] == "nianbao")
    await client.open(Self.uri, Fixtures.text("nb201-row-total.txt"))
    #expect(client.notifications("textDocument/publishDiagnostics").isEmpty)
    let report = await client.request("textDocument/diagnostic", .object([("textDocument", textDocument(Self.uri))]))
    #expect(report["result"]?["kind"] == "full")
    #expect(report["result"]?["items"]?[0]?["code"] == "NB201")
    let resultID = try #require(report["result"]?["resultId"])
    let again = await client.request(
      "textDocument/diagnostic",
      .object([("textDocument", textDocument(Self.uri)), ("previousResultId", resultID)])
    )
    #expect(again["result"]?["kind"] == "unchanged")

    // The client answers the configuration request: NB201 off, English. Pull clients are asked to refresh.
    let id = try #require(configurationRequest?["id"])
    await client.server.handle(
      .response(
        id: id,
        result: .array([.object([("language", "en"), ("rules", .object([("NB201", "off")]))])]),
        error: nil
      )
    )
    #expect(client.take().contains { $0["method"] == "workspace/diagnostic/refresh" })
    let refreshed = await client.request(
      "textDocument/diagnostic",
      .object([("textDocument", textDocument(Self.uri)), ("previousResultId", resultID)])
    )
    #expect(refreshed["result"]?["kind"] == "full")
    #expect(refreshed["result"]?["items"] == [])
  }

  @Test func configurationAndLanguage() async throws {
    let client = TestClient()
    _ = await client.initialize(
      locale: "en-US",
      options: .object([("nianbao", .object([("rules", .object([("NB307", "off"), ("NB201", "warning")]))]))])
    )
    await client.open(Self.uri, Fixtures.text("nb201-row-total.txt").replacingStatisticsPeriod())
    let first = try #require(
      client.notifications("textDocument/publishDiagnostics").first?["params"]?["diagnostics"]?.array
    )
    #expect(first.map { $0["code"] } == ["NB201"])
    #expect(first[0]["severity"] == 2)
    #expect(first[0]["message"]?.string?.hasPrefix("Table 三") == true)
    await client.notify(
      "workspace/didChangeConfiguration",
      .object([("settings", .object([("nianbao", .object([("language", "zh")]))]))])
    )
    let second = try #require(
      client.notifications("textDocument/publishDiagnostics").first?["params"]?["diagnostics"]?.array
    )
    // The configuration sets the language only: the rule levels of the initialization options stay.
    #expect(second.map { $0["code"] } == ["NB201"])
    #expect(second[0]["severity"] == 2)
    #expect(second[0]["message"]?.string?.hasPrefix("表三") == true)
  }

  @Test func whichDocumentsAreChecked() async {
    let client = TestClient()
    _ = await client.initialize()
    await client.open("file:///notes.txt", "会议纪要\n明天开会。", languageId: "plaintext")
    await client.open("file:///notes.nianbao.txt", "会议纪要\n明天开会。", languageId: "nianbao")
    await client.open("file:///r.md", Fixtures.text("nb204-review-total.txt"), languageId: "markdown")
    await client.open("file:///main.swift", Fixtures.text("nb204-review-total.txt"), languageId: "swift")
    let published = Dictionary(
      uniqueKeysWithValues: client.notifications("textDocument/publishDiagnostics").map {
        ($0["params"]!["uri"]!.string!, $0["params"]!["diagnostics"]!.array!.map { $0["code"]!.string! })
      }
    )
    #expect(published["file:///notes.txt"] == [])
    #expect(published["file:///notes.nianbao.txt"] == ["NB100"])
    #expect(published["file:///r.md"] == ["NB204", "NB204"])
    #expect(published["file:///main.swift"] == [])
  }

  @Test func outlineAndFolding() async throws {
    let client = TestClient()
    _ = await client.initialize()
    await client.open(Self.uri, Self.clean)
    let symbols = try #require(
      await client.request("textDocument/documentSymbol", .object([("textDocument", textDocument(Self.uri))]))[
        "result"
      ]?.array
    )
    #expect(
      symbols.map { $0["name"]?.string ?? "" } == [
        "青禾县白石镇人民政府2025年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
      ]
    )
    #expect(symbols[1]["children"]?.array?.count == 5)
    #expect(symbols[3]["children"]?[0]?["name"] == "表三 收到和处理政府信息公开申请情况")
    let folds = try #require(
      await client.request("textDocument/foldingRange", .object([("textDocument", textDocument(Self.uri))]))["result"]?
        .array
    )
    // Six sections, table 二 and table 三 (table 四 is one line).
    #expect(folds.count == 8)
    #expect(folds.contains { $0["startLine"] == 33 && $0["endLine"] == 61 })
    #expect(folds.contains { $0["startLine"] == 37 && $0["endLine"] == 61 })
  }

  @Test func hoverOnHeadingAndDate() async throws {
    let client = TestClient()
    _ = await client.initialize()
    await client.open(Self.uri, Self.clean)
    let heading = await client.request(
      "textDocument/hover",
      .object([("textDocument", textDocument(Self.uri)), ("position", position(33, 2))])
    )
    let text = try #require(heading["result"]?["contents"]?["value"]?.string)
    #expect(text.contains("| 一、本年新收 | 12 |"))
    #expect(text.contains("全部成立 ✓"))
    let date = await client.request(
      "textDocument/hover",
      .object([("textDocument", textDocument(Self.uri)), ("position", position(2, 120))])
    )
    #expect(date["result"]?["contents"]?["value"]?.string?.contains("在报告年度 2025 年内 ✓") == true)
  }

  @Test func errorsKeepTheServerServing() async {
    let client = TestClient()
    _ = await client.initialize()
    await client.open(Self.uri, Self.clean)
    let past = await client.request(
      "textDocument/hover",
      .object([("textDocument", textDocument(Self.uri)), ("position", position(9999, 0))])
    )
    #expect(past["error"]?["code"] == -32602)
    #expect(past["error"]?["message"]?.string?.contains("past the end") == true)
    let missing = await client.request("textDocument/hover", .object([]))
    #expect(missing["error"]?["code"] == -32602)
    let unknown = await client.request("nianbao/unknown")
    #expect(unknown["error"]?["code"] == -32601)
    // A change past the end is clamped, not trapped.
    await client.change(Self.uri, version: 2, [.object([("range", range(5000, 3, 6000, 0)), ("text", "\n附：完")])])
    let hover = await client.request(
      "textDocument/hover",
      .object([("textDocument", textDocument(Self.uri)), ("position", position(Self.totalLine, Self.totalColumn))])
    )
    #expect(hover["result"]?["contents"] != nil)
    client.cancellations.cancel(.int(99))
    await client.server.handle(.request(id: .int(99), method: "textDocument/hover", params: .object([])))
    #expect(client.take().first { $0["id"] == 99 }?["error"]?["code"] == -32800)
  }

  @Test func shutdownAndExit() async {
    let client = TestClient()
    _ = await client.initialize()
    #expect(await client.request("shutdown")["result"] == .null)
    #expect(await client.request("textDocument/hover")["error"]?["code"] == -32600)
    await client.notify("exit")
    #expect(await client.server.exitCode == 0)
    let abrupt = TestClient()
    _ = await abrupt.initialize()
    await abrupt.notify("exit")
    #expect(await abrupt.server.exitCode == 1)
  }
}

extension String {
  func replacingStatisticsPeriod() -> String {
    var text = self
    if let range = text.range(of: "本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。") { text.removeSubrange(range) }
    return text
  }
}
