import Foundation
import NianbaoCore
import Testing

/// The clean fixtures in every layout are read completely, with the same numbers.
@Suite struct ModelTests {
  static let layouts = [
    "clean-2025-tabs.txt", "clean-2025-crlf-bom.txt", "clean-2024-markdown.md", "clean-2023-pdf.txt",
    "clean-2023-pdf-hazards.txt",
  ]

  @Test(arguments: layouts)
  func readsEveryPart(name: String) throws {
    let report = ReportParser.parse(Fixtures.text(name))
    #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
    let table3 = try #require(report.table3)
    #expect(table3.edition == .edition2021)
    #expect(table3.rows.count == 25)
    #expect(table3.row(.newApplications)?.cells.map(\.integerValue) == [9, 2, 0, 0, 1, 0, 12])
    #expect(table3.row(.group(2))?.cells.map(\.integerValue) == [1, 0, 0, 0, 0, 0, 1])
    #expect(table3.row(.item(5, of: 5))?.cells.count == 7)
    #expect(table3.row(.carriedForward)?.cells.map(\.integerValue) == [1, 1, 0, 0, 0, 0, 2])
    let row4 = try #require(report.table4?.row)
    #expect(row4.cells.map(\.integerValue) == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0])
    let table2 = try #require(report.table2)
    #expect(table2.rows.map(\.name) == ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"])
    #expect(table2.rows.last?.row.cells.first?.content == .decimal(3.56))
    #expect(report.statisticsPeriods.count == 1)
    #expect(report.sections.first?.subheadings.count == 5)
  }

  @Test func titleParts() throws {
    let title = try #require(ReportParser.parse(Fixtures.text("clean-2023-pdf.txt")).title)
    #expect(title.year == 2023)
    #expect(title.agency == "青禾县教育体育局")
    let tabs = try #require(ReportParser.parse(Fixtures.text("clean-2025-tabs.txt")).title)
    #expect(tabs.agency == "青禾县白石镇人民政府")
    #expect(tabs.year == 2025)
  }

  /// A whole page copied from a browser: the site's navigation (dozens of short lines, a
  /// `政府信息` / `公开年报` menu entry among them) stands before the title.
  @Test func aTitleAfterASitesNavigationIsFound() throws {
    let menu =
      (1...12).map { "栏目\($0)" } + ["政府信息", "公开年报", "政府信息公开年报", "2019年", "2018年以前"]
      + (1...20).map { "链接\($0)" }
    let text = menu.joined(separator: "\n") + "\n" + Fixtures.text("clean-2025-tabs.txt")
    let title = try #require(ReportParser.parse(text).title)
    #expect(title.year == 2025)
    #expect(title.agency == "青禾县白石镇人民政府")
    #expect(!Checker.check(text).1.contains { $0.code == "NB109" })
    // Without the title, the menu entry among the first fifteen lines is all there is.
    let yearless = text.replacingOccurrences(of: "青禾县白石镇人民政府2025年政府信息公开工作年度报告", with: "")
    #expect(ReportParser.parse(yearless).title?.text == "政府信息公开年报")
    // Past the first fifteen lines, a line without a year is not taken for the title.
    let later = (1...20).map { "链接\($0)" }.joined(separator: "\n") + "\n" + yearless
    #expect(ReportParser.parse(later).title == nil)
  }

  @Test func trialFormatIsRecognized() throws {
    let report = ReportParser.parse(Fixtures.text("clean-2020-trial.txt"))
    #expect(report.table2?.edition == .trial2019)
    #expect(report.table3?.edition == .trial2019)
    #expect(report.table3?.row(.group(6))?.cells.count == 7)
    #expect(report.table2?.rows.first { $0.name == "行政许可" }?.row.cells.map(\.integerValue) == [12, -2, 40])
  }

  @Test func datesAndRanges() {
    let report = ReportParser.parse(
      "某局2025年政府信息公开工作年度报告\n统计期限为２０２５年１月１日至12月31日。截至 2025 年 12 月 31 日，2025.3.8 与 2025-04-01 各一次。"
    )
    #expect(report.statisticsPeriods.count == 1)
    let period = report.statisticsPeriods[0].dates
    #expect(period.start.year == 2025 && period.start.month == 1 && period.start.day == 1)
    #expect(period.end.year == 2025 && period.end.month == 12 && period.end.day == 31 && !period.end.yearWritten)
    #expect(report.dates.contains { $0.isCutoff && $0.month == 12 && $0.day == 31 })
    #expect(report.dates.contains { $0.month == 3 && $0.day == 8 })
    #expect(report.dates.contains { $0.month == 4 && $0.day == 1 })
  }

  @Test func labelsAreNormalized() {
    #expect(LabelText.normalize("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)").key.text == "部分公开")
    #expect(LabelText.normalize("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").numbering == .parenthesized(2))
    #expect(LabelText.normalize("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请").numbering == .arabic(1))
    #expect(LabelText.normalize("3. 危及\"三安全一稳定\"").key == LabelText.normalize("3.危及“三安全一稳定”").key)
    #expect(LabelText.normalize("## 一、总体情况").numbering == .chinese(1))
    #expect(LabelText.normalize("一 、总体情况").key.text == "总体情况")
  }
}
