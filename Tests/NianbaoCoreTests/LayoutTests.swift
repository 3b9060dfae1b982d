import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// The same real report in every layout it reaches a reviewer in: the table cells of a Word
/// paste (tabs) rewritten as a web page's text with one cell per line, as PDF text separated by
/// spaces, as Markdown tables, and as a page's text that lost every line break and cell border.
/// nianbao reads each the same way: the same findings, the same numbers.
struct LayoutTests {
  enum Layout: String, CaseIterable {
    case oneCellPerLine, spaces, markdown, oneLine
    /// A page's text on one line whose cells kept a space between them but whose rows did not:
    /// a row's last value runs into the next row's numbering (`… 0 0 0 0 0 0 02.其他法律…`).
    case oneLineSpacedCells

    func apply(_ text: String) -> String {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      func cells(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init).filter {
          !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
      }
      switch self {
      case .oneCellPerLine:
        return lines.flatMap { $0.contains("\t") ? cells($0) : [$0] }.joined(separator: "\n")
      case .spaces:
        return lines.map { $0.contains("\t") ? cells($0).joined(separator: " ") : $0 }.joined(separator: "\n")
      case .markdown:
        return lines.map { line in
          line.contains("\t")
            ? "| " + line.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " | ") + " |"
            : line
        }.joined(separator: "\n")
      case .oneLine:
        return lines.map { $0.replacingOccurrences(of: "\t", with: "") }.joined()
      case .oneLineSpacedCells:
        return lines.map { $0.contains("\t") ? cells($0).joined(separator: " ") : $0 }.joined()
      }
    }
  }

  /// The codes found, without NB111 (numbers that ran together, which only the one-line text
  /// has) and NB307's place.
  static func codes(_ text: String) -> [String] {
    Checker.check(text).1.map(\.code).filter { $0 != "NB111" }.sorted()
  }

  static func table3(_ text: String) -> [String: [Int?]] {
    let report = ReportParser.parse(text)
    let rows = report.table3?.rows ?? []
    return Dictionary(uniqueKeysWithValues: rows.map { ($0.spec.id, $0.row.cells.map(\.integerValue)) })
  }

  static var samples: [String] {
    guard Fixtures.samplesAvailable else { return [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.samplesDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }

  @Test(arguments: samples, Layout.allCases)
  func sampleReadsTheSameInEveryLayout(name: String, layout: Layout) {
    let text = Fixtures.text(at: Fixtures.samplesDirectory.appendingPathComponent(name))
    let changed = layout.apply(text)
    #expect(changed != text)
    #expect(Self.codes(changed) == Self.codes(text), "\(name) as \(layout)")
    #expect(Self.table3(changed) == Self.table3(text), "\(name) as \(layout): table 三 read differently")
  }

  /// A real report kept in the repository: its blank cells only survive in a layout that keeps
  /// empty cells (Markdown), so that is the one compared.
  /// A PDF's narrow label cell: the row's numbers stand beside the label's first line, the rest
  /// of the label follows on lines of its own. Its tail is not a second row.
  @Test func aLabelWrappedAfterItsNumbersIsNotASecondRow() {
    let clean = Fixtures.text("clean-2025-tabs.txt")
    let row = "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"
    let wrapped = clean.replacingFirst(
      row,
      with: "2. 申请人逾期未按\t0\t0\t0\t0\t0\t0\t0\n收费通知要求缴纳\n费用、行政机关不\n再处理其政府信息\n公开申请"
    )
    #expect(wrapped != clean)
    #expect(Self.codes(wrapped).filter { $0 != "NB105" }.isEmpty)
    // A second row with numbers of its own is still one too many.
    let twice = clean.replacingFirst(
      row,
      with: row + "\n" + row.replacingOccurrences(of: "\t0\t0\t0", with: "\t1\t0\t1")
    )
    #expect(Self.codes(twice).contains("NB115"))
  }

  /// PDF text whose numbers stand on a line of their own above their label (the label wraps in
  /// its cell, the numbers sit at the cell's middle): the extra numbers after a row that has its
  /// seven are the next label's.
  @Test func numbersPrintedAboveTheirLabelsAreTheirs() {
    let pdf = Fixtures.text("clean-2023-pdf.txt")
    let rows = """
      8.属于行政查询事项 0 0 0 0 0 0 0
      （四）无法提供
      1.本机关不掌握相关政府信息 10 0 0 0 0 0 10
      2.没有现成信息需要另行制作 3 0 0 0 0 0 3
      """
    let original = """
      8.属于行政查询事项 0 0 0 0 0 0 0
      （四）无法提供
      1.本机关不掌握相关政府信息 2 0 0 0 1 0 3
      2.没有现成信息需要另行制作 0 0 0 0 0 0 0
      """
    let beside = pdf.replacingFirst(original, with: rows)
    let above = pdf.replacingFirst(
      original,
      with: """
        8.属于行政查询事项 0 0 0 0 0 0 0
        10 0 0 0 0 0 10
        1.本机关不掌握相关政府信息
        （四）无法提供
        3 0 0 0 0 0 3
        2.没有现成信息需要另行制作
        """
    )
    #expect(beside != pdf && above != pdf)
    #expect(Self.table3(above) == Self.table3(beside))
    #expect(Self.table3(above)["3(4).1"] == [10, 0, 0, 0, 0, 0, 10])
    #expect(Self.codes(above) == Self.codes(beside))
    #expect(!Self.codes(above).contains("NB107"))
  }

  @Test func realReportAsMarkdown() {
    let text = TestPaths.text(
      at: RealReportTests.folder.appendingPathComponent("02_suqian_shuyang_county_fgj_dept_2023.txt")
    )
    let markdown = Layout.markdown.apply(text)
    #expect(Self.codes(markdown) == Self.codes(text))
    #expect(Self.table3(markdown) == Self.table3(text))
  }

  /// A misspelled table 二 header (`本年度止件数`, the typo of a published report) is reported in
  /// every layout, PDF text and a one-line web text included.
  @Test(arguments: Layout.allCases)
  func headerTypoInEveryLayout(layout: Layout) throws {
    let text = TestPaths.text(
      at: RealReportTests.folder.appendingPathComponent("02_suqian_shuyang_county_fgj_dept_2023.txt")
    )
    let misspelled = text.replacingOccurrences(of: "\t本年废止件数\t", with: "\t本年度止件数\t")
    #expect(misspelled != text)
    let (report, diagnostics) = Checker.check(layout.apply(misspelled))
    let typo = diagnostics.filter { $0.code == "NB105" && $0.message.zh.hasPrefix("表二列标签") }
    #expect(typo.count == 1)
    #expect(typo.first.map { report.source.text($0.range) } == "本年度止件数")
    #expect(!Checker.check(layout.apply(text)).1.contains { $0.message.zh.hasPrefix("表二列标签") })
  }
}

/// Layouts a real report takes in other tools, made from real text.
struct RealLayoutCaseTests {
  static func real(_ name: String) -> String {
    TestPaths.text(at: RealReportTests.folder.appendingPathComponent(name))
  }

  /// Table 四 given as three small Markdown tables, one per group, each with its own header (as
  /// report converters write it) is read as the one table of 15 values.
  @Test func table4AsThreeSmallTables() throws {
    let text = Self.real("05_huaian_city_gov_2024.txt")
    let original = try #require(ReportParser.parse(text).table4?.row)
    let values = original.cells.map { String($0.integerValue ?? -1) }
    #expect(values.count == 15)
    let header = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n"
    let groups = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
    let small = groups.enumerated().map { g, name in
      "### \(name)\n" + header + "| " + values[(g * 5)..<(g * 5 + 5)].joined(separator: " | ") + " |\n"
    }.joined(separator: "\n")
    // Replace the PDF text of table 四 (from its header to the line of numbers) by the three tables.
    let lines = text.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0.hasPrefix("四、政府信息公开行政复议") })
    let end = try #require(lines.firstIndex { $0.hasPrefix("72 64 178") })
    let rewritten = (lines[...start] + [small] + lines[(end + 1)...]).joined(separator: "\n")
    let (report, diagnostics) = Checker.check(rewritten)
    #expect(report.table4?.row?.cells.map { String($0.integerValue ?? -1) } == values)
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.code))")
  }

  /// A 2019-format table run together on one line keeps its single （六）其他处理 row, and a wrong
  /// （七）总计 in it is found.
  @Test func oneLineTrialTableFindsAWrongTotal() throws {
    let text = Self.real("08_pingtan_zone_2019.txt")
    #expect(ReportParser.parse(text).table3?.edition == .trial2019)
    #expect(Checker.check(text).1.allSatisfy { $0.severity != .error })
    let wrong = text.replacingOccurrences(of: "（七）总计23 0 00 0 023", with: "（七）总计21 0 00 0 021")
    #expect(wrong != text)
    let codes = Checker.check(wrong).1.filter { $0.severity == .error }.map(\.code)
    #expect(codes.contains("NB202"), "\(codes)")
  }
}

/// Column headers of table 四 are checked for typos in the layouts that keep them as cells.
struct Table4HeaderTests {
  @Test(arguments: [LayoutTests.Layout.markdown, .oneCellPerLine, .spaces])
  func headerTypo(layout: LayoutTests.Layout) throws {
    let text = RealLayoutCaseTests.real("02_suqian_shuyang_county_fgj_dept_2023.txt")
    let lines = text.components(separatedBy: "\n")
    let header = try #require(lines.firstIndex { $0.hasPrefix("结果维持\t结果纠正") })
    var changed = lines
    changed[header] = changed[header].replacingOccurrences(of: "结果维持", with: "结果推持")
    let misspelled = layout.apply(changed.joined(separator: "\n"))
    let (report, diagnostics) = Checker.check(misspelled)
    let typos = diagnostics.filter { $0.code == "NB105" && $0.message.zh.hasPrefix("表四") }
    #expect(typos.count == 1)
    #expect(typos.first.map { report.source.text($0.range) } == "结果推持")
    #expect(typos.first?.fixes.first?.edits.first?.replacement == "结果维持")
    // And the report as published has none.
    #expect(Checker.check(layout.apply(text)).1.allSatisfy { !$0.message.zh.hasPrefix("表四列标签") })
  }
}
