/// Finds the title (`<机关> YYYY 年政府信息公开工作年度报告`) among the first lines.
struct TitleReader {
  let source: SourceText

  func title(before limitLine: Int) -> Title? {
    var seen = 0
    var line = 0
    while line < min(limitLine, source.lines.count), seen < 15 {
      let range = LineTokenizer.trim(source, source.lines.contentRange(ofLine: line))
      defer { line += 1 }
      if range.isEmpty || range.count > 400 { continue }
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
        agency = source.text(titleRange.lowerBound..<yearRange.lowerBound).trimmingSpaces()
      } else {
        agency = ""
      }
      return Title(range: titleRange, text: source.text(titleRange), agency: agency, year: year, yearRange: yearRange)
    }
    return nil
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
