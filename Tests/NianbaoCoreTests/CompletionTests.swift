import Foundation
import NianbaoCore
import Testing

/// Completion of the format's labels and tables, from the core: what is offered where, what it
/// replaces, and that a whole table inserted reads as a clean table.
struct CompletionTests {
  static let clean = Fixtures.text("clean-2025-tabs.txt")

  /// The report with `typed` inserted on a new line after the first line containing `anchor`,
  /// and the offset after it (the cursor).
  static func typing(_ typed: String, after anchor: String, in text: String = clean) -> (Report, Int) {
    let lineRange = text.range(of: anchor)!
    let lineEnd = text[lineRange.upperBound...].firstIndex(of: "\n")!
    let before = String(text[..<lineEnd]) + "\n" + typed
    let report = ReportParser.parse(before + String(text[lineEnd...]))
    return (report, before.utf8.count)
  }

  static func labels(_ completion: Completion) -> [String] { completion.candidates.map(\.label) }

  @Test func typedPartOfAHeadingReplacesWhatWasTyped() {
    let (report, cursor) = Self.typing("总体", after: "本报告中所列数据")
    let completion = Completer.complete(report, at: cursor)
    #expect(Self.labels(completion).first == "一、总体情况")
    #expect(report.source.text(completion.replacing) == "总体")
    #expect(completion.replacing.upperBound == cursor)
  }

  @Test func numberingTypedOffersTheHeadingsWithThatNumber() {
    let (report, cursor) = Self.typing("## 三、", after: "本报告中所列数据")
    let completion = Completer.complete(report, at: cursor)
    #expect(Self.labels(completion).first == "三、收到和处理政府信息公开申请情况")
    // The Markdown heading marks stay; the numbering typed is replaced.
    #expect(report.source.text(completion.replacing) == "三、")
  }

  @Test func insideTableThreeItsLabelsComeFirst() {
    let (report, cursor) = Self.typing("\t\t不予", after: "本列数据的勾稽关系")
    let completion = Completer.complete(report, at: cursor)
    #expect(Array(Self.labels(completion).prefix(2)) == ["（三）不予公开", "（五）不予处理"])
    #expect(report.source.text(completion.replacing) == "不予")
    #expect(completion.candidates.first?.section == 3)
  }

  @Test func anyPartOfALabelMatches() {
    let (report, cursor) = Self.typing("\t\t国家秘密", after: "本列数据的勾稽关系")
    #expect(Self.labels(Completer.complete(report, at: cursor)) == ["1.属于国家秘密"])
    let (again, at) = Self.typing("\t\t三安全", after: "本列数据的勾稽关系")
    #expect(Self.labels(Completer.complete(again, at: at)) == ["3.危及“三安全一稳定”"])
  }

  @Test func parenthesizedNumberingMatchesTheGroups() {
    let (report, cursor) = Self.typing("\t（四", after: "本列数据的勾稽关系")
    #expect(Self.labels(Completer.complete(report, at: cursor)).first == "（四）无法提供")
    // In 一、总体情况 the same numbering offers its themes first.
    let (overview, at) = Self.typing("（四", after: "一、总体情况")
    #expect(Self.labels(Completer.complete(overview, at: at)).first == "（四）政府信息公开平台建设")
  }

  @Test func insideTableTwoItsLabelsComeFirst() {
    let (report, cursor) = Self.typing("行政", after: "第二十条第（一）项")
    let labels = Self.labels(Completer.complete(report, at: cursor))
    #expect(Array(labels.prefix(5)) == ["行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"])
  }

  @Test func proseGetsNothing() {
    let (report, cursor) = Self.typing("全年共收到申请 12 件。不予", after: "一、总体情况")
    #expect(Completer.complete(report, at: cursor).candidates.isEmpty)
    let (other, at) = Self.typing("没有这样的标签", after: "一、总体情况")
    #expect(Completer.complete(other, at: at).candidates.isEmpty)
  }

  @Test func wholeTablesAreOffered() {
    let (report, cursor) = Self.typing("表三", after: "本报告中所列数据")
    let first = Completer.complete(report, at: cursor).candidates.first
    #expect(first?.kind == .wholeTable)
    #expect(first?.template?.table == 3)
  }

  @Test(arguments: [2, 3, 4])
  func snippetHasATabStopOnEveryCell(table: Int) throws {
    let template = try #require(TableTemplate.table(table))
    #expect(template.valueCount == [2: 10, 3: 175, 4: 15][table])
    var plain = template.snippet
    for stop in (1...template.valueCount).reversed() {
      #expect(plain.contains("${\(stop):0}"))
      plain = plain.replacingOccurrences(of: "${\(stop):0}", with: "0")
    }
    #expect(!plain.contains("$"))
    #expect(plain == template.plainText)
  }

  /// Each whole table, written in place of the table a clean report has, reads as a clean table.
  @Test(arguments: [2, 3, 4])
  func wholeTableReadsClean(table: Int) throws {
    let template = try #require(TableTemplate.table(table))
    let report = ReportParser.parse(Self.clean)
    let range: Range<Int>
    switch table {
    case 2: range = try #require(report.table2?.range)
    case 3: range = try #require(report.table3?.range)
    default: range = try #require(report.table4?.range)
    }
    // From the line after the section heading to the end of the table's last line.
    let lines = report.source.lines
    let headingLine = try #require(report.section(table)).headingRange.lowerBound
    let start = lines.lineStarts[lines.line(containing: headingLine) + 1]
    let end = lines.contentEnds[lines.line(containing: max(range.lowerBound, range.upperBound - 1))]
    var bytes = report.source.utf8
    bytes.replaceSubrange(start..<end, with: Array(template.plainText.dropLast().utf8))
    let (written, diagnostics) = Checker.check(String(decoding: bytes, as: UTF8.self))
    let tableCodes = diagnostics.map(\.code).filter { $0.hasPrefix("NB1") || $0.hasPrefix("NB2") }
    #expect(tableCodes.isEmpty, "\(diagnostics.map { "\($0.code) \($0.message.zh)" })")
    switch table {
    case 2: #expect(written.table2?.rows.count == 6)
    case 3: #expect(written.table3?.rows.count == 25)
    default: #expect(written.table4?.row?.cells.count == 15)
    }
  }
}
