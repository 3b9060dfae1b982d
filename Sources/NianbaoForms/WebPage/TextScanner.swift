/// Splits a run of page text into verbatim text, decoded entities and white space.
enum TextScanner {
  /// One item of a text run.
  private enum Item {
    /// Plain text bytes (no `&`, no white space).
    case text(Range<Int>)
    /// A character reference that is not white space.
    case reference(Unicode.Scalar, Range<Int>)
    /// White space; `newline` when it is a line end, `hard` for U+00A0, U+3000 and entities.
    case space(Range<Int>, newline: Bool, hard: Bool)
  }

  static func scan(_ html: [UInt8], _ range: Range<Int>, into collector: inout LineCollector) {
    var text: Range<Int>?
    var space: (range: Range<Int>, newline: Bool, hard: Bool)?
    func flushText(_ collector: inout LineCollector) {
      guard let run = text else { return }
      text = nil
      collector.add(
        .verbatim(run),
        first: firstScalar(html, run),
        last: lastScalar(html, run),
        html: html
      )
    }
    func flushSpace(_ collector: inout LineCollector) {
      guard let run = space else { return }
      space = nil
      collector.addSpace(run.range, newline: run.newline, hard: run.hard)
    }
    forEachItem(html, range) { item in
      switch item {
      case .text(let run):
        flushSpace(&collector)
        text = text.map { $0.lowerBound..<run.upperBound } ?? run
      case .reference(let scalar, let source):
        flushSpace(&collector)
        flushText(&collector)
        var bytes: [UInt8] = []
        bytes.append(contentsOf: String(Character(scalar)).utf8)
        // A soft hyphen or zero-width character shows as nothing.
        guard !invisible(scalar) else { return }
        collector.add(.respelled(bytes, source: source), first: scalar.value, last: scalar.value, html: html)
      case .space(let run, let newline, let hard):
        flushText(&collector)
        if let previous = space {
          space = (previous.range.lowerBound..<run.upperBound, previous.newline || newline, previous.hard || hard)
        } else {
          space = (run, newline, hard)
        }
      }
    }
    flushText(&collector)
    flushSpace(&collector)
  }

  /// Whether the run holds anything but white space.
  static func hasText(_ html: [UInt8], _ range: Range<Int>) -> Bool {
    var found = false
    forEachItem(html, range) { item in
      switch item {
      case .text: found = true
      case .reference(let scalar, _): if !invisible(scalar) { found = true }
      case .space: break
      }
    }
    return found
  }

  /// The span from the first to the last U+00A0, U+3000 or white-space entity of a run, if any.
  static func spaceCharacters(_ html: [UInt8], _ range: Range<Int>) -> Range<Int>? {
    var span: Range<Int>?
    forEachItem(html, range) { item in
      guard case .space(let run, _, true) = item else { return }
      span = span.map { $0.lowerBound..<run.upperBound } ?? run
    }
    return span
  }

  private static func invisible(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\u{00AD}" || scalar == "\u{200B}" || scalar == "\u{200C}" || scalar == "\u{200D}"
      || scalar == "\u{FEFF}"
  }

  private static func isSpaceScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x2000...0x200A: return true
    default: return false
    }
  }

  private static func forEachItem(_ html: [UInt8], _ range: Range<Int>, _ body: (Item) -> Void) {
    var index = range.lowerBound
    var textStart = index
    func flush(to end: Int) {
      if textStart < end { body(.text(textStart..<end)) }
    }
    while index < range.upperBound {
      let byte = html[index]
      var itemLength = 0
      var item: Item?
      if isSpace(byte) {
        itemLength = 1
        item = .space(index..<(index + 1), newline: byte == 0x0A || byte == 0x0D, hard: false)
      } else if byte == 0xC2, index + 1 < range.upperBound, html[index + 1] == 0xA0 {
        itemLength = 2
        item = .space(index..<(index + 2), newline: false, hard: true)
      } else if byte == 0xE3, index + 2 < range.upperBound, html[index + 1] == 0x80, html[index + 2] == 0x80 {
        itemLength = 3
        item = .space(index..<(index + 3), newline: false, hard: true)
      } else if byte == UInt8(ascii: "&"), let reference = HTMLEntities.reference(in: html, at: index),
        index + reference.length <= range.upperBound
      {
        itemLength = reference.length
        let source = index..<(index + reference.length)
        item =
          isSpaceScalar(reference.scalar)
          ? .space(source, newline: false, hard: true) : .reference(reference.scalar, source)
      }
      guard let found = item else {
        index += 1
        continue
      }
      flush(to: index)
      body(found)
      index += itemLength
      textStart = index
    }
    flush(to: range.upperBound)
  }

  private static func firstScalar(_ html: [UInt8], _ range: Range<Int>) -> UInt32 {
    var iterator = html[range].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.value }
    return 0
  }

  private static func lastScalar(_ html: [UInt8], _ range: Range<Int>) -> UInt32 {
    var start = range.upperBound - 1
    // Back up over continuation bytes to the start of the last character (at most 3).
    while start > range.lowerBound, range.upperBound - start < 4, html[start] & 0xC0 == 0x80 { start -= 1 }
    return firstScalar(html, start..<range.upperBound)
  }
}
