/// A total of table 三 or 四 against the same total in last year's report, for the hover.
enum LastYearTotals {
  static func change(at offset: Int, in report: Report, lastYear: CrossYearRules.Summary) -> LocalizedText? {
    if let table = report.table3 {
      for (spec, row) in table.rows where row.cells.count == 7 {
        let cell = row.cells[6]
        guard cell.range.contains(offset) || cell.range.upperBound == offset, let now = cell.integerValue,
          let before = lastYear.table3Total(spec.row)
        else { continue }
        return text(now: now, before: before, year: lastYear.year)
      }
    }
    if let row = report.table4?.row, row.cells.count == NationalFormat.table4ValueCount,
      let totals = lastYear.table4Totals
    {
      for group in 0..<3 {
        let cell = row.cells[group * 5 + 4]
        guard cell.range.contains(offset) || cell.range.upperBound == offset, let now = cell.integerValue else {
          continue
        }
        return text(now: now, before: totals[group].value, year: lastYear.year)
      }
    }
    return nil
  }

  private static func text(now: Int, before: Int, year: Int) -> LocalizedText {
    let difference = now - before
    let zh =
      difference == 0 ? "与上年持平" : difference > 0 ? "比上年增加 \(difference)" : "比上年减少 \(-difference)"
    let en = difference == 0 ? "unchanged" : difference > 0 ? "up \(difference)" : "down \(-difference)"
    let percent = before == 0 || difference == 0 ? "" : "（\(difference > 0 ? "+" : "")\(difference * 100 / before)%）"
    let percentEn = before == 0 || difference == 0 ? "" : " (\(difference > 0 ? "+" : "")\(difference * 100 / before)%)"
    return LocalizedText(
      zh: "\(year) 年报告：\(before)，\(zh)\(percent)",
      en: "\(year) report: \(before); \(en)\(percentEn)"
    )
  }
}
