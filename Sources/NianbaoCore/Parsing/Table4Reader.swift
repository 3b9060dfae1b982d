/// Reads table 四: its header and 15 numbers, in one row, one cell per line, run together, or as
/// three small tables (one per group, each with its own header).
struct Table4Reader {
  let stream: TextStream

  var source: SourceText { stream.source }

  /// Reads the table in `range` (section 四, or where it stands when the report numbers its
  /// sections its own way). Numbers count only after a header word of the table.
  func read(in range: Range<Int>, requireHeader: Bool) -> Table4? {
    let tokens = stream.tokens
    var values: [StreamToken] = []
    var headerRange: Range<Int>?
    var headerCells: [StreamToken] = []
    var trailingBlanks: [StreamToken] = []
    var index = stream.index(containing: range.lowerBound)
    while index < tokens.count, tokens[index].range.lowerBound < range.upperBound {
      let token = tokens[index]
      index += 1
      if token.kind == .text {
        // Blank cells before a header word are the header's own (a browser's copy of the page).
        if !values.isEmpty, values.allSatisfy({ $0.kind == .empty }) { values.removeAll() }
        if values.isEmpty { headerCells.append(token) }
        if isHeader(token) {
          if headerRange == nil { headerRange = token.range }
          continue
        }
        // Between the three small tables: `### 行政诉讼（复议后起诉）`.
        if !values.isEmpty && !Self.groupWords.contains(where: source.text(token.range).has) { break }
        continue
      }
      guard headerRange != nil || !requireHeader else { continue }
      if token.trailing {
        // Blank cells at the end of a tab row are the row's last cells (the 复议后起诉 group
        // left blank), once the row's values are too few without them.
        if token.kind == .empty, token.layout == .tabs, let last = values.last, last.line == token.line {
          trailingBlanks.append(token)
        }
        continue
      }
      values.append(token)
      if values.count >= NationalFormat.table4ValueCount { break }
    }
    if values.count < NationalFormat.table4ValueCount,
      values.count + trailingBlanks.count >= NationalFormat.table4ValueCount,
      trailingBlanks.allSatisfy({ $0.line == values.last?.line })
    {
      values += trailingBlanks.prefix(NationalFormat.table4ValueCount - values.count)
    }
    let deviations = headerRange == nil && values.isEmpty ? [] : headerDeviations(headerCells)
    guard let first = values.first, let last = values.last else {
      return headerRange.map { Table4(range: $0, row: nil, headerDeviations: deviations) }
    }
    let layout = first.layout
    let separator = layout == .tabs ? "\t" : layout == .markdown ? " | " : " "
    var row = TableRow(
      labelRange: first.range.lowerBound..<first.range.lowerBound,
      labelText: "",
      range: first.range.lowerBound..<last.range.upperBound,
      cells: values.map { $0.cell(source, allowDecimal: false, allowNegative: false) },
      appendOffset: last.range.upperBound,
      separator: separator,
      runTogether: nil
    )
    let groupsBalance = { (v: [Int]) in (0..<3).allSatisfy { g in v[g * 5 + 4] == v[g * 5..<g * 5 + 4].reduce(0, +) } }
    if stream.dropsRepeatedLines, values.count < NationalFormat.table4ValueCount,
      values.allSatisfy({ $0.kind == .number }),
      case let numbers = values.map({ Int(LabelText.asciiDigits(source.text($0.range))) ?? -1 }),
      case let readings = RunTogetherSolver.expandRepeats(
        numbers,
        into: NationalFormat.table4ValueCount,
        accept: groupsBalance
      ),
      readings.count == 1
    {
      // A crawler dropped the repeated lines (fifteen 0s left as one): the sums allow one reading.
      var index = 0
      row.cells = readings[0].map { value in
        if numbers[index] != value { index += 1 }
        return Cell(range: values[index].range, content: .integer(value))
      }
      row.runTogether = RunTogether(
        range: row.range,
        digits: values.map { source.text($0.range) }.joined(separator: " "),
        split: readings[0],
        candidateCount: 1
      )
    } else if let digits = RunTogetherSolver.Digits(values, source, into: NationalFormat.table4ValueCount) {
      let result = RunTogetherSolver.solve(digits, into: NationalFormat.table4ValueCount, accept: groupsBalance)
      let split = result.count == 1 ? result.solutions[0] : nil
      row.runTogether = RunTogether(
        range: digits.range,
        digits: digits.text,
        split: split,
        candidateCount: result.count
      )
      row.cells = split.map { digits.cells($0) } ?? []
    }
    return Table4(range: row.range, row: row, headerDeviations: deviations)
  }

  /// The format's header words of table 四.
  static let headerLabels = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
  private static let headerKeys = headerLabels.map(LabelKey.init(normalized:))

  /// Header cells that are close to one of the format's header words but not it: a typo. Words
  /// split over lines (`结 果` / `维 持` in PDF text) are too short to tell and are left alone.
  private func headerDeviations(_ cells: [StreamToken]) -> [LabelDeviation] {
    var result: [LabelDeviation] = []
    for cell in cells {
      for word in LineTokenizer.words(source, cell.range) {
        // Normalizing keeps at most the word's characters: a word of fewer than four is no header.
        guard source.scalarCount(word) >= 4 else { continue }
        let key = LabelText.normalize(source, word).key
        let length = key.scalarCount
        guard (4...8).contains(length), !Self.headerKeys.contains(key) else { continue }
        let scalars = key.scalars
        let scored = zip(Self.headerLabels, Self.headerLabelScalars).map { label, labelScalars in
          (label, LabelText.similarity(scalars, labelScalars))
        }.sorted { $0.1 > $1.1 }
        guard scored[0].1 >= 0.7, scored[0].1 - scored[1].1 >= 0.1,
          abs(scored[0].0.unicodeScalars.count - length) <= 1
        else { continue }
        result.append(
          LabelDeviation(place: .table4Column, range: word, found: source.text(word), canonical: scored[0].0)
        )
      }
    }
    return result
  }

  private static let headerLabelScalars = headerLabels.map { Array($0.unicodeScalars) }

  private func isHeader(_ token: StreamToken) -> Bool {
    guard token.range.count < 400 else {
      // A whole report on one line: the header runs into the text before it.
      let text = source.text(token.range)
      return (Self.headerWords + ["总计"]).contains { text.hasSuffix($0) }
    }
    let bytes = source.utf8
    return Self.headerWordBytes.contains { word in
      var index = token.range.lowerBound
      while index + word.count <= token.range.upperBound {
        if bytes[index] == word[0], bytes.hasBytes(word, at: index) { return true }
        index += 1
      }
      return false
    }
  }

  /// Words of the result columns: a sentence that mentions 行政复议 is not the table's header.
  static let headerWords = ["维持", "纠正", "审结", "结 果", "结果", "尚未"]
  private static let headerWordBytes = headerWords.map { Array($0.utf8) }
  static let groupWords = ["行政复议", "行政诉讼", "直接起诉", "复议后起诉", "总计", "注"]
}
