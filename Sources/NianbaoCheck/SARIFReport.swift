import Foundation
import NianbaoCore
import NianbaoJSON

/// `--format sarif`: SARIF 2.1.0, one run, for GitHub code scanning and other review tools.
/// Columns are 1-based UTF-16 code units (the SARIF default, stated as `columnKind`).
enum SARIFReport {
  static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  static let sourceRoot = "SRCROOT"

  /// How many files have their findings converted at the same time, on every core, before they
  /// are written out: a folder's SARIF is tens of megabytes, and never held whole.
  static let filesWrittenTogether = 16

  /// Writes the log to `output` a piece at a time, byte for byte as the whole document would be
  /// printed (pretty, two spaces), with a line break after it.
  static func write(
    _ results: [CheckCommand.FileResult],
    stale: [Suppressor.StaleEntry] = [],
    options: CheckOptions,
    directory: String = FileManager.default.currentDirectoryPath,
    to output: ([UInt8]) -> Void
  ) {
    let language = options.language
    var notifications: [JSONValue] = []
    for result in results {
      let artifact = artifactLocation(result.path, directory: directory)
      for notice in result.notices {
        notifications.append(notification("note", notice.text(language), artifact: artifact))
      }
      if let error = result.readError ?? result.writeError {
        notifications.append(notification("error", error, artifact: artifact))
      }
    }
    // An accepted finding that is no longer there: the entry of the suppressions file can go.
    for entry in stale {
      notifications.append(
        notification(
          "warning",
          entry.message(language),
          artifact: artifactLocation(entry.file, directory: directory)
        )
      )
    }
    let run = JSONValue.object([
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", "nianbao"),
              ("version", .string(About.version)),
              ("semanticVersion", .string(About.version)),
              ("informationUri", .string(About.homepage)),
              ("language", language == .zh ? "zh-CN" : "en-US"),
              ("rules", .array(Rule.all.map { descriptor($0, language: language) })),
            ])
          )
        ])
      ),
      (
        "invocations",
        .array([
          .object([
            ("executionSuccessful", .bool(!results.contains { $0.readError != nil || $0.writeError != nil })),
            ("toolExecutionNotifications", notifications.isEmpty ? nil : .array(notifications) as JSONValue?),
          ])
        ])
      ),
      ("originalUriBaseIds", .object([(sourceRoot, .object([("uri", .string(directoryURI(directory)))]))])),
      ("columnKind", "utf16CodeUnits"),
      ("results", .array([StreamedDocument.placeholder])),
    ])
    let document = StreamedDocument(
      .object([("$schema", .string(schema)), ("version", "2.1.0"), ("runs", .array([run]))])
    )
    // Last year's report, where a finding's related information points into it.
    let otherTexts = CheckedTexts(results)
    document.write(results, batchesOf: filesWrittenTogether, to: output) { files in
      defer { otherTexts.forgetSources() }
      return CheckCommand.concurrentMap(Array(files)) {
        findings(of: $0, in: document, language: language, directory: directory, otherTexts: otherTexts)
      }
    }
    output([UInt8(ascii: "\n")])
  }

  /// A file's findings as items of the log's `results` array, joined by its separator; empty
  /// when it has none.
  static func findings(
    of result: CheckCommand.FileResult,
    in document: StreamedDocument,
    language: Language,
    directory: String,
    otherTexts: CheckedTexts
  ) -> [UInt8] {
    guard result.readError == nil, !result.findings.isEmpty, let source = result.source else { return [] }
    let diagnostics = result.diagnostics
    let artifact = artifactLocation(result.path, directory: directory)
    let elsewhere = { (file: String) -> (artifact: JSONValue, source: SourceText)? in
      otherTexts.source(file).map { (artifactLocation(file, directory: directory), $0) }
    }
    let fingerprints = FindingFingerprint.fingerprints(diagnostics, source: source)
    var out: [UInt8] = []
    for (diagnostic, fingerprint) in zip(diagnostics, fingerprints) {
      if !out.isEmpty { out += document.separator }
      let item = self.result(
        diagnostic,
        artifact: artifact,
        source: source,
        place: result.wordPlace(of: diagnostic.range.lowerBound),
        fingerprint: fingerprint,
        language: language,
        elsewhere: elsewhere
      )
      document.write(item, to: &out)
    }
    return out
  }

  static func level(_ severity: Severity) -> JSONValue {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .information, .hint: return "note"
    }
  }

  private static func descriptor(_ rule: Rule, language: Language) -> JSONValue {
    .object([
      ("id", .string(rule.code)),
      ("name", .string(rule.name)),
      ("shortDescription", .object([("text", .string(rule.title.text(language)))])),
      ("fullDescription", .object([("text", .string(rule.explanation.text(language)))])),
      ("helpUri", .string(About.documentationURL(for: rule))),
      ("defaultConfiguration", .object([("level", level(rule.severity))])),
    ])
  }

  private static func result(
    _ diagnostic: Diagnostic,
    artifact: JSONValue,
    source: SourceText,
    place: WordPlace?,
    fingerprint: String,
    language: Language,
    elsewhere: (String) -> (artifact: JSONValue, source: SourceText)?
  ) -> JSONValue {
    if let place {
      // A Word document has no lines: the location is the file and a logical place in it, and
      // its fixes (edits of the XML inside the archive) are left to `nianbao --fix`.
      return .object([
        ("ruleId", .string(diagnostic.code)),
        ("ruleIndex", Rule.all.firstIndex { $0.code == diagnostic.code }.map { .int($0) }),
        ("level", level(diagnostic.severity)),
        ("message", .object([("text", .string(diagnostic.message.text(language)))])),
        (
          "locations",
          .array([
            .object([
              ("physicalLocation", .object([("artifactLocation", artifact)])),
              (
                "logicalLocations",
                .array([
                  .object([
                    ("name", .string(place.text(language))),
                    ("kind", place.table == nil ? "text" : "element"),
                  ])
                ])
              ),
            ])
          ])
        ),
        ("partialFingerprints", .object([("nianbaoFinding/v1", .string(fingerprint))])),
      ])
    }
    // A note in another report (last year's) points into that file; one whose report was not
    // checked is left out.
    let places = diagnostic.related.compactMap { note -> (JSONValue, SourceText, RelatedNote)? in
      guard let file = note.file else { return (artifact, source, note) }
      return elsewhere(file).map { ($0.artifact, $0.source, note) }
    }
    let related = places.enumerated().map { index, place in
      JSONValue.object([
        ("id", .int(index)),
        ("physicalLocation", physicalLocation(place.0, place.2.range, place.1)),
        ("message", .object([("text", .string(place.2.message.text(language)))])),
      ])
    }
    let fixes = diagnostic.fixes.filter(\.isCertain).map { fix in
      var cursor = PositionCursor(source: source, encoding: .utf16)
      return JSONValue.object([
        ("description", .object([("text", .string(fix.title.text(language)))])),
        (
          "artifactChanges",
          .array([
            .object([
              ("artifactLocation", artifact),
              (
                "replacements",
                .array(
                  fix.edits.map { edit in
                    .object([
                      ("deletedRegion", region(OneBasedRegion(edit.range, cursor: &cursor))),
                      ("insertedContent", .object([("text", .string(edit.replacement))])),
                    ])
                  }
                )
              ),
            ])
          ])
        ),
      ])
    }
    return .object([
      ("ruleId", .string(diagnostic.code)),
      ("ruleIndex", Rule.all.firstIndex { $0.code == diagnostic.code }.map { .int($0) }),
      ("level", level(diagnostic.severity)),
      ("message", .object([("text", .string(diagnostic.message.text(language)))])),
      ("locations", .array([.object([("physicalLocation", physicalLocation(artifact, diagnostic.range, source))])])),
      ("relatedLocations", related.isEmpty ? nil : .array(related) as JSONValue?),
      ("fixes", fixes.isEmpty ? nil : .array(fixes) as JSONValue?),
      ("partialFingerprints", .object([("nianbaoFinding/v1", .string(fingerprint))])),
    ])
  }

  private static func physicalLocation(_ artifact: JSONValue, _ range: Range<Int>, _ source: SourceText) -> JSONValue {
    .object([("artifactLocation", artifact), ("region", region(range, source))])
  }

  private static func region(_ range: Range<Int>, _ source: SourceText) -> JSONValue {
    region(OneBasedRegion(range, in: source, columns: .utf16))
  }

  private static func region(_ region: OneBasedRegion) -> JSONValue {
    .object([
      ("startLine", .int(region.startLine)),
      ("startColumn", .int(region.startColumn)),
      ("endLine", .int(region.endLine)),
      ("endColumn", .int(region.endColumn)),
    ])
  }

  private static func artifactLocation(_ path: String, directory: String) -> JSONValue {
    let (uri, isRelative) = ReportPath.uri(ReportPath.relative(path, to: directory))
    return .object([("uri", .string(uri)), ("uriBaseId", isRelative ? .string(sourceRoot) : nil as JSONValue?)])
  }

  private static func directoryURI(_ directory: String) -> String {
    let (uri, _) = ReportPath.uri(directory.hasSuffix("/") ? directory : directory + "/")
    return uri
  }

  private static func notification(_ level: JSONValue, _ text: String, artifact: JSONValue) -> JSONValue {
    .object([
      ("level", level),
      ("message", .object([("text", .string(text))])),
      ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact)]))])])),
    ])
  }
}
