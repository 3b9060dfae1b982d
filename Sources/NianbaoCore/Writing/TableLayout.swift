/// The one clean layout nianbao writes tables in: one line per row, cells separated by tabs, the
/// format's labels in full, and every number of a table in the same column of the layout.
/// `nianbao new` fills it with a new year's numbers; formatting fills it with the numbers as
/// written.
public enum TableLayout {
  /// Table 二, sub-table by sub-table. `values` holds each row's cells by row name.
  public static func table2(_ edition: FormatEdition, values: (Table2SubtableSpec, Int) -> [String]) -> [String] {
    var lines: [String] = []
    for subtable in NationalFormat.table2(edition) {
      lines.append(subtable.marker)
      lines.append((["信息内容"] + subtable.columns).joined(separator: "\t"))
      for (index, name) in subtable.rows.enumerated() {
        lines.append(([name] + values(subtable, index)).joined(separator: "\t"))
      }
    }
    return lines
  }

  /// Table 三: three label columns (row, group, item), then the seven values.
  public static func table3(_ edition: FormatEdition, values: (Table3RowSpec) -> [String]) -> [String] {
    var lines = [
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况",
      "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
      "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
    ]
    var openedGroups: Set<Int> = []
    for spec in NationalFormat.table3Rows(edition) {
      var labels: [String]
      switch spec.kind {
      case .newApplications, .carriedOver, .carriedForward:
        labels = [spec.displayName, "", ""]
      case .outcome, .outcomeTotal:
        let group = "（\(NationalFormat.chineseNumeral(spec.group ?? 0))）"
        let first = spec.group == 1 ? "三、本年度办理结果" : ""
        if let item = spec.item, let groupLabel = spec.groupLabel {
          let opensGroup = openedGroups.insert(spec.group ?? 0).inserted
          labels = [first, opensGroup ? group + groupLabel : "", "\(item).\(spec.label)"]
        } else {
          labels = [first, group + spec.label, ""]
        }
      }
      lines.append((labels + values(spec)).joined(separator: "\t"))
    }
    return lines
  }

  /// Table 四: the three header lines, then the 15 values.
  public static func table4(values: [String]) -> [String] {
    let results = NationalFormat.table4Results
    return [
      "行政复议" + String(repeating: "\t", count: 5) + "行政诉讼",
      String(repeating: "\t", count: 5) + "未经复议直接起诉" + String(repeating: "\t", count: 5) + "复议后起诉",
      (results + results + results).joined(separator: "\t"),
      values.joined(separator: "\t"),
    ]
  }
}
