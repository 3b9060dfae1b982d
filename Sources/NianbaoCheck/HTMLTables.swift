import NianbaoCore

/// Tables 三 and 四 of one report as HTML tables with the format's labels, each cell showing the
/// value read; the cells findings point at are highlighted and carry the findings in `title`.
struct HTMLTables {
  let reportID: String
  let source: SourceText
  let diagnostics: [Diagnostic]
  let language: Language
  private let findings: CellFindings
  /// The cell each finding links to: the first cell it is about, else the first it names.
  private(set) var subjectCells: [Int: String] = [:]
  private(set) var namedCells: [Int: String] = [:]

  init(reportID: String, source: SourceText, diagnostics: [Diagnostic], language: Language) {
    self.reportID = reportID
    self.source = source
    self.diagnostics = diagnostics
    self.language = language
    self.findings = CellFindings(diagnostics)
  }

  func cellID(forFinding index: Int) -> String? { subjectCells[index] ?? namedCells[index] }

  /// Whether any cell rendered so far is highlighted.
  var highlightsCells: Bool { !subjectCells.isEmpty || !namedCells.isEmpty }

  private func text(_ zh: String, _ en: String) -> String { (language == .zh ? zh : en).htmlEscaped }

  // MARK: Table 三

  mutating func table3(_ table: Table3?) -> String {
    var html = "<h3>\(text("表三 收到和处理政府信息公开申请情况", "Table 三: applications received and handled"))</h3>\n"
    guard let table else {
      return html + "<p class=\"absent\">\(text("未读到表三。", "Table 三 was not found."))</p>\n"
    }
    let columns = NationalFormat.table3Columns
    html += "<div class=\"scroll\"><table class=\"t3\">\n<thead>\n"
    html += "<tr><th rowspan=\"3\" class=\"corner\"></th><th colspan=\"7\">申请人情况</th></tr>\n"
    html +=
      "<tr><th rowspan=\"2\">\(columns[0])</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">\(columns[6])</th></tr>\n"
    html += "<tr>" + columns[1...5].map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
    var previousKind: Table3RowSpec.Kind?
    for (index, spec) in table.specs.enumerated() {
      if spec.kind == .outcome && previousKind != .outcome {
        html += "<tr class=\"group\"><th colspan=\"8\">三、本年度办理结果</th></tr>\n"
      }
      if spec.item == 1, let group = spec.group, let groupLabel = spec.groupLabel {
        html +=
          "<tr class=\"group sub\"><th colspan=\"8\">（\(NationalFormat.chineseNumeral(group))）\(groupLabel.htmlEscaped)</th></tr>\n"
      }
      previousKind = spec.kind
      html += row(
        table.row(spec.row),
        label: Self.label(spec),
        id: "\(reportID)-f3-r\(index + 1)",
        width: 7,
        spec: spec
      )
    }
    return html + "</tbody>\n</table></div>\n"
  }

  private static func label(_ spec: Table3RowSpec) -> String {
    switch spec.kind {
    case .newApplications, .carriedOver, .carriedForward: return spec.displayName
    case .outcome, .outcomeTotal:
      if let item = spec.item { return "\(item). \(spec.label)" }
      return "（\(NationalFormat.chineseNumeral(spec.group ?? 0))）\(spec.label)"
    }
  }

  // MARK: Table 四

  mutating func table4(_ table: Table4?) -> String {
    var html =
      "<h3>\(text("表四 政府信息公开行政复议、行政诉讼情况", "Table 四: administrative reconsideration and litigation"))</h3>\n"
    guard let table else {
      return html + "<p class=\"absent\">\(text("未读到表四。", "Table 四 was not found."))</p>\n"
    }
    guard let row = table.row else {
      return html + "<p class=\"absent\">\(text("未读到表四的数据行。", "The row of numbers of table 四 was not found."))</p>\n"
    }
    html += "<div class=\"scroll\"><table class=\"t4\">\n<thead>\n<tr><th class=\"corner\"></th>"
    html += NationalFormat.table4Results.map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
    if row.cells.count != NationalFormat.table4ValueCount {
      html +=
        "<tr class=\"count\"><td colspan=\"6\">\(text("读到 \(row.cells.count) 个数，应为 15 个；按顺序排列。", "\(row.cells.count) \(row.cells.count == 1 ? "value" : "values") read where 15 belong, shown in order."))</td></tr>\n"
    }
    for (group, name) in NationalFormat.table4Groups.enumerated() {
      let cells = (0..<5).map { group * 5 + $0 }.map { $0 < row.cells.count ? row.cells[$0] : nil }
      html += "<tr><th class=\"label\">\(name.htmlEscaped)</th>"
      for (result, cell) in cells.enumerated() {
        html += self.cell(cell, id: "\(reportID)-f4-r\(group + 1)-c\(result + 1)")
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table></div>\n"
  }

  // MARK: Rows and cells

  private mutating func row(_ row: TableRow?, label: String, id: String, width: Int, spec: Table3RowSpec) -> String {
    let labelClass = spec.item == nil ? "label" : "label item"
    var html = "<tr id=\"\(id)\"><th class=\"\(labelClass)\">\(label.htmlEscaped)"
    guard let row else {
      return html + "</th><td colspan=\"\(width)\" class=\"absent\">\(text("未读到此行", "row not found"))</td></tr>\n"
    }
    if let together = row.runTogether, together.split == nil {
      return html
        + "</th><td colspan=\"\(width)\" class=\"absent\">\(text("数字连在一起，无法拆分：", "numbers ran together: "))\(together.digits.htmlEscaped)</td></tr>\n"
    }
    if row.cells.count != width {
      html +=
        "<small>\(text("读到 \(row.cells.count) 个数，应为 \(width) 个", "\(row.cells.count) \(row.cells.count == 1 ? "value" : "values"), \(width) belong"))</small>"
    }
    html += "</th>"
    for column in 0..<width {
      html += cell(column < row.cells.count ? row.cells[column] : nil, id: "\(id)-c\(column + 1)")
    }
    return html + "</tr>\n"
  }

  private mutating func cell(_ cell: Cell?, id: String) -> String {
    guard let cell else { return "<td class=\"missing\">\(text("缺", "none"))</td>" }
    let start = position(cell.range.lowerBound)
    let end = position(cell.range.upperBound)
    var classes: [String] = []
    var shown: String
    switch cell.content {
    case .integer(let value): shown = String(value).htmlEscaped
    case .decimal, .invalid: shown = source.text(cell.range).htmlEscaped
    case .blank:
      classes.append("blank")
      let written = source.text(cell.range)
      shown = written.isEmpty ? text("空", "blank") : written.htmlEscaped
    }
    let marks = findings.marks(for: cell)
    var attributes = " id=\"\(id)\" data-range=\"\(start)-\(end)\""
    if !marks.isEmpty {
      let subjects = marks.filter(\.isSubject)
      let worst = (subjects.isEmpty ? marks : subjects).map { diagnostics[$0.finding].severity }.min() ?? .error
      classes.append(subjects.isEmpty ? "named" : "hit")
      classes.append(worst.name)
      for mark in marks {
        if mark.isSubject {
          if subjectCells[mark.finding] == nil { subjectCells[mark.finding] = id }
        } else if namedCells[mark.finding] == nil {
          namedCells[mark.finding] = id
        }
      }
      let title = marks.map { mark in
        let diagnostic = diagnostics[mark.finding]
        let message = diagnostic.message.text(language)
        guard let note = mark.note, !mark.isSubject else { return "\(diagnostic.code)：\(message)" }
        return "\(diagnostic.code)：\(note.text(language)) — \(message)"
      }.joined(separator: "\n")
      attributes += " title=\"\(title.htmlEscaped)\""
      // A fix that only rewrites how the value is written (`1` / `62` for 162) changes no value.
      if let expected = (subjects + marks).compactMap(\.expected).first, expected.htmlEscaped != shown {
        shown += "<span class=\"want\">\(expected.hasPrefix("Σ") ? "" : "→ ")\(expected.htmlEscaped)</span>"
      }
    }
    if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
    return "<td\(attributes)>\(shown)</td>"
  }

  /// `50:39`: 1-based line and column (in characters), as the text output prints them.
  func position(_ utf8Offset: Int) -> String {
    let position = source.lines.position(ofUTF8Offset: utf8Offset, in: .utf32)
    return "\(position.line + 1):\(position.column + 1)"
  }
}
