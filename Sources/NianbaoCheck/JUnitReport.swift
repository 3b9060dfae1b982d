import Foundation
import NianbaoCore

/// `--format junit`: JUnit XML for CI test-report views, one `<testcase>` per checked file. A
/// file's errors (and warnings, with `--strict`) are its `<failure>`; what does not fail it is in
/// its `<system-out>`; a file that could not be read is an `<error>`.
enum JUnitReport {
  static func text(
    _ results: [CheckCommand.FileResult],
    stale: [Suppressor.StaleEntry] = [],
    options: CheckOptions
  ) -> String {
    let language = options.language
    var cases = ""
    var failures = 0
    var errors = 0
    for result in results {
      let name = attribute(result.path)
      cases += "    <testcase classname=\"\(name)\" name=\"\(name)\" file=\"\(name)\">\n"
      if let error = result.readError {
        errors += 1
        cases += "      <error message=\"\(attribute(error))\" type=\"unreadable\">\(content(error))</error>\n"
      } else if result.hasSource,
        // A file without findings is not read again for its positions.
        let source = result.findings.isEmpty ? SourceText("") : result.source
      {
        if let error = result.writeError {
          errors += 1
          cases += "      <error message=\"\(attribute(error))\" type=\"unwritten\">\(content(error))</error>\n"
        }
        let diagnostics = result.diagnostics
        let failing = diagnostics.filter { fails($0.severity, strict: options.strict) }
        let passing = diagnostics.filter { !fails($0.severity, strict: options.strict) }
        if !failing.isEmpty {
          failures += 1
          let codes = Array(Set(failing.map(\.code))).sorted().joined(separator: " ")
          let message =
            language == .zh
            ? "\(failing.count) 个问题：\(codes)" : "\(failing.count) problem\(failing.count == 1 ? "" : "s"): \(codes)"
          let lines = failing.map { line($0, in: result, source: source, language: language) }.joined()
          cases += "      <failure message=\"\(attribute(message))\" type=\"nianbao\">\(content(lines))</failure>\n"
        }
        var out = passing.map { line($0, in: result, source: source, language: language) }.joined()
        out = result.notices.map { $0.text(language) + "\n" }.joined() + out
        if !out.isEmpty { cases += "      <system-out>\(content(out))</system-out>\n" }
      }
      cases += "    </testcase>\n"
    }
    // A suppressions file with entries that match no finding any more: a case of its own,
    // failing (as the run does) with `--strict`.
    var files: [String] = []
    for entry in stale where !files.contains(entry.file) { files.append(entry.file) }
    for file in files {
      let path = ReportPath.relative(file, to: FileManager.default.currentDirectoryPath)
      let name = attribute(path)
      let entries = stale.filter { $0.file == file }
      let lines = entries.map { "\(path): warning: \($0.message(language))\n" }.joined()
      cases += "    <testcase classname=\"\(name)\" name=\"\(name)\" file=\"\(name)\">\n"
      if options.strict {
        failures += 1
        let message =
          language == .zh
          ? "\(entries.count) 条抑制已过时" : "\(entries.count) stale suppression\(entries.count == 1 ? "" : "s")"
        cases += "      <failure message=\"\(attribute(message))\" type=\"nianbao\">\(content(lines))</failure>\n"
      } else {
        cases += "      <system-out>\(content(lines))</system-out>\n"
      }
      cases += "    </testcase>\n"
    }
    let counts = "tests=\"\(results.count + files.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="nianbao" \(counts)>
        <testsuite name="nianbao --check" \(counts) skipped="0">
      \(cases)  </testsuite>
      </testsuites>

      """
  }

  private static func fails(_ severity: Severity, strict: Bool) -> Bool {
    severity == .error || (strict && severity == .warning)
  }

  /// A finding as the text output prints it: `path:line:column: severity: message [CODE]`.
  private static func line(
    _ diagnostic: Diagnostic,
    in result: CheckCommand.FileResult,
    source: SourceText,
    language: Language
  ) -> String {
    let location = result.textLocation(of: diagnostic.range.lowerBound, source: source, language: language)
    return
      "\(location): \(diagnostic.severity.name): \(diagnostic.message.text(language)) [\(diagnostic.code)]\n"
  }

  /// Text as element content: markup characters escaped, characters XML 1.0 cannot hold replaced.
  static func content(_ text: String) -> String { escaped(text, inAttribute: false) }

  /// Text as an attribute value: also quotes, and line breaks and tabs kept as references.
  static func attribute(_ text: String) -> String { escaped(text, inAttribute: true) }

  private static func escaped(_ text: String, inAttribute: Bool) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"" where inAttribute: out.append(contentsOf: "&quot;".unicodeScalars)
      case "'" where inAttribute: out.append(contentsOf: "&apos;".unicodeScalars)
      case "\n" where inAttribute: out.append(contentsOf: "&#10;".unicodeScalars)
      case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
      case "\t" where inAttribute: out.append(contentsOf: "&#9;".unicodeScalars)
      case "\t", "\n": out.append(scalar)
      default:
        let value = scalar.value
        let allowed = value >= 0x20 && value != 0xFFFE && value != 0xFFFF && !(0xD800...0xDFFF).contains(value)
        out.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return String(out)
  }
}
