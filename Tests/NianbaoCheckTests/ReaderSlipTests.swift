import Foundation
import NianbaoTestSupport
import Testing

/// Slips of the reader a clerk met, through the real binary: a paragraph under table 三 that
/// opens with a year, `无` in a cell of table 二, and counts written as decimals or with too
/// many digits.
@Suite struct ReaderSlipTests {
  static func check(_ text: String, _ arguments: [String] = []) throws -> (Binary.Result, String) {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("report.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (try Binary.run(["--check"] + arguments + [file.path]), file.path)
  }

  static let clean = TestPaths.fixtureText("clean-2025-tabs.txt")

  /// `2025 年，本镇共收到申请 6 件…` after a blank line under row 四 is a paragraph, not an eighth
  /// value of row 四; in tab rows and in space-separated rows alike.
  @Test(arguments: ["\t", " "])
  func paragraphAfterTheTableOpensWithAYear(separator: String) throws {
    var lines = Self.clean.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let four = try #require(lines.firstIndex { $0.hasPrefix("四、结转下年度继续办理") })
    for index in 34...four { lines[index] = lines[index].replacingOccurrences(of: "\t", with: separator) }
    lines.insert(contentsOf: ["", "2025 年，本镇共收到申请 6 件，均已按时答复。"], at: four + 1)
    let (result, _) = try Self.check(lines.joined(separator: "\n"))
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout == "1 个文件未发现问题\n", "\(result.stdout)")
  }

  /// `无` in a cell of table 二 is a mark like `/` and `不适用` (NB116, fixed to 0), not a
  /// missing row (NB106) or an invalid value (NB108).
  @Test(arguments: [("行政许可\t37", "行政许可\t无"), ("规章\t0\t0\t0", "规章\t无\t0\t0")])
  func noneInTable2(before: String, after: String) throws {
    let text = Self.clean.replacingOccurrences(of: before, with: after)
    #expect(text != Self.clean)
    let (result, _) = try Self.check(text)
    #expect(result.stdout.contains("填的是“无”，这不是数。"), "\(result.stdout)")
    #expect(result.stdout.hasSuffix("1 个警告，涉及 1 个文件中的 1 个\n"), "\(result.stdout)")
    let (fixed, _) = try Self.check(text, ["--diff"])
    #expect(fixed.stdout.contains("+\(after.replacingOccurrences(of: "无", with: "0"))"), "\(fixed.stdout)")
  }

  /// `5.0` is a count written as a decimal (write 5), and 99999999999 is not a count at all.
  @Test func decimalsAndHugeCounts() throws {
    let (decimal, _) = try Self.check(Self.clean.replacingOccurrences(of: "(一) 予以公开\t5\t", with: "(一) 予以公开\t5.0\t"))
    #expect(decimal.stdout.contains("“5.0”不是有效的数：件数是整数，应写 5。 [NB108]"), "\(decimal.stdout)")
    let (huge, _) = try Self.check(
      Self.clean.replacingOccurrences(of: "(一) 予以公开\t5\t", with: "(一) 予以公开\t99999999999\t")
    )
    #expect(huge.stdout.contains("“99999999999”不是有效的数：数值大得不合理（件数不超过 9999999）。 [NB108]"), "\(huge.stdout)")
  }
}
