/// The first place a byte pattern stands in a text, found by Horspool's skips: the byte under
/// the pattern's last one tells how far it can move, mostly its whole length.
struct ByteSearch: Sendable {
  let pattern: [UInt8]
  private let skip: [Int]

  init(_ pattern: [UInt8]) {
    precondition(!pattern.isEmpty)
    self.pattern = pattern
    var skip = [Int](repeating: pattern.count, count: 256)
    for k in 0..<(pattern.count - 1) { skip[Int(pattern[k])] = pattern.count - 1 - k }
    self.skip = skip
  }

  /// The offset of the first occurrence at or after `from`, or nil.
  func first(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let last = pattern.count - 1
    var index = from
    while index + last < bytes.count {
      let tail = bytes[index + last]
      if tail == pattern[last] {
        var k = 0
        while k < last, bytes[index + k] == pattern[k] { k += 1 }
        if k == last { return index }
      }
      index += skip[Int(tail)]
    }
    return nil
  }
}
