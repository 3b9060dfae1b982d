import Foundation
import NianbaoTestSupport
import Testing

@testable import NianbaoCheck

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
