import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// The rules for what reviewers deduct points for, through the real binary: their findings in
/// both languages, `--explain`, and `--fix` of the certain ones.
@Suite struct ReviewerRuleCommandTests {
  static let codes = ["NB116", "NB310", "NB404", "NB405", "NB406", "NB407", "NB408"]

  @Test func findingsInBothLanguages() throws {
    let path = Paths.fixture("nb406-enumeration.txt")
    let zh = try Binary.run(["--check", path])
    #expect(zh.status == 0)  // warnings only
    #expect(zh.stdout.contains("\(path):72:14: warning: 序号跳过了“二是”：前一项是“一是”，这里是“三是”。 [NB406]"))
    let en = try Binary.run(["--check", "--lang", "en", Paths.fixture("nb405-problems-other-year.txt")])
    #expect(en.stdout.contains("This is the 2025 report, but section 五 names the problems of 2024"))
    #expect(en.stdout.hasSuffix("2 warnings in 1 of 1 file\n"))
    let info = try Binary.run(["--check", "--strict", Paths.fixture("nb408-unfinished-paragraph.txt")])
    #expect(info.status == 0)  // information: not even --strict fails on it
    #expect(info.stdout.contains("info: 这一段以“…全年发布信息 305 条”结束，末尾没有标点。"))
  }

  @Test(arguments: codes)
  func explained(code: String) throws {
    let zh = try Binary.run(["--explain", code])
    #expect(zh.status == 0)
    #expect(zh.stdout.hasPrefix("\(code) ("))
    #expect(zh.stdout.contains("docs/rules/\(code).md"))
    let en = try Binary.run(["--explain", code, "--lang", "en"])
    #expect(en.stdout.contains(try #require(Rule.named(code)).explanation.en))
  }

  /// `--fix` writes 0 for the marks of table 二 and removes the doubled words (one of the two
  /// stays: `的的` becomes `的`, `进一步进一步` becomes `进一步`).
  @Test(arguments: ["nb116-table2-marks.txt", "nb407-doubled-word.txt"])
  func fixed(name: String) throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Paths.fixture(name)), to: file)
    let result = try Binary.run(["--check", "--fix", file.path])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("1 个文件未发现问题"), "\(result.stdout)")
    let text = try String(contentsOf: file, encoding: .utf8)
    if name.hasPrefix("nb407") {
      let clean = try String(contentsOfFile: Paths.fixture("clean-2025-tabs.txt"), encoding: .utf8)
      #expect(
        text
          == clean.replacingOccurrences(of: "政策解读形式", with: "政策解读的形式")
          .replacingOccurrences(of: "压实各站所公开责任", with: "进一步压实各站所公开责任")
      )
    } else {
      #expect(text.contains("行政强制\t0\t\t") && text.contains("行政事业性收费\t0\t\t"))
    }
  }
}
