import Foundation
import NianbaoCore
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// `nianbao --format-tables` through the built binary: in place, atomically, in the file's
/// encoding with its BOM and line endings; `--diff` writes nothing; a second run changes nothing.
@Suite struct FormatTablesCommandTests {
  func copy(_ fixture: String, to folder: URL, as name: String? = nil) throws -> URL {
    let url = folder.appendingPathComponent(name ?? fixture)
    try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent(fixture), to: url)
    return url
  }

  @Test func formatsInPlaceKeepingBOMAndCRLF() throws {
    let folder = try Paths.temporaryDirectory()
    let file = try copy("clean-2025-crlf-bom.txt", to: folder)
    let before = try Data(contentsOf: file)
    let result = try Binary.run(["--format-tables", file.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("已整理 1 个文件中的 1 个（3 张表"))
    let after = try Data(contentsOf: file)
    #expect(after != before)
    #expect(after.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: after.dropFirst(3), as: UTF8.self)
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(text.contains("\r\n规章\t0\t0\t0\r\n"))
    #expect(
      text
        == ReportFormatter.formatted(
          TestPaths.text(at: TestPaths.fixtures.appendingPathComponent("clean-2025-crlf-bom.txt"))
        )
    )
    let check = try Binary.run(["--check", file.path])
    #expect(check.status == 0 && !check.stdout.contains("[NB"), "\(check.stdout)")
    // Formatted already: nothing to do, the file is not written again.
    let again = try Binary.run(["--format-tables", file.path, "--lang", "en"])
    #expect(again.stderr.contains("formatted 0 of 1 file (0 tables, 0 heading numbers)"))
    #expect(try Data(contentsOf: file) == after)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  /// Findings by file and code, from `--check --format json` on a folder.
  static func findings(_ folder: URL) throws -> [String: Int] {
    let result = try Binary.run(["--check", "--format", "json", "."], in: folder)
    let diagnostics = try JSONValue.parse(result.stdout)["diagnostics"]?.array ?? []
    return Dictionary(
      diagnostics.map { "\($0["path"]?.string ?? "?") \($0["code"]?.string ?? "?")" }.map { ($0, 1) },
      uniquingKeysWith: +
    )
  }

  /// Every real report and fixture, formatted in place: the numbers of each file are the same, in
  /// the same order, and `--check` finds nothing it did not find before.
  @Test func everyReportAndFixtureKeepsItsNumbersAndFindings() throws {
    let folder = try Paths.temporaryDirectory()
    var paths: [String] = []
    for source in [TestPaths.fixtures, TestPaths.repository.appendingPathComponent("Tests/RealReports")] {
      let names = try FileManager.default.contentsOfDirectory(atPath: source.path)
      for name in names
      where (name.hasSuffix(".txt") || name.hasSuffix(".md")) && !name.hasPrefix("NOTES") && name != "README.md" {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target)
        paths.append(target.path)
      }
    }
    let numbersBefore = try paths.map { try Self.digitRuns(Data(contentsOf: URL(fileURLWithPath: $0))) }
    let before = try Self.findings(folder)
    let result = try Binary.run(["--format-tables"] + paths)
    #expect(result.status == 0, "\(result.stderr)")
    let numbersAfter = try paths.map { try Self.digitRuns(Data(contentsOf: URL(fileURLWithPath: $0))) }
    for (index, path) in paths.enumerated() {
      #expect(numbersAfter[index] == numbersBefore[index], "\(path)")
    }
    for (key, count) in try Self.findings(folder) {
      #expect(count <= before[key] ?? 0, "\(key): \(count) after formatting, \(before[key] ?? 0) before")
    }
    let again = try Binary.run(["--format-tables", "--lang", "en"] + paths)
    #expect(again.stderr.contains("formatted 0 of \(paths.count) files"))
    // The folder, walked: the same files (the README and notes are not reports), nothing to do.
    try Data("# 说明\n\n一、总体情况 的写法见格式。\n".utf8).write(to: folder.appendingPathComponent("README.md"))
    let walked = try Binary.run(["--format-tables", "--lang", "en", folder.path])
    #expect(walked.status == 0)
    #expect(walked.stderr.contains("formatted 0 of"), "\(walked.stderr)")
  }

  /// The digit runs of a file, without the item numbers of table 三's labels (`1.`).
  static func digitRuns(_ data: Data) -> [String] {
    let text = String(decoding: data, as: UTF8.self)
    var runs: [String] = []
    var current = ""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      let isDigit = ("0"..."9").contains(scalar)
      let isPoint =
        scalar == "." && !current.isEmpty && index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1])
      if isDigit || isPoint {
        current.unicodeScalars.append(scalar)
        continue
      }
      if !current.isEmpty, !((scalar == "." || scalar == "．") && current.count <= 1) { runs.append(current) }
      current = ""
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// A web page, a Word document or a PDF keeps its own layout: never rewritten as text.
  @Test func otherFormsAreLeftAlone() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("page.html")
    try FileManager.default.copyItem(
      at: TestPaths.repository.appendingPathComponent("Tests/RealForms/shuyang_county_fgj_dept_2023/page.html"),
      to: page
    )
    let before = try Data(contentsOf: page)
    let walked = try Binary.run(["--format-tables", folder.path])
    #expect(walked.stderr.isEmpty || !walked.stderr.contains("page.html"), "\(walked.stderr)")
    let named = try Binary.run(["--format-tables", "--lang", "en", page.path])
    #expect(named.stderr.contains("--format-tables lays out text reports only (.txt, .md)"))
    #expect(try Data(contentsOf: page) == before)
  }

  @Test func diffWritesNothing() throws {
    let folder = try Paths.temporaryDirectory()
    let file = try copy("nb113-misnumbered.txt", to: folder)
    let before = try Data(contentsOf: file)
    let result = try Binary.run(["--format-tables", "--diff", file.path])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\n-三、政府信息公开行政复议、行政诉讼情况\n"))
    #expect(result.stdout.contains("\n+四、政府信息公开行政复议、行政诉讼情况\n"))
    #expect(result.stdout.hasPrefix("--- a/"))
    #expect(try Data(contentsOf: file) == before)
  }

  @Test func gb18030StaysGB18030() throws {
    let folder = try Paths.temporaryDirectory()
    let text = TestPaths.text(at: TestPaths.fixtures.appendingPathComponent("clean-2025-tabs.txt"))
    let file = folder.appendingPathComponent("白石镇2025.txt")
    try EncodingTests.gb18030(text).write(to: file)
    let result = try Binary.run(["--format-tables", file.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try Data(contentsOf: file) == EncodingTests.gb18030(ReportFormatter.formatted(text)))
  }

  @Test func standardInputToStandardOutput() throws {
    let text = TestPaths.text(at: TestPaths.fixtures.appendingPathComponent("nb105-labels.txt"))
    let result = try Binary.run(["--format-tables", "-"], stdin: Data(text.utf8))
    #expect(result.status == 0)
    #expect(result.stdout == ReportFormatter.formatted(text))
    #expect(result.stdout.contains("本年废止件数"))
  }

  @Test func usageAndUnreadableFiles() throws {
    let none = try Binary.run(["--format-tables"])
    #expect(none.status == 2 && none.stderr.contains("--format-tables"))
    let missing = try Binary.run(["--format-tables", "/nonexistent/报告.txt"])
    #expect(missing.stderr.contains("找不到"))
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/报告.txt"))
  }
}
