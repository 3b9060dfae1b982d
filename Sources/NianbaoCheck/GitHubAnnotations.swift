import Foundation
import NianbaoCore

/// `--format github`: one GitHub Actions workflow command per finding, which the runner shows as
/// an annotation on the file and line (`::error file=…,line=…,col=…::message`). Columns count
/// characters, as the text output does.
enum GitHubAnnotations {
  static func text(
    _ results: [CheckCommand.FileResult],
    options: CheckOptions,
    directory: String = FileManager.default.currentDirectoryPath
  ) -> String {
    let language = options.language
    var out = ""
    for result in results {
      let file = ReportPath.relative(result.path, to: directory)
      for notice in result.notices {
        out += command("notice", [("file", file)], notice.text(language))
      }
      if let error = result.readError {
        out += command("error", [("file", file), ("title", "nianbao")], error)
        continue
      }
      if let error = result.writeError { out += command("error", [("file", file), ("title", "nianbao")], error) }
      guard !result.findings.isEmpty, let source = result.source else { continue }
      for diagnostic in result.diagnostics {
        if let place = result.wordPlace(of: diagnostic.range.lowerBound) {
          // A Word document has no lines: the annotation names the file and says where.
          out += command(
            name(diagnostic.severity),
            [("file", file), ("title", diagnostic.code)],
            "\(place.text(language)): \(diagnostic.message.text(language))"
          )
          continue
        }
        let region = OneBasedRegion(endingOnItsLastLine(diagnostic.range, source), in: source, columns: .utf32)
        var properties = [("file", file), ("line", String(region.startLine))]
        // GitHub takes columns only for an annotation on one line; its end column is the last
        // character's (it defaults to the start column).
        if region.startLine == region.endLine {
          properties.append(("col", String(region.startColumn)))
        }
        properties.append(("endLine", String(region.endLine)))
        if region.startLine == region.endLine {
          properties.append(("endColumn", String(max(region.startColumn, region.endColumn - 1))))
        }
        properties.append(("title", diagnostic.code))
        out += command(name(diagnostic.severity), properties, diagnostic.message.text(language))
      }
    }
    return out + Summary(results).text(language, fix: options.fix) + "\n"
  }

  /// A range that ends where a line starts ends, for GitHub, at the end of the line before.
  private static func endingOnItsLastLine(_ range: Range<Int>, _ source: SourceText) -> Range<Int> {
    let lines = source.lines
    let endLine = lines.line(containing: range.upperBound)
    guard endLine > lines.line(containing: range.lowerBound), lines.lineStarts[endLine] == range.upperBound else {
      return range
    }
    return range.lowerBound..<max(range.lowerBound, lines.contentEnds[endLine - 1])
  }

  static func name(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .information, .hint: return "notice"
    }
  }

  static func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
    let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))\n"
  }

  /// As `escapeData` in @actions/core's command.ts: `%`, CR and LF.
  static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// As `escapeProperty` in @actions/core's command.ts: also `:` and `,`, which delimit properties.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
