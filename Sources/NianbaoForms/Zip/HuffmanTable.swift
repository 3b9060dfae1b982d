/// A canonical Huffman code (RFC 1951 §3.2.2) as one flat lookup table: indexed by the next
/// `bits` bits of the stream (least significant first, as deflate packs them), each entry holds
/// the symbol and its code length, so one lookup decodes one symbol.
struct HuffmanTable: Sendable {
  /// `symbol << 4 | length`; 0 where no code of the set begins with those bits.
  let entries: [UInt16]
  /// The longest code length: how many bits a lookup needs.
  let bits: Int

  /// The code of `lengths` (a code length per symbol, 0 for an unused symbol), or nil when the
  /// lengths over-subscribe the code space (more codes than bit patterns) or use no symbol.
  init?(lengths: some Collection<UInt8>) {
    var counts = [Int](repeating: 0, count: 16)
    for length in lengths where length > 0 {
      guard length <= 15 else { return nil }
      counts[Int(length)] += 1
    }
    guard let longest = counts.lastIndex(where: { $0 > 0 }), longest > 0 else { return nil }
    // Over-subscribed: fewer bit patterns than codes at some length.
    var left = 1
    for length in 1...15 {
      left = left << 1 - counts[length]
      guard left >= 0 else { return nil }
    }
    // The first code of each length (RFC 1951 §3.2.2, step 2).
    var next = [Int](repeating: 0, count: 16)
    var code = 0
    for length in 1...15 {
      code = (code + counts[length - 1]) << 1
      next[length] = code
    }
    next[0] = 0
    var entries = [UInt16](repeating: 0, count: 1 << longest)
    for (symbol, length) in lengths.enumerated() where length > 0 {
      let length = Int(length)
      var reversed = 0
      var value = next[length]
      next[length] += 1
      for _ in 0..<length {
        reversed = reversed << 1 | value & 1
        value >>= 1
      }
      let entry = UInt16(symbol << 4 | length)
      var index = reversed
      while index < entries.count {
        entries[index] = entry
        index += 1 << length
      }
    }
    self.entries = entries
    self.bits = longest
  }

  private init(entries: [UInt16], bits: Int) {
    self.entries = entries
    self.bits = bits
  }

  /// The distance code of a block that gives none (only literals): any use of it is invalid.
  static let unusable = HuffmanTable(entries: [0, 0], bits: 1)
}
