/// NB309: 二、上年结转 of one year's report equals 四、结转下年度继续办理 of the same agency's
/// report for the year before, column by column. Needs both reports, so the frontends pair them
/// (`--check` when both files are among those checked).
public enum CrossYearRules {
  /// What pairing needs of a report, small enough to keep for thousands of files.
  public struct Summary: Sendable, Hashable {
    public var agency: String
    public var year: Int
    /// Table 三 row 二, seven values, with their ranges.
    var carriedOver: [(value: Int?, range: Range<Int>)]?
    /// Table 三 row 四, seven values.
    var carriedForward: [Int?]?

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
      lhs.agency == rhs.agency && lhs.year == rhs.year && lhs.carriedForward == rhs.carriedForward
        && lhs.carriedOver?.map(\.value) == rhs.carriedOver?.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(agency)
      hasher.combine(year)
    }

    public init?(_ report: Report) {
      guard let title = report.title, let year = title.year else { return nil }
      let agency = String(String.UnicodeScalarView(title.agency.unicodeScalars.filter { !LabelText.isSpace($0) }))
      guard !agency.isEmpty else { return nil }
      self.agency = agency
      self.year = year
      if let row = report.table3?.row("2"), row.cells.count == 7 {
        carriedOver = row.cells.map { ($0.integerValue, $0.range) }
      }
      if let row = report.table3?.row("4"), row.cells.count == 7 { carriedForward = row.cells.map(\.integerValue) }
    }
  }

  /// Findings for the current report, given the same agency's report for the year before.
  public static func check(current: Summary, previous: Summary, previousName: String) -> [Diagnostic] {
    guard current.agency == previous.agency, previous.year == current.year - 1,
      let carriedOver = current.carriedOver, let carriedForward = previous.carriedForward
    else { return [] }
    var differences: [(column: Int, now: Int, before: Int)] = []
    for column in 0..<7 {
      guard let now = carriedOver[column].value, let before = carriedForward[column] else { return [] }
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
        range: carriedOver[first.column].range,
        message: LocalizedText(
          zh:
            "表三“二、上年结转政府信息公开申请数量”应等于 \(previous.year) 年报告（\(previousName)）表三“四、结转下年度继续办理”，不一致：\(listZh)。请核对两份报告。",
          en:
            "Table 三 row 二 (carried over) must equal row 四 (carried forward) of the \(previous.year) report (\(previousName)); they differ: \(listEn). Check both reports."
        )
      )
    ]
  }
}
