import Foundation
import NianbaoTestSupport
import Testing

/// Tables copied from a browser page, through the real binary: every way a browser or an editor
/// writes a blank cell reads as a blank cell (NB114), never as a lost column (NB107) or a shift
/// of the values after it; a total left blank is a wrong total with a certain fix.
@Suite struct BrowserCopyTests {
  static let realReports = TestPaths.repository.appendingPathComponent("Tests/RealReports")
  static let real = realReports.appendingPathComponent("02_suqian_shuyang_county_fgj_dept_2023.txt").path

  struct Finding: Hashable, CustomStringConvertible {
    var code: String
    var line: Int
    var description: String { "\(code):\(line)" }
  }

  static func findings(_ path: String) throws -> [Finding] {
    let result = try Binary.run(["--check", "--format", "json", path])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    return diagnostics.map { d in
      let range = d["range"] as? [String: Any]
      let start = range?["start"] as? [String: Any]
      return Finding(code: d["code"] as? String ?? "", line: (start?["line"] as? Int ?? -1) + 1)
    }
  }

  static func write(_ text: String, named name: String, in folder: URL) throws -> String {
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// Rows of tab-separated cells whose blank cells hold nothing, a space, U+00A0 or U+3000
  /// (as a browser or an editor writes them): the same findings as the page's own text.
  @Test(arguments: ["", " ", "\u{00A0}", "\u{3000}", "\u{00A0}\u{00A0}"])
  func tabRowsWithBlankCells(filler: String) throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = TestPaths.text(at: URL(fileURLWithPath: Self.real))
    let filled = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard line.contains("\t") else { return String(line) }
      var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard let first = fields.firstIndex(where: { Int($0) != nil }) else { return String(line) }
      for index in fields.indices where index > first && fields[index].isEmpty { fields[index] = filler }
      return fields.joined(separator: "\t")
    }
    let path = try Self.write(filled.joined(separator: "\n"), named: "copy.txt", in: folder)
    let found = try Self.findings(path)
    #expect(found == (try Self.findings(Self.real)), "\(found)")
    #expect(!found.contains { $0.code == "NB107" })
  }

  /// Chromium's copy of the page (`document.body.innerText`: one cell per line, a line holding a
  /// tab between two cells, blank cells as U+00A0 or nothing) reads like the page, and `--fix`
  /// writes 0 into every blank cell of the copy.
  @Test(arguments: ["nbsp", "empty"])
  func chromiumCopy(blank: String) throws {
    let name = "02_suqian_shuyang_county_fgj_dept_2023_chromium_\(blank).txt"
    let copy = Self.realReports.appendingPathComponent(name)
    let found = try Self.findings(copy.path)
    #expect(Set(found.map(\.code)) == ["NB105", "NB114", "NB408"], "\(found)")
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: copy, to: file)
    _ = try Binary.run(["--check", "--fix", file.path])
    #expect(try Self.findings(file.path).map(\.code) == ["NB408"])
  }

  /// The copies in `Tests/RealReports/` are what headless Chromium copies from the pages in
  /// `Tests/RealReports/pages/` today.
  @Test(arguments: ["nbsp", "empty"])
  func chromiumCopiesAreCurrent(blank: String) throws {
    guard Chromium.available else { return }
    let page = Self.realReports.appendingPathComponent("pages/02_suqian_shuyang_county_fgj_dept_2023_\(blank).html")
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The page, with a script that replaces it by its own innerText once it has loaded.
    let script =
      "<script>window.addEventListener('load',()=>{const t=document.body.innerText;"
      + "document.documentElement.innerHTML='<body><pre id=innertext></pre></body>';"
      + "document.getElementById('innertext').textContent=t;});</script>"
    let html = try String(contentsOf: page, encoding: .utf8)
      .replacingOccurrences(of: "</body>", with: script + "</body>")
    let copyPage = folder.appendingPathComponent("page.html")
    try html.write(to: copyPage, atomically: true, encoding: .utf8)
    let dom = try Chromium.dumpDOM(copyPage, window: .desktop)
    let start = try #require(dom.range(of: "<pre id=\"innertext\">"))
    let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
    let copied = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&nbsp;", with: "\u{00A0}")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
    let kept = TestPaths.text(
      at: Self.realReports.appendingPathComponent("02_suqian_shuyang_county_fgj_dept_2023_chromium_\(blank).txt")
    )
    let body = kept.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)[2]
    #expect(copied == String(body))
  }

  /// A tab row whose first cell is blank (`（一）予以公开\t\t1\t…`): the blank is that cell, and
  /// the values after it stay in their columns.
  @Test func blankFirstCellOfATabRow() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = TestPaths.fixtureText("clean-2025-tabs.txt").replacingOccurrences(
      of: "(一) 予以公开\t5\t1\t",
      with: "(一) 予以公开\t\t1\t"
    )
    let path = try Self.write(text, named: "report.txt", in: folder)
    let result = try Binary.run(["--check", path])
    #expect(result.stdout.hasPrefix("\(path):40:11: error: 表三“（一）予以公开”行“自然人”列应为 5，实为空白（按 0 计）。 [NB205]\n"))
    #expect(result.stdout.hasSuffix("1 个错误，涉及 1 个文件中的 1 个\n"), "\(result.stdout)")
  }

  /// The 总计 column left blank on every item row of table 三 (as on a real provincial page): each
  /// blank total over parts that are not all 0 is an NB201 at its cell with the sum of its parts
  /// and a certain fix; （七）总计 and 一 + 二 = （七） + 四 are worked out from the corrected totals
  /// (no cascade); the blank totals over parts that are all 0 are blank cells (NB114).
  @Test func blankTotalColumn() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    var lines = TestPaths.fixtureText("clean-2025-tabs.txt").split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    for index in 39..<60 where lines[index].contains("\t") {
      var fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let total = try #require(fields.lastIndex { !$0.isEmpty })
      fields[total] = ""
      lines[index] = fields.joined(separator: "\t")
    }
    let path = try Self.write(lines.joined(separator: "\n"), named: "report.txt", in: folder)
    let result = try Binary.run(["--check", path])
    let codes = result.stdout.split(separator: "\n").dropLast().map { $0.split(separator: "[").last ?? "" }
    #expect(codes == ["NB201]", "NB201]", "NB114]", "NB201]", "NB201]"], "\(result.stdout)")
    #expect(result.stdout.contains("表三“（一）予以公开”行“总计”列应为 6，实为空白（按 0 计）。 [NB201]"))
    let json = try Binary.run(["--check", "--format", "json", path])
    #expect(json.stdout.components(separatedBy: "\"newText\": \"6\"").count == 2, "\(json.stdout)")
    _ = try Binary.run(["--check", "--fix", path])
    let fixed = try Binary.run(["--check", path])
    #expect(fixed.status == 0, "\(fixed.stdout)")
    #expect(fixed.stdout.contains("1 个文件未发现问题"), "\(fixed.stdout)")
  }
}
