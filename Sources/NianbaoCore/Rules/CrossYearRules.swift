/// NB309: 二、上年结转 of one year's report equals 四、结转下年度继续办理 of the same agency's
/// report for the year before, column by column. Needs both reports, so the frontends pair them
/// (`--check` when both files are among those checked).
public enum CrossYearRules {
  /// The agency and year a report can be paired by, or nil.
  public static func key(_ report: Report) -> (agency: String, year: Int)? {
    guard let title = report.title, let year = title.year else { return nil }
    let agency = String(String.UnicodeScalarView(title.agency.unicodeScalars.filter { !LabelText.isSpace($0) }))
    return agency.isEmpty ? nil : (agency, year)
  }

  /// Findings for `current`, given the same agency's report for the year before.
  public static func check(current: Report, previous: Report, previousName: String) -> [Diagnostic] {
    guard let currentKey = key(current), let previousKey = key(previous), currentKey.agency == previousKey.agency,
      previousKey.year == currentKey.year - 1,
      let carriedOver = current.table3?.row("2"), carriedOver.cells.count == 7,
      let carriedForward = previous.table3?.row("4"), carriedForward.cells.count == 7
    else { return [] }
    var differences: [(column: Int, now: Int, before: Int)] = []
    for column in 0..<7 {
      guard let now = carriedOver.cells[column].integerValue, let before = carriedForward.cells[column].integerValue
      else {
        return []
      }
      if now != before { differences.append((column, now, before)) }
    }
    guard let first = differences.first else { return [] }
    let listZh = differences.map { "\(NationalFormat.table3Columns[$0.column]) \($0.now)（上年报告 \($0.before)）" }
      .joined(separator: "，")
    let listEn = differences.map {
      "\(NationalFormat.table3Columns[$0.column]) \($0.now) (last year's report: \($0.before))"
    }.joined(separator: ", ")
    return [
      Diagnostic(
        .carryOverAcrossYears,
        range: carriedOver.cells[first.column].range,
        message: LocalizedText(
          zh:
            "表三“二、上年结转政府信息公开申请数量”应等于 \(previousKey.year) 年报告（\(previousName)）表三“四、结转下年度继续办理”，不一致：\(listZh)。请核对两份报告。",
          en:
            "Table 三 row 二 (carried over) must equal row 四 (carried forward) of the \(previousKey.year) report (\(previousName)); they differ: \(listEn). Check both reports."
        )
      )
    ]
  }
}
