/// Everything nianbao reads from a report. Every element keeps its exact source range (UTF-8
/// byte offsets into ``source``).
public struct Report: Sendable {
  public let source: SourceText
  public var title: Title?
  public var sections: [Section] = []
  public var table2: Table2?
  public var table3: Table3?
  public var table4: Table4?
  public var dates: [DateMention] = []
  public var dateRanges: [DateRangeMention] = []
  public var statisticsPeriods: [StatisticsPeriod] = []
  public var labelDeviations: [LabelDeviation] = []
  /// Table 三 rows whose label was found more than once (the later ones are ignored).
  public var duplicateTable3Rows: [TableRow] = []
  /// A second copy of the whole of table 三 (last year's table left above this year's): read to
  /// be compared, not checked.
  public var table3Copy: Table3?

  /// The report year, from the title.
  public var year: Int? { title?.year }

  /// Whether the text looks like an annual report: a report title, or section headings with a
  /// table. Notes that only name the headings (a README beside the reports) are not reports.
  /// A title without a year, alone (a line of notes naming the reports), does not make one.
  public var looksLikeReport: Bool {
    let tables = table2 != nil || table3 != nil || table4 != nil
    if let title, title.year != nil || !sections.isEmpty || tables { return true }
    return sections.count >= 2 && tables
  }

  public var edition: FormatEdition { NationalFormat.edition(forYear: year) }

  public func section(_ number: Int) -> Section? { sections.first { $0.number == number } }
}

public struct Title: Sendable, Hashable {
  public var range: Range<Int>
  public var text: String
  /// The agency the report is by, spaces and Markdown marks removed; empty when none was read.
  public var agency: String
  /// Where the agency is written: before the year, after it (`2025 年上海市人民政府办公厅…`), or
  /// on the line above the title (a PDF's layout).
  public var agencyRange: Range<Int>?
  public var year: Int?
  public var yearRange: Range<Int>?
}

public struct Section: Sendable, Hashable {
  /// The section (1–6) as identified by its heading's words.
  public var number: Int
  /// The number the heading is written with, when it has one.
  public var writtenNumber: Int?
  public var numberRange: Range<Int>?
  public var headingRange: Range<Int>
  /// The heading's words, without the number.
  public var titleRange: Range<Int>
  public var titleText: String
  /// From the end of the heading to the next section heading.
  public var bodyRange: Range<Int>
  public var subheadings: [Subheading]
}

public struct Subheading: Sendable, Hashable {
  public var range: Range<Int>
  public var text: String
}

/// A number (or the place of a number) in a table.
public struct Cell: Sendable, Hashable {
  public enum Content: Sendable, Hashable {
    case integer(Int)
    /// A number with decimals or a sign, as written.
    case decimal(Double)
    /// Empty, or `-` `—` `/`: read as 0.
    case blank
    /// Text where a number belongs.
    case invalid(String)
  }
  public var range: Range<Int>
  public var content: Content

  /// The largest count read as a number: no agency counts ten million of anything in a year;
  /// longer numbers are typing mistakes (and keep every sum far from overflow).
  public static let largestValue = 9_999_999

  /// The value used for sums: blanks count as 0; invalid cells have none.
  public var integerValue: Int? {
    switch content {
    case .integer(let v): return v
    case .blank: return 0
    case .decimal, .invalid: return nil
    }
  }
}

/// A row of a table as written: its label and the cells in value positions.
public struct TableRow: Sendable, Hashable {
  /// The label cell the row was identified by.
  public var labelRange: Range<Int>
  public var labelText: String
  /// The whole row, from its first label to its last value.
  public var range: Range<Int>
  public var cells: [Cell]
  /// Where a missing value would be inserted, and the separator the row uses.
  public var appendOffset: Int
  public var separator: String
  /// Numbers that ran together with no separator (`15130000154`), when the row has them.
  public var runTogether: RunTogether?
}

public struct RunTogether: Sendable, Hashable {
  public var range: Range<Int>
  public var digits: String
  /// The split nianbao read, when exactly one satisfies the table's sums.
  public var split: [Int]?
  /// How many splits were possible (capped).
  public var candidateCount: Int
}

/// A label written differently from the national format (a typo, an older wording).
public struct LabelDeviation: Sendable, Hashable {
  public enum Place: Sendable, Hashable {
    case sectionHeading
    case table2Column
    case table4Column
    case table2Row
    case table3Row
    /// A row label that matches no row of the format.
    case unknownTable3Row
  }
  public var place: Place
  /// The words of the label (without its numbering).
  public var range: Range<Int>
  public var found: String
  /// The format's wording, when the label could be identified.
  public var canonical: String?
}
