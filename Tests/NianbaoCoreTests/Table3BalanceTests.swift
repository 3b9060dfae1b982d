import NianbaoCore
import Testing

/// One wrong number gives one finding, on that number, whichever cell it is.
@Suite struct Table3BalanceTests {
  static let clean = Fixtures.text("clean-2025-tabs.txt")

  static var cells: [(spec: Table3RowSpec, column: Int)] {
    let table = ReportParser.parse(clean).table3!
    return table.specs.flatMap { spec in (0..<7).map { (spec, $0) } }
  }

  @Test func everySingleWrongCellIsFoundWhereItIs() throws {
    let report = ReportParser.parse(Self.clean)
    let table = try #require(report.table3)
    var checked = 0
    for (spec, column) in Self.cells {
      let rowID = spec.id
      let cell = table.row(spec.row)!.cells[column]
      guard case .integer(let original) = cell.content else {
        Issue.record("unread cell")
        continue
      }
      let wrong = String(original + 2)
      let mutated = [TextEdit(range: cell.range, replacement: wrong)].applied(to: report.source)
      let (after, diagnostics) = Checker.check(mutated)
      #expect(diagnostics.count == 1, "\(rowID)/\(column): \(diagnostics.map(\.message.en))")
      guard let diagnostic = diagnostics.first else { continue }
      #expect(after.source.text(diagnostic.range) == wrong, "\(rowID)/\(column)")
      #expect(diagnostic.fixes.first?.edits.first?.replacement == String(original), "\(rowID)/\(column)")
      checked += 1
    }
    #expect(checked == 25 * 7)
  }

  @Test func totalsAreFixedWithCertaintyDetailsAreNot() throws {
    let report = ReportParser.parse(Self.clean)
    let table = try #require(report.table3)
    let cells: [(Table3Row, Int)] = [
      (.item(1, of: 4), 6), (.outcomeTotal, 2), (.carriedForward, 0), (.item(2, of: 5), 0), (.newApplications, 3),
    ]
    for (row, column) in cells {
      let cell = table.row(row)!.cells[column]
      let mutated = [TextEdit(range: cell.range, replacement: "7")].applied(to: report.source)
      let diagnostics = Checker.check(mutated).1
      let total = column == 6 || row == .outcomeTotal || row == .carriedForward
      #expect(diagnostics.first?.fixes.first?.isCertain == total, "\(row)/\(column)")
    }
  }

  @Test func table4TotalIsRecomputed() throws {
    let report = ReportParser.parse(Self.clean)
    let row = try #require(report.table4?.row)
    for index in [4, 9, 14] {
      let mutated = [TextEdit(range: row.cells[index].range, replacement: "9")].applied(to: report.source)
      let diagnostics = Checker.check(mutated).1
      #expect(diagnostics.map(\.code) == ["NB204"])
      let fixed = diagnostics.certainEdits().applied(to: SourceText(mutated))
      #expect(fixed == Self.clean)
    }
  }
}
