import Foundation
import NianbaoCore
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// `nianbao new` through the built binary: the skeleton it writes passes `--check` but for its
/// placeholders (NB117), and it never replaces a file unasked.
@Suite struct NewReportCommandTests {
  static let realReports = TestPaths.repository.appendingPathComponent("Tests/RealReports")

  static let reportsWithTable3: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: realReports.path)) ?? []
    return names.filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && !$0.hasPrefix("NOTES") && $0 != "README.md" }
      .filter { name in
        let report = ReportParser.parse(TestPaths.text(at: realReports.appendingPathComponent(name)))
        return report.year != nil && report.table3?.row(.carriedForward) != nil
      }.sorted()
  }()

  /// The codes `--check --format json` reports for a file, with their severities.
  static func findings(_ path: String) throws -> [(code: String, severity: Int)] {
    let result = try Binary.run(["--check", "--format", "json", path])
    let document = try JSONValue.parse(result.stdout)
    return (document["diagnostics"]?.array ?? []).map { ($0["code"]?.string ?? "", $0["severity"]?.int ?? 0) }
  }

  @Test func everyRealReportWithTablesGivesACleanSkeleton() throws {
    #expect(Self.reportsWithTable3.count >= 40)
    let folder = try Paths.temporaryDirectory()
    for name in Self.reportsWithTable3 {
      let source = Self.realReports.appendingPathComponent(name).path
      let output = folder.appendingPathComponent("next-\(name)").path
      let written = try Binary.run(["new", "--from", source, "-o", output])
      #expect(written.status == 0, "\(name): \(written.stderr)")
      let findings = try Self.findings(output)
      let others = findings.filter { $0.code != "NB117" }
      #expect(others.isEmpty, "\(name): \(others.map(\.code))")
      #expect(findings.contains { $0.code == "NB117" && $0.severity == 2 }, "\(name)")
      let check = try Binary.run(["--check", output])
      #expect(check.status == 0, "\(name): --check exits \(check.status)")

      let last = ReportParser.parse(TestPaths.text(at: URL(fileURLWithPath: source)))
      let next = ReportParser.parse(TestPaths.text(at: URL(fileURLWithPath: output)))
      #expect(next.year == last.year.map { $0 + 1 }, "\(name)")
      let carried = try #require(last.table3?.row(.carriedForward))
      let carriedOver = try #require(next.table3?.row(.carriedOver))
      for column in 0..<6 where carried.cells.count == 7 {
        #expect(carriedOver.cells[column].integerValue == carried.cells[column].integerValue ?? 0, "\(name) \(column)")
      }
    }
  }

  /// Last year's report and the skeleton checked together: NB309 pairs them and finds them in
  /// agreement.
  @Test func skeletonAgreesWithLastYearsReport() throws {
    let folder = try Paths.temporaryDirectory()
    let last = folder.appendingPathComponent("白石镇2025年度报告.txt")
    try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("clean-2025-signed.txt"), to: last)
    let written = try Binary.run([
      "new", "--from", last.path, "-o", folder.appendingPathComponent("白石镇2026年度报告.txt").path,
    ])
    #expect(written.status == 0)
    let result = try Binary.run(["--check", "--format", "json", "."], in: folder)
    let diagnostics = try JSONValue.parse(result.stdout)["diagnostics"]?.array ?? []
    let found = Set(diagnostics.map { "\($0["path"]?.string ?? "") \($0["code"]?.string ?? "")" })
    #expect(found == ["./白石镇2026年度报告.txt NB117"], "\(found)")
  }

  @Test func blankReportToStandardOutput() throws {
    let result = try Binary.run(["new", "--year", "2025", "--agency", "某某县人民政府"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("某某县人民政府2025年政府信息公开工作年度报告\n"))
    let check = try Binary.run(["--check", "--format", "json", "-"], stdin: Data(result.stdout.utf8))
    let codes = try JSONValue.parse(check.stdout)["diagnostics"]?.array?.compactMap { $0["code"]?.string } ?? []
    #expect(!codes.isEmpty && codes.allSatisfy { $0 == "NB117" })
    #expect(check.status == 0)
  }

  @Test func neverReplacesAFileUnasked() throws {
    let folder = try Paths.temporaryDirectory()
    let output = folder.appendingPathComponent("2026年度报告.txt")
    try Data("已经写了一半的报告\n".utf8).write(to: output)
    let refused = try Binary.run(["new", "--from", Paths.fixture("clean-2025-tabs.txt"), "--output", output.path])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("已存在") && refused.stderr.contains("--force"))
    #expect(TestPaths.text(at: output) == "已经写了一半的报告\n")
    let forced = try Binary.run(["new", "--from", Paths.fixture("clean-2025-tabs.txt"), "-o", output.path, "--force"])
    #expect(forced.status == 0)
    #expect(TestPaths.text(at: output).hasPrefix("青禾县白石镇人民政府2026年政府信息公开工作年度报告\n"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func usageMistakesSayWhatToDo() throws {
    let none = try Binary.run(["new"])
    #expect(none.status == 2 && none.stderr.contains("--from"))
    let half = try Binary.run(["new", "--year", "2025", "--lang", "en"])
    #expect(half.status == 2 && half.stderr.contains("--agency"))
    let year = try Binary.run(["new", "--year", "明年", "--agency", "某某县人民政府"])
    #expect(year.status == 2 && year.stderr.contains("--year"))
    let notAReport = try Binary.run(["new", "--from", Paths.fixture("nb100-not-a-report.txt")])
    #expect(notAReport.status == 2 && notAReport.stderr.contains("标题"))
    let missing = try Binary.run(["new", "--from", "/nonexistent/2024.txt"])
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/2024.txt"))
  }

  @Test func explainsThePlaceholderRule() throws {
    let zh = try Binary.run(["--explain", "NB117"])
    #expect(zh.status == 0 && zh.stdout.contains("待填写"))
    let en = try Binary.run(["--explain", "nb117", "--lang", "en"])
    #expect(en.stdout.contains("placeholder"))
    let check = try Binary.run(["--check", Paths.fixture("nb117-placeholder.txt")])
    #expect(check.stdout.contains("[NB117]"))
  }
}
