/// Tests on the bytes of UTF-8 text that the readers and the rules share: spaces, digits and
/// blank-cell marks, told without decoding.
enum TextBytes {
  /// Marks written in a table cell for "nothing here".
  static let blankMarkers: Set<String> = ["-", "—", "——", "–", "/", "\\", "N/A", "n/a", "－", "―", "─", "／"]

  /// Width in bytes of a space character at `index` (space, tab, U+3000, NBSP), or 0.
  static func spaceWidth(_ bytes: [UInt8], _ index: Int) -> Int {
    bytes.withUnsafeBufferPointer { spaceWidth($0, index) }
  }

  /// The width of a space character, read through a buffer for loops over many bytes.
  static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    let b = bytes[index]
    // A form feed opens each page of `pdftotext` text.
    if b == 0x20 || b == 0x09 || b == 0x0C { return 1 }
    if b == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
    if b == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
    if b == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }  // BOM
    return 0
  }

  /// The range without spaces at either end (a byte order mark only at the start).
  static func trim(_ source: SourceText, _ range: Range<Int>) -> Range<Int> {
    source.utf8.withUnsafeBufferPointer { bytes in
      var lower = range.lowerBound
      var upper = range.upperBound
      while lower < upper {
        let w = spaceWidth(bytes, lower)
        if w == 0 { break }
        lower += w
      }
      while upper > lower {
        if bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0C {
          upper -= 1
        } else if upper - 3 >= lower, bytes[upper - 3] == 0xE3, bytes[upper - 2] == 0x80, bytes[upper - 1] == 0x80 {
          upper -= 3
        } else if upper - 2 >= lower, bytes[upper - 2] == 0xC2, bytes[upper - 1] == 0xA0 {
          upper -= 2
        } else {
          break
        }
      }
      return lower..<upper
    }
  }

  /// Width in bytes of an ASCII or full-width digit at `index`, or 0.
  static func digitWidth(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int {
    bytes.withUnsafeBufferPointer { digitWidth($0, index, end) }
  }

  /// The width of a digit, read through a buffer for loops over many bytes.
  static func digitWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
    let b = bytes[index]
    if b >= 0x30 && b <= 0x39 { return 1 }
    if b == 0xEF, index + 2 < end, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 {
      return 3
    }
    return 0
  }

  /// The width in bytes of the scalar a lead byte opens.
  static func scalarWidth(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead < 0xC0 { return 1 }  // stray continuation byte: step over it alone
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return 4
  }
}
