import Foundation
import NianbaoTestSupport
import Testing

/// `nianbao.toml` through the real binary: nested files, overrides, exclude, the command line
/// over the file, `--show-settings`, and errors.
@Suite struct ConfigCheckTests {
  /// A folder of reports with settings files, as a team keeps it.
  struct Project {
    let root: URL

    init() throws { root = try Paths.temporaryDirectory() }

    func write(_ relativePath: String, _ text: String) throws {
      let url = root.appendingPathComponent(relativePath)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }

    func copy(_ fixture: String, to relativePath: String) throws {
      try write(
        relativePath,
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: Paths.fixture(fixture))), as: UTF8.self)
      )
    }

    func read(_ relativePath: String) throws -> String {
      String(decoding: try Data(contentsOf: root.appendingPathComponent(relativePath)), as: UTF8.self)
    }

    func run(_ arguments: [String]) throws -> Binary.Result { try Binary.run(arguments, in: root) }

    /// The `path: code` of every finding printed.
    static func findings(_ output: String) -> [String] {
      output.split(separator: "\n").compactMap { line in
        guard let code = line.range(of: #"\[NB\d{3}\]"#, options: .regularExpression) else { return nil }
        return
          "\(line.prefix { $0 != ":" }) \(line[code].dropFirst().dropLast())\(line.hasSuffix("（已抑制）") ? " suppressed" : "")"
      }
    }
  }

  static let teamSettings = """
    # the team's settings
    exclude = ["草稿"]

    [rules]
    NB114 = "off"

    [[overrides]]
    paths = ["乡镇/**"]
    rules.NB114 = "error"

    [[overrides]]
    paths = ["乡镇/白石镇.txt"]
    [overrides.rules]
    NB114 = "info"
    """

  func teamProject() throws -> Project {
    let project = try Project()
    try project.write("nianbao.toml", Self.teamSettings)
    try project.copy("nb114-blank.txt", to: "市本级.txt")
    try project.copy("nb114-blank.txt", to: "乡镇/青禾镇.txt")
    try project.copy("nb114-blank.txt", to: "乡镇/白石镇.txt")
    try project.copy("nb201-row-total.txt", to: "草稿/初稿.txt")
    // A folder with its own settings: the nearest file wins, nothing is inherited.
    try project.write("县直/nianbao.toml", "language = \"en\"\n")
    try project.copy("nb114-blank.txt", to: "县直/水务局.txt")
    return project
  }

  @Test func nestedSettingsOverridesAndExclude() throws {
    let project = try teamProject()
    let result = try project.run(["--check", "."])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(
      Project.findings(result.stdout) == [
        "./乡镇/白石镇.txt NB114", "./乡镇/青禾镇.txt NB114", "./县直/水务局.txt NB114",
      ]
    )
    #expect(result.stdout.contains("./乡镇/白石镇.txt:51:21: info:"))
    #expect(result.stdout.contains("./乡镇/青禾镇.txt:51:21: error:"))
    #expect(result.stdout.contains("./县直/水务局.txt:51:21: warning: Table 三"))
    #expect(result.stdout.hasSuffix("1 个错误，1 个警告，1 条提示，涉及 4 个文件中的 3 个\n"))
    // A file named on the command line is checked even when excluded.
    let named = try project.run(["--check", "草稿/初稿.txt"])
    #expect(Project.findings(named.stdout) == ["草稿/初稿.txt NB201"])
  }

  @Test func commandLineWinsOverTheFile() throws {
    let project = try teamProject()
    let result = try project.run(["--check", "--rule", "NB114=off", "--lang", "zh", "."])
    #expect(result.status == 0)
    #expect(result.stdout == "4 个文件均未发现问题\n")
    let english = try project.run(["--check", "--lang", "en", "乡镇"])
    #expect(english.stdout.contains("error: Table 三"))
  }

  @Test func showSettings() throws {
    let project = try teamProject()
    let config = project.root.appendingPathComponent("nianbao.toml").standardizedFileURL.path
    let result = try project.run(["--show-settings", "乡镇/白石镇.txt", "--rule", "NB201=off"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "适用于 乡镇/白石镇.txt 的设置")
    #expect(lines[1] == "配置文件  \(config)")
    #expect(lines[2] == "抑制文件  \(project.root.standardizedFileURL.path)/nianbao-suppressions.json")
    #expect(lines.contains { $0.hasPrefix("NB114 ") && $0.contains(" info ") && $0.hasSuffix("覆盖 2（\(config):14）") })
    #expect(lines.contains { $0.hasPrefix("NB201 ") && $0.contains(" off ") && $0.hasSuffix("命令行 --rule NB201=off") })
    #expect(lines.contains { $0.hasPrefix("NB101 ") && $0.contains(" error ") && $0.hasSuffix("默认") })
    #expect(lines.contains { $0.hasPrefix("agency ") && $0.hasSuffix("默认") })

    let english = try project.run(["--show-settings", "--lang", "en", "市本级.txt"])
    #expect(english.stdout.contains("config file   \(config)"))
    #expect(english.stdout.split(separator: "\n").contains { $0.hasPrefix("NB114 ") && $0.hasSuffix("\(config):5") })
    #expect(
      english.stdout.split(separator: "\n").contains {
        $0.hasPrefix("language ") && $0.hasSuffix("command line --lang")
      }
    )

    let nested = try project.run(["--show-settings", "--lang", "en", "县直/水务局.txt"])
    #expect(nested.stdout.contains("/县直/nianbao.toml"))
    #expect(nested.stdout.split(separator: "\n").contains { $0.hasPrefix("NB114 ") && $0.hasSuffix("default") })

    let none = try Project()
    let bare = try none.run(["--show-settings", "--lang", "en", "a.txt"])
    #expect(bare.stdout.contains("config file   none (no nianbao.toml in"))
  }

  @Test func badSettingsExitTwo() throws {
    let project = try teamProject()
    try project.write("nianbao.toml", "# settings\nlangauge = \"en\"\n")
    let result = try project.run(["--check", "."])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    let path = project.root.appendingPathComponent("nianbao.toml").standardizedFileURL.path
    #expect(
      result.stderr.hasPrefix(
        "nianbao: \(path):2:1: 未知的键“langauge”；可用的键：language、rules、agency、deadline、previous、include、exclude、overrides\n"
      )
    )
    try project.write("nianbao.toml", "[rules]\nNB307 = \"of\"\n")
    let level = try project.run(["--check", "--lang", "en", "市本级.txt"])
    #expect(level.status == 2)
    #expect(level.stderr.contains("nianbao.toml:2:9: level “of” is not one of error, warning, info, hint, off"))
    try project.write("nianbao.toml", "deadline = \"13-01\"\n")
    #expect(try project.run(["--show-settings", "市本级.txt"]).status == 2)
  }

  @Test func agencyAndDeadlineReachNB308() throws {
    let project = try Project()
    try project.copy("nb308-signature-late.txt", to: "部门/水务局.txt")  // a department, signed 2026-02-15
    try project.copy("clean-2025-signed.txt", to: "乡镇/白石镇.txt")  // a town government, signed 2026-03-10
    #expect(Project.findings(try project.run(["--check", "."]).stdout) == ["./部门/水务局.txt NB308"])

    try project.write("部门/nianbao.toml", "agency = \"government\"\n")
    try project.write("乡镇/nianbao.toml", "agency = \"department\"\n")
    let swapped = try project.run(["--check", "."])
    #expect(Project.findings(swapped.stdout) == ["./乡镇/白石镇.txt NB308"])
    #expect(swapped.stdout.contains("晚于法定公布期限 2026年1月31日（条例第四十九条，政府部门）"))

    try project.write("nianbao.toml", "deadline = \"03-01\"\n")
    try FileManager.default.removeItem(at: project.root.appendingPathComponent("部门/nianbao.toml"))
    try FileManager.default.removeItem(at: project.root.appendingPathComponent("乡镇/nianbao.toml"))
    let local = try project.run(["--check", "--lang", "en", "."])
    #expect(Project.findings(local.stdout) == ["./乡镇/白石镇.txt NB308"])
    #expect(local.stdout.contains("is later than the local deadline 2026-03-01 (deadline in nianbao.toml)"))
  }
}
