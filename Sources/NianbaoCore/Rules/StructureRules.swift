/// NB101–NB104, NB106, NB109, NB112, NB113: sections, tables, rows, title, format edition.
enum StructureRules {
  static func run(_ context: inout RuleContext) {
    let report = context.report
    let source = context.source
    checkTitle(&context)

    // NB102 / NB103 / NB113
    var seen: [Int: Range<Int>] = [:]
    var highest = 0
    for section in report.sections {
      let spec = NationalFormat.section(section.number)
      if let first = seen[section.number] {
        // Often a stray copy of the heading (a page's repeated caption above a table): the
        // first one is named, so the author sees which to keep.
        context.add(
          Diagnostic(
            .duplicateSection,
            range: section.headingRange,
            message: LocalizedText(
              zh: "第\(spec.numeral)部分“\(spec.fullTitle)”重复出现；每个部分只能出现一次，请合并或删除重复的部分。",
              en:
                "Section \(spec.numeral) “\(spec.fullTitle)” appears a second time; each section appears once. Merge or delete the repeated one."
            ),
            related: [
              RelatedNote(
                range: first,
                message: LocalizedText(
                  zh: "第\(spec.numeral)部分的标题第一次出现在这里",
                  en: "the heading of section \(spec.numeral) first appears here"
                )
              )
            ]
          )
        )
        continue
      }
      seen[section.number] = section.headingRange
      if section.number < highest {
        context.add(
          Diagnostic(
            .sectionsOutOfOrder,
            range: section.headingRange,
            message: LocalizedText(
              zh: "“\(spec.fullTitle)”出现在第\(NationalFormat.chineseNumeral(highest))部分之后；六个部分应按一至六的顺序排列。",
              en:
                "“\(spec.fullTitle)” comes after section \(NationalFormat.chineseNumeral(highest)); the six sections go in the order 一 to 六."
            )
          )
        )
      }
      highest = max(highest, section.number)
      if let written = section.writtenNumber, written != section.number, let numberRange = section.numberRange {
        context.add(
          Diagnostic(
            .misnumberedSection,
            range: numberRange,
            message: LocalizedText(
              zh: "“\(section.titleText)”是统一格式的第\(spec.numeral)部分，序号写成了“\(NationalFormat.chineseNumeral(written))”。",
              en:
                "“\(section.titleText)” is section \(spec.numeral) of the national format, but it is numbered “\(NationalFormat.chineseNumeral(written))”."
            ),
            fixes: [
              Fix(
                title: LocalizedText(zh: "序号改为“\(spec.numeral)”", en: "Number it “\(spec.numeral)”"),
                edits: [TextEdit(range: numberRange, replacement: spec.numeral)],
                isCertain: true
              )
            ]
          )
        )
      }
    }

    // NB101
    for spec in NationalFormat.sections where seen[spec.number] == nil {
      let next = report.sections.first { $0.number > spec.number }
      let range: Range<Int>
      if let next {
        range = next.headingRange
      } else {
        let lastLine = lastNonEmptyLine(source)
        range = lastLine
      }
      context.add(
        Diagnostic(
          .missingSection,
          range: range,
          message: LocalizedText(
            zh:
              "缺少第\(spec.numeral)部分“\(spec.fullTitle)”。统一格式的六个部分都必须有，请在\(next.map { "“\(NationalFormat.section($0.number).fullTitle)”之前" } ?? "报告末尾")补上。",
            en:
              "Section \(spec.numeral) “\(spec.fullTitle)” is missing. All six sections of the national format are required; add it \(next.map { "before “\(NationalFormat.section($0.number).fullTitle)”" } ?? "at the end of the report")."
          )
        )
      )
    }

    // NB104 / NB106
    if let section = report.section(2) {
      if let table = report.table2 {
        checkTable2Rows(table, &context)
      } else {
        context.add(missingTable(2, "主动公开政府信息情况表", "table of proactive disclosure", at: section.headingRange))
      }
    }
    if let section = report.section(3) {
      if let table = report.table3 {
        checkTable3Rows(table, &context)
      } else {
        context.add(
          missingTable(3, "收到和处理政府信息公开申请情况表", "table of applications received and handled", at: section.headingRange)
        )
      }
    }
    if let section = report.section(4) {
      if let table = report.table4 {
        if table.row == nil {
          context.add(
            Diagnostic(
              .missingRow,
              range: section.headingRange,
              message: LocalizedText(
                zh: "表四只有表头，缺少 15 个数的数据行；没有行政复议、行政诉讼时应填 15 个 0。",
                en:
                  "Table 四 has its header but not its row of 15 numbers; with no reconsiderations or lawsuits, write fifteen 0s."
              )
            )
          )
          context.unusableTable4 = true
        }
      } else {
        context.add(
          missingTable(4, "政府信息公开行政复议、行政诉讼情况表", "table of reconsiderations and lawsuits", at: section.headingRange)
        )
      }
    }

    // NB112: once per report.
    if let year = report.year, year >= 2021 {
      let outdated: Range<Int>? =
        report.table2?.edition == .trial2019
        ? report.table2?.range : report.table3?.edition == .trial2019 ? report.table3?.range : nil
      if let outdated {
        let lineRange = source.lines.contentRange(ofLine: source.lines.line(containing: outdated.lowerBound))
        context.add(
          Diagnostic(
            .outdatedLayout,
            range: lineRange,
            message: LocalizedText(
              zh:
                "这是 \(year) 年度报告，但表格用的是已废止的国办公开办函〔2019〕60号格式（\(report.table2?.edition == .trial2019 ? "表二列为“本年新制作数量”等" : "表三“（六）其他处理”只有一行")）。2021 年度起应使用国办公开办函〔2021〕30号格式。",
              en:
                "This is a \(year) report, but its tables use the superseded format of 国办公开办函〔2019〕60号 (\(report.table2?.edition == .trial2019 ? "table 二 with 本年新制作数量 …" : "table 三 with a single （六）其他处理 row")). From 2021 the format of 国办公开办函〔2021〕30号 applies."
            )
          )
        )
      }
    }
  }

  private static func checkTitle(_ context: inout RuleContext) {
    let report = context.report
    guard let title = report.title else {
      let first = lastNonEmptyLine(context.source, first: true)
      context.add(
        Diagnostic(
          .missingTitle,
          range: first,
          message: LocalizedText(
            zh: "没有找到报告标题。第一行应为“××（机关名称）××××年政府信息公开工作年度报告”。",
            en: "No report title was found. The first line should read “<agency> YYYY年政府信息公开工作年度报告”."
          )
        )
      )
      return
    }
    if title.year == nil {
      context.add(
        Diagnostic(
          .missingTitle,
          range: title.range,
          message: LocalizedText(
            zh: "标题中没有报告年度。请写成“××（机关名称）××××年政府信息公开工作年度报告”，年度决定统计期限和适用的格式。",
            en:
              "The title has no report year. Write it as “<agency> YYYY年政府信息公开工作年度报告”; the year decides the statistics period and the format."
          )
        )
      )
    }
  }

  private static func missingTable(
    _ section: Int,
    _ zhName: String,
    _ enName: String,
    at range: Range<Int>
  ) -> Diagnostic {
    let numeral = NationalFormat.chineseNumeral(section)
    return Diagnostic(
      .missingTable,
      range: range,
      message: LocalizedText(
        zh: "第\(numeral)部分缺少统计表（\(zhName)）。即使没有数据，也要保留表格并填 0。",
        en:
          "Section \(numeral) has no \(enName). Keep the table even when there is nothing to report, with 0 in its cells."
      )
    )
  }

  private static func checkTable2Rows(_ table: Table2, _ context: inout RuleContext) {
    let present = Set(table.rows.map(\.name))
    for spec in NationalFormat.table2(table.edition) {
      for (index, name) in spec.rows.enumerated() where !present.contains(name) {
        // On the row it belongs before (or after), else where the table begins.
        let neighbours = spec.rows[(index + 1)...] + spec.rows[..<index].reversed()
        let neighbour = neighbours.lazy.compactMap { other in
          table.rows.first { $0.subtableItem == spec.item && $0.name == other }
        }.first
        context.add(
          Diagnostic(
            .missingRow,
            range: lineOf(neighbour?.row.range.lowerBound ?? table.range.lowerBound, context.source),
            message: LocalizedText(
              zh: "表二（\(spec.marker)）缺少“\(name)”行；没有数据时填 0。",
              en: "Table 二 (\(spec.marker)) has no “\(name)” row; where there is nothing to report, write 0."
            )
          )
        )
      }
    }
  }

  /// A second copy of table 三: which copy was checked, and whether the two agree.
  private static func checkTable3Copy(_ table: Table3, _ context: inout RuleContext) {
    guard let copy = context.report.table3Copy else { return }
    var differing = 0
    for spec in table.specs {
      let values = table.row(spec.row)?.cells.map(\.integerValue) ?? []
      let copied = copy.row(spec.row)?.cells.map(\.integerValue) ?? []
      differing += zip(values, copied).filter { $0 != $1 }.count + abs(values.count - copied.count)
    }
    let start = copy.specs.lazy.compactMap { copy.row($0.row) }.first?.labelRange ?? copy.range
    let agreement =
      differing == 0
      ? LocalizedText(zh: "两份的数字完全相同", en: "the two copies hold the same numbers")
      : LocalizedText(
        zh: "两份有 \(differing) 个数不同",
        en: "the two copies differ in \(differing) value\(differing == 1 ? "" : "s")"
      )
    context.add(
      Diagnostic(
        .duplicateRow,
        range: lineOf(start.lowerBound, context.source),
        message: LocalizedText(
          zh: "表三出现了两份（第二份从这里开始），\(agreement.zh)；只检查了第一份。请删除多余的一份（常见于上年的表格未删）。",
          en:
            "Table 三 appears twice (the second copy starts here), and \(agreement.en); only the first was checked. Delete the extra copy (often last year's table left in)."
        ),
        related: [
          RelatedNote(
            range: lineOf(table.range.lowerBound, context.source),
            message: LocalizedText(zh: "检查的是这一份表三", en: "the copy of table 三 that was checked")
          )
        ]
      )
    )
  }

  private static func checkTable3Rows(_ table: Table3, _ context: inout RuleContext) {
    checkTable3Copy(table, &context)
    for row in context.report.duplicateTable3Rows {
      context.add(
        Diagnostic(
          .duplicateRow,
          range: row.labelRange,
          message: LocalizedText(
            zh: "表三的“\(MessageText.quoted(row.labelText))”行出现了两次；只检查了第一次出现的那一行，请删除重复的行。",
            en:
              "The row “\(MessageText.quoted(row.labelText))” of table 三 appears twice; only the first was checked. Delete the repeated one."
          )
        )
      )
    }
    for (index, spec) in table.specs.enumerated() where table.row(spec.row) == nil {
      let nextPresent = table.specs[(index + 1)...].lazy.compactMap { table.row($0.row) }.first
      let range =
        nextPresent.map { lineOf($0.range.lowerBound, context.source) }
        ?? lineOf(table.range.upperBound, context.source)
      context.add(
        Diagnostic(
          .missingRow,
          range: range,
          message: LocalizedText(
            zh: "表三缺少“\(spec.displayName)”行\(nextPresent == nil ? "" : "（应在此行之前）")；没有数据时填 7 个 0。",
            en:
              "Table 三 has no “\(spec.displayName)” row\(nextPresent == nil ? "" : " (it belongs before this line)"); where there is nothing to report, write seven 0s."
          )
        )
      )
      context.unusableTable3Rows.insert(spec.row)
    }
  }

  static func lineOf(_ offset: Int, _ source: SourceText) -> Range<Int> {
    TextBytes.trim(source, source.lines.contentRange(ofLine: source.lines.line(containing: offset)))
  }

  static func lastNonEmptyLine(_ source: SourceText, first: Bool = false) -> Range<Int> {
    let lines = Array(0..<source.lines.count)
    for line in first ? lines : lines.reversed() {
      let range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      if !range.isEmpty { return range }
    }
    return 0..<0
  }
}
