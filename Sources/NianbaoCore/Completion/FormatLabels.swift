/// Every label of the 2021 format that a report writes, in the format's order, and its tables
/// whole: what completion offers.
enum FormatLabels {
  static let candidates: [CompletionCandidate] = {
    var list = CandidateList()
    let heading = LocalizedText(zh: "章节标题", en: "section heading")
    for section in NationalFormat.sections {
      list.add(section.fullTitle, .sectionHeading, section.number, heading)
      switch section.number {
      case 1:
        for theme in overviewThemes {
          list.add(theme, .subheading, 1, LocalizedText(zh: "总体情况 小标题", en: "sub-heading of 一"))
        }
      case 2: addTable2(&list)
      case 3: addTable3(&list)
      case 4: addTable4(&list)
      default: break
      }
    }
    return list.candidates
  }()

  /// The five themes the format names for 一、总体情况 (国办公开办函〔2021〕30号).
  static let overviewThemes = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]

  private static func addTable2(_ list: inout CandidateList) {
    list.add(
      "表二：主动公开政府信息情况（整表）",
      .wholeTable,
      2,
      LocalizedText(zh: "表二整表，数值为 0", en: "table 二 whole, every value 0"),
      template: TableTemplate.table(2),
      searchText: "表二 主动公开政府信息情况 整表"
    )
    var columns: [String] = ["信息内容"]
    for subtable in NationalFormat.table2(.edition2021) {
      list.add(subtable.marker, .subheading, 2, LocalizedText(zh: "表二 分表", en: "table 二, sub-table"))
      for row in subtable.rows {
        list.add(row, .rowLabel, 2, LocalizedText(zh: "表二 行", en: "table 二, row"))
      }
      for column in subtable.columns where !columns.contains(column) { columns.append(column) }
    }
    for column in columns {
      list.add(column, .columnLabel, 2, LocalizedText(zh: "表二 列", en: "table 二, column"))
    }
  }

  private static func addTable3(_ list: inout CandidateList) {
    list.add(
      "表三：收到和处理政府信息公开申请情况（整表）",
      .wholeTable,
      3,
      LocalizedText(zh: "表三整表，数值为 0", en: "table 三 whole, every value 0"),
      template: TableTemplate.table(3),
      searchText: "表三 收到和处理政府信息公开申请情况 整表"
    )
    let row = LocalizedText(zh: "表三 行", en: "table 三, row")
    for spec in NationalFormat.table3Rows(.edition2021) {
      if spec.group == 1 {
        list.add(Table3Labels.resultsHeading, .subheading, 3, LocalizedText(zh: "表三 办理结果", en: "table 三, results"))
      }
      if let group = spec.group, spec.item == 1 {
        list.add(
          Table3Labels.groupHeading(group),
          .rowLabel,
          3,
          LocalizedText(zh: "表三 办理结果分组", en: "table 三, group of results")
        )
      }
      let detail =
        spec.item == nil
        ? row
        : LocalizedText(
          zh: "表三 \(Table3Labels.groupHeading(spec.group!)) 第 \(spec.item!) 项",
          en: "table 三, \(Table3Labels.groupHeading(spec.group!)) item \(spec.item!)"
        )
      list.add(Table3Labels.printed(spec), .rowLabel, 3, detail)
    }
    let column = LocalizedText(zh: "表三 列", en: "table 三, column")
    list.add(Table3Labels.balanceNote, .columnLabel, 3, LocalizedText(zh: "表三 表头", en: "table 三, header"))
    for label in ["申请人情况", "自然人", "法人或其他组织"] + NationalFormat.table3Columns[1...6] {
      list.add(label, .columnLabel, 3, column)
    }
  }

  private static func addTable4(_ list: inout CandidateList) {
    list.add(
      "表四：政府信息公开行政复议、行政诉讼情况（整表）",
      .wholeTable,
      4,
      LocalizedText(zh: "表四整表，数值为 0", en: "table 四 whole, every value 0"),
      template: TableTemplate.table(4),
      searchText: "表四 政府信息公开行政复议行政诉讼情况 整表"
    )
    let column = LocalizedText(zh: "表四 列", en: "table 四, column")
    for label in ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + NationalFormat.table4Results {
      list.add(label, .columnLabel, 4, column)
    }
  }
}

/// Candidates in the order they are added, which is the format's order.
struct CandidateList {
  var candidates: [CompletionCandidate] = []

  mutating func add(
    _ label: String,
    _ kind: CompletionCandidate.Kind,
    _ section: Int?,
    _ detail: LocalizedText,
    template: TableTemplate? = nil,
    searchText: String? = nil
  ) {
    candidates.append(
      CompletionCandidate(
        label: label,
        kind: kind,
        section: section,
        detail: detail,
        template: template,
        searchText: searchText,
        formatOrder: candidates.count
      )
    )
  }
}
