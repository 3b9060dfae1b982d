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
  public var core: String
}

public enum LabelText {
  static let chineseDigits: [Unicode.Scalar: Int] = [
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
  ]

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

  static let droppedPunctuation: Set<Unicode.Scalar> = Set(
    "\"'`:;,.!?、，。：；！？·・-—–_*~#|/\\<>《》〈〉".unicodeScalars
  )

  /// Reads the numbering at the start of a label and reduces the rest to its identifying words.
  public static func normalize(_ text: some StringProtocol) -> NormalizedLabel {
    var folded: [Unicode.Scalar] = []
    folded.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      let f = widthFolded(scalar)
      if isSpace(f) { continue }
      folded.append(f)
    }
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
    var core = String.UnicodeScalarView()
    var depth = 0
    while index < folded.count {
      let s = folded[index]
      index += 1
      if s == "(" || s == "[" || s == "【" {
        depth += 1
        continue
      }
      if s == ")" || s == "]" || s == "】" {
        depth = max(0, depth - 1)
        continue
      }
      if depth > 0 || droppedPunctuation.contains(s) { continue }
      core.append(s)
    }
    return NormalizedLabel(numbering: numbering, core: String(core))
  }

  /// Reads a numbering token at `index` of width-folded, space-free scalars.
  static func readNumbering(_ s: [Unicode.Scalar], at index: Int) -> (Numbering, Int)? {
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
      while j < s.count, s[j].isASCII, let d = Int(String(s[j])), j - index < 3 {
        value = value * 10 + d
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
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty || y.isEmpty { return 0 }
    var previous = [Int](repeating: 0, count: y.count + 1)
    var current = previous
    for i in 1...x.count {
      for j in 1...y.count {
        current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
      }
      swap(&previous, &current)
    }
    return 2 * Double(previous[y.count]) / Double(x.count + y.count)
  }

  /// Converts full-width digits to ASCII digits and drops thousands separators.
  static func asciiDigits(_ text: some StringProtocol) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let f = widthFolded(scalar)
      if f == "," { continue }
      out.append(f)
    }
    return String(out)
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
    guard let first = pattern.first else { return true }
    func search(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
      guard haystack.count >= pattern.count else { return false }
      var index = 0
      let last = haystack.count - pattern.count
      while index <= last {
        if haystack[index] == first {
          var k = 1
          while k < pattern.count, haystack[index + k] == pattern[k] { k += 1 }
          if k == pattern.count { return true }
        }
        index += 1
      }
      return false
    }
    return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
  }
}

extension String {
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
