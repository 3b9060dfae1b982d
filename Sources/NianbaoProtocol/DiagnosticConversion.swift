import NianbaoCore
import NianbaoJSON

/// Another report a note points into (last year's): its URI, its positions, and how a range in
/// the report as read maps to its file (a web page's report is read from its rendered text).
package struct ElsewherePlace {
  package var uri: String
  package var converter: PositionConverter
  package var sourceRange: (Range<Int>) -> Range<Int>

  package init(uri: String, converter: PositionConverter, sourceRange: @escaping (Range<Int>) -> Range<Int> = { $0 }) {
    self.uri = uri
    self.converter = converter
    self.sourceRange = sourceRange
  }
}

/// nianbao's diagnostics as LSP `Diagnostic`s.
package enum DiagnosticConversion {
  package static func lsp(
    _ diagnostic: Diagnostic,
    uri: String,
    converter: PositionConverter,
    language: Language,
    elsewhere: (String) -> ElsewherePlace? = { _ in nil }
  ) -> JSONValue {
    let rule = Rule.named(diagnostic.code)
    // A note in another report (last year's) needs that report's text for its positions; one
    // whose report is not at hand is left out.
    let notes: [(uri: String, converter: PositionConverter, note: RelatedNote)] = diagnostic.related.compactMap {
      note in
      guard let file = note.file else { return (uri, converter, note) }
      return elsewhere(file).map { place in
        var note = note
        note.range = place.sourceRange(note.range)
        return (place.uri, place.converter, note)
      }
    }
    return JSONValue.object([
      ("range", converter.range(diagnostic.range)),
      ("severity", .int(diagnostic.severity.rawValue)),
      ("code", .string(diagnostic.code)),
      ("codeDescription", rule.map { .object([("href", .string(About.documentationURL(for: $0)))]) }),
      ("source", "nianbao"),
      ("message", .string(diagnostic.message.text(language))),
      (
        "relatedInformation",
        notes.isEmpty
          ? nil
          : .array(
            notes.map { place in
              .object([
                (
                  "location",
                  .object([("uri", .string(place.uri)), ("range", place.converter.range(place.note.range))])
                ),
                ("message", .string(place.note.message.text(language))),
              ])
            }
          )
      ),
    ])
  }

  package static func edits(_ edits: [TextEdit], converter: PositionConverter) -> JSONValue {
    var cursor = PositionCursor(source: converter.source, encoding: converter.encoding)
    func position(_ offset: Int) -> JSONValue {
      let position = cursor.position(ofUTF8Offset: offset)
      return .object([("line", .int(position.line)), ("character", .int(position.column))])
    }
    return .array(
      edits.map { edit in
        let range: JSONValue = .object([
          ("start", position(edit.range.lowerBound)), ("end", position(edit.range.upperBound)),
        ])
        return .object([("range", range), ("newText", .string(edit.replacement))])
      }
    )
  }
}
