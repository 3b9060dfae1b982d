import NianbaoCore
import NianbaoJSON

/// nianbao's diagnostics as LSP `Diagnostic`s.
package enum DiagnosticConversion {
  package static func lsp(
    _ diagnostic: Diagnostic,
    uri: String,
    converter: PositionConverter,
    language: Language
  ) -> JSONValue {
    let rule = Rule.named(diagnostic.code)
    return JSONValue.object([
      ("range", converter.range(diagnostic.range)),
      ("severity", .int(diagnostic.severity.rawValue)),
      ("code", .string(diagnostic.code)),
      ("codeDescription", rule.map { .object([("href", .string(About.documentationURL(for: $0)))]) }),
      ("source", "nianbao"),
      ("message", .string(diagnostic.message.text(language))),
      (
        "relatedInformation",
        diagnostic.related.isEmpty
          ? nil
          : .array(
            diagnostic.related.map { note in
              .object([
                ("location", .object([("uri", .string(uri)), ("range", converter.range(note.range))])),
                ("message", .string(note.message.text(language))),
              ])
            }
          )
      ),
    ])
  }

  package static func edits(_ edits: [TextEdit], converter: PositionConverter) -> JSONValue {
    .array(edits.map { .object([("range", converter.range($0.range)), ("newText", .string($0.replacement))]) })
  }
}
