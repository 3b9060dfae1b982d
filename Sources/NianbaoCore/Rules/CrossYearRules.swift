/// A report against the same agency's report for the year before. Needs both reports, so the
/// frontends pair them (`--check` when both files are among those checked, the server from the
/// workspace): NB309 here, NB311 in `StockContinuityRule`, NB312 in `RepetitionRule`, and NB313
/// when it is not clear which report is last year's.
public enum CrossYearRules {
  /// Every finding of the current report against last year's. `previousFile` names last year's
  /// report in the related information (a path or a URI), `previousName` in the messages.
  /// `namedInSettings`: the settings name last year's report (`previous = …`), which then need
  /// not carry the same agency name (agencies are renamed).
  public static func findings(
    current: Summary,
    previous: Summary,
    previousName: String,
    previousFile: String,
    namedInSettings: Bool = false
  ) -> [Diagnostic] {
    guard namedInSettings || current.agency == previous.agency, previous.year == current.year - 1 else { return [] }
    var previous = previous
    previous.agency = current.agency
    return check(current: current, previous: previous, previousName: previousName, previousFile: previousFile)
      + StockContinuityRule.check(current: current, previous: previous, previousFile: previousFile)
      + RepetitionRule.check(current: current, previous: previous, previousFile: previousFile)
  }

  /// NB313: more than one report could be last year's, so none is used.
  public static func ambiguousPrevious(current: Summary, candidates: [String]) -> Diagnostic {
    let names = candidates.sorted()
    return Diagnostic(
      .ambiguousPreviousYear,
      range: current.titleRange,
      message: LocalizedText(
        zh:
          "有 \(names.count) 份报告都可能是 \(current.year - 1) 年的上年报告（\(names.joined(separator: "、"))），未与上年比较；删去多余的副本，或在 nianbao.toml 中用 previous = \"路径\" 指定",
        en:
          "\(names.count) reports could be last year's (\(current.year - 1)): \(names.joined(separator: ", ")); none was compared. Remove the extra copies or name one with previous = \"path\" in nianbao.toml"
      )
    )
  }

  /// NB309, given the same agency's report for the year before.
  public static func check(
    current: Summary,
    previous: Summary,
    previousName: String,
    previousFile: String? = nil
  ) -> [Diagnostic] {
    guard current.agency == previous.agency, previous.year == current.year - 1,
      let carriedOver = current.carriedOver, let carriedForward = previous.carriedForward
    else { return [] }
    var differences: [(column: Int, now: Int, before: Int)] = []
    for column in 0..<7 {
      guard let now = carriedOver[column].value, let before = carriedForward[column].value else { return [] }
      if now != before { differences.append((column, now, before)) }
    }
    guard let first = differences.first else { return [] }
    let listZh = differences.map { "\(NationalFormat.table3Columns[$0.column]) \($0.now)（上年报告 \($0.before)）" }
      .joined(separator: "，")
    let listEn = differences.map {
      "\(NationalFormat.table3Columns[$0.column]) \($0.now) (last year's report: \($0.before))"
    }.joined(separator: ", ")
    let related: [RelatedNote] =
      previousFile.map { file in
        differences.map { difference in
          RelatedNote(
            range: carriedForward[difference.column].range,
            message: LocalizedText(
              zh:
                "\(previous.year) 年报告表三“四、结转下年度继续办理”\(NationalFormat.table3Columns[difference.column]) \(difference.before)",
              en:
                "\(previous.year) report, table 三 row 四 (carried forward), \(NationalFormat.table3Columns[difference.column]): \(difference.before)"
            ),
            file: file
          )
        }
      } ?? []
    return [
      Diagnostic(
        .carryOverAcrossYears,
        range: carriedOver[first.column].range,
        message: LocalizedText(
          zh:
            "表三“二、上年结转政府信息公开申请数量”应等于 \(previous.year) 年报告（\(previousName)）表三“四、结转下年度继续办理”，不一致：\(listZh)。请核对两份报告。",
          en:
            "Table 三 row 二 (carried over) must equal row 四 (carried forward) of the \(previous.year) report (\(previousName)); they differ: \(listEn). Check both reports."
        ),
        related: related
      )
    ]
  }
}
