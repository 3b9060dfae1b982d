import NianbaoConfig
import NianbaoCore
import Testing

@Suite struct ConfigFileTests {
  static let example = """
    language = "en"
    agency = "government"
    deadline = "03-15"
    include = ["**/*.txt"]
    exclude = ["草稿", "old/**"]

    [rules]
    NB307 = "off"
    nb105 = "error"

    [[overrides]]
    paths = ["乡镇/**"]
    agency = "department"
    rules.NB114 = "off"

    [[overrides]]
    paths = ["乡镇/白石镇/*.txt"]
    [overrides.rules]
    NB114 = "warning"
    """

  @Test func readsEveryKey() throws {
    let config = try ConfigFile(path: "/team/nianbao.toml", text: Self.example)
    #expect(config.directory == "/team")
    #expect(config.language == ConfigFile.Setting(value: .en, line: 1))
    #expect(config.agency?.value == .government)
    #expect(config.deadline?.value == MonthDay(month: 3, day: 15))
    #expect(config.include == ["**/*.txt"])
    #expect(config.exclude == ["草稿", "old/**"])
    #expect(config.rules == [.init(code: "NB307", level: nil, line: 8), .init(code: "NB105", level: .error, line: 9)])
    #expect(config.overrides.count == 2)
    #expect(config.overrides[0].line == 11)
    #expect(config.overrides[1].rules == [.init(code: "NB114", level: .warning, line: 19)])
  }

  @Test func laterOverridesWin() throws {
    let config = try ConfigFile(path: "/team/nianbao.toml", text: Self.example)
    let town = AppliedSettings(config: config, file: "/team/乡镇/白石镇/2025年度报告.txt")
    #expect(town.rules["NB114"]?.value == .warning)
    #expect(town.rules["NB114"]?.source == .override(number: 2, path: "/team/nianbao.toml", line: 19))
    #expect(town.agency.value == .department)
    #expect(town.rules["NB307"]?.source == .file(path: "/team/nianbao.toml", line: 8))
    let other = AppliedSettings(config: config, file: "/team/乡镇/2025年度报告.txt")
    #expect(other.rules["NB114"]?.value == .some(nil))
    let city = AppliedSettings(config: config, file: "/team/市本级/2025年度报告.txt")
    #expect(city.rules["NB114"] == nil)
    #expect(city.checkerOptions == CheckerOptions(agency: .government, deadline: MonthDay(month: 3, day: 15)))
    var commandLine = city
    var policy = SeverityPolicy()
    try policy.set("NB307", to: "info")
    commandLine.override(with: policy) { code, _ in .commandLine("--rule \(code)=info") }
    #expect(commandLine.rules["NB307"]?.value == .information)
    #expect(commandLine.policy.overrides["NB307"] == .some(.information))
  }

  @Test func excludeAndInclude() throws {
    let config = try ConfigFile(path: "/team/nianbao.toml", text: Self.example)
    #expect(config.excludes("草稿/a.txt"))
    #expect(config.excludes("乡镇/草稿/a.txt"))
    #expect(config.excludes("old/2019/a.txt"))
    #expect(config.excludes("a.md"))  // not included
    #expect(!config.excludes("乡镇/a.txt"))
  }

  @Test(arguments: [
    ("langauge = \"en\"", 1, 1, "unknown key “langauge”"),
    ("language = \"fr\"", 1, 12, "language is \"zh\" or \"en\""),
    ("language = 1", 1, 12, "language must be a string, not an integer"),
    ("[rules]\nNB999 = \"off\"", 2, 1, "there is no rule “NB999”"),
    ("[rules]\nNB307 = \"loud\"", 2, 9, "level “loud” is not one of"),
    ("rules = \"off\"", 1, 9, "rules must be a table"),
    ("deadline = \"02-30\"", 1, 12, "deadline “02-30” is not a month-day"),
    ("deadline = \"3-31\"", 1, 12, "is not a month-day"),
    ("deadline = \"02-29\"", 1, 12, "deadline “02-29” is not a day of every year"),
    ("[[overrides]]\npaths = [\"*.md\"]\ndeadline = \"02-29\"", 3, 12, "only of leap years"),
    ("agency = \"ministry\"", 1, 10, "agency is \"department\""),
    ("exclude = \"drafts\"", 1, 11, "exclude must be an array of strings"),
    ("exclude = [\"a/**b\"]", 1, 12, "** must be a whole segment"),
    ("include = [\"../x\"]", 1, 12, "cannot contain .."),
    ("[[overrides]]\nrules.NB114 = \"off\"", 1, 1, "[[overrides]] needs paths"),
    ("[[overrides]]\npaths = [\"*.md\"]\nlevel = 1", 3, 1, "unknown key “level” in [[overrides]]"),
    ("[overrides]\npaths = []", 1, 1, "overrides are written as [[overrides]]"),
    ("a = [", 1, 5, "the array is not closed"),
  ])
  func errorsNameFileLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
    do {
      _ = try ConfigFile(path: "dir/nianbao.toml", text: text)
      Issue.record("no error for \(text)")
    } catch {
      #expect(error.text(.en).hasPrefix("dir/nianbao.toml:\(line):\(column): "), "\(error.text(.en))")
      #expect(error.message.en.contains(message), "\(error.message.en)")
      #expect(!error.text(.zh).isEmpty)
    }
  }

  @Test(arguments: [
    ("*.md", "a.md", true), ("*.md", "乡镇/a.md", true), ("*.md", "a.txt", false),
    ("乡镇/**", "乡镇/白石镇/a.txt", true), ("乡镇/**", "市/乡镇.txt", false), ("乡镇", "县/乡镇/a.txt", true),
    ("乡镇/*.txt", "乡镇/a.txt", true), ("乡镇/*.txt", "乡镇/白石镇/a.txt", false),
    ("**/年报?.txt", "a/b/年报一.txt", true), ("**/年报?.txt", "年报一.txt", true), ("**/年报?.txt", "年报一二.txt", false),
    ("./drafts/", "drafts/x.txt", true), ("/drafts", "x/drafts/y.txt", false), ("*年度报告*", "2025年度报告.txt", true),
  ])
  func globs(_ pattern: String, _ path: String, _ expected: Bool) {
    #expect(Glob.matches(pattern, path) == expected, "\(pattern) on \(path)")
  }

  @Test func relativePaths() {
    #expect(Glob.relative("/a/b/c.txt", to: "/a") == "b/c.txt")
    #expect(Glob.relative("/a/c.txt", to: "/a/b") == "../c.txt")
    #expect(Glob.relative("/x.txt", to: "/") == "x.txt")
  }
}
