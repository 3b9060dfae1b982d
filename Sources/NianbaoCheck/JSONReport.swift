import Foundation
import NianbaoCore
import NianbaoFiles
import NianbaoJSON
import NianbaoProtocol

/// `--format json`: one document; each diagnostic shaped like an LSP `Diagnostic` (0-based
/// UTF-16 positions) plus its file's `path` and its certain `fix` as text edits.
enum JSONReport {
  static func document(_ results: [CheckCommand.FileResult], options: CheckOptions) -> JSONValue {
    var diagnostics: [JSONValue] = []
    var errors: [JSONValue] = []
    var encodings: [JSONValue] = []
    var notes: [JSONValue] = []
    // Last year's report, where a finding's related information points into it.
    let otherTexts = CheckedTexts(results)
    for result in results {
      if result.encoding != .utf8 {
        encodings.append(.object([("path", .string(result.path)), ("encoding", .string(result.encoding.name))]))
      }
      if let note = result.agencyNotice {
        notes.append(.object([("path", .string(result.path)), ("message", .string(note.text(options.language)))]))
      }
      if let error = result.readError {
        errors.append(.object([("path", .string(result.path)), ("message", .string(error))]))
        continue
      }
      if let error = result.writeError {
        errors.append(.object([("path", .string(result.path)), ("message", .string(error))]))
      }
      guard let source = result.source else { continue }
      let uri = Self.uri(result.path)
      let language = options.languageGiven ? options.language : result.settings?.language ?? options.language
      for (diagnostic, suppressed) in result.shown(options) {
        var item = json(diagnostic, path: result.path, uri: uri, source: source, language: language) {
          file in
          otherTexts.source(file).map {
            ElsewherePlace(uri: Self.uri(file), converter: PositionConverter(source: $0, encoding: .utf16))
          }
        }
        if let place = result.wordPlace(of: diagnostic.range.lowerBound), case .object(var members) = item {
          // A Word document's range is in its word/document.xml; the place is what a person follows.
          members.insert(("place", place.json), at: 1)
          item = .object(members)
        }
        if suppressed, case .object(var members) = item {
          members.append(("suppressed", true))
          item = .object(members)
        }
        diagnostics.append(item)
      }
    }
    let summary = Summary(results)
    return .object([
      ("version", .string(About.version)),
      ("diagnostics", .array(diagnostics)),
      ("errors", .array(errors)),
      // Files read in an encoding other than UTF-8 (and written back in it by `--fix`).
      ("encodings", encodings.isEmpty ? nil : .array(encodings) as JSONValue?),
      // Reports some rules could not be applied to (a title that names no agency).
      ("notes", notes.isEmpty ? nil : .array(notes) as JSONValue?),
      (
        "summary",
        .object([
          ("files", .int(summary.checked)),
          ("unreadable", .int(summary.unreadable)),
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

  static func uri(_ path: String) -> String {
    path.hasPrefix("<") ? path : URL(fileURLWithPath: path).absoluteString
  }

  /// `elsewhere` gives the URI and positions of another report a related note points into
  /// (last year's); a note whose report it does not know is left out.
  static func json(
    _ diagnostic: Diagnostic,
    path: String,
    uri: String,
    source: SourceText,
    language: Language,
    elsewhere: (String) -> ElsewherePlace? = { _ in nil }
  ) -> JSONValue {
    let converter = PositionConverter(source: source, encoding: .utf16)
    guard
      case .object(var members) = DiagnosticConversion.lsp(
        diagnostic,
        uri: uri,
        converter: converter,
        language: language,
        elsewhere: elsewhere
      )
    else {
      preconditionFailure("a diagnostic converts to an object")
    }
    members.insert(("path", .string(path)), at: 0)
    if let fix = diagnostic.fixes.first(where: \.isCertain) {
      members.append(("fix", DiagnosticConversion.edits(fix.edits, converter: converter)))
    }
    return .object(members)
  }
}
