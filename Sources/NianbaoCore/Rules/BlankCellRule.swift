/// NB114: blank cells (empty, `-`, `/`) where a number belongs. Runs after the sums, which
/// already explain a blank total that should not be 0. Blanks of one table are one finding: a
/// whole column left blank is one cause, not one per cell.
enum BlankCellRule {
  private struct Blank {
    var row: TableRow
    var column: Int
    var cell: Cell
    var name: LocalizedText
    /// Whether the row has exactly its number of values, so the blank's column is certain.
    var columnCertain: Bool
  }

  static func run(_ context: inout RuleContext) {
    let report = context.report
    let handled = context.handledCells
    if let table = report.table3 {
      var blanks: [Blank] = []
      var rowCount = 0
      for spec in table.specs {
        guard let row = table.row(spec.row) else { continue }
        rowCount += 1
        collect(row, expected: 7, name: CellNames.table3Row(spec), handled, &blanks)
      }
      add(blanks, table: LocalizedText(zh: "表三", en: "Table 三"), NationalFormat.table3Columns, rowCount, &context)
    }
    if let row = report.table4?.row {
      var blanks: [Blank] = []
      collect(row, expected: 15, name: LocalizedText(zh: "表四数据行", en: "the row of table 四"), handled, &blanks)
      let name = LocalizedText(zh: "表四", en: "Table 四")
      add(blanks, table: name, (0..<15).map(NationalFormat.table4ColumnName), 1, &context)
    }
    if let table = report.table2 {
      var blanks: [Blank] = []
      for entry in table.rows {
        collect(
          entry.row,
          expected: NationalFormat.table2(table.edition).first { $0.rows.contains(entry.name) }?.columns.count ?? 0,
          name: LocalizedText(zh: "表二“\(entry.name)”行", en: "table 二, row “\(entry.name)”"),
          handled,
          &blanks
        )
      }
      add(blanks, table: LocalizedText(zh: "表二", en: "Table 二"), [], table.rows.count, &context)
    }
  }

  /// The blank cells of a row that no finding explains yet. The row's name and its number of
  /// values are worked out only for a blank: most rows have none.
  private static func collect(
    _ row: TableRow,
    expected: @autoclosure () -> Int,
    name: @autoclosure () -> LocalizedText,
    _ handled: Set<Int>,
    _ blanks: inout [Blank]
  ) {
    var rowName: LocalizedText?
    for (column, cell) in row.cells.enumerated() where cell.content == .blank {
      guard !handled.contains(cell.range.lowerBound) else { continue }
      let named = rowName ?? name()
      rowName = named
      blanks.append(
        Blank(row: row, column: column, cell: cell, name: named, columnCertain: row.cells.count == expected())
      )
    }
  }

  /// One finding for a table's blanks.
  private static func add(
    _ blanks: [Blank],
    table: LocalizedText,
    _ columnNames: @autoclosure () -> [String],
    _ rowCount: Int,
    _ context: inout RuleContext
  ) {
    if blanks.count == 1 {
      context.add(single(blanks[0], context.source))
    } else if blanks.count > 1 {
      context.add(grouped(blanks, table: table, columnNames: columnNames(), rowCount: rowCount))
    }
  }

  private static func fix(_ blanks: [Blank]) -> [Fix] {
    guard blanks.allSatisfy(\.columnCertain) else { return [] }
    return [.writeZero(in: blanks.map(\.cell.range), cells: LocalizedText(zh: "空白单元格", en: "blank cells"))]
  }

  private static func single(_ blank: Blank, _ source: SourceText) -> Diagnostic {
    let cell = blank.cell
    let shown = cell.range.isEmpty ? "" : "（“\(MessageText.quoted(source.text(cell.range)))”）"
    let shownEnglish = cell.range.isEmpty ? "" : " (“\(MessageText.quoted(source.text(cell.range)))”)"
    return Diagnostic(
      .blankCell,
      range: cell.range.isEmpty ? blank.row.range : cell.range,
      message: LocalizedText(
        zh: "\(blank.name.zh)第 \(blank.column + 1) 个数是空白\(shown)，按 0 计算；没有数据时请填 0。",
        en:
          "\(blank.name.capitalized.en): value \(blank.column + 1) is blank\(shownEnglish) and is read as 0; write 0 where there is nothing to report."
      ),
      fixes: fix([blank])
    )
  }

  private static func grouped(
    _ blanks: [Blank],
    table: LocalizedText,
    columnNames: [String],
    rowCount: Int
  ) -> Diagnostic {
    // Columns blank in every row of the table.
    let byColumn = Dictionary(grouping: blanks.filter(\.columnCertain), by: \.column)
    let wholeColumns = byColumn.keys.sorted().filter { byColumn[$0]!.count == rowCount && rowCount > 1 }
    let message: LocalizedText
    if !wholeColumns.isEmpty, wholeColumns.count < columnNames.count,
      wholeColumns.reduce(0, { $0 + byColumn[$1]!.count }) == blanks.count
    {
      let names = wholeColumns.map { "“\(columnNames[$0])”" }
      message = LocalizedText(
        zh: "\(table.zh)\(names.joined(separator: ""))\(names.count) 列整列空白（\(blanks.count) 个单元格），按 0 计算；没有数据时请填 0。",
        en:
          "\(table.en): \(names.count == 1 ? "the column" : "the columns") \(names.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") blank in every row (\(blanks.count) cells), read as 0; write 0 where there is nothing to report."
      )
    } else {
      message = LocalizedText(
        zh: "\(table.zh)有 \(blanks.count) 个空白单元格，按 0 计算；没有数据时请填 0。",
        en: "\(table.en) has \(blanks.count) blank cells, read as 0; write 0 where there is nothing to report."
      )
    }
    let first = blanks[0]
    return Diagnostic(
      .blankCell,
      range: first.cell.range.isEmpty ? first.row.range : first.cell.range,
      message: message,
      related: blanks.map { blank in
        RelatedNote(
          range: blank.cell.range.isEmpty ? blank.row.range : blank.cell.range,
          message: LocalizedText(
            zh: "\(blank.name.zh)第 \(blank.column + 1) 个数空白",
            en: "\(blank.name.capitalized.en): value \(blank.column + 1) is blank"
          )
        )
      },
      fixes: fix(blanks)
    )
  }
}
