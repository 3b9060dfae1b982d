/// A label, or one level of a label: `（三）不予公开` and `1.属于国家秘密` are two pieces of
/// one table row.
struct LabelPiece: Sendable, Hashable {
  var range: Range<Int>
  var normalized: NormalizedLabel
}

enum LabelPieces {
  /// Splits label text where a numbering starts: `三、本年度办理结果（一）予以公开` gives two
  /// pieces.
  static func split(_ source: SourceText, _ range: Range<Int>) -> [LabelPiece] {
    // Most labels hold one piece: nothing after their first character can start a numbering.
    let bytes = source.utf8
    var mayHoldMore = false
    var index = range.lowerBound + 1
    while index < range.upperBound {
      let b = bytes[index]
      if b == 0x28 || (b >= 0x30 && b <= 0x39) || b == 0x20 || b == 0x09
        || (b == 0xEF && index + 2 < range.upperBound && bytes[index + 1] == 0xBC
          && (bytes[index + 2] == 0x88 || (bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0x99)))
        || (b == 0xE3 && index + 2 < range.upperBound && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80)
      {
        mayHoldMore = true
        break
      }
      index += 1
    }
    if !mayHoldMore { return [piece(source, TextBytes.trim(source, range))] }
    let scalars = source.scalarsWithOffsets(range)
    var boundaries: [Int] = [0]
    var i = 1
    while i < scalars.count {
      if startsNumbering(scalars, at: i) { boundaries.append(i) }
      i += 1
    }
    var pieces: [LabelPiece] = []
    for (n, start) in boundaries.enumerated() {
      let end = n + 1 < boundaries.count ? boundaries[n + 1] : scalars.count
      let lower = scalars[start].offset
      let upper = end < scalars.count ? scalars[end].offset : range.upperBound
      let trimmed = TextBytes.trim(source, lower..<upper)
      if trimmed.isEmpty { continue }
      pieces.append(piece(source, trimmed))
    }
    return pieces
  }

  static func piece(_ source: SourceText, _ range: Range<Int>) -> LabelPiece {
    LabelPiece(range: range, normalized: LabelText.normalize(source, range))
  }

  /// The offset where the words of a label start: after markdown marks, numbering and spaces.
  static func wordsStart(_ source: SourceText, _ range: Range<Int>) -> Int {
    // The range is clamped and rounded like ``SourceText/scalarsWithOffsets(_:)``.
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, source.utf8.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, source.utf8.count)))
    // The folded scalars that are not spaces, and where each starts, in temporary buffers.
    return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: upper - lower) { folded in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: upper - lower) { offsets in
        var count = 0
        source.utf8.withUnsafeBufferPointer { bytes in
          var offset = lower
          while offset < upper {
            let (f, width) = LabelText.decodeFolded(bytes, offset)
            if !LabelText.isSpace(f) {
              folded.initializeElement(at: count, to: f)
              offsets.initializeElement(at: count, to: offset)
              count += 1
            }
            offset += width
          }
        }
        let scalars = UnsafeBufferPointer(rebasing: folded[..<count])
        var index = 0
        while index < count, scalars[index] == "#" || scalars[index] == "-" || scalars[index] == "*" { index += 1 }
        if let (_, length) = LabelText.readNumbering(scalars, at: index) { index += length }
        return index < count ? offsets[index] : range.upperBound
      }
    }
  }

  private static func startsNumbering(_ s: [(scalar: Unicode.Scalar, offset: Int)], at i: Int) -> Bool {
    let current = LabelText.widthFolded(s[i].scalar)
    let previous = LabelText.widthFolded(s[i - 1].scalar)
    let afterSpace = LabelText.isSpace(previous)
    func folded(_ k: Int) -> Unicode.Scalar? { k < s.count ? LabelText.widthFolded(s[k].scalar) : nil }
    if current == "(" {
      var k = i + 1
      while let f = folded(k), LabelText.chineseDigits[f] != nil { k += 1 }
      return k > i + 1 && folded(k) == ")"
    }
    if LabelText.chineseDigits[current] != nil, afterSpace || previous == ")" {
      let next = folded(i + 1)
      return next == "、" || next == "."
    }
    if current.isASCIIDigit {
      if previous.isASCIIDigit { return false }
      guard afterSpace || !previous.isASCII || previous == ")" else { return false }
      var k = i + 1
      while let f = folded(k), f.isASCIIDigit { k += 1 }
      guard let mark = folded(k), mark == "." || mark == "、" else { return false }
      if let after = folded(k + 1), after.isASCIIDigit { return false }
      return k - i <= 2
    }
    return false
  }
}
