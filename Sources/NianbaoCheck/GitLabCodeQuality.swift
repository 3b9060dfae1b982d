import Foundation
import NianbaoConfig
import NianbaoCore
import NianbaoJSON

/// `--format gitlab`: a GitLab Code Quality report (the `artifacts:reports:codequality` JSON),
/// an array of issues with the fields GitLab requires.
enum GitLabCodeQuality {
  static func document(
    _ results: [CheckCommand.FileResult],
    stale: [Suppressor.StaleEntry] = [],
    options: CheckOptions,
    directory: String = FileManager.default.currentDirectoryPath
  ) -> JSONValue {
    var issues: [JSONValue] = []
    for result in results {
      guard result.readError == nil, !result.findings.isEmpty, let source = result.source else { continue }
      let diagnostics = result.diagnostics
      let path = ReportPath.relative(result.path, to: directory)
      let fingerprints = FindingFingerprint.fingerprints(diagnostics, source: source)
      for (diagnostic, fingerprint) in zip(diagnostics, fingerprints) {
        var region = OneBasedRegion(diagnostic.range, in: source, columns: .utf32)
        if result.wordPlace(of: diagnostic.range.lowerBound) != nil {
          region = OneBasedRegion(0..<0, in: source, columns: .utf32)
        }
        issues.append(
          .object([
            ("type", "issue"),
            ("description", .string(description(diagnostic, in: result, language: options.language))),
            ("check_name", .string(diagnostic.code)),
            // Unique across the whole report: GitLab compares fingerprints between pipelines.
            ("fingerprint", .string(SHA256.hex(path + "\u{0}" + fingerprint))),
            ("severity", severity(diagnostic.severity)),
            ("location", .object([("path", .string(path)), ("lines", lines(region))])),
          ])
        )
      }
    }
    // An accepted finding that is no longer there: an issue of the suppressions file.
    for entry in stale {
      let path = ReportPath.relative(entry.file, to: directory)
      let f = entry.fingerprint
      issues.append(
        .object([
          ("type", "issue"),
          ("description", .string(entry.message(options.language))),
          ("check_name", "stale-suppression"),
          (
            "fingerprint",
            .string(SHA256.hex(["stale", path, f.code, f.path, f.text, f.before, f.after].joined(separator: "\u{0}")))
          ),
          ("severity", "minor"),
          ("location", .object([("path", .string(path)), ("lines", .object([("begin", 1)]))])),
        ])
      )
    }
    return .array(issues)
  }

  /// The message; for a Word document, which has no lines, led by the cell or paragraph.
  private static func description(
    _ diagnostic: Diagnostic,
    in result: CheckCommand.FileResult,
    language: Language
  ) -> String {
    guard let place = result.wordPlace(of: diagnostic.range.lowerBound) else {
      return diagnostic.message.text(language)
    }
    return "\(place.text(language)): \(diagnostic.message.text(language))"
  }

  static func severity(_ severity: Severity) -> JSONValue {
    switch severity {
    case .error: return "major"
    case .warning: return "minor"
    case .information, .hint: return "info"
    }
  }

  private static func lines(_ region: OneBasedRegion) -> JSONValue {
    .object([
      ("begin", .int(region.startLine)),
      ("end", region.endLine > region.startLine ? .int(region.endLine) : nil as JSONValue?),
    ])
  }
}
