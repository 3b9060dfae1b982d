/// Reads table 四: a header and one row of 15 numbers.
struct Table4Reader {
  let source: SourceText

  func read(lines: Range<Int>, requireHeader: Bool) -> Table4? {
    var values: [Token] = []
    var layout: TokenizedLine.Layout = .tabs
    var sawHeader = false
    var together: (range: Range<Int>, digits: [Int], ranges: [Range<Int>])?
    for line in lines {
      guard let tokenized = LineTokenizer.tokenize(source, line: line) else { continue }
      let lineValues = tokenized.valueTokens
      let leading = tokenized.leadingText
      if lineValues.isEmpty {
        if leading.contains(where: { token in ["维持", "纠正", "审结", "结 果", "结果"].contains { token.text.contains($0) } }) {
          sawHeader = true
        }
        if !values.isEmpty { break }
        continue
      }
      if requireHeader && !sawHeader { continue }
      let leadingLength = leading.reduce(0) { $0 + $1.text.count }
      if leadingLength > 10 && lineValues.count < 5 { continue }
      if values.isEmpty, lineValues.count == 1, lineValues[0].kind == .number,
        let tail = RunTogetherSolver.trailingDigits(source, lineValues[0].range), tail.label.isEmpty,
        tail.digits.count >= 15
      {
        together = (lineValues[0].range, tail.digits, tail.ranges)
        layout = tokenized.layout
        break
      }
      if values.isEmpty { layout = tokenized.layout }
      values.append(contentsOf: lineValues)
      if values.count >= NationalFormat.table4ValueCount { break }
    }
    if let together {
      let (info, cells) = RunTogetherSolver.read(together, into: NationalFormat.table4ValueCount) { v in
        (0..<3).allSatisfy { g in v[g * 5 + 4] == v[g * 5..<g * 5 + 4].reduce(0, +) }
      }
      let row = TableRow(
        labelRange: together.range.lowerBound..<together.range.lowerBound,
        labelText: "",
        range: together.range,
        cells: cells,
        appendOffset: together.range.upperBound,
        separator: "\t",
        runTogether: info
      )
      return Table4(range: together.range, row: row)
    }
    guard let first = values.first, let last = values.last else {
      return sawHeader
        ? Table4(range: source.lines.lineStarts[lines.lowerBound]..<source.lines.lineStarts[lines.lowerBound], row: nil)
        : nil
    }
    let separator = layout == .tabs ? "\t" : layout == .markdown ? " | " : " "
    let row = TableRow(
      labelRange: first.range.lowerBound..<first.range.lowerBound,
      labelText: "",
      range: first.range.lowerBound..<last.range.upperBound,
      cells: values.map { $0.cell(allowDecimal: false, allowNegative: false) },
      appendOffset: last.range.upperBound,
      separator: separator,
      runTogether: nil
    )
    return Table4(range: row.range, row: row)
  }
}
