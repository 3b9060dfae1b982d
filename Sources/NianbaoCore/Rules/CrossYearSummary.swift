extension CrossYearRules {
  /// What comparing a report with the year before needs of it, small enough to keep for
  /// thousands of files: the title, the cells the rules compare and the sections' prose.
  public struct Summary: Sendable, Hashable {
    public var agency: String
    public var year: Int
    public var titleRange: Range<Int>
    var edition: FormatEdition
    /// Table 三 row 二, seven values, with their ranges.
    var carriedOver: [(value: Int?, range: Range<Int>)]?
    /// Table 三 row 四, seven values, with their ranges.
    var carriedForward: [(value: Int?, range: Range<Int>)]?
    /// Table 二 item (一): 规章 and 行政规范性文件.
    var stock: [StockRow] = []
    /// Each table 三 row's 总计 with its row: a short list, kept for thousands of reports.
    var table3Totals: [(row: Table3Row, value: Int)] = []
    /// The 总计 of the table 三 row `row`.
    func table3Total(_ row: Table3Row) -> Int? { table3Totals.first { $0.row == row }?.value }

    /// Table 四's three 总计 cells.
    var table4Totals: [(value: Int, range: Range<Int>)]?
    var sections: [SectionProse] = []

    /// One row of table 二 item (一) of the 2021 format.
    struct StockRow: Sendable {
      var name: String
      var issued: Int?
      var repealed: Int?
      var inForce: Int?
      var inForceRange: Range<Int>
    }

    /// A section's own words, as compared with last year's.
    struct SectionProse: Sendable {
      var number: Int
      var headingRange: Range<Int>
      var titleText: String
      var text: ComparableText
    }

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
      lhs.agency == rhs.agency && lhs.year == rhs.year
        && lhs.carriedForward?.map(\.value) == rhs.carriedForward?.map(\.value)
        && lhs.carriedOver?.map(\.value) == rhs.carriedOver?.map(\.value)
        && lhs.stock.map { [$0.issued, $0.repealed, $0.inForce] }
          == rhs.stock.map { [$0.issued, $0.repealed, $0.inForce] }
        && lhs.sections.map(\.text.scalars) == rhs.sections.map(\.text.scalars)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(agency)
      hasher.combine(year)
    }

    /// The agency (spaces dropped) and the year of a report's title: what pairs two reports.
    public static func key(_ report: Report) -> (agency: String, year: Int)? {
      report.title.flatMap(key(title:))
    }

    /// The agency (spaces dropped) and the year of a title.
    public static func key(title: Title) -> (agency: String, year: Int)? {
      guard let year = title.year else { return nil }
      let agency = String(String.UnicodeScalarView(title.agency.unicodeScalars.filter { !LabelText.isSpace($0) }))
      return agency.isEmpty ? nil : (agency, year)
    }

    /// Where each compared section's own words are, so that its prose can be read again from the
    /// report's text without parsing it: a folder walk keeps summaries without the prose (tens of
    /// kilobytes a report) and reads it for the reports that pair only.
    struct ProseSpan: Sendable {
      var number: Int
      var headingRange: Range<Int>
      var titleText: String
      var bodyRange: Range<Int>
      /// The tables and sub-headings inside the body, whose words the format prescribes.
      var skipped: [Range<Int>]
    }
    var proseSpans: [ProseSpan] = []

    /// Whether the sections' prose is in this summary.
    public var hasProse: Bool { !proseOmitted }
    private var proseOmitted = false

    /// The summary without the sections' prose (NB312 needs it, the other rules do not).
    public var withoutProse: Summary {
      var copy = self
      copy.sections = []
      copy.proseOmitted = true
      return copy
    }

    /// The summary with the sections' prose, read from `source`, the text it was made from.
    public func withProse(_ source: SourceText) -> Summary {
      guard proseOmitted else { return self }
      var copy = self
      copy.sections = proseSpans.map {
        SectionProse(
          number: $0.number,
          headingRange: $0.headingRange,
          titleText: $0.titleText,
          text: ComparableText(body: $0.bodyRange, skipping: $0.skipped, in: source)
        )
      }
      copy.proseOmitted = false
      return copy
    }

    /// The summary of a report; without the sections' prose when `prose` is false (see
    /// ``withProse(_:)``).
    public init?(_ report: Report, prose: Bool) {
      self.init(briefOf: report)
      if prose {
        self = withProse(report.source)
      }
    }

    public init?(_ report: Report) {
      self.init(report, prose: true)
    }

    private init?(briefOf report: Report) {
      guard let title = report.title, let (agency, year) = Self.key(report) else { return nil }
      self.agency = agency
      self.year = year
      titleRange = title.range
      edition = report.edition
      if let row = report.table3?.row(.carriedOver), row.cells.count == 7 {
        carriedOver = row.cells.map { ($0.integerValue, $0.range) }
      }
      if let row = report.table3?.row(.carriedForward), row.cells.count == 7 {
        carriedForward = row.cells.map { ($0.integerValue, $0.range) }
      }
      if let table = report.table3 {
        for (spec, row) in table.rows where row.cells.count == 7 {
          if let value = row.cells[6].integerValue { table3Totals.append((spec.row, value)) }
        }
      }
      if let row = report.table4?.row, row.cells.count == NationalFormat.table4ValueCount {
        let totals = (0..<3).compactMap { group in
          row.cells[group * 5 + 4].integerValue.map { ($0, row.cells[group * 5 + 4].range) }
        }
        if totals.count == 3 { table4Totals = totals }
      }
      if edition == .edition2021, let table = report.table2 {
        for entry in table.rows where entry.subtableItem == 1 && entry.row.cells.count == 3 {
          let cells = entry.row.cells
          stock.append(
            StockRow(
              name: entry.name,
              issued: cells[0].integerValue,
              repealed: cells[1].integerValue,
              inForce: cells[2].integerValue,
              inForceRange: cells[2].range
            )
          )
        }
      }
      let tables = [report.table2?.range, report.table3?.range, report.table4?.range].compactMap { $0 }
      proseSpans = report.sections.filter { RepetitionRule.comparedSections.contains($0.number) }.map { section in
        ProseSpan(
          number: section.number,
          headingRange: section.headingRange,
          titleText: section.titleText,
          bodyRange: section.bodyRange,
          skipped: (tables + section.subheadings.map(\.range)).filter { $0.overlaps(section.bodyRange) }
        )
      }
      proseOmitted = true
    }
  }
}
