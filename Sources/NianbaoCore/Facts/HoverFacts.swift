/// What hovering over a place of a report shows: the cell's row and column, a total written out
/// term by term, a table's balance, a date read.
public struct HoverFact: Sendable, Hashable {
  public var range: Range<Int>
  /// Markdown.
  public var markdown: LocalizedText
}

public enum HoverFacts {
  /// With last year's report at hand, a total of table 三 or 四 also shows last year's value.
  public static func fact(at offset: Int, in report: Report, lastYear: CrossYearRules.Summary?) -> HoverFact? {
    guard var fact = fact(at: offset, in: report) else { return nil }
    if let lastYear, let change = LastYearTotals.change(at: offset, in: report, lastYear: lastYear) {
      fact.markdown.zh += "\n\n" + change.zh
      fact.markdown.en += "\n\n" + change.en
    }
    return fact
  }

  public static func fact(at offset: Int, in report: Report) -> HoverFact? {
    if let fact = table3Cell(at: offset, report) { return fact }
    if let fact = table4Cell(at: offset, report) { return fact }
    if let fact = table2Cell(at: offset, report) { return fact }
    if let fact = tableHeading(at: offset, report) { return fact }
    if let fact = date(at: offset, report) { return fact }
    return nil
  }

  private static func contains(_ range: Range<Int>, _ offset: Int) -> Bool {
    range.contains(offset) || (range.upperBound == offset && !range.isEmpty)
      || (range.isEmpty && range.lowerBound == offset)
  }

  private static func table3Cell(at offset: Int, _ report: Report) -> HoverFact? {
    guard let table = report.table3 else { return nil }
    for spec in table.specs {
      guard let row = table.row(spec.row), row.range.contains(offset) || row.range.upperBound == offset,
        let column = row.cells.firstIndex(where: { contains($0.range, offset) })
      else { continue }
      let cell = row.cells[column]
      guard row.cells.count == 7 else {
        return HoverFact(
          range: cell.range,
          markdown: LocalizedText(
            zh:
              "**表三** · \(spec.displayName) · 第 \(column + 1) 个数\n\n这一行应有 7 个数，实有 \(row.cells.count) 个，无法确定各数所在的列，也无法核对合计。",
            en:
              "**Table 三** · \(spec.displayName) · value \(column + 1)\n\nThis row should have 7 values but has \(row.cells.count); the columns of its values and its sums cannot be known."
          )
        )
      }
      let arithmetic = Table3Arithmetic(table: table, unusableRows: [])
      var zh = "**表三** · \(spec.displayName) · \(NationalFormat.table3Columns[column])"
      var en =
        "**Table 三** · \(spec.displayName) · \(NationalFormat.table3Columns[column]) (\(NationalFormat.table3ColumnsEnglish[column]))"
      let written = cell.integerValue.map(String.init) ?? "—"
      func line(_ constraint: Table3Arithmetic.Constraint, label: String, names: (Table3Arithmetic.CellRef) -> String) {
        let computed = constraint.left.reduce(0) { $0 + (arithmetic.values[$1] ?? 0) }
        let terms = constraint.left.map { "\(names($0)) \(arithmetic.values[$0].map(String.init) ?? "?")" }.joined(
          separator: " + "
        )
        let ok = computed == cell.integerValue
        zh += "\n\n`\(label) = \(terms) = \(computed)`，写的是 \(written)\(ok ? " ✓" : " ✗")"
        en += "\n\n`\(label) = \(terms) = \(computed)`, written \(written)\(ok ? " ✓" : " ✗")"
      }
      let shortColumn = { (ref: Table3Arithmetic.CellRef) in NationalFormat.table3Columns[ref.column] }
      if column == 6, let constraint = arithmetic.constraints.first(where: { $0.kind == .rowSum(spec.row) }) {
        line(constraint, label: "总计", names: shortColumn)
      }
      if spec.kind == .outcomeTotal,
        let constraint = arithmetic.constraints.first(where: { $0.kind == .outcomeSum(column) })
      {
        let nonzero = constraint.left.filter { (arithmetic.values[$0] ?? 0) != 0 }
        let shown = Table3Arithmetic.Constraint(
          kind: constraint.kind,
          left: nonzero.isEmpty ? Array(constraint.left.prefix(1)) : nonzero,
          right: []
        )
        let computed = constraint.left.reduce(0) { $0 + (arithmetic.values[$1] ?? 0) }
        let terms = shown.left.map { "\(arithmetic.spec($0.row).shortName) \(arithmetic.values[$0] ?? 0)" }.joined(
          separator: " + "
        )
        let ok = computed == cell.integerValue
        zh +=
          "\n\n`（七） = \(terms)\(nonzero.count < constraint.left.count ? "（其余为 0）" : "") = \(computed)`，写的是 \(written)\(ok ? " ✓" : " ✗")"
        en +=
          "\n\n`（七） = \(terms)\(nonzero.count < constraint.left.count ? " (others 0)" : "") = \(computed)`, written \(written)\(ok ? " ✓" : " ✗")"
      }
      if spec.kind == .carriedForward {
        let v = { (row: Table3Row) in arithmetic.values[Table3Arithmetic.CellRef(row, column: column)] ?? 0 }
        let (received, carried, done) = (v(.newApplications), v(.carriedOver), v(.outcomeTotal))
        let computed = received + carried - done
        let ok = computed == cell.integerValue
        zh += "\n\n`四 = 一 \(received) + 二 \(carried) − （七） \(done) = \(computed)`，写的是 \(written)\(ok ? " ✓" : " ✗")"
        en +=
          "\n\n`四 = 一 \(received) + 二 \(carried) − （七） \(done) = \(computed)`, written \(written)\(ok ? " ✓" : " ✗")"
      }
      return HoverFact(range: cell.range, markdown: LocalizedText(zh: zh, en: en))
    }
    return nil
  }

  private static func table4Cell(at offset: Int, _ report: Report) -> HoverFact? {
    guard let row = report.table4?.row, let index = row.cells.firstIndex(where: { contains($0.range, offset) }) else {
      return nil
    }
    let cell = row.cells[index]
    guard row.cells.count == NationalFormat.table4ValueCount else {
      return HoverFact(
        range: cell.range,
        markdown: LocalizedText(
          zh: "**表四** · 第 \(index + 1) 个数\n\n表四应有 15 个数，实有 \(row.cells.count) 个，无法确定各数所在的列。",
          en:
            "**Table 四** · value \(index + 1)\n\nTable 四 should have 15 values but has \(row.cells.count); the columns of its values cannot be known."
        )
      )
    }
    var zh = "**表四** · \(NationalFormat.table4ColumnName(index))"
    var en =
      "**Table 四** · \(NationalFormat.table4ColumnName(index)) (\(NationalFormat.table4ColumnNameEnglish(index)))"
    if index % 5 == 4, row.cells.count == 15 {
      let base = index - 4
      let parts = (base..<index).map { row.cells[$0].integerValue ?? 0 }
      let sum = parts.reduce(0, +)
      let terms = (0..<4).map { "\(NationalFormat.table4Results[$0]) \(parts[$0])" }.joined(separator: " + ")
      let written = cell.integerValue.map(String.init) ?? "—"
      let ok = sum == cell.integerValue
      zh += "\n\n`总计 = \(terms) = \(sum)`，写的是 \(written)\(ok ? " ✓" : " ✗")"
      en += "\n\n`总计 = \(terms) = \(sum)`, written \(written)\(ok ? " ✓" : " ✗")"
    }
    return HoverFact(range: cell.range, markdown: LocalizedText(zh: zh, en: en))
  }

  private static func table2Cell(at offset: Int, _ report: Report) -> HoverFact? {
    guard let table = report.table2 else { return nil }
    for entry in table.rows {
      guard let column = entry.row.cells.firstIndex(where: { contains($0.range, offset) }) else { continue }
      let spec = NationalFormat.table2(table.edition).first { $0.rows.contains(entry.name) }
      let columnName = spec.flatMap { column < $0.columns.count ? $0.columns[column] : nil } ?? "第 \(column + 1) 列"
      let marker = spec?.marker ?? ""
      return HoverFact(
        range: entry.row.cells[column].range,
        markdown: LocalizedText(
          zh: "**表二** · \(marker) · \(entry.name) · \(columnName)",
          en: "**Table 二** · \(marker) · \(entry.name) · \(columnName)"
        )
      )
    }
    return nil
  }

  /// On the heading of section 三 or 四: the table's totals and whether its sums hold.
  private static func tableHeading(at offset: Int, _ report: Report) -> HoverFact? {
    guard let section = report.sections.first(where: { contains($0.headingRange, offset) }) else { return nil }
    switch section.number {
    case 3:
      guard let table = report.table3 else { return nil }
      let arithmetic = Table3Arithmetic(table: table, unusableRows: [])
      let active = arithmetic.active
      let broken = active.filter { $0.residual(arithmetic.values) != 0 }
      let total = { (id: Table3Row) in
        table.row(id).flatMap { $0.cells.count == 7 ? $0.cells[6].integerValue : nil }.map(String.init) ?? "?"
      }
      let holds = broken.isEmpty && active.count == arithmetic.constraints.count
      return HoverFact(
        range: section.headingRange,
        markdown: LocalizedText(
          zh: """
            **表三 收到和处理政府信息公开申请情况**

            | 项目 | 总计 |
            |---|---|
            | 一、本年新收 | \(total(.newApplications)) |
            | 二、上年结转 | \(total(.carriedOver)) |
            | （七）总计 | \(total(.outcomeTotal)) |
            | 四、结转下年度 | \(total(.carriedForward)) |

            勾稽关系（一 + 二 = （七） + 四，行总计，（七）总计）：\(holds ? "全部成立 ✓" : broken.isEmpty ? "部分行无法读取，未能全部核对" : "\(broken.count) 处不成立 ✗")
            """,
          en: """
            **Table 三: applications received and handled**

            | item | total |
            |---|---|
            | 一 new this year | \(total(.newApplications)) |
            | 二 carried over | \(total(.carriedOver)) |
            | （七） handled | \(total(.outcomeTotal)) |
            | 四 carried forward | \(total(.carriedForward)) |

            Balancing rules (一 + 二 = （七） + 四, row totals, （七）总计): \(holds ? "all hold ✓" : broken.isEmpty ? "some rows unreadable, not all checked" : "\(broken.count) broken ✗")
            """
        )
      )
    case 4:
      guard let row = report.table4?.row, row.cells.count == 15 else { return nil }
      let values = row.cells.map { $0.integerValue ?? 0 }
      let lines = (0..<3).map { g -> (String, String) in
        let sum = values[g * 5..<g * 5 + 4].reduce(0, +)
        let ok = sum == values[g * 5 + 4]
        return (
          "| \(NationalFormat.table4Groups[g]) | \(values[g * 5 + 4]) | \(ok ? "✓" : "✗ 应为 \(sum)") |",
          "| \(NationalFormat.table4GroupsEnglish[g]) | \(values[g * 5 + 4]) | \(ok ? "✓" : "✗ should be \(sum)") |"
        )
      }
      return HoverFact(
        range: section.headingRange,
        markdown: LocalizedText(
          zh: "**表四 行政复议、行政诉讼情况**\n\n| 组 | 总计 | |\n|---|---|---|\n" + lines.map(\.0).joined(separator: "\n"),
          en: "**Table 四: reconsiderations and lawsuits**\n\n| group | total | |\n|---|---|---|\n"
            + lines.map(\.1).joined(separator: "\n")
        )
      )
    default:
      return nil
    }
  }

  private static func date(at offset: Int, _ report: Report) -> HoverFact? {
    guard let date = report.dates.first(where: { contains($0.range, offset) }) else { return nil }
    let written = [date.year.map { "\($0)年" }, "\(date.month)月", date.day.map { "\($0)日" }].compactMap { $0 }.joined()
    let iso = [date.year.map { String($0) } ?? "????", two(date.month), date.day.map(two)].compactMap { $0 }.joined(
      separator: "-"
    )
    var zh = "**日期** \(written)（\(iso)）"
    var en = "**Date** \(iso)"
    if !date.isValid {
      zh += "\n\n这个日期不存在 ✗"
      en += "\n\nThis date does not exist ✗"
    } else if let year = report.year, let dateYear = date.year, DateRules.signatureDate(report) == date {
      // The date under the signature is written after the report year (its deadline: NB308).
      zh += dateYear > year ? "\n\n成文日期，在报告年度 \(year) 年之后 ✓" : "\n\n成文日期应在报告年度 \(year) 年之后 ✗"
      en +=
        dateYear > year
        ? "\n\nDate of the report, after the report year \(year) ✓"
        : "\n\nThe report's date should follow the report year \(year) ✗"
    } else if let year = report.year, let dateYear = date.year {
      zh += dateYear == year ? "\n\n在报告年度 \(year) 年内 ✓" : "\n\n不在报告年度 \(year) 年内"
      en += dateYear == year ? "\n\nIn the report year \(year) ✓" : "\n\nNot in the report year \(year)"
    }
    return HoverFact(range: date.range, markdown: LocalizedText(zh: zh, en: en))
  }

  private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
