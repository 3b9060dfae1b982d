import Foundation
import NianbaoCore
import Testing

/// The published township reports beside the repository, with what each really contains.
@Suite(.enabled(if: Fixtures.samplesAvailable, "the published sample reports are not beside the repository"))
struct SampleReportTests {
  static let expectations: [(String, [String])] = [
    // Clean 2025 township report (half-width sub-headings, statistics period without 止).
    ("000_b7effb4117328402.txt", []),
    // Clean; 截至目前 and a zero table.
    ("001_2b0ab0a9b3d9c007.txt", []),
    // 本年度止件数 for 本年废止件数 in table 二; no statistics period statement.
    ("002_49bc154c30d92ca6.txt", ["NB307:3:1", "NB105:22:13"]),
    // No statistics period statement.
    ("003_8d9fd319d4fd643b.txt", ["NB307:3:1"]),
    // Table 三 lost a column in every row (and two in most); 六 is only “无”; a township that
    // says nothing of appraisal, public review or accountability.
    ("004_d58e218e6b818927.txt", ["NB307:3:1", "NB403:5:1", "NB107:53:1", "NB401:99:1"]),
  ]

  @Test(arguments: expectations)
  func findings(name: String, expected: [String]) {
    let text = Fixtures.text(at: Fixtures.samplesDirectory.appendingPathComponent(name))
    let (report, diagnostics) = Checker.check(text)
    #expect(diagnostics.map { $0.summary(in: report.source) } == expected)
    #expect(report.table3?.rows.count == 25)
    #expect(report.sections.count == 6)
  }

  @Test func lostColumnsAreProvablyZero() {
    let text = Fixtures.text(at: Fixtures.samplesDirectory.appendingPathComponent("004_d58e218e6b818927.txt"))
    let (report, diagnostics) = Checker.check(text)
    let fixed = diagnostics.certainEdits().applied(to: report.source)
    #expect(Checker.check(fixed).1.map(\.code) == ["NB307", "NB403", "NB401"])
  }
}
