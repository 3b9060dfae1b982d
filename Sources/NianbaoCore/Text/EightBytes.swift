/// Eight bytes of a text read as one word, to pass over runs that hold none of a few bytes (line
/// breaks, tabs, the bytes a character starts with) at once.
enum EightBytes {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes from `offset` on.
  @inline(__always)
  static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// Whether one of the eight bytes of `word` is `byte`.
  @inline(__always)
  static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (UInt64(byte) &* ones)
    return (x &- ones) & ~x & highs != 0
  }

  /// Whether one of the eight bytes of `word` is below `limit` (at most 0x80).
  @inline(__always)
  static func holdsBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
    (word &- UInt64(limit) &* ones) & ~word & highs != 0
  }
}
