/// Finds the title (`<机关> YYYY 年政府信息公开工作年度报告`) among the first lines.
struct TitleReader {
  let source: SourceText

  func title(before limitLine: Int) -> Title? {
    var seen = 0
    var line = 0
    while line < min(limitLine, source.lines.count), seen < 15 {
      var range = LineTokenizer.trim(source, source.lines.contentRange(ofLine: line))
      defer { line += 1 }
      if range.count > 400 {
        // A whole report on one line (a web page's text): the title is how it begins.
        guard let end = titleEnd(in: range.lowerBound..<range.lowerBound + 400) else { continue }
        range = range.lowerBound..<end
      }
      // A path or an address (`…/2025年度政府信息公开工作年度报告/page.txt`) names a report; it is not its title.
      if range.isEmpty || source.utf8[range].contains(0x2F) { continue }
      seen += 1
      let text = source.text(range)
      let squeezed = String(String.UnicodeScalarView(text.unicodeScalars.filter { !LabelText.isSpace($0) }))
      var titleRange = range
      if squeezed.has("政府信息公开") && (squeezed.has("年度报告") || squeezed.has("年报")) {
        // one line
      } else if squeezed.has("政府信息公开"), line + 1 < source.lines.count {
        let nextRange = LineTokenizer.trim(source, source.lines.contentRange(ofLine: line + 1))
        let joined =
          squeezed + source.text(nextRange).unicodeScalars.filter { !LabelText.isSpace($0) }.map(String.init).joined()
        guard !nextRange.isEmpty, joined.has("政府信息公开"), joined.has("年度报告") || joined.has("年报") else {
          continue
        }
        titleRange = range.lowerBound..<nextRange.upperBound
      } else {
        continue
      }
      let (year, yearRange) = findYear(in: titleRange)
      let agency: String
      if let yearRange {
        agency = Self.withoutFieldName(source.text(titleRange.lowerBound..<yearRange.lowerBound).trimmingSpaces())
      } else {
        agency = ""
      }
      return Title(range: titleRange, text: source.text(titleRange), agency: agency, year: year, yearRange: yearRange)
    }
    return nil
  }

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
    for name in ["标题", "题名", "名称", "title", "Title"] {
      for colon in ["：", ":"] where agency.hasPrefix(name + colon) {
        return String(agency.dropFirst(name.count + 1)).trimmingSpaces()
      }
    }
    return agency
  }

  /// The first `YYYY年` (digits may be full-width, spaces may stand before 年).
  func findYear(in range: Range<Int>) -> (Int?, Range<Int>?) {
    let scalars = LabelPieces.scalarsWithOffsets(source, range)
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
