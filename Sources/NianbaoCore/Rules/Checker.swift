/// Runs every rule over a report.
public enum Checker {
  /// Reads and checks a text.
  ///
  /// - Parameter explicitlyNamed: whether the user named this text (a file on the command line,
  ///   a document opened as a report). A text that is not a report then gets one NB100 finding;
  ///   otherwise it gets none.
  /// - Parameter options: what the team's settings say about its reports (see ``CheckerOptions``).
  public static func check(
    _ text: String,
    explicitlyNamed: Bool = true,
    options: CheckerOptions = CheckerOptions()
  ) -> (Report, [Diagnostic]) {
    let report = ReportParser.parse(text)
    return (report, check(report, explicitlyNamed: explicitlyNamed, options: options))
  }

  public static func check(
    _ report: Report,
    explicitlyNamed: Bool = true,
    options: CheckerOptions = CheckerOptions()
  ) -> [Diagnostic] {
    guard report.looksLikeReport else {
      guard explicitlyNamed else { return [] }
      let first =
        (0..<report.source.lines.count).lazy.map {
          TextBytes.trim(report.source, report.source.lines.contentRange(ofLine: $0))
        }.first {
          !$0.isEmpty
        } ?? 0..<0
      return [
        Diagnostic(
          .notAReport,
          range: first,
          message: LocalizedText(
            zh: "这不是政府信息公开工作年度报告：没有找到报告标题（“××××年政府信息公开工作年度报告”），也没有找到“一、总体情况”等章节标题。",
            en:
              "This is not an annual report on government information disclosure: there is no report title (“YYYY年政府信息公开工作年度报告”) and none of the section headings (一、总体情况 …)."
          )
        )
      ]
    }
    var context = RuleContext(report: report, options: options)
    StructureRules.run(&context)
    LabelRules.run(&context)
    CellRules.run(&context)
    Table3Balance.run(&context)
    Table4Balance.run(&context)
    Table2MarkRule.run(&context)
    BlankCellRule.run(&context)
    DateRules.run(&context)
    ContentRules.run(&context)
    NarrativeRules.run(&context)
    PlaceholderRule.run(&context)
    WritingRules.run(&context)
    return context.diagnostics.sortedByPosition()
  }
}

/// What the rules share while checking one report.
struct RuleContext {
  let report: Report
  let options: CheckerOptions
  var diagnostics: [Diagnostic] = []
  /// Cells a finding already explains (by the offset where they start), so that a blank total
  /// that is also wrong gets one finding, not two.
  var handledCells: Set<Int> = []
  /// Table 三 rows whose values cannot be used for sums (wrong count, unreadable).
  var unusableTable3Rows: Set<Table3Row> = []
  var unusableTable4 = false

  var source: SourceText { report.source }

  mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}

/// How a table cell is named in messages.
enum CellNames {
  static func table3(_ spec: Table3RowSpec, _ column: Int) -> LocalizedText {
    LocalizedText(
      zh: "表三“\(spec.displayName)”行“\(NationalFormat.table3Columns[column])”列",
      en:
        "table 三, row “\(spec.displayName)”, column “\(NationalFormat.table3Columns[column])” (\(NationalFormat.table3ColumnsEnglish[column]))"
    )
  }

  static func table3Row(_ spec: Table3RowSpec) -> LocalizedText {
    for entry in table3RowNames[spec.index] where entry.spec === spec { return entry.name }
    return makeTable3Row(spec)
  }

  private static func makeTable3Row(_ spec: Table3RowSpec) -> LocalizedText {
    LocalizedText(zh: "表三“\(spec.displayName)”行", en: "table 三, row “\(spec.displayName)”")
  }

  /// The names of every row of both editions, by row index, made once: a table whose digits
  /// ran together names each of its rows.
  private static let table3RowNames: [[(spec: Table3RowSpec, name: LocalizedText)]] = {
    var names = [[(spec: Table3RowSpec, name: LocalizedText)]](repeating: [], count: Table3RowSpec.rowCount)
    for edition in [FormatEdition.edition2021, .trial2019] {
      for spec in NationalFormat.table3Rows(edition) where !names[spec.index].contains(where: { $0.spec === spec }) {
        names[spec.index].append((spec, makeTable3Row(spec)))
      }
    }
    return names
  }()

  static func table4(_ column: Int) -> LocalizedText {
    LocalizedText(
      zh: "表四“\(NationalFormat.table4ColumnName(column))”",
      en: "table 四, “\(NationalFormat.table4ColumnName(column))” (\(NationalFormat.table4ColumnNameEnglish(column)))"
    )
  }
}

extension LocalizedText {
  /// The first letter of an English sentence in upper case.
  var capitalized: LocalizedText {
    var english = en
    if let upper = english.withUTF8(Self.asciiCapitalized) { return LocalizedText(zh: zh, en: upper) }
    guard let first = en.first else { return self }
    return LocalizedText(zh: zh, en: first.uppercased() + en.dropFirst())
  }

  /// Text that opens with an ASCII letter followed by ASCII, capitalised in its bytes; nil for
  /// other text.
  private static func asciiCapitalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let head = bytes.first, head >= 0x61, head <= 0x7A, bytes.count == 1 || bytes[1] < 0x80 else { return nil }
    return String(unsafeUninitializedCapacity: bytes.count) { buffer in
      _ = buffer.initialize(fromContentsOf: bytes)
      buffer[0] = head - 0x20
      return bytes.count
    }
  }
}
