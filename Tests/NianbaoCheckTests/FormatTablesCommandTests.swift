import Foundation
import NianbaoCore
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
    #expect(again.stderr.contains("formatted 0 of 1 files"))
    #expect(try Data(contentsOf: file) == after)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
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
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/报告.txt"))
  }
}
