/// Reads a report: text in, ``Report`` out. Never fails: what is missing or unreadable is
/// represented in the model and diagnosed by the rules.
public enum ReportParser {
  public static func parse(_ text: String) -> Report { parse(SourceText(text)) }

  /// The title alone, as ``parse(_:)`` reads it (it stands before the first section heading),
  /// without reading the tables, the dates or the sections' contents: what an index of many
  /// reports needs, read from the head of each file.
  public static func title(_ source: SourceText) -> Title? {
    let headings = headings(SectionReader(source: source))
    return TitleReader(source: source).title(before: headings.first.map { $0.line + 1 } ?? source.lines.count)
  }

  /// The section headings the report's sections begin at.
  private static func headings(_ sectionReader: SectionReader) -> [SectionReader.Heading] {
    var headings = sectionReader.headings()
    // A heading in other words (`三、主动公开工作情况`) is the report's own section, not the
    // format's, when the format's heading for that section stands elsewhere.
    let exact = Set(headings.filter { $0.deviation == nil }.map(\.number))
    headings.removeAll { $0.deviation != nil && exact.contains($0.number) }
    // A Markdown heading without a number whose words are a section's (`## 收到和处理政府信息公开申请情况`
    // over a table) is the table's caption when the section has its numbered heading.
    let numbered = Set(headings.filter { $0.writtenNumber != nil }.map(\.number))
    headings.removeAll { $0.writtenNumber == nil && numbered.contains($0.number) }
    if !headings.contains(where: { $0.number == 1 }), let second = headings.first(where: { $0.number == 2 }),
      headings.first?.number == 2,
      let overview = sectionReader.overviewInOtherWords(before: second.headingRange.lowerBound)
    {
      headings.insert(overview, at: 0)
    }
    return headings
  }

  public static func parse(_ source: SourceText) -> Report {
    var report = Report(source: source)
    let sectionReader = SectionReader(source: source)
    let headings = headings(sectionReader)
    report.title = TitleReader(source: source).title(before: headings.first.map { $0.line + 1 } ?? source.lines.count)

    for (index, heading) in headings.enumerated() {
      let nextLine = index + 1 < headings.count ? headings[index + 1].line : source.lines.count
      let bodyLines = (heading.line + 1)..<max(heading.line + 1, nextLine)
      let bodyEnd = index + 1 < headings.count ? headings[index + 1].headingRange.lowerBound : source.utf8.count
      report.sections.append(
        Section(
          number: heading.number,
          writtenNumber: heading.writtenNumber,
          numberRange: heading.numberRange,
          headingRange: heading.headingRange,
          titleRange: heading.titleRange,
          titleText: source.text(heading.titleRange),
          bodyRange: heading.headingRange.upperBound..<max(heading.headingRange.upperBound, bodyEnd),
          subheadings: sectionReader.subheadings(in: bodyLines)
        )
      )
      if let deviation = heading.deviation { report.labelDeviations.append(deviation) }
    }

    let stream = TextStream(source: source)
    let table3 = Table3Reader(stream: stream, expectedEdition: report.edition).read()
    report.table3 = table3.table
    report.labelDeviations += table3.deviations
    report.duplicateTable3Rows = table3.duplicates
    report.table3Copy = table3.copy

    let sectionStart = { (number: Int) in report.section(number)?.headingRange }
    let table3Start = table3.table?.range.lowerBound
    // Table 二 stands in section 二, or after the first 第二十条 marker when the report numbers
    // its sections its own way; it ends where table 三 or section 三 begins.
    if let start = sectionStart(2)?.upperBound ?? firstOffset(of: "第二十条", in: source) {
      let end = [table3Start, sectionStart(3)?.lowerBound].compactMap { $0 }.filter { $0 > start }.min()
      let (table2, table2Deviations) = Table2Reader(stream: stream).read(in: start..<(end ?? source.utf8.count))
      report.table2 = table2
      report.labelDeviations += table2Deviations
    }
    // Table 四 follows table 三 (and section 四's heading); it ends where section 五 begins.
    if let start = [table3.table?.range.upperBound, sectionStart(4)?.upperBound].compactMap({ $0 }).max() {
      let inOwnSection = sectionStart(4).map { $0.upperBound == start } ?? false
      // Normally up to section 五; when a stray 五 heading stands before the table (printed in
      // the same paragraph as heading 四) and 五 comes again after it, up to the next one.
      let ends =
        report.sections.filter { $0.number >= 5 && $0.headingRange.lowerBound > start }.map(\.headingRange.lowerBound)
        + [source.utf8.count]
      for end in ends {
        report.table4 = Table4Reader(stream: stream).read(in: start..<end, requireHeader: !inOwnSection)
        if report.table4 != nil || report.sections.filter({ $0.number == 5 }).count < 2 { break }
      }
      report.labelDeviations += report.table4?.headerDeviations ?? []
    }

    // Table rows such as `(七) 总计` open like sub-headings; they are not.
    let tableRanges = [report.table2?.range, report.table3?.range, report.table4?.range].compactMap { $0 }
    for index in report.sections.indices {
      report.sections[index].subheadings.removeAll { subheading in
        tableRanges.contains { $0.contains(subheading.range.lowerBound) }
          || source.utf8[subheading.range].contains(0x09)
      }
    }

    let dates = DateReader(source: source).read()
    report.dates = dates.dates
    report.dateRanges = dates.ranges
    report.statisticsPeriods = dates.periods
    report.labelDeviations.sort { $0.range.lowerBound < $1.range.lowerBound }
    return report
  }

  private static func firstOffset(of needle: String, in source: SourceText) -> Int? {
    source.utf8.firstOffset(of: Array(needle.utf8), in: 0..<source.utf8.count)
  }
}
