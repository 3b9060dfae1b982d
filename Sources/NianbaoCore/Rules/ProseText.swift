/// The running text of a report, for the rules that read its writing: the lines of a section
/// outside its tables, and the years it names.
enum ProseText {
  typealias Scalars = [(scalar: Unicode.Scalar, offset: Int)]

  /// The ranges of the three tables.
  static func tableRanges(_ report: Report) -> [Range<Int>] {
    [report.table2?.range, report.table3?.range, report.table4?.range].compactMap { $0 }
  }

  /// The trimmed lines that lie wholly inside a section's body and outside its tables, with the
  /// lines of table cells (tabs, `|`) left out. A report on one line has none.
  static func lines(of section: Section, in report: Report) -> [Range<Int>] {
    let source = report.source
    let body = section.bodyRange
    guard !body.isEmpty else { return [] }
    let tables = tableRanges(report)
    let first = source.lines.line(containing: body.lowerBound)
    let last = source.lines.line(containing: max(body.lowerBound, body.upperBound - 1))
    var result: [Range<Int>] = []
    source.utf8.withUnsafeBufferPointer { bytes in
      for line in first...last {
        let content = source.lines.contentRange(ofLine: line)
        let range = TextBytes.trim(source, content)
        guard range.lowerBound >= body.lowerBound, range.upperBound <= body.upperBound else { continue }
        guard !tables.contains(where: { $0.overlaps(content) }) else { continue }
        guard !isTableLine(bytes, range) else { continue }
        result.append(range)
      }
    }
    return result
  }

  /// Whether a line holds a tab or `|`, as the lines of table cells do.
  private static func isTableLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var index = range.lowerBound
    while index + 8 <= range.upperBound {
      let word = EightBytes.load(base, at: index)
      if EightBytes.holds(word, 0x09) || EightBytes.holds(word, 0x7C) { return true }
      index += 8
    }
    while index < range.upperBound {
      if base[index] == 0x09 || base[index] == 0x7C { return true }
      index += 1
    }
    return false
  }

  /// The running text of a section's body outside the tables, as stretches without a table.
  static func stretches(of section: Section, outside tables: [Range<Int>]) -> [Range<Int>] {
    var pieces = [section.bodyRange]
    // Most sections hold no table: their body is left as it is.
    for table in tables where pieces.contains(where: { $0.overlaps(table) }) {
      var cut: [Range<Int>] = []
      for piece in pieces {
        guard piece.overlaps(table) else {
          cut.append(piece)
          continue
        }
        let before = piece.lowerBound..<max(piece.lowerBound, table.lowerBound)
        let after = min(piece.upperBound, table.upperBound)..<piece.upperBound
        if !before.isEmpty { cut.append(before) }
        if !after.isEmpty { cut.append(after) }
      }
      pieces = cut
    }
    return pieces
  }

  struct YearMention {
    var year: Int
    /// The digits, as NB306 reports them.
    var range: Range<Int>
    /// The index in the scalars of the first scalar after `年`.
    var after: Int
    /// The index of the first digit.
    var start: Int
  }

  /// `2023年`, `2023 年`, `2023⏎年` (web text breaks lines anywhere); not a part of a longer number.
  static func years(in scalars: Scalars, end: Int) -> [YearMention] {
    var result: [YearMention] = []
    var index = 0
    while index < scalars.count {
      guard LabelText.widthFolded(scalars[index].scalar).isASCIIDigit,
        index == 0 || !LabelText.widthFolded(scalars[index - 1].scalar).isASCIIDigit
      else {
        index += 1
        continue
      }
      var digitsEnd = index
      var value = 0
      while digitsEnd < scalars.count, case let f = LabelText.widthFolded(scalars[digitsEnd].scalar), f.isASCIIDigit {
        value = value * 10 + Int(f.value - 0x30)
        digitsEnd += 1
        if digitsEnd - index > 4 { break }
      }
      defer { index = max(digitsEnd, index + 1) }
      guard digitsEnd - index == 4, (1990...2100).contains(value) else { continue }
      var unit = digitsEnd
      while unit < scalars.count, isBlank(scalars[unit].scalar) { unit += 1 }
      guard unit < scalars.count, scalars[unit].scalar == "年" else { continue }
      let upper = digitsEnd < scalars.count ? scalars[digitsEnd].offset : end
      result.append(YearMention(year: value, range: scalars[index].offset..<upper, after: unit + 1, start: index))
    }
    return result
  }

  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    LabelText.isSpace(scalar) || scalar == "\n" || scalar == "\r"
  }

  /// The text from `index` on, without spaces and line breaks, up to the end of its sentence
  /// (`。！？；`) or `limit` characters.
  static func clause(_ scalars: Scalars, from index: Int, limit: Int = 40) -> String {
    var result = String.UnicodeScalarView()
    var kept = 0
    var k = index
    while k < scalars.count, kept < limit {
      let s = scalars[k].scalar
      if "。！？；!?;".unicodeScalars.contains(s) { break }
      if !isBlank(s) {
        result.append(s)
        kept += 1
      }
      k += 1
    }
    return String(result)
  }

  /// The last scalar before `index` that is not a space or a line break, and whether a line break
  /// came between.
  static func previousVisible(_ scalars: Scalars, before index: Int) -> (Unicode.Scalar?, Bool) {
    var k = index - 1
    var sawBreak = false
    while k >= 0, isBlank(scalars[k].scalar) {
      if scalars[k].scalar == "\n" || scalars[k].scalar == "\r" { sawBreak = true }
      k -= 1
    }
    return (k >= 0 ? scalars[k].scalar : nil, sawBreak)
  }

  static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }
}

/// The running text of every section, read into scalars once for the rules that read the
/// writing (NB310, NB405, NB406, NB407).
struct ProseScan {
  private var bySection: [Int: [(range: Range<Int>, scalars: ProseText.Scalars)]] = [:]

  init(_ report: Report) {
    let tables = ProseText.tableRanges(report)
    for section in report.sections {
      bySection[section.headingRange.lowerBound] = ProseText.stretches(of: section, outside: tables).map {
        ($0, Self.scalars(report.source, $0))
      }
    }
  }

  /// The scalars of a range with the offset where each starts, the range clamped and rounded
  /// like ``SourceText/text(_:)``: written straight into an array as long as the range's bytes,
  /// which holds them all.
  static func scalars(_ source: SourceText, _ range: Range<Int>) -> ProseText.Scalars {
    let bytes = source.utf8
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, bytes.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, bytes.count)))
    return bytes.withUnsafeBufferPointer { utf8 in
      ProseText.Scalars(unsafeUninitializedCapacity: upper - lower) { buffer, count in
        var offset = lower
        while offset < upper {
          let b0 = utf8[offset]
          // A character of U+4000–U+9FFF (most of the text): three bytes, never a surrogate.
          if b0 >= 0xE4, b0 <= 0xE9, offset + 3 <= upper {
            buffer[count] = (Unicode.Scalar(SourceText.threeByteValue(utf8, offset)) ?? " ", offset)
            count += 1
            offset += 3
            continue
          }
          let (scalar, width) = SourceText.decode(bytes, offset)
          buffer[count] = (scalar, offset)
          count += 1
          offset += width
        }
      }
    }
  }

  func stretches(_ section: Section) -> [(range: Range<Int>, scalars: ProseText.Scalars)] {
    bySection[section.headingRange.lowerBound] ?? []
  }
}

/// NB310, NB404–NB408: the rules that read the writing, over one reading of it.
enum WritingRules {
  static func run(_ context: inout RuleContext) {
    let prose = ProseScan(context.report)
    ProblemSectionRules.run(&context, prose)
    WorkYearRule.run(&context, prose)
    EnumerationRule.run(&context, prose)
    DoubledWordRule.run(&context, prose)
    ParagraphEndRule.run(&context)
  }
}
