/// One piece of an HTML page: a run of text, or a tag. Comments, doctypes, processing
/// instructions and the contents of `<script>`, `<style>` and the other raw-text elements are
/// consumed without a token (CDATA sections give their text).
enum HTMLToken: Equatable {
  /// Character data, entities not yet decoded.
  case text(Range<Int>)
  /// `name` is lower-cased ASCII; `range` runs from `<` to `>` inclusive.
  case startTag(name: String, range: Range<Int>)
  case endTag(name: String, range: Range<Int>)
}

/// A forward-only tokenizer for the HTML real government sites publish: unclosed elements,
/// upper-case tags, unquoted attributes, stray `<`, comments and scripts. Every byte is looked at
/// a bounded number of times (a tag or comment left open runs to the end of the page, as a
/// browser reads it), so a page of any size is read in linear time; it never fails.
struct HTMLTokenizer {
  private let bytes: [UInt8]
  private var position = 0
  /// The start of text not yet given out (text runs up to the next tag).
  private var textStart = 0
  private var pending: HTMLToken?

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Elements whose content is not markup; the tokenizer skips to their end tag.
  private static let rawText: Set<String> = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
  ]

  mutating func next() -> HTMLToken? {
    if let token = pending {
      pending = nil
      return token
    }
    while position < bytes.count {
      guard bytes[position] == UInt8(ascii: "<") else {
        position += 1
        continue
      }
      let start = position
      let text = textStart..<start
      guard let token = markup(at: start) else {
        // A `<` that opens nothing is text.
        position = start + 1
        continue
      }
      textStart = position
      guard text.isEmpty else {
        pending = token
        return .text(text)
      }
      if let real = token { return real }
    }
    if textStart < bytes.count {
      let text = textStart..<bytes.count
      textStart = bytes.count
      return .text(text)
    }
    return nil
  }

  /// Reads the markup at `start` (a `<`), moving `position` past it. Returns nil when the `<` is
  /// plain text, `.some(nil)` for markup without a token (a comment), or the token.
  private mutating func markup(at start: Int) -> HTMLToken?? {
    let next = start + 1 < bytes.count ? bytes[start + 1] : 0
    if next == UInt8(ascii: "!") {
      if hasPrefix("<!--", at: start) {
        position = find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count
        return .some(nil)
      }
      if hasPrefix("<![CDATA[", at: start) {
        // The text of a CDATA section is the run between the markers.
        let end = find("]]>", from: start + 9) ?? bytes.count
        position = min(end + 3, bytes.count)
        return .some(.text((start + 9)..<end))
      }
      position = find(">", from: start).map { $0 + 1 } ?? bytes.count
      return .some(nil)
    }
    if next == UInt8(ascii: "?") {
      position = find(">", from: start).map { $0 + 1 } ?? bytes.count
      return .some(nil)
    }
    let closing = next == UInt8(ascii: "/")
    let nameStart = closing ? start + 2 : start + 1
    guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
      if closing, nameStart < bytes.count, bytes[nameStart] == UInt8(ascii: ">") {
        position = nameStart + 1  // `</>` is dropped
        return .some(nil)
      }
      return nil
    }
    var index = nameStart
    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
      bytes[index] != UInt8(ascii: "/")
    {
      index += 1
    }
    let name = String(decoding: bytes[nameStart..<index].map(lowercased), as: UTF8.self)
    guard let end = tagEnd(from: index) else {
      // A tag left open at the end of the page is not a tag (a browser drops it).
      position = bytes.count
      return .some(nil)
    }
    position = end
    if closing { return .some(.endTag(name: name, range: start..<end)) }
    if Self.rawText.contains(name) { skipRawText(name) }
    return .some(.startTag(name: name, range: start..<end))
  }

  /// The offset just past the `>` that ends a tag, honouring quoted attribute values; nil when
  /// the page ends first.
  private func tagEnd(from start: Int) -> Int? {
    var index = start
    var quote: UInt8 = 0
    var previous: UInt8 = 0
    while index < bytes.count {
      let byte = bytes[index]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == UInt8(ascii: ">") {
        return index + 1
      } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && (previous == UInt8(ascii: "=")) {
        quote = byte
      }
      if !isSpace(byte) { previous = byte }
      index += 1
    }
    return nil
  }

  /// Moves past the content and end tag of a raw-text element (`</script>`, any case).
  private mutating func skipRawText(_ name: String) {
    let pattern = Array(("</" + name).utf8)
    var index = position
    while let found = find("</", from: index) {
      if found + pattern.count <= bytes.count,
        zip(bytes[found..<(found + pattern.count)], pattern).allSatisfy({ lowercased($0) == $1 })
      {
        position = tagEnd(from: found) ?? bytes.count
        return
      }
      index = found + 2
    }
    position = bytes.count
  }

  private func hasPrefix(_ prefix: StaticString, at offset: Int) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard offset + count <= bytes.count else { return false }
    return prefix.withUTF8Buffer { buffer in
      (0..<count).allSatisfy { lowercased(bytes[offset + $0]) == lowercased(buffer[$0]) }
    }
  }

  private func find(_ needle: StaticString, from start: Int) -> Int? {
    needle.withUTF8Buffer { buffer in
      guard let first = buffer.first else { return nil }
      var index = start
      while index + buffer.count <= bytes.count {
        if bytes[index] == first, (1..<buffer.count).allSatisfy({ bytes[index + $0] == buffer[$0] }) {
          return index
        }
        index += 1
      }
      return nil
    }
  }
}

func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
}

func isLetter(_ byte: UInt8) -> Bool {
  (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
}

func lowercased(_ byte: UInt8) -> UInt8 {
  byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
}
