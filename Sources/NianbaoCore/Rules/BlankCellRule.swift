/// NB114: blank cells (empty, `-`, `/`) where a number belongs. Runs after the sums, which
/// already explain a blank total that should not be 0.
enum BlankCellRule {
  static func run(_ context: inout RuleContext) {
    let report = context.report
    var rows: [(TableRow, Int, LocalizedText)] = []
    if let table = report.table3 {
      for spec in table.specs {
        if let row = table.row(spec.id) { rows.append((row, 7, CellNames.table3Row(spec))) }
      }
    }
    if let row = report.table4?.row { rows.append((row, 15, LocalizedText(zh: "表四数据行", en: "the row of table 四"))) }
    if let table = report.table2 {
      for entry in table.rows {
        let expected = NationalFormat.table2(table.edition).first { $0.rows.contains(entry.name) }?.columns.count ?? 0
        rows.append((entry.row, expected, LocalizedText(zh: "表二“\(entry.name)”行", en: "table 二, row “\(entry.name)”")))
      }
    }
    for (row, expected, name) in rows {
      let columnCertain = row.cells.count == expected
      for (column, cell) in row.cells.enumerated() where cell.content == .blank {
        guard !context.handledCells.contains(cell.range.lowerBound) else { continue }
        let range = cell.range.isEmpty ? row.range : cell.range
        context.add(
          Diagnostic(
            .blankCell,
            range: range,
            message: LocalizedText(
              zh:
                "\(name.zh)第 \(column + 1) 个数是空白\(cell.range.isEmpty ? "" : "（“\(context.source.text(cell.range))”）")，按 0 计算；没有数据时请填 0。",
              en:
                "\(name.capitalized.en): value \(column + 1) is blank\(cell.range.isEmpty ? "" : " (“\(context.source.text(cell.range))”)") and is read as 0; write 0 where there is nothing to report."
            ),
            fixes: columnCertain
              ? [
                Fix(
                  title: LocalizedText(zh: "填入 0", en: "Write 0"),
                  edits: [TextEdit(range: cell.range, replacement: "0")],
                  isCertain: true
                )
              ]
              : []
          )
        )
      }
    }
  }
}
