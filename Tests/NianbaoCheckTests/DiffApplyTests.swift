import Foundation
import NianbaoTestSupport
import Testing

/// `--check --diff` as a web team uses it in a pre-commit hook: the patch goes to `git apply`,
/// and applying it gives the file `--fix` would write, in every encoding a patch can carry.
@Suite struct DiffApplyTests {
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  static func git(_ arguments: [String], in directory: URL, input: Data? = nil) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardInput = pipe
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    if let input { pipe.fileHandleForWriting.write(input) }
    try pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// A repository holding the report with a wrong total in several encodings and line ends.
  static func repository() throws -> (URL, [String: Data]) {
    let root = try Paths.temporaryDirectory()
    let text = try String(contentsOfFile: Paths.fixture("nb201-row-total.txt"), encoding: .utf8)
    let files: [String: Data] = [
      "报告.txt": Data(text.utf8),
      "gb18030.txt": try #require(text.data(using: gb18030)),
      "bom.txt": Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8),
      "cr.txt": Data(text.replacingOccurrences(of: "\n", with: "\r").utf8),
      "crlf.txt": Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8),
    ]
    for (name, data) in files { try data.write(to: root.appendingPathComponent(name)) }
    #expect(try git(["init", "-q", "."], in: root) == 0)
    return (root, files)
  }

  @Test func pathsGitApplyTakes() throws {
    let (root, _) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: root) }
    // The same folder through a symbolic link, as /tmp is on some systems.
    let link = try Paths.temporaryDirectory().appendingPathComponent("link")
    defer { try? FileManager.default.removeItem(at: link.deletingLastPathComponent()) }
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
    let throughLink = link.appendingPathComponent("报告.txt").path
    for arguments in [
      ["."], ["./报告.txt"], [root.appendingPathComponent("报告.txt").path], [root.path + "/"], [throughLink],
    ] {
      let result = try Binary.run(["--check", "--diff"] + arguments, in: root)
      #expect(result.status == 1)
      #expect(result.stdout.contains("--- a/报告.txt\n+++ b/报告.txt\n"), "\(arguments): \(result.stdout.prefix(200))")
      #expect(!result.stdout.contains("a/./") && !result.stdout.contains("a//"))
      let patch = try Binary.runBytes(["--check", "--diff"] + arguments, in: root)
      #expect(try Self.git(["apply", "--check", "-"], in: root, input: patch) == 0, "\(arguments)")
    }
  }

  @Test func patchesInTheFilesOwnBytesApply() throws {
    let (root, files) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let names = ["gb18030.txt", "bom.txt", "cr.txt", "crlf.txt"]
    let result = try Binary.run(["--check", "--diff"] + names, in: root)
    let patch = result.stdout
    #expect(try Self.git(["apply", "-"], in: root, input: Data(patch.utf8)) != 0, "read as UTF-8 it does not apply")
    let bytes = try Binary.runBytes(["--check", "--diff"] + names, in: root)
    #expect(try Self.git(["apply", "-"], in: root, input: bytes) == 0)

    // What the patch made is what --fix writes.
    let fixed = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: fixed) }
    for name in names { try files[name]!.write(to: fixed.appendingPathComponent(name)) }
    #expect(try Binary.run(["--check", "--fix"] + names, in: fixed).status == 0)
    for name in names {
      let patched = try Data(contentsOf: root.appendingPathComponent(name))
      #expect(patched == (try Data(contentsOf: fixed.appendingPathComponent(name))), "\(name)")
      #expect(patched != files[name], "\(name) was patched")
    }
  }

  @Test func utf16IsLeftOutAndSaidSo() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let text = try String(contentsOfFile: Paths.fixture("nb201-row-total.txt"), encoding: .utf8)
    try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: root.appendingPathComponent("u16.txt"))
    let result = try Binary.run(["--check", "--diff", "u16.txt"], in: root)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("nianbao: u16.txt: 文件是 UTF-16LE 编码，补丁工具无法按文本应用，1 处修复未列入 diff；请用 --fix 写回\n"))
    let english = try Binary.run(["--check", "--diff", "--lang", "en", "u16.txt"], in: root)
    #expect(
      english.stderr.contains(
        "nianbao: u16.txt: the file is UTF-16LE, which patch tools cannot apply as text; its 1 fix is not in the diff: use --fix to write it\n"
      )
    )
  }
}

extension Binary {
  /// Standard output as bytes (a patch in a file's own encoding is not UTF-8).
  static func runBytes(_ arguments: [String], in directory: URL) throws -> Data {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
  }
}
