import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// The README and `docs/`: the rule pages are those the catalogue makes, and every relative link
/// leads to a file (and heading) that exists.
///
/// `NIANBAO_RECORD_DOCS=1 swift test --filter DocumentationTests` writes the rule pages afresh
/// (and removes pages of no rule); the run then fails, so that a person looks at the change and
/// runs the tests again.
@Suite struct DocumentationTests {
  static let repository = TestPaths.repository
  static let recording = ProcessInfo.processInfo.environment["NIANBAO_RECORD_DOCS"] == "1"

  @Test func rulePagesAreThoseOfTheCatalogue() throws {
    let pages = try RulePages.all()
    let folder = Self.repository.appendingPathComponent(RulePages.folder)
    let present = Set(
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }
        .map { "\(RulePages.folder)/\($0)" }
    )
    if Self.recording {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for (path, text) in pages { try Data(text.utf8).write(to: Self.repository.appendingPathComponent(path)) }
      for path in present.subtracting(pages.keys) {
        try FileManager.default.removeItem(at: Self.repository.appendingPathComponent(path))
      }
      Issue.record("recorded \(pages.count) pages under \(RulePages.folder)/; look at them and run the tests again")
      return
    }
    let hint = "run NIANBAO_RECORD_DOCS=1 swift test --filter DocumentationTests"
    for (path, text) in pages.sorted(by: { $0.key < $1.key }) {
      let url = Self.repository.appendingPathComponent(path)
      guard let written = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("\(path) is missing; \(hint)")
        continue
      }
      #expect(written == text, "\(path) is stale; \(hint)")
    }
    for path in present.subtracting(pages.keys).sorted() {
      Issue.record("\(path) is the page of no rule; \(hint)")
    }
  }

  /// Every rule page links back from what users see: the editor's `codeDescription`, SARIF's
  /// `helpUri`, the review page and `--explain` all use this address.
  @Test func everyFindingLinksToItsPage() {
    for rule in Rule.all {
      #expect(
        About.documentationURL(for: rule) == "https://github.com/nianbao/nianbao/blob/main/docs/rules/\(rule.code).md"
      )
    }
  }

  /// Every relative link of the README and of `docs/` (`[text](path)` and `[text](path#anchor)`)
  /// names a file or folder that exists, and an anchor names a heading (or an `id`) of its page.
  @Test func relativeLinksLeadSomewhere() throws {
    var files = [Self.repository.appendingPathComponent("README.md")]
    let docs = Self.repository.appendingPathComponent("docs")
    if let walker = FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil) {
      for case let url as URL in walker where url.pathExtension == "md" { files.append(url) }
    }
    #expect(files.count > 40, "the README, the guide pages and a page per rule")
    var checked = 0
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for link in Self.links(in: text) where !link.contains("://") && !link.hasPrefix("mailto:") {
        checked += 1
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = parts[0].removingPercentEncoding ?? parts[0]
        let target = path.isEmpty ? file : URL(fileURLWithPath: path, relativeTo: file.deletingLastPathComponent())
        let name = file.path.replacingOccurrences(of: Self.repository.path + "/", with: "")
        guard FileManager.default.fileExists(atPath: target.path) else {
          Issue.record("\(name): the link \(link) leads to no file")
          continue
        }
        if parts.count == 2, target.pathExtension == "md" {
          let anchor = parts[1].removingPercentEncoding ?? parts[1]
          let anchors = Self.anchors(in: try String(contentsOf: target, encoding: .utf8))
          #expect(anchors.contains(anchor), "\(name): the link \(link) names no heading of its page")
        }
      }
    }
    #expect(checked > 100)
  }

  @Test func anchorsAreThoseACodeHostMakes() {
    #expect(markdownAnchor("Settings file: nianbao.toml") == "settings-file-nianbaotoml")
    #expect(markdownAnchor("Last year's report") == "last-years-report")
    #expect(markdownAnchor("The tables' sums · 表格的合计关系") == "the-tables-sums--表格的合计关系")
    #expect(Self.anchors(in: "# A\n## A\n```\n# not a heading\n```\n") == ["a", "a-1"])
    #expect(
      Self.links(in: "[a](x.md) `[b](y.md)` ![c](d.png \"t\") [e](f.md#g)\n```\n[h](i.md)\n```\n") == [
        "x.md", "d.png", "f.md#g",
      ]
    )
  }

  /// The targets of the Markdown links of a text, outside code.
  static func links(in text: String) -> [String] {
    var links: [String] = []
    for line in prose(text) {
      let characters = Array(line)
      var index = 0
      var inCode = false
      while index < characters.count {
        let character = characters[index]
        if character == "`" { inCode.toggle() }
        if !inCode, character == "]", index + 1 < characters.count, characters[index + 1] == "(" {
          var end = index + 2
          while end < characters.count, characters[end] != ")" { end += 1 }
          let target = String(characters[(index + 2)..<min(end, characters.count)])
          links.append(String(target.split(separator: " ").first ?? ""))
          index = end
        }
        index += 1
      }
    }
    return links
  }

  /// The anchors of a page: its headings as a code host names them (a repeated one gets `-1`,
  /// `-2` …), and `id`s written in HTML.
  static func anchors(in text: String) -> Set<String> {
    var anchors: Set<String> = []
    var seen: [String: Int] = [:]
    for line in prose(text) {
      if line.hasPrefix("#") {
        let heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        let base = markdownAnchor(heading)
        let count = seen[base, default: 0]
        seen[base] = count + 1
        anchors.insert(count == 0 ? base : "\(base)-\(count)")
      }
      var rest = Substring(line)
      while let range = rest.range(of: "id=\"") {
        let after = rest[range.upperBound...]
        if let end = after.firstIndex(of: "\"") { anchors.insert(String(after[..<end])) }
        rest = after
      }
    }
    return anchors
  }

  /// The lines of a Markdown text outside fenced code blocks.
  static func prose(_ text: String) -> [String] {
    var lines: [String] = []
    var fenced = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
        fenced.toggle()
        continue
      }
      if !fenced { lines.append(String(line)) }
    }
    return lines
  }
}
