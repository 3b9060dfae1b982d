import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// Reports saved by Chinese Windows tools in GB18030/GBK, and UTF-16 with a byte order mark:
/// checked as they are, fixed in their own encoding, byte for byte identical outside the edits.
@Suite struct EncodingTests {
  static let report = TestPaths.repository.appendingPathComponent("Tests/RealReports/05_huaian_city_gov_2024.txt")
  static let rightRow = "（一）予以公开 1288 21 0 0 50 3 1362"
  static let wrongRow = "（一）予以公开 1288 21 0 0 50 3 1363"

  /// The bytes of a text in GB18030, by iconv (not by the encoder nianbao uses).
  static func gb18030(_ text: String) throws -> Data {
    let result = try Program.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030"], stdin: Data(text.utf8))
    #expect(result.status == 0)
    return result.stdoutData
  }

  @Test func gb18030ReportIsFixedInGB18030() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = TestPaths.text(at: Self.report).replacingOccurrences(of: "\n", with: "\r\n")
    #expect(original.contains(Self.rightRow))
    let wrong = try Self.gb18030(original.replacingOccurrences(of: Self.rightRow, with: Self.wrongRow))
    let expected = try Self.gb18030(original)
    #expect(String(data: wrong, encoding: .utf8) == nil, "the test file is not UTF-8")
    let file = folder.appendingPathComponent("淮安市2024年报.txt")
    try wrong.write(to: file)

    let check = try Binary.run(["--check", "淮安市2024年报.txt"], in: folder)
    #expect(check.status == 1)
    // 淮安市人民政府 (on its own line above the title) reports no 考核 or 评议: NB403 comes first.
    #expect(check.stdout.contains("淮安市2024年报.txt:88:26: error: 表三“（一）予以公开”行“总计”列应为 1362，实为 1363。"))
    #expect(check.stderr == "nianbao: 淮安市2024年报.txt: 文件不是 UTF-8，已按 GB18030 编码读取\n")

    let fix = try Binary.run(["--check", "--fix", "--lang", "en", "淮安市2024年报.txt"], in: folder)
    #expect(fix.status == 0, "\(fix.stdout)")
    #expect(fix.stderr.contains("read as GB18030, fixes written back in GB18030"))
    let fixed = try Data(contentsOf: file)
    #expect(fixed == expected, "only the total's bytes changed")
    #expect(!fixed.starts(with: [0xEF, 0xBB, 0xBF]))
    let differing = zip(wrong, fixed).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    #expect(differing.count == 1, "one digit: 1363 → 1362")
    #expect(wrong.count == fixed.count)

    let json = try JSONValue.parse(try Binary.run(["--check", "--format", "json", "淮安市2024年报.txt"], in: folder).stdout)
    #expect(json["encodings"]?[0]?["encoding"] == "GB18030")
    let sarif = try JSONValue.parse(
      try Binary.run(["--check", "--format", "sarif", "淮安市2024年报.txt"], in: folder).stdout
    )
    let notice = sarif["runs"]?[0]?["invocations"]?[0]?["toolExecutionNotifications"]?[0]
    #expect(notice?["level"] == "note")
    #expect(notice?["message"]?["text"]?.string?.contains("GB18030") == true)
  }

  /// 0x80 reads as € (as Windows code page 936 has it), which GB18030 writes as A2 E3: such a
  /// file cannot be written back byte for byte, so `--fix` leaves it alone.
  @Test func gb18030ThatDoesNotRoundTripIsNotWritten() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = TestPaths.text(at: Self.report).replacingOccurrences(of: Self.rightRow, with: Self.wrongRow)
    let bytes = try Self.gb18030(original) + Data([0x80, 0x0A])
    let file = folder.appendingPathComponent("r.txt")
    try bytes.write(to: file)
    let result = try Binary.run(["--check", "--fix", file.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("按 GB18030 写回会改动修复以外的字节"), "\(result.stderr)")
    #expect(try Data(contentsOf: file) == bytes)
  }

  @Test func gb18030FromStandardInput() throws {
    let data = try Self.gb18030(TestPaths.fixtureText("nb201-row-total.txt"))
    let result = try Binary.run(["--check", "-"], stdin: data)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("<stdin>:50:39: error:"))
    #expect(result.stderr.contains("GB18030"))
  }

  @Test func damagedUTF8IsNotReadAsGB18030() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    var bytes = Array(TestPaths.text(at: Self.report).utf8)
    let middle = bytes.count / 2
    bytes[middle] = 0xFF
    let file = folder.appendingPathComponent("r.txt")
    try Data(bytes).write(to: file)
    let result = try Binary.run(["--check", file.path])
    #expect(result.status == 2)
    let before = bytes[..<middle]
    let line = before.count { $0 == 0x0A } + 1
    let column = before[(before.lastIndex(of: 0x0A)! + 1)...].count { $0 & 0xC0 != 0x80 } + 1
    #expect(
      result.stderr.contains("文件是 UTF-8 编码，但第 \(line) 行第 \(column) 列（第 \(middle) 字节）有无法解码的字节"),
      "\(result.stderr)"
    )
    try Data([0xEF, 0xBB, 0xBF] + Array("年度报告\n".utf8) + [0xC4, 0xEA]).write(to: file)
    let withMark = try Binary.run(["--check", "--lang", "en", file.path])
    #expect(withMark.status == 2)
    #expect(
      withMark.stderr.contains("the file is UTF-8 but cannot be decoded at line 2, column 1 (byte 16)"),
      "\(withMark.stderr)"
    )
    try Data([0xEF, 0xBB, 0xBF] + Array("年度报告\n第二行ab".utf8) + [0xFF] + Array("\n".utf8)).write(to: file)
    let inLine = try Binary.run(["--check", file.path])
    #expect(inLine.stderr.contains("但第 2 行第 6 列（第 27 字节）有无法解码的字节"), "\(inLine.stderr)")
  }

  @Test func utf16WithByteOrderMark() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = TestPaths.fixtureText("nb201-row-total.txt").replacingOccurrences(of: "\n", with: "\r\n")
    let file = folder.appendingPathComponent("r.txt")
    try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: file)
    let check = try Binary.run(["--check", file.path])
    #expect(check.status == 1)
    #expect(check.stdout.contains("r.txt:50:39: error:"))
    #expect(check.stderr.contains("UTF-16LE"))
    #expect(try Binary.run(["--check", "--fix", file.path]).status == 0)
    let expected = TestPaths.fixtureText("clean-2025-tabs.txt").replacingOccurrences(of: "\n", with: "\r\n")
    #expect(try Data(contentsOf: file) == Data([0xFF, 0xFE]) + expected.data(using: .utf16LittleEndian)!)
  }

  @Test func utf16WithoutByteOrderMarkAndRandomBytesAreRefused() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let utf16 = folder.appendingPathComponent("utf16.txt")
    try TestPaths.fixtureText("nb201-row-total.txt").data(using: .utf16LittleEndian)!.write(to: utf16)
    let refused = try Binary.run(["--check", utf16.path])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("UTF-16"))
    var generator = SystemRandomNumberGenerator()
    let noise = folder.appendingPathComponent("noise.txt")
    try Data((0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) }).write(to: noise)
    let random = try Binary.run(["--check", "--lang", "en", noise.path])
    #expect(random.status == 2)
    #expect(random.stderr.contains("neither UTF-8 nor GB18030/GBK"))
  }
}
