import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// The built server over pipes with a workspace folder holding two years of one agency's
/// reports: last year's found on the disk or in the editor, followed when it changes, and two
/// candidates for last year reported once.
@Suite struct LastYearServerTests {
  struct Workspace {
    let root: URL
    var lastYear: URL { root.appendingPathComponent("2024/白石镇2024年度报告.txt") }
    var thisYear: URL { root.appendingPathComponent("2025/白石镇2025年度报告.txt") }

    init() throws {
      root = try TestPaths.temporaryDirectory().appendingPathComponent("年报")
      for folder in ["2024", "2025", "node_modules/copies", ".git"] {
        try FileManager.default.createDirectory(
          at: root.appendingPathComponent(folder),
          withIntermediateDirectories: true
        )
      }
      try write("cross-year/白石镇2024年度报告.txt", to: lastYear)
      try write("cross-year/白石镇2025年度报告.txt", to: thisYear)
      // Copies where the walk does not look: they are not candidates for last year.
      try write("cross-year/白石镇2024年度报告.txt", to: root.appendingPathComponent("node_modules/copies/2024.txt"))
      try write("cross-year/白石镇2024年度报告.txt", to: root.appendingPathComponent(".git/2024.txt"))
    }

    func write(_ fixture: String, to url: URL) throws {
      try Data(TestPaths.fixtureText(fixture).utf8).write(to: url)
    }
  }

  func start(_ workspace: Workspace, folders: [URL]? = nil, relatedInformation: Bool = true) throws -> ServerProcess {
    let folders = folders ?? [workspace.root]
    let server = try ServerProcess()
    try server.request(
      1,
      "initialize",
      .object([
        ("processId", .null), ("locale", "zh-CN"),
        ("rootUri", .string(folders[0].absoluteString)),
        (
          "workspaceFolders",
          .array(
            folders.map { .object([("uri", .string($0.absoluteString)), ("name", .string($0.lastPathComponent))]) }
          )
        ),
        (
          "capabilities",
          .object([
            ("workspace", .object([("didChangeWatchedFiles", .object([("dynamicRegistration", true)]))])),
            ("window", .object([("workDoneProgress", true)])),
            (
              "textDocument",
              .object([("publishDiagnostics", .object([("relatedInformation", .bool(relatedInformation))]))])
            ),
          ])
        ),
      ])
    )
    _ = try server.response(1)
    try server.notify("initialized")
    // The workspace is indexed in the background, with progress shown; wait until it is done.
    try acceptProgress(server)
    _ = try server.next { $0["method"] == "$/progress" && $0["params"]?["value"]?["kind"] == "end" }
    return server
  }

  /// Answers the server's request for a progress token.
  func acceptProgress(_ server: ServerProcess) throws {
    let create = try server.next { $0["method"] == "window/workDoneProgress/create" }
    #expect(create["params"]?["token"]?.string != nil)
    try server.send(.object([("jsonrpc", "2.0"), ("id", create["id"]!), ("result", .null)]))
  }

  func open(_ server: ServerProcess, _ url: URL, _ text: String, version: Int = 1) throws {
    try server.notify(
      "textDocument/didOpen",
      .object([
        (
          "textDocument",
          .object([
            ("uri", .string(url.absoluteString)), ("languageId", "nianbao"), ("version", .int(version)),
            ("text", .string(text)),
          ])
        )
      ])
    )
  }

  func published(_ server: ServerProcess, _ url: URL) throws -> [JSONValue] {
    let message = try server.next {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == url.absoluteString
    }
    return message["params"]?["diagnostics"]?.array ?? []
  }

  func changed(_ server: ServerProcess, _ url: URL, type: Int) throws {
    try server.notify(
      "workspace/didChangeWatchedFiles",
      .object([("changes", .array([.object([("uri", .string(url.absoluteString)), ("type", .int(type))])]))])
    )
  }

  /// The LSP position (UTF-16) of the first `needle` on the line that starts with `lineStart`.
  static func position(of needle: String, onLineStarting lineStart: String, in text: String) -> (Int, Int)? {
    let lines = text.components(separatedBy: "\n")
    guard let line = lines.firstIndex(where: { $0.hasPrefix(lineStart) }),
      let found = lines[line].range(
        of: needle,
        range: lines[line].index(lines[line].startIndex, offsetBy: lineStart.count)..<lines[line].endIndex
      )
    else { return nil }
    return (line, lines[line][..<found.lowerBound].utf16.count)
  }

  static func start(_ range: JSONValue?) -> (Int, Int)? {
    guard let line = range?["start"]?["line"]?.int, let character = range?["start"]?["character"]?.int else {
      return nil
    }
    return (line, character)
  }

  static func path(_ uri: String?) -> String? { uri.flatMap { URL(string: $0)?.standardizedFileURL.path } }

  /// A workspace folder added in the editor is searched for last year's report; once removed,
  /// it is not.
  @Test func workspaceFoldersAddedAndRemoved() throws {
    let workspace = try Workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
    let thisYearFolder = workspace.root.appendingPathComponent("2025")
    let lastYearFolder = workspace.root.appendingPathComponent("2024")
    let server = try start(workspace, folders: [thisYearFolder])
    try open(server, workspace.thisYear, TestPaths.fixtureText("cross-year/白石镇2025年度报告.txt"))
    #expect(try published(server, workspace.thisYear).isEmpty, "last year's report is outside the workspace")

    func folders(added: [URL], removed: [URL]) throws {
      func list(_ urls: [URL]) -> JSONValue {
        .array(urls.map { .object([("uri", .string($0.absoluteString)), ("name", .string($0.lastPathComponent))]) })
      }
      try server.notify(
        "workspace/didChangeWorkspaceFolders",
        .object([("event", .object([("added", list(added)), ("removed", list(removed))]))])
      )
    }
    try folders(added: [lastYearFolder], removed: [])
    // The document's own findings may come first, while the added folder is indexed.
    var found = try published(server, workspace.thisYear)
    if found.isEmpty { found = try published(server, workspace.thisYear) }
    #expect(found.map { $0["code"]?.string } == ["NB309"])
    try folders(added: [], removed: [lastYearFolder])
    #expect(try published(server, workspace.thisYear).isEmpty)
  }

  @Test func lastYearOnDiskThenChangedThenOpenThenTwoCandidates() throws {
    let workspace = try Workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
    let server = try start(workspace)

    let registration = try server.next { $0["method"] == "client/registerCapability" }
    let patterns = registration["params"]?["registrations"]?[0]?["registerOptions"]?["watchers"]?.array?.compactMap {
      $0["globPattern"]?.string
    }
    #expect(patterns?.contains("**/*.txt") == true && patterns?.contains("**/*.md") == true)
    try server.send(.object([("jsonrpc", "2.0"), ("id", registration["id"]!), ("result", .null)]))

    // 1. Last year's report is only on the disk.
    let thisYearText = TestPaths.fixtureText("cross-year/白石镇2025年度报告.txt")
    try open(server, workspace.thisYear, thisYearText)
    let first = try published(server, workspace.thisYear)
    #expect(first.map { $0["code"]?.string } == ["NB309"])
    let related = first.first?["relatedInformation"]?.array ?? []
    #expect(related.count == 3)
    #expect(
      related.allSatisfy { Self.path($0["location"]?["uri"]?.string) == workspace.lastYear.standardizedFileURL.path }
    )
    let lastYearText = TestPaths.fixtureText("cross-year/白石镇2024年度报告.txt")
    let carried = try #require(Self.position(of: "2", onLineStarting: "四、结转下年度继续办理", in: lastYearText))
    #expect(carried == (61, 13))
    let note = related.first?["location"]?["range"]
    #expect(Self.start(note).map { $0 == carried } == true)
    #expect(note?["end"]?["character"]?.int == 14)
    #expect(related.first?["message"]?.string == "2024 年报告表三“四、结转下年度继续办理”自然人 2")
    #expect(first.first?["message"]?.string?.contains("2024 年报告（2024/白石镇2024年度报告.txt）") == true)

    // The hover on a total shows last year's.
    let total = try #require(Self.position(of: "12", onLineStarting: "一、本年新收政府信息公开申请数量", in: thisYearText))
    try server.request(
      2,
      "textDocument/hover",
      .object([
        ("textDocument", .object([("uri", .string(workspace.thisYear.absoluteString))])),
        ("position", .object([("line", .int(total.0)), ("character", .int(total.1))])),
      ])
    )
    let hover = try server.response(2)["result"]?["contents"]?["value"]?.string ?? ""
    #expect(hover.contains("2024 年报告：13，比上年减少 1（-7%）"), "\(hover)")

    // 2. Last year's file changes on the disk: now 12 in force, the carry-over agrees.
    try workspace.write("nb311-documents-in-force/白石镇2024年度报告.txt", to: workspace.lastYear)
    try changed(server, workspace.lastYear, type: 2)
    let second = try published(server, workspace.thisYear)
    #expect(second.map { $0["code"]?.string } == ["NB311"])
    #expect(second.first?["severity"]?.int == 3)
    let changedText = TestPaths.fixtureText("nb311-documents-in-force/白石镇2024年度报告.txt")
    let inForce = try #require(Self.position(of: "12", onLineStarting: "行政规范性文件", in: changedText))
    let stock = second.first?["relatedInformation"]?[0]?["location"]?["range"]
    #expect(Self.start(stock).map { $0 == inForce } == true)
    #expect(stock?["end"]?["character"]?.int == inForce.1 + 2)

    // 3. Last year's report open in the editor counts over the disk, edits included.
    let fixed = changedText.replacingOccurrences(of: "行政规范性文件\t1\t0\t12", with: "行政规范性文件\t1\t0\t14")
    #expect(fixed != changedText)
    try open(server, workspace.lastYear, fixed)
    #expect(try published(server, workspace.thisYear).isEmpty)
    // An edit of last year's report checks this year's again: 13 in force now.
    let line = try #require(Self.position(of: "14", onLineStarting: "行政规范性文件", in: fixed))
    try server.notify(
      "textDocument/didChange",
      .object([
        ("textDocument", .object([("uri", .string(workspace.lastYear.absoluteString)), ("version", 2)])),
        (
          "contentChanges",
          .array([
            .object([
              (
                "range",
                .object([
                  ("start", .object([("line", .int(line.0)), ("character", .int(line.1 + 1))])),
                  ("end", .object([("line", .int(line.0)), ("character", .int(line.1 + 2))])),
                ])
              ),
              ("text", "3"),
            ])
          ])
        ),
      ])
    )
    let edited = try published(server, workspace.thisYear)
    #expect(edited.map { $0["code"]?.string } == ["NB311"])
    #expect(edited.first?["message"]?.string?.contains("现行有效 13 + 本年制发 2 − 本年废止 1 应为 14") == true)
    try server.notify(
      "textDocument/didClose",
      .object([("textDocument", .object([("uri", .string(workspace.lastYear.absoluteString))]))])
    )
    #expect(try published(server, workspace.thisYear).map { $0["code"]?.string } == ["NB311"])

    // 4. A second report for 2024 appears: neither is used, and that is said once.
    let copy = workspace.root.appendingPathComponent("2024/白石镇2024年度报告（副本）.txt")
    try workspace.write("nb311-documents-in-force/白石镇2024年度报告.txt", to: copy)
    try changed(server, copy, type: 1)
    let fourth = try published(server, workspace.thisYear)
    #expect(fourth.map { $0["code"]?.string } == ["NB313"])
    #expect(fourth.first?["severity"]?.int == 3)
    #expect(fourth.first?["range"]?["start"]?["line"]?.int == 0)
    let message = fourth.first?["message"]?.string ?? ""
    #expect(message.contains("2024/白石镇2024年度报告.txt") && message.contains("2024/白石镇2024年度报告（副本）.txt"))

    // 5. The copy is deleted: last year's is known again.
    try FileManager.default.removeItem(at: copy)
    try changed(server, copy, type: 3)
    #expect(try published(server, workspace.thisYear).map { $0["code"]?.string } == ["NB311"])
    try server.request(9, "shutdown")
    _ = try server.response(9)
    try server.notify("exit")
    #expect(try server.waitForExit() == 0)
  }

  @Test func clientsWithoutRelatedInformationGetTheMessageOnly() throws {
    let workspace = try Workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
    let server = try start(workspace, relatedInformation: false)
    try open(server, workspace.thisYear, TestPaths.fixtureText("cross-year/白石镇2025年度报告.txt"))
    let found = try published(server, workspace.thisYear)
    #expect(found.map { $0["code"]?.string } == ["NB309"])
    #expect(found.first?["relatedInformation"] == nil || found.first?["relatedInformation"]?.isNull == true)
    #expect(found.first?["message"]?.string?.contains("2024/白石镇2024年度报告.txt") == true)
  }

  @Test func aCopiedSectionPointsToLastYearsPassage() throws {
    let workspace = try Workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
    try workspace.write("nb312-copied-section/白石镇2024年度报告.txt", to: workspace.lastYear)
    let server = try start(workspace)
    let text = TestPaths.fixtureText("nb312-copied-section/白石镇2025年度报告.txt")
    try open(server, workspace.thisYear, text)
    let found = try published(server, workspace.thisYear)
    #expect(found.map { $0["code"]?.string } == ["NB312"])
    let heading = found.first?["range"]
    #expect(heading?["start"]?["line"]?.int == 69)
    #expect(heading?["end"]?["character"]?.int == "五、存在的主要问题及改进情况".utf16.count)
    let passage = found.first?["relatedInformation"]?[0]
    let lastYearText = TestPaths.fixtureText("nb312-copied-section/白石镇2024年度报告.txt")
    let firstLine = lastYearText.components(separatedBy: "\n").firstIndex { $0.hasPrefix("一是政策解读") }
    #expect(Self.start(passage?["location"]?["range"]).map { $0 == (firstLine ?? -1, 0) } == true)
    let end = try #require(Self.position(of: "。", onLineStarting: "2025年，白石镇将丰富图解", in: lastYearText))
    #expect(passage?["location"]?["range"]?["end"]?["line"]?.int == end.0)
    #expect(passage?["location"]?["range"]?["end"]?["character"]?.int == end.1)
    #expect(passage?["message"]?.string == "2024 年报告中相同的一段（67 字）")
  }

  /// `previous` in nianbao.toml names last year's report, even under another agency name.
  @Test func lastYearNamedInTheSettings() throws {
    let workspace = try Workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
    let renamed = TestPaths.fixtureText("nb311-documents-in-force/白石镇2024年度报告.txt").replacingOccurrences(
      of: "青禾县白石镇人民政府2024年",
      with: "青禾县白石乡人民政府2024年"
    )
    try Data(renamed.utf8).write(to: workspace.lastYear)
    let server = try start(workspace)
    try open(server, workspace.thisYear, TestPaths.fixtureText("nb311-documents-in-force/白石镇2025年度报告.txt"))
    #expect(try published(server, workspace.thisYear).isEmpty)
    let config = workspace.root.appendingPathComponent("nianbao.toml")
    try Data("previous = \"2024/白石镇2024年度报告.txt\"\n".utf8).write(to: config)
    try changed(server, config, type: 1)
    let found = try published(server, workspace.thisYear)
    #expect(found.map { $0["code"]?.string } == ["NB311"])
    #expect(
      Self.path(found.first?["relatedInformation"]?[0]?["location"]?["uri"]?.string)
        == workspace.lastYear.standardizedFileURL.path
    )
  }

  /// Last year's report as a web team keeps it: GB18030 text, or the published web page.
  @Test(arguments: ["gb18030", "html"])
  func lastYearInAnotherFormOrEncoding(form: String) throws {
    let workspace = try Workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
    let text = TestPaths.fixtureText("nb311-documents-in-force/白石镇2024年度报告.txt")
    let lastYear: URL
    if form == "gb18030" {
      lastYear = workspace.lastYear
      let gb18030 = String.Encoding(rawValue: 0x8000_0632)
      try #require(text.data(using: gb18030)).write(to: lastYear)
    } else {
      lastYear = workspace.root.appendingPathComponent("2024/report.html")
      try Data(Self.page(text).utf8).write(to: lastYear)
    }
    if form == "html" { try FileManager.default.removeItem(at: workspace.lastYear) }
    let config = workspace.root.appendingPathComponent("nianbao.toml")
    try Data("previous = \"2024/\(lastYear.lastPathComponent)\"\n".utf8).write(to: config)
    let server = try start(workspace)
    try open(server, workspace.thisYear, TestPaths.fixtureText("nb311-documents-in-force/白石镇2025年度报告.txt"))
    let found = try published(server, workspace.thisYear)
    #expect(found.map { $0["code"]?.string } == ["NB311"])
    let related = try #require(found.first?["relatedInformation"]?[0]?["location"])
    #expect(Self.path(related["uri"]?.string) == lastYear.standardizedFileURL.path)
    if form == "html" {
      // The note points at the cell's text in the page's HTML.
      let line = try #require(related["range"]?["start"]?["line"]?.int)
      let character = try #require(related["range"]?["start"]?["character"]?.int)
      let html = Array(Self.page(text).components(separatedBy: "\n")[line].utf16)
      let cell = String(decoding: html[character...], as: UTF16.self)
      #expect(cell.first?.isNumber == true, "\(cell.prefix(40))")
    }
  }

  /// A text report as a simple web page: paragraphs, and its tab rows as table rows.
  static func page(_ text: String) -> String {
    var html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年报</title></head><body>\n"
    var inTable = false
    for line in text.components(separatedBy: "\n") {
      if line.contains("\t") {
        if !inTable { html += "<table>\n" }
        inTable = true
        html += "<tr>" + line.components(separatedBy: "\t").map { "<td>\($0)</td>" }.joined() + "</tr>\n"
      } else {
        if inTable { html += "</table>\n" }
        inTable = false
        html += "<p>\(line)</p>\n"
      }
    }
    return html + (inTable ? "</table>\n" : "") + "</body></html>\n"
  }

  /// Found in the workspace without `previous`: last year's report as a web page, in GB18030 or
  /// as a whole page copied from a browser (more than 4 KB of the site's menu before the title)
  /// is indexed like a text file.
  @Test(arguments: ["gb18030", "html", "browser copy"])
  func lastYearInAnotherFormIsFoundInTheWorkspace(form: String) throws {
    let workspace = try Workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
    let text = TestPaths.fixtureText("nb311-documents-in-force/白石镇2024年度报告.txt")
    if form == "gb18030" {
      try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632))).write(to: workspace.lastYear)
    } else if form == "browser copy" {
      let menu = (1...400).map { "栏目链接\($0)" }.joined(separator: "\n")
      #expect(menu.utf8.count > 4_096)
      try Data((menu + "\n" + text).utf8).write(to: workspace.lastYear)
    } else {
      try FileManager.default.removeItem(at: workspace.lastYear)
      try Data(Self.page(text).utf8).write(to: workspace.root.appendingPathComponent("2024/report.html"))
    }
    let server = try start(workspace)
    try open(server, workspace.thisYear, TestPaths.fixtureText("nb311-documents-in-force/白石镇2025年度报告.txt"))
    let found = try published(server, workspace.thisYear)
    #expect(found.map { $0["code"]?.string } == ["NB311"])
  }
}
