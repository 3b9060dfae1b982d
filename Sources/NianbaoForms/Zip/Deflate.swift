/// A small deflate encoder (RFC 1951): LZ77 matches found through hash chains, written as one
/// block with the fixed Huffman codes. XML shrinks to a fifth or less, and any inflater reads it;
/// Word's own stronger compression is not needed for a part written back by `--fix`.
package enum Deflate {
  /// A raw deflate stream (no zlib or gzip wrapper) of `input`.
  package static func compress(_ input: [UInt8]) -> [UInt8] {
    var writer = BitWriter()
    writer.output.reserveCapacity(input.count / 4 + 64)
    writer.write(1, count: 1)  // the last block
    writer.write(1, count: 2)  // fixed Huffman codes
    input.withUnsafeBufferPointer { input in
      var matcher = Matcher(input: input)
      var position = 0
      while position < input.count {
        if let (length, distance) = matcher.longestMatch(at: position) {
          writer.writeLength(length)
          writer.writeDistance(distance)
          for skipped in position + 1..<position + length { matcher.insert(skipped) }
          position += length
        } else {
          writer.writeLiteral(Int(input[position]))
          position += 1
        }
      }
    }
    writer.writeLiteral(256)
    writer.flush()
    return writer.output
  }
}

/// Finds earlier occurrences of the bytes at a position: the last position of every 3-byte hash
/// and, for each position, the one before it with the same hash.
private struct Matcher {
  static let window = 32768
  static let hashBits = 15
  /// How many earlier positions are tried: enough for XML, bounded for speed.
  static let chainLimit = 48

  let input: UnsafeBufferPointer<UInt8>
  var head = [Int32](repeating: -1, count: 1 << Matcher.hashBits)
  var previous: [Int32]

  init(input: UnsafeBufferPointer<UInt8>) {
    self.input = input
    previous = [Int32](repeating: -1, count: input.count)
  }

  func hash(_ position: Int) -> Int {
    let value = UInt32(input[position]) << 16 | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2])
    return Int((value &* 2_654_435_761) >> UInt32(32 - Matcher.hashBits))
  }

  mutating func insert(_ position: Int) {
    guard position + 2 < input.count else { return }
    let key = hash(position)
    previous[position] = head[key]
    head[key] = Int32(position)
  }

  /// The longest earlier match of 3 to 258 bytes within the window, and inserts `position`.
  mutating func longestMatch(at position: Int) -> (length: Int, distance: Int)? {
    guard position + 2 < input.count else { return nil }
    let key = hash(position)
    var candidate = Int(head[key])
    previous[position] = head[key]
    head[key] = Int32(position)
    let limit = min(258, input.count - position)
    var bestLength = 2
    var bestDistance = 0
    var tries = Matcher.chainLimit
    while candidate >= 0, position - candidate <= Matcher.window, tries > 0 {
      tries -= 1
      if input[candidate + bestLength] == input[position + bestLength] || bestLength == 2 {
        var length = 0
        while length < limit, input[candidate + length] == input[position + length] { length += 1 }
        if length > bestLength {
          bestLength = length
          bestDistance = position - candidate
          if length == limit { break }
        }
      }
      candidate = Int(previous[candidate])
    }
    return bestLength >= 3 ? (bestLength, bestDistance) : nil
  }
}

/// Bits written least significant first, as deflate packs them; Huffman codes bit-reversed.
private struct BitWriter {
  var output: [UInt8] = []
  var buffer: UInt64 = 0
  var count = 0

  mutating func write(_ value: Int, count bits: Int) {
    buffer |= UInt64(value) << UInt64(count)
    count += bits
    while count >= 8 {
      output.append(UInt8(truncatingIfNeeded: buffer))
      buffer >>= 8
      count -= 8
    }
  }

  mutating func flush() {
    if count > 0 { output.append(UInt8(truncatingIfNeeded: buffer)) }
    buffer = 0
    count = 0
  }

  /// A fixed-code symbol of the literal/length alphabet (RFC 1951 §3.2.6).
  mutating func writeLiteral(_ symbol: Int) {
    let (code, length) =
      switch symbol {
      case 0..<144: (0x30 + symbol, 8)
      case 144..<256: (0x190 + symbol - 144, 9)
      case 256..<280: (symbol - 256, 7)
      default: (0xC0 + symbol - 280, 8)
      }
    write(reversed(code, length), count: length)
  }

  mutating func writeLength(_ length: Int) {
    var index = 28
    while Int(Deflate.lengthBase[index]) > length { index -= 1 }
    writeLiteral(257 + index)
    write(length - Int(Deflate.lengthBase[index]), count: Int(Deflate.lengthExtra[index]))
  }

  mutating func writeDistance(_ distance: Int) {
    var index = 29
    while Int(Deflate.distanceBase[index]) > distance { index -= 1 }
    write(reversed(index, 5), count: 5)
    write(distance - Int(Deflate.distanceBase[index]), count: Int(Deflate.distanceExtra[index]))
  }

  func reversed(_ code: Int, _ length: Int) -> Int {
    var result = 0
    var code = code
    for _ in 0..<length {
      result = result << 1 | code & 1
      code >>= 1
    }
    return result
  }
}

extension Deflate {
  fileprivate static let lengthBase = Inflate.lengthBase
  fileprivate static let lengthExtra = Inflate.lengthExtra
  fileprivate static let distanceBase = Inflate.distanceBase
  fileprivate static let distanceExtra = Inflate.distanceExtra
}
