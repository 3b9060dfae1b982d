/// NB204: each group of table 四 adds up to its total.
enum Table4Balance {
  static func run(_ context: inout RuleContext) {
    guard !context.unusableTable4, let row = context.report.table4?.row, row.cells.count == 15 else { return }
    let values = row.cells.map { $0.integerValue }
    for group in 0..<3 {
      let base = group * 5
      let parts = (base..<base + 4).map { values[$0] }
      guard let total = values[base + 4], parts.allSatisfy({ $0 != nil }) else { continue }
      let sum = parts.reduce(0) { $0 + $1! }
      guard sum != total else { continue }
      let cell = row.cells[base + 4]
      let terms = (0..<4).map { "\(NationalFormat.table4Results[$0]) \(parts[$0]!)" }.joined(separator: " + ")
      let termsEnglish = (0..<4).map { "\(NationalFormat.table4ResultsEnglish[$0]) \(parts[$0]!)" }.joined(
        separator: " + "
      )
      context.handledCells.insert(cell.range.lowerBound)
      context.add(
        Diagnostic(
          .reviewTotal,
          range: cell.range,
          message: LocalizedText(
            zh:
              "\(CellNames.table4(base + 4).zh)应为 \(sum)，实为 \(cell.content == .blank ? "空白" : String(total))：\(terms) = \(sum)。",
            en:
              "\(CellNames.table4(base + 4).capitalized.en) should be \(sum) but is \(cell.content == .blank ? "blank" : String(total)): \(termsEnglish) = \(sum)."
          ),
          related: (base..<base + 4).map { index in
            let text = "\(NationalFormat.table4ColumnName(index)) = \(values[index]!)"
            return RelatedNote(range: row.cells[index].range, message: LocalizedText(zh: text, en: text))
          },
          fixes: [
            Fix(
              title: LocalizedText(zh: "重新计算总计为 \(sum)", en: "Recompute the total as \(sum)"),
              edits: [TextEdit(range: cell.range, replacement: String(sum))],
              isCertain: true
            )
          ]
        )
      )
    }
  }
}
