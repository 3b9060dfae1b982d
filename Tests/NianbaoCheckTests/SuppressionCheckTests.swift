import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// `nianbao-suppressions.json` through the real binary, on a copy of a published report.
@Suite struct SuppressionCheckTests {
  typealias Project = ConfigCheckTests.Project

  /// 三明市 2024: the text says 现行有效规范性文件2763件 where table 二 has 3097 (NB501), a
  /// finding a team may accept for a report that must stay as published.
  static let report = TestPaths.text(
    at: TestPaths.repository.appendingPathComponent("Tests/RealReports/17_sanming_city_gov_2024.txt")
  )

  @Test func acceptedFindingStaysSuppressedThroughEditsAndComesBackWhenItsNumberChanges() throws {
    let project = try Project()
    try project.write("nianbao.toml", "[rules]\nNB307 = \"off\"\n")
    try project.write("reports/三明市2024年度报告.txt", Self.report)
    let before = try project.run(["--check", "reports"])
    #expect(Project.findings(before.stdout) == ["reports/三明市2024年度报告.txt NB501"])

    let add = try project.run(["--check", "--add-suppressions", "reports"])
    #expect(add.status == 0)
    #expect(add.stdout == "1 个文件未发现问题\n")
    #expect(add.stderr.contains("已将 1 条发现写入 "))
    #expect(add.stderr.contains("/nianbao-suppressions.json"))
    let json = try JSONValue.parse(try project.read("nianbao-suppressions.json"))
    let entry = try #require(json["suppressions"]?[0])
    #expect(entry["code"] == "NB501")
    #expect(entry["path"] == "reports/三明市2024年度报告.txt")
    #expect(entry["section"] == 1)
    #expect(entry["reason"] == "")
    #expect(entry["line"] == nil)
    // Adding again merges: nothing new, the entry stays once.
    _ = try project.run(["--check", "--add-suppressions", "reports"])
    #expect(try JSONValue.parse(try project.read("nianbao-suppressions.json"))["suppressions"]?.array?.count == 1)

    // Lines inserted above and a change elsewhere: still suppressed.
    var edited = Self.report.replacingOccurrences(of: "\n（三）解读回应方面。", with: "\n\n补充说明一行。\n另一行。\n（三）解读回应方面。")
    edited = edited.replacingOccurrences(of: "征集决策意见74件", with: "征集决策意见75件")
    try project.write("reports/三明市2024年度报告.txt", edited)
    let kept = try project.run(["--check", "--strict", "reports"])
    #expect(kept.status == 0, "\(kept.stdout)\(kept.stderr)")
    #expect(kept.stdout == "1 个文件未发现问题\n")
    #expect(kept.stderr.isEmpty)
    let shown = try project.run(["--check", "--show-suppressed", "reports"])
    #expect(Project.findings(shown.stdout) == ["reports/三明市2024年度报告.txt NB501 suppressed"])
    #expect(shown.stdout.hasSuffix("1 个文件未发现问题\n"))
    let shownJSON = try JSONValue.parse(
      try project.run(["--check", "--show-suppressed", "--format", "json", "reports"]).stdout
    )
    #expect(shownJSON["diagnostics"]?[0]?["suppressed"] == true)
    #expect(shownJSON["summary"]?["warnings"] == 0)

    // The number the finding is about changes: it comes back, and the entry is stale.
    try project.write(
      "reports/三明市2024年度报告.txt",
      edited.replacingOccurrences(of: "规范性文件2763件", with: "规范性文件2764件")
    )
    let back = try project.run(["--check", "--lang", "en", "reports"])
    #expect(back.status == 0)
    #expect(Project.findings(back.stdout) == ["reports/三明市2024年度报告.txt NB501"])
    #expect(back.stderr.contains("nianbao-suppressions.json: warning: entry 1 (NB501, reports/三明市2024年度报告.txt, “2763"))
    #expect(back.stderr.contains("no longer matches any finding"))
    #expect(try project.run(["--check", "--strict", "--rule", "NB501=off", "reports"]).status == 1)
  }

  /// A stale entry, with the reason the team wrote for it, is in the SARIF, GitLab and JUnit
  /// output too, where CI shows it, and not only on standard error.
  @Test func staleEntryAndItsReasonInCIOutput() throws {
    let project = try Project()
    try project.write("nianbao.toml", "[rules]\nNB307 = \"off\"\n")
    try project.write("reports/三明市2024年度报告.txt", Self.report)
    _ = try project.run(["--check", "--add-suppressions", "reports"])
    let file = try project.read("nianbao-suppressions.json")
    try project.write(
      "nianbao-suppressions.json",
      file.replacingOccurrences(
        of: "\"reason\": \"\"",
        with: "\"reason\": \"as published; 3097 counts the departments too\""
      )
    )
    try project.write(
      "reports/三明市2024年度报告.txt",
      Self.report.replacingOccurrences(of: "规范性文件2763件", with: "规范性文件2764件")
    )
    let reason = "as published; 3097 counts the departments too"
    let text = try project.run(["--check", "--lang", "en", "reports"])
    #expect(
      text.stderr.contains(
        "no longer matches any finding; if it was corrected, delete the entry (its reason: \(reason))"
      )
    )

    let sarif = try JSONValue.parse(
      try project.run(["--check", "--lang", "en", "--format", "sarif", "reports"]).stdout
    )
    let notifications = sarif["runs"]?[0]?["invocations"]?[0]?["toolExecutionNotifications"]?.array ?? []
    let notice = try #require(notifications.first { $0["message"]?["text"]?.string?.contains(reason) == true })
    #expect(notice["level"] == "warning")
    #expect(notice["message"]?["text"]?.string?.hasPrefix("entry 1 (NB501, reports/三明市2024年度报告.txt, “2763") == true)
    #expect(
      notice["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"] == "nianbao-suppressions.json"
    )

    let gitlab = try JSONValue.parse(try project.run(["--check", "--format", "gitlab", "reports"]).stdout)
    let issue = try #require(gitlab.array?.first { $0["check_name"] == "stale-suppression" })
    #expect(issue["description"]?.string?.contains("已不匹配任何发现") == true)
    #expect(issue["description"]?.string?.contains("（当时的理由：\(reason)）") == true)
    #expect(issue["location"]?["path"] == "nianbao-suppressions.json")
    #expect(issue["severity"] == "minor")
    #expect(issue["fingerprint"]?.string?.count == 64)

    let junit = try project.run(["--check", "--lang", "en", "--format", "junit", "reports"]).stdout
    #expect(junit.contains("tests=\"2\" failures=\"0\""))
    #expect(junit.contains("<testcase classname=\"nianbao-suppressions.json\""))
    #expect(junit.contains("(its reason: \(reason))\n</system-out>"))
    let strict = try project.run(["--check", "--strict", "--rule", "NB501=off", "--format", "junit", "reports"])
    #expect(strict.status == 1)
    #expect(strict.stdout.contains("<failure message=\"1 条抑制已过时\""))
  }

  @Test func withoutSettingsFileTheSuppressionsAreInTheCurrentFolder() throws {
    let project = try Project()
    try project.copy("nb201-row-total.txt", to: "a/报告.txt")
    let add = try project.run(["--check", "--add-suppressions", "a/报告.txt"])
    #expect(add.status == 0)
    let json = try JSONValue.parse(try project.read("nianbao-suppressions.json"))
    #expect(json["suppressions"]?[0]?["path"] == "a/报告.txt")
    #expect(json["suppressions"]?[0]?["text"] == "4")
    #expect(try project.run(["--check", "a/报告.txt"]).status == 0)
    // Checking other files does not call the entry stale.
    let other = try project.run(["--check", Paths.fixture("clean-2025-tabs.txt")])
    #expect(other.stderr.isEmpty)
  }

  /// Without a `nianbao.toml`, the suppressions file is found as `nianbao.toml` is: in the
  /// report's folder or above it, whatever the working folder (CI checks from the top).
  @Test func withoutSettingsFileTheSuppressionsAreFoundFromTheReport() throws {
    let project = try Project()
    try project.copy("nb201-row-total.txt", to: "reports/报告.txt")
    let add = try Binary.run(
      ["--check", "--add-suppressions", "报告.txt"],
      in: project.root.appendingPathComponent("reports")
    )
    #expect(add.status == 0)
    #expect(try project.read("reports/nianbao-suppressions.json").contains("\"path\": \"报告.txt\""))
    let fromTop = try project.run(["--check", "--strict", "reports"])
    #expect(fromTop.status == 0, "\(fromTop.stdout)\(fromTop.stderr)")
    #expect(fromTop.stdout == "1 个文件未发现问题\n")
    #expect(fromTop.stderr.isEmpty)
    let settings = try project.run(["--show-settings", "reports/报告.txt"])
    let nearest = project.root.standardizedFileURL.path + "/reports/nianbao-suppressions.json"
    #expect(settings.stdout.contains("抑制文件  \(nearest)\n"))
    // Accepting more from the top adds to the same file.
    try project.copy("nb204-review-total.txt", to: "reports/乙.txt")
    _ = try project.run(["--check", "--add-suppressions", "reports"])
    let atTop = project.root.appendingPathComponent("nianbao-suppressions.json").path
    #expect(!FileManager.default.fileExists(atPath: atTop))
    #expect(try project.run(["--check", "reports"]).status == 0)
  }

  @Test func brokenSuppressionsFileExitsTwo() throws {
    let project = try Project()
    try project.copy("nb201-row-total.txt", to: "报告.txt")
    try project.write("nianbao-suppressions.json", "{\"suppressions\": [{\"code\": 1}]}")
    let result = try project.run(["--check", "--lang", "en", "报告.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("nianbao-suppressions.json:1:19: entry 1 lacks code, path or text"))
  }
}
