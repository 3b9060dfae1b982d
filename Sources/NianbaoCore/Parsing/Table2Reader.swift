/// Reads table 二 (four sub-tables, one per item of 第二十条).
struct Table2Reader {
  let source: SourceText

  private struct RawRow {
    var item: Int?
    var name: String
    var label: LabelPiece
    var exact: Bool
    var values: [Token]
    var layout: TokenizedLine.Layout
    var range: Range<Int>
  }

  static let rowNames = ["规章", "行政规范性文件", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"]

  func read(lines: Range<Int>) -> (Table2?, [LabelDeviation]) {
    var item: Int?
    var raws: [RawRow] = []
    var headers: [Table2.HeaderCell] = []
    for line in lines {
      guard let tokenized = LineTokenizer.tokenize(source, line: line) else { continue }
      let lineText = source.text(tokenized.range)
      if lineText.has("第二十条") {
        item = Self.item(in: lineText) ?? item
        continue
      }
      let leading = tokenized.leadingText
      guard let first = leading.first else { continue }
      let firstCore = LabelText.normalize(first.text).core
      if firstCore.hasPrefix("信息内容") {
        for (column, cell) in leading.dropFirst().enumerated() {
          headers.append(Table2.HeaderCell(subtableItem: item ?? 0, column: column, range: cell.range, text: cell.text))
        }
        continue
      }
      let values = tokenized.valueTokens
      guard !values.isEmpty, let labelToken = leading.last else { continue }
      let piece = LabelPieces.piece(source, labelToken.range)
      guard let (name, exact) = Self.match(piece.normalized.core) else { continue }
      raws.append(
        RawRow(
          item: item,
          name: name,
          label: piece,
          exact: exact,
          values: values,
          layout: tokenized.layout,
          range: labelToken.range.lowerBound..<values.last!.range.upperBound
        )
      )
    }
    guard !raws.isEmpty || !headers.isEmpty else { return (nil, []) }
    let headerCores = Set(headers.map { LabelText.normalize($0.text).core })
    let trial =
      !headerCores.isDisjoint(with: NationalFormat.trialTable2HeaderCores)
      || raws.contains { $0.name == "其他对外管理服务事项" || $0.name == "政府集中采购" }
    let edition: FormatEdition = trial ? .trial2019 : .edition2021
    let specs = NationalFormat.table2(edition)
    var deviations: [LabelDeviation] = []
    var rows: [Table2.Row] = []
    for raw in raws {
      var name = raw.name
      if edition == .edition2021 && name == "规范性文件" {
        name = "行政规范性文件"
        deviations.append(
          LabelDeviation(place: .table2Row, range: raw.label.range, found: raw.label.text, canonical: name)
        )
      } else if !raw.exact {
        deviations.append(
          LabelDeviation(place: .table2Row, range: raw.label.range, found: raw.label.text, canonical: name)
        )
      }
      let spec = specs.first { $0.rows.contains(name) } ?? specs.first { $0.item == raw.item }
      let cells = raw.values.enumerated().map { column, token in
        token.cell(
          allowDecimal: spec?.decimalColumns.contains(column) ?? false,
          allowNegative: spec?.signedColumns.contains(column) ?? false
        )
      }
      let separator = raw.layout == .tabs ? "\t" : raw.layout == .markdown ? " | " : " "
      let row = TableRow(
        labelRange: raw.label.range,
        labelText: raw.label.text,
        range: raw.range,
        cells: cells,
        appendOffset: raw.values.last!.range.upperBound,
        separator: separator,
        runTogether: nil
      )
      rows.append(Table2.Row(subtableItem: spec?.item ?? raw.item ?? 0, name: name, row: row))
    }
    for header in headers {
      guard let spec = specs.first(where: { $0.item == header.subtableItem }),
        headers.filter({ $0.subtableItem == header.subtableItem }).count == spec.columns.count,
        header.column < spec.columns.count
      else { continue }
      let canonical = spec.columns[header.column]
      let found = LabelText.normalize(header.text).core
      if found != LabelText.normalize(canonical).core {
        deviations.append(
          LabelDeviation(place: .table2Column, range: header.range, found: header.text, canonical: canonical)
        )
      }
    }
    let all = rows.map(\.row.range) + headers.map(\.range)
    let range = all.map(\.lowerBound).min()!..<all.map(\.upperBound).max()!
    return (Table2(range: range, edition: edition, rows: rows, headers: headers), deviations)
  }

  /// The item number of a `第二十条第（五）项` marker.
  static func item(in text: String) -> Int? {
    let folded = Array(text.unicodeScalars.map(LabelText.widthFolded).filter { !LabelText.isSpace($0) })
    guard let article = folded.firstIndex(of: "条") else { return nil }
    var index = article + 1
    if index < folded.count, folded[index] == "第" { index += 1 }
    if let (numbering, _) = LabelText.readNumbering(folded, at: index), case .parenthesized(let n) = numbering {
      return n
    }
    if index < folded.count, let n = LabelText.chineseDigits[folded[index]] { return n }
    return nil
  }

  static func match(_ core: String) -> (String, Bool)? {
    if rowNames.contains(core) { return (core, true) }
    guard core.unicodeScalars.count >= 2 else { return nil }
    let scored = rowNames.map { ($0, LabelText.similarity(core, $0)) }.sorted { $0.1 > $1.1 }
    guard scored[0].1 >= 0.75, scored[0].1 - scored[1].1 >= 0.05 else { return nil }
    return (scored[0].0, false)
  }
}
