import Foundation
import NianbaoTestSupport
import Testing

/// Who reports: the agency read from the title wherever the layout puts it (before the year,
/// after it, on its own line above the title as in a PDF), the rules that need it, the title of
/// next year's report, and what is said when it cannot be read.
@Suite struct AgencyTitleTests {
  static func text(_ fixture: String) -> String { TestPaths.fixtureText(fixture) }

  /// The PDF layout: the agency on its own line, the title under it.
  static func agencyAbove(_ text: String, agency: String = "青禾县白石镇人民政府") -> String {
    text.replacingOccurrences(of: agency + "20", with: agency + "\n20")
  }

  @Test func realReportWithTheAgencyAboveTheTitle() throws {
    let path = TestPaths.repository.appendingPathComponent("Tests/RealReports/05_huaian_city_gov_2024.txt").path
    let result = try Binary.run(["--check", path])
    #expect(result.stdout.contains(":11:1: warning: “淮安市人民政府”是人民政府，年度报告应报告工作考核、社会评议和责任追究结果情况"), "\(result.stdout)")
    #expect(result.stdout.contains("[NB403]"))
    #expect(result.stderr.isEmpty)

    let next = try Binary.run(["new", "--from", path])
    #expect(next.stdout.hasPrefix("淮安市人民政府 2025 年政府信息公开工作年度报告\n"), "\(next.stdout.prefix(80))")
  }

  @Test func agencyAboveTheTitleAppliesNB403AndTheCrossYearRules() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data(Self.agencyAbove(Self.text("nb403-no-accountability.txt")).utf8)
      .write(to: root.appendingPathComponent("nb403.txt"))
    let single = try Binary.run(["--check", "nb403.txt"], in: root)
    #expect(single.stdout.contains("nb403.txt:6:1: warning: “青禾县白石镇人民政府”是人民政府"), "\(single.stdout)")
    #expect(single.stderr.isEmpty)

    let pair = root.appendingPathComponent("pair")
    try FileManager.default.createDirectory(at: pair, withIntermediateDirectories: true)
    for year in ["2024", "2025"] {
      let name = "白石镇\(year)年度报告.txt"
      try Data(Self.agencyAbove(Self.text("nb312-copied-section/" + name)).utf8)
        .write(to: pair.appendingPathComponent(name))
    }
    let copied = try Binary.run(["--check", "pair"], in: root)
    #expect(copied.stdout.contains("pair/白石镇2025年度报告.txt:71:1: warning: 本部分 100% 的文字与 2024 年报告相同"), "\(copied.stdout)")
    #expect(copied.stdout.hasSuffix("1 个警告，涉及 2 个文件中的 1 个\n"))
  }

  @Test func nextYearsTitlePutsTheAgencyFirstWithItsSpace() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let text = Self.text("clean-2025-tabs.txt")
    let layouts = [
      ("spaced.txt", "青禾县白石镇人民政府 2025 年政府信息公开工作年度报告", "青禾县白石镇人民政府 2026 年政府信息公开工作年度报告"),
      ("plain.txt", "青禾县白石镇人民政府2025年政府信息公开工作年度报告", "青禾县白石镇人民政府2026年政府信息公开工作年度报告"),
      ("after.txt", "2025 年青禾县白石镇人民政府政府信息公开工作年度报告", "青禾县白石镇人民政府 2026 年政府信息公开工作年度报告"),
      ("above.txt", "青禾县白石镇人民政府\n2025年政府信息公开工作年度报告", "青禾县白石镇人民政府 2026年政府信息公开工作年度报告"),
      ("heading.md", "# 青禾县白石镇人民政府 2025 年政府信息公开工作年度报告", "青禾县白石镇人民政府 2026 年政府信息公开工作年度报告"),
    ]
    for (name, title, expected) in layouts {
      let report = text.replacingOccurrences(of: "青禾县白石镇人民政府2025年政府信息公开工作年度报告", with: title)
      try Data(report.utf8).write(to: root.appendingPathComponent(name))
      let check = try Binary.run(["--check", name], in: root)
      #expect(check.status == 0, "\(name): \(check.stdout)\(check.stderr)")
      #expect(check.stderr.isEmpty, "\(name): \(check.stderr)")
      let next = try Binary.run(["new", "--from", name], in: root)
      #expect(next.stdout.hasPrefix(expected + "\n"), "\(name): \(next.stdout.prefix(60))")
    }
  }

  @Test func aTitleWithoutAgencySaysWhichRulesWereNotApplied() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let report = Self.text("nb403-no-accountability.txt")
      .replacingOccurrences(of: "青禾县白石镇人民政府2025年", with: "2025年")
    try Data(report.utf8).write(to: root.appendingPathComponent("r.txt"))
    let result = try Binary.run(["--check", "r.txt"], in: root)
    #expect(result.status == 0)
    #expect(!result.stdout.contains("[NB403]"))
    #expect(
      result.stderr
        == "nianbao: r.txt: 标题中读不到机关名称（应写作“××（机关）××××年政府信息公开工作年度报告”），未应用 NB403（人民政府报告考核、评议和责任追究情况）和与上年报告的比较（NB309、NB311、NB312、NB313）；NB308 按部门的期限（1 月 31 日）判断，人民政府请在 nianbao.toml 中写 agency = \"government\"\n"
    )
    let english = try Binary.run(["--check", "--lang", "en", "r.txt"], in: root)
    #expect(english.stderr.hasPrefix("nianbao: r.txt: no agency could be read from the title"))
    #expect(english.stderr.contains("NB403 (a government reports appraisal, review and accountability)"))
    let json = try Binary.run(["--check", "--format", "json", "r.txt"], in: root)
    let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let notes = document?["notes"] as? [[String: Any]]
    #expect(notes?.count == 1)
    #expect((notes?.first?["message"] as? String)?.contains("NB309、NB311、NB312、NB313") == true)
    let wrongTotal = Self.text("nb201-row-total.txt").replacingOccurrences(of: "青禾县白石镇人民政府2025年", with: "2025年")
    try Data(wrongTotal.utf8).write(to: root.appendingPathComponent("r.txt"))
    let page = try Binary.run(["--check", "--format", "html", "r.txt"], in: root)
    #expect(page.stdout.contains("<dt>机关</dt><dd>未读到（未应用 NB403、NB309、NB311、NB312、NB313）</dd>"))
  }
}
