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
    case .null: out += "null".utf8
    case .bool(let b): out += (b ? "true" : "false").utf8
    case .int(let i): out += String(i).utf8
    case .double(let d):
      if d.isFinite {
        if abs(d) < 1e15, let i = Int(exactly: d) { out += String(i).utf8 } else { out += String(d).utf8 }
      } else {
        out += "null".utf8
      }
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]".utf8
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
        out += "{}".utf8
        return
      }
      out.append(UInt8(ascii: "{"))
      for (i, (key, value)) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(&out, indent + 1) }
        JSONValue.writeString(key, to: &out)
        out += (pretty ? ": " : ":").utf8
        value.write(to: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&out, indent) }
      out.append(UInt8(ascii: "}"))
    }
  }

  private func newline(_ out: inout [UInt8], _ indent: Int) {
    out.append(UInt8(ascii: "\n"))
    out += repeatElement(UInt8(ascii: " "), count: 2 * indent)
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
}
