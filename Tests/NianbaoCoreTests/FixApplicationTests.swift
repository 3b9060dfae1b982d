import NianbaoCore
import Testing

/// Every certain fix is applied, the text checked again: the finding is gone and nothing new
/// came.
@Suite struct FixApplicationTests {
  static let fixable = FixtureTests.expectations.map(\.0).filter { name in
    Checker.check(Fixtures.text(name)).1.contains { $0.fixes.contains(where: \.isCertain) }
  }

  @Test func fixableFixturesExist() {
    #expect(Self.fixable.count == 16, "\(Self.fixable)")
  }

  @Test(arguments: fixable)
  func fixesClearTheirFindings(name: String) {
    let text = Fixtures.text(name)
    let (report, before) = Checker.check(text)
    let edits = before.certainEdits()
    let fixed = edits.applied(to: report.source)
    let (_, after) = Checker.check(fixed)
    let unfixed = before.filter { !$0.fixes.contains(where: \.isCertain) }
    #expect(after.map(\.code) == unfixed.map(\.code), "\(name): \(after.map { $0.message.en })")
  }

  /// Every fix on its own, certain or not: its finding goes, and nothing that was not there comes.
  @Test(arguments: FixtureTests.expectations.map(\.0))
  func eachFixAlone(name: String) {
    let (report, before) = Checker.check(Fixtures.text(name))
    for diagnostic in before {
      for fix in diagnostic.fixes {
        let fixed = fix.edits.applied(to: report.source)
        let (afterReport, after) = Checker.check(fixed)
        let sameSpot = after.filter {
          $0.code == diagnostic.code
            && afterReport.source.lines.line(containing: $0.range.lowerBound)
              == report.source.lines.line(containing: diagnostic.range.lowerBound)
        }
        #expect(
          sameSpot.count < before.filter { $0.code == diagnostic.code }.count || sameSpot.isEmpty,
          "\(name): \(fix.title.en)"
        )
        #expect(
          Set(after.map(\.code)).isSubset(of: Set(before.map(\.code))),
          "\(name): \(fix.title.en) → \(after.map(\.code))"
        )
      }
    }
  }

  @Test func rowTotalFixWritesTheSum() {
    let text = Fixtures.text("nb201-row-total.txt")
    let (report, diagnostics) = Checker.check(text)
    let fix = try! #require(diagnostics.first?.fixes.first)
    #expect(fix.isCertain)
    #expect(fix.edits.map(\.replacement) == ["3"])
    #expect(report.source.text(fix.edits[0].range) == "4")
    #expect(fix.title.zh == "重新计算为 3")
  }

  @Test func contradictedValueFixIsOfferedButNotApplied() {
    let (_, diagnostics) = Checker.check(Fixtures.text("nb205-contradicted-value.txt"))
    let fix = try! #require(diagnostics.first?.fixes.first)
    #expect(!fix.isCertain)
    #expect(fix.edits.map(\.replacement) == ["0"])
  }

  @Test func severalMistakesAreFixedTogether() {
    let text = Fixtures.text("sums-several-mistakes.txt")
    let (report, diagnostics) = Checker.check(text)
    #expect(diagnostics.allSatisfy { $0.fixes.first?.isCertain == true })
    let fixed = diagnostics.certainEdits().applied(to: report.source)
    #expect(fixed == Fixtures.text("clean-2025-tabs.txt"))
  }

  @Test func lostColumnsAreRestoredWithZeros() {
    let (report, diagnostics) = Checker.check(Fixtures.text("nb107-lost-columns-everywhere.txt"))
    let fixed = diagnostics.certainEdits().applied(to: report.source)
    let table = try! #require(ReportParser.parse(fixed).table3)
    #expect(table.rows.count == 25)
    #expect(table.rows.allSatisfy { $0.row.cells.count == 7 && $0.row.cells.allSatisfy { $0.content == .integer(0) } })
  }

  @Test func periodYearIsRewritten() {
    let (report, diagnostics) = Checker.check(Fixtures.text("nb301-period-wrong-year.txt"))
    let fixed = diagnostics.certainEdits().applied(to: report.source)
    #expect(fixed.contains("自2025年1月1日起至2025年12月31日止"))
  }
}
