/// Finds every date, date range, 截至 date and statistics-period statement in the text.
///
/// The text is read in its own bytes: positions are byte offsets of scalars, and each scalar is
/// width-folded where it is compared (`２０２４．１．１` reads as `2024.1.1`).
struct DateReader {
  let source: SourceText
  private let bytes: [UInt8]

  init(source: SourceText) {
    self.source = source
    self.bytes = source.utf8
  }

  struct Output {
    var dates: [DateMention] = []
    var ranges: [DateRangeMention] = []
    var periods: [StatisticsPeriod] = []
  }

  func read() -> Output {
    var output = Output()
    // Where each range starts, in the order found, with its index in output.ranges.
    var rangeStarts: [(offset: Int, range: Int)] = []
    // Key words found, in order; each is matched with a range once all ranges are known.
    var keywordRanges: [Range<Int>] = []
    let keywords = Self.periodKeywords
    // One pass finds numbers and key words: key words are CJK, which width folding leaves alone,
    // and no date holds one.
    var index = 0
    while let candidate = nextDigitOrKeyword(from: index) {
      index = candidate
      if bytes[index] >= 0xE0, bytes[index] != 0xEF {
        // Two bytes that open a key word: a key word, or another character that opens alike.
        if let keyword = keywords.first(where: { bytes.hasBytes($0, at: index) }) {
          keywordRanges.append(index..<index + keyword.count)
          index += keyword.count
        } else {
          index += 3
        }
        continue
      }
      // A number starts at a digit whose scalar before is no digit.
      guard !digitBefore(index) else {
        index += 1
        continue
      }
      guard let (found, end) = date(at: index, inheritedYear: nil) else {
        // The number's other digits, each after a digit, open no number either.
        while case let width = digitWidth(index), width > 0 { index += width }
        continue
      }
      var start = found
      start.isCutoff = precededByCutoff(index)
      output.dates.append(start)
      var next = end
      if let (endDate, rangeEnd) = rangeEnd(after: end, startYear: start.year) {
        output.dates.append(endDate)
        rangeStarts.append((index, output.ranges.count))
        output.ranges.append(DateRangeMention(range: index..<rangeEnd, start: start, end: endDate))
        next = rangeEnd
      }
      index = next
    }
    for keyword in keywordRanges {
      // The first range that starts after the key word, within 30 characters of it.
      if let first = rangeStarts.first(where: { $0.offset >= keyword.upperBound }),
        scalarCount(keyword.upperBound..<first.offset) <= 30
      {
        output.periods.append(StatisticsPeriod(keywordRange: keyword, dates: output.ranges[first.range]))
      }
    }
    output.periods.sort { $0.keywordRange.lowerBound < $1.keywordRange.lowerBound }
    return output
  }

  private static let periodKeywords = [
    "统计期限", "统计时限", "统计周期", "统计时间", "统计区间", "数据时限", "数据期限", "数据的时限", "内容涵盖",
  ].map { Array($0.utf8) }
  /// The first two bytes of each key word, as a bit set of the 65,536 two-byte values: most
  /// bytes of Chinese text are lead bytes of some character, and one bit tells.
  private static let periodLeads: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 1 << 10)
    for keyword in periodKeywords {
      let pair = Int(keyword[0]) << 8 | Int(keyword[1])
      bits[pair >> 6] |= 1 << UInt64(pair & 63)
    }
    return bits
  }()

  /// The second bytes of the key words (continuation bytes, 80 to BF) as a bit set of their low
  /// six bits: a cheaper first look than ``periodLeads``.
  private static let periodSeconds: UInt64 = periodKeywords.reduce(0) { $0 | 1 << UInt64($1[1] & 63) }

  /// The offset of the next ASCII or full-width digit, or of the next two bytes that open a key
  /// word, at or after `start`; nil at the end.
  private func nextDigitOrKeyword(from start: Int) -> Int? {
    let seconds = Self.periodSeconds
    return Self.periodLeads.withUnsafeBufferPointer { leads in
      bytes.withUnsafeBufferPointer { bytes -> Int? in
        let count = bytes.count
        var index = start
        while index < count {
          let b = bytes[index]
          if b < 0xE0 {
            if b &- 0x30 < 10 { return index }
            index += 1
            continue
          }
          if b > 0xEF {
            index += 1
            continue
          }
          if index + 1 < count, case let second = bytes[index + 1], seconds &>> UInt64(second & 63) & 1 != 0,
            case let pair = Int(b) << 8 | Int(second), leads[pair >> 6] >> (pair & 63) & 1 != 0
          {
            return index
          }
          // Lead bytes E0 to EE open three-byte characters, none of them a digit.
          if b != 0xEF {
            index += 3
            continue
          }
          if index + 2 < count, bytes[index + 1] == 0xBC, bytes[index + 2] &- 0x90 < 10 { return index }
          index += 1
        }
        return nil
      }
    }
  }

  private func scalarCount(_ range: Range<Int>) -> Int {
    var count = 0
    for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The width-folded scalar that starts at a byte offset, with its width in bytes; nil at the end.
  @inline(__always)
  private func scalar(at offset: Int) -> (scalar: Unicode.Scalar, width: Int)? {
    guard offset < bytes.count else { return nil }
    let (scalar, width) = SourceText.decode(bytes, offset)
    return (LabelText.widthFolded(scalar), width)
  }

  /// Whether the width-folded scalar at a byte offset is `expected`.
  @inline(__always)
  private func scalar(at offset: Int, is expected: Unicode.Scalar) -> Bool {
    scalar(at: offset)?.scalar == expected
  }

  /// The width-folded scalar that ends before a byte offset, with the offset where it starts.
  private func scalar(before offset: Int) -> (scalar: Unicode.Scalar, start: Int)? {
    guard offset > 0 else { return nil }
    var start = offset - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return (LabelText.widthFolded(SourceText.decode(bytes, start).0), start)
  }

  /// Width in bytes of an ASCII or full-width digit at a byte offset, or 0.
  @inline(__always)
  private func digitWidth(_ offset: Int) -> Int {
    guard offset < bytes.count else { return 0 }
    let b = bytes[offset]
    if b >= 0x30 && b <= 0x39 { return 1 }
    if b == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBC, bytes[offset + 2] >= 0x90,
      bytes[offset + 2] <= 0x99
    {
      return 3
    }
    return 0
  }

  /// Whether the scalar before a byte offset is an ASCII or full-width digit.
  private func digitBefore(_ offset: Int) -> Bool {
    guard offset > 0 else { return false }
    let b = bytes[offset - 1]
    if b >= 0x30 && b <= 0x39 { return true }
    return offset >= 3 && bytes[offset - 3] == 0xEF && bytes[offset - 2] == 0xBC && b >= 0x90 && b <= 0x99
  }

  private func skipSpaces(_ offset: Int) -> Int {
    var i = offset
    while let (scalar, width) = scalar(at: i), LabelText.isSpace(scalar) { i += width }
    return i
  }

  /// Spaces with at most one line break among them.
  private func skipSpacesAndLineBreak(_ offset: Int) -> Int {
    var i = skipSpaces(offset)
    if i < bytes.count, bytes[i] == 0x0D { i += 1 }
    if i < bytes.count, bytes[i] == 0x0A { i += 1 }
    return skipSpaces(i)
  }

  /// The number of at most `maxLength` digits at a byte offset: its value, where it ends, and
  /// how many digits it has.
  private func number(at offset: Int, maxLength: Int) -> (value: Int, end: Int, length: Int)? {
    var i = offset
    var value = 0
    var length = 0
    while length < maxLength, case let width = digitWidth(i), width > 0 {
      value = value * 10 + Int(width == 1 ? bytes[i] - 0x30 : bytes[i + 2] - 0x90)
      i += width
      length += 1
    }
    if length == 0 || digitWidth(i) > 0 { return nil }
    return (value, i, length)
  }

  /// A date at a byte offset: `YYYY年M月D日`, `YYYY.M.D`, `YYYY-M-D`, `YYYY/M/D`, or `M月D日`.
  private func date(at index: Int, inheritedYear: Int?) -> (DateMention, Int)? {
    guard let (first, afterFirst, length) = number(at: index, maxLength: 4) else { return nil }
    let afterSpaces = skipSpaces(afterFirst)
    if length == 4, let (mark, markWidth) = scalar(at: afterSpaces) {
      if mark == "年" {
        let monthStart = skipSpaces(afterSpaces + markWidth)
        guard let (month, afterMonth, _) = number(at: monthStart, maxLength: 2) else { return nil }
        let monthMark = skipSpaces(afterMonth)
        guard let (monthWord, monthWidth) = scalar(at: monthMark), monthWord == "月" else { return nil }
        var end = monthMark + monthWidth
        var day: Int?
        let dayStart = skipSpaces(end)
        if let (d, afterDay, _) = number(at: dayStart, maxLength: 2) {
          let dayMark = skipSpaces(afterDay)
          if let (dayWord, dayWidth) = scalar(at: dayMark), dayWord == "日" || dayWord == "号" {
            day = d
            end = dayMark + dayWidth
          }
        }
        return (written(from: index, to: end, year: first, yearEnd: afterFirst, month: month, day: day), end)
      }
      if (mark == "." || mark == "-" || mark == "/") && afterSpaces == afterFirst {
        guard let (month, afterMonth, _) = number(at: afterFirst + markWidth, maxLength: 2),
          let (secondMark, secondWidth) = scalar(at: afterMonth), secondMark == mark,
          let (day, afterDay, _) = number(at: afterMonth + secondWidth, maxLength: 2)
        else { return nil }
        return (written(from: index, to: afterDay, year: first, yearEnd: afterFirst, month: month, day: day), afterDay)
      }
      return nil
    }
    if length <= 2, scalar(at: afterSpaces, is: "月") {
      let dayStart = skipSpaces(afterSpaces + 3)
      guard let (day, afterDay, _) = number(at: dayStart, maxLength: 2) else { return nil }
      let dayMark = skipSpaces(afterDay)
      guard let (dayWord, dayWidth) = scalar(at: dayMark), dayWord == "日" || dayWord == "号" else { return nil }
      return (
        DateMention(
          range: index..<dayMark + dayWidth,
          year: inheritedYear,
          month: first,
          day: day,
          yearWritten: false,
          yearRange: nil,
          isCutoff: false
        ), dayMark + dayWidth
      )
    }
    return nil
  }

  /// A date whose year is written, from byte offset `start` to `end`.
  private func written(from start: Int, to end: Int, year: Int, yearEnd: Int, month: Int, day: Int?) -> DateMention {
    DateMention(
      range: start..<end,
      year: year,
      month: month,
      day: day,
      yearWritten: true,
      yearRange: start..<yearEnd,
      isCutoff: false
    )
  }

  /// `…起至…止`: the end of a range that starts just before `index`.
  /// A line break may stand anywhere in it: PDF text wraps a sentence at the page's width.
  private func rangeEnd(after index: Int, startYear: Int?) -> (DateMention, Int)? {
    var i = skipSpacesAndLineBreak(index)
    if scalar(at: i, is: "起") { i = skipSpacesAndLineBreak(i + 3) }
    guard let (connector, connectorWidth) = scalar(at: i) else { return nil }
    guard ["至", "到", "~", "～", "—", "-", "–", "―"].contains(connector) else { return nil }
    i += connectorWidth
    while let (scalar, width) = scalar(at: i), scalar == "—" || scalar == "至" { i += width }
    i = skipSpacesAndLineBreak(i)
    guard digitWidth(i) > 0, let (end, after) = date(at: i, inheritedYear: startYear) else { return nil }
    var finish = after
    let stop = skipSpaces(after)
    if scalar(at: stop, is: "止") { finish = stop + 3 }
    return (end, finish)
  }

  private func precededByCutoff(_ index: Int) -> Bool {
    var previous = scalar(before: index)
    while let (scalar, start) = previous, LabelText.isSpace(scalar) { previous = self.scalar(before: start) }
    if let (scalar, start) = previous, scalar == "到" || scalar == "于" { previous = self.scalar(before: start) }
    guard let (last, start) = previous, let (beforeLast, _) = scalar(before: start) else { return false }
    return beforeLast == "截" && (last == "至" || last == "止")
  }
}
