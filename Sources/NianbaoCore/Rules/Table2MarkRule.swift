/// NB116: cells of table 二 that hold a mark (`/`, `-`, `—`, `不适用`) where a number belongs.
/// They are read as 0, like blanks, but were written on purpose: reviewers count them as not
/// reported, so they get their own finding and NB114 leaves them alone. Whole numbers ≥ 0, and
/// decimals only in the fee amount, are NB108's.
enum Table2MarkRule {
  static func run(_ context: inout RuleContext) {
    guard let table = context.report.table2 else { return }
    let source = context.source
    var marked: [(name: LocalizedText, cell: Cell, certain: Bool)] = []
    for entry in table.rows where entry.row.runTogether == nil {
      guard let spec = NationalFormat.table2(table.edition).first(where: { $0.rows.contains(entry.name) }) else {
        continue
      }
      for (column, cell) in entry.row.cells.enumerated() where cell.content == .blank && !cell.range.isEmpty {
        let text = source.text(cell.range)
        guard Table2Marks.isMark(text) else { continue }
        let columnName = column < spec.columns.count ? spec.columns[column] : "第 \(column + 1) 列"
        marked.append(
          (
            LocalizedText(
              zh: "表二“\(entry.name)”行“\(columnName)”列",
              en: "table 二, row “\(entry.name)”, column “\(columnName)”"
            ),
            cell,
            entry.row.cells.count == spec.columns.count
          )
        )
      }
    }
    guard !marked.isEmpty else { return }
    for entry in marked { context.handledCells.insert(entry.cell.range.lowerBound) }
    let fixes =
      marked.allSatisfy(\.certain)
      ? [Fix.writeZero(in: marked.map(\.cell.range), cells: LocalizedText(zh: "单元格", en: "cells"))] : []
    let first = marked[0]
    let firstMark = MessageText.quoted(source.text(first.cell.range))
    let message: LocalizedText
    if marked.count == 1 {
      message = LocalizedText(
        zh: "\(first.name.zh)填的是“\(firstMark)”，这不是数。表二没有发生的事项应填 0，“/”“-”“—”“不适用”审查时按未填报处理。",
        en:
          "\(first.name.capitalized.en) holds “\(firstMark)”, which is not a number. Where nothing happened, table 二 holds 0; reviewers count “/”, “-”, “—” and “不适用” as not reported."
      )
    } else {
      let marks = Set(marked.map { source.text($0.cell.range) }).sorted().map { "“\(MessageText.quoted($0))”" }
      message = LocalizedText(
        zh: "表二有 \(marked.count) 个单元格填的是\(marks.joined(separator: ""))，这些不是数。没有发生的事项应填 0，这些符号审查时按未填报处理。",
        en:
          "\(marked.count) cells of table 二 hold \(marks.joined(separator: ", ")), which are not numbers. Where nothing happened the cell holds 0; reviewers count such marks as not reported."
      )
    }
    context.add(
      Diagnostic(
        .notANumberInTable2,
        range: first.cell.range,
        message: message,
        related: marked.count == 1
          ? []
          : marked.map { entry in
            RelatedNote(
              range: entry.cell.range,
              message: LocalizedText(
                zh: "\(entry.name.zh)：“\(MessageText.quoted(source.text(entry.cell.range)))”",
                en: "\(entry.name.capitalized.en): “\(MessageText.quoted(source.text(entry.cell.range)))”"
              )
            )
          },
        fixes: fixes
      )
    )
  }
}

/// What a cell of table 二 may hold instead of a number.
enum Table2Marks {
  static let notApplicable = "不适用"
  /// Words written where nothing happened.
  static let words: Set<String> = [notApplicable, "无", "暂无"]

  static func isMark(_ text: String) -> Bool {
    words.contains(text) || TextBytes.blankMarkers.contains(text)
  }
}
