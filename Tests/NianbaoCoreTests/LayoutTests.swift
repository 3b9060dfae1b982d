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
    return report.table3?.rows.mapValues { $0.cells.map(\.integerValue) } ?? [:]
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
  @Test func realReportAsMarkdown() {
    let text = TestPaths.text(
      at: RealReportTests.folder.appendingPathComponent("02_suqian_shuyang_county_fgj_dept_2023.txt")
    )
    let markdown = Layout.markdown.apply(text)
    #expect(Self.codes(markdown) == Self.codes(text))
    #expect(Self.table3(markdown) == Self.table3(text))
  }

  /// A misspelled table 二 header (`本年度止件数`) is reported in every layout, PDF text and a
  /// one-line web text included.
  @Test(arguments: Layout.allCases)
  func headerTypoInEveryLayout(layout: Layout) throws {
    try #require(Fixtures.samplesAvailable)
    let text = Fixtures.text(at: Fixtures.samplesDirectory.appendingPathComponent("002_49bc154c30d92ca6.txt"))
    let (report, diagnostics) = Checker.check(layout.apply(text))
    let typo = diagnostics.filter { $0.code == "NB105" }
    #expect(typo.count == 1)
    #expect(typo.first.map { report.source.text($0.range) } == "本年度止件数")
  }
}
