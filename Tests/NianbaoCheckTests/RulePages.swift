import Foundation
import NianbaoCore
import NianbaoTestSupport

/// The pages under `docs/rules/`, made from the rule catalogue (`Rule.all`, the source of
/// `--list-rules` and `--explain`) and from what the real binary says about each rule's example
/// report in `Tests/Fixtures/`.
enum RulePages {
  static let folder = "docs/rules"

  /// The example of a rule: a fixture file or folder named after its code, or one of these.
  static let examples = ["NB201": "nb201-row-total.txt", "NB309": "cross-year"]

  /// Every page, by its path relative to the repository: one per rule and the index.
  static func all() throws -> [String: String] {
    var pages = ["\(folder)/README.md": index()]
    for rule in Rule.all {
      pages[About.documentationPath(for: rule)] = try page(rule)
    }
    return pages
  }

  static func index() -> String {
    var text = """
      # Rules

      Every finding nianbao reports has a permanent code. `nianbao --list-rules` lists them and
      `nianbao --explain CODE` explains one; each code below links to its page: what it checks, why it
      matters, an example and what nianbao says about it, the fix, and how to change its level.

      This page and the rule pages are generated from nianbao's rule catalogue by its tests
      (`NIANBAO_RECORD_DOCS=1 swift test --filter DocumentationTests`); edit the catalogue, not
      the pages.

      """
    for group in Rule.Group.allCases {
      text += "\n## \(group.title.en) · \(group.title.zh)\n\n"
      text += "| code | level | 检查 | check |\n|---|---|---|---|\n"
      for rule in Rule.all where rule.group == group {
        text +=
          "| [\(rule.code)](\(rule.code).md) | \(rule.severity.name) | \(cell(rule.title.zh)) | \(cell(rule.title.en)) |\n"
      }
    }
    return text
  }

  static func page(_ rule: Rule) throws -> String {
    let example = try self.example(rule)
    var text = """
      # \(rule.code): \(rule.title.zh)

      *\(rule.title.en)*

      | default level | group | fix |
      |---|---|---|
      | \(rule.severity.name) | [\(rule.group.title.en)](README.md#\(anchor(rule.group))) | \(example.fixSummary) |

      ## What it checks

      \(rule.explanation.zh)

      \(rule.explanation.en)

      ## Why it matters

      \(rule.basis.zh)

      \(rule.basis.en)

      ## Example

      \(example.text)
      ## Level

      By default a finding of \(rule.code) is \(article(rule.severity)) **\(rule.severity.name)**\(exitNote(rule.severity)).
      A team changes that in its [`nianbao.toml`](../guide.md#settings-file-nianbaotoml):

      ```toml
      [rules]
      \(rule.code) = "\(otherLevel(rule.severity))"    # error, warning, info, hint or off
      ```

      For one run, `nianbao --check --rule \(rule.code)=off reports/`; in an editor, the setting
      `{ "nianbao": { "rules": { "\(rule.code)": "off" } } }`. To accept one finding and keep the rule,
      record it in [`nianbao-suppressions.json`](../guide.md#accepted-findings-nianbao-suppressionsjson).

      [All rules](README.md)

      """
    while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
    return text
  }

  // MARK: - The example

  struct Example {
    var text: String
    var fixSummary: String
  }

  /// The example report of a rule, the lines a finding is on, what nianbao prints about it in
  /// both languages, and the text its fix writes.
  static func example(_ rule: Rule) throws -> Example {
    let name = try fixtureName(rule)
    let relative = "Tests/Fixtures/\(name)"
    let url = TestPaths.fixtures.appendingPathComponent(name)
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
    let zh = try findings(rule, relative, language: .zh)
    let en = try findings(rule, relative, language: .en)
    guard let first = zh.first, let place = place(first) else {
      throw Program.Failure("nianbao reports no \(rule.code) on \(relative)")
    }
    let file = URL(fileURLWithPath: place.path, relativeTo: TestPaths.repository)
    let source = SourceText(TestPaths.text(at: file))
    let from =
      isFolder.boolValue
      ? "From the example reports in [`\(relative)`](../../\(relative)) (invented, as every example report is), `\(place.path)`:"
      : "From the example report [`\(relative)`](../../\(relative)) (invented, as every example report is):"
    var text = """
      \(from)

      ```text
      \(excerpt(source, line: place.line - 1, column: place.column - 1))
      ```

      nianbao says:

      ```console
      $ nianbao --check \(relative)
      \(zh.prefix(2).joined(separator: "\n"))
      $ nianbao --check --lang en \(relative)
      \(en.prefix(2).joined(separator: "\n"))
      ```

      """
    var fixSummary = "—"
    if !isFolder.boolValue {
      let (_, diagnostics) = Checker.check(source.string)
      let diagnostic = diagnostics.sortedByPosition().first { $0.code == rule.code }
      if let fix = diagnostic?.fixes.first(where: \.isCertain) ?? diagnostic?.fixes.first {
        fixSummary = fix.isCertain ? "certain: `--fix` applies it" : "offered in the editor only"
        let how =
          fix.isCertain
          ? "`nianbao --check --fix` applies it, and so does the editor's “fix all”"
          : "It is offered in the editor, one finding at a time, and never applied unasked (`--fix` leaves it)"
        text += """

          ## The fix

          The quick fix “\(fix.title.zh)” (“\(fix.title.en)”). \(how). After it:

          ```text
          \(fixedExcerpt(source, fix))
          ```

          """
      }
    }
    if fixSummary == "—" {
      text += "\nThere is no automatic fix: the report's author corrects the text.\n"
    }
    return Example(text: text, fixSummary: fixSummary)
  }

  static func fixtureName(_ rule: Rule) throws -> String {
    if let name = examples[rule.code] { return name }
    let prefix = rule.code.lowercased() + "-"
    let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures.path).sorted()
    guard let name = names.first(where: { $0.hasPrefix(prefix) }) else {
      throw Program.Failure("no example report for \(rule.code) in Tests/Fixtures (a file or folder \(prefix)…)")
    }
    return name
  }

  /// The lines of the text output about one rule.
  static func findings(_ rule: Rule, _ path: String, language: Language) throws -> [String] {
    let result = try Program.nianbao(
      ["--check", "--lang", language.rawValue, path],
      in: TestPaths.repository
    )
    return result.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("[\(rule.code)]") }
  }

  /// `path:line:column:` at the start of a text output line.
  static func place(_ line: String) -> (path: String, line: Int, column: Int)? {
    let parts = line.components(separatedBy: ": ").first?.split(separator: ":").map(String.init) ?? []
    guard parts.count >= 3, let number = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
      return nil
    }
    return (parts.dropLast(2).joined(separator: ":"), number, column)
  }

  /// The finding's line with the one before and after, numbered, each cut to about 100
  /// characters around the finding's column.
  static func excerpt(_ source: SourceText, line: Int, column: Int) -> String {
    let lines = source.string.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    let range = max(0, line - 1)...min(lines.count - 1, line + 1)
    return numbered(range.map { ($0, lines[$0]) }, column: column)
  }

  /// The lines a fix changes, as they read after it (at most three).
  static func fixedExcerpt(_ source: SourceText, _ fix: Fix) -> String {
    let fixed = fix.edits.applied(to: source)
    let first = fix.edits.map(\.range.lowerBound).min() ?? 0
    let startLine = source.lines.line(containing: first)
    let lines = fixed.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    let before = source.string.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    // The changed lines: from the first edit's line, while they differ from the original (a
    // fix that adds or removes lines shifts the rest, so stop after three).
    var shown: [(Int, String)] = []
    var index = startLine
    while index < lines.count, shown.count < 3 {
      if shown.isEmpty || index >= before.count || lines[index] != before[index] {
        shown.append((index, lines[index]))
        index += 1
      } else {
        break
      }
    }
    let lineStart = source.lines.contentRange(ofLine: startLine).lowerBound
    let characters = String(decoding: source.utf8[lineStart..<max(lineStart, first)], as: UTF8.self).count
    return numbered(shown, column: characters)
  }

  private static func numbered(_ lines: [(Int, String)], column: Int) -> String {
    let width = String(lines.last.map { $0.0 + 1 } ?? 1).count
    return lines.map { index, line in
      let number = String(index + 1)
      return String(repeating: " ", count: width - number.count) + number + "  " + clip(line, around: column)
    }.joined(separator: "\n")
  }

  /// A line cut to at most 100 characters, keeping the place `column` (in characters) in view.
  static func clip(_ line: String, around column: Int) -> String {
    let characters = Array(line)
    guard characters.count > 100 else { return line }
    let start = max(0, min(column - 40, characters.count - 100))
    let end = min(characters.count, start + 100)
    return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
  }

  // MARK: - Small words

  private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

  /// The anchor a code host gives the heading of a group in the index.
  static func anchor(_ group: Rule.Group) -> String {
    markdownAnchor("\(group.title.en) · \(group.title.zh)")
  }

  private static func article(_ severity: Severity) -> String {
    severity == .error || severity == .information ? "an" : "a"
  }

  private static func exitNote(_ severity: Severity) -> String {
    switch severity {
    case .error: " (`nianbao --check` exits with status 1 while one remains)"
    case .warning: " (it fails a run only with `--strict`)"
    case .information, .hint: " (it never fails a run)"
    }
  }

  private static func otherLevel(_ severity: Severity) -> String { severity == .error ? "warning" : "error" }
}

/// The anchor GitHub gives a Markdown heading: lower case, punctuation other than `-` and `_`
/// dropped, spaces turned into `-`.
func markdownAnchor(_ heading: String) -> String {
  var anchor = ""
  for character in heading.lowercased() {
    if character == " " {
      anchor.append("-")
    } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
      anchor.append(character)
    }
  }
  return anchor
}
