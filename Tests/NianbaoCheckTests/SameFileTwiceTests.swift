import Foundation
import NianbaoTestSupport
import Testing

/// A file reached by two paths (a folder and a path into it, absolute and relative, a symbolic
/// link beside it) is one file: checked, listed and counted once.
@Suite struct SameFileTwiceTests {
  @Test func folderAndItsFileAbsoluteRelativeAndLink() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("dir")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Paths.fixture("nb201-row-total.txt"),
      toPath: folder.appendingPathComponent("f.txt").path
    )
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("link.txt").path,
      withDestinationPath: "f.txt"
    )
    let absolute = folder.appendingPathComponent("f.txt").path
    let result = try Binary.run(["--check", "dir/", "./dir/f.txt", absolute, "dir/link.txt"], in: root)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(result.stdout)")
    #expect(lines.first?.hasPrefix("dir/f.txt:50:39: error:") == true)
    #expect(lines.last == "1 个错误，涉及 1 个文件中的 1 个")

    let json = try Binary.run(["--check", "--format", "json", "dir", "./dir/f.txt"], in: root)
    let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let summary = document?["summary"] as? [String: Any]
    #expect(summary?["files"] as? Int == 1, "\(json.stdout)")
    #expect((document?["diagnostics"] as? [Any])?.count == 1)
  }

  /// Last year's report named again on the command line is still one report of that year: it
  /// is compared with, not taken for a second candidate (NB313).
  @Test func twinDoesNotHideLastYear() throws {
    let folder = Paths.fixture("nb311-documents-in-force")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    let lastYear = try #require(files.first { $0.contains("2024") })
    let result = try Binary.run(["--check", folder, folder + "/./" + lastYear])
    #expect(result.stdout.contains("[NB311]"), "\(result.stdout)")
    #expect(!result.stdout.contains("[NB313]"))
    #expect(result.stdout.hasSuffix("1 条提示，涉及 2 个文件中的 1 个\n"))
  }
}
