/// The text as the table readers see it: one sequence of pieces with exact ranges, whatever the
/// layout. A row may be one tab-separated line, a label and its numbers on separate lines (one
/// cell per line, as web pages come out), or a whole table run together on one line; the readers
/// find rows by their labels in this sequence and never count lines or separators.
struct StreamToken: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case text
    /// A number as written (digits may be full-width; sign and decimals kept).
    case number
    /// `-` `—` `/` where a number belongs.
    case blankMarker
    /// An empty cell between two values of one tab-separated or Markdown line.
    case empty
    /// A short word in a cell where a number belongs (`一`, `无`).
    case invalid
  }
  /// How the line of a token separates its cells.
  enum Layout: Sendable { case tabs, markdown, spaces }
  var kind: Kind
  var range: Range<Int>
  var line: Int
  var layout: Layout
  /// Digits written against text or a numbering with nothing between them (`数量640020470二、`):
  /// cells of a table whose separators were lost.
  var glued = false
  /// An empty cell after the last value of its line (a blank total, or just a trailing tab).
  var trailing = false

  var isValue: Bool { kind != .text }
}

struct TextStream: Sendable {
  let source: SourceText
  private(set) var tokens: [StreamToken] = []

  /// A web page's text, one cell per line, whose crawler dropped every line that repeated the
  /// line before it: a row `2 0 0 0 0 0 2` is left as `2` / `0` / `2`. Told by its many numbers
  /// alone on a line, no two consecutive ones equal.
  private(set) var dropsRepeatedLines = false

  init(source: SourceText) {
    self.source = source
    let cells = BrowserCells(source)
    // One line's tokens, fields and scalars, in buffers kept from line to line.
    var lineTokens: [StreamToken] = []
    var fields: [Range<Int>] = []
    var scalars: [Unicode.Scalar] = []
    // About a token a line: most lines are one label or one paragraph.
    tokens.reserveCapacity(source.lines.count)
    for line in 0..<source.lines.count {
      if let cells {
        let blanks = cells.blankCells(atLine: line)
        if !blanks.isEmpty {
          for blank in blanks {
            tokens.append(StreamToken(kind: .empty, range: blank, line: line, layout: .spaces))
          }
          continue
        }
      }
      let range = source.lines.contentRange(ofLine: line)
      // Emptied token by token: a line holds a few, and `removeAll(keepingCapacity:)` costs more.
      while !lineTokens.isEmpty { lineTokens.removeLast() }
      guard
        let layout = LineTokenizer.tokenize(source, range: range, line: line, fields: &fields, into: &lineTokens)
      else { continue }
      if Self.isPageFurniture(source, range, core: &scalars) { continue }
      append(lineTokens, layout: layout, line: line)
    }
    // A browser's copy keeps every line; only a crawler's text drops repeated ones.
    dropsRepeatedLines = cells == nil && Self.dropsRepeatedLines(tokens, source)
  }

  private static func dropsRepeatedLines(_ tokens: [StreamToken], _ source: SourceText) -> Bool {
    var alone = 0
    var previous: (line: Int, text: ArraySlice<UInt8>)?
    for (index, token) in tokens.enumerated() where token.kind == .number {
      let isAlone =
        (index == 0 || tokens[index - 1].line != token.line)
        && (index + 1 == tokens.count || tokens[index + 1].line != token.line)
      guard isAlone else { continue }
      alone += 1
      let text = source.utf8[token.range]
      if let previous, previous.line == token.line - 1, previous.text.elementsEqual(text) { return false }
      previous = (token.line, text)
    }
    return alone >= 30
  }

  /// Index of the first token that starts at or after `offset`.
  func index(atOrAfter offset: Int) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let mid = (low + high) / 2
      if tokens[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Index of the token that contains `offset`, else of the first one after it.
  func index(containing offset: Int) -> Int {
    let index = index(atOrAfter: offset)
    if index > 0, tokens[index - 1].range.contains(offset) { return index - 1 }
    return index
  }

  private mutating func append(_ lineTokens: [StreamToken], layout: StreamToken.Layout, line number: Int) {
    let firstValue = lineTokens.firstIndex { $0.kind == .number || $0.kind == .blankMarker }
    let lastValue = lineTokens.lastIndex { $0.kind == .number || $0.kind == .blankMarker }
    for (index, token) in lineTokens.enumerated() {
      switch token.kind {
      case .empty:
        // Empty fields before the first value are merged cells or drifting indentation.
        guard let firstValue, let lastValue, index > firstValue else { continue }
        tokens.append(
          StreamToken(kind: .empty, range: token.range, line: number, layout: layout, trailing: index > lastValue)
        )
      case .number:
        // `3.` alone on its line is the numbering of the label on the next line, not a value.
        if lineTokens.count == 1, token.range.count >= 2, token.range.count <= 3,
          source.utf8[token.range.upperBound - 1] == 0x2E
        {
          tokens.append(StreamToken(kind: .text, range: token.range, line: number, layout: layout))
          continue
        }
        tokens.append(StreamToken(kind: .number, range: token.range, line: number, layout: layout))
      case .blankMarker:
        tokens.append(StreamToken(kind: .blankMarker, range: token.range, line: number, layout: layout))
      case .text, .invalid:
        // A short word in a cell of a row of numbers (`一` `无`): between two numbers, or after
        // the row's label and before its numbers.
        let betweenValues = firstValue.map { index > $0 } == true && lastValue.map { index < $0 } == true
        let afterLabel =
          index > 0 && lineTokens[..<index].contains(where: { $0.kind == .text }) && index + 1 < lineTokens.count
          && lineTokens[index + 1].kind != .text
        // In PDF or OCR text, a lone letter among a row's numbers is a digit misread (`1 O 0 0 0
        // 0 1`): a value that is not a number, not a lost cell.
        let misreadDigit =
          layout == .spaces && betweenValues && token.range.count == 1
          && [0x4F, 0x6F, 0x6C, 0x49].contains(source.utf8[token.range.lowerBound])  // O o l I
        if misreadDigit
          || (layout != .spaces && firstValue != nil && (betweenValues || afterLabel) && token.range.count <= 12
            && Self.isCellWord(source, token.range))
        {
          tokens.append(StreamToken(kind: .invalid, range: token.range, line: number, layout: layout))
          continue
        }
        appendText(token.range, line: number, layout: layout)
      }
    }
  }

  /// Splits text where digits are glued to it: `规章 000行政规范性文件693665` holds the label
  /// `行政规范性文件` and the digits `693665`. A numbering (`2.其他法律…`) stays with its label,
  /// even when it is glued to the digits before it (`00000002.其他法律…`).
  private mutating func appendText(_ range: Range<Int>, line: Int, layout: StreamToken.Layout) {
    let bytes = source.utf8
    var pieceStart = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      index = Self.firstDigit(bytes, from: index, before: range.upperBound)
      guard index < range.upperBound else { break }
      var end = index
      var digitCount = 0
      while end < range.upperBound {
        let width = TextBytes.digitWidth(bytes, end, range.upperBound)
        if width > 0 {
          end += width
          digitCount += 1
        } else if bytes[end] == 0x2E, end + 1 < range.upperBound,
          TextBytes.digitWidth(bytes, end + 1, range.upperBound) > 0,
          digitCount > 0
        {
          end += 1
        } else {
          break
        }
      }
      // A numbering after the digits: `1.属于…` `3、其他`: its digit belongs to the label. Two
      // digits right after a row's numbers are its last value and the next label's numbering
      // (`… 0 0 0 0 0 0 02.其他法律…`, `… 1 0 0 0 0 0 12.申请人逾期…`): rows are numbered 1 to 8.
      var numberEnd = end
      if end < range.upperBound, Self.isNumberingMark(bytes, end, range.upperBound),
        !Self.isDigitAfterMark(bytes, end, range.upperBound)
      {
        let afterValues =
          index == range.lowerBound && tokens.last.map { $0.kind == .number && $0.line == line } == true
        numberEnd =
          digitCount == 1 || (digitCount == 2 && !afterValues) ? index : Self.lastScalarStart(bytes, before: end)
      }
      // In a cell of a pipe or tab table, a few digits inside the words (`数据1`, `2019年`) are
      // the cell's text; only a long run (a row's cells that lost their separators) is values.
      if layout != .spaces, digitCount < 5 {
        index = end
        continue
      }
      if numberEnd > index {
        if pieceStart < index { appendTextPiece(pieceStart..<index, line: line, layout: layout) }
        tokens.append(
          StreamToken(
            kind: .number,
            range: index..<numberEnd,
            line: line,
            layout: layout,
            glued: index > range.lowerBound || numberEnd < range.upperBound
          )
        )
        pieceStart = numberEnd
      }
      index = end
    }
    if pieceStart < range.upperBound { appendTextPiece(pieceStart..<range.upperBound, line: line, layout: layout) }
  }

  private mutating func appendTextPiece(_ range: Range<Int>, line: Int, layout: StreamToken.Layout) {
    let trimmed = TextBytes.trim(source, range)
    guard !trimmed.isEmpty else { return }
    tokens.append(StreamToken(kind: .text, range: trimmed, line: line, layout: layout))
  }

  /// A short word in a table cell that is not a label (`一` `无` `零`): an invalid value.
  private static func isCellWord(_ source: SourceText, _ range: Range<Int>) -> Bool {
    guard source.scalarCount(range) <= 3 else { return false }
    let label = LabelText.normalize(source, range)
    return label.numbering == nil && !label.key.isEmpty
  }

  /// The offset of the first ASCII or full-width digit at or after `start`, else `end`.
  private static func firstDigit(_ bytes: [UInt8], from start: Int, before end: Int) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      var index = start
      // The rest of a character that is no digit is no digit either.
      while index < end {
        // Lead bytes E0 to EE open three-byte characters, none of them a digit.
        let b = buffer[index]
        if b >= 0xE0 && b <= 0xEE {
          index = min(index + 3, end)
          continue
        }
        if TextBytes.digitWidth(buffer, index, end) > 0 { break }
        index = min(index + TextBytes.scalarWidth(b), end)
      }
      return index
    }
  }

  /// `.` `、` `．` after a number.
  private static func isNumberingMark(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Bool {
    if bytes[index] == 0x2E { return true }
    guard index + 2 < end else { return false }
    return (bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81)  // 、
      || (bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8E)  // ．
  }

  private static func isDigitAfterMark(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Bool {
    let width = bytes[index] == 0x2E ? 1 : 3
    return index + width < end && TextBytes.digitWidth(bytes, index + width, end) > 0
  }

  private static func lastScalarStart(_ bytes: [UInt8], before end: Int) -> Int {
    var index = end - 1
    while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }

  /// Page numbers (`- 3 -`, `— 4 —`, `第 5 页`, `5/12`) and web page furniture lines
  /// (`【打印】【关闭】`, `微信 微博 QQ空间`): never content. `core` is a buffer the caller keeps
  /// from line to line.
  static func isPageFurniture(_ source: SourceText, _ line: Range<Int>, core: inout [Unicode.Scalar]) -> Bool {
    // `pdftotext -layout` centres a page number under the page's text: spaces come first.
    let range = TextBytes.trim(source, line)
    guard !range.isEmpty, range.count <= 80, mayBeFurniture(source.utf8, range), !isPlainNumbers(source.utf8, range),
      !holdsWords(source.utf8, range)
    else { return false }
    // The line's scalars, width-folded, without spaces and dashes, read from the bytes; a
    // `String` is made only for the one test that compares characters.
    let bytes = source.utf8
    core.removeAll(keepingCapacity: true)
    var sawDigit = false
    var sawDash = false
    var first: Unicode.Scalar?
    var last: Unicode.Scalar?
    var offset = range.lowerBound
    while offset < range.upperBound {
      let (scalar, width) = SourceText.decode(bytes, offset)
      offset += width
      if !LabelText.isSpace(scalar) {
        if first == nil { first = scalar }
        last = scalar
      }
      let f = LabelText.widthFolded(scalar)
      if LabelText.isSpace(f) { continue }
      if f.isASCIIDigit { sawDigit = true }
      if isDash(f) {
        sawDash = true
        continue
      }
      core.append(f)
    }
    if sawDigit, sawDash, core.allSatisfy(\.isASCIIDigit), let first, let last,
      isDash(LabelText.widthFolded(first)), isDash(LabelText.widthFolded(last))
    {
      return true
    }
    // Only a line that opens with 第 (or with a compatibility ideograph, which may stand for it)
    // can begin with the character 第.
    if sawDigit, core.count <= 12, let opening = core.first,
      opening == "第" || (0xF900...0xFAFF).contains(opening.value) || (0x2F800...0x2FA1F).contains(opening.value)
    {
      let squeezed = String(String.UnicodeScalarView(core))
      if squeezed.hasPrefix("第"), squeezed.hasSuffix("页") { return true }
    }
    if sawDigit, core.allSatisfy({ $0.isASCIIDigit || $0 == "/" }), core.filter({ $0 == "/" }).count == 1 {
      return true
    }
    return core.count <= 40 && furnitureScalars.contains { Self.contains(core, $0) }
  }

  /// Digits, spaces, tabs, points and commas only (a row of numbers): neither a page number, which
  /// has a dash, 第 or a slash, nor a furniture word.
  private static func isPlainNumbers(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    for index in range {
      let b = bytes[index]
      guard (b >= 0x30 && b <= 0x39) || b == 0x20 || b == 0x09 || b == 0x2E || b == 0x2C else { return false }
    }
    return true
  }

  /// Whether a line holds a letter, a sign or a CJK ideograph, and neither 第 nor the first
  /// character of a furniture word (【 微 分 附 扫) nor a full-width or compatibility character:
  /// its words are then neither a page number, made of digits, dashes, slashes and 第…页, nor a
  /// furniture word.
  private static func holdsWords(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let openings = furnitureOpenings
    guard openings.count == furniture.count + 1 else { return false }
    var words = false
    var index = range.lowerBound
    while index < range.upperBound {
      let b = bytes[index]
      if b >= 0xEF { return false }
      if b < 0x80 {
        if b > 0x20 && !(b >= 0x30 && b <= 0x39) && b != 0x2D && b != 0x2F { words = true }
        index += 1
        continue
      }
      if b >= 0xE0, index + 2 < range.upperBound {
        let lead = (b, bytes[index + 1], bytes[index + 2])
        if openings.contains(where: { $0 == lead }) { return false }
        if b >= 0xE4 && b <= 0xE9 { words = true }  // U+4000 to U+9FFF
      }
      index += TextBytes.scalarWidth(b)
    }
    return words
  }

  /// 第 and the first characters of the furniture words, in UTF-8 (three bytes each; the look is
  /// off if a word ever opens otherwise).
  private static let furnitureOpenings: [(UInt8, UInt8, UInt8)] = (["第"] + furniture).compactMap { word in
    let bytes = Array(String(word.unicodeScalars.first!).utf8)
    return bytes.count == 3 ? (bytes[0], bytes[1], bytes[2]) : nil
  }

  /// `-` `—` `–` `―` `─`.
  private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2D, 0x2014, 0x2013, 0x2015, 0x2500: return true
    default: return false
    }
  }

  /// Whether `needle` stands in `haystack`, scalar for scalar.
  private static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }

  /// A cheap look at the bytes: page numbers open with a dash, `第` or a digit; furniture holds
  /// `【` or opens with one of a few words.
  private static func mayBeFurniture(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let first = bytes[range.lowerBound]
    if first == 0x2D || (first >= 0x30 && first <= 0x39) || first == 0xE2 { return true }  // - digits — – ― ─
    guard range.count >= 3 else { return false }
    let lead = (first, bytes[range.lowerBound + 1], bytes[range.lowerBound + 2])
    if lead == (0xEF, 0xBC, 0x8D) || lead == (0xE7, 0xAC, 0xAC) { return true }  // － 第
    if lead == (0xE5, 0xBE, 0xAE) || lead == (0xE5, 0x88, 0x86) || lead == (0xE9, 0x99, 0x84)
      || lead == (0xE6, 0x89, 0xAB)
    {
      return true  // 微 分 附 扫
    }
    // 【 is E3 80 90 (its lead byte opens a character): its last byte, rarer in Chinese text than
    // its first, is looked for eight bytes at a time.
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      var last = range.lowerBound + 2
      while last < range.upperBound {
        if last + 8 <= range.upperBound, !EightBytes.holds(EightBytes.load(base, at: last), 0x90) {
          last += 8
          continue
        }
        if buffer[last] == 0x90, buffer[last - 1] == 0x80, buffer[last - 2] == 0xE3 { return true }
        last += 1
      }
      return false
    }
  }

  static let furniture = ["【打印】", "【关闭】", "【关闭窗口】", "【打印本页】", "微信微博QQ空间", "分享到", "附件下载", "扫一扫在手机打开"]
  private static let furnitureScalars = furniture.map { Array($0.unicodeScalars) }
}

/// A table copied from a browser page (`document.body.innerText` of cells holding paragraphs):
/// each cell on a line of its own with blank lines around it, and a line holding only a tab
/// between two cells of a row. A blank cell is a line of U+00A0 (`&nbsp;`) or U+3000 after a
/// tab line, nothing at all between two tab lines (or two tabs on one line), or nothing after the
/// last tab line of a row. Told by its many tab lines.
struct BrowserCells {
  private let source: SourceText

  init?(_ source: SourceText) {
    var separators = 0
    for line in 0..<source.lines.count where Self.tabCount(source, line) > 0 {
      separators += 1
      if separators >= 20 { break }
    }
    guard separators >= 20 else { return nil }
    self.source = source
  }

  /// The blank cells a line stands for: the line itself when it holds only spaces U+00A0 or
  /// U+3000 after a tab line; for a tab line, the cells left empty between its tabs and, when no
  /// cell's text follows it, after it. Empty ranges are where a value would be written.
  func blankCells(atLine line: Int) -> [Range<Int>] {
    let range = source.lines.contentRange(ofLine: line)
    if Self.isFiller(source.utf8, range) {
      // The cell is blank where its text would begin, as a blank field of a tab row is.
      let place = range.lowerBound..<range.lowerBound
      return previousNonBlank(before: line).map { Self.tabCount(source, $0) > 0 } == true ? [place] : []
    }
    let tabs = Self.tabCount(source, line)
    guard tabs > 0 else { return [] }
    let bytes = source.utf8
    var blanks: [Range<Int>] = []
    var previousTab: Int?
    for index in range where bytes[index] == 0x09 {
      if let previousTab, Self.isBlankOrFiller(bytes, (previousTab + 1)..<index) {
        blanks.append(index..<index)
      }
      previousTab = index
    }
    // Cells joined on one line (`\t&nbsp;\t&nbsp;`): a filler after the last tab is the row's
    // last cell, blank.
    if let previousTab, Self.isFiller(bytes, (previousTab + 1)..<range.upperBound) {
      blanks.append(range.upperBound..<range.upperBound)
      return blanks
    }
    // What follows the last tab: a cell's text after one blank line; another tab line or a
    // filler line (a cell of its own); else the row ends with a blank cell.
    var next = line + 1
    var blankLines = 0
    while next < source.lines.count, Self.isBlank(bytes, source.lines.contentRange(ofLine: next)) {
      blankLines += 1
      next += 1
    }
    let place =
      line + 1 < source.lines.count ? source.lines.contentRange(ofLine: line + 1).lowerBound : range.upperBound
    if next == source.lines.count {
      blanks.append(place..<place)
    } else if Self.tabCount(source, next) > 0 {
      blanks.append(place..<place)
    } else if !Self.isFiller(bytes, source.lines.contentRange(ofLine: next)), blankLines >= 2 {
      blanks.append(place..<place)
    }
    return blanks
  }

  private func previousNonBlank(before line: Int) -> Int? {
    var k = line - 1
    while k >= 0, Self.isBlank(source.utf8, source.lines.contentRange(ofLine: k)) { k -= 1 }
    return k >= 0 ? k : nil
  }

  /// The number of tabs of a line that holds nothing but tabs, spaces, U+00A0 and U+3000 (the
  /// blank cells a browser joins on one line); 0 for any other line.
  private static func tabCount(_ source: SourceText, _ line: Int) -> Int {
    let range = source.lines.contentRange(ofLine: line)
    let bytes = source.utf8
    var tabs = 0
    var index = range.lowerBound
    while index < range.upperBound {
      if bytes[index] == 0x09 {
        tabs += 1
        index += 1
        continue
      }
      let width = bytes[index] == 0x20 ? 1 : TextBytes.spaceWidth(bytes, index)
      guard width > 0, bytes[index] == 0x20 || width > 1 else { return 0 }
      index += width
    }
    return tabs
  }

  /// Only spaces, U+00A0 and U+3000 (or nothing).
  private static func isBlankOrFiller(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    range.isEmpty || isBlank(bytes, range) || isFiller(bytes, range)
  }

  private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes[range].allSatisfy { $0 == 0x20 }
  }

  /// Only spaces, U+00A0 and U+3000, at least one of the latter two.
  private static func isFiller(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    var sawFiller = false
    while index < range.upperBound {
      if bytes[index] == 0x20 {
        index += 1
        continue
      }
      let width = TextBytes.spaceWidth(bytes, index)
      guard width > 1 else { return false }
      sawFiller = true
      index += width
    }
    return sawFiller
  }
}
