/// Reads table 二 (four sub-tables, one per item of 第二十条) from the text stream.
///
/// A row is a cell whose words are a row name of the format, followed by its numbers: a sentence
/// that mentions a row name (`其中包括：行政规范性文件 13 件`) is prose, not a row.
struct Table2Reader {
  let stream: TextStream

  var source: SourceText { stream.source }

  private struct RawRow {
    var item: Int?
    /// The row's name, by its place in ``rowNames``.
    var name: Int
    var label: Range<Int>
    var exact: Bool
    var values: [StreamToken]
  }

  static let rowNames = ["规章", "行政规范性文件", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"]
  /// Places in ``rowNames``: rows are told apart by them, not by comparing their names.
  private static let normativeDocuments = 1
  private static let normativeDocumentsShort = 2
  private static let otherServices = 4
  private static let administrativeFees = 7
  private static let centralPurchases = 8

  /// Words a header cell ends with; a row name glued to them (`…现行有效件数规章`) still opens a
  /// row.
  private static let headerEndings = ["件数", "数量", "金额", "信息内容", "万元", "项", "增减", "总数量"]

  func read(in range: Range<Int>) -> (Table2?, [LabelDeviation]) {
    let tokens = stream.tokens
    var item: Int?
    var raws: [RawRow] = []
    var headers: [Table2.HeaderCell] = []
    var collectingHeaders = false
    /// A cell of the header rows of the current item (of its subtable).
    func addHeader(_ cell: Range<Int>) {
      let column = headers.filter { $0.subtableItem == (item ?? 0) }.count
      headers.append(
        Table2.HeaderCell(subtableItem: item ?? 0, column: column, range: cell, text: source.text(cell))
      )
    }
    var index = stream.index(containing: range.lowerBound)
    while index < tokens.count, tokens[index].range.lowerBound < range.upperBound {
      let token = tokens[index]
      index += 1
      guard token.kind == .text else {
        // The `/` of `本年增/减` broken over three lines is part of a header.
        if collectingHeaders, token.kind == .blankMarker, ["/", "／"].contains(source.text(token.range)) {
          addHeader(token.range)
          continue
        }
        collectingHeaders = false
        continue
      }
      if source.utf8.containsBytes(Self.article20, in: token.range) {
        item = lastItem(in: token.range) ?? item
      }
      // Only a cell followed by numbers can be a row.
      let beforeValues = index < tokens.count && (tokens[index].isValue || isNotApplicable(tokens[index]))
      // Other text is a header at most, and a header row holds 信息内容 only when its text holds 容.
      guard beforeValues || source.utf8.containsBytes(Self.rong, in: token.range) else {
        if collectingHeaders { addHeader(token.range) }
        continue
      }
      let key = LabelText.normalize(source, token.range).key
      if key.contains(Self.infoContent) {
        let words = LineTokenizer.words(source, token.range)
        let label = beforeValues ? rowLabel(token, key: key) : nil
        var afterInfo = Array(
          words.drop { !LabelText.normalize(source, $0).key.hasSuffix(Self.infoContent) }.dropFirst()
        )
        // A row name glued to the last header (`本年处理决定数量行政处罚`) is not part of it.
        if let label, let last = afterInfo.last, last.upperBound > label.2.lowerBound {
          afterInfo[afterInfo.count - 1] = last.lowerBound..<max(last.lowerBound, label.2.lowerBound)
          if afterInfo[afterInfo.count - 1].isEmpty { afterInfo.removeLast() }
        }
        if afterInfo.isEmpty, let info = lastOffset(of: "信息内容", in: token.range),
          let glued = words.first(where: { $0.contains(info) && $0.upperBound > info + "信息内容".utf8.count })
        {
          // A header row run together on one line (`信息内容本年制发件数本年度止件数现行有效件数规章`).
          let start = info + "信息内容".utf8.count
          let end = min(label?.2.lowerBound ?? Int.max, glued.upperBound)
          if start < end {
            headers += splitGluedHeaders(start..<end, item: item).enumerated().map { column, range in
              Table2.HeaderCell(subtableItem: item ?? 0, column: column, range: range, text: source.text(range))
            }
          }
          collectingHeaders = false
        } else if afterInfo.count >= 1 {
          headers += afterInfo.enumerated().map { column, word in
            Table2.HeaderCell(subtableItem: item ?? 0, column: column, range: word, text: source.text(word))
          }
          collectingHeaders = false
        } else {
          collectingHeaders = key.hasSuffix(Self.infoContent)
        }
        if let (name, exact, label) = label, let row = row(name, exact, label, item, at: index) {
          raws.append(row)
          collectingHeaders = false
        }
        continue
      }
      if beforeValues, let (name, exact, label) = rowLabel(token, key: key) {
        collectingHeaders = false
        if let row = row(name, exact, label, item, at: index) { raws.append(row) }
        continue
      }
      if collectingHeaders {
        let column = headers.filter { $0.subtableItem == (item ?? 0) }.count
        headers.append(
          Table2.HeaderCell(subtableItem: item ?? 0, column: column, range: token.range, text: source.text(token.range))
        )
      }
    }
    return assemble(raws, headers: headers)
  }

  /// A row: the label's numbers up to the next text, unless a unit (`件`) follows them.
  private func row(_ name: Int, _ exact: Bool, _ label: Range<Int>, _ item: Int?, at index: Int) -> RawRow? {
    let tokens = stream.tokens
    var k = index
    var values: [StreamToken] = []
    while k < tokens.count, tokens[k].isValue || isNotApplicable(tokens[k]) {
      if !tokens[k].trailing { values.append(tokens[k]) }
      k += 1
      // A signed change run together with the numbers around it (`144+5149`: 144, +5, 149 or
      // +51, 49 …): the sign and the digits after it belong to the row, which cannot be split.
      if k + 1 < tokens.count, tokens[k].kind == .text, tokens[k].line == tokens[k - 1].line,
        tokens[k].range.lowerBound == tokens[k - 1].range.upperBound,
        ["+", "-", "＋", "－"].contains(source.text(tokens[k].range)), tokens[k + 1].kind == .number,
        tokens[k + 1].range.lowerBound == tokens[k].range.upperBound
      {
        var signed = tokens[k + 1]
        signed.range = tokens[k].range.lowerBound..<signed.range.upperBound
        signed.glued = true
        values.append(signed)
        k += 2
        continue
      }
      // A purchase count written with its unit before the amount (`政府集中采购1个246900元`).
      if name == Self.centralPurchases, values.count == 1, k + 1 < tokens.count, tokens[k].kind == .text,
        tokens[k].line == values[0].line, tokens[k + 1].isValue,
        ["个", "批", "项", "次"].contains(source.text(tokens[k].range))
      {
        k += 1
      }
    }
    guard !values.isEmpty else { return nil }
    if k < tokens.count, tokens[k].line == values.last!.line {
      let next = source.text(tokens[k].range)
      let amount = name == Self.administrativeFees || name == Self.centralPurchases
      if Self.units.contains(where: { next.hasPrefix($0) && !(amount && $0.hasSuffix("元")) }) { return nil }
    }
    return RawRow(item: item, name: name, label: label, exact: exact, values: values)
  }

  /// `不适用` or `无` in a cell stands where a number belongs (NB116 says it is not one).
  private func isNotApplicable(_ token: StreamToken) -> Bool {
    // The words are at most three characters, and so is any text equal to them: at most twelve
    // bytes.
    (token.kind == .text || token.kind == .invalid) && token.range.count <= 12
      && Table2Marks.words.contains(source.text(token.range))
  }

  private static let article20 = Array("第二十条".utf8)
  /// `信息内容`, the first header of each sub-table.
  private static let infoContent = LabelKey(normalized: "信息内容")
  private static let rong = Array("容".utf8)

  private static let units = ["件", "项", "个", "条", "份", "万元", "元", "次", "宗", "%"]

  /// The row name a text cell holds: its whole words, or its end after a header that ran into
  /// it.
  private func rowLabel(_ token: StreamToken, key: LabelKey) -> (Int, Bool, Range<Int>)? {
    if let (name, exact) = Self.match(key) { return (name, exact, token.range) }
    for (place, name, nameKey) in Self.rowNamesLongestFirst
    where key.byteCount > nameKey.byteCount && key.hasSuffix(nameKey) {
      let before = key.withUTF8 { String(decoding: $0.dropLast(nameKey.byteCount), as: UTF8.self) }
      guard Self.headerEndings.contains(where: { before.hasSuffix($0) }) || before.has("第二十条") else { continue }
      if name == "规范性文件" && before.hasSuffix("行政") { continue }
      guard let offset = lastOffset(of: name, in: token.range) else { continue }
      return (place, true, offset..<token.range.upperBound)
    }
    return nil
  }

  /// Splits header cells that ran together by the format's own headers for the item: each cell
  /// is a known header, or what stands between two known ones (a header with a typo).
  private func splitGluedHeaders(_ range: Range<Int>, item: Int?) -> [Range<Int>] {
    var best: [Range<Int>] = []
    var bestMisses = Int.max
    for edition in [FormatEdition.edition2021, .trial2019] {
      guard let spec = NationalFormat.table2(edition).first(where: { $0.item == item }) else { continue }
      var cells: [Range<Int>] = []
      var misses = 0
      var position = range.lowerBound
      for (k, column) in spec.columns.enumerated() {
        let pattern = Array(column.utf8)
        if position + pattern.count <= range.upperBound,
          source.utf8[position..<position + pattern.count].elementsEqual(pattern)
        {
          cells.append(position..<position + pattern.count)
          position += pattern.count
          continue
        }
        misses += 1
        let next =
          k + 1 < spec.columns.count ? firstOffset(of: spec.columns[k + 1], in: position..<range.upperBound) : nil
        let end = next ?? range.upperBound
        guard end > position, next != nil || k + 1 == spec.columns.count else {
          misses = Int.max
          break
        }
        cells.append(position..<end)
        position = end
      }
      if misses < bestMisses, position == range.upperBound, misses <= 1 {
        best = cells
        bestMisses = misses
      }
    }
    return best
  }

  private func firstOffset(of needle: String, in range: Range<Int>) -> Int? {
    source.utf8.firstOffset(of: Array(needle.utf8), in: range)
  }

  private func lastOffset(of needle: String, in range: Range<Int>) -> Int? {
    let pattern = Array(needle.utf8)
    var start = range.upperBound - pattern.count
    while start >= range.lowerBound {
      if source.utf8[start..<start + pattern.count].elementsEqual(pattern) { return start }
      start -= 1
    }
    return nil
  }

  private func assemble(_ raws: [RawRow], headers: [Table2.HeaderCell]) -> (Table2?, [LabelDeviation]) {
    guard !raws.isEmpty else { return (nil, []) }
    let headerKeys = Set(headers.map { Self.key(of: $0.text) })
    let trial =
      !headerKeys.isDisjoint(with: Self.trialHeaderKeys)
      || raws.contains { $0.name == Self.otherServices || $0.name == Self.centralPurchases }
    let edition: FormatEdition = trial ? .trial2019 : .edition2021
    let specs = NationalFormat.table2(edition)
    var deviations: [LabelDeviation] = []
    var rows: [Table2.Row] = []
    let specOfName = edition == .trial2019 ? Self.trialSpecOfName : Self.currentSpecOfName
    // The names of the rows read so far, by place in ``rowNames``.
    var read = [Bool](repeating: false, count: Self.rowNames.count)
    for raw in raws where !read[raw.name] {
      var place = raw.name
      let found = source.text(raw.label)
      if edition == .edition2021 && place == Self.normativeDocumentsShort {
        place = Self.normativeDocuments
        deviations.append(
          LabelDeviation(place: .table2Row, range: raw.label, found: found, canonical: Self.rowNames[place])
        )
      } else if !raw.exact {
        deviations.append(
          LabelDeviation(place: .table2Row, range: raw.label, found: found, canonical: Self.rowNames[place])
        )
      }
      read[place] = true
      let name = Self.rowNames[place]
      let spec = specOfName[place].map { specs[$0] } ?? specs.first { $0.item == raw.item }
      let expected = spec?.columns.count ?? raw.values.count
      var cells = raw.values.enumerated().map { column, token in
        // Read as 0, like a blank; NB116 reports it.
        if isNotApplicable(token) { return Cell(range: token.range, content: .blank) }
        return token.cell(
          source,
          allowDecimal: spec?.decimalColumns.contains(column) ?? false,
          allowNegative: spec?.signedColumns.contains(column) ?? false
        )
      }
      var runTogether: RunTogether?
      if let digits = RunTogetherSolver.Digits(raw.values, source, into: expected) {
        // Table 二 has no sums: only a split with one digit per cell is certain.
        let result = RunTogetherSolver.solve(digits, into: expected, cap: 2) { _ in true }
        let split = result.count == 1 ? result.solutions[0] : nil
        runTogether = RunTogether(range: digits.range, digits: digits.text, split: split, candidateCount: result.count)
        cells = split.map { digits.cells($0) } ?? []
      } else if stream.dropsRepeatedLines, raw.values.count < expected, raw.values.allSatisfy({ $0.kind == .number }),
        case let numbers = raw.values.map({ Int(LabelText.asciiDigits(source.text($0.range))) ?? -1 }),
        case let readings = RunTogetherSolver.expandRepeats(numbers, into: expected, accept: { _ in true }),
        readings.count == 1
      {
        // A crawler dropped the repeated lines (`0 0 0` left as `0`): only one reading fills the row.
        var index = 0
        cells = readings[0].map { value in
          if numbers[index] != value { index += 1 }
          return Cell(range: raw.values[index].range, content: .integer(value))
        }
        let range = raw.values.first!.range.lowerBound..<raw.values.last!.range.upperBound
        runTogether = RunTogether(
          range: range,
          digits: numbers.map(String.init).joined(separator: " "),
          split: readings[0],
          candidateCount: 1
        )
      } else if raw.values.count != expected, raw.values.contains(where: \.glued) {
        // Numbers glued to text that cannot be told apart (`13575394432.52元`): unreadable, not wrong.
        let range = raw.values.first!.range.lowerBound..<raw.values.last!.range.upperBound
        let digits = source.text(range)
        runTogether = RunTogether(range: range, digits: digits, split: nil, candidateCount: 0)
        cells = []
      }
      let layout = raw.values[0].layout
      let row = TableRow(
        labelRange: raw.label,
        labelText: found,
        range: raw.label.lowerBound..<raw.values.last!.range.upperBound,
        cells: cells,
        appendOffset: raw.values.last!.range.upperBound,
        separator: layout == .tabs ? "\t" : layout == .markdown ? " | " : " ",
        runTogether: runTogether
      )
      rows.append(Table2.Row(subtableItem: spec?.item ?? raw.item ?? 0, name: name, row: row))
    }
    let columns = edition == .trial2019 ? Self.trialColumns : Self.currentColumns
    for item in Set(headers.map(\.subtableItem)).sorted() {
      guard let place = specs.firstIndex(where: { $0.item == item }) else { continue }
      deviations += headerDeviations(headers.filter { $0.subtableItem == item }, columns: columns[place])
    }
    let all = rows.map(\.row.range) + headers.map(\.range)
    let range = all.map(\.lowerBound).min()!..<all.map(\.upperBound).max()!
    return (Table2(range: range, edition: edition, rows: rows, headers: headers), deviations)
  }

  /// Header cells compared with the format's columns. A header broken over lines
  /// (`本年增` / `/` / `减`, `上一年年` / `目数量`) is several cells: the cells are grouped, in order,
  /// the way that matches the columns best, and each group is one header.
  private func headerDeviations(_ cells: [Table2.HeaderCell], columns: ColumnKeys) -> [LabelDeviation] {
    let n = cells.count
    let m = columns.names.count
    guard m > 0, n >= m, n <= m + 12 else { return [] }
    let canonical = columns.keys
    // The search below tries every run of cells against every column: each run's words are
    // normalized once, and taken apart into scalars only when compared with a column they are not.
    var keys = [LabelKey?](repeating: nil, count: (n + 1) * (n + 1))
    var scalars = [[Unicode.Scalar]?](repeating: nil, count: (n + 1) * (n + 1))
    var plain: [Bool] = []
    plain.reserveCapacity(n)
    for cell in cells { plain.append(Self.isIdeographsOnly(cell.text)) }
    func joined(_ range: Range<Int>) -> LabelKey {
      let index = range.lowerBound * (n + 1) + range.upperBound
      if let known = keys[index] { return known }
      let text = range.count == 1 ? cells[range.lowerBound].text : cells[range].map(\.text).joined()
      let key = plain[range].allSatisfy { $0 } ? LabelKey(normalized: text) : LabelText.normalize(text).key
      keys[index] = key
      return key
    }
    func score(_ range: Range<Int>, _ column: Int) -> Double {
      let key = joined(range)
      if key == canonical[column] { return 1.01 }
      let index = range.lowerBound * (n + 1) + range.upperBound
      if scalars[index] == nil { scalars[index] = key.scalars }
      return LabelText.similarity(scalars[index]!, columns.scalars[column])
    }
    // Fragments of the format's headers, not the headers of several sub-tables run together.
    guard n == m || joined(0..<n).scalarCount <= columns.scalarCount + 2 * m else { return [] }
    var groups: [Range<Int>] = []
    if n == m {
      // One cell per column: the only grouping.
      groups = (0..<n).map { $0..<($0 + 1) }
    } else {
      // best[j, i]: the best score of the first i cells as the first j columns.
      let width = n + 1
      var best = [Double](repeating: -1, count: (m + 1) * width)
      var cut = [Int](repeating: 0, count: (m + 1) * width)
      best[0] = 0
      for j in 1...m {
        for i in j...(n - (m - j)) {
          for k in (j - 1)..<i where best[(j - 1) * width + k] >= 0 {
            let total = best[(j - 1) * width + k] + score(k..<i, j - 1)
            if total > best[j * width + i] {
              best[j * width + i] = total
              cut[j * width + i] = k
            }
          }
        }
      }
      groups = [Range<Int>](repeating: 0..<0, count: m)
      var end = n
      for j in stride(from: m, through: 1, by: -1) {
        let start = cut[j * width + end]
        groups[j - 1] = start..<end
        end = start
      }
    }
    var result: [LabelDeviation] = []
    for (column, group) in groups.enumerated() {
      let found = joined(group)
      guard found != canonical[column], !found.isEmpty else { continue }
      let range = cells[group.lowerBound].range.lowerBound..<cells[group.upperBound - 1].range.upperBound
      let text = cells[group].map(\.text).joined()
      result.append(LabelDeviation(place: .table2Column, range: range, found: text, canonical: columns.names[column]))
    }
    return result
  }

  /// The columns of a sub-table, with their words normalized once.
  struct ColumnKeys {
    var names: [String]
    var keys: [LabelKey]
    var scalars: [[Unicode.Scalar]]
    var scalarCount: Int

    init(_ names: [String]) {
      self.names = names
      keys = names.map { LabelText.normalize($0).key }
      scalars = keys.map(\.scalars)
      scalarCount = keys.reduce(0) { $0 + $1.scalarCount }
    }
  }

  /// ``ColumnKeys`` of each sub-table, by its place in the edition's ``NationalFormat/table2(_:)``.
  private static let currentColumns = NationalFormat.table2(.edition2021).map { ColumnKeys($0.columns) }
  private static let trialColumns = NationalFormat.table2(.trial2019).map { ColumnKeys($0.columns) }

  /// The key of a header's text.
  private static func key(of text: String) -> LabelKey {
    isIdeographsOnly(text) ? LabelKey(normalized: text) : LabelText.normalize(text).key
  }

  private static let trialHeaderKeys = Set(NationalFormat.trialTable2HeaderCores.map(LabelKey.init(normalized:)))

  /// Whether a text is ideographs (U+4000–U+9FFF) only: such a text is its own normalized core,
  /// with no numbering, space or punctuation to drop.
  static func isIdeographsOnly(_ text: String) -> Bool {
    var offset = 0
    for byte in text.utf8 {
      // Each ideograph is three bytes led by E4 to E9.
      if offset % 3 == 0, byte < 0xE4 || byte > 0xE9 { return false }
      offset += 1
    }
    return offset % 3 == 0
  }

  /// The item number of the last `第二十条第（五）项` marker in a text.
  static func lastItem(in text: String) -> Int? {
    let scalars = Array(text.unicodeScalars)
    let marker = Array("第二十条".unicodeScalars)
    var result: Int?
    var index = 0
    while index + marker.count <= scalars.count {
      if scalars[index..<index + marker.count].elementsEqual(marker) {
        let after = String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 12)]))
        if let item = item(in: after) { result = item }
        index += marker.count
      } else {
        index += 1
      }
    }
    return result
  }

  /// ``lastItem(in:)`` of a range of the source, read in its bytes: each marker's item is read
  /// from the twelve characters it opens.
  private func lastItem(in range: Range<Int>) -> Int? {
    let bytes = source.utf8
    var result: Int?
    var index = range.lowerBound
    var folded: [Unicode.Scalar] = []
    folded.reserveCapacity(12)
    while index + Self.article20.count <= range.upperBound {
      guard bytes[index] == Self.article20[0], bytes.hasBytes(Self.article20, at: index) else {
        index += 1
        continue
      }
      var end = index
      for _ in 0..<12 where end < range.upperBound { end += TextBytes.scalarWidth(bytes[end]) }
      // ``item(in:)``'s scalars, read from the bytes.
      folded.removeAll(keepingCapacity: true)
      bytes.withUnsafeBufferPointer { bytes in
        var offset = index
        while offset < min(end, range.upperBound) {
          let (scalar, width) = LabelText.decodeFolded(bytes, offset)
          if !LabelText.isSpace(scalar) { folded.append(scalar) }
          offset += width
        }
      }
      if let item = Self.item(folded: folded) { result = item }
      index += Self.article20.count
    }
    return result
  }

  /// The item number of a `第二十条第（五）项` marker.
  static func item(in text: String) -> Int? {
    item(folded: Array(text.unicodeScalars.map(LabelText.widthFolded).filter { !LabelText.isSpace($0) }))
  }

  /// ``item(in:)`` of a text's width-folded scalars without its spaces.
  private static func item(folded: [Unicode.Scalar]) -> Int? {
    guard let article = folded.firstIndex(of: "条") else { return nil }
    var index = article + 1
    if index < folded.count, folded[index] == "第" { index += 1 }
    if let (numbering, _) = LabelText.readNumbering(folded, at: index), case .parenthesized(let n) = numbering {
      return n
    }
    if index < folded.count, let n = LabelText.chineseDigits[folded[index]] { return n }
    return nil
  }

  private static let rowNamesLongestFirst = rowNames.indices.sorted {
    rowNames[$0].utf8.count > rowNames[$1].utf8.count
  }.map { ($0, rowNames[$0], LabelKey(normalized: rowNames[$0])) }

  /// The place in ``NationalFormat/table2(_:)`` of the sub-table each row name belongs to, by
  /// place in ``rowNames``.
  private static let currentSpecOfName = specOfName(.edition2021)
  private static let trialSpecOfName = specOfName(.trial2019)

  private static func specOfName(_ edition: FormatEdition) -> [Int?] {
    let specs = NationalFormat.table2(edition)
    return rowNames.map { name in specs.firstIndex { $0.rows.contains(name) } }
  }

  private static let rowNameKeys = rowNames.map(LabelKey.init(normalized:))
  private static let rowNameLengths = Set(rowNames.map(\.unicodeScalars.count))
  private static let rowNameScalars = rowNames.map { Array($0.unicodeScalars) }

  /// The row name that normalized words are, exactly or with a typo, as its place in
  /// ``rowNames``.
  private static func match(_ key: LabelKey) -> (Int, Bool)? {
    if let index = rowNameKeys.firstIndex(of: key) { return (index, true) }
    let length = key.scalarCount
    // A typo keeps a name's length within two characters; anything else is not a row name.
    guard length >= 2, rowNameLengths.contains(where: { abs($0 - length) <= 2 }) else { return nil }
    let scalars = key.scalars
    let scored = zip(rowNames.indices, rowNameScalars).map { place, nameScalars in
      (place, LabelText.similarity(scalars, nameScalars))
    }.sorted { $0.1 > $1.1 }
    guard scored[0].1 >= 0.75, scored[0].1 - scored[1].1 >= 0.05,
      abs(length - rowNameScalars[scored[0].0].count) <= 2
    else { return nil }
    return (scored[0].0, false)
  }
}
