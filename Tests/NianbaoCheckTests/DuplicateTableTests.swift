import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// Table 三 pasted twice (this year's under last year's), through the binary.
@Suite struct DuplicateTableTests {
  /// The clean fixture with its table 三 written again below itself, the copy's （一） total
  /// changed when `changed`.
  static func twoCopies(changed: Bool) throws -> URL {
    let lines = TestPaths.fixtureText("clean-2025-tabs.txt").components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0.hasPrefix("一、本年新收") })
    let end = try #require(lines.indices.first { $0 > start && lines[$0].hasPrefix("四、结转下年度") })
    var copy = Array(lines[start...end])
    if changed, let row = copy.firstIndex(where: { $0.contains("予以公开") }) {
      copy[row] = copy[row].replacingOccurrences(of: "\t0\t0\t0\t0\t6", with: "\t0\t0\t0\t0\t7")
    }
    let folder = try Paths.temporaryDirectory()
    let file = folder.appendingPathComponent("report.txt")
    try (Array(lines[...end]) + [""] + copy + Array(lines[(end + 1)...])).joined(separator: "\n")
      .write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test func twoIdenticalCopiesAreReported() throws {
    let file = try Self.twoCopies(changed: false)
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let result = try Binary.run(["--check", file.path])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasSuffix("表三出现了两份（第二份从这里开始），两份的数字完全相同；只检查了第一份。请删除多余的一份（常见于上年的表格未删）。 [NB115]"))
    #expect(lines[0].contains("report.txt:64:1:"))
  }

  @Test func copiesThatDifferSaySo() throws {
    let file = try Self.twoCopies(changed: true)
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let result = try Binary.run(["--check", "--lang", "en", file.path])
    #expect(
      result.stdout.contains(
        "Table 三 appears twice (the second copy starts here), and the two copies differ in 1 value;"
      )
    )
    // The first copy is the one checked, and it balances: nothing else is reported.
    #expect(result.stdout.split(separator: "\n").count == 2)
  }

  /// A stray copy of a section's heading just above its table (a page's repeated caption).
  @Test func aHeadingPrintedTwiceNamesTheFirst() throws {
    let text = TestPaths.fixtureText("clean-2025-tabs.txt")
    let heading = "三、收到和处理政府信息公开申请情况"
    let table = try #require(text.range(of: "一、本年新收"))
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("report.txt")
    try (text[..<table.lowerBound] + heading + "\n" + text[table.lowerBound...])
      .write(to: file, atomically: true, encoding: .utf8)
    let result = try Binary.run(["--check", "--format", "json", file.path])
    let diagnostics = try #require(try JSONValue.parse(result.stdout)["diagnostics"])
    let finding = try #require(diagnostics[0])
    #expect(finding["code"]?.string == "NB103")
    #expect(finding["range"]?["start"]?["line"]?.int == 37)
    let first = try #require(finding["relatedInformation"]?[0])
    #expect(first["message"]?.string == "第三部分的标题第一次出现在这里")
    #expect(first["location"]?["range"]?["start"]?["line"]?.int == 33)
  }
}
