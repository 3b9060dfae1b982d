import Foundation
import NianbaoTestSupport
import Testing

/// A letter read for a digit in PDF text (`5 1 O 0 0 0 6`), through the binary.
@Suite struct MisreadDigitTests {
  static func pdfText(replacing row: String, with misread: String) throws -> URL {
    let text = TestPaths.fixtureText("clean-2023-pdf.txt")
    #expect(text.contains(row))
    let folder = try Paths.temporaryDirectory()
    let file = folder.appendingPathComponent("report.txt")
    try text.replacingOccurrences(of: row, with: misread).write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test func aLetterAmongTheNumbersIsNotANumberAndTheSumsConfirmTheDigit() throws {
    let file = try Self.pdfText(replacing: "（一）予以公开 5 1 0 0 0 0 6", with: "（一）予以公开 5 1 O 0 0 0 6")
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let result = try Binary.run(["--check", file.path])
    #expect(result.stdout.contains("表三“（一）予以公开”行“科研机构”列的“O”不是有效的数：这里应填数字。 [NB108]"))
    #expect(!result.stdout.contains("[NB107]"))
    let fixed = try Binary.run(["--check", "--fix", file.path])
    #expect(fixed.stdout.contains("已修复 1 处"))
    #expect(TestPaths.text(at: file).contains("（一）予以公开 5 1 0 0 0 0 6"))
  }

  @Test func aLetterTheSumsDoNotConfirmIsLeftToTheAuthor() throws {
    // 5 + 1 + 0 + … is 6, not 7: the letter may stand for another digit; no fix is offered.
    let file = try Self.pdfText(replacing: "（一）予以公开 5 1 0 0 0 0 6", with: "（一）予以公开 5 1 O 0 0 0 7")
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let fixed = try Binary.run(["--check", "--fix", file.path])
    #expect(fixed.stdout.contains("[NB108]"))
    #expect(TestPaths.text(at: file).contains("5 1 O 0 0 0 7"))
  }
}
