import Foundation
import NianbaoTestSupport
import Testing

/// `--fix` on files it may not write: the findings are shown as read, the summary says the
/// fixes could not be *written*, and a read-only file is left as it is.
@Suite struct UnwritableFixTests {
  /// A folder nobody can add a file to: `chmod 555`, and for root (who ignores modes) the
  /// immutable attribute.
  static func makeUnwritable(_ folder: URL) throws {
    if geteuid() == 0 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
      process.arguments = ["+i", folder.path]
      try process.run()
      process.waitUntilExit()
    } else {
      try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    }
    let probe = folder.appendingPathComponent("probe")
    try #require(!FileManager.default.createFile(atPath: probe.path, contents: Data()), "the folder is still writable")
  }

  static func makeWritable(_ folder: URL) {
    if geteuid() == 0 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
      process.arguments = ["-i", folder.path]
      try? process.run()
      process.waitUntilExit()
    }
    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
  }

  @Test func readOnlyFolderShowsTheFindingAndSaysWritten() throws {
    let root = try Paths.temporaryDirectory()
    let folder = root.appendingPathComponent("ro")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer {
      Self.makeWritable(folder)
      try? FileManager.default.removeItem(at: root)
    }
    let original = try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("nb201-row-total.txt")))
    try original.write(to: folder.appendingPathComponent("报告.txt"))
    try Self.makeUnwritable(folder)

    let result = try Binary.run(["--check", "--fix", "ro"], in: root)
    #expect(result.status == 2)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(result.stdout)")
    #expect(lines.first?.hasPrefix("ro/报告.txt:50:39: error: ") == true)
    #expect(lines.last == "1 个错误，涉及 1 个文件中的 1 个；已修复 0 处；1 个文件无法写入修复")
    #expect(result.stderr.hasPrefix("nianbao: ro/报告.txt: 无法写入修复（"))
    #expect(!result.stderr.contains("读取") && !result.stdout.contains("读取"))
    #expect(try Data(contentsOf: folder.appendingPathComponent("报告.txt")) == original)

    let english = try Binary.run(["--check", "--fix", "--lang", "en", "ro"], in: root)
    #expect(english.stdout.hasSuffix("1 error in 1 of 1 file; fixed 0; the fixes of 1 file could not be written\n"))
    #expect(!english.stdout.contains("read"))

    let json = try Binary.run(["--check", "--fix", "--format", "json", "ro"], in: root)
    let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((document?["diagnostics"] as? [Any])?.count == 1)
    let errors = document?["errors"] as? [[String: Any]]
    #expect(errors?.count == 1)
    #expect((errors?.first?["message"] as? String)?.hasPrefix("ro/报告.txt: 无法写入修复（") == true)
  }

  @Test func readOnlyFileIsRefused() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("报告.txt")
    let original = try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("nb201-row-total.txt")))
    try original.write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)

    let result = try Binary.run(["--check", "--fix", "报告.txt"], in: root)
    #expect(result.status == 2)
    #expect(result.stdout.hasPrefix("报告.txt:50:39: error: "))
    #expect(result.stdout.hasSuffix("1 个错误，涉及 1 个文件中的 1 个；已修复 0 处；1 个文件无法写入修复\n"))
    #expect(result.stderr == "nianbao: 报告.txt: 无法写入修复（文件是只读的；请先允许写入（例如 chmod u+w）再运行），文件未改动\n")
    #expect(try Data(contentsOf: file) == original)
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o444)

    let tables = try Binary.run(["--format-tables", "报告.txt"], in: root)
    #expect(tables.status == 2)
    #expect(tables.stderr.hasPrefix("nianbao: 报告.txt: 无法写入（文件是只读的"))
    #expect(try Data(contentsOf: file) == original)
  }
}
