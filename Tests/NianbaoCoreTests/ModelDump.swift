import NianbaoCore

/// The whole of a ``Report`` as text, one element a line, every range as UTF-8 offsets
/// (`12..<15`): what the golden model dumps under `Tests/Golden` record. It names what the model
/// means (table 三's rows by their spec, in print order), not how it is stored, so that a new
/// representation of the same model gives the same dump.
enum ModelDump {
  static func text(_ report: Report) -> String {
    var out = ""
    func line(_ depth: Int, _ text: String) {
      out += String(repeating: "  ", count: depth) + text + "\n"
    }
    let source = report.source
    line(0, "source \(source.utf8.count) bytes, \(source.lines.count) lines")
    if let title = report.title {
      line(
        0,
        "title \(r(title.range)) \(q(title.text)) agency \(q(title.agency)) \(r(title.agencyRange))"
          + " year \(n(title.year)) \(r(title.yearRange))"
      )
    } else {
      line(0, "title -")
    }
    for section in report.sections {
      line(
        0,
        "section \(section.number) written \(n(section.writtenNumber)) \(r(section.numberRange))"
          + " heading \(r(section.headingRange)) title \(r(section.titleRange)) \(q(section.titleText))"
          + " body \(r(section.bodyRange))"
      )
      for subheading in section.subheadings { line(1, "sub \(r(subheading.range)) \(q(subheading.text))") }
    }
    if let table2 = report.table2 {
      line(0, "table2 \(r(table2.range)) \(table2.edition.rawValue)")
      for header in table2.headers {
        line(1, "header \(header.subtableItem).\(header.column) \(r(header.range)) \(q(header.text))")
      }
      for row in table2.rows { self.row(&out, 1, "row \(row.subtableItem) \(q(row.name))", row.row) }
    } else {
      line(0, "table2 -")
    }
    table3(&out, "table3", report.table3)
    if let table4 = report.table4 {
      line(0, "table4 \(r(table4.range))")
      if let row = table4.row { self.row(&out, 1, "row", row) } else { line(1, "row -") }
      for deviation in table4.headerDeviations { line(1, self.deviation(deviation)) }
    } else {
      line(0, "table4 -")
    }
    for row in report.duplicateTable3Rows { self.row(&out, 0, "duplicate table3 row", row) }
    if report.table3Copy != nil { table3(&out, "table3 copy", report.table3Copy) }
    for date in report.dates { line(0, "date " + self.date(date)) }
    for range in report.dateRanges {
      line(0, "date range \(r(range.range)) \(date(range.start)) — \(date(range.end))")
    }
    for period in report.statisticsPeriods {
      line(
        0,
        "period \(r(period.keywordRange)) \(r(period.dates.range)) \(date(period.dates.start)) — \(date(period.dates.end))"
      )
    }
    for deviation in report.labelDeviations { line(0, self.deviation(deviation)) }
    return out
  }

  private static func table3(_ out: inout String, _ name: String, _ table: Table3?) {
    guard let table else {
      out += "\(name) -\n"
      return
    }
    out += "\(name) \(r(table.range)) \(table.edition.rawValue) specs \(table.specs.map(\.id).joined(separator: " "))\n"
    for (spec, row) in table.rows { self.row(&out, 1, "row \(spec.id)", row) }
  }

  private static func row(_ out: inout String, _ depth: Int, _ name: String, _ row: TableRow) {
    let indent = String(repeating: "  ", count: depth)
    out +=
      indent + "\(name) label \(r(row.labelRange)) \(q(row.labelText)) range \(r(row.range))"
      + " append \(row.appendOffset) \(q(row.separator))\n"
    out += indent + "  cells" + row.cells.map { " " + cell($0) }.joined() + "\n"
    if let together = row.runTogether {
      out +=
        indent
        + "  run-together \(r(together.range)) \(together.digits) split \(together.split.map { $0.map(String.init).joined(separator: ",") } ?? "-") of \(together.candidateCount)\n"
    }
  }

  private static func cell(_ cell: Cell) -> String {
    let value: String
    switch cell.content {
    case .integer(let v): value = String(v)
    case .decimal(let v): value = "~\(v)"
    case .blank: value = "_"
    case .invalid(let text): value = "!" + q(text)
    }
    return "\(r(cell.range))=\(value)"
  }

  private static func date(_ date: DateMention) -> String {
    "\(r(date.range)) \(n(date.year))-\(date.month)-\(n(date.day))"
      + "\(date.yearWritten ? "" : " inherited") year \(r(date.yearRange))\(date.isCutoff ? " cutoff" : "")"
  }

  private static func deviation(_ deviation: LabelDeviation) -> String {
    "deviation \(deviation.place) \(r(deviation.range)) \(q(deviation.found)) → \(deviation.canonical.map(q) ?? "-")"
  }

  private static func r(_ range: Range<Int>?) -> String {
    guard let range else { return "-" }
    return "\(range.lowerBound)..<\(range.upperBound)"
  }

  private static func n(_ value: Int?) -> String { value.map(String.init) ?? "-" }

  private static func q(_ text: String) -> String { String(reflecting: text) }
}
