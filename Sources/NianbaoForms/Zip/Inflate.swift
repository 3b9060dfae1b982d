/// A decoder of raw deflate streams (RFC 1951): stored, fixed-Huffman and dynamic-Huffman
/// blocks, as zip's method 8 holds them. Corrupt input is an ``Error``, never a crash or an
/// endless loop: every step consumes input bits, reading past the end is caught at the next
/// refill, and the output is bounded (a zip bomb is refused, not unpacked).
package enum Inflate {
  package enum Error: Swift.Error, Equatable, Sendable {
    /// The stream ends before its last block does.
    case truncated
    /// A block header of type 3 (reserved).
    case invalidBlockType
    /// A stored block whose length and its complement disagree.
    case storedLengthMismatch
    /// A dynamic block's code lengths do not make a code (over-subscribed, no end-of-block code,
    /// a repeat with nothing to repeat or past the end).
    case invalidCodeLengths
    /// Bits that no code of the block begins with, or a length or distance symbol out of range.
    case invalidSymbol
    /// A distance back past the start of the output.
    case distanceTooFar
    /// The output would be longer than the limit given.
    case tooLarge(limit: Int)
  }

  /// The longest output decoded unless the caller says otherwise: far more than any report.
  package static let defaultLimit = 200 << 20

  /// The bytes a raw deflate stream stands for. `expectedSize` (a zip entry's declared size) is
  /// only a hint for the first allocation; `limit` bounds the output.
  package static func decompress(
    _ input: [UInt8],
    expectedSize: Int = 0,
    limit: Int = defaultLimit
  ) throws(Error) -> [UInt8] {
    let result: Result<[UInt8], Error> = input.withUnsafeBufferPointer { input in
      var decoder = Decoder(input: input, capacity: min(max(expectedSize, 1024), limit), limit: limit)
      defer { decoder.output.deallocate() }
      do throws(Error) {
        try decoder.run()
      } catch {
        return .failure(error)
      }
      return .success(Array(UnsafeBufferPointer(start: decoder.output, count: decoder.count)))
    }
    return try result.get()
  }

  static let lengthBase: [UInt16] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  static let lengthExtra: [UInt8] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distanceBase: [UInt16] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  static let distanceExtra: [UInt8] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
  /// The order in which a dynamic block lists the code lengths of the code-length code.
  fileprivate static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// The fixed codes of block type 1 (RFC 1951 §3.2.6).
  fileprivate static let fixedLiterals = HuffmanTable(
    lengths: [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
      + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8)
  )!
  fileprivate static let fixedDistances = HuffmanTable(lengths: [UInt8](repeating: 5, count: 30))!
}

/// The state of one decoding: the input and its bit buffer, the growing output.
private struct Decoder {
  let input: UnsafeBufferPointer<UInt8>
  var position = 0
  /// Input bits not yet consumed, least significant first; `bitCount` of them are valid.
  var bitBuffer: UInt64 = 0
  var bitCount = 0
  /// Zero bytes put into the bit buffer after the input ran out. Consuming any of them means the
  /// stream was cut short.
  var padding = 0
  var output: UnsafeMutablePointer<UInt8>
  var count = 0
  var capacity: Int
  let limit: Int

  init(input: UnsafeBufferPointer<UInt8>, capacity: Int, limit: Int) {
    self.input = input
    self.capacity = max(capacity, 1)
    self.output = .allocate(capacity: self.capacity)
    self.limit = limit
  }

  mutating func run() throws(Inflate.Error) {
    var last = false
    while !last {
      try refill()
      last = take(1) == 1
      switch take(2) {
      case 0: try storedBlock()
      case 1: try huffmanBlock(literals: Inflate.fixedLiterals, distances: Inflate.fixedDistances)
      case 2:
        let (literals, distances) = try dynamicTables()
        try huffmanBlock(literals: literals, distances: distances)
      default: throw .invalidBlockType
      }
    }
    if padding * 8 > bitCount { throw .truncated }
  }

  /// Tops the bit buffer up to at least 56 bits, with zero bytes past the end of the input.
  @inline(__always) mutating func refill() throws(Inflate.Error) {
    if padding * 8 > bitCount { throw .truncated }
    if position + 8 <= input.count {
      // Eight bytes at once; the bits of the byte only partly taken are taken again, in the same
      // place, by the next refill.
      let word = UInt64(littleEndian: UnsafeRawPointer(input.baseAddress! + position).loadUnaligned(as: UInt64.self))
      bitBuffer |= word << bitCount
      position += (63 - bitCount) >> 3
      bitCount |= 56
    } else {
      while bitCount <= 56 {
        if position < input.count {
          bitBuffer |= UInt64(input[position]) << bitCount
          position += 1
        } else {
          padding += 1
        }
        bitCount += 8
      }
    }
  }

  /// The next `count` bits (at most 32; the caller has refilled).
  @inline(__always) mutating func take(_ count: Int) -> Int {
    let value = Int(truncatingIfNeeded: bitBuffer & (1 << UInt64(count) - 1))
    bitBuffer >>= UInt64(count)
    bitCount -= count
    return value
  }

  @inline(__always) mutating func decode(_ table: UnsafeBufferPointer<UInt16>, bits: Int) throws(Inflate.Error) -> Int {
    let entry = table[Int(truncatingIfNeeded: bitBuffer & (1 << UInt64(bits) - 1))]
    let length = Int(entry & 15)
    guard length > 0 else { throw .invalidSymbol }
    bitBuffer >>= UInt64(length)
    bitCount -= length
    return Int(entry >> 4)
  }

  mutating func reserve(_ extra: Int) throws(Inflate.Error) {
    let needed = count + extra
    guard needed > capacity else { return }
    guard needed <= limit else { throw .tooLarge(limit: limit) }
    let newCapacity = min(max(capacity * 2, needed), limit)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: output, count: count)
    output.deallocate()
    output = grown
    capacity = newCapacity
  }

  mutating func storedBlock() throws(Inflate.Error) {
    // To the byte boundary, then LEN and NLEN.
    _ = take(bitCount & 7)
    try refill()
    let length = take(16)
    let complement = take(16)
    guard length == ~complement & 0xFFFF else { throw .storedLengthMismatch }
    // Give the whole bytes still in the bit buffer back to the input.
    let buffered = bitCount / 8 - padding
    guard buffered >= 0 else { throw .truncated }
    position -= buffered
    bitBuffer = 0
    bitCount = 0
    padding = 0
    guard input.count - position >= length else { throw .truncated }
    try reserve(length)
    (output + count).update(from: input.baseAddress! + position, count: length)
    count += length
    position += length
  }

  mutating func dynamicTables() throws(Inflate.Error) -> (HuffmanTable, HuffmanTable) {
    try refill()
    let literalCount = take(5) + 257
    let distanceCount = take(5) + 1
    let codeLengthCount = take(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else { throw .invalidCodeLengths }
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for index in 0..<codeLengthCount {
      try refill()
      codeLengthLengths[Inflate.codeLengthOrder[index]] = UInt8(take(3))
    }
    guard let codeLengths = HuffmanTable(lengths: codeLengthLengths) else { throw .invalidCodeLengths }
    var lengths = [UInt8]()
    lengths.reserveCapacity(literalCount + distanceCount)
    try codeLengths.entries.withUnsafeBufferPointer { table throws(Inflate.Error) in
      while lengths.count < literalCount + distanceCount {
        try refill()
        let symbol = try decode(table, bits: codeLengths.bits)
        let repeated: UInt8
        let times: Int
        switch symbol {
        case 0..<16:
          lengths.append(UInt8(symbol))
          continue
        case 16:
          guard let previous = lengths.last else { throw .invalidCodeLengths }
          repeated = previous
          times = 3 + take(2)
        case 17:
          repeated = 0
          times = 3 + take(3)
        default:
          repeated = 0
          times = 11 + take(7)
        }
        guard lengths.count + times <= literalCount + distanceCount else { throw .invalidCodeLengths }
        lengths.append(contentsOf: repeatElement(repeated, count: times))
      }
    }
    guard lengths[256] > 0, let literals = HuffmanTable(lengths: lengths[0..<literalCount]) else {
      throw .invalidCodeLengths
    }
    let distanceLengths = lengths[literalCount...]
    // A block of literals only may give no distance code at all; any use of one is then invalid.
    if distanceLengths.allSatisfy({ $0 == 0 }) { return (literals, .unusable) }
    guard let distances = HuffmanTable(lengths: distanceLengths) else { throw .invalidCodeLengths }
    return (literals, distances)
  }

  mutating func huffmanBlock(literals: HuffmanTable, distances: HuffmanTable) throws(Inflate.Error) {
    try literals.entries.withUnsafeBufferPointer { literalTable throws(Inflate.Error) in
      try distances.entries.withUnsafeBufferPointer { distanceTable throws(Inflate.Error) in
        try huffmanBlock(literalTable, literals.bits, distanceTable, distances.bits)
      }
    }
  }

  mutating func huffmanBlock(
    _ literals: UnsafeBufferPointer<UInt16>,
    _ literalBits: Int,
    _ distances: UnsafeBufferPointer<UInt16>,
    _ distanceBits: Int
  ) throws(Inflate.Error) {
    while true {
      // 56 bits cover the longest symbol: 15 + 5 extra, 15 + 13 extra.
      try refill()
      let symbol = try decode(literals, bits: literalBits)
      if symbol < 256 {
        if count == capacity { try reserve(1) }
        output[count] = UInt8(truncatingIfNeeded: symbol)
        count += 1
        continue
      }
      if symbol == 256 { return }
      let lengthIndex = symbol - 257
      guard lengthIndex < 29 else { throw .invalidSymbol }
      let length = Int(Inflate.lengthBase[lengthIndex]) + take(Int(Inflate.lengthExtra[lengthIndex]))
      let distanceSymbol = try decode(distances, bits: distanceBits)
      guard distanceSymbol < 30 else { throw .invalidSymbol }
      let distance =
        Int(Inflate.distanceBase[distanceSymbol]) + take(Int(Inflate.distanceExtra[distanceSymbol]))
      guard distance <= count else { throw .distanceTooFar }
      try reserve(length)
      let from = output + (count - distance)
      let to = output + count
      if distance >= length {
        to.update(from: from, count: length)
      } else {
        for offset in 0..<length { to[offset] = from[offset] }
      }
      count += length
    }
  }
}
