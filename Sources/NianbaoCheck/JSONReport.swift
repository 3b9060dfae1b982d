import Foundation
import NianbaoCore
import NianbaoJSON

/// `--format json`: one document; each diagnostic shaped like an LSP `Diagnostic` (0-based
/// UTF-16 positions) plus its file's `path` and its certain `fix` as text edits.
enum JSONReport {
  static func document(_ results: [CheckCommand.FileResult], options: CheckOptions) -> JSONValue {
    var diagnostics: [JSONValue] = []
    var errors: [JSONValue] = []
    for result in results {
      if let error = result.readError {
        errors.append(.object([("path", .string(result.path)), ("message", .string(error))]))
        continue
      }
      guard let source = result.source else { continue }
      let uri = result.path.hasPrefix("<") ? result.path : URL(fileURLWithPath: result.path).absoluteString
      for diagnostic in result.diagnostics {
        diagnostics.append(json(diagnostic, path: result.path, uri: uri, source: source, language: options.language))
      }
    }
    let summary = Summary(results)
    return .object([
      ("version", .string(About.version)),
      ("diagnostics", .array(diagnostics)),
      ("errors", .array(errors)),
      (
        "summary",
        .object([
          ("files", .int(summary.files)),
          ("filesWithProblems", .int(summary.filesWithProblems)),
          ("errors", .int(summary.counts[.error] ?? 0)),
          ("warnings", .int(summary.counts[.warning] ?? 0)),
          ("information", .int(summary.counts[.information] ?? 0)),
          ("hints", .int(summary.counts[.hint] ?? 0)),
          ("fixed", .int(summary.fixed)),
        ])
      ),
    ])
  }

  static func range(_ range: Range<Int>, _ source: SourceText) -> JSONValue {
    let start = source.lines.position(ofUTF8Offset: range.lowerBound, in: .utf16)
    let end = source.lines.position(ofUTF8Offset: range.upperBound, in: .utf16)
    return .object([
      ("start", .object([("line", .int(start.line)), ("character", .int(start.column))])),
      ("end", .object([("line", .int(end.line)), ("character", .int(end.column))])),
    ])
  }

  static func json(_ diagnostic: Diagnostic, path: String, uri: String, source: SourceText, language: Language) -> JSONValue {
    let rule = Rule.named(diagnostic.code)
    let fix = diagnostic.fixes.first { $0.isCertain }
    return JSONValue.object([
      ("path", .string(path)),
      ("range", range(diagnostic.range, source)),
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
                ("location", .object([("uri", .string(uri)), ("range", range(note.range, source))])),
                ("message", .string(note.message.text(language))),
              ])
            })
      ),
      (
        "fix",
        fix.map { fix in
          .array(fix.edits.map { .object([("range", range($0.range, source)), ("newText", .string($0.replacement))]) })
        }
      ),
    ])
  }
}
