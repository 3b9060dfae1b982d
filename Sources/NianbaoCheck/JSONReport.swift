import Foundation
import NianbaoCore
import NianbaoFiles
import NianbaoJSON
import NianbaoProtocol

/// `--format json`: one document; each diagnostic shaped like an LSP `Diagnostic` (0-based
/// UTF-16 positions) plus its file's `path` and its certain `fix` as text edits.
enum JSONReport {
  /// How many files have their findings converted at the same time, on every core, before they
  /// are written out: a folder's JSON is tens of megabytes, and never held whole.
  static let filesWrittenTogether = 16

  /// Writes the document to `output` a piece at a time, byte for byte as the whole document
  /// would be printed (pretty, two spaces), with a line break after it.
  static func write(_ results: [CheckCommand.FileResult], options: CheckOptions, to output: ([UInt8]) -> Void) {
    var errors: [JSONValue] = []
    var encodings: [JSONValue] = []
    var notes: [JSONValue] = []
    for result in results {
      if result.encoding != .utf8 {
        encodings.append(.object([("path", .string(result.path)), ("encoding", .string(result.encoding.name))]))
      }
      if let note = result.agencyNotice {
        notes.append(.object([("path", .string(result.path)), ("message", .string(note.text(options.language)))]))
      }
      if let error = result.readError ?? result.writeError {
        errors.append(.object([("path", .string(result.path)), ("message", .string(error))]))
      }
    }
    let summary = Summary(results)
    let document = StreamedDocument(
      .object([
        ("version", .string(About.version)),
        ("diagnostics", .array([StreamedDocument.placeholder])),
        ("errors", .array(errors)),
        // Files read in an encoding other than UTF-8 (and written back in it by `--fix`).
        ("encodings", encodings.isEmpty ? nil : .array(encodings)),
        // Reports some rules could not be applied to (a title that names no agency).
        ("notes", notes.isEmpty ? nil : .array(notes)),
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
    )
    // Last year's report, where a finding's related information points into it.
    let otherTexts = CheckedTexts(results)
    document.write(results, batchesOf: filesWrittenTogether, to: output) { files in
      defer { otherTexts.forgetSources() }
      return CheckCommand.concurrentMap(Array(files)) {
        diagnostics(of: $0, in: document, options: options, otherTexts: otherTexts)
      }
    }
    output([UInt8(ascii: "\n")])
  }

  /// A file's findings as items of the document's `diagnostics` array, joined by its separator;
  /// empty when it has none.
  static func diagnostics(
    of result: CheckCommand.FileResult,
    in document: StreamedDocument,
    options: CheckOptions,
    otherTexts: CheckedTexts
  ) -> [UInt8] {
    let shown = result.shown(options)
    guard result.readError == nil, !shown.isEmpty, let source = result.source else { return [] }
    let uri = Self.uri(result.path)
    let language = options.languageGiven ? options.language : result.settings?.language ?? options.language
    var out: [UInt8] = []
    for (diagnostic, suppressed) in shown {
      var item = json(diagnostic, path: result.path, uri: uri, source: source, language: language) { file in
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
      if !out.isEmpty { out += document.separator }
      document.write(item, to: &out)
    }
    return out
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
