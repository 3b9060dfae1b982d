import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

@testable import NianbaoCheck
@testable import NianbaoFiles

/// `--fix` never loses a version of a report: when someone saves the file while it is being
/// checked, the fixes are not written over the newer text.
@Suite struct ConcurrentFixTests {
  @Test func theWriterRefusesAFileChangedSinceItWasRead() throws {
    let folder = try Paths.temporaryDirectory()
    let path = folder.appendingPathComponent("2025年度报告.txt").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    let read = ContentFingerprint(Array("old".utf8))
    // Someone saves the report in the meantime.
    try Data("saved by the author".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: AtomicWriter.WriteError.self) {
      try AtomicWriter.write(Array("fixed".utf8), to: path, unlessChangedFrom: read)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "saved by the author")
    // No temporary file is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["2025年度报告.txt"])
    // Unchanged since read: written.
    try AtomicWriter.write(
      Array("fixed".utf8),
      to: path,
      unlessChangedFrom: ContentFingerprint(Array("saved by the author".utf8))
    )
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "fixed")
  }

  /// The real binary fixing a large report while the author saves another version of it: the
  /// author's version is what the file holds afterwards, and nianbao says it did not write.
  @Test func fixWhileTheAuthorSaves() throws {
    let folder = try Paths.temporaryDirectory()
    let file = folder.appendingPathComponent("2025年度报告.txt")
    let report = TestPaths.fixtureText("nb201-row-total.txt")
    // Large enough that checking takes a while: the same report many times over.
    let original = String(repeating: report, count: 400)
    try Data(original.utf8).write(to: file)
    let process = Process()
    process.executableURL = Binary.url
    process.arguments = ["--check", "--fix", file.path]
    let stderr = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = stderr
    try process.run()
    Thread.sleep(forTimeInterval: 0.3)
    let wasRunning = process.isRunning
    let authors = TestPaths.fixtureText("clean-2025-tabs.txt")
    try Data(authors.utf8).write(to: file)
    process.waitUntilExit()
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(try String(contentsOf: file, encoding: .utf8) == authors)
    if wasRunning {
      #expect(process.terminationStatus == 2)
      #expect(message.contains("文件在检查期间被别人修改过"), "\(message)")
    } else {
      print("⚠️  the check ended before the author's save; only the final text was compared")
    }
  }
}

/// What a team's repository holds besides reports, and files reached through links.
@Suite struct RepositoryFileTests {
  /// `--fix` through a symbolic link fixes the report it names and leaves the link a link.
  @Test func fixThroughASymbolicLink() throws {
    let folder = try Paths.temporaryDirectory()
    let real = folder.appendingPathComponent("real")
    let link = folder.appendingPathComponent("link")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    let report = real.appendingPathComponent("2025年度报告.txt")
    try Data(TestPaths.fixtureText("nb201-row-total.txt").utf8).write(to: report)
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let linked = link.appendingPathComponent("2025年度报告.txt").path
    let result = try Binary.run(["--check", "--fix", linked])
    #expect(result.status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
    #expect(try Binary.run(["--check", report.path]).status == 0)
  }

  /// Notes, a README and an empty file beside the reports are neither checked nor counted; a
  /// folder without any report says so.
  @Test func onlyReportsAreCounted() throws {
    let folder = try Paths.temporaryDirectory()
    try Data(TestPaths.fixtureText("clean-2025-tabs.txt").utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data("# 说明\n\n二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况\n".utf8)
      .write(to: folder.appendingPathComponent("README.md"))
    try Data().write(to: folder.appendingPathComponent("空.txt"))
    // Notes that quote a report's title, headings and a table row.
    try Data(
      "八份政府信息公开工作年度报告的说明\n\n一、总体情况 二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n"
        .utf8
    ).write(to: folder.appendingPathComponent("NOTES-A.md"))
    let result = try Binary.run(["--check", folder.path])
    #expect(result.stdout == "1 个文件未发现问题\n")
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let none = try Binary.run(["--check", empty.path])
    #expect(none.status == 0)
    #expect(none.stderr.contains("没有找到年度报告"))
  }

  /// `--diff` of a CRLF report is a patch `git apply` takes.
  @Test func diffOfACRLFReportApplies() throws {
    let folder = try Paths.temporaryDirectory()
    let name = "2025年度报告.txt"
    let text = TestPaths.fixtureText("nb201-row-total.txt").replacingOccurrences(of: "\n", with: "\r\n")
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    let diff = try Binary.run(["--check", "--diff", name], in: folder).stdout
    #expect(!diff.contains("No newline at end of file"))
    #expect(diff.contains("\r\n"))
    try Data(diff.utf8).write(to: folder.appendingPathComponent("fix.patch"))
    let applied = try PythonTools.run("/usr/bin/git", ["apply", "--unsafe-paths", "-p1", "fix.patch"], in: folder)
    #expect(applied.status == 0, "\(applied.output)")
    #expect(try Binary.run(["--check", name], in: folder).status == 0)
  }
}

/// A folder walk does not keep the texts of plain text files: it reads each again for its
/// output, and only as it was checked.
@Suite struct TextOnDiskTests {
  @Test func theTextIsReadAgainOnlyAsItWasChecked() throws {
    let path = try Paths.temporaryDirectory().appendingPathComponent("2025年度报告.txt").path
    let text = "\u{FEFF}报告\r\n一、总体情况"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let read = try ReportFile.read(path: path)
    let onDisk = TextOnDisk(path: path, fingerprint: try #require(read.fingerprint))
    #expect(onDisk.looksUnchanged)
    #expect(onDisk.text() == read.text)
    // Saved again with other words of the same length, and then with more words.
    try Data("\u{FEFF}报告\r\n二、总体情况".utf8).write(to: URL(fileURLWithPath: path))
    #expect(onDisk.text() == nil)
    try Data("\u{FEFF}报告\r\n一、总体情况。".utf8).write(to: URL(fileURLWithPath: path))
    #expect(!onDisk.looksUnchanged)
    #expect(onDisk.text() == nil)
  }

  @Test func aFindingKeepsTheWordsOfTheLanguagesPrinted() throws {
    let note = RelatedNote(range: 1..<2, message: LocalizedText(zh: "注", en: "note"), file: nil)
    let fix = Fix(
      title: LocalizedText(zh: "改", en: "fix"),
      edits: [TextEdit(range: 0..<1, replacement: "0")],
      isCertain: true
    )
    let finding = Diagnostic(
      .rowTotal,
      range: 0..<1,
      message: LocalizedText(zh: "错", en: "wrong"),
      related: [note],
      fixes: [fix]
    )
    let words = FindingWords()
    let zh = try #require(PackedFindings([finding], words: words, keeping: [.zh]).diagnostics.first)
    #expect(zh.message == LocalizedText(zh: "错", en: ""))
    #expect(zh.related.map(\.message) == [LocalizedText(zh: "注", en: "")])
    #expect(zh.fixes.map(\.title) == [LocalizedText(zh: "改", en: "")])
    #expect(PackedFindings([finding], words: words, keeping: [.zh, .en]).diagnostics == [finding])
    #expect(PackedFindings([finding], words: words, keeping: [.en]).diagnostics.first?.message.en == "wrong")
  }

  @Test func packedFindingsComeBackAsTheyWere() {
    let words = FindingWords()
    let other = Diagnostic(
      .rowTotal,
      range: 70_000..<70_200,
      message: LocalizedText(zh: "去年的报告", en: "last year's report"),
      related: [
        RelatedNote(range: 3..<3, message: LocalizedText(zh: "", en: ""), file: "/tmp/2023.txt"),
        RelatedNote(range: 0..<300, message: LocalizedText(zh: "e\u{301}", en: "\u{E9}"), file: nil),
      ],
      fixes: [
        Fix(
          title: LocalizedText(zh: "改", en: "fix"),
          edits: [TextEdit(range: 5..<9, replacement: ""), TextEdit(range: 200..<200, replacement: "很长的替换文字，多于十五个字节")],
          isCertain: false
        )
      ]
    )
    let findings = [other, other, Diagnostic(.rowTotal, range: 0..<0, message: LocalizedText(zh: "错", en: "wrong"))]
    let packed = PackedFindings(findings, words: words)
    #expect(packed.diagnostics == findings)
    #expect(packed.severities == findings.map(\.severity))
    // Two spellings of é are two words, each given back as it was.
    #expect(packed.diagnostics[0].related[1].message.zh.utf8.count == 3)
    #expect(packed.diagnostics[0].related[1].message.en.utf8.count == 2)
    #expect(PackedFindings([], words: words).isEmpty)
  }
}
