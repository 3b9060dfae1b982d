/// Character references in page text: the named ones Chinese government pages use (Word's and
/// the site editors' output), and decimal and hexadecimal numeric ones.
enum HTMLEntities {
  /// A reference read at an `&`: the scalar it stands for and how many bytes it takes.
  struct Reference: Equatable {
    var scalar: Unicode.Scalar
    var length: Int
  }

  /// The reference starting at `offset` (an `&`), or nil when the `&` is a plain ampersand.
  static func reference(in bytes: [UInt8], at offset: Int) -> Reference? {
    var index = offset + 1
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "#") {
      index += 1
      let hex = index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x")
      if hex { index += 1 }
      let digitsStart = index
      var value: UInt32 = 0
      while index < bytes.count, let digit = digitValue(bytes[index], hex: hex) {
        // Past U+10FFFF the value stays out of range (and cannot overflow), as long as it runs.
        value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
        index += 1
      }
      guard index > digitsStart else { return nil }
      if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
      // As a browser does: nothing, a surrogate or out of range reads as U+FFFD; the C1 range as
      // Windows-1252 (Word's curly quotes in old pages).
      let scalar = windows1252[value] ?? Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
      return Reference(scalar: scalar, length: index - offset)
    }
    let nameStart = index
    while index < bytes.count, index - nameStart < 12, isLetter(bytes[index]) || isDigit(bytes[index]) {
      index += 1
    }
    guard index > nameStart else { return nil }
    let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
    let terminated = index < bytes.count && bytes[index] == UInt8(ascii: ";")
    guard let scalar = named[name], terminated || withoutSemicolon.contains(name) else { return nil }
    return Reference(scalar: scalar, length: index - offset + (terminated ? 1 : 0))
  }

  /// References a browser also reads without their `;` (the legacy ones pages still write so).
  private static let withoutSemicolon: Set<String> = ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"]

  private static let named: [String: Unicode.Scalar] = [
    "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
    "ldquo": "\u{201C}", "rdquo": "\u{201D}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
    "bdquo": "\u{201E}", "sbquo": "\u{201A}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
    "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "mdash": "\u{2014}", "ndash": "\u{2013}",
    "middot": "\u{00B7}", "bull": "\u{2022}", "hellip": "\u{2026}", "emsp": "\u{2003}", "ensp": "\u{2002}",
    "thinsp": "\u{2009}", "zwsp": "\u{200B}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{00AD}",
    "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "times": "\u{00D7}", "divide": "\u{00F7}",
    "plusmn": "\u{00B1}", "minus": "\u{2212}", "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}",
    "deg": "\u{00B0}", "permil": "\u{2030}", "percnt": "%", "sect": "\u{00A7}", "para": "\u{00B6}",
    "yen": "\u{00A5}", "cent": "\u{00A2}", "pound": "\u{00A3}", "euro": "\u{20AC}", "micro": "\u{00B5}",
    "prime": "\u{2032}", "Prime": "\u{2033}", "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}",
    "darr": "\u{2193}", "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}",
    "sup1": "\u{00B9}", "sup2": "\u{00B2}", "sup3": "\u{00B3}", "iexcl": "\u{00A1}", "iquest": "\u{00BF}",
    "acute": "\u{00B4}", "uml": "\u{00A8}", "macr": "\u{00AF}", "ordm": "\u{00BA}", "ordf": "\u{00AA}",
    "not": "\u{00AC}", "brvbar": "\u{00A6}", "curren": "\u{00A4}", "loz": "\u{25CA}", "radic": "\u{221A}",
    "infin": "\u{221E}", "sum": "\u{2211}", "asymp": "\u{2248}", "equiv": "\u{2261}", "star": "\u{2606}",
    "starf": "\u{2605}", "check": "\u{2713}", "cross": "\u{2717}", "square": "\u{25A1}", "squ": "\u{25A1}",
    "circ": "\u{02C6}", "tilde": "\u{02DC}", "oline": "\u{203E}", "frasl": "\u{2044}",
  ]

  /// Numeric references 128–159 name the Windows-1252 characters, as browsers read them.
  private static let windows1252: [UInt32: Unicode.Scalar] = [
    0x80: "\u{20AC}", 0x82: "\u{201A}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
    0x87: "\u{2021}", 0x89: "\u{2030}", 0x8B: "\u{2039}", 0x91: "\u{2018}", 0x92: "\u{2019}",
    0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
    0x99: "\u{2122}", 0x9B: "\u{203A}",
  ]

  private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    if isDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
    guard hex else { return nil }
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
  }
}

func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
