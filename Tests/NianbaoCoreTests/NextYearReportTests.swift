import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// `nianbao new`: the skeleton of next year's report passes the checks but for its placeholders,
/// and carries over what last year's report hands on.
@Suite struct NextYearReportTests {
  static let realReports = RealReportTests.reports

  @Test func blankReportHasOnlyPlaceholderFindings() throws {
    let blank = NextYearReport.blank(year: 2025, agency: "某某县人民政府")
    let (report, diagnostics) = Checker.check(blank.text)
    #expect(report.year == 2025)
    #expect(report.title?.agency == "某某县人民政府")
    #expect(Set(diagnostics.map(\.code)) == ["NB117"], "\(diagnostics.map { $0.summary(in: report.source) })")
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
    #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
    #expect(report.table3?.edition == .edition2021)
    #expect(report.table3?.rows.count == NationalFormat.table3Rows(.edition2021).count)
    #expect(report.table4?.row?.cells.count == 15)
  }

  @Test func followsTheFixtureReport() throws {
    let last = ReportParser.parse(Fixtures.text("clean-2025-signed.txt"))
    let next = try #require(NextYearReport.following(last))
    #expect(next.year == 2026)
    #expect(next.notes.isEmpty)
    let (report, diagnostics) = Checker.check(next.text)
    #expect(report.title?.text.contains("2026年") == true)
    #expect(Set(diagnostics.map(\.code)) == ["NB117"], "\(diagnostics.map { $0.summary(in: report.source) })")
    #expect(report.table3?.row(.carriedOver)?.cells.map(\.integerValue) == [1, 1, 0, 0, 0, 0, 2])
    let inForce = report.table2?.rows.filter { $0.subtableItem == 1 }.map { $0.row.cells.map(\.integerValue) }
    #expect(inForce == [[0, 0, 0], [0, 0, 15]])
    #expect(next.text.contains("\n2027年3月10日\n"))
    #expect(report.statisticsPeriods.first?.dates.start.year == 2026)
  }

  @Test func trialFormatReportGetsTheCurrentFormat() throws {
    let last = ReportParser.parse(Fixtures.text("clean-2020-trial.txt"))
    let next = try #require(NextYearReport.following(last))
    let (report, diagnostics) = Checker.check(next.text)
    #expect(report.table3?.edition == .edition2021)
    #expect(Set(diagnostics.map(\.code)) == ["NB117"], "\(diagnostics.map { $0.summary(in: report.source) })")
  }

  /// Every real report with table 三: the skeleton has no finding but NB117, and its 上年结转 is
  /// the report's 结转下年度, column by column.
  @Test(arguments: realReports)
  func followsRealReport(name: String) throws {
    let last = ReportParser.parse(TestPaths.text(at: RealReportTests.folder.appendingPathComponent(name)))
    guard let carried = last.table3?.row(.carriedForward), last.year != nil else { return }
    let next = try #require(NextYearReport.following(last), "\(name)")
    let (report, diagnostics) = Checker.check(next.text)
    let others = diagnostics.filter { $0.code != "NB117" }
    #expect(others.isEmpty, "\(name): \(others.map { $0.summary(in: report.source) })")
    #expect(report.year == last.year.map { $0 + 1 })
    let written = report.table3?.row(.carriedOver)?.cells.map(\.integerValue)
    var expected = carried.cells.count == 7 ? carried.cells.map { $0.integerValue ?? 0 } : Array(repeating: 0, count: 7)
    // A total that is not the sum of its row is carried as the sum, and said.
    let sum = expected.prefix(6).reduce(0, +)
    if sum != expected[6] {
      expected[6] = sum
      #expect(next.notes.contains { $0.zh.contains("各类申请人之和是 \(sum)") }, "\(name)")
    }
    #expect(written == expected, "\(name)")
  }

  @Test func placeholdersAreFoundToTheirClosingMark() {
    let text = Fixtures.text("clean-2025-tabs.txt").replacingOccurrences(
      of: "本年度未发出收费通知",
      with: "【待填写：收费情况】本年度未发出收费通知，【待填写：未写完"
    )
    let (report, diagnostics) = Checker.check(text)
    let found = diagnostics.filter { $0.code == "NB117" }.map { report.source.text($0.range) }
    #expect(found == ["【待填写：收费情况】", "【待填写：未写完，未收取政府信息公开信息处理费。"])
  }
}
