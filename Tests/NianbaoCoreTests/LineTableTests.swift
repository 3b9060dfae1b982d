import NianbaoCore
import Testing

/// Positions in UTF-8, UTF-16 and UTF-32 with Chinese text, emoji, surrogate pairs, every line
/// ending and a byte order mark.
@Suite struct LineTableTests {
  static let endings = ["\n", "\r\n", "\r"]

  @Test(arguments: endings, [false, true])
  func roundTrips(ending: String, bom: Bool) {
    let text = (bom ? "\u{FEFF}" : "") + ["表三总计😀6", "𠀋a🇨🇳b", "", "自然人\t5"].joined(separator: ending)
    let source = SourceText(text)
    #expect(source.lines.count == 4)
    var offset = 0
    for scalar in text.unicodeScalars {
      if scalar != "\r" && scalar != "\n" {
        for encoding in PositionEncoding.allCases {
          let position = source.lines.position(ofUTF8Offset: offset, in: encoding)
          #expect(source.lines.utf8Offset(of: position, in: encoding) == offset)
        }
      }
      offset += scalar.utf8.count
    }
  }

  @Test func columnsPerEncoding() {
    let source = SourceText("一😀b\r\n𠀋x")
    let b = 7  // 一 (3) + 😀 (4)
    #expect(source.lines.position(ofUTF8Offset: b, in: .utf8) == LineColumn(line: 0, column: 7))
    #expect(source.lines.position(ofUTF8Offset: b, in: .utf16) == LineColumn(line: 0, column: 3))
    #expect(source.lines.position(ofUTF8Offset: b, in: .utf32) == LineColumn(line: 0, column: 2))
    let x = 10 + 4
    #expect(source.lines.position(ofUTF8Offset: x, in: .utf16) == LineColumn(line: 1, column: 2))
  }

  @Test func outOfRangeIsClamped() {
    let source = SourceText("ab\n一二")
    #expect(source.lines.utf8Offset(of: LineColumn(line: 9, column: 0), in: .utf16) == source.utf8.count)
    #expect(source.lines.utf8Offset(of: LineColumn(line: 0, column: 99), in: .utf16) == 2)
    #expect(source.lines.utf8Offset(of: LineColumn(line: -1, column: 5), in: .utf16) == 0)
  }

  @Test func insideASurrogatePairRoundsDown() {
    let source = SourceText("😀a")
    #expect(source.lines.utf8Offset(of: LineColumn(line: 0, column: 1), in: .utf16) == 0)
    #expect(source.lines.utf8Offset(of: LineColumn(line: 0, column: 2), in: .utf8) == 0)
  }
}

/// The cursor a fix's edits are positioned with gives what the line table gives, in any order.
@Suite struct PositionCursorTests {
  @Test(arguments: PositionEncoding.allCases, LineTableTests.endings)
  func sameAsTheLineTable(encoding: PositionEncoding, ending: String) {
    let text = "\u{FEFF}" + ["表三总计😀6\t0\t0", "𠀋a🇨🇳b", "", "自然人\t5"].joined(separator: ending) + ending
    let source = SourceText(text)
    let count = source.utf8.count
    // In order, every offset (inside characters and line endings too), then shuffled, then past the end.
    var offsets = Array(0...count) + Array(0...count).shuffled() + [count + 5, -3, 4, 4, 2]
    offsets += Array((0...count).reversed())
    var cursor = PositionCursor(source: source, encoding: encoding)
    for offset in offsets {
      #expect(
        cursor.position(ofUTF8Offset: offset) == source.lines.position(ofUTF8Offset: offset, in: encoding),
        "offset \(offset)"
      )
    }
  }
}

/// A message quotes report text on one line, whatever line break the text holds.
@Suite struct MessageTextTests {
  @Test func everyLineBreakIsJoined() {
    for separator in ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", " \n\t "] {
      #expect(MessageText.quoted("一、总体情况" + separator + "表😀") == "一、总体情况表😀", "\(separator.unicodeScalars.map(\.value))")
    }
    // Characters whose UTF-8 shares a byte with a line break's are no break: 表 is E8 A1 A8.
    #expect(MessageText.quoted("表\u{2027}\u{84}x") == "表\u{2027}\u{84}x")
  }
}

/// Replacing a byte range gives the text the bytes would: between scalars, between CR and LF,
/// inside a flag or a joined emoji, and cutting a scalar (the pieces become U+FFFD).
@Suite struct SourceTextEditTests {
  @Test func replacingMatchesTheBytes() {
    let text = "\u{FEFF}表三😀\r\n👩‍💻e\u{301}🇨🇳𠀋末"
    let source = SourceText(text)
    let count = source.utf8.count
    for lower in 0...count {
      for upper in lower...count {
        for insert in ["", "x", "总计", "😀", "\n", "\u{301}"] {
          var bytes = source.utf8
          bytes.replaceSubrange(lower..<upper, with: Array(insert.utf8))
          let expected = String(decoding: bytes, as: UTF8.self)
          let edited = [TextEdit(range: lower..<upper, replacement: insert)].applied(to: source)
          #expect(Array(edited.utf8) == Array(expected.utf8), "\(lower)..<\(upper) \(insert)")
        }
      }
    }
  }
}
