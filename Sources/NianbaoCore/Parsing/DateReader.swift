/// Finds every date, date range, 截至 date and statistics-period statement in the text.
struct DateReader {
  let source: SourceText
  private let scalars: [Unicode.Scalar]
  private let offsets: [Int]

  init(source: SourceText) {
    self.source = source
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []
    let bytes = source.utf8
    scalars.reserveCapacity(bytes.count)
    offsets.reserveCapacity(bytes.count)
    var offset = 0
    while offset < bytes.count {
      let (scalar, width) = SourceText.decode(bytes, offset)
      scalars.append(LabelText.widthFolded(scalar))
      offsets.append(offset)
      offset += width
    }
    self.scalars = scalars
    self.offsets = offsets
  }

  struct Output {
    var dates: [DateMention] = []
    var ranges: [DateRangeMention] = []
    var periods: [StatisticsPeriod] = []
  }

  func read() -> Output {
    var output = Output()
    var rangeStarts: [Int: Int] = [:]  // scalar index where a range starts → index in output.ranges
    var index = 0
    while index < scalars.count {
      guard isDigit(index), index == 0 || !isDigit(index - 1) else {
        index += 1
        continue
      }
      guard let (found, end) = date(at: index, inheritedYear: nil) else {
        index += 1
        continue
      }
      var start = found
      start.isCutoff = precededByCutoff(index)
      output.dates.append(start)
      var next = end
      if let (endDate, rangeEnd) = rangeEnd(after: end, startYear: start.year) {
        output.dates.append(endDate)
        rangeStarts[index] = output.ranges.count
        output.ranges.append(DateRangeMention(range: offsets[index]..<offset(rangeEnd), start: start, end: endDate))
        next = rangeEnd
      }
      index = next
    }
    // Key words are CJK, which width folding leaves alone: found in the bytes, then mapped to
    // their scalar index.
    let bytes = source.utf8
    let keywords = Self.periodKeywords
    let leads = Array(Set(keywords.map { UInt16($0[0]) << 8 | UInt16($0[1]) }))
    let lowestLead = keywords.map { $0[0] }.min() ?? 0
    var byteStart = 0
    while byteStart + 1 < bytes.count {
      // Most bytes of Chinese text are lead bytes of some character: compare two bytes first.
      guard bytes[byteStart] >= lowestLead,
        leads.contains(UInt16(bytes[byteStart]) << 8 | UInt16(bytes[byteStart + 1])),
        let keyword = keywords.first(where: { bytes.hasBytes($0, at: byteStart) })
      else {
        byteStart += 1
        continue
      }
      let keywordEnd = byteStart + keyword.count
      let k = scalarIndex(ofOffset: byteStart)
      let after = scalarIndex(ofOffset: keywordEnd)
      if let startIndex = rangeStarts.keys.filter({ $0 >= after && $0 <= after + 30 }).min(),
        let r = rangeStarts[startIndex]
      {
        output.periods.append(StatisticsPeriod(keywordRange: offsets[k]..<offset(after), dates: output.ranges[r]))
      }
      byteStart = keywordEnd
    }
    output.periods.sort { $0.keywordRange.lowerBound < $1.keywordRange.lowerBound }
    return output
  }

  private static let periodKeywords = [
    "统计期限", "统计时限", "统计周期", "统计时间", "统计区间", "数据时限", "数据期限", "数据的时限", "内容涵盖",
  ].map { Array($0.utf8) }

  /// The index of the scalar that starts at a byte offset (the number of scalars before it).
  private func scalarIndex(ofOffset offset: Int) -> Int {
    var low = 0
    var high = offsets.count
    while low < high {
      let mid = (low + high) / 2
      if offsets[mid] < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  private func offset(_ index: Int) -> Int { index < offsets.count ? offsets[index] : source.utf8.count }

  private func isDigit(_ index: Int) -> Bool {
    index < scalars.count && scalars[index].isASCIIDigit
  }

  private func skipSpaces(_ index: Int) -> Int {
    var i = index
    while i < scalars.count, LabelText.isSpace(scalars[i]) { i += 1 }
    return i
  }

  /// Spaces with at most one line break among them.
  private func skipSpacesAndLineBreak(_ index: Int) -> Int {
    var i = skipSpaces(index)
    if i < scalars.count, scalars[i] == "\r" { i += 1 }
    if i < scalars.count, scalars[i] == "\n" { i += 1 }
    return skipSpaces(i)
  }

  private func number(at index: Int, maxLength: Int) -> (Int, Int)? {
    var i = index
    var value = 0
    while isDigit(i), i - index < maxLength {
      value = value * 10 + Int(scalars[i].value - 48)
      i += 1
    }
    if i == index || isDigit(i) { return nil }
    return (value, i)
  }

  /// A date at `index`: `YYYY年M月D日`, `YYYY.M.D`, `YYYY-M-D`, `YYYY/M/D`, or `M月D日`.
  private func date(at index: Int, inheritedYear: Int?) -> (DateMention, Int)? {
    guard let (first, afterFirst) = number(at: index, maxLength: 4) else { return nil }
    let length = afterFirst - index
    let afterSpaces = skipSpaces(afterFirst)
    if length == 4, afterSpaces < scalars.count {
      let mark = scalars[afterSpaces]
      if mark == "年" {
        let monthStart = skipSpaces(afterSpaces + 1)
        guard let (month, afterMonth) = number(at: monthStart, maxLength: 2) else { return nil }
        let monthMark = skipSpaces(afterMonth)
        guard monthMark < scalars.count, scalars[monthMark] == "月" else { return nil }
        var end = monthMark + 1
        var day: Int?
        let dayStart = skipSpaces(end)
        if let (d, afterDay) = number(at: dayStart, maxLength: 2) {
          let dayMark = skipSpaces(afterDay)
          if dayMark < scalars.count, scalars[dayMark] == "日" || scalars[dayMark] == "号" {
            day = d
            end = dayMark + 1
          }
        }
        return (written(from: index, to: end, year: first, yearEnd: afterFirst, month: month, day: day), end)
      }
      if (mark == "." || mark == "-" || mark == "/") && afterSpaces == afterFirst {
        guard let (month, afterMonth) = number(at: afterFirst + 1, maxLength: 2),
          afterMonth < scalars.count, scalars[afterMonth] == mark,
          let (day, afterDay) = number(at: afterMonth + 1, maxLength: 2)
        else { return nil }
        return (written(from: index, to: afterDay, year: first, yearEnd: afterFirst, month: month, day: day), afterDay)
      }
      return nil
    }
    if length <= 2, afterSpaces < scalars.count, scalars[afterSpaces] == "月" {
      let dayStart = skipSpaces(afterSpaces + 1)
      guard let (day, afterDay) = number(at: dayStart, maxLength: 2) else { return nil }
      let dayMark = skipSpaces(afterDay)
      guard dayMark < scalars.count, scalars[dayMark] == "日" || scalars[dayMark] == "号" else { return nil }
      return (
        DateMention(
          range: offsets[index]..<offset(dayMark + 1),
          year: inheritedYear,
          month: first,
          day: day,
          yearWritten: false,
          yearRange: nil,
          isCutoff: false
        ), dayMark + 1
      )
    }
    return nil
  }

  /// A date whose year is written, from scalar `start` to `end`.
  private func written(from start: Int, to end: Int, year: Int, yearEnd: Int, month: Int, day: Int?) -> DateMention {
    DateMention(
      range: offsets[start]..<offset(end),
      year: year,
      month: month,
      day: day,
      yearWritten: true,
      yearRange: offsets[start]..<offset(yearEnd),
      isCutoff: false
    )
  }

  /// `…起至…止`: the end of a range that starts just before `index`.
  /// A line break may stand anywhere in it: PDF text wraps a sentence at the page's width.
  private func rangeEnd(after index: Int, startYear: Int?) -> (DateMention, Int)? {
    var i = skipSpacesAndLineBreak(index)
    if i < scalars.count, scalars[i] == "起" { i = skipSpacesAndLineBreak(i + 1) }
    guard i < scalars.count else { return nil }
    let connector = scalars[i]
    guard ["至", "到", "~", "～", "—", "-", "–", "―"].contains(connector) else { return nil }
    i += 1
    while i < scalars.count, scalars[i] == "—" || scalars[i] == "至" { i += 1 }
    i = skipSpacesAndLineBreak(i)
    guard isDigit(i), let (end, after) = date(at: i, inheritedYear: startYear) else { return nil }
    var finish = after
    let stop = skipSpaces(after)
    if stop < scalars.count, scalars[stop] == "止" { finish = stop + 1 }
    return (end, finish)
  }

  private func precededByCutoff(_ index: Int) -> Bool {
    var i = index - 1
    while i >= 0, LabelText.isSpace(scalars[i]) { i -= 1 }
    if i >= 0, scalars[i] == "到" || scalars[i] == "于" { i -= 1 }
    guard i >= 1 else { return false }
    return scalars[i - 1] == "截" && (scalars[i] == "至" || scalars[i] == "止")
  }
}
