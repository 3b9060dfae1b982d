/// Splits lines into the stream's tokens: a label, a number, a blank marker, or an empty cell
/// between separators. Cells are separated by tabs (Word), pipes (Markdown) or runs of spaces
/// (PDF); inside a cell, words separated by spaces stay one text token.
enum LineTokenizer {
  /// Appends the tokens of a line to `tokens` (of the kinds `.text`, `.number`, `.blankMarker` and
  /// `.empty`) and returns the line's layout; nil, appending nothing, for a Markdown separator row
  /// (`|---|---|`) or a blank line. `fields` is a buffer the caller keeps from line to line.
  static func tokenize(
    _ source: SourceText,
    range: Range<Int>,
    line: Int,
    fields: inout [Range<Int>],
    into tokens: inout [StreamToken]
  ) -> StreamToken.Layout? {
    let bytes = source.utf8
    let found: StreamToken.Layout? = bytes.withUnsafeBufferPointer { buffer in
      var firstNonSpace = range.lowerBound
      while firstNonSpace < range.upperBound, buffer[firstNonSpace] == 0x20 || buffer[firstNonSpace] == 0x09 {
        firstNonSpace += 1
      }
      if firstNonSpace == range.upperBound { return nil }
      if buffer[firstNonSpace] == 0x7C { return .markdown }
      return containsTab(buffer, range) ? .tabs : .spaces
    }
    guard let layout = found else { return nil }
    // Emptied field by field: a line holds a few, and `removeAll(keepingCapacity:)` costs more.
    while !fields.isEmpty { fields.removeLast() }
    switch layout {
    case .spaces:
      fields.append(range)
    case .tabs, .markdown:
      let separator: UInt8 = layout == .tabs ? 0x09 : 0x7C
      bytes.withUnsafeBufferPointer { buffer in
        var start = range.lowerBound
        for index in range where buffer[index] == separator {
          fields.append(start..<index)
          start = index + 1
        }
        fields.append(start..<range.upperBound)
      }
      if layout == .markdown {
        // Drop what stands before the first pipe and after the last one.
        fields.removeFirst()
        if let last = fields.last, isBlank(bytes, last) { fields.removeLast() }
        if fields.allSatisfy({ isMarkdownRule(bytes, $0) }) { return nil }
      }
    }
    for field in fields {
      let trimmed = TextBytes.trim(source, field)
      if trimmed.isEmpty {
        if layout != .spaces { tokens.append(StreamToken(kind: .empty, range: trimmed, line: line, layout: layout)) }
        continue
      }
      appendWords(source, trimmed, line: line, layout: layout, to: &tokens)
    }
    return layout
  }

  /// Whether a range of bytes holds a tab, read eight bytes at a time: most lines hold none, and
  /// each is read whole.
  private static func containsTab(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    if let base = buffer.baseAddress {
      while index + 8 <= range.upperBound {
        if EightBytes.holds(EightBytes.load(base, at: index), 0x09) { return true }
        index += 8
      }
    }
    while index < range.upperBound {
      if buffer[index] == 0x09 { return true }
      index += 1
    }
    return false
  }

  /// The ranges of the space-separated words of a range.
  static func words(_ source: SourceText, _ range: Range<Int>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    forEachWord(source, range) { words.append($0) }
    return words
  }

  /// Calls `body` with each space-separated word of a range, in order, without building an array.
  static func forEachWord(_ source: SourceText, _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
    source.utf8.withUnsafeBufferPointer { bytes in
      let end = range.upperBound
      var index = range.lowerBound
      while index < end {
        let space = TextBytes.spaceWidth(bytes, index)
        if space > 0 {
          index += space
          continue
        }
        let wordStart = index
        while index < end {
          // Letters, digits and most CJK characters (lead bytes E4 to EE) are no space.
          let b = bytes[index]
          if b > 0x20 && b < 0x80 {
            index += 1
          } else if b >= 0xE4 && b <= 0xEE {
            index += 3
          } else if TextBytes.spaceWidth(bytes, index) > 0 {
            break
          } else {
            // The rest of a character that is no space is no space either.
            index += TextBytes.scalarWidth(b)
          }
        }
        index = min(index, end)
        body(wordStart..<index)
      }
    }
  }

  /// Splits a cell into space-separated words, classifies them, and merges neighbouring text
  /// words back into one text token.
  private static func appendWords(
    _ source: SourceText,
    _ range: Range<Int>,
    line: Int,
    layout: StreamToken.Layout,
    to tokens: inout [StreamToken]
  ) {
    let bytes = source.utf8
    var pendingText: Range<Int>?
    func flushText() {
      if let text = pendingText {
        // The words of a text token are read from the source when needed.
        tokens.append(StreamToken(kind: .text, range: text, line: line, layout: layout))
        pendingText = nil
      }
    }
    func append(_ word: Range<Int>) {
      if mightBeValue(bytes, word) {
        let kind = classifyASCII(bytes, word) ?? (opensAsText(bytes, word) ? .text : classify(source, word))
        if kind != .text {
          flushText()
          tokens.append(StreamToken(kind: kind, range: word, line: line, layout: layout))
          return
        }
      }
      pendingText = pendingText.map { $0.lowerBound..<word.upperBound } ?? word
    }
    forEachWord(source, range, append)
    flushText()
  }

  /// A cheap look at the first byte: words that start with a letter or a CJK character are text.
  static func mightBeValue(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
    let first = bytes[word.lowerBound]
    switch first {
    case 0x30...0x39, 0x2D, 0x2B, 0x2F, 0x5C, 0x4E, 0x6E: return true  // digits - + / \ N n
    case 0xE2: return true  // — – ― − ─
    case 0xEF: return word.count >= 3 && bytes[word.lowerBound + 1] == 0xBC  // full-width digits and signs
    default: return false
    }
  }

  /// A word longer than any blank marker whose first character, width-folded, is no digit and no
  /// sign: ``classify(_:_:)`` finds it text; told from the bytes, without a `String`.
  private static func opensAsText(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
    guard word.count > 6 else { return false }
    let first = LabelText.widthFolded(SourceText.decode(bytes, word.lowerBound).0)
    return !(first.isASCIIDigit || first == "-" || first == "−" || first == "+")
  }

  /// ``classify(_:_:)`` for a word of ASCII bytes, read in place; nil for any other word.
  static func classifyASCII(_ bytes: [UInt8], _ word: Range<Int>) -> StreamToken.Kind? {
    var sawDigit = false
    var sawPoint = false
    var digitsAfterPoint = 0
    var previousComma = false
    var isNumber = true
    for index in word {
      let b = bytes[index]
      if b >= 0x80 { return nil }
      guard isNumber else { continue }
      if b >= 0x30 && b <= 0x39 {
        sawDigit = true
        previousComma = false
        if sawPoint { digitsAfterPoint += 1 }
      } else if index == word.lowerBound && (b == 0x2D || b == 0x2B) {
        continue
      } else if b == 0x2E && !sawPoint && sawDigit {
        sawPoint = true
      } else if b == 0x2C && sawDigit && !sawPoint && !previousComma {
        previousComma = true
      } else {
        isNumber = false
      }
    }
    let first = bytes[word.lowerBound]
    if !(0x30...0x39).contains(first), word.count <= 6,
      asciiBlankMarkers.contains(where: { $0.elementsEqual(bytes[word]) })
    {
      return .blankMarker
    }
    if !isNumber || !sawDigit || previousComma || (sawPoint && digitsAfterPoint == 0) { return .text }
    return .number
  }

  private static let asciiBlankMarkers: [[UInt8]] = TextBytes.blankMarkers
    .filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    .map { Array($0.utf8) }

  /// What a word of the source is: a blank marker (`—`, `/`, `无`), a number (digits with a sign,
  /// a point or thousands commas) or text. A `String` is made only for a word that may be a blank
  /// marker, which is compared as text; digits, signs and points are read in place.
  static func classify(_ source: SourceText, _ word: Range<Int>) -> StreamToken.Kind {
    let bytes = source.utf8
    let lower = source.scalarStart(atOrBefore: max(0, min(word.lowerBound, bytes.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(word.upperBound, bytes.count)))
    if lower < upper, !(0x30...0x39).contains(bytes[lower]), upper - lower <= 6,
      TextBytes.blankMarkers.contains(source.text(lower..<upper))
    {
      return .blankMarker
    }
    var sawDigit = false
    var sawPoint = false
    var digitsAfterPoint = 0
    var previousComma = false
    var offset = lower
    while offset < upper {
      let (scalar, width) = SourceText.decode(bytes, offset)
      let s = LabelText.widthFolded(scalar)
      let first = offset == lower
      offset += width
      if s.isASCIIDigit {
        sawDigit = true
        previousComma = false
        if sawPoint { digitsAfterPoint += 1 }
      } else if first && (s == "-" || s == "−" || s == "+") {
        continue
      } else if s == "." && !sawPoint && sawDigit {
        sawPoint = true
      } else if s == "," && sawDigit && !sawPoint && !previousComma {
        previousComma = true
      } else {
        return .text
      }
    }
    if !sawDigit || previousComma || (sawPoint && digitsAfterPoint == 0) { return .text }
    return .number
  }

  private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  private static func isMarkdownRule(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var sawDash = false
    for b in bytes[range] {
      if b == 0x2D { sawDash = true } else if b != 0x3A && b != 0x20 && b != 0x09 { return false }
    }
    return sawDash
  }
}

extension StreamToken {
  /// The cell a value token stands for.
  func cell(_ source: SourceText, allowDecimal: Bool, allowNegative: Bool) -> Cell {
    switch kind {
    case .empty, .blankMarker:
      return Cell(range: range, content: .blank)
    case .text, .invalid:
      return Cell(range: range, content: .invalid(source.text(range)))
    case .number:
      // Most values are a few ASCII digits: read from the bytes, without a `String`.
      if let integer = Self.shortASCIIInteger(source.utf8, range) {
        return Cell(range: range, content: .integer(integer))
      }
      let text = source.text(range)
      if text.utf8.count <= 7, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let integer = Int(text) {
        return Cell(range: range, content: .integer(integer))
      }
      let ascii = LabelText.asciiDigits(text).replacingMinus()
      if let integer = Int(ascii.hasPrefix("+") ? String(ascii.dropFirst()) : ascii) {
        if (integer < 0 && !allowNegative) || abs(integer) > Cell.largestValue {
          return Cell(range: range, content: .invalid(text))
        }
        return Cell(range: range, content: .integer(integer))
      }
      if let value = Double(ascii) {
        if value < 0 && !allowNegative { return Cell(range: range, content: .invalid(text)) }
        return Cell(range: range, content: allowDecimal ? .decimal(value) : .invalid(text))
      }
      return Cell(range: range, content: .invalid(text))
    }
  }
}

extension StreamToken {
  /// The value of one to seven ASCII digits, else nil.
  fileprivate static func shortASCIIInteger(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    guard !range.isEmpty, range.count <= 7, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
    var value = 0
    for index in range {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }
}

extension String {
  func replacingMinus() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "−" ? "-" : $0 }))
  }
}
