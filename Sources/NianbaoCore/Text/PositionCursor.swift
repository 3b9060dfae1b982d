/// Line and column of offsets that mostly come in order, such as the edits of one fix: each is
/// counted on from the one before when both are on the same line, so that a fix filling a hundred
/// cells of one long line walks along it once, not a hundred times from its start. Gives exactly
/// ``LineTable/position(ofUTF8Offset:in:)``.
package struct PositionCursor {
  private let source: SourceText
  private let encoding: PositionEncoding
  /// The last offset counted to, on a character's first byte or at its line's end.
  private var last: (offset: Int, line: Int, column: Int)?

  package init(source: SourceText, encoding: PositionEncoding) {
    self.source = source
    self.encoding = encoding
  }

  package mutating func position(ofUTF8Offset offset: Int) -> LineColumn {
    let lines = source.lines
    let clamped = max(0, min(offset, source.utf8.count))
    if let last, clamped >= last.offset, isOnLine(clamped, last.line) {
      let end = min(clamped, lines.contentEnds[last.line])
      let column = last.column + lines.units(from: last.offset, to: end, in: encoding)
      remember(end, line: last.line, column: column)
      return LineColumn(line: last.line, column: column)
    }
    let position = lines.position(ofUTF8Offset: clamped, in: encoding)
    remember(min(clamped, lines.contentEnds[position.line]), line: position.line, column: position.column)
    return position
  }

  private func isOnLine(_ offset: Int, _ line: Int) -> Bool {
    let starts = source.lines.lineStarts
    return offset >= starts[line] && (line + 1 == starts.count || offset < starts[line + 1])
  }

  /// Keeps `offset` to count on from, unless it lies inside a character: counting from a line's
  /// start steps over a character whole.
  private mutating func remember(_ offset: Int, line: Int, column: Int) {
    let bytes = source.utf8
    guard offset == source.lines.contentEnds[line] || bytes[offset] & 0xC0 != 0x80 else {
      last = nil
      return
    }
    last = (offset, line, column)
  }
}
