import Foundation
import NianbaoCore
import Testing

/// Every fixture gets exactly the findings listed here: no more, no fewer.
@Suite struct FixtureTests {
  static let expectations: [(String, [String])] = [
    ("clean-2020-trial.txt", []),
    ("clean-2023-pdf.txt", []),
    ("clean-2023-pdf-hazards.txt", []),
    ("clean-2024-markdown.md", []),
    ("clean-2025-crlf-bom.txt", []),
    ("clean-2025-signed.txt", []),
    ("clean-2025-tabs.txt", []),
    ("nb100-not-a-report.txt", ["NB100:1:1"]),
    ("nb101-missing-section.txt", ["NB101:70:1"]),
    ("nb102-order.txt", ["NB102:73:1"]),
    ("nb103-duplicate.txt", ["NB103:79:1"]),
    ("nb104-missing-table.txt", ["NB104:64:1"]),
    ("nb105-labels.txt", ["NB105:20:13", "NB105:43:6", "NB105:64:3"]),
    ("nb106-missing-row.txt", ["NB106:49:2"]),
    ("nb107-lost-column.txt", ["NB107:45:3"]),
    ("nb107-lost-columns-everywhere.txt", ["NB107:38:1"]),
    ("nb108-invalid-value.txt", ["NB108:41:35", "NB108:54:11"]),
    ("nb109-no-title.txt", ["NB109:1:1"]),
    ("nb110-run-together.txt", ["NB110:38:17"]),
    ("nb111-run-together-split.txt", ["NB111:38:17"]),
    ("nb111-run-together-table4.txt", ["NB111:68:1"]),
    ("nb112-outdated.txt", ["NB112:20:1"]),
    ("nb113-misnumbered.txt", ["NB113:64:1"]),
    ("nb114-blank.txt", ["NB114:51:21"]),
    ("nb115-duplicate-row.txt", ["NB115:62:1"]),
    ("nb117-placeholder.txt", ["NB117:72:16"]),
    ("nb116-table2-marks.txt", ["NB116:29:6"]),
    ("nb201-blank-total.txt", ["NB201:40:32"]),
    ("nb201-row-total.txt", ["NB201:50:39"]),
    ("nb202-outcome-total.txt", ["NB202:61:21"]),
    ("nb203-carry-identity.txt", ["NB203:62:16"]),
    ("nb204-review-total.txt", ["NB204:68:10", "NB204:68:30"]),
    ("nb205-contradicted-value.txt", ["NB205:54:17"]),
    ("nb301-period-wrong-year.txt", ["NB301:3:117"]),
    ("nb302-period-not-whole-year.txt", ["NB302:3:117"]),
    ("nb303-impossible-date.txt", ["NB303:12:25"]),
    ("nb304-reversed-range.txt", ["NB304:79:13"]),
    ("nb305-cutoff.txt", ["NB305:12:27"]),
    ("nb306-paragraph-year.txt", ["NB306:14:1"]),
    ("nb307-no-period.txt", ["NB307:1:1"]),
    ("nb308-signature-early.txt", ["NB308:80:1"]),
    ("nb308-signature-late.txt", ["NB308:80:1"]),
    ("nb310-work-year.txt", ["NB310:6:70"]),
    ("nb401-no-fee-statement.txt", ["NB401:76:1"]),
    ("nb402-empty-problems.txt", ["NB402:70:1"]),
    ("nb403-no-accountability.txt", ["NB403:5:1"]),
    ("nb404-problems-say-nothing.txt", ["NB404:70:1"]),
    ("nb405-problems-other-year.txt", ["NB405:72:1", "NB405:74:1"]),
    ("nb406-enumeration.txt", ["NB406:72:14", "NB406:72:28"]),
    ("nb407-doubled-word.txt", ["NB407:72:7", "NB407:74:38"]),
    ("nb408-unfinished-paragraph.txt", ["NB408:14:32"]),
    ("nb501-narrative-mismatch.txt", ["NB501:10:15", "NB501:10:32"]),
    ("sums-several-mistakes.txt", ["NB201:38:31", "NB201:54:23"]),
  ]

  @Test(arguments: expectations)
  func findings(name: String, expected: [String]) {
    let (report, diagnostics) = Checker.check(Fixtures.text(name))
    #expect(diagnostics.map { $0.summary(in: report.source) } == expected, "\(name)")
  }

  @Test func everyFixtureHasExpectations() {
    let listed = Set(Self.expectations.map(\.0))
    #expect(Set(Fixtures.all) == listed)
  }

  @Test func everyRuleHasAFixture() {
    // The cross-year rules need two reports: the folders Tests/Fixtures/cross-year and nb311-… to
    // nb313-…, in CrossYearTests and LastYearRuleTests.
    let covered = Set(Self.expectations.flatMap { $0.1.map { String($0.prefix(5)) } }).union([
      "NB309", "NB311", "NB312", "NB313",
    ])
    #expect(Set(Rule.all.map(\.code)) == covered)
  }

  /// A text that is not a report gets nothing when it was found by walking a folder.
  @Test func notAReportIsSilentWhenNotNamed() {
    let (_, diagnostics) = Checker.check(Fixtures.text("nb100-not-a-report.txt"), explicitlyNamed: false)
    #expect(diagnostics.isEmpty)
    #expect(Checker.check("", explicitlyNamed: false).1.isEmpty)
    #expect(Checker.check("", explicitlyNamed: true).1.map(\.code) == ["NB100"])
  }
}
