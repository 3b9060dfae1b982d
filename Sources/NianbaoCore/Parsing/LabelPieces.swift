/// A label, or one level of a label: `（三）不予公开` and `1.属于国家秘密` are two pieces of
/// one table row.
struct LabelPiece: Sendable, Hashable {
  var range: Range<Int>
  var text: String
  var normalized: NormalizedLabel
  /// Whether the piece continues over more than one line.
  var spansLines: Bool = false
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
    if !mayHoldMore { return [piece(source, LineTokenizer.trim(source, range))] }
    let scalars = scalarsWithOffsets(source, range)
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
      let trimmed = LineTokenizer.trim(source, lower..<upper)
      if trimmed.isEmpty { continue }
      pieces.append(piece(source, trimmed))
    }
    return pieces
  }

  static func piece(_ source: SourceText, _ range: Range<Int>) -> LabelPiece {
    let text = source.text(range)
    return LabelPiece(range: range, text: text, normalized: LabelText.normalize(text))
  }

  /// The offset where the words of a label start: after markdown marks, numbering and spaces.
  static func wordsStart(_ source: SourceText, _ range: Range<Int>) -> Int {
    let scalars = scalarsWithOffsets(source, range)
    var folded: [Unicode.Scalar] = []
    var offsets: [Int] = []
    for (scalar, offset) in scalars where !LabelText.isSpace(LabelText.widthFolded(scalar)) {
      folded.append(LabelText.widthFolded(scalar))
      offsets.append(offset)
    }
    var index = 0
    while index < folded.count, folded[index] == "#" || folded[index] == "-" || folded[index] == "*" { index += 1 }
    if let (_, length) = LabelText.readNumbering(folded, at: index) { index += length }
    return index < offsets.count ? offsets[index] : range.upperBound
  }

  static func scalarsWithOffsets(_ source: SourceText, _ range: Range<Int>) -> [(scalar: Unicode.Scalar, offset: Int)] {
    var result: [(Unicode.Scalar, Int)] = []
    var offset = range.lowerBound
    for scalar in source.text(range).unicodeScalars {
      result.append((scalar, offset))
      offset += scalar.utf8.count
    }
    return result
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

/// Splits a run of digits into a given number of values, keeping only the splits a table's own
/// sums accept.
enum RunTogetherSolver {
  struct Result {
    var solutions: [[Int]]
    /// Splits found, counting up to the cap.
    var count: Int
  }

  static func solve(digits: [Int], into count: Int, accept: ([Int]) -> Bool, cap: Int = 64) -> Result {
    var solutions: [[Int]] = []
    var found = 0
    var current: [Int] = []
    var steps = 0
    func search(_ start: Int) {
      if found >= cap || steps > 2_000_000 { return }
      steps += 1
      let remainingValues = count - current.count
      let remainingDigits = digits.count - start
      if remainingValues == 0 {
        if remainingDigits == 0, accept(current) {
          found += 1
          if solutions.count < 2 { solutions.append(current) }
        }
        return
      }
      if remainingDigits < remainingValues || remainingDigits > remainingValues * 9 { return }
      let maxLength = digits[start] == 0 ? 1 : min(9, remainingDigits - (remainingValues - 1))
      var value = 0
      for length in 1...max(1, maxLength) {
        value = value * 10 + digits[start + length - 1]
        current.append(value)
        search(start + length)
        current.removeLast()
      }
    }
    search(0)
    return Result(solutions: solutions, count: found)
  }

  /// Reads run-together digits as `count` cells when exactly one split is accepted.
  static func read(
    _ together: (range: Range<Int>, digits: [Int], ranges: [Range<Int>]),
    into count: Int,
    accept: ([Int]) -> Bool
  ) -> (RunTogether, [Cell]) {
    let result = solve(digits: together.digits, into: count, accept: accept)
    let split = result.count == 1 ? result.solutions[0] : nil
    let info = RunTogether(
      range: together.range,
      digits: together.digits.map(String.init).joined(),
      split: split,
      candidateCount: result.count
    )
    guard let split else { return (info, []) }
    var cursor = 0
    let cells = split.map { value in
      let length = String(value).count
      let range = together.ranges[cursor].lowerBound..<together.ranges[cursor + length - 1].upperBound
      cursor += length
      return Cell(range: range, content: .integer(value))
    }
    return (info, cells)
  }

  /// The digits at the end of a text token, with the byte range of each digit.
  static func trailingDigits(
    _ source: SourceText,
    _ range: Range<Int>
  ) -> (label: Range<Int>, digits: [Int], ranges: [Range<Int>])? {
    let scalars = LabelPieces.scalarsWithOffsets(source, range)
    var digits: [Int] = []
    var ranges: [Range<Int>] = []
    var k = scalars.count - 1
    while k >= 0 {
      let f = LabelText.widthFolded(scalars[k].scalar)
      guard f.isASCII, let d = Int(String(f)) else { break }
      let end = k + 1 < scalars.count ? scalars[k + 1].offset : range.upperBound
      digits.insert(d, at: 0)
      ranges.insert(scalars[k].offset..<end, at: 0)
      k -= 1
    }
    guard !digits.isEmpty else { return nil }
    let labelEnd = k >= 0 ? ranges[0].lowerBound : range.lowerBound
    return (range.lowerBound..<labelEnd, digits, ranges)
  }
}
