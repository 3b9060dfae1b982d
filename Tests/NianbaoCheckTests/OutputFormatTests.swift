import Foundation
import NianbaoCore
import NianbaoJSON
import NianbaoTestSupport
import Testing

@testable import NianbaoCheck

/// `--format sarif|github|gitlab|junit` from the real binary: what CI and review tools read.
@Suite struct OutputFormatTests {
  static let formats = ["text", "json", "sarif", "github", "gitlab", "junit"]

  @Test func exitCodesAreTheTextOnes() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = folder.appendingPathComponent("binary.txt")
    try Data([0x00, 0x01]).write(to: binary)
    for paths in [
      [Paths.fixture("clean-2025-tabs.txt")], [Paths.fixture("nb201-row-total.txt")],
      [Paths.fixture("nb105-labels.txt")],
      [binary.path, Paths.fixture("clean-2025-tabs.txt")],
    ] {
      for strict in [[], ["--strict"]] {
        let text = try Binary.run(["--check"] + strict + paths).status
        for format in Self.formats {
          #expect(
            try Binary.run(["--check", "--format", format] + strict + paths).status == text,
            "\(format) \(paths)"
          )
        }
      }
    }
  }

  @Test func outputIsDeterministicAndInTextOrder() throws {
    for format in Self.formats {
      let arguments = ["--check", "--format", format, "--lang", "en", TestPaths.fixtures.path]
      let first = try Binary.run(arguments)
      #expect(try Binary.run(arguments).stdout == first.stdout, "\(format)")
      #expect(first.stdout.contains("should be 3 but is 4"), "\(format) is in English")
    }
    let text = try Binary.run(["--check", TestPaths.fixtures.path]).stdout.split(separator: "\n").dropLast()
    let github = try Binary.run(["--check", "--format", "github", TestPaths.fixtures.path]).stdout
      .split(separator: "\n").dropLast()
    let relative = { (path: String) in ReportPath.relative(path) }
    #expect(
      github.map { $0.split(separator: ",").first.map { String($0.split(separator: "=").last!) } ?? "" }
        == text.map { relative(String($0.split(separator: ":").first!)) }
    )
  }

  @Test func everyFormatReadsStandardInput() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("nb201-row-total.txt")))
    for format in Self.formats {
      let result = try Binary.run(["--check", "--format", format, "--stdin-filename", "草稿.txt", "-"], stdin: data)
      #expect(result.status == 1, "\(format)")
      #expect(result.stdout.contains("草稿.txt") || result.stdout.contains("%E8%8D%89%E7%A8%BF.txt"), "\(format)")
      #expect(result.stdout.contains("NB201"), "\(format)")
    }
  }

  @Test func sarifResult() throws {
    let text = TestPaths.fixtureText("nb301-period-wrong-year.txt").replacingOccurrences(of: "本报告依据", with: "😀本报告依据")
    let result = try Binary.run(
      ["--check", "--format", "sarif", "--stdin-filename", "报告 2025.txt", "-"],
      stdin: Data(text.utf8)
    )
    #expect(result.status == 1)
    let run = try #require(try JSONValue.parse(result.stdout)["runs"]?[0])
    #expect(run["columnKind"] == "utf16CodeUnits")
    let driver = try #require(run["tool"]?["driver"])
    #expect(driver["name"] == "nianbao")
    #expect(driver["version"] == .string(About.version))
    #expect(driver["informationUri"] == .string(About.homepage))
    #expect(driver["rules"]?.array?.count == Rule.all.count)
    let finding = try #require(run["results"]?[0])
    #expect(finding["ruleId"] == "NB301")
    let index = try #require(finding["ruleIndex"]?.int)
    #expect(driver["rules"]?[index]?["id"] == "NB301")
    #expect(driver["rules"]?[index]?["helpUri"] == .string(About.documentationURL(for: Rule.named("NB301")!)))
    #expect(driver["rules"]?[index]?["defaultConfiguration"]?["level"] == "error")
    #expect(finding["level"] == "error")
    let location = try #require(finding["locations"]?[0]?["physicalLocation"])
    #expect(location["artifactLocation"]?["uri"] == "%E6%8A%A5%E5%91%8A%202025.txt")
    #expect(location["artifactLocation"]?["uriBaseId"] == "SRCROOT")
    // The JSON output's 0-based UTF-16 line 2, character 118 (😀 is two units), 1-based here.
    #expect(location["region"]?["startLine"] == 3)
    #expect(location["region"]?["startColumn"] == 119)
    #expect(location["region"]?["endLine"] == 3)
    #expect(location["region"]?["endColumn"] == 142)
    let replacements = try #require(finding["fixes"]?[0]?["artifactChanges"]?[0]?["replacements"]?.array)
    #expect(replacements.count == 2)
    #expect(replacements[0]["insertedContent"]?["text"] == "2025")
    #expect(replacements[0]["deletedRegion"]?["startColumn"] == 119)
    #expect(replacements[0]["deletedRegion"]?["endColumn"] == 123)
    let fingerprint = try #require(finding["partialFingerprints"]?["nianbaoFinding/v1"]?.string)
    #expect(fingerprint.count == 64)

    // Lines added above: the same fingerprint on another line.
    let moved = try Binary.run(
      ["--check", "--format", "sarif", "-"],
      stdin: Data(("\n\n" + text).utf8)
    )
    let movedFinding = try #require(try JSONValue.parse(moved.stdout)["runs"]?[0]?["results"]?[0])
    #expect(movedFinding["partialFingerprints"]?["nianbaoFinding/v1"] == .string(fingerprint))
    #expect(movedFinding["locations"]?[0]?["physicalLocation"]?["region"]?["startLine"] == 5)
  }

  @Test func sarifRelatedLocationsAndNotifications() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      atPath: Paths.fixture("nb201-row-total.txt"),
      toPath: folder.appendingPathComponent("a.txt").path
    )
    try Data([0x00, 0x01]).write(to: folder.appendingPathComponent("b.txt"))
    let result = try Binary.run(
      ["--check", "--format", "sarif", "--lang", "en", folder.appendingPathComponent("a.txt").path, "b.txt"],
      in: folder
    )
    #expect(result.status == 2)
    let run = try #require(try JSONValue.parse(result.stdout)["runs"]?[0])
    let finding = try #require(run["results"]?[0])
    // An absolute path inside the current folder is given relative to it.
    #expect(finding["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"] == "a.txt")
    let related = try #require(finding["relatedLocations"]?.array)
    #expect(related.count > 1)
    #expect(related[0]["message"]?["text"]?.string?.contains("total") == true)
    let invocation = try #require(run["invocations"]?[0])
    #expect(invocation["executionSuccessful"] == false)
    let notification = try #require(invocation["toolExecutionNotifications"]?[0])
    #expect(notification["level"] == "error")
    #expect(notification["message"]?["text"]?.string?.contains("binary file") == true)
    #expect(notification["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"] == "b.txt")
  }

  @Test func helpAndUsageErrorsNameEveryFormat() throws {
    for language in ["zh", "en"] {
      let help = try Binary.run(["--help", "--lang", language]).stdout
      for format in Self.formats { #expect(help.contains(format), "\(format) in --help --lang \(language)") }
    }
    let wrong = try Binary.run(["--check", "--format", "html5", "--lang", "en", "a.txt"])
    #expect(wrong.status == 2)
    #expect(wrong.stderr == "nianbao: --format is one of text, json, sarif, github, gitlab, junit, html, not “html5”\n")
  }

  @Test func githubEscaping() {
    #expect(GitHubAnnotations.escapeData("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad")
    #expect(GitHubAnnotations.escapeProperty("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad")
    #expect(
      GitHubAnnotations.command("warning", [("file", "a,b:c.txt"), ("line", "3")], "x: 50%\ny")
        == "::warning file=a%2Cb%3Ac.txt,line=3::x: 50%25%0Ay\n"
    )
  }

  @Test func githubAnnotations() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("nb201-row-total.txt")))
    let result = try Binary.run(
      ["--check", "--format", "github", "--stdin-filename", "报告,2025:草稿%.txt", "-"],
      stdin: data
    )
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(
      lines[0].hasPrefix(
        "::error file=报告%2C2025%3A草稿%25.txt,line=50,col=39,endLine=50,endColumn=39,title=NB201::表三“（四）无法提供 1.本机关不掌握相关政府信息”行“总计”列应为 3，实为 4。"
      )
    )
    #expect(lines[1] == "1 个错误，涉及 1 个文件中的 1 个")
    let warnings = try Binary.run([
      "--check", "--format", "github", Paths.fixture("nb105-labels.txt"), Paths.fixture("nb307-no-period.txt"),
    ])
    #expect(warnings.stdout.hasPrefix("::warning file="))
    #expect(warnings.stdout.contains("::notice file="))
    #expect(warnings.stdout.contains("title=NB307::"))
  }

  @Test func gitlabCodeQuality() throws {
    let result = try Binary.run(["--check", "--format", "gitlab", TestPaths.fixtures.path])
    #expect(result.status == 1)
    let issues = try #require(try JSONValue.parse(result.stdout).array)
    let text = try Binary.run(["--check", TestPaths.fixtures.path]).stdout.split(separator: "\n").dropLast()
    #expect(issues.count == text.count)
    for (issue, line) in zip(issues, text) {
      // GitLab's required fields.
      for field in ["description", "check_name", "fingerprint", "severity"] {
        #expect(issue[field]?.string?.isEmpty == false, "\(field) in \(issue)")
      }
      let parts = line.split(separator: ":")
      #expect(issue["location"]?["path"] == .string(ReportPath.relative(String(parts[0]))))
      #expect(issue["location"]?["lines"]?["begin"]?.int == Int(parts[1]))
      #expect(line.hasSuffix("[\(issue["check_name"]?.string ?? "")]"))
      let severity = parts[3].trimmingCharacters(in: .whitespaces)
      let expected = ["error": "major", "warning": "minor", "info": "info", "hint": "info"][severity]
      #expect(issue["severity"] == .string(expected ?? "?"), "\(line)")
    }
    let fingerprints = issues.compactMap { $0["fingerprint"]?.string }
    #expect(Set(fingerprints).count == issues.count, "fingerprints are unique")
    #expect(try Binary.run(["--check", "--format", "gitlab", TestPaths.fixtures.path]).stdout == result.stdout)
  }

  @Test func junit() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["nb201-row-total.txt", "nb105-labels.txt", "clean-2025-tabs.txt"] {
      try FileManager.default.copyItem(atPath: Paths.fixture(name), toPath: folder.appendingPathComponent(name).path)
    }
    try Data([0x00, 0x01]).write(to: folder.appendingPathComponent("z-binary.txt"))
    let plain = try Binary.run(["--check", "--format", "junit", "."], in: folder).stdout
    #expect(
      plain.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"nianbao\" tests=\"4\" failures=\"1\" errors=\"1\">"
      )
    )
    #expect(plain.contains("<testcase classname=\"./nb201-row-total.txt\" name=\"./nb201-row-total.txt\""))
    #expect(plain.contains("<failure message=\"1 个问题：NB201\" type=\"nianbao\">./nb201-row-total.txt:50:39: error: "))
    #expect(plain.contains("<system-out>./nb105-labels.txt:20:13: warning: "))
    #expect(plain.contains("<error message=\"./z-binary.txt: 这是二进制文件"))
    let strict = try Binary.run(["--check", "--format", "junit", "--strict", "--lang", "en", "."], in: folder).stdout
    #expect(strict.contains("tests=\"4\" failures=\"2\" errors=\"1\""))
    #expect(
      strict.contains("<failure message=\"3 problems: NB105\" type=\"nianbao\">./nb105-labels.txt:20:13: warning: ")
    )
  }

  @Test func xmlEscaping() {
    #expect(JUnitReport.attribute("a&b<c>\"d\"'e'\n\t") == "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#10;&#9;")
    #expect(JUnitReport.content("a&b<c>\"\n\u{0B}\u{1}\r") == "a&amp;b&lt;c&gt;\"\n\u{FFFD}\u{FFFD}&#13;")
  }

  @Test func fingerprintIgnoresWhitespaceAndLineNumbers() {
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    )
    #expect(FindingFingerprint.normalised("  a \t b\u{3000}c  ") == "a b c")
  }
}
