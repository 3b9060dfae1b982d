import NianbaoCore
import NianbaoJSON

/// LSP positions and ranges in the negotiated encoding, converted once, at the edge.
package struct PositionConverter {
  package let source: SourceText
  package let encoding: PositionEncoding

  package init(source: SourceText, encoding: PositionEncoding) {
    self.source = source
    self.encoding = encoding
  }

  package func position(_ offset: Int) -> JSONValue {
    let p = source.lines.position(ofUTF8Offset: offset, in: encoding)
    return .object([("line", .int(p.line)), ("character", .int(p.column))])
  }

  package func range(_ range: Range<Int>) -> JSONValue {
    .object([("start", position(range.lowerBound)), ("end", position(range.upperBound))])
  }

  /// The byte offset of an LSP position; nil when the JSON is not a position. Positions past
  /// the end are clamped (the LSP rule: a character past the line's end means its end).
  package func offset(_ value: JSONValue?) -> Int? {
    guard let value, let line = value["line"]?.int, let character = value["character"]?.int else { return nil }
    return source.lines.utf8Offset(of: LineColumn(line: line, column: character), in: encoding)
  }

  package func offsets(_ value: JSONValue?) -> Range<Int>? {
    guard let value, let start = offset(value["start"]), let end = offset(value["end"]) else { return nil }
    return min(start, end)..<max(start, end)
  }

}
