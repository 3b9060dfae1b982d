/// The units a column can be counted in.
public enum PositionEncoding: String, Sendable, Hashable, CaseIterable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"
}

/// A 0-based line and a column counted in some ``PositionEncoding``.
public struct LineColumn: Sendable, Hashable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// Line starts of a UTF-8 text, built by one byte scan that knows `\n`, `\r\n` and a lone `\r`.
public struct LineTable: Sendable {
  /// Byte offset where each line starts.
  public let lineStarts: [Int]
  /// Byte offset where each line's content ends (before its terminator).
  public let contentEnds: [Int]
  private let utf8: [UInt8]

  init(utf8: [UInt8]) {
    self.utf8 = utf8
    var starts = [0]
    var ends: [Int] = []
    starts.reserveCapacity(utf8.count / 40 + 1)
    let count = utf8.count
    utf8.withUnsafeBufferPointer { utf8 in
      var index = 0
      while index < count {
        // Eight bytes without a line break are passed over at once.
        if index + 8 <= count, let base = utf8.baseAddress {
          let word = EightBytes.load(base, at: index)
          if !EightBytes.holds(word, 0x0A), !EightBytes.holds(word, 0x0D) {
            index += 8
            continue
          }
        }
        let byte = utf8[index]
        if byte == 0x0A {
          ends.append(index)
          index += 1
          starts.append(index)
        } else if byte == 0x0D {
          ends.append(index)
          index += (index + 1 < count && utf8[index + 1] == 0x0A) ? 2 : 1
          starts.append(index)
        } else {
          index += 1
        }
      }
    }
    ends.append(count)
    self.lineStarts = starts
    self.contentEnds = ends
  }

  public var count: Int { lineStarts.count }

  /// The content range of a line (without its terminator).
  public func contentRange(ofLine line: Int) -> Range<Int> {
    lineStarts[line]..<contentEnds[line]
  }

  /// The 0-based line that contains a byte offset (offsets inside a terminator belong to its line).
  public func line(containing offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The line and column of a byte offset, the column counted in `encoding`.
  public func position(ofUTF8Offset offset: Int, in encoding: PositionEncoding) -> LineColumn {
    let clamped = max(0, min(offset, utf8.count))
    let line = line(containing: clamped)
    let start = lineStarts[line]
    let end = min(clamped, contentEnds[line])
    return LineColumn(line: line, column: units(from: start, to: end, in: encoding))
  }

  /// The byte offset of a line and column. Out-of-range lines and columns are clamped to the
  /// nearest valid place; a column inside a character (inside a surrogate pair, or inside a
  /// multi-byte UTF-8 sequence) rounds down to the start of that character.
  public func utf8Offset(of position: LineColumn, in encoding: PositionEncoding) -> Int {
    if position.line < 0 { return 0 }
    if position.line >= lineStarts.count { return utf8.count }
    var index = lineStarts[position.line]
    let end = contentEnds[position.line]
    var remaining = max(0, position.column)
    while index < end, remaining > 0 {
      let width = TextBytes.scalarWidth(utf8[index])
      let units: Int
      switch encoding {
      case .utf8: units = width
      case .utf16: units = width == 4 ? 2 : 1
      case .utf32: units = 1
      }
      if units > remaining { break }
      remaining -= units
      index = min(end, index + width)
    }
    return index
  }

  func units(from start: Int, to end: Int, in encoding: PositionEncoding) -> Int {
    if encoding == .utf8 { return end - start }
    var count = 0
    var index = start
    while index < end {
      let byte = utf8[index]
      if byte < 0x80 {
        count += 1
        index += 1
        continue
      }
      let width = TextBytes.scalarWidth(byte)
      count += (encoding == .utf16 && width == 4) ? 2 : 1
      index += width
    }
    return count
  }
}
