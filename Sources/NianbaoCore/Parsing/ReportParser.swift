/// Reads a report: text in, ``Report`` out. Never fails: what is missing or unreadable is
/// represented in the model and diagnosed by the rules.
public enum ReportParser {
  public static func parse(_ text: String) -> Report { parse(SourceText(text)) }

  public static func parse(_ source: SourceText) -> Report {
    var report = Report(source: source)
    let sectionReader = SectionReader(source: source)
    let headings = sectionReader.headings()
    report.title = TitleReader(source: source).title(before: headings.first?.line ?? source.lines.count)

    var bodies: [Int: Range<Int>] = [:]  // section number → its lines (first occurrence)
    for (index, heading) in headings.enumerated() {
      let nextLine = index + 1 < headings.count ? headings[index + 1].line : source.lines.count
      let bodyLines = (heading.line + 1)..<max(heading.line + 1, nextLine)
      let bodyEnd = nextLine < source.lines.count ? source.lines.lineStarts[nextLine] : source.utf8.count
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
      if bodies[heading.number] == nil { bodies[heading.number] = bodyLines }
      if let deviation = heading.deviation { report.labelDeviations.append(deviation) }
    }

    /// A table is read in its section; when the heading is missing, its content sits in the body
    /// of the section before it.
    func lines(forTableOf number: Int) -> (Range<Int>, Bool) {
      if let own = bodies[number] { return (own, true) }
      for previous in stride(from: number - 1, through: 1, by: -1) {
        if let body = bodies[previous] { return (body, false) }
      }
      let end = headings.first { $0.number > number }?.line ?? source.lines.count
      return (0..<end, false)
    }

    let (table2Lines, _) = lines(forTableOf: 2)
    let (table2, table2Deviations) = Table2Reader(source: source).read(lines: table2Lines)
    report.table2 = table2
    report.labelDeviations += table2Deviations

    let (table3Lines, _) = lines(forTableOf: 3)
    let table3 = Table3Reader(source: source).read(lines: table3Lines)
    report.table3 = table3.table
    report.labelDeviations += table3.deviations
    report.duplicateTable3Rows = table3.duplicates

    let (table4Lines, own4) = lines(forTableOf: 4)
    report.table4 = Table4Reader(source: source).read(lines: table4Lines, requireHeader: !own4)

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
}
