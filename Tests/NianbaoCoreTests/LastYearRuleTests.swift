import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// NB311, NB312 and NB313 against last year's report, and what the cross-year findings point to
/// in last year's file.
@Suite struct LastYearRuleTests {
  static func pair(_ folder: String) -> (current: Report, previous: Report) {
    (
      ReportParser.parse(Fixtures.text("\(folder)/白石镇2025年度报告.txt")),
      ReportParser.parse(Fixtures.text("\(folder)/白石镇2024年度报告.txt"))
    )
  }

  static func findings(_ current: Report, _ previous: Report) -> [Diagnostic] {
    CrossYearRules.findings(
      current: CrossYearRules.Summary(current)!,
      previous: CrossYearRules.Summary(previous)!,
      previousName: "2024.txt",
      previousFile: "file:///2024.txt"
    )
  }

  @Test func carryOverPointsToLastYearsCarriedForward() throws {
    let (current, previous) = Self.pair("cross-year")
    let found = Self.findings(current, previous)
    #expect(found.map(\.code) == ["NB309"])
    let notes = try #require(found.first?.related)
    #expect(notes.map { previous.source.text($0.range) } == ["2", "1", "3"])
    #expect(notes.allSatisfy { $0.file == "file:///2024.txt" })
    #expect(notes.allSatisfy { previous.source.lines.line(containing: $0.range.lowerBound) == 61 })
    #expect(notes[0].message.zh == "2024 年报告表三“四、结转下年度继续办理”自然人 2")
  }

  @Test func documentsInForceCarryOn() throws {
    let (current, previous) = Self.pair("nb311-documents-in-force")
    let found = Self.findings(current, previous)
    #expect(found.map(\.code) == ["NB311"])
    let finding = try #require(found.first)
    #expect(finding.severity == .information)
    #expect(current.source.text(finding.range) == "15")
    #expect(finding.message.zh.hasPrefix("表二“行政规范性文件”现行有效件数为 15，按 2024 年报告现行有效 12 + 本年制发 2 − 本年废止 1 应为 13"))
    #expect(finding.related.map { previous.source.text($0.range) } == ["12"])
    #expect(finding.related.first?.file == "file:///2024.txt")
  }

  @Test func aCopiedSectionIsReportedOnItsHeading() throws {
    let (current, previous) = Self.pair("nb312-copied-section")
    let found = Self.findings(current, previous)
    #expect(found.map(\.code) == ["NB312"])
    let finding = try #require(found.first)
    #expect(current.source.text(finding.range) == "五、存在的主要问题及改进情况")
    #expect(finding.message.zh == "本部分 100% 的文字与 2024 年报告相同（超过一半），请按本年度的工作重写")
    #expect(finding.message.en.hasPrefix("100% of this section's text is the same"))
    // The copied passage, in last year's file: the whole section but its sub-headings.
    #expect(finding.related.count == 1)
    let first = try #require(finding.related.first)
    let passage = previous.source.text(first.range)
    #expect(passage.hasPrefix("一是政策解读形式较为单一"))
    #expect(passage.hasSuffix("压实各站所公开责任"))
    #expect(first.message.zh == "2024 年报告中相同的一段（67 字）")
    #expect(first.file == "file:///2024.txt")
  }

  @Test func theSameAgencyInItsOwnWordsIsNotCopying() {
    let current = ReportParser.parse(Fixtures.text("nb312-copied-section/白石镇2025年度报告.txt"))
    let previous = ReportParser.parse(Fixtures.text("nb311-documents-in-force/白石镇2024年度报告.txt"))
    #expect(!Self.findings(current, previous).contains { $0.code == "NB312" })
  }

  @Test func ambiguousLastYearIsSaidOnTheTitle() throws {
    let current = try #require(CrossYearRules.Summary(Self.pair("nb313-two-last-years").current))
    let finding = CrossYearRules.ambiguousPrevious(current: current, candidates: ["b.txt", "a.txt"])
    #expect(finding.code == "NB313")
    #expect(finding.severity == .information)
    #expect(finding.range == Self.pair("nb313-two-last-years").current.title!.range)
    #expect(finding.message.zh.hasPrefix("有 2 份报告都可能是 2024 年的上年报告（a.txt、b.txt），未与上年比较"))
  }

  @Test func anotherAgencyOrYearIsNotCompared() {
    let (current, previous) = Self.pair("nb311-documents-in-force")
    let renamed = ReportParser.parse(
      Fixtures.text("nb311-documents-in-force/白石镇2024年度报告.txt").replacingOccurrences(
        of: "青禾县白石镇人民政府2024年",
        with: "青禾县白石乡人民政府2024年"
      )
    )
    #expect(Self.findings(current, renamed).isEmpty)
    // Named in the settings, a renamed agency is still last year's.
    let named = CrossYearRules.findings(
      current: CrossYearRules.Summary(current)!,
      previous: CrossYearRules.Summary(renamed)!,
      previousName: "x",
      previousFile: "x",
      namedInSettings: true
    )
    #expect(named.map(\.code) == ["NB311"])
    #expect(Self.findings(previous, current).isEmpty)
  }

  @Test func hoverOnATotalShowsLastYearsValue() throws {
    let (current, previous) = Self.pair("cross-year")
    let row = try #require(current.table3?.row(.newApplications))
    let fact = try #require(
      HoverFacts.fact(
        at: row.cells[6].range.lowerBound,
        in: current,
        lastYear: CrossYearRules.Summary(previous)
      )
    )
    #expect(fact.markdown.zh.hasSuffix("2024 年报告：13，比上年减少 1（-7%）"))
    #expect(fact.markdown.en.hasSuffix("2024 report: 13; down 1 (-7%)"))
    let table4 = try #require(current.table4?.row)
    let review = try #require(
      HoverFacts.fact(at: table4.cells[4].range.lowerBound, in: current, lastYear: CrossYearRules.Summary(previous))
    )
    #expect(review.markdown.zh.hasSuffix("2024 年报告：1，与上年持平"))
    // Not a total: nothing of last year.
    let cell = try #require(
      HoverFacts.fact(at: row.cells[0].range.lowerBound, in: current, lastYear: CrossYearRules.Summary(previous))
    )
    #expect(!cell.markdown.zh.contains("2024 年报告"))
  }
}

/// The server reads only the head of each file for its title: any cut of a report is summarised
/// without a fault.
@Suite struct LastYearSummaryTests {
  @Test func everyCutOfAReport() {
    let bytes = Array(Fixtures.text("nb312-copied-section/白石镇2025年度报告.txt").utf8)
    let previous = CrossYearRules.Summary(ReportParser.parse(Fixtures.text("nb312-copied-section/白石镇2024年度报告.txt")))!
    for length in stride(from: 0, through: bytes.count, by: 17) {
      let text = String(decoding: bytes.prefix(length), as: UTF8.self)
      guard let summary = CrossYearRules.Summary(ReportParser.parse(text)) else { continue }
      _ = CrossYearRules.findings(current: summary, previous: previous, previousName: "", previousFile: "")
    }
  }
}

/// The measure of NB312: shared runs of 8 or more letters and digits over the sections' own words.
@Suite struct RepetitionMeasureTests {
  @Test func punctuationSpacesAndDigitsDoNotHideACopy() {
    let before = ReportParser.parse(Fixtures.text("nb312-copied-section/白石镇2024年度报告.txt"))
    let retyped = Fixtures.text("nb312-copied-section/白石镇2025年度报告.txt").replacingOccurrences(
      of: "一是政策解读形式较为单一；二是个别站所信息报送不及时。",
      with: "一是 政策解读形式 较为单一,二是个别站所信息报送不及时!"
    ).replacingOccurrences(of: "2026年，白石镇", with: "2027 年,白石镇")
    let found = CrossYearRules.findings(
      current: CrossYearRules.Summary(ReportParser.parse(retyped))!,
      previous: CrossYearRules.Summary(before)!,
      previousName: "x",
      previousFile: "x"
    )
    #expect(found.map(\.code) == ["NB312"])
  }

  @Test func halfACopiedSectionIsNotMoreThanHalf() {
    let before = ReportParser.parse(Fixtures.text("nb312-copied-section/白石镇2024年度报告.txt"))
    let text = Fixtures.text("nb312-copied-section/白石镇2025年度报告.txt").replacingOccurrences(
      of: "2026年，白石镇将丰富图解、短视频等解读形式，建立信息报送月度通报制度，压实各站所公开责任。",
      with: "下一步，本镇计划对照考核细则逐项整改，邀请群众代表参与评议，推动公开内容由结果向过程延伸，让基层公开更接地气。"
    )
    let found = CrossYearRules.findings(
      current: CrossYearRules.Summary(ReportParser.parse(text))!,
      previous: CrossYearRules.Summary(before)!,
      previousName: "x",
      previousFile: "x"
    )
    #expect(!found.contains { $0.code == "NB312" })
  }

  /// Consecutive years of real agencies: what the cross-year rules find, and the largest share of
  /// a section copied.
  @Test func realReportsOfConsecutiveYears() throws {
    let folder = TestPaths.repository.appendingPathComponent("Tests/RealReports")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
    var byKey: [String: [CrossYearRules.Summary]] = [:]
    var summaries: [(String, CrossYearRules.Summary)] = []
    for name in names.sorted() {
      let report = ReportParser.parse(Fixtures.text(at: folder.appendingPathComponent(name)))
      guard let summary = CrossYearRules.Summary(report) else { continue }
      byKey["\(summary.agency)\u{0}\(summary.year)", default: []].append(summary)
      summaries.append((name, summary))
    }
    var found: [String] = []
    var pairs = 0
    for (name, summary) in summaries {
      guard let previous = byKey["\(summary.agency)\u{0}\(summary.year - 1)"], previous.count == 1 else { continue }
      pairs += 1
      for finding in CrossYearRules.findings(
        current: summary,
        previous: previous[0],
        previousName: "",
        previousFile: ""
      ) {
        found.append("\(name) \(finding.code)")
      }
    }
    print("real reports: \(pairs) consecutive pairs; \(found)")
    #expect(pairs >= 15)
    // 三明市人民政府 cleaned up its normative documents in 2022 and 2023: the counts do not carry on.
    #expect(found.contains("sanming_city_gov_2022.txt NB311"))
    #expect(found.contains("sanming_city_gov_2023.txt NB311"))
    #expect(found.filter { $0.hasSuffix("NB312") } == ["putian_city_culture_tourism_dept_2022.txt NB312"])
  }
}
