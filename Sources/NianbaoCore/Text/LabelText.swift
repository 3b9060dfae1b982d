/// The numbering in front of a heading or a table label.
public enum Numbering: Sendable, Hashable {
  /// `一、` `一.` `一，`
  case chinese(Int)
  /// `（一）` `(一)`
  case parenthesized(Int)
  /// `1.` `1、` `1．`
  case arabic(Int)
}

/// A label reduced to what identifies it: its numbering and its words, with full-width and
/// half-width forms folded, and spaces, punctuation and parenthetical notes removed.
public struct NormalizedLabel: Sendable, Hashable {
  public var numbering: Numbering?
  public var key: LabelKey
}

public enum LabelText {
  /// `一` … `十` and their values; a switch, not a dictionary, because labels are read often.
  struct ChineseDigits: Sendable {
    subscript(_ scalar: Unicode.Scalar) -> Int? {
      switch scalar.value {
      case 0x4E00: return 1  // 一
      case 0x4E8C: return 2  // 二
      case 0x4E09: return 3  // 三
      case 0x56DB: return 4  // 四
      case 0x4E94: return 5  // 五
      case 0x516D: return 6  // 六
      case 0x4E03: return 7  // 七
      case 0x516B: return 8  // 八
      case 0x4E5D: return 9  // 九
      case 0x5341: return 10  // 十
      default: return nil
      }
    }
  }
  static let chineseDigits = ChineseDigits()

  /// Folds full-width ASCII forms (`（` `１` `：`) to ASCII, the ideographic space to a space,
  /// and curly quotes to straight ones.
  public static func widthFolded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value
    if value >= 0xFF01 && value <= 0xFF5E { return Unicode.Scalar(value - 0xFEE0)! }
    switch value {
    case 0x3000, 0x00A0: return " "
    case 0x201C, 0x201D, 0x300C, 0x300D: return "\""
    case 0x2018, 0x2019: return "'"
    case 0xFF0E: return "."
    default: return scalar
    }
  }

  public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x3000, 0x00A0, 0xFEFF, 0x200B: return true
    default: return false
    }
  }

  /// Punctuation that does not identify a label: `"'`:;,.!?、，。：；！？·・-—–_*~#|/\\<>《》〈〉`.
  struct DroppedPunctuation: Sendable {
    func contains(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x22, 0x27, 0x60, 0x3A, 0x3B, 0x2C, 0x2E, 0x21, 0x3F, 0x2D, 0x5F, 0x2A, 0x7E, 0x23, 0x7C, 0x2F, 0x5C,
        0x3C, 0x3E:
        return true
      case 0x3001, 0xFF0C, 0x3002, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x00B7, 0x30FB, 0x2014, 0x2013, 0x300A, 0x300B,
        0x3008, 0x3009:
        return true
      default: return false
      }
    }
  }
  static let droppedPunctuation = DroppedPunctuation()

  /// Reads the numbering at the start of a label and reduces the rest to its identifying words.
  public static func normalize(_ text: some StringProtocol) -> NormalizedLabel {
    if let label = text.utf8.withContiguousStorageIfAvailable({ normalize(utf8: $0) }) { return label }
    return Array(text.utf8).withUnsafeBufferPointer { normalize(utf8: $0) }
  }

  /// ``normalize(_:)`` of a range of the source, read in place; the range is clamped and rounded
  /// like ``SourceText/text(_:)``.
  static func normalize(_ source: SourceText, _ range: Range<Int>) -> NormalizedLabel {
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, source.utf8.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, source.utf8.count)))
    return source.utf8.withUnsafeBufferPointer { normalize(utf8: UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
  }

  /// The numbering at the start of a label, read without reducing its words.
  public static func numbering(of text: some StringProtocol) -> Numbering? {
    if let numbering = text.utf8.withContiguousStorageIfAvailable({ numbering(utf8: $0) }) { return numbering }
    return Array(text.utf8).withUnsafeBufferPointer { numbering(utf8: $0) }
  }

  /// ``numbering(of:)`` of a range of the source, read in place; the range is clamped and
  /// rounded like ``SourceText/text(_:)``.
  static func numbering(_ source: SourceText, _ range: Range<Int>) -> Numbering? {
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, source.utf8.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, source.utf8.count)))
    return source.utf8.withUnsafeBufferPointer { numbering(utf8: UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
  }

  private static func numbering(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Numbering? {
    guard !bytes.isEmpty else { return nil }
    return readingFolded(bytes) { _, _, numbering in numbering }
  }

  /// ``normalize(_:)`` of valid UTF-8.
  private static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> NormalizedLabel {
    guard !bytes.isEmpty else { return NormalizedLabel(numbering: nil, key: .empty) }
    return readingFolded(bytes) { folded, wordsStart, numbering in
      NormalizedLabel(numbering: numbering, key: key(folded, from: wordsStart, within: bytes.count))
    }
  }

  /// Calls `body` with the label's scalars, width-folded and without spaces, in a temporary
  /// buffer; the index where its words start (after markdown marks and numbering); and its
  /// numbering.
  private static func readingFolded<Result>(
    _ bytes: UnsafeBufferPointer<UInt8>,
    _ body: (UnsafeBufferPointer<Unicode.Scalar>, Int, Numbering?) -> Result
  ) -> Result {
    withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { buffer in
      var count = 0
      var offset = 0
      while offset < bytes.count {
        var (f, width) = decodeFolded(bytes, offset)
        offset += width
        if !isIdeograph(f) {
          if isSpace(f) { continue }
          f = canonicalSingleton(f)
        }
        buffer.initializeElement(at: count, to: f)
        count += 1
      }
      let folded = UnsafeBufferPointer(rebasing: buffer[..<count])
      var index = 0
      // Markdown heading marks and list bullets.
      while index < folded.count, folded[index] == "#" || folded[index] == "-" || folded[index] == "*" {
        index += 1
      }
      var numbering: Numbering?
      if let (value, length) = readNumbering(folded, at: index) {
        numbering = value
        index += length
      }
      let result = body(folded, index, numbering)
      buffer.baseAddress!.deinitialize(count: count)
      return result
    }
  }

  /// The key of the words from `start` on: parenthetical notes and punctuation dropped.
  /// Folding widens a scalar by a byte at most (a compatibility ideograph of three bytes stands
  /// for one of four), so the words fit in a third more than the label's own `byteCount`.
  private static func key(
    _ folded: UnsafeBufferPointer<Unicode.Scalar>,
    from start: Int,
    within byteCount: Int
  )
    -> LabelKey
  {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: byteCount + byteCount / 3 + 1) { out in
      var scalarCount = 0
      var index = start
      var written = 0
      var depth = 0
      while index < folded.count {
        let s = folded[index]
        index += 1
        if isIdeograph(s) {
          if depth == 0 {
            written += writeUTF8(s, to: out, at: written)
            scalarCount += 1
          }
          continue
        }
        if s == "(" || s == "[" || s == "【" {
          depth += 1
          continue
        }
        if s == ")" || s == "]" || s == "】" {
          depth = max(0, depth - 1)
          continue
        }
        if depth > 0 || droppedPunctuation.contains(s) { continue }
        written += writeUTF8(s, to: out, at: written)
        scalarCount += 1
      }
      return LabelKey(UnsafeBufferPointer(rebasing: out[..<written]), scalarCount: scalarCount)
    }
  }

  /// ``widthFolded(_:)`` of the scalar that starts at byte `i`, and its width. Ideographs
  /// (U+4000–U+9FFF, lead bytes E4–E9), most of any label, are neither folded nor spaces nor
  /// punctuation: they take the short way.
  @inline(__always)
  static func decodeFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: Unicode.Scalar, width: Int) {
    let b0 = bytes[i]
    if b0 >= 0xE4 && b0 <= 0xE9 {
      return (Unicode.Scalar(SourceText.threeByteValue(bytes, i)) ?? " ", 3)
    }
    let (scalar, width) = decode(bytes, i)
    return (widthFolded(scalar), width)
  }

  /// Whether a scalar is an ideograph of U+4000–U+9FFF, which ``decodeFolded(_:_:)`` leaves as
  /// it is.
  @inline(__always) static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x4000 && scalar.value < 0xA000
  }

  /// The scalar that starts at byte `i`, and its width: ``SourceText/decode(_:_:)`` over a
  /// buffer.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
    SourceText.decode(bytes, i)
  }

  /// Writes a scalar's UTF-8 bytes at `offset`; returns how many.
  @inline(__always)
  private static func writeUTF8(
    _ scalar: Unicode.Scalar,
    to bytes: UnsafeMutableBufferPointer<UInt8>,
    at offset: Int
  )
    -> Int
  {
    let value = scalar.value
    switch value {
    case 0..<0x80:
      bytes[offset] = UInt8(value)
      return 1
    case 0x80..<0x800:
      bytes[offset] = UInt8(0xC0 | (value >> 6))
      bytes[offset + 1] = UInt8(0x80 | (value & 0x3F))
      return 2
    case 0x800..<0x10000:
      bytes[offset] = UInt8(0xE0 | (value >> 12))
      bytes[offset + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
      bytes[offset + 2] = UInt8(0x80 | (value & 0x3F))
      return 3
    default:
      bytes[offset] = UInt8(0xF0 | (value >> 18))
      bytes[offset + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
      bytes[offset + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
      bytes[offset + 3] = UInt8(0x80 | (value & 0x3F))
      return 4
    }
  }

  @inline(__always) static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
      bytes.append(UInt8(value))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | (value >> 6)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | (value >> 12)))
      bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    default:
      bytes.append(UInt8(0xF0 | (value >> 18)))
      bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (value & 0x3F)))
    }
  }

  /// Reads a numbering token at `index` of width-folded, space-free scalars.
  static func readNumbering(_ s: [Unicode.Scalar], at index: Int) -> (Numbering, Int)? {
    s.withUnsafeBufferPointer { readNumbering($0, at: index) }
  }

  static func readNumbering(_ s: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> (Numbering, Int)? {
    guard index < s.count else { return nil }
    if s[index] == "(" {
      var j = index + 1
      var value = 0
      while j < s.count, let digit = chineseDigits[s[j]] {
        value = value == 0 ? digit : (digit == 10 ? value * 10 : (value == 10 ? 10 + digit : value * 10 + digit))
        j += 1
      }
      if value > 0, j < s.count, s[j] == ")" { return (.parenthesized(value), j + 1 - index) }
      return nil
    }
    if chineseDigits[s[index]] != nil {
      var j = index
      var value = 0
      while j < s.count, let digit = chineseDigits[s[j]] {
        value = value == 0 ? digit : (digit == 10 ? value * 10 : (value == 10 ? 10 + digit : value * 10 + digit))
        j += 1
      }
      if j < s.count, s[j] == "、" || s[j] == "." || s[j] == "," || s[j] == "，" {
        return (.chinese(value), j + 1 - index)
      }
      return nil
    }
    if s[index].isASCIIDigit {
      var j = index
      var value = 0
      while j < s.count, s[j].isASCIIDigit, j - index < 3 {
        value = value * 10 + Int(s[j].value - 0x30)
        j += 1
      }
      if j < s.count, s[j] == "." || s[j] == "、" {
        if j + 1 < s.count, s[j + 1].isASCIIDigit { return nil }
        return (.arabic(value), j + 1 - index)
      }
    }
    return nil
  }

  /// Similarity of two strings by their longest common subsequence: 1 for equal, 0 for disjoint.
  public static func similarity(_ a: String, _ b: String) -> Double {
    similarity(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  /// ``similarity(_:_:)`` of scalars already taken out of their strings: the matchers compare one
  /// piece of text with every label of the format.
  static func similarity(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Double {
    if x.isEmpty || y.isEmpty { return 0 }
    var rows = [Int](repeating: 0, count: 2 * (y.count + 1))
    let common = rows.withUnsafeMutableBufferPointer { rows in
      x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          // The longest common subsequence, one row of the table at a time.
          var previous = 0
          var current = y.count + 1
          for i in 0..<x.count {
            let scalar = x[i]
            for j in 1...y.count {
              rows[current + j] =
                scalar == y[j - 1] ? rows[previous + j - 1] + 1 : max(rows[previous + j], rows[current + j - 1])
            }
            swap(&previous, &current)
          }
          return rows[previous + y.count]
        }
      }
    }
    return 2 * Double(common) / Double(x.count + y.count)
  }

  /// Converts full-width digits to ASCII digits and drops thousands separators.
  static func asciiDigits(_ text: some StringProtocol) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let f = widthFolded(scalar)
      if f == "," { continue }
      appendUTF8(f, to: &out)
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension Unicode.Scalar {
  /// `0`–`9` (after width folding, full-width digits are ASCII too).
  @inline(__always) var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}

extension StringProtocol {
  /// Whether the UTF-8 bytes of `needle` occur in this string: a plain byte search, much faster
  /// than `contains(_:)` for the short Chinese key words the rules look for.
  func has(_ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    return pattern.withUnsafeBufferPointer { pattern in
      (utf8.withContiguousStorageIfAvailable { $0.firstOffset(of: pattern) }
        ?? Array(utf8).withUnsafeBufferPointer { $0.firstOffset(of: pattern) }) != nil
    }
  }
}

extension String {
  /// The string with every occurrence of `needle`'s UTF-8 bytes taken out, left to right:
  /// `replacing(_:with: "")` without the Unicode machinery, which cost more than the rules that
  /// used it.
  /// The bytes are read in place, and copied only when the needle is there.
  func removingBytes(of needle: String) -> String {
    var text = self
    var needle = needle
    let removed: [UInt8]? = text.withUTF8 { bytes in
      needle.withUTF8 { pattern in
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        func matches(at index: Int) -> Bool {
          guard index + pattern.count <= bytes.count else { return false }
          for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
          return true
        }
        guard var index = bytes.indices.first(where: { bytes[$0] == pattern[0] && matches(at: $0) }) else {
          return nil
        }
        var kept = Array(bytes[..<index])
        kept.reserveCapacity(bytes.count)
        while index < bytes.count {
          if bytes[index] == pattern[0], matches(at: index) {
            index += pattern.count
          } else {
            kept.append(bytes[index])
            index += 1
          }
        }
        return kept
      }
    }
    guard let removed, removed.count != utf8.count else { return self }
    return String(decoding: removed, as: UTF8.self)
  }

  /// Whether the string's UTF-8 bytes begin with `prefix`'s: `hasPrefix` without Unicode
  /// canonical equivalence, which labels (already width-folded) do not need.
  func startsWithBytes(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

  /// The string without spaces (including full-width ones and a byte order mark) at either end.
  package func trimmingSpaces() -> String {
    let scalars = Array(unicodeScalars)
    var lower = 0
    var upper = scalars.count
    while lower < upper, LabelText.isSpace(scalars[lower]) { lower += 1 }
    while upper > lower, LabelText.isSpace(scalars[upper - 1]) { upper -= 1 }
    return String(String.UnicodeScalarView(scalars[lower..<upper]))
  }
}
