/// Finds the title (`<机关> YYYY 年政府信息公开工作年度报告`) among the first lines.
struct TitleReader {
  let source: SourceText

  /// The title: the first line that names the annual report with its year, among the first 15
  /// lines that hold text or, when the first section's heading (`limitLine`) stands further
  /// down, anywhere before it (a page copied whole has the site's navigation before the report:
  /// `政府信息` / `公开年报` / `政府信息公开年报` …); else the first such line without a year among
  /// the first 15.
  func title(before limitLine: Int) -> Title? {
    let headed = limitLine < source.lines.count
    var seen = 0
    var line = 0
    /// The last line read before the title: the agency stands there in a PDF's layout
    /// (`淮安市人民政府` over `2024 年政府信息公开工作年度报告`).
    var lineBefore: Range<Int>?
    var fallback: Title?
    while line < min(limitLine, source.lines.count), seen < 15 || headed {
      var range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      defer { line += 1 }
      if range.count > 400 {
        // A whole report on one line (a web page's text): the title is how it begins.
        guard let end = titleEnd(in: range.lowerBound..<range.lowerBound + 400) else { continue }
        range = range.lowerBound..<end
      }
      // A path or an address (`…/2025年度政府信息公开工作年度报告/page.txt`) names a report; it is not its title.
      if range.isEmpty || source.utf8[range].contains(0x2F) { continue }
      seen += 1
      // Without 政 no line names the report (政府信息公开): most lines are passed over in their
      // bytes.
      guard source.utf8.containsBytes(Self.zheng, in: range) else {
        lineBefore = range
        continue
      }
      let squeezed = Self.squeezed(source.text(range))
      var titleRange = range
      if squeezed.has("政府信息公开") && (squeezed.has("年度报告") || squeezed.has("年报")) {
        // one line
      } else if squeezed.has("政府信息公开"), line + 1 < source.lines.count {
        let nextRange = TextBytes.trim(source, source.lines.contentRange(ofLine: line + 1))
        let joined = squeezed + Self.squeezed(source.text(nextRange))
        guard !nextRange.isEmpty, joined.has("政府信息公开"), joined.has("年度报告") || joined.has("年报") else {
          lineBefore = range
          continue
        }
        titleRange = range.lowerBound..<nextRange.upperBound
      } else {
        lineBefore = range
        continue
      }
      guard Self.readsAsTitle(Self.squeezed(source.text(titleRange))) else {
        lineBefore = range
        continue
      }
      let (year, yearRange) = findYear(in: titleRange)
      var agency: (text: String, range: Range<Int>)?
      if let yearRange {
        agency =
          agencyBefore(yearRange.lowerBound, from: titleRange.lowerBound)
          ?? agencyAfter(yearRange.upperBound, before: titleRange.upperBound)
      }
      if agency == nil, let lineBefore, let name = Self.agencyName(source.text(lineBefore)) {
        agency = (name, lineBefore)
      }
      let title = Title(
        range: titleRange,
        text: source.text(titleRange),
        agency: agency?.text ?? "",
        agencyRange: agency?.range,
        year: year,
        yearRange: yearRange
      )
      if year != nil { return title }
      // A title without a year (or a menu entry, `政府信息公开年报`): the title unless a line
      // further down names the report with its year.
      if fallback == nil, seen <= 15 { fallback = title }
      lineBefore = range
    }
    return fallback
  }

  private static let zheng = Array("政".utf8)

  /// The text without spaces.
  static func squeezed(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars where !LabelText.isSpace(scalar) { LabelText.appendUTF8(scalar, to: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether comparing the text's Characters gives what comparing its bytes gives: each scalar is
  /// printable ASCII, a tab, CJK punctuation (U+3000–U+3029), a CJK unified ideograph or a
  /// full-width form. None of these has a canonical decomposition, and none joins a neighbour
  /// into one Character. A title's words are such text; anything else takes the slow path.
  static func isPlain(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      let v = scalar.value
      return (v >= 0x20 && v < 0x7F) || v == 0x09 || (v >= 0x3000 && v <= 0x3029) || (v >= 0x4E00 && v <= 0x9FFF)
        || (v >= 0xFF01 && v <= 0xFF5E)
    }
  }

  /// The offset just after the first `marker` in plain text's bytes.
  private static func byteEnd(of marker: String, in text: String) -> Int? {
    let bytes = Array(text.utf8)
    let pattern = Array(marker.utf8)
    guard bytes.count >= pattern.count else { return nil }
    for start in 0...(bytes.count - pattern.count) where bytes.hasBytes(pattern, at: start) {
      return start + pattern.count
    }
    return nil
  }

  /// Whether a line that names the annual report is a report's title rather than a sentence or
  /// the title of another document about the reports (`关于做好2025年政府信息公开工作年度报告编制和发布工作的通知`,
  /// `本目录存放各单位的政府信息公开工作年度报告。`).
  static func readsAsTitle(_ squeezed: String) -> Bool {
    let text = withoutFieldName(squeezed)
    if isPlain(text) {
      if text.startsWithBytes("关于") || text.has("。") { return false }
      for marker in ["年度报告", "年报"] {
        guard let end = byteEnd(of: marker, in: text) else { continue }
        let after = text.utf8.index(text.utf8.startIndex, offsetBy: end)
        return text.unicodeScalars[after...].first.map { !$0.properties.isIdeographic } ?? true
      }
      return true
    }
    if text.hasPrefix("关于") || text.has("。") { return false }
    // A title ends with the report's name; a notice's title goes on (`…年度报告编制和发布工作的通知`).
    for marker in ["年度报告", "年报"] {
      guard let found = text.firstRange(of: marker) else { continue }
      return text[found.upperBound...].unicodeScalars.first.map { !$0.properties.isIdeographic } ?? true
    }
    return true
  }

  /// The agency written before the year (`淮安市人民政府 2024 年…`), without a field name
  /// (`标题：`) or Markdown marks, with its range.
  private func agencyBefore(_ yearStart: Int, from start: Int) -> (String, Range<Int>)? {
    let range = TextBytes.trim(source, start..<yearStart)
    let text = Self.withoutMarks(Self.withoutFieldName(source.text(range).trimmingSpaces()))
    guard !text.isEmpty else { return nil }
    let pattern = Array(text.utf8)
    var start = range.upperBound - pattern.count
    while start >= range.lowerBound, !source.utf8.hasBytes(pattern, at: start) { start -= 1 }
    return (text, start >= range.lowerBound ? start..<start + pattern.count : range)
  }

  /// The agency written after the year, before `政府信息公开` (`2025 年上海市人民政府办公厅政府信息公开…`).
  private func agencyAfter(_ yearEnd: Int, before end: Int) -> (String, Range<Int>)? {
    let marker = Array("政府信息公开".utf8)
    let bytes = source.utf8
    var index = yearEnd
    while index + marker.count <= end, !bytes.hasBytes(marker, at: index) { index += 1 }
    guard index + marker.count <= end else { return nil }
    var range = TextBytes.trim(source, yearEnd..<index)
    // `年` (or `年度`) after the digits, then the agency.
    for word in ["年", "度"] where source.text(range).hasPrefix(word) {
      range = TextBytes.trim(source, range.lowerBound + word.utf8.count..<range.upperBound)
    }
    guard let name = Self.agencyName(source.text(range)) else { return nil }
    return (name, range)
  }

  /// A text that names an agency (`淮安市人民政府`, `上海市科委`, `莆田市应急管理局`): Chinese words
  /// only, ending as an agency's name does. Nil for anything else (`正文`, a sentence, a date).
  static func agencyName(_ text: String) -> String? {
    var name = withoutMarks(squeezed(text))
    // `三明市人民政府信息公开`: the government's 政府 is also the first word of 政府信息公开.
    if name.hasSuffix("人民") { name += "政府" }
    let allowed: Set<Unicode.Scalar> = ["（", "）", "(", ")", "·"]
    guard (2...40).contains(name.unicodeScalars.count),
      name.unicodeScalars.allSatisfy({ $0.properties.isIdeographic || allowed.contains($0) }),
      agencySuffixes.contains(where: name.hasSuffix)
    else { return nil }
    return name
  }

  static let agencySuffixes = [
    "政府", "办公厅", "办公室", "委员会", "管委会", "局", "委", "厅", "办", "署", "院", "中心", "镇", "乡", "街道", "办事处", "区", "县",
    "市", "省", "州", "盟", "旗", "所", "站", "队", "会", "部", "处", "馆",
  ]

  /// Without Markdown's heading and emphasis marks around it (`# 沭阳县人民政府` → `沭阳县人民政府`).
  static func withoutMarks(_ text: String) -> String {
    if isPlain(text) {
      // Each Character is one scalar.
      let scalars = text.unicodeScalars
      var lower = scalars.startIndex
      var upper = scalars.endIndex
      while lower < upper, markScalars.contains(scalars[lower]) { scalars.formIndex(after: &lower) }
      while upper > lower, markScalars.contains(scalars[scalars.index(before: upper)]) {
        scalars.formIndex(before: &upper)
      }
      return String(scalars[lower..<upper])
    }
    let marks: Set<Character> = ["#", "*", "_", " ", "\t", "\u{3000}"]
    return String(text.drop { marks.contains($0) }.reversed().drop { marks.contains($0) }.reversed())
  }

  private static let markScalars: Set<Unicode.Scalar> = ["#", "*", "_", " ", "\t", "\u{3000}"]

  /// The end of `年度报告` (or `年报`) in a range, when the words before it name a report.
  private func titleEnd(in range: Range<Int>) -> Int? {
    let bytes = source.utf8
    for marker in ["工作年度报告", "年度报告", "年报"] {
      let pattern = Array(marker.utf8)
      var index = range.lowerBound
      while index + pattern.count <= min(range.upperBound, bytes.count) {
        if bytes[index] == pattern[0], bytes.hasBytes(pattern, at: index) {
          let end = index + pattern.count
          return source.text(range.lowerBound..<end).has("政府信息公开") ? end : nil
        }
        index += 1
      }
    }
    return nil
  }

  /// The agency without the field name a web page or crawler puts before the title
  /// (`标题：三明市` → `三明市`).
  static func withoutFieldName(_ agency: String) -> String {
    if isPlain(agency) {
      // Each Character is one scalar: the field name is a prefix of the bytes.
      for prefix in fieldNamePrefixes where agency.startsWithBytes(prefix) {
        let view = agency.utf8
        return String(agency[view.index(view.startIndex, offsetBy: prefix.count)...]).trimmingSpaces()
      }
      return agency
    }
    for name in ["标题", "题名", "名称", "title", "Title"] {
      for colon in ["：", ":"] where agency.hasPrefix(name + colon) {
        return String(agency.dropFirst(name.count + 1)).trimmingSpaces()
      }
    }
    return agency
  }

  private static let fieldNamePrefixes = ["标题", "题名", "名称", "title", "Title"].flatMap { name in
    ["：", ":"].map { Array((name + $0).utf8) }
  }

  /// The first `YYYY年` (digits may be full-width, spaces may stand before 年).
  func findYear(in range: Range<Int>) -> (Int?, Range<Int>?) {
    let scalars = source.scalarsWithOffsets(range)
    var index = 0
    while index < scalars.count {
      var digits = ""
      var end = index
      while end < scalars.count, let d = asciiDigit(scalars[end].scalar) {
        digits.append(d)
        end += 1
      }
      if digits.count == 4, let year = Int(digits), (1990...2100).contains(year) {
        var after = end
        while after < scalars.count, LabelText.isSpace(scalars[after].scalar) { after += 1 }
        if after < scalars.count, scalars[after].scalar == "年" {
          let upper = end < scalars.count ? scalars[end].offset : range.upperBound
          return (year, scalars[index].offset..<upper)
        }
      }
      index = max(end, index + 1)
    }
    return (nil, nil)
  }

  func asciiDigit(_ scalar: Unicode.Scalar) -> Character? {
    let f = LabelText.widthFolded(scalar)
    guard f.isASCIIDigit else { return nil }
    return Character(f)
  }
}
