import Foundation
import NianbaoTestSupport
import Testing

/// Real clients against the real binary: a headless Neovim with `EditorConfigs/neovim`, and
/// pre-commit with `.pre-commit-hooks.yaml`. `.ci/run` installs both; elsewhere these tests are
/// skipped, and say so. With `NIANBAO_REQUIRE_TOOLS=1` a missing tool fails instead.
enum Tools {
  static let repository = TestPaths.repository

  static func find(_ name: String, environment variable: String) -> String? {
    if let path = ProcessInfo.processInfo.environment[variable], FileManager.default.isExecutableFile(atPath: path) {
      return path
    }
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  static let required = ProcessInfo.processInfo.environment["NIANBAO_REQUIRE_TOOLS"] == "1"

  static func available(_ name: String, environment variable: String) -> Bool {
    if find(name, environment: variable) != nil || required { return true }
    print("⚠️  SKIPPED: \(name) is not installed (set \(variable) or put it on PATH); its integration test did not run.")
    return false
  }

  struct Result {
    var status: Int32
    var output: String
  }

  static func run(
    _ executable: String,
    _ arguments: [String],
    in directory: URL,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  static func temporaryDirectory() throws -> URL { try TestPaths.temporaryDirectory() }
}

@Suite struct EditorTests {
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(2)))
  func neovim() throws {
    let nvim = try #require(
      Tools.find("nvim", environment: "NIANBAO_NVIM"),
      "NIANBAO_REQUIRE_TOOLS=1 but nvim was not found"
    )
    let folder = try Tools.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("白石镇2025年度报告.txt")
    try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("nb201-row-total.txt"), to: report)
    let result = try Tools.run(
      nvim,
      [
        "--headless", "--clean", "--cmd", "set rtp^=\(Tools.repository.path)/EditorConfigs/neovim",
        "-c", "luafile \(Tools.repository.path)/Tests/Editors/neovim_test.lua",
      ],
      in: folder,
      environment: ["NIANBAO_PATH": ServerProcess.binary.path, "NIANBAO_REPORT": report.path]
    )
    print(result.output)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.contains("filetype: nianbao"))
    #expect(lines.contains("position encoding: utf-8"))
    // Line 50, the total: 0-based line 49, byte column 72 (UTF-8 was negotiated).
    #expect(lines.filter { $0.hasPrefix("diagnostic: ") }.count == 1)
    #expect(lines.contains { $0.hasPrefix("diagnostic: NB201 49:72 表三“（四）无法提供 1.本机关不掌握相关政府信息”行“总计”列应为 3，实为 4") })
    #expect(lines.contains("text at diagnostic: 4"))
    #expect(
      lines.contains {
        $0.hasPrefix("hover: ")
          && $0.contains("`总计 = 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 3`，写的是 4 ✗")
      }
    )
    #expect(lines.contains("fixed line: \t(四) 无法提供\t1. 本机关不掌握相关政府信息\t2\t0\t0\t0\t1\t0\t3"))
    #expect(lines.contains("diagnostics after fix: 0"))
    #expect(lines.last == "NEOVIM-TEST-OK")
    let fixedOnDisk = try String(contentsOf: report, encoding: .utf8)
    #expect(
      fixedOnDisk
        == (try String(contentsOf: Fixtures.directory.appendingPathComponent("nb201-row-total.txt"), encoding: .utf8))
    )
  }

  @Test(.enabled(if: Tools.available("pre-commit", environment: "NIANBAO_PRECOMMIT")), .timeLimit(.minutes(30)))
  func preCommit() throws {
    let preCommit = try #require(
      Tools.find("pre-commit", environment: "NIANBAO_PRECOMMIT"),
      "NIANBAO_REQUIRE_TOOLS=1 but pre-commit was not found"
    )
    let folder = try Tools.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let git = Tools.find("git", environment: "NIANBAO_GIT") ?? "/usr/bin/git"
    let identity = [
      "GIT_AUTHOR_NAME": "nianbao", "GIT_AUTHOR_EMAIL": "nianbao@example.invalid", "GIT_COMMITTER_NAME": "nianbao",
      "GIT_COMMITTER_EMAIL": "nianbao@example.invalid",
    ]
    _ = try Tools.run(git, ["init", "-q"], in: folder)
    try FileManager.default.copyItem(
      at: Fixtures.directory.appendingPathComponent("nb201-row-total.txt"),
      to: folder.appendingPathComponent("白石镇2025年度报告.txt")
    )
    try FileManager.default.copyItem(
      at: Fixtures.directory.appendingPathComponent("clean-2025-tabs.txt"),
      to: folder.appendingPathComponent("水务局2025年度报告.txt")
    )
    _ = try Tools.run(git, ["add", "."], in: folder, environment: identity)

    let failing = try Tools.run(
      preCommit,
      ["try-repo", Tools.repository.path, "nianbao", "--files", "白石镇2025年度报告.txt", "水务局2025年度报告.txt"],
      in: folder,
      environment: identity
    )
    print(failing.output)
    #expect(failing.status == 1)
    #expect(failing.output.contains("白石镇2025年度报告.txt:50:39: error:"))
    #expect(failing.output.contains("[NB201]"))
    #expect(failing.output.contains("Failed"))

    let passing = try Tools.run(
      preCommit,
      ["try-repo", Tools.repository.path, "nianbao", "--files", "水务局2025年度报告.txt"],
      in: folder,
      environment: identity
    )
    print(passing.output)
    #expect(passing.status == 0)
    #expect(passing.output.contains("Passed"))
  }

  /// VS Code cannot run here: the manifest, the extension's syntax and the grammar are checked
  /// with Node.
  @Test(.enabled(if: Tools.available("node", environment: "NIANBAO_NODE")))
  func vscodeExtension() throws {
    let node = try #require(
      Tools.find("node", environment: "NIANBAO_NODE"),
      "NIANBAO_REQUIRE_TOOLS=1 but node was not found"
    )
    let result = try Tools.run(
      node,
      ["\(Tools.repository.path)/Tests/Editors/vscode_check.js", Tools.repository.path],
      in: Tools.repository
    )
    print(result.output)
    #expect(result.status == 0)
    #expect(result.output.hasSuffix(" passed, 0 failed\n"))
  }
}
