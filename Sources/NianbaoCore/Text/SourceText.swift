/// An immutable UTF-8 text with its line table.
///
/// Every position inside nianbao's core is a UTF-8 byte offset into ``utf8``. Conversion to the
/// units an editor or a terminal speaks happens at the edge, through ``lines``.
public struct SourceText: Sendable {
  public let string: String
  public let utf8: [UInt8]
  public let lines: LineTable

  public init(_ string: String) {
    self.string = string
    self.utf8 = Array(string.utf8)
    self.lines = LineTable(utf8: utf8)
  }

  /// The text of a byte range. The range is clamped and rounded to scalar boundaries.
  public func text(_ range: Range<Int>) -> String {
    let lower = scalarStart(atOrBefore: max(0, min(range.lowerBound, utf8.count)))
    let upper = scalarStart(atOrBefore: max(lower, min(range.upperBound, utf8.count)))
    return String(decoding: utf8[lower..<upper], as: UTF8.self)
  }

  /// The offset of the scalar that contains `offset` (rounded down over continuation bytes).
  public func scalarStart(atOrBefore offset: Int) -> Int {
    var index = max(0, min(offset, utf8.count))
    while index > 0, index < utf8.count, utf8[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }
}
