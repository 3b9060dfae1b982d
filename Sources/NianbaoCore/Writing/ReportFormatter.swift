/// Formatting: every table that reads reliably rewritten into ``TableLayout`` (tabs, the format's
/// labels, each number in its column) and the section headings numbered 一 to 六. Numbers and
/// prose are never changed: a cell is written back exactly as it stands, and a table whose lines
/// hold anything but its labels, headers and numbers (a note, a caption, a Markdown table, numbers
/// that ran together, a blank cell with no mark) is left as it is.
public enum ReportFormatter {
  /// The formatted text.
  public static func formatted(_ text: String) -> String {
    let report = ReportParser.parse(text)
    return edits(report).applied(to: report.source)
  }

  /// The edits that format a report, in position order; none when it is formatted already.
  public static func edits(_ report: Report) -> [TextEdit] { plan(report).edits }

  /// What formatting changes in a report.
  public struct Plan: Sendable {
    public var edits: [TextEdit]
    /// Tables rewritten.
    public var tables: Int
    /// Section headings given their number.
    public var headings: Int
  }

  public static func plan(_ report: Report) -> Plan {
    let changed = { (edit: TextEdit) in report.source.text(edit.range) != edit.replacement }
    let headings = headingNumbers(report).filter(changed)
    let writer = TableRewriter(report: report)
    let tables = [writer.table2(), writer.table3(), writer.table4()].compactMap { $0 }.filter(changed)
    let edits = (headings + tables).sorted { $0.range.lowerBound < $1.range.lowerBound }
    return Plan(edits: edits, tables: tables.count, headings: headings.count)
  }

  /// `三、` where a heading of section 三 has another number; only when each section appears once.
  private static func headingNumbers(_ report: Report) -> [TextEdit] {
    let numbers = report.sections.map(\.number)
    guard Set(numbers).count == numbers.count else { return [] }
    return report.sections.compactMap { section in
      guard let written = section.writtenNumber, written != section.number, let range = section.numberRange,
        report.source.text(range).unicodeScalars.allSatisfy({ LabelText.chineseDigits[$0] != nil })
      else { return nil }
      return TextEdit(range: range, replacement: NationalFormat.chineseNumeral(section.number))
    }
  }
}

/// Rewrites one table at a time, after making sure the lines it replaces hold nothing else.
private struct TableRewriter {
  let report: Report
  var source: SourceText { report.source }

  func table2() -> TextEdit? {
    guard let table = report.table2 else { return nil }
    let specs = NationalFormat.table2(table.edition)
    var cells: [String: [String]] = [:]
    for subtable in specs {
      for name in subtable.rows {
        let matches = table.rows.filter { $0.subtableItem == subtable.item && $0.name == name }
        guard matches.count == 1, let row = matches.first?.row, row.cells.count == subtable.columns.count,
          readable(row)
        else { return nil }
        cells["\(subtable.item)/\(name)"] = row.cells.map { source.text($0.range) }
      }
    }
    guard table.rows.count == cells.count else { return nil }
    let lines = TableLayout.table2(table.edition) { subtable, index in
      cells["\(subtable.item)/\(subtable.rows[index])"] ?? []
    }
    return replacement(
      of: table.range,
      rows: table.rows.map(\.row),
      headerWords: TableVocabulary.table2(table.edition),
      lines: lines
    )
  }

  func table3() -> TextEdit? {
    guard let table = report.table3 else { return nil }
    let rows = table.rows.map(\.row)
    guard rows.count == table.specs.count else { return nil }
    let duplicates = report.duplicateTable3Rows.contains { $0.range.overlaps(table.range) }
    guard !duplicates, rows.allSatisfy({ $0.cells.count == 7 && readable($0) }) else { return nil }
    let lines = TableLayout.table3(table.edition) { spec in
      table.row(spec.row)?.cells.map { source.text($0.range) } ?? []
    }
    return replacement(
      of: table.range,
      rows: rows,
      headerWords: TableVocabulary.table3(table.edition),
      lines: lines
    )
  }

  func table4() -> TextEdit? {
    guard let table = report.table4, let row = table.row, row.cells.count == NationalFormat.table4ValueCount,
      readable(row)
    else { return nil }
    let lines = TableLayout.table4(values: row.cells.map { source.text($0.range) })
    return replacement(of: table.range, rows: [row], headerWords: TableVocabulary.table4, lines: lines)
  }

  /// Every cell where it was read, in a table of tabs or spaces: no run-together digits, no
  /// blank cell without a mark (an empty cell is only a place between two tabs), no Markdown.
  private func readable(_ row: TableRow) -> Bool {
    row.runTogether == nil && row.cells.allSatisfy { !$0.range.isEmpty }
      && !source.utf8[row.range].contains(UInt8(ascii: "|"))
  }

  /// The edit that replaces the lines of a table, from its first header line to its last row,
  /// by `lines`; nil when those lines hold anything else.
  private func replacement(
    of range: Range<Int>,
    rows: [TableRow],
    headerWords: [String],
    lines: [String]
  ) -> TextEdit? {
    let vocabulary = TableVocabulary(words: headerWords)
    var first = source.lines.line(containing: range.lowerBound)
    let last = source.lines.line(containing: max(range.lowerBound, range.upperBound - 1))
    // Labels written differently from the format (`本年度止件数`) are the table's own, read as
    // the format's label and replaced by it.
    let deviations = report.labelDeviations.filter { $0.place != .sectionHeading && $0.place != .unknownTable3Row }
      .map(\.range)
    let rowRanges = rows.map(\.range) + rows.flatMap { $0.cells.map(\.range) } + deviations
    // The body of the table: every line holds only rows, headers and numbers.
    for line in first...last {
      guard vocabulary.holdsOnlyTable(source, source.lines.contentRange(ofLine: line), besides: rowRanges) else {
        return nil
      }
    }
    // The header lines above the first row.
    while first > 0 {
      let above = source.lines.contentRange(ofLine: first - 1)
      guard !vocabulary.isBlank(source, above),
        vocabulary.holdsOnlyTable(source, above, besides: deviations)
      else { break }
      first -= 1
    }
    // A header line that also holds other words would be left beside the new header.
    if first > 0, vocabulary.mentionsHeader(source, source.lines.contentRange(ofLine: first - 1)) { return nil }
    let replaced = source.lines.lineStarts[first]..<source.lines.contentEnds[last]
    let terminator = lineTerminator(after: first)
    return TextEdit(range: replaced, replacement: lines.joined(separator: terminator))
  }

  /// The line ending the table's lines use (`\r\n` in a CRLF file).
  private func lineTerminator(after line: Int) -> String {
    let end = source.lines.contentEnds[line]
    guard end < source.utf8.count else { return "\n" }
    if source.utf8[end] == 0x0D { return end + 1 < source.utf8.count && source.utf8[end + 1] == 0x0A ? "\r\n" : "\r" }
    return "\n"
  }
}

/// The words of a table's headers and labels, to tell a line of the table from a line of prose.
private struct TableVocabulary {
  /// Longest first, without spaces and punctuation.
  let words: [String]
  /// Words only a header line holds.
  let distinctive = ["申请人情况", "勾稽关系", "商业企业", "科研机构", "结果维持", "尚未审结", "信息内容", "第二十条"]

  init(words: [String]) {
    self.words = Set(words.map(Self.squeezed)).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
  }

  static func table2(_ edition: FormatEdition) -> [String] {
    var words = ["信息内容"]
    for subtable in NationalFormat.table2(edition) {
      words += [subtable.marker, "第二十条第(\(NationalFormat.chineseNumeral(subtable.item)))项"]
      words += subtable.columns + subtable.rows
    }
    return words
  }

  static func table3(_ edition: FormatEdition) -> [String] {
    var words = [
      "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", "申请人情况", "自然人", "法人或其他组织", "三、本年度办理结果", "本年度办理结果",
    ]
    words += NationalFormat.table3Columns
    for spec in NationalFormat.table3Rows(edition) {
      words += [spec.displayName, spec.label]
      if let group = spec.group {
        let numeral = "（\(NationalFormat.chineseNumeral(group))）"
        words.append(numeral + (spec.groupLabel ?? spec.label))
        if spec.item == nil { words.append(numeral + (spec.label.split(separator: "（").first.map(String.init) ?? "")) }
      }
      if let item = spec.item { words.append("\(item).\(spec.label)") }
    }
    return words
  }

  static let table4 =
    ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + NationalFormat.table4Results + NationalFormat.table4Groups

  /// The text without spaces and the punctuation tables are written with.
  static func squeezed(_ text: String) -> String {
    let dropped: Set<Unicode.Scalar> = [
      "(", ")", "（", "）", "、", ".", "．", ":", "：", ",", "，", ";", "；", "“", "”", "\"", "*",
    ]
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { !LabelText.isSpace($0) && !dropped.contains($0) && $0 != "\n" && $0 != "\r" }
      )
    )
  }

  func isBlank(_ source: SourceText, _ range: Range<Int>) -> Bool { Self.squeezed(source.text(range)).isEmpty }

  /// Whether a line holds nothing but the given ranges (rows, cells) and header words (or a
  /// piece of one).
  func holdsOnlyTable(_ source: SourceText, _ line: Range<Int>, besides ranges: [Range<Int>]) -> Bool {
    var bytes = Array(source.utf8[line])
    for range in ranges where range.overlaps(line) {
      for offset in max(range.lowerBound, line.lowerBound)..<min(range.upperBound, line.upperBound) {
        bytes[offset - line.lowerBound] = 0x20
      }
    }
    var rest = Self.squeezed(String(decoding: bytes, as: UTF8.self))
    for word in words where rest.has(word) { rest = rest.replacingAll(word) }
    // A header word broken over lines, as PDF text has them (`结果` / `尚未` / `审结`).
    return rest.isEmpty || (rest.unicodeScalars.count >= 2 && words.contains { $0.has(rest) })
  }

  func mentionsHeader(_ source: SourceText, _ line: Range<Int>) -> Bool {
    let text = Self.squeezed(source.text(line))
    return distinctive.contains { text.contains($0) }
  }
}

extension String {
  /// The text with every occurrence of `word` taken out.
  fileprivate func replacingAll(_ word: String) -> String {
    let scalars = Array(unicodeScalars)
    let pattern = Array(word.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if index + pattern.count <= scalars.count, scalars[index..<index + pattern.count].elementsEqual(pattern) {
        index += pattern.count
      } else {
        result.append(scalars[index])
        index += 1
      }
    }
    return String(result)
  }
}
