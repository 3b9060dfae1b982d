/// A whole table of the 2021 format as a report writes it: tab-separated, every row, in the
/// format's layout, with a value cell wherever a number belongs.
public struct TableTemplate: Sendable, Hashable {
  enum Cell: Sendable, Hashable {
    case text(String)
    case value
  }

  /// 2, 3 or 4.
  public let table: Int
  let lines: [[Cell]]

  /// The number of value cells.
  public var valueCount: Int { lines.joined().filter { $0 == .value }.count }

  /// The table with every value 0.
  public var plainText: String { render { _ in "0" } }

  /// The table as an LSP snippet: each value a tab stop `${n:0}`, in reading order.
  public var snippet: String { render { "${\($0):0}" } }

  private func render(_ value: (Int) -> String) -> String {
    var stop = 0
    var out: [String] = []
    for line in lines {
      var cells = line.map { cell -> String in
        switch cell {
        case .text(let text): return Self.escapedForSnippet(text)
        case .value:
          stop += 1
          return value(stop)
        }
      }
      while cells.last?.isEmpty == true { cells.removeLast() }
      out.append(cells.joined(separator: "\t"))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// `$`, `}` and `\` are snippet syntax; the format's labels have none, but a label is text.
  static func escapedForSnippet(_ text: String) -> String {
    var result = ""
    for character in text {
      if character == "$" || character == "}" || character == "\\" { result.append("\\") }
      result.append(character)
    }
    return result
  }
}

extension TableTemplate {
  public static let all: [TableTemplate] = [table2, table3, table4]

  public static func table(_ number: Int) -> TableTemplate? { all.first { $0.table == number } }

  /// Table 二: for each item of 第二十条, its marker, its header and its rows.
  static let table2: TableTemplate = {
    var lines: [[Cell]] = []
    for subtable in NationalFormat.table2(.edition2021) {
      lines.append([.text(subtable.marker)])
      lines.append([.text("信息内容")] + subtable.columns.map { .text($0) })
      for row in subtable.rows {
        lines.append([.text(row)] + Array(repeating: .value, count: subtable.columns.count))
      }
    }
    return TableTemplate(table: 2, lines: lines)
  }()

  /// Table 三: three label columns (一/二/三/四, the group （一）–（七）, the item), then the six
  /// applicant columns and 总计.
  static let table3: TableTemplate = {
    let values = Array(repeating: Cell.value, count: 7)
    let empty = Cell.text("")
    var lines: [[Cell]] = [
      [.text(Table3Labels.balanceNote), empty, empty, .text("申请人情况"), empty, empty, empty, empty, empty, .text("总计")],
      [empty, empty, empty, .text("自然人"), .text("法人或其他组织")],
      [empty, empty, empty, empty] + NationalFormat.table3Columns[1...5].map { .text($0) },
    ]
    for spec in NationalFormat.table3Rows(.edition2021) {
      let labels: [Cell]
      switch spec.kind {
      case .newApplications, .carriedOver, .carriedForward:
        labels = [.text(Table3Labels.printed(spec)), empty, empty]
      case .outcome, .outcomeTotal:
        if let item = spec.item {
          labels = [
            empty, item == 1 ? .text(Table3Labels.groupHeading(spec.group!)) : empty, .text(Table3Labels.printed(spec)),
          ]
        } else {
          labels = [
            spec.group == 1 ? .text(Table3Labels.resultsHeading) : empty, .text(Table3Labels.printed(spec)), empty,
          ]
        }
      }
      lines.append(labels + values)
    }
    return TableTemplate(table: 3, lines: lines)
  }()

  /// Table 四: the three groups over their five columns each, then the 15 values on one line.
  static let table4: TableTemplate = {
    let empty = Cell.text("")
    let gap = Array(repeating: empty, count: 4)
    return TableTemplate(
      table: 4,
      lines: [
        [.text("行政复议")] + gap + [.text("行政诉讼")],
        [empty] + gap + [.text("未经复议直接起诉")] + gap + [.text("复议后起诉")],
        Array(repeating: NationalFormat.table4Results.map { Cell.text($0) }, count: 3).joined().map { $0 },
        Array(repeating: .value, count: NationalFormat.table4ValueCount),
      ]
    )
  }()
}

/// Table 三's labels as the format prints them.
enum Table3Labels {
  static let balanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
  static let resultsHeading = "三、本年度办理结果"

  /// `（三）不予公开`
  static func groupHeading(_ group: Int) -> String {
    "（\(NationalFormat.chineseNumeral(group))）\(NationalFormat.table3Groups[group] ?? "")"
  }

  /// A row's own label with its numbering: `一、本年新收政府信息公开申请数量`, `（一）予以公开`,
  /// `1.属于国家秘密`.
  static func printed(_ spec: Table3RowSpec) -> String {
    switch spec.kind {
    case .newApplications, .carriedOver, .carriedForward: return spec.displayName
    case .outcome, .outcomeTotal:
      if let item = spec.item { return "\(item).\(spec.label)" }
      return "（\(NationalFormat.chineseNumeral(spec.group ?? 0))）\(spec.label)"
    }
  }
}
