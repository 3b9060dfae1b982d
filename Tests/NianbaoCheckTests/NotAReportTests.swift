import Foundation
import NianbaoTestSupport
import Testing

/// Documents beside the reports that name them without being one: a notice about the reports
/// is skipped in a folder walk, and a one-line note named on the command line gets one NB100.
@Suite struct NotAReportTests {
  static let notice = """
    关于做好2025年政府信息公开工作年度报告编制和发布工作的通知

    各乡镇人民政府、街道办事处，县政府各部门：

    根据《中华人民共和国政府信息公开条例》规定，现就做好2025年政府信息公开工作年度报告编制和发布工作通知如下。

    一、编制要求
    各单位要严格按照国办公开办函〔2021〕30号文件的格式要求编制年度报告。

    二、发布时间
    各部门于2026年1月31日前、各乡镇人民政府于2026年3月31日前在政府网站发布。

    县政府办公室
    2026年1月5日

    """

  @Test func aNoticeAboutTheReportsIsNotOne() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let name = "关于做好2025年政府信息公开工作年度报告编制和发布工作的通知.txt"
    try Data(Self.notice.utf8).write(to: root.appendingPathComponent(name))
    try FileManager.default.copyItem(
      atPath: Paths.fixture("clean-2025-tabs.txt"),
      toPath: root.appendingPathComponent("白石镇2025年度报告.txt").path
    )
    let walk = try Binary.run(["--check", "."], in: root)
    #expect(walk.status == 0, "\(walk.stdout)")
    #expect(walk.stdout == "1 个文件未发现问题\n")

    let named = try Binary.run(["--check", name], in: root)
    #expect(named.status == 1)
    let lines = named.stdout.split(separator: "\n")
    #expect(lines.count == 2, "\(named.stdout)")
    #expect(lines.first?.hasSuffix("[NB100]") == true)
    #expect(lines.last == "1 个错误，涉及 1 个文件中的 1 个")
  }

  @Test func aOneLineReadmeNamedGetsOneNB100() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    for (name, text) in [
      ("README.txt", "本目录存放各单位的政府信息公开工作年度报告。\n"),
      ("README.md", "各单位的政府信息公开工作年度报告\n"),
    ] {
      try Data(text.utf8).write(to: root.appendingPathComponent(name))
      let result = try Binary.run(["--check", name], in: root)
      #expect(result.status == 1)
      #expect(
        result.stdout
          == "\(name):1:1: error: 这不是政府信息公开工作年度报告：没有找到报告标题（“××××年政府信息公开工作年度报告”），也没有找到“一、总体情况”等章节标题。 [NB100]\n1 个错误，涉及 1 个文件中的 1 个\n",
        "\(name)"
      )
    }
  }

  /// What the pre-commit hook runs on every staged `.txt` and `.md`: the files that are not
  /// reports are passed over without a word, the reports checked.
  @Test func onlyReportsPassesOverWhatIsNotOne() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("各单位的政府信息公开工作年度报告\n".utf8).write(to: root.appendingPathComponent("README.md"))
    try Data("会议记录\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
    try FileManager.default.copyItem(
      atPath: Paths.fixture("nb204-review-total.txt"),
      toPath: root.appendingPathComponent("baishi.txt").path
    )
    let result = try Binary.run(["--check", "--only-reports", "README.md", "notes.txt", "baishi.txt"], in: root)
    #expect(result.status == 1)
    #expect(!result.stdout.contains("[NB100]"))
    #expect(result.stdout.contains("baishi.txt:68:"))
    let clean = try Binary.run(["--check", "--only-reports", "README.md", "notes.txt"], in: root)
    #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    #expect(!clean.stdout.contains("[NB100]"))
  }
}
