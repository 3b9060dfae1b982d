/// NB301–NB307: the statistics period and the dates in the text.
enum DateRules {
  static func run(_ context: inout RuleContext) {
    let report = context.report
    for date in report.dates where !date.isValid {
      context.add(
        Diagnostic(
          .impossibleDate,
          range: date.range,
          message: LocalizedText(
            zh: "“\(context.source.text(date.range))”不是存在的日期\(reason(date).zh)。",
            en: "“\(context.source.text(date.range))” is not a real date\(reason(date).en)."
          )
        )
      )
    }
    for range in report.dateRanges
    where range.start.isValid && range.end.isValid && range.start.year != nil && range.end.year != nil {
      if range.end.key < range.start.key {
        context.add(
          Diagnostic(
            .reversedRange,
            range: range.range,
            message: LocalizedText(
              zh: "日期区间“\(context.source.text(range.range))”的结束日期早于开始日期。",
              en: "The date range “\(context.source.text(range.range))” ends before it starts."
            )
          )
        )
      }
    }
    guard let year = report.year else { return }
    checkPeriods(year, &context)
    checkOverview(year, &context)
    checkSignature(year, &context)
  }

  /// The date alone on one of the last lines (成文日期, under the agency's name).
  static func signatureDate(_ report: Report) -> DateMention? {
    let source = report.source
    var seen = 0
    var line = source.lines.count - 1
    var found: DateMention?
    while line >= 0, seen < 4, found == nil {
      let range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      line -= 1
      guard !range.isEmpty else { continue }
      seen += 1
      found = report.dates.first { $0.range == range && $0.yearWritten && $0.day != nil && $0.isValid }
    }
    return found
  }

  private static func checkSignature(_ year: Int, _ context: inout RuleContext) {
    let report = context.report
    let source = context.source
    guard let date = signatureDate(report), let dateYear = date.year else { return }
    let government =
      context.options.agency.map { $0 == .government } ?? ContentRules.isGovernment(report.title?.agency ?? "")
    let legal = government ? MonthDay(month: 3, day: 31)! : MonthDay(month: 1, day: 31)!
    let deadline = context.options.deadline ?? legal
    let deadlineText = LocalizedText(
      zh: "\(year + 1)年\(deadline.month)月\(deadline.day)日",
      en: "\(year + 1)-\(deadline)"
    )
    let why =
      context.options.deadline == nil
      ? LocalizedText(
        zh: "法定公布期限 \(deadlineText.zh)（条例第四十九条，\(government ? "人民政府" : "政府部门")）",
        en: "the legal deadline \(deadlineText.en) (Art. 49 of the 条例, \(government ? "a government" : "a department"))"
      )
      : LocalizedText(
        zh: "本地规定的公布期限 \(deadlineText.zh)（nianbao.toml 的 deadline）",
        en: "the local deadline \(deadlineText.en) (deadline in nianbao.toml)"
      )
    let written = source.text(date.range)
    if dateYear <= year {
      context.add(
        Diagnostic(
          .signatureDate,
          range: date.range,
          message: LocalizedText(
            zh: "成文日期“\(written)”不在报告年度 \(year) 年之后；年度报告在年度结束后编制，应为 \(year + 1) 年的日期。",
            en:
              "The date “\(written)” is not after the report year \(year); the report is written after the year ends, in \(year + 1)."
          )
        )
      )
    } else if (dateYear, date.month, date.day ?? 1) > (year + 1, deadline.month, deadline.day) {
      context.add(
        Diagnostic(
          .signatureDate,
          range: date.range,
          message: LocalizedText(
            zh: "成文日期“\(written)”晚于\(why.zh)。",
            en: "The date “\(written)” is later than \(why.en)."
          )
        )
      )
    }
  }

  private static func reason(_ date: DateMention) -> LocalizedText {
    if date.month < 1 || date.month > 12 {
      return LocalizedText(zh: "（没有\(date.month)月）", en: " (there is no month \(date.month))")
    }
    if date.month == 2, date.day == 29, let year = date.year {
      return LocalizedText(zh: "（\(year)年不是闰年，2月只有28天）", en: " (\(year) is not a leap year; February has 28 days)")
    }
    return LocalizedText(
      zh: "（\(date.month)月只有\(DateMention.daysIn(month: date.month, year: date.year))天）",
      en: " (month \(date.month) has \(DateMention.daysIn(month: date.month, year: date.year)) days)"
    )
  }

  private static func checkPeriods(_ year: Int, _ context: inout RuleContext) {
    let report = context.report
    guard !report.statisticsPeriods.isEmpty else {
      context.add(
        Diagnostic(
          .noPeriodStatement,
          range: report.title?.range ?? StructureRules.lastNonEmptyLine(context.source, first: true),
          message: LocalizedText(
            zh: "报告没有写明统计期限。建议在报告中写明“本报告中所列数据的统计期限自\(year)年1月1日起至\(year)年12月31日止”。",
            en:
              "The report does not state its statistics period. Consider adding “本报告中所列数据的统计期限自\(year)年1月1日起至\(year)年12月31日止”."
          )
        )
      )
      return
    }
    for period in report.statisticsPeriods {
      let dates = period.dates
      guard dates.start.isValid, dates.end.isValid else { continue }
      let written = context.source.text(dates.range)
      let wrongYears = [dates.start, dates.end].filter { (d: DateMention) -> Bool in
        d.yearWritten && d.year != Optional(year)
      }
      if !wrongYears.isEmpty {
        let edits = wrongYears.compactMap { date -> TextEdit? in
          date.yearRange.map { TextEdit(range: $0, replacement: String(year)) }
        }
        context.add(
          Diagnostic(
            .periodWrongYear,
            range: dates.range,
            message: LocalizedText(
              zh: "统计期限“\(written)”不在报告年度 \(year) 年内，应为 \(year)年1月1日至\(year)年12月31日。",
              en:
                "The statistics period “\(written)” is not in the report year \(year); it runs from \(year)-01-01 to \(year)-12-31."
            ),
            fixes: edits.isEmpty
              ? []
              : [
                Fix(
                  title: LocalizedText(zh: "年份改为 \(year)", en: "Change the year to \(year)"),
                  edits: edits,
                  isCertain: true
                )
              ]
          )
        )
      }
      if dates.start.month != 1 || dates.start.day != 1 || dates.end.month != 12 || dates.end.day != 31 {
        context.add(
          Diagnostic(
            .periodNotWholeYear,
            range: dates.range,
            message: LocalizedText(
              zh: "统计期限“\(written)”不是全年；年度报告的统计期限为 1月1日至12月31日。请核对期限和表中数字。",
              en:
                "The statistics period “\(written)” is not the whole year; an annual report covers 1 January to 31 December. Check the period and the figures."
            )
          )
        )
      }
    }
  }

  private static func checkOverview(_ year: Int, _ context: inout RuleContext) {
    let report = context.report
    guard let overview = report.section(1) else { return }
    for date in report.dates where date.isCutoff && overview.bodyRange.contains(date.range.lowerBound) && date.isValid {
      guard date.year != year || date.month != 12 || (date.day ?? 31) != 31 else { continue }
      context.add(
        Diagnostic(
          .cutoffNotYearEnd,
          range: date.range,
          message: LocalizedText(
            zh: "“截至\(context.source.text(date.range))”不是报告年度年末；总体情况中的数字应截至 \(year)年12月31日。",
            en:
              "“截至\(context.source.text(date.range))” is not the end of the report year; the figures in 总体情况 are as of \(year)-12-31."
          )
        )
      )
    }
    checkParagraphYears(overview, year: year, earlierOnly: false, &context)
    // Section 五 speaks of the report year's problems and of next year's plans: a paragraph that
    // opens with an earlier year's work (`2024年，我局…` in a 2025 report) was kept from that
    // year's report.
    if let problems = report.section(5) { checkParagraphYears(problems, year: year, earlierOnly: true, &context) }
  }

  private static func checkParagraphYears(
    _ section: Section,
    year: Int,
    earlierOnly: Bool,
    _ context: inout RuleContext
  ) {
    let source = context.source
    let subheadingStarts = Set(section.subheadings.map(\.range.lowerBound))
    let firstLine = source.lines.line(containing: section.bodyRange.lowerBound)
    let lastLine = source.lines.line(containing: max(section.bodyRange.lowerBound, section.bodyRange.upperBound - 1))
    guard firstLine <= lastLine else { return }
    var previous: Range<Int>?
    for line in firstLine...lastLine {
      let range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      defer { previous = range }
      // Only a line that opens with a digit can open with a year.
      guard range.count >= 6, TextBytes.digitWidth(source.utf8, range.lowerBound, range.upperBound) > 0,
        section.bodyRange.contains(range.lowerBound),
        !subheadingStarts.contains(range.lowerBound), opensParagraph(after: previous, in: source)
      else { continue }
      let (found, yearRange) = TitleReader(source: source).findYear(
        in: range.lowerBound..<min(range.upperBound, range.lowerBound + 24)
      )
      guard let found, let yearRange, yearRange.lowerBound == range.lowerBound, found != year else { continue }
      if earlierOnly {
        // `2024年，` opens an account of that year; `2024年存在的问题整改情况` is what 五 asks for.
        let after = source.text(yearRange.upperBound..<min(range.upperBound, yearRange.upperBound + 6))
        guard found < year, after.hasPrefix("年，") || after.hasPrefix("年,") || after.hasPrefix("年度，") else { continue }
      }
      let place =
        earlierOnly ? LocalizedText(zh: "“存在的主要问题及改进情况”", en: "section 五") : LocalizedText(zh: "总体情况", en: "总体情况")
      context.add(
        Diagnostic(
          .paragraphOtherYear,
          range: yearRange,
          message: LocalizedText(
            zh: "这是 \(year) 年度报告，但\(place.zh)的这一段以“\(found)年”开头。是否沿用了往年的文字？",
            en:
              "This is the \(year) report, but this paragraph of \(place.en) opens with “\(found)年”. Was it copied from an earlier report?"
          )
        )
      )
    }
  }

  /// Whether a line opens a paragraph: the line before it ends a sentence, is a heading or a
  /// sub-heading, or is blank. A web page's text broken inside a sentence (`…的文件、` / `2020年…`)
  /// does not.
  private static func opensParagraph(after previous: Range<Int>?, in source: SourceText) -> Bool {
    guard let previous, !previous.isEmpty else { return true }
    let text = source.text(previous)
    guard let last = text.unicodeScalars.last else { return true }
    if "。！？；：!?;:".unicodeScalars.contains(last) { return true }
    if let first = text.unicodeScalars.first, "（(一二三四五六七八九十".unicodeScalars.contains(first),
      LabelText.numbering(of: String(text.prefix(8))) != nil, text.unicodeScalars.count <= 40
    {
      return true
    }
    return false
  }
}
