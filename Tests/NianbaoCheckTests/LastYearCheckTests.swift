import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// `--check` of two years of one agency: NB311, NB312 and NB313 beside NB309, and last year's
/// report named in `nianbao.toml`.
@Suite struct LastYearCheckTests {
  static func lines(_ result: Binary.Result) -> [String] { result.stdout.split(separator: "\n").map(String.init) }

  @Test func documentsInForce() throws {
    let result = try Binary.run(["--check", "--lang", "en", Paths.fixture("nb311-documents-in-force")])
    #expect(result.status == 0)
    #expect(
      Self.lines(result) == [
        Paths.fixture("nb311-documents-in-force/白石镇2025年度报告.txt")
          + ":22:13: info: Table 二 “行政规范性文件”: 15 in force, but last year's 12 + 2 issued − 1 repealed is 13; explain a clean-up or a change of counting in the text [NB311]",
        "1 info in 1 of 2 files",
      ]
    )
  }

  /// NB309's related cells are in last year's report: JSON gives them with that file's URI, and
  /// SARIF as `relatedLocations` in that file, with its own lines and columns.
  @Test func relatedLocationsInLastYearsReport() throws {
    let lastYear = "Tests/Fixtures/cross-year/白石镇2024年度报告.txt"
    let json = try JSONValue.parse(
      try Binary.run(["--check", "--format", "json", "Tests/Fixtures/cross-year"], in: TestPaths.repository).stdout
    )
    let diagnostic = try #require(json["diagnostics"]?.array?.first { $0["code"] == "NB309" })
    let related = diagnostic["relatedInformation"]?.array ?? []
    #expect(related.count == 3)
    for note in related {
      let uri = try #require(note["location"]?["uri"]?.string)
      #expect(URL(string: uri)?.path == TestPaths.repository.appendingPathComponent(lastYear).path, "\(uri)")
    }
    // Line 62 of last year's report, `四、结转下年度继续办理`: its first value, 0-based.
    #expect(related.first?["location"]?["range"]?["start"]?["line"] == 61)
    #expect(related.first?["location"]?["range"]?["start"]?["character"] == 13)

    let sarif = try JSONValue.parse(
      try Binary.run(["--check", "--format", "sarif", "Tests/Fixtures/cross-year"], in: TestPaths.repository).stdout
    )
    let result = try #require(sarif["runs"]?[0]?["results"]?.array?.first { $0["ruleId"] == "NB309" })
    let locations = result["relatedLocations"]?.array ?? []
    #expect(locations.count == 3)
    for location in locations {
      let uri = location["physicalLocation"]?["artifactLocation"]?["uri"]?.string
      #expect(uri?.removingPercentEncoding == lastYear, "\(uri ?? "none")")
      #expect(location["physicalLocation"]?["artifactLocation"]?["uriBaseId"] == "SRCROOT")
    }
    #expect(locations.first?["physicalLocation"]?["region"]?["startLine"] == 62)
    #expect(locations.first?["physicalLocation"]?["region"]?["startColumn"] == 14)
  }

  @Test func copiedSection() throws {
    let result = try Binary.run(["--check", Paths.fixture("nb312-copied-section")])
    #expect(result.status == 0)
    #expect(
      Self.lines(result) == [
        Paths.fixture("nb312-copied-section/白石镇2025年度报告.txt")
          + ":70:1: warning: 本部分 100% 的文字与 2024 年报告相同（超过一半），请按本年度的工作重写 [NB312]",
        "1 个警告，涉及 2 个文件中的 1 个",
      ]
    )
    // --strict fails on it, as on every warning.
    #expect(try Binary.run(["--check", "--strict", Paths.fixture("nb312-copied-section")]).status == 1)
    // Either report alone has nothing to compare with.
    #expect(
      try Binary.run(["--check", Paths.fixture("nb312-copied-section/白石镇2025年度报告.txt")]).stdout
        == "1 个文件未发现问题\n"
    )
  }

  @Test func twoCandidatesForLastYear() throws {
    let folder = Paths.fixture("nb313-two-last-years")
    let result = try Binary.run(["--check", "--lang", "en", folder])
    #expect(
      Self.lines(result) == [
        folder
          + "/白石镇2025年度报告.txt:1:1: info: 2 reports could be last year's (2024): \(folder)/白石镇2024年度报告.txt, \(folder)/白石镇2024年度报告（修改稿）.txt; none was compared. Remove the extra copies or name one with previous = \"path\" in nianbao.toml [NB313]",
        "1 info in 1 of 3 files",
      ]
    )
  }

  /// A renamed agency: `previous` in nianbao.toml pairs the reports, in `--check` and in
  /// `--show-settings`.
  @Test func lastYearNamedInTheSettings() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("2024"),
      withIntermediateDirectories: true
    )
    let renamed = TestPaths.fixtureText("nb311-documents-in-force/白石镇2024年度报告.txt").replacingOccurrences(
      of: "青禾县白石镇人民政府2024年",
      with: "青禾县白石乡人民政府2024年"
    )
    try Data(renamed.utf8).write(to: folder.appendingPathComponent("2024/白石乡.txt"))
    try FileManager.default.copyItem(
      atPath: Paths.fixture("nb311-documents-in-force/白石镇2025年度报告.txt"),
      toPath: folder.appendingPathComponent("白石镇2025.txt").path
    )
    #expect(try Binary.run(["--check", "."], in: folder).stdout == "2 个文件均未发现问题\n")
    try Data("previous = \"2024/白石乡.txt\"\n".utf8).write(to: folder.appendingPathComponent("nianbao.toml"))
    let paired = try Binary.run(["--check", "--lang", "en", "."], in: folder)
    #expect(paired.stdout.contains("白石镇2025.txt:22:13: info: Table 二 “行政规范性文件”: 15 in force"))
    #expect(paired.stdout.hasSuffix("1 info in 1 of 2 files\n"))
    let settings = try Binary.run(["--show-settings", "--lang", "en", "白石镇2025.txt"], in: folder)
    let path = folder.standardizedFileURL.path
    #expect(
      Self.lines(settings).contains {
        $0.hasPrefix("previous ") && $0.contains("\(path)/2024/白石乡.txt") && $0.hasSuffix("\(path)/nianbao.toml:1")
      },
      "\(settings.stdout)"
    )
    let bare = try Binary.run(["--show-settings", "a.txt"], in: folder.appendingPathComponent("2024"))
    #expect(Self.lines(bare).contains { $0.hasPrefix("previous ") })
  }

  @Test func explained() throws {
    for code in ["NB311", "NB312", "NB313"] {
      let result = try Binary.run(["--explain", code, "--lang", "en"])
      #expect(result.status == 0)
      #expect(result.stdout.hasPrefix(code))
      #expect(result.stdout.contains("docs/rules/\(code).md"))
    }
    #expect(try Binary.run(["--explain", "NB312"]).stdout.contains("宿迁"))
  }
}
