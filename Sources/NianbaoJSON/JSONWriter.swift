extension JSONValue {
  /// Compact JSON text (UTF-8, non-ASCII characters written as they are).
  public func serialized(pretty: Bool = false) -> String {
    String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
  }

  /// ``serialized(pretty:)`` as UTF-8 bytes, written straight into one buffer: a language
  /// server's messages on a large document are megabytes of strings.
  public func serializedBytes(pretty: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(to: &out, pretty: pretty, indent: 0)
    return out
  }

  /// Appends the value to `out`; `indent` is the depth it stands at in a document, for pretty
  /// output written a piece at a time.
  package func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
    switch self {
    case .null: Self.append("null", to: &out)
    case .bool(let b): Self.append(b ? "true" : "false", to: &out)
    case .int(let i): Self.writeInteger(i, to: &out)
    case .double(let d):
      if d.isFinite {
        if abs(d) < 1e15, let i = Int(exactly: d) { Self.writeInteger(i, to: &out) } else { out += String(d).utf8 }
      } else {
        Self.append("null", to: &out)
      }
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        Self.append("[]", to: &out)
        return
      }
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(&out, indent + 1) }
        item.write(to: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&out, indent) }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        Self.append("{}", to: &out)
        return
      }
      out.append(UInt8(ascii: "{"))
      for (i, (key, value)) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(&out, indent + 1) }
        JSONValue.writeString(key, to: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        value.write(to: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&out, indent) }
      out.append(UInt8(ascii: "}"))
    }
  }

  private func newline(_ out: inout [UInt8], _ indent: Int) {
    out.append(UInt8(ascii: "\n"))
    for _ in 0..<2 * indent { out.append(UInt8(ascii: " ")) }
  }

  /// A literal's bytes, appended one by one: cheaper than going through a `String`'s UTF-8 view
  /// for a word of a few letters.
  private static func append(_ literal: StaticString, to out: inout [UInt8]) {
    literal.withUTF8Buffer { bytes in
      for byte in bytes { out.append(byte) }
    }
  }

  /// An integer's decimal digits, written without making a `String`: positions are most of a
  /// language server's numbers.
  private static func writeInteger(_ value: Int, to out: inout [UInt8]) {
    if value < 0 {
      guard value != .min else {
        out += String(value).utf8
        return
      }
      out.append(UInt8(ascii: "-"))
    }
    var rest = value.magnitude
    var divisor: UInt = 1
    while rest / divisor >= 10 { divisor *= 10 }
    while divisor > 0 {
      out.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func writeString(_ s: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { bytes in
      // Runs of bytes that need no escape are copied whole.
      var runStart = 0
      var index = 0
      while index < bytes.count {
        index = firstPossibleEscape(in: bytes, from: index)
        guard index < bytes.count else { break }
        let byte = bytes[index]
        let escape: String
        var width = 1
        switch byte {
        case UInt8(ascii: "\""): escape = #"\""#
        case UInt8(ascii: "\\"): escape = #"\\"#
        case UInt8(ascii: "\n"): escape = #"\n"#
        case UInt8(ascii: "\r"): escape = #"\r"#
        case UInt8(ascii: "\t"): escape = #"\t"#
        case 0..<0x20:
          escape =
            "\\u00" + String(UnicodeScalar(hexDigits[Int(byte >> 4)]))
            + String(UnicodeScalar(hexDigits[Int(byte & 0xF)]))
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
          && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
          // U+2028 and U+2029 end lines in JavaScript: escaped.
          escape = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
          width = 3
        default:
          index += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        out += escape.utf8
        index += width
        runStart = index
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    out.append(UInt8(ascii: "\""))
  }

  /// The offset of the first byte at or after `start` that may need an escape (a control
  /// character, `"`, `\\`, or 0xE2, which starts U+2028 and U+2029), or the end. Eight bytes are
  /// looked at a time: most of a report's strings need no escape at all.
  private static func firstPossibleEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func has(_ word: UInt64, _ byte: UInt8) -> Bool {
      let x = word ^ (ones &* UInt64(byte))
      return (x &- ones) & ~x & highs != 0
    }
    while index + 8 <= bytes.count {
      let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
      // A byte below 0x20: subtracting 0x20 from it borrows into its high bit.
      let control = (word &- ones &* 0x20) & ~word & highs != 0
      if control || has(word, 0x22) || has(word, 0x5C) || has(word, 0xE2) { break }
      index += 8
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return index }
      index += 1
    }
    return index
  }
}
