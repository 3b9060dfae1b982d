import Foundation
import NianbaoCore
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// The real binary, over real pipes: exit codes, output, files written.
@Suite struct CheckCommandTests {
  @Test func cleanReportExitsZero() throws {
    let result = try Binary.run(["--check", Paths.fixture("clean-2025-tabs.txt")])
    #expect(result.status == 0)
    #expect(result.stdout == "1 个文件未发现问题\n")
  }

  @Test func errorLineFormat() throws {
    let path = Paths.fixture("nb201-row-total.txt")
    let result = try Binary.run(["--check", path])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("\(path):50:39: error: 表三“（四）无法提供 1.本机关不掌握相关政府信息”行“总计”列应为 3，实为 4"))
    #expect(lines[0].hasSuffix("[NB201]"))
    #expect(lines[1] == "1 个错误，涉及 1 个文件中的 1 个")
  }

  @Test func englishMessages() throws {
    let result = try Binary.run(["--check", "--lang", "en", Paths.fixture("nb201-row-total.txt")])
    #expect(result.stdout.contains("should be 3 but is 4"))
    #expect(result.stdout.hasSuffix("1 error in 1 of 1 file\n"))
  }

  @Test func warningsFailOnlyWhenStrict() throws {
    let path = Paths.fixture("nb105-labels.txt")
    #expect(try Binary.run(["--check", path]).status == 0)
    #expect(try Binary.run(["--check", "--strict", path]).status == 1)
    #expect(try Binary.run(["--check", "--strict", "--rule", "NB105=off", path]).status == 0)
    #expect(try Binary.run(["--check", "--rule=NB105=error", path]).status == 1)
  }

  @Test func folderWalk() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let nested = folder.appendingPathComponent("二〇二五/乡镇")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Paths.fixture("clean-2025-tabs.txt"),
      toPath: folder.appendingPathComponent("a.txt").path
    )
    try FileManager.default.copyItem(
      atPath: Paths.fixture("nb204-review-total.txt"),
      toPath: nested.appendingPathComponent("b 年度报告.txt").path
    )
    try FileManager.default.copyItem(
      atPath: Paths.fixture("clean-2024-markdown.md"),
      toPath: nested.appendingPathComponent("c.md").path
    )
    try FileManager.default.copyItem(
      atPath: Paths.fixture("nb100-not-a-report.txt"),
      toPath: nested.appendingPathComponent("notes.txt").path
    )
    // A Word document cut short is not skipped: whoever checks the folder hears it was not read.
    try Data([0x50, 0x4B, 0x03, 0x04]).write(to: nested.appendingPathComponent("report.docx"))
    let result = try Binary.run(["--check", "--lang", "en", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("report.docx: cannot be read as a Word document"))
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.prefix(2).allSatisfy { $0.contains("b 年度报告.txt:68:") && $0.hasSuffix("[NB204]") })
    // notes.txt is not a report: skipped, not counted.
    #expect(lines.last == "2 errors in 1 of 3 files; 1 file could not be read")
  }

  @Test func consecutiveYearsAreCompared() throws {
    let result = try Binary.run(["--check", "--lang", "en", Paths.fixture("cross-year")])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].contains("白石镇2025年度报告.txt:39:19: warning: Table 三 row 二 (carried over) must equal row 四"))
    #expect(lines[0].hasSuffix("[NB309]"))
    // Two reports of the agency for 2025 (a draft and a copy): which one follows 2024 is unknown.
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (source, target) in [
      ("白石镇2024年度报告.txt", "2024.txt"), ("白石镇2025年度报告.txt", "2025.txt"), ("白石镇2025年度报告.txt", "2025-草稿.txt"),
    ] {
      try FileManager.default.copyItem(
        atPath: Paths.fixture("cross-year/\(source)"),
        toPath: folder.appendingPathComponent(target).path
      )
    }
    #expect(try Binary.run(["--check", folder.path]).stdout == "3 个文件均未发现问题\n")
    // Either report alone has nothing to compare with.
    #expect(try Binary.run(["--check", Paths.fixture("cross-year/白石镇2025年度报告.txt")]).stdout == "1 个文件未发现问题\n")
  }

  @Test func fixKeepsByteOrderMarkAndLineEndings() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = try String(contentsOfFile: Paths.fixture("nb201-row-total.txt"), encoding: .utf8)
    let crlf = original.replacingOccurrences(of: "\n", with: "\r\n")
    let file = folder.appendingPathComponent("report.txt")
    try Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8)).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)

    let result = try Binary.run(["--check", "--fix", file.path])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasSuffix("1 个文件未发现问题；已修复 1 处\n"))
    let bytes = Array(try Data(contentsOf: file))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    let expected = try String(contentsOfFile: Paths.fixture("clean-2025-tabs.txt"), encoding: .utf8)
      .replacingOccurrences(of: "\n", with: "\r\n")
    #expect(text == expected)
    let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(permissions == 0o640)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers == ["report.txt"])
    #expect(try Binary.run(["--check", file.path]).status == 0)
  }

  @Test func diffWritesNothing() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("r.txt")
    try FileManager.default.copyItem(atPath: Paths.fixture("nb204-review-total.txt"), toPath: file.path)
    let before = try Data(contentsOf: file)
    let result = try Binary.run(["--check", "--diff", "r.txt"], in: folder)
    #expect(result.status == 1)
    #expect(try Data(contentsOf: file) == before)
    #expect(result.stdout.hasPrefix("--- a/r.txt\n+++ b/r.txt\n@@ -65,7 +65,7 @@\n"))
    #expect(
      result.stdout.contains(
        "\n-10\t1\t0\t0\t0\t0\t0\t0\t1\t1\t5\t0\t0\t0\t0\n+10\t1\t0\t0\t11\t0\t0\t0\t1\t1\t5\t0\t0\t0\t5\n"
      )
    )
  }

  @Test func neitherUTF8NorGB18030() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("big5.txt")
    // “年度報告” in Big5 then a lone GB18030 lead byte: not UTF-8, and not GB18030 either.
    try Data([0xA6, 0x7E, 0xAB, 0xD7, 0xB3, 0xF8, 0xA7, 0x69, 0x0A, 0x81, 0x0A]).write(to: file)
    let result = try Binary.run(["--check", file.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("既不是 UTF-8 也不是 GB18030/GBK"))
    #expect(result.stderr.contains("iconv -f BIG5 -t UTF-8"))
  }

  @Test func emptyAndBinaryFiles() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appendingPathComponent("empty.txt")
    try Data().write(to: empty)
    let named = try Binary.run(["--check", empty.path])
    #expect(named.status == 1)
    #expect(named.stdout.contains("[NB100]"))
    let walked = try Binary.run(["--check", folder.path])
    #expect(walked.status == 0)
    let binary = folder.appendingPathComponent("binary.txt")
    try Data([0x00, 0x01, 0xFF, 0x00]).write(to: binary)
    let result = try Binary.run(["--check", binary.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("二进制文件"))
  }

  @Test func standardInput() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("nb201-row-total.txt")))
    let result = try Binary.run(["--check", "-", "--stdin-filename", "草稿.txt"], stdin: data)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("草稿.txt:50:39: error:"))
    let diff = try Binary.run(["--check", "--diff", "-"], stdin: data)
    #expect(diff.stdout.contains("+\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t2\t0\t0\t0\t1\t0\t3"))
  }

  @Test func jsonPositionsAreUTF16() throws {
    let text = try String(contentsOfFile: Paths.fixture("nb301-period-wrong-year.txt"), encoding: .utf8)
      .replacingOccurrences(of: "本报告依据", with: "😀本报告依据")
    let result = try Binary.run(["--check", "--format", "json", "-"], stdin: Data(text.utf8))
    #expect(result.status == 1)
    let document = try JSONValue.parse(result.stdout)
    let diagnostic = try #require(document["diagnostics"]?[0])
    #expect(diagnostic["code"] == "NB301")
    #expect(diagnostic["severity"] == 1)
    #expect(diagnostic["source"] == "nianbao")
    #expect(diagnostic["path"] == "<stdin>")
    // The text output counts characters (😀 is one); UTF-16 counts it as two units.
    #expect(diagnostic["range"]?["start"] == .object([("line", 2), ("character", 118)]))
    #expect(diagnostic["fix"]?[0]?["newText"] == "2025")
    #expect(document["summary"]?["errors"] == 1)
    let plain = try Binary.run(["--check", "-"], stdin: Data(text.utf8))
    #expect(plain.stdout.hasPrefix("<stdin>:3:118: error:"))
  }

  @Test func usageErrors() throws {
    for arguments in [
      ["--check"], ["--bogus"], ["--check", "--fix", "-"], ["--check", "--format", "xml", "a.txt"],
      ["--rule", "NB999=off", "--check", "x"],
    ] {
      let result = try Binary.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.hasPrefix("nianbao: "), "\(arguments)")
      #expect(result.stdout.isEmpty)
    }
    let missing = try Binary.run(["--check", "/nonexistent/报告.txt"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("找不到"))
  }

  @Test func informationCommands() throws {
    let rules = try Binary.run(["--list-rules"])
    #expect(rules.status == 0)
    #expect(rules.stdout.split(separator: "\n").count == Rule.all.count)
    #expect(rules.stdout.contains("NB201  error    表三：行总计不等于各类申请人之和"))
    let explain = try Binary.run(["--explain", "nb203", "--lang", "en"])
    #expect(explain.stdout.hasPrefix("NB203 (error): Table 三: 一 + 二 ≠ 三（七） + 四"))
    #expect(try Binary.run(["--explain", "NB999"]).status == 2)
    #expect(try Binary.run(["--version"]).stdout == "nianbao 0.1.0\n")
    #expect(try Binary.run(["--help"]).stdout.contains("nianbao --check"))
  }
}
