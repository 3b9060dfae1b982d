import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// Formatting rewrites tables and heading numbers and nothing else: the numbers and the prose
/// before and after are the same, formatting twice gives what formatting once gave, and the
/// checks find nothing new.
@Suite struct ReportFormatterTests {
  static let texts: [String] =
    Fixtures.all.map { "Tests/Fixtures/" + $0 } + RealReportTests.reports.map { "Tests/RealReports/" + $0 }

  static func text(_ path: String) -> String { TestPaths.text(at: TestPaths.repository.appendingPathComponent(path)) }

  /// The digit runs of a text, in order, without the item numbers of table 三's labels (`1.`).
  static func numbers(_ text: String) -> [String] {
    var runs: [String] = []
    var current = ""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      if ("0"..."9").contains(scalar)
        || (scalar == "." && !current.isEmpty && index + 1 < scalars.count
          && ("0"..."9").contains(scalars[index + 1]))
      {
        current.unicodeScalars.append(scalar)
        continue
      }
      if !current.isEmpty {
        let isItemNumber = (scalar == "." || scalar == "．") && current.count <= 1
        if !isItemNumber { runs.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// Every cell of the three tables as written, by table, row and column.
  static func cells(_ report: Report) -> [String] {
    let source = report.source
    var result: [String] = []
    for row in report.table2?.rows ?? [] {
      result += row.row.cells.map { "二/\(row.subtableItem)/\(row.name): " + source.text($0.range) }
    }
    for (spec, row) in (report.table3?.rows ?? []).sorted(by: { $0.spec.id < $1.spec.id }) {
      result += row.cells.map { "三/\(spec.id): " + source.text($0.range) }
    }
    result += report.table4?.row?.cells.map { "四: " + source.text($0.range) } ?? []
    return result
  }

  @Test(arguments: texts)
  func keepsNumbersAndProse(path: String) throws {
    let original = Self.text(path)
    let report = ReportParser.parse(original)
    let edits = ReportFormatter.edits(report)
    let formatted = edits.applied(to: report.source)
    let after = ReportParser.parse(formatted)
    #expect(Self.cells(after) == Self.cells(report), "\(path)")
    for edit in edits {
      let before = report.source.text(edit.range)
      #expect(Self.numbers(before) == Self.numbers(edit.replacement), "\(path): \(before)")
    }
    #expect(Self.numbers(formatted) == Self.numbers(original), "\(path)")
    // The text outside the edits is untouched.
    var outside = ""
    var cursor = 0
    for edit in edits {
      outside += report.source.text(cursor..<edit.range.lowerBound) + "⟨edit⟩"
      cursor = edit.range.upperBound
    }
    outside += report.source.text(cursor..<report.source.utf8.count)
    var outsideAfter = ""
    cursor = 0
    var shift = 0
    for edit in edits {
      let start = edit.range.lowerBound + shift
      outsideAfter += after.source.text(cursor..<start) + "⟨edit⟩"
      shift += edit.replacement.utf8.count - edit.range.count
      cursor = edit.range.upperBound + shift
    }
    outsideAfter += after.source.text(cursor..<after.source.utf8.count)
    #expect(outside == outsideAfter, "\(path)")

    #expect(ReportFormatter.formatted(formatted) == formatted, "\(path): formatting twice changed it again")

    // Nothing new for the checks to find.
    func counts(_ text: String) -> [String: Int] {
      Dictionary(Checker.check(text).1.map { ($0.code, 1) }, uniquingKeysWith: +)
    }
    let findingsBefore = counts(original)
    for (code, count) in counts(formatted) {
      #expect(
        count <= findingsBefore[code] ?? 0,
        "\(path): \(code) \(count) after, \(findingsBefore[code] ?? 0) before"
      )
    }
  }

  @Test func rewritesTheFixturesTablesIntoTheLayout() throws {
    let formatted = ReportFormatter.formatted(Fixtures.text("clean-2025-tabs.txt"))
    #expect(formatted.contains("\n规章\t0\t0\t0\n行政规范性文件\t2\t1\t15\n"))
    #expect(formatted.contains("\n\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"))
    #expect(formatted.contains("\n四、结转下年度继续办理\t\t\t1\t1\t0\t0\t0\t0\t2\n"))
    #expect(formatted.contains("\n1\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0\n"))
    #expect(Checker.check(formatted).1.isEmpty)
  }

  @Test func canonicalLabelsReplaceTyposAndHeadingsAreRenumbered() throws {
    let labels = Checker.check(Fixtures.text("nb105-labels.txt")).1.filter { $0.code == "NB105" }.count
    let formattedLabels = ReportFormatter.formatted(Fixtures.text("nb105-labels.txt"))
    #expect(Checker.check(formattedLabels).1.filter { $0.code == "NB105" }.count < labels)
    #expect(formattedLabels.contains("本年废止件数"))
    let misnumbered = ReportFormatter.formatted(Fixtures.text("nb113-misnumbered.txt"))
    #expect(misnumbered.contains("\n四、政府信息公开行政复议"))
    #expect(!Checker.check(misnumbered).1.contains { $0.code == "NB113" })
  }

  @Test func leavesUnreadableTablesAlone() throws {
    for name in ["nb110-run-together.txt", "nb111-run-together-split.txt", "nb106-missing-row.txt"] {
      let text = Fixtures.text(name)
      let report = ReportParser.parse(text)
      let edits = ReportFormatter.edits(report)
      let table3 = try #require(report.table3)
      #expect(!edits.contains { $0.range.overlaps(table3.range) }, "\(name)")
    }
  }

  @Test func keepsCRLF() throws {
    let text = Fixtures.text("clean-2025-crlf-bom.txt")
    let formatted = ReportFormatter.formatted(text)
    #expect(formatted != text)
    #expect(!formatted.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }
}
