/// Finds the six section headings and the sub-headings inside them.
struct SectionReader {
  let source: SourceText

  struct Heading {
    var number: Int
    var writtenNumber: Int?
    var numberRange: Range<Int>?
    var headingRange: Range<Int>
    var titleRange: Range<Int>
    var line: Int
    /// Set when the wording is not one the format accepts.
    var deviation: LabelDeviation?
  }

  /// Headings where a line begins, and headings inside a line (a web page's text that lost its
  /// line breaks: `…编制完成了本报告。一、总体情况2021年，…`) in the format's exact wording.
  func headings() -> [Heading] {
    var result: [Heading] = []
    for line in 0..<source.lines.count {
      let range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      guard !range.isEmpty else { continue }
      if Self.mayOpenHeading(source.utf8[range.lowerBound]),
        let heading = heading(in: range, line: line, atLineStart: true)
      {
        result.append(heading)
      } else if range.count == 3 || range.count == 6, let heading = headingOverLines(range, line: line) {
        result.append(heading)
        continue
      }
      var start = range.lowerBound + 1
      while let candidate = nextNumeral(in: start..<range.upperBound) {
        let upper = min(range.upperBound, candidate + 300)
        if let heading = heading(in: candidate..<upper, line: line, atLineStart: false),
          result.last.map({ $0.headingRange.upperBound <= candidate }) ?? true
        {
          result.append(heading)
          start = heading.headingRange.upperBound
        } else {
          start = candidate + 3
        }
      }
    }
    return result
  }

  /// Whether a heading may open with a byte: `#`, or the lead byte E4 or E5 of the numerals 一
  /// to 十.
  private static func mayOpenHeading(_ byte: UInt8) -> Bool {
    byte == 0x23 || byte == 0xE4 || byte == 0xE5
  }

  /// A numeral alone on its line (`一、`, or `一` and `、` on two lines) with the heading's
  /// words on the lines after it, as web page text breaks them (`三、` / `收到和处理` / `政府信息` /
  /// `公开申请` / `情况`).
  private func headingOverLines(_ range: Range<Int>, line: Int) -> Heading? {
    var wordsLine = line + 1
    // Where the words begin on their first line (after a mark that opens it).
    var wordsOffset: Int?
    if range.count == 3, line + 1 < source.lines.count {
      // The numeral alone, its mark on the next line, alone (`一` / `、`) or before the words
      // (`一` / `、总体情况`).
      let mark = TextBytes.trim(source, source.lines.contentRange(ofLine: line + 1))
      guard mark.count >= 3, Self.isNumberingMark(source.utf8, at: mark.lowerBound) else { return nil }
      if mark.count == 3 {
        wordsLine = line + 2
      } else {
        wordsOffset = mark.lowerBound + 3
      }
    } else {
      guard range.count == 6,
        nextNumeral(in: range.lowerBound..<range.upperBound + 1) == range.lowerBound || isNumeralMark(range)
      else { return nil }
    }
    guard
      let written = LabelText.chineseDigits[source.scalar(at: range.lowerBound)!]
    else { return nil }
    // The words may run over up to five short lines; the first line may also carry more text.
    var words = ""
    var wordsStart: Int?
    for next in wordsLine..<min(source.lines.count, wordsLine + 5) {
      var part = TextBytes.trim(source, source.lines.contentRange(ofLine: next))
      if next == wordsLine, let wordsOffset { part = wordsOffset..<part.upperBound }
      guard !part.isEmpty else { return nil }
      if wordsStart == nil { wordsStart = part.lowerBound }
      let isFirst = next == wordsLine
      words += source.text(part.lowerBound..<min(part.upperBound, part.lowerBound + 240))
      let key = LabelText.normalize(words).key
      for (spec, wordings) in Self.acceptedWordings {
        for (accepted, acceptedKey) in wordings where key.hasPrefix(acceptedKey) {
          let titleEnd =
            !isFirst || key == acceptedKey
            ? part.upperBound : offset(afterCoreLength: accepted.unicodeScalars.count, from: part.lowerBound, in: part)
          return Heading(
            number: spec.number,
            writtenNumber: written,
            numberRange: range.lowerBound..<range.lowerBound + 3,
            headingRange: range.lowerBound..<titleEnd,
            titleRange: wordsStart!..<titleEnd,
            line: next
          )
        }
      }
      // Only short pieces of a heading continue it.
      guard part.count <= 45, !key.isEmpty,
        Self.acceptedWordings.contains(where: { _, wordings in
          wordings.contains { $0.key.hasPrefix(key) }
        })
      else { return nil }
    }
    return nil
  }

  /// The report's first heading `一、…` on a line of its own before section 二, in words of its
  /// own (`一、政府信息主动公开工作`): section 一 under another title, flagged as a wording finding.
  func overviewInOtherWords(before limit: Int) -> Heading? {
    for line in 0..<source.lines.count {
      let range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      guard range.lowerBound < limit else { return nil }
      guard range.count >= 9, range.count <= 90, source.utf8[range.lowerBound] == 0xE4,
        source.text(range.lowerBound..<range.lowerBound + 3) == "一", mayOpenNumbering(range)
      else { continue }
      let text = source.text(range)
      guard !text.unicodeScalars.contains(where: { "。；;".unicodeScalars.contains($0) }) else { continue }
      let normalized = LabelText.normalize(text)
      guard case .chinese(1) = normalized.numbering, (2...20).contains(normalized.key.scalarCount) else {
        continue
      }
      let wordsStart = LabelPieces.wordsStart(source, range)
      return Heading(
        number: 1,
        writtenNumber: 1,
        numberRange: numeralRange(range),
        headingRange: range,
        titleRange: wordsStart..<range.upperBound,
        line: line,
        deviation: LabelDeviation(
          place: .sectionHeading,
          range: wordsStart..<range.upperBound,
          found: source.text(wordsStart..<range.upperBound),
          canonical: NationalFormat.section(1).title
        )
      )
    }
    return nil
  }

  /// `一、` `二.` … as the whole of a range (the numeral and its mark, six bytes or four).
  private func isNumeralMark(_ range: Range<Int>) -> Bool {
    guard let scalar = source.scalar(at: range.lowerBound),
      LabelText.chineseDigits[scalar] != nil
    else { return false }
    return range.count == 6 && Self.isNumberingMark(source.utf8, at: range.lowerBound + 3)
  }

  /// `、` `．` `，` at a byte offset, compared in UTF-8 (none of them has another form that is
  /// canonically equivalent).
  private static func isNumberingMark(_ bytes: [UInt8], at offset: Int) -> Bool {
    guard offset + 2 < bytes.count else { return false }
    let mark = (bytes[offset], bytes[offset + 1], bytes[offset + 2])
    return mark == (0xE3, 0x80, 0x81) || mark == (0xEF, 0xBC, 0x8E) || mark == (0xEF, 0xBC, 0x8C)
  }

  /// The offset of the next `一、` … `六、` in a range.
  private func nextNumeral(in range: Range<Int>) -> Int? {
    source.utf8.withUnsafeBufferPointer { bytes -> Int? in
      guard let base = bytes.baseAddress else { return nil }
      // 、 is E3 80 81, three bytes after the numeral (一 二 三 四 五 六 are three bytes each, and
      // their lead bytes open characters): its lead byte is looked for eight bytes at a time.
      let end = min(range.upperBound, bytes.count)
      var mark = range.lowerBound + 3
      while mark + 2 < end {
        if mark + 8 <= end, !EightBytes.holds(EightBytes.load(base, at: mark), 0xE3) {
          mark += 8
          continue
        }
        if bytes[mark] == 0xE3, bytes[mark + 1] == 0x80, bytes[mark + 2] == 0x81,
          Self.numeralBytes.contains(where: {
            bytes[mark - 3] == $0.0 && bytes[mark - 2] == $0.1 && bytes[mark - 1] == $0.2
          })
        {
          return mark - 3
        }
        mark += 1
      }
      return nil
    }
  }

  private static let numeralBytes: [(UInt8, UInt8, UInt8)] = "一二三四五六".unicodeScalars.map { scalar in
    let bytes = Array(String(scalar).utf8)
    return (bytes[0], bytes[1], bytes[2])
  }

  /// A heading at the start of `range`. Inside a line only the format's wordings count; a whole
  /// line may also use other words for a section (flagged as a deviation).
  private func heading(in range: Range<Int>, line: Int, atLineStart: Bool) -> Heading? {
    guard range.count < 600 else {
      return atLineStart ? heading(in: range.lowerBound..<range.lowerBound + 300, line: line, atLineStart: false) : nil
    }
    // Headings open with a Chinese numeral 一 to 十 or with Markdown's `#`. Skip everything else
    // cheaply.
    let first = source.utf8[range.lowerBound]
    if first != 0x23 {
      guard range.count >= 4, let scalar = source.scalar(at: range.lowerBound),
        LabelText.chineseDigits[scalar] != nil, mayOpenNumbering(range)
      else { return nil }
    }
    // A heading's words are short: the first 240 bytes tell.
    let normalized = LabelText.normalize(source, range.lowerBound..<min(range.upperBound, range.lowerBound + 240))
    let written: Int?
    switch normalized.numbering {
    case .chinese(let n): written = n
    case nil: written = nil
    default: return nil
    }
    guard written != nil || source.utf8[range.lowerBound] == 0x23 else { return nil }  // #
    let key = normalized.key
    // A table's caption (`## 表三：收到和处理政府信息公开申请情况`, `附表2`) is not a section.
    if Self.captionWords.contains(where: key.hasPrefix) { return nil }
    let findWordsStart = {
      LabelPieces.wordsStart(source, range.lowerBound..<min(range.upperBound, range.lowerBound + 240))
    }
    for (spec, wordings) in Self.acceptedWordings {
      for (accepted, acceptedKey) in wordings where key.hasPrefix(acceptedKey) {
        let wordsStart = findWordsStart()
        let titleEnd =
          key == acceptedKey
          ? range.upperBound : offset(afterCoreLength: accepted.unicodeScalars.count, from: wordsStart, in: range)
        return Heading(
          number: spec.number,
          writtenNumber: written,
          numberRange: numeralRange(range),
          headingRange: range.lowerBound..<titleEnd,
          titleRange: wordsStart..<titleEnd,
          line: line
        )
      }
    }
    if !atLineStart, written != nil, Self.headMentionsSection(key), let (number, length) = closeWording(key) {
      // Inside a line, a heading with a typo (`四、政府信息公开行政法复议、行政诉讼情况`): its
      // words are as long as the format's, give or take one.
      let wordsStart = findWordsStart()
      let titleEnd = offset(afterCoreLength: length, from: wordsStart, in: range)
      return Heading(
        number: number,
        writtenNumber: written,
        numberRange: numeralRange(range),
        headingRange: range.lowerBound..<titleEnd,
        titleRange: wordsStart..<titleEnd,
        line: line,
        deviation: LabelDeviation(
          place: .sectionHeading,
          range: wordsStart..<titleEnd,
          found: source.text(wordsStart..<titleEnd),
          canonical: NationalFormat.section(number).title
        )
      )
    }
    guard atLineStart, key.scalarCount <= 32, Self.mayNameSection(key), let number = keywordSection(key.text) else {
      return nil
    }
    let wordsStart = findWordsStart()
    let deviation = LabelDeviation(
      place: .sectionHeading,
      range: wordsStart..<range.upperBound,
      found: source.text(wordsStart..<range.upperBound),
      canonical: NationalFormat.section(number).title
    )
    return Heading(
      number: number,
      writtenNumber: written,
      numberRange: numeralRange(range),
      headingRange: range,
      titleRange: wordsStart..<range.upperBound,
      line: line,
      deviation: deviation
    )
  }

  /// Whether the numeral at the start of `range` is followed by a numbering mark (`、` `.` `，`
  /// `．`) or another numeral (`十一、`), not by words (`一是`).
  private func mayOpenNumbering(_ range: Range<Int>) -> Bool {
    let bytes = source.utf8
    let next = range.lowerBound + 3
    guard next < range.upperBound else { return false }
    let b = bytes[next]
    if b == 0x2E || b == 0x2C || b == 0x20 { return true }
    guard next + 2 < range.upperBound else { return false }
    let mark = (b, bytes[next + 1], bytes[next + 2])
    if mark == (0xE3, 0x80, 0x81) || mark == (0xEF, 0xBC, 0x8C) || mark == (0xEF, 0xBC, 0x8E) { return true }
    guard let scalar = source.scalar(at: next) else { return false }
    return LabelText.chineseDigits[scalar] != nil
  }

  /// The section whose wording the start of `core` is closest to, with the length of the words
  /// taken, when it is close enough to be that heading with a typo. Short headings (总体情况)
  /// need their exact words.
  private func closeWording(_ key: LabelKey) -> (Int, Int)? {
    let scalars = key.scalars
    var best: (number: Int, length: Int, score: Double)?
    for (number, acceptedCores) in Self.acceptedScalars {
      for accepted in acceptedCores {
        let count = accepted.count
        guard count >= 8 else { continue }
        let longest = min(count + 1, scalars.count)
        guard longest >= count - 1 else { continue }
        // ``LabelText/similarity(_:_:)`` of each of the three lengths, from one table.
        let common = Self.commonSubsequenceLengths(scalars, upTo: longest, accepted)
        for length in (count - 1)...longest {
          let score = 2 * Double(common[length]) / Double(length + count)
          if score >= 0.88, score > (best?.score ?? 0) { best = (number, length, score) }
        }
      }
    }
    return best.map { ($0.number, $0.length) }
  }

  /// The length of the longest common subsequence of `y` and each prefix of `x` up to
  /// `longest` scalars: element `i` is that of `x[0..<i]`.
  private static func commonSubsequenceLengths(
    _ x: [Unicode.Scalar],
    upTo longest: Int,
    _ y: [Unicode.Scalar]
  ) -> [Int] {
    var lengths = [Int](repeating: 0, count: longest + 1)
    var previous = [Int](repeating: 0, count: y.count + 1)
    var current = previous
    for i in 0..<longest {
      for j in 1...y.count {
        current[j] = x[i] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
      }
      swap(&previous, &current)
      lengths[i + 1] = previous[y.count]
    }
    return lengths
  }

  /// Whether the first 24 characters of a core hold a word of a section's heading.
  private static func headMentionsSection(_ key: LabelKey) -> Bool {
    key.withUTF8 { bytes -> Bool in
      // The bytes of the first 24 scalars.
      var end = 0
      var scalars = 0
      while end < bytes.count {
        if bytes[end] & 0xC0 != 0x80 {
          if scalars == 24 { break }
          scalars += 1
        }
        end += 1
      }
      let head = UnsafeBufferPointer(rebasing: bytes[0..<end])
      return headWords.contains { word in
        var index = 0
        while index + word.count <= head.count {
          if head[index] == word[0], head[index..<index + word.count].elementsEqual(word) { return true }
          index += 1
        }
        return false
      }
    }
  }

  private static let headWords = ["复议", "诉讼", "收到和处理", "主动公开", "问题", "需要报告", "总体"].map { Array($0.utf8) }

  /// Each section's accepted wordings with their keys, compared with a heading's.
  private static let acceptedWordings: [(spec: SectionSpec, wordings: [(core: String, key: LabelKey)])] =
    NationalFormat.sections.map { spec in (spec, spec.acceptedCores.map { ($0, LabelKey(normalized: $0)) }) }

  /// The words that open a table's caption.
  private static let captionWords = ["表", "附表", "附件"].map(LabelKey.init(normalized:))

  /// Each section's accepted wordings as scalars, for ``closeWording(_:)``.
  private static let acceptedScalars: [(number: Int, cores: [[Unicode.Scalar]])] = NationalFormat.sections.map {
    ($0.number, $0.acceptedCores.map { Array($0.unicodeScalars) })
  }

  /// Whether a key holds one of the words ``keywordSection(_:)`` looks for, told from its bytes:
  /// most keys hold none. A key with a compatibility ideograph (`U+F900`–`U+FAFF`,
  /// `U+2F800`–`U+2FA1F`), which a word's character may be canonically equivalent to, is read as
  /// text.
  private static func mayNameSection(_ key: LabelKey) -> Bool {
    key.withUTF8 { bytes in
      if bytes.contains(where: { $0 >= 0xEF }) { return true }
      if sectionOpenings.contains(where: { opening in
        bytes.count >= opening.count && bytes.prefix(opening.count).elementsEqual(opening)
      }) {
        return true
      }
      return sectionWords.contains { word in word.withUnsafeBufferPointer { bytes.firstOffset(of: $0) != nil } }
    }
  }

  /// The words ``keywordSection(_:)`` looks for anywhere in a key, and those it looks for at
  /// its start, in UTF-8.
  private static let sectionWords = ["复议", "收到和处理", "依申请公开", "问题", "需要报告"].map { Array($0.utf8) }
  private static let sectionOpenings = ["主动公开", "其他", "其它", "总体"].map { Array($0.utf8) }

  /// Section identified by key words when the wording is not one the format accepts.
  private func keywordSection(_ core: String) -> Int? {
    if core.containsBytes("复议") && core.containsBytes("诉讼") && core.containsBytes("情况") { return 4 }
    if core.containsBytes("收到和处理")
      || (core.containsBytes("依申请公开") && core.hasSuffix("情况") && core.count <= 16)
    {
      return 3
    }
    if core.hasPrefix("主动公开") && core.hasSuffix("情况") && core.count <= 14 { return 2 }
    if core.containsBytes("问题") && core.count <= 24 { return 5 }
    if core.containsBytes("其他需要报告") || core.containsBytes("其它需要报告") { return 6 }
    if (core.hasPrefix("其他") || core.hasPrefix("其它")) && (core.containsBytes("事项") || core.containsBytes("说明"))
      && core.count <= 14
    {
      return 6
    }
    if core.hasPrefix("总体情") || core == "总体概况" { return 1 }
    return nil
  }

  private func numeralRange(_ range: Range<Int>) -> Range<Int>? {
    var start: Int?
    var end = range.lowerBound
    var opensWithNumeral = true
    source.forEachScalar(in: range) { scalar, offset in
      if start == nil {
        if scalar == "#" || LabelText.isSpace(scalar) { return true }
        guard LabelText.chineseDigits[scalar] != nil else {
          opensWithNumeral = false
          return false
        }
        start = offset
      }
      guard LabelText.chineseDigits[scalar] != nil else { return false }
      end = offset + scalar.utf8.count
      return true
    }
    guard opensWithNumeral else { return nil }
    return start.map { $0..<end }
  }

  /// The offset after `length` scalars that count towards a normalized core.
  private func offset(afterCoreLength length: Int, from start: Int, in range: Range<Int>) -> Int {
    var counted = 0
    var depth = 0
    var end = range.upperBound
    source.forEachScalar(in: start..<range.upperBound) { scalar, offset in
      let f = LabelText.widthFolded(scalar)
      if f == "(" { depth += 1 } else if f == ")" { depth = max(0, depth - 1) }
      if LabelText.isSpace(f) || depth > 0 || f == ")" || LabelText.droppedPunctuation.contains(f) { return true }
      counted += 1
      guard counted == length else { return true }
      end = offset + scalar.utf8.count
      return false
    }
    return end
  }

  /// Lines opening with `（一）` inside a section.
  func subheadings(in lines: Range<Int>) -> [Subheading] {
    var result: [Subheading] = []
    for line in lines {
      let range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      guard !range.isEmpty else { continue }
      let first = source.utf8[range.lowerBound]
      guard first == 0x28 || first == 0xEF else { continue }  // "(" or a full-width form
      // Of the full-width forms only `（` `＃` `－` `＊` (and a byte order mark before them) may
      // open a numbering.
      if first == 0xEF, let scalar = source.scalar(at: range.lowerBound),
        ![0xFF08, 0xFF03, 0xFF0D, 0xFF0A, 0xFEFF].contains(scalar.value)
      {
        continue
      }
      let prefix = range.lowerBound..<min(range.upperBound, range.lowerBound + 24)
      guard case .parenthesized = LabelText.numbering(source, prefix) else { continue }
      // The title: up to the first `。`, at most 40 characters, cut in the bytes.
      let bytes = source.utf8
      var end = range.lowerBound
      var count = 0
      while end < range.upperBound, count < 40 {
        if bytes[end] == 0xE3, end + 2 < range.upperBound, bytes[end + 1] == 0x80, bytes[end + 2] == 0x82 { break }
        end += TextBytes.scalarWidth(bytes[end])
        count += 1
      }
      let title = source.text(range.lowerBound..<min(end, range.upperBound))
      result.append(Subheading(range: range, text: title))
    }
    return result
  }
}
