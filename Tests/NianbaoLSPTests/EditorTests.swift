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

  /// Runs a program in `directory`, standard error merged into standard output, with the
  /// test's environment plus `environment`.
  static func run(
    _ executable: String,
    _ arguments: [String],
    in directory: URL,
    environment: [String: String] = [:]
  ) throws -> Program.Result {
    try Program.run(
      executable,
      arguments,
      in: directory,
      environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
      mergingStandardError: true
    )
  }

  static func temporaryDirectory() throws -> URL { try TestPaths.temporaryDirectory() }
}

@Suite struct EditorTests {
  /// Runs one scenario of `Tests/Editors/neovim_test.lua` in a headless Neovim with
  /// `EditorConfigs/neovim` unchanged; the lines it printed.
  func neovim(
    _ scenario: String,
    report: URL,
    in folder: URL,
    environment: [String: String] = [:]
  ) throws -> [String] {
    let nvim = try #require(
      Tools.find("nvim", environment: "NIANBAO_NVIM"),
      "NIANBAO_REQUIRE_TOOLS=1 but nvim was not found"
    )
    let result = try Tools.run(
      nvim,
      [
        "--headless", "--clean", "--cmd", "set rtp^=\(Tools.repository.path)/EditorConfigs/neovim",
        "-c", "luafile \(Tools.repository.path)/Tests/Editors/neovim_test.lua",
      ],
      in: folder,
      environment: [
        "NIANBAO_PATH": ServerProcess.binary.path, "NIANBAO_REPORT": report.path, "NIANBAO_SCENARIO": scenario,
      ].merging(environment) { _, new in new }
    )
    print(result.output)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.last == "NEOVIM-TEST-OK")
    return lines
  }

  /// A folder holding a copy of a fixture under `name`.
  func folder(with fixture: String, as name: String) throws -> (folder: URL, report: URL) {
    let folder = try Tools.temporaryDirectory()
    let report = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent(fixture), to: report)
    return (folder, report)
  }

  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovim() throws {
    let (folder, report) = try folder(with: "nb201-row-total.txt", as: "白石镇2025年度报告.txt")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: EditorPicture.directory, withIntermediateDirectories: true)
    let screen = EditorPicture.directory.appendingPathComponent("screen.json")
    try? FileManager.default.removeItem(at: screen)
    let lines = try neovim("fix", report: report, in: folder, environment: ["NIANBAO_SCREEN": screen.path])
    #expect(lines.contains("screen: \(screen.path)"))
    try EditorPicture.take(screen: screen)
    #expect(lines.contains("filetype: nianbao"))
    #expect(lines.contains("position encoding: utf-8"))
    // Line 50, the total: 0-based line 49, byte column 72 (UTF-8 was negotiated).
    #expect(lines.filter { $0.hasPrefix("diagnostic: ") }.count == 1)
    #expect(
      lines.contains { $0.hasPrefix("diagnostic: NB201 49:72 ERROR 表三“（四）无法提供 1.本机关不掌握相关政府信息”行“总计”列应为 3，实为 4") }
    )
    #expect(lines.contains("text at diagnostic: 4"))
    #expect(
      lines.contains {
        $0.hasPrefix("hover: ")
          && $0.contains("`总计 = 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 3`，写的是 4 ✗")
      }
    )
    #expect(lines.contains("fixed line: \t(四) 无法提供\t1. 本机关不掌握相关政府信息\t2\t0\t0\t0\t1\t0\t3"))
    #expect(lines.contains("diagnostics after fix: 0"))
    let fixedOnDisk = try String(contentsOf: report, encoding: .utf8)
    #expect(
      fixedOnDisk
        == (try String(contentsOf: Fixtures.directory.appendingPathComponent("nb201-row-total.txt"), encoding: .utf8))
    )
  }

  /// `gO` opens the outline: six sections, their sub-headings and the three tables.
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovimOutline() throws {
    let (folder, report) = try folder(with: "clean-2025-tabs.txt", as: "白石镇2025年度报告.txt")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outline = try neovim("outline", report: report, in: folder).filter { $0.hasPrefix("outline: ") }
    #expect(outline.contains("outline: 34 [Module] 三、收到和处理政府信息公开申请情况"))
    #expect(outline.contains("outline: 38 [Array] 表三 收到和处理政府信息公开申请情况"))
    #expect(outline.contains("outline: 73 [Field] （二）改进情况"))
    #expect(outline.filter { $0.contains("[Module]") }.count == 6)
  }

  /// The README's `init_options` (language, a rule's level) hold against the shipped empty
  /// `settings`, which Neovim sends and answers `workspace/configuration` with.
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovimInitOptions() throws {
    let (folder, report) = try folder(with: "nb201-row-total.txt", as: "白石镇2025年度报告.txt")
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = try neovim("settings", report: report, in: folder)
    #expect(
      lines.contains {
        $0.hasPrefix("diagnostic: NB201 49:72 WARN Table 三, row “（四）无法提供 1.本机关不掌握相关政府信息”, column “总计” (total)")
          && $0.hasSuffix("should be 3 but is 4.")
      }
    )
  }

  /// Neovim pulls findings and cannot be asked to pull again: a cross-year finding follows last
  /// year's report edited in another window, changed on the disk, and a `nianbao.toml` made.
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovimCrossYearStaysCurrent() throws {
    let folder = try Tools.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for year in [2024, 2025] {
      try FileManager.default.copyItem(
        at: Fixtures.directory.appendingPathComponent("cross-year/白石镇\(year)年度报告.txt"),
        to: folder.appendingPathComponent("白石镇\(year)年度报告.txt")
      )
    }
    let lines = try neovim(
      "lastyear",
      report: folder.appendingPathComponent("白石镇2025年度报告.txt"),
      in: folder,
      environment: ["NIANBAO_LAST_YEAR": folder.appendingPathComponent("白石镇2024年度报告.txt").path]
    )
    #expect(lines.contains("this year: NB309"))
    #expect(lines.contains("after editing last year: "))
    #expect(lines.contains("after closing last year: NB309"))
    #expect(lines.contains("after last year changed on the disk: "))
    #expect(lines.contains { $0.hasPrefix("diagnostic: NB309 38:50 WARN ") })
  }

  /// "Write next year's report" creates the file beside this year's and opens it.
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovimNextYearsReport() throws {
    let (folder, report) = try folder(with: "clean-2025-signed.txt", as: "白石镇2025年度报告.txt")
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = try neovim("newreport", report: report, in: folder)
    #expect(lines.contains("opened: 白石镇2026年度报告.txt"))
    #expect(lines.contains("first line: 青禾县白石镇人民政府2026年政府信息公开工作年度报告"))
    let written = try String(contentsOf: folder.appendingPathComponent("白石镇2026年度报告.txt"), encoding: .utf8)
    #expect(written.hasPrefix("青禾县白石镇人民政府2026年政府信息公开工作年度报告\n"))
  }

  /// The code-action menu lists "fix everything" once.
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovimCodeActionMenu() throws {
    let (folder, report) = try folder(with: "nb105-labels.txt", as: "水务局2025年度报告.txt")
    defer { try? FileManager.default.removeItem(at: folder) }
    let actions = try neovim("codeactions", report: report, in: folder).filter { $0.hasPrefix("action: ") }
    #expect(actions.filter { $0.hasPrefix("action: 修复全部可确定的问题") }.count == 1)
    #expect(actions.count == Set(actions).count, "\(actions)")
  }

  /// `表三` and <C-x><C-o>, taken with <C-y>: the whole table, row 一 with its three label cells.
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovimWholeTableCompletion() throws {
    let (folder, report) = try folder(with: "nb201-row-total.txt", as: "白石镇2025年度报告.txt")
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = try neovim("completion", report: report, in: folder).filter { $0.hasPrefix("table: ") }
    #expect(table.first?.hasPrefix("table: （本列数据的勾稽关系为") == true)
    #expect(table.contains("table: 一、本年新收政府信息公开申请数量→→→0→0→0→0→0→0→0"))
    #expect(table.contains("table: 二、上年结转政府信息公开申请数量→→→0→0→0→0→0→0→0"))
  }

  /// A report is recognised by its content whatever its name: a real report as `notes.txt` and
  /// one as `shuyang.md`; a README that mentions the reports gets no findings.
  @Test(.enabled(if: Tools.available("nvim", environment: "NIANBAO_NVIM")), .timeLimit(.minutes(5)))
  func neovimReportUnderAnyName() throws {
    let folder = try Tools.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = Tools.repository.appendingPathComponent("Tests/RealReports")
    let notes = folder.appendingPathComponent("notes.txt")
    try FileManager.default.copyItem(at: real.appendingPathComponent("17_sanming_city_gov_2024.txt"), to: notes)
    let markdown = folder.appendingPathComponent("shuyang.md")
    try FileManager.default.copyItem(at: real.appendingPathComponent("suqian_shuyang_county_gov_2025.md"), to: markdown)
    let readme = folder.appendingPathComponent("README.md")
    try Data("# 资料\n\n本目录存放本镇政府信息公开的材料。\n".utf8).write(to: readme)
    let lines = try neovim(
      "content",
      report: notes,
      in: folder,
      environment: ["NIANBAO_MARKDOWN": markdown.path, "NIANBAO_OTHER": readme.path]
    )
    #expect(lines.contains("filetype: text"))
    #expect(lines.contains("findings: NB501"))
    #expect(lines.contains("filetype: markdown"))
    #expect(lines.contains("markdown attached: true"))
    #expect(lines.contains("other findings: 0"))
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
