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
    // A slice of `string` at scalar boundaries is copied as it is; decoding the bytes would
    // validate them again.
    let view = string.utf8
    let start = view.index(view.startIndex, offsetBy: lower)
    return String(string[start..<view.index(start, offsetBy: upper - lower)])
  }

  /// The scalars of a byte range with the offset where each starts; the range is clamped and
  /// rounded like ``text(_:)``.
  func scalarsWithOffsets(_ range: Range<Int>) -> [(scalar: Unicode.Scalar, offset: Int)] {
    let lower = scalarStart(atOrBefore: max(0, min(range.lowerBound, utf8.count)))
    let upper = scalarStart(atOrBefore: max(lower, min(range.upperBound, utf8.count)))
    var result: [(scalar: Unicode.Scalar, offset: Int)] = []
    result.reserveCapacity(upper - lower)
    var offset = lower
    while offset < upper {
      let (scalar, width) = Self.decode(utf8, offset)
      result.append((scalar, offset))
      offset += width
    }
    return result
  }

  /// Calls `body` with the scalars of a byte range and the offset where each starts, in order,
  /// until it returns false; ``scalarsWithOffsets(_:)`` without an array.
  func forEachScalar(in range: Range<Int>, _ body: (Unicode.Scalar, Int) -> Bool) {
    let lower = scalarStart(atOrBefore: max(0, min(range.lowerBound, utf8.count)))
    let upper = scalarStart(atOrBefore: max(lower, min(range.upperBound, utf8.count)))
    var offset = lower
    while offset < upper {
      let (scalar, width) = Self.decode(utf8, offset)
      guard body(scalar, offset) else { return }
      offset += width
    }
  }

  /// The number of scalars that start in a byte range.
  func scalarCount(_ range: Range<Int>) -> Int {
    var count = 0
    for index in range where utf8[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The scalar that starts at a byte offset, or nil past the end.
  func scalar(at offset: Int) -> Unicode.Scalar? {
    guard offset >= 0, offset < utf8.count else { return nil }
    return Self.decode(utf8, scalarStart(atOrBefore: offset)).0
  }

  /// The scalar at a byte offset of valid UTF-8 (a String's bytes), and its width in bytes.
  @inline(__always)
  static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ i: Int) -> (Unicode.Scalar, Int)
  where Bytes.Index == Int {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (Unicode.Scalar(b0)!, 1) }
    if b0 < 0xE0 { return (Unicode.Scalar(((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F)) ?? " ", 2) }
    if b0 < 0xF0 { return (Unicode.Scalar(threeByteValue(bytes, i)) ?? " ", 3) }
    let value =
      ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12) | ((UInt32(bytes[i + 2]) & 0x3F) << 6)
      | (UInt32(bytes[i + 3]) & 0x3F)
    return (Unicode.Scalar(value) ?? " ", 4)
  }

  /// The value of the three-byte scalar (lead byte E0–EF) that starts at byte `i`: every CJK
  /// ideograph, most of a report.
  @inline(__always)
  static func threeByteValue<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ i: Int) -> UInt32
  where Bytes.Index == Int {
    (UInt32(bytes[i] & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F)
  }

  /// The offset of the scalar that contains `offset` (rounded down over continuation bytes).
  public func scalarStart(atOrBefore offset: Int) -> Int {
    var index = max(0, min(offset, utf8.count))
    while index > 0, index < utf8.count, utf8[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }
}

extension [UInt8] {
  /// Whether `pattern` stands at `index`, compared byte by byte: much cheaper than comparing
  /// slices, and the byte scans of the readers and rules run at every offset of the text.
  @inline(__always)
  func hasBytes(_ pattern: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + pattern.count <= count else { return false }
    for k in pattern.indices where self[index + k] != pattern[k] { return false }
    return true
  }

  /// Where `pattern` first stands in `range`, compared byte by byte; nil when it does not.
  func firstOffset(of pattern: [UInt8], in range: Range<Int>) -> Int? {
    withUnsafeBufferPointer { bytes in
      pattern.withUnsafeBufferPointer { pattern in
        UnsafeBufferPointer(rebasing: bytes[range]).firstOffset(of: pattern).map { range.lowerBound + $0 }
      }
    }
  }

  /// Whether `pattern` stands anywhere in `range`, compared byte by byte.
  func containsBytes(_ pattern: [UInt8], in range: Range<Int>) -> Bool {
    firstOffset(of: pattern, in: range) != nil
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Where `pattern`'s bytes first stand in these; nil when they do not.
  func firstOffset(of pattern: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = pattern.first else { return 0 }
    guard count >= pattern.count else { return nil }
    var index = 0
    while index <= count - pattern.count {
      if self[index] == first {
        var k = 1
        while k < pattern.count, self[index + k] == pattern[k] { k += 1 }
        if k == pattern.count { return index }
      }
      index += 1
    }
    return nil
  }
}

extension String {
  /// ``has(_:)`` for a literal, whose bytes are read where they are stored instead of being
  /// copied into an array first.
  func containsBytes(_ needle: StaticString) -> Bool {
    containsBytes(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
  }

  /// Whether `pattern`'s bytes stand anywhere in the string's UTF-8.
  func containsBytes(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    (utf8.withContiguousStorageIfAvailable { $0.firstOffset(of: pattern) }
      ?? Array(utf8).withUnsafeBufferPointer { $0.firstOffset(of: pattern) }) != nil
  }

  /// Whether the string's UTF-8 bytes begin with `prefix`.
  func startsWithBytes(_ prefix: [UInt8]) -> Bool {
    utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.count >= prefix.count else { return false }
      for k in prefix.indices where bytes[k] != prefix[k] { return false }
      return true
    } ?? utf8.starts(with: prefix)
  }
}
