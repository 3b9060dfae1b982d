import Foundation
import NianbaoCore
import Testing

/// NB309: 二、上年结转 of a year against 四、结转下年度 of the year before.
@Suite struct CrossYearTests {
  static let currentReport = ReportParser.parse(Fixtures.text("cross-year/白石镇2025年度报告.txt"))
  static let previousReport = ReportParser.parse(Fixtures.text("cross-year/白石镇2024年度报告.txt"))
  static let current = CrossYearRules.Summary(currentReport)!
  static let previous = CrossYearRules.Summary(previousReport)!

  @Test func differingColumnsAreReportedOnce() throws {
    #expect(Checker.check(Self.previousReport).isEmpty)
    let found = CrossYearRules.check(current: Self.current, previous: Self.previous, previousName: "2024.txt")
    #expect(found.map(\.code) == ["NB309"])
    let diagnostic = try #require(found.first)
    #expect(Self.currentReport.source.text(diagnostic.range) == "1")
    #expect(Self.currentReport.source.lines.line(containing: diagnostic.range.lowerBound) == 38)
    #expect(diagnostic.message.zh.contains("自然人 1（上年报告 2），商业企业 0（上年报告 1），总计 1（上年报告 3）"))
  }

  @Test func onlyTheSameAgencyAndTheYearBefore() throws {
    #expect(CrossYearRules.check(current: Self.previous, previous: Self.current, previousName: "x").isEmpty)
    let lastYear = Fixtures.text("cross-year/白石镇2024年度报告.txt")
    let otherText = lastYear.replacingOccurrences(of: "青禾县白石镇人民政府2024年", with: "青禾县水务局2024年")
    let other = try #require(CrossYearRules.Summary(ReportParser.parse(otherText)))
    #expect(CrossYearRules.check(current: Self.current, previous: other, previousName: "x").isEmpty)
    let consistentText = lastYear.replacingOccurrences(
      of: "四、结转下年度继续办理\t\t2\t1\t0\t0\t0\t0\t3",
      with: "四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1"
    )
    #expect(consistentText != lastYear)
    let consistent = try #require(CrossYearRules.Summary(ReportParser.parse(consistentText)))
    #expect(CrossYearRules.check(current: Self.current, previous: consistent, previousName: "x").isEmpty)
  }
}
