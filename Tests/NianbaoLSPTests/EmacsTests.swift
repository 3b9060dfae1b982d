import Foundation
import NianbaoTestSupport
import Testing

/// Emacs with eglot (Debian 12: `emacs-nox` and `elpa-eglot`) loads `EditorConfigs/emacs/nianbao.el`
/// unchanged and talks to the real binary, driven by `Tests/Editors/emacs_test.el` in batch mode.
/// `.ci/run` installs both and sets `NIANBAO_EMACS`; elsewhere the test is skipped, and says so.
@Suite struct EmacsTests {
  /// Under a report's name, and under a plain one: a report is recognised by its content too.
  @Test(
    .enabled(if: Tools.available("emacs", environment: "NIANBAO_EMACS")),
    .timeLimit(.minutes(5)),
    arguments: ["白石镇2025年度报告.txt", "notes.txt"]
  )
  func eglot(name: String) throws {
    let emacs = try #require(
      Tools.find("emacs", environment: "NIANBAO_EMACS"),
      "NIANBAO_REQUIRE_TOOLS=1 but emacs was not found"
    )
    let folder = try Tools.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = Fixtures.directory.appendingPathComponent("nb201-row-total.txt")
    let report = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: original, to: report)
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let result = try Tools.run(
      emacs,
      [
        "--batch", "-l", "\(Tools.repository.path)/EditorConfigs/emacs/nianbao.el",
        "-l", "\(Tools.repository.path)/Tests/Editors/emacs_test.el",
      ],
      in: folder,
      environment: [
        "PATH": "\(ServerProcess.binary.deletingLastPathComponent().path):\(path)",
        "HOME": folder.path,
        "NIANBAO_REPORT": report.path,
      ]
    )
    print(result.output)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.contains("mode: nianbao-mode"))
    #expect(lines.contains("server: nianbao"))
    // eglot 1.9 offers no position encodings, so the server speaks UTF-16.
    #expect(lines.contains("position encoding: utf-16"))
    // Line 50, the total: column 38 in characters (the line holds tabs and Chinese text).
    #expect(lines.filter { $0.hasPrefix("diagnostic: ") }.count == 1)
    #expect(
      lines.contains(
        "diagnostic: NB201 50:38 nianbao [NB201]: 表三“（四）无法提供 1.本机关不掌握相关政府信息”行“总计”列应为 3，实为 4。"
      )
    )
    #expect(lines.contains("text at diagnostic: 4"))
    #expect(
      lines.contains {
        $0.hasPrefix("hover: 表三 · （四）无法提供 1.本机关不掌握相关政府信息 · 总计")
          && $0.contains("总计 = 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 3，写的是 4 ✗")
      }
    )
    #expect(lines.contains { $0.hasPrefix("prompt: ") && $0.contains("(default 重新计算为 3)") })
    #expect(lines.contains("fixed line: \t(四) 无法提供\t1. 本机关不掌握相关政府信息\t2\t0\t0\t0\t1\t0\t3"))
    #expect(lines.contains("diagnostics after fix: 0"))
    #expect(lines.last == "EMACS-TEST-OK")
    // The fix changed the buffer, not the file.
    #expect(try String(contentsOf: report, encoding: .utf8) == (try String(contentsOf: original, encoding: .utf8)))
  }
}
