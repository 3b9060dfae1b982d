import Foundation
import NianbaoTestSupport
import Testing

/// The numbers and words a user reads on the command line: counts that agree between the
/// outputs, Chinese and English that read right, settings mistakes said aloud, usage errors.
@Suite struct WordsAndCountsTests {
  typealias Project = ConfigCheckTests.Project

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func fileCountsAgreeWhenAFileCannotBeRead() throws {
    let project = try Project()
    try project.copy("clean-2025-tabs.txt", to: "reports/白石镇2025年度报告.txt")
    try Data([0x80, 0x00, 0xFF, 0x01]).write(to: project.root.appendingPathComponent("reports/损坏.txt"))
    let text = try project.run(["--check", "reports"])
    #expect(text.status == 2)
    #expect(text.stdout == "1 个文件未发现问题；1 个文件无法读取\n")
    let summary = try Self.json(try project.run(["--check", "--format", "json", "reports"]).stdout)["summary"]
    let counts = try #require(summary as? [String: Any])
    #expect(counts["files"] as? Int == 1)
    #expect(counts["unreadable"] as? Int == 1)
    let page = try project.run(["--check", "--format", "html", "reports"]).stdout
    #expect(page.contains("<tr data-count=\"files\"><th>检查的文件</th><td>1</td></tr>"))
    #expect(page.contains("<tr data-count=\"unreadable\" class=\"bad\"><th>无法读取的文件</th><td>1</td></tr>"))
  }

  @Test func oneFileHasNoJun() throws {
    let clean = Paths.fixture("clean-2025-tabs.txt")
    #expect(try Binary.run(["--check", clean]).stdout == "1 个文件未发现问题\n")
    #expect(try Binary.run(["--check", clean, Paths.fixture("clean-2025-signed.txt")]).stdout == "2 个文件均未发现问题\n")
  }

  @Test func englishHasNoChinesePunctuationAndCountsInTheSingular() throws {
    let lost = try Binary.run(["--check", "--lang", "en", Paths.fixture("nb107-lost-columns-everywhere.txt")])
    let line = try #require(lost.stdout.split(separator: "\n").first { $0.contains("[NB107]") })
    #expect(line.contains("(7 are needed; they have 5 or 6)"), "\(line)")
    #expect(!line.contains("、"))
    let tables = try Binary.run(["--format-tables", "--diff", "--lang", "en", Paths.fixture("nb113-misnumbered.txt")])
    #expect(tables.stderr == "nianbao: would change 1 of 1 file (3 tables, 1 heading number)\n")
  }

  /// Each rule's explanation calls its findings by the rule's own level.
  @Test func explanationsNameTheirOwnLevel() throws {
    let explained = try Binary.run(["--explain", "NB111"]).stdout
    #expect(explained.hasPrefix("NB111 (warning)"))
    #expect(explained.contains("合为一条警告"))
    let rules = try Binary.run(["--list-rules"]).stdout.split(separator: "\n")
    for rule in rules {
      let parts = rule.split(separator: " ", omittingEmptySubsequences: true)
      guard parts.count >= 2, parts[0].hasPrefix("NB") else { continue }
      let text = try Binary.run(["--explain", String(parts[0])]).stdout
      if parts[1] == "info" {
        #expect(!text.contains("一条警告") && !text.contains("一条错误"), "\(parts[0])")
      } else {
        #expect(!text.contains("一条提示") && !text.contains("只作提示"), "\(parts[0]) is a \(parts[1])")
      }
    }
  }

  @Test func brokenSuppressionsFileIsLocated() throws {
    let project = try Project()
    try project.copy("nb201-row-total.txt", to: "报告.txt")
    try project.write("nianbao-suppressions.json", "{\n  \"suppressions\": [\n    {\"code\": \"NB201\", }\n  ]\n}\n")
    let syntax = try project.run(["--check", "报告.txt"])
    #expect(syntax.status == 2)
    #expect(syntax.stderr.hasSuffix("/nianbao-suppressions.json:3:23: 不是有效的 JSON\n"), "\(syntax.stderr)")
    try project.write(
      "nianbao-suppressions.json",
      "{\n  \"suppressions\": [\n    {\"code\": \"NB201\", \"path\": \"报告.txt\", \"text\": \"4\"},\n"
        + "    {\"code\": \"NB201\"}\n  ]\n}\n"
    )
    let entry = try project.run(["--check", "--lang", "en", "报告.txt"])
    #expect(entry.status == 2)
    #expect(
      entry.stderr.hasSuffix("/nianbao-suppressions.json:4:5: entry 2 lacks code, path or text\n"),
      "\(entry.stderr)"
    )
  }

  @Test func settingsMistakesAreSaid() throws {
    let project = try Project()
    try project.copy("clean-2025-tabs.txt", to: "2025/白石镇.txt")
    try project.write("nianbao.toml", "language = \"zh\"\nprevious = \"2024/白石镇.txt\"\n")
    let missing = try project.run(["--check", "2025"])
    #expect(missing.status == 0)
    let toml = project.root.standardizedFileURL.path + "/nianbao.toml"
    let expected = project.root.standardizedFileURL.path + "/2024/白石镇.txt"
    #expect(missing.stderr == "nianbao: \(toml):2: warning: previous 指向的文件 \(expected) 不存在，未与上年报告比较\n")

    try project.write("nianbao.toml", "exclude = [\"草稿[旧]\"]\n")
    let glob = try project.run(["--check", "2025"])
    #expect(glob.status == 2)
    #expect(glob.stderr.hasPrefix("nianbao: \(toml):1:12: 模式“草稿[旧]”含有 [ ] { } 或 \\"), "\(glob.stderr)")
  }

  @Test func showSettingsOfTheCurrentFolder() throws {
    let project = try Project()
    try project.write("nianbao.toml", "[rules]\nNB307 = \"off\"\n")
    let result = try project.run(["--show-settings", "."])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    let config = project.root.standardizedFileURL.path + "/nianbao.toml"
    #expect(lines.count > 2 && lines[1] == "配置文件  \(config)", "\(result.stdout)")
    #expect(lines.contains { $0.hasPrefix("NB307 ") && $0.contains(" off ") && $0.hasSuffix("\(config):2") })
  }

  @Test func checkOptionsWithoutCheckAreAUsageError() throws {
    let result = try Binary.run(["--format", "json"], stdin: Data())
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "nianbao: --format 用于检查文件，请加 --check，例如：nianbao --check --format json 报告.txt；语言服务器只接受 --stdio 和 --log-file\n"
    )
    let strict = try Binary.run(["--strict", "--lang", "en"], stdin: Data())
    #expect(strict.status == 2)
    #expect(strict.stderr.hasPrefix("nianbao: --strict is for checking files: add --check"))
  }

  /// With heading 五 gone, NB101 says so; NB403 does not add that 五 says nothing.
  @Test func noHeadingFiveNoNB403() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let text = TestPaths.fixtureText("nb403-no-accountability.txt")
      .replacingOccurrences(of: "五、存在的主要问题及改进情况\n", with: "")
    try Data(text.utf8).write(to: root.appendingPathComponent("r.txt"))
    let result = try Binary.run(["--check", "r.txt"], in: root)
    #expect(result.stdout.contains("缺少第五部分"), "\(result.stdout)")
    #expect(!result.stdout.contains("[NB403]"), "\(result.stdout)")
  }
}
