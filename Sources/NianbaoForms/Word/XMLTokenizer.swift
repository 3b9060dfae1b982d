/// One piece of an XML document, by byte ranges into it.
struct XMLToken {
  enum Kind: Equatable {
    case startTag
    /// `<name …/>`.
    case emptyTag
    case endTag
    /// Character data between tags, entities not yet decoded.
    case text
    /// `<![CDATA[…]]>`: ``XMLToken/name`` is the content.
    case cdata
    /// A comment, a processing instruction or a document type declaration.
    case other
  }

  var kind: Kind
  /// The whole token.
  var range: Range<Int>
  /// A tag's qualified name; a text's or CDATA section's content.
  var name: Range<Int>
}

/// The document is not well-formed XML: where it goes wrong, as a byte offset.
struct XMLError: Error, Equatable {
  var offset: Int
}

/// A small pull tokenizer for the XML Office writes: tags with attributes, text, CDATA, comments,
/// processing instructions and a document type declaration. It checks that every end tag closes
/// the element open at that point, so ``depth`` can be trusted by a reader that skips subtrees.
struct XMLTokenizer {
  let bytes: [UInt8]
  private(set) var position = 0
  /// The names of the elements open after the last token.
  private var open: [Range<Int>] = []

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// How many elements are open after the last token (a start tag counts itself).
  var depth: Int { open.count }

  mutating func next() throws(XMLError) -> XMLToken? {
    guard position < bytes.count else {
      if !open.isEmpty { throw XMLError(offset: position) }
      return nil
    }
    let start = position
    guard bytes[position] == UInt8(ascii: "<") else {
      while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
      return XMLToken(kind: .text, range: start..<position, name: start..<position)
    }
    let second = start + 1 < bytes.count ? bytes[start + 1] : 0
    if second == UInt8(ascii: "!") {
      if has("<!--", at: start) { return try skip(to: "-->", from: start + 4, start: start) }
      if has("<![CDATA[", at: start) {
        let token = try skip(to: "]]>", from: start + 9, start: start)
        return XMLToken(kind: .cdata, range: token.range, name: start + 9..<token.range.upperBound - 3)
      }
      return try doctype(from: start)
    }
    if second == UInt8(ascii: "?") { return try skip(to: "?>", from: start + 2, start: start) }
    if second == UInt8(ascii: "/") {
      position = start + 2
      let name = scanName()
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ">"), let opened = open.popLast(),
        opened.count == name.count, bytes.matches(bytes, at: opened.lowerBound, from: name)
      else { throw XMLError(offset: start) }
      position += 1
      return XMLToken(kind: .endTag, range: start..<position, name: name)
    }
    position = start + 1
    let name = scanName()
    guard !name.isEmpty else { throw XMLError(offset: start) }
    while true {
      skipSpace()
      guard position < bytes.count else { throw XMLError(offset: start) }
      switch bytes[position] {
      case UInt8(ascii: ">"):
        position += 1
        open.append(name)
        return XMLToken(kind: .startTag, range: start..<position, name: name)
      case UInt8(ascii: "/"):
        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
          throw XMLError(offset: position)
        }
        position += 2
        return XMLToken(kind: .emptyTag, range: start..<position, name: name)
      default:
        guard try scanAttribute() != nil else { throw XMLError(offset: position) }
      }
    }
  }

  /// The raw value of the attribute `name` (a qualified name) of a tag, if it has one.
  func attribute(_ name: some Collection<UInt8>, of tag: XMLToken) -> Range<Int>? {
    var scanner = XMLTokenizer(bytes, at: tag.name.upperBound)
    while true {
      scanner.skipSpace()
      guard let (attribute, value) = try? scanner.scanAttribute() else { return nil }
      if bytes[attribute].elementsEqual(name) { return value }
    }
  }

  /// Every attribute of a tag: qualified name and raw value.
  func attributes(of tag: XMLToken) -> [(name: Range<Int>, value: Range<Int>)] {
    var scanner = XMLTokenizer(bytes, at: tag.name.upperBound)
    var result: [(name: Range<Int>, value: Range<Int>)] = []
    while true {
      scanner.skipSpace()
      guard let attribute = try? scanner.scanAttribute() else { return result }
      result.append(attribute)
    }
  }

  private init(_ bytes: [UInt8], at position: Int) {
    self.bytes = bytes
    self.position = position
  }

  /// `name = "value"` or with single quotes; nil at `>` or `/>`.
  private mutating func scanAttribute() throws(XMLError) -> (name: Range<Int>, value: Range<Int>)? {
    let name = scanName()
    guard !name.isEmpty else { return nil }
    skipSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw XMLError(offset: position) }
    position += 1
    skipSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
    else { throw XMLError(offset: position) }
    let quote = bytes[position]
    let valueStart = position + 1
    position = valueStart
    while position < bytes.count, bytes[position] != quote {
      guard bytes[position] != UInt8(ascii: "<") else { throw XMLError(offset: position) }
      position += 1
    }
    guard position < bytes.count else { throw XMLError(offset: valueStart) }
    position += 1
    return (name, valueStart..<position - 1)
  }

  private mutating func scanName() -> Range<Int> {
    let start = position
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ">"),
        UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"):
        return start..<position
      default: position += 1
      }
    }
    return start..<position
  }

  private mutating func skipSpace() {
    while position < bytes.count,
      bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\n")
        || bytes[position] == UInt8(ascii: "\r") || bytes[position] == UInt8(ascii: "\t")
    {
      position += 1
    }
  }

  private func has(_ literal: StaticString, at offset: Int) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard offset + count <= bytes.count else { return false }
    return literal.withUTF8Buffer { bytes[offset..<offset + count].elementsEqual($0) }
  }

  private mutating func skip(to end: StaticString, from offset: Int, start: Int) throws(XMLError) -> XMLToken {
    var index = offset
    while index < bytes.count {
      if has(end, at: index) {
        position = index + end.utf8CodeUnitCount
        return XMLToken(kind: .other, range: start..<position, name: start..<start)
      }
      index += 1
    }
    throw XMLError(offset: start)
  }

  /// `<!DOCTYPE …>`, with an internal subset in brackets.
  private mutating func doctype(from start: Int) throws(XMLError) -> XMLToken {
    var index = start + 2
    var brackets = 0
    var quote: UInt8?
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "[") {
        brackets += 1
      } else if byte == UInt8(ascii: "]") {
        brackets -= 1
      } else if byte == UInt8(ascii: ">"), brackets <= 0 {
        position = index + 1
        return XMLToken(kind: .other, range: start..<position, name: start..<start)
      }
      index += 1
    }
    throw XMLError(offset: start)
  }
}

extension [UInt8] {
  /// Whether the bytes at `offset` are `other[range]` (the caller has checked the length fits).
  @inline(__always) func matches(_ other: [UInt8], at offset: Int, from range: Range<Int>) -> Bool {
    var index = 0
    while index < range.count {
      if self[offset + index] != other[range.lowerBound + index] { return false }
      index += 1
    }
    return true
  }
}
