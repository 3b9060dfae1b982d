/// Character data as XML spells it: the five predefined entities and numeric character
/// references decoded, anything else left as written.
enum XMLText {
  /// A piece of character data: bytes that read as themselves, or a reference that stands for
  /// other bytes.
  enum Piece: Equatable {
    case verbatim(Range<Int>)
    case reference(Range<Int>, decoded: [UInt8])
  }

  /// The pieces of `range` in `bytes`, in order.
  static func pieces(of range: Range<Int>, in bytes: [UInt8]) -> [Piece] {
    var pieces: [Piece] = []
    var start = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      guard bytes[index] == UInt8(ascii: "&"),
        let (length, decoded) = reference(at: index, before: range.upperBound, in: bytes)
      else {
        index += 1
        continue
      }
      if start < index { pieces.append(.verbatim(start..<index)) }
      pieces.append(.reference(index..<index + length, decoded: decoded))
      index += length
      start = index
    }
    if start < range.upperBound { pieces.append(.verbatim(start..<range.upperBound)) }
    return pieces
  }

  /// The decoded bytes of `range` (an attribute value, a short text).
  static func decoded(_ range: Range<Int>, in bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    for piece in pieces(of: range, in: bytes) {
      switch piece {
      case .verbatim(let range): result.append(contentsOf: bytes[range])
      case .reference(_, let decoded): result.append(contentsOf: decoded)
      }
    }
    return result
  }

  /// The reference starting at `index` (`&amp;`, `&#12288;`, `&#x3000;`): its length and UTF-8.
  private static func reference(at index: Int, before end: Int, in bytes: [UInt8]) -> (Int, [UInt8])? {
    var semicolon = index + 1
    while semicolon < min(end, index + 12), bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
    guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else { return nil }
    let name = bytes[index + 1..<semicolon]
    let length = semicolon + 1 - index
    switch String(decoding: name, as: UTF8.self) {
    case "lt": return (length, [UInt8(ascii: "<")])
    case "gt": return (length, [UInt8(ascii: ">")])
    case "amp": return (length, [UInt8(ascii: "&")])
    case "quot": return (length, [UInt8(ascii: "\"")])
    case "apos": return (length, [UInt8(ascii: "'")])
    default: break
    }
    guard name.first == UInt8(ascii: "#") else { return nil }
    let digits = name.dropFirst()
    let hex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
    guard let value = UInt32(String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self), radix: hex ? 16 : 10),
      let scalar = Unicode.Scalar(value), value != 0
    else { return nil }
    return (length, Array(String(Character(scalar)).utf8))
  }
}
