import NianbaoConfig
import NianbaoCore
import Testing

/// `previous = "path"`: last year's report named in `nianbao.toml`, at the top or in an override.
@Suite struct PreviousReportSettingTests {
  static let text = """
    previous = "2024/年度报告.txt"

    [[overrides]]
    paths = ["乡镇/白石镇/**"]
    previous = "../old/白石乡2024年度报告.txt"
    """

  @Test func resolvedFromTheFolderOfTheSettingsFile() throws {
    let config = try ConfigFile(path: "/team/nianbao.toml", text: Self.text)
    #expect(config.previous == ConfigFile.Setting(value: "2024/年度报告.txt", line: 1))
    #expect(config.overrides[0].previous?.value == "../old/白石乡2024年度报告.txt")
    let city = AppliedSettings(config: config, file: "/team/2025/年度报告.txt")
    #expect(city.previous.value == "/team/2024/年度报告.txt")
    #expect(city.previous.source == .file(path: "/team/nianbao.toml", line: 1))
    let town = AppliedSettings(config: config, file: "/team/乡镇/白石镇/2025.txt")
    #expect(town.previous.value == "/old/白石乡2024年度报告.txt")
    #expect(town.previous.source == .override(number: 1, path: "/team/nianbao.toml", line: 5))
    #expect(AppliedSettings(config: nil, file: "/a.txt").previous.value == nil)
  }

  @Test func anEmptyPathIsAnError() {
    #expect(throws: ConfigError.self) { try ConfigFile(path: "nianbao.toml", text: "previous = \"\"") }
    do {
      _ = try ConfigFile(path: "nianbao.toml", text: "[[overrides]]\npaths = [\"a\"]\nprevious = 2024")
      Issue.record("no error")
    } catch {
      #expect(error.text(.en) == "nianbao.toml:3:12: previous must be a string, not an integer")
    }
  }

  @Test func resolvingPaths() {
    #expect(Glob.resolve("a/./b/../c.txt", from: "/x/y") == "/x/y/a/c.txt")
    #expect(Glob.resolve("/abs/c.txt", from: "/x") == "/abs/c.txt")
    #expect(Glob.resolve("../../../c.txt", from: "/x") == "/c.txt")
  }
}
