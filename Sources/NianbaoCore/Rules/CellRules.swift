/// NB107, NB108, NB110, NB111, NB114: how many values a row has and whether each is a number.
enum CellRules {
  static func run(_ context: inout RuleContext) {
    let report = context.report
    var split: [(LocalizedText, TableRow)] = []
    var invalid: [Diagnostic] = []
    if let table = report.table3 {
      let provablyZero = provablyZeroRows(table)
      var wrongRows: [(Table3RowSpec, TableRow)] = []
      for spec in table.specs {
        guard let row = table.row(spec.row) else { continue }
        if !checkRunTogether(row, name: CellNames.table3Row(spec), expected: 7, &split, &context)
          || row.cells.count != 7
        {
          if row.runTogether == nil { wrongRows.append((spec, row)) }
          context.unusableTable3Rows.insert(spec.row)
          continue
        }
        let before = invalid.count
        if checkValues(row, name: { CellNames.table3(spec, $0) }, &invalid) {
          context.unusableTable3Rows.insert(spec.row)
          if invalid.count == before + 1, let fix = misreadDigitFix(row) { invalid[before].fixes = [fix] }
        }
      }
      if wrongRows.count > 3 {
        context.add(lostColumns(wrongRows, provablyZero: provablyZero))
      } else {
        for (spec, row) in wrongRows {
          context.add(
            wrongCount(row, name: CellNames.table3Row(spec), expected: 7, provablyZero: provablyZero.contains(spec.row))
          )
        }
      }
    }
    if let table = report.table4, let row = table.row {
      let name = LocalizedText(zh: "表四数据行", en: "The row of table 四")
      if !checkRunTogether(row, name: name, expected: 15, &split, &context) || row.cells.count != 15 {
        if row.runTogether == nil {
          let provable = row.cells.count == 14 && row.cells.allSatisfy { $0.integerValue == 0 }
          context.add(wrongCount(row, name: name, expected: 15, provablyZero: provable))
        }
        context.unusableTable4 = true
      } else if checkValues(row, name: CellNames.table4, &invalid) {
        context.unusableTable4 = true
      }
    }
    if let table = report.table2 {
      for entry in table.rows {
        guard let spec = NationalFormat.table2(table.edition).first(where: { $0.rows.contains(entry.name) }) else {
          continue
        }
        // Named only for a finding: most rows have none.
        func name() -> LocalizedText {
          LocalizedText(zh: "表二“\(entry.name)”行", en: "table 二, row “\(entry.name)”")
        }
        if let together = entry.row.runTogether {
          // Table 二 has no sums to tell a split: digits that cannot be read are not a fault.
          if together.split != nil { split.append((name(), entry.row)) }
          continue
        }
        if entry.row.cells.count != spec.columns.count {
          context.add(wrongCount(entry.row, name: name(), expected: spec.columns.count, provablyZero: false))
          continue
        }
        _ = checkValues(
          entry.row,
          name: { column in
            LocalizedText(
              zh: "表二“\(entry.name)”行“\(spec.columns[column])”列",
              en: "table 二, row “\(entry.name)”, column “\(spec.columns[column])”"
            )
          },
          &invalid
        )
      }
    }
    if !split.isEmpty { context.add(runTogether(split, context.source)) }
    for diagnostic in invalidValues(invalid) { context.add(diagnostic) }
  }

  /// NB108 findings as they are, or one for the report when there are many (a column of `无`
  /// is one cause), each cell in its related information.
  private static func invalidValues(_ found: [Diagnostic]) -> [Diagnostic] {
    guard found.count > 3 else { return found }
    return [
      Diagnostic(
        .invalidValue,
        range: found[0].range,
        message: LocalizedText(
          zh: "表格中有 \(found.count) 处应填数字的单元格填的不是有效的数；没有数据时请填 0。",
          en:
            "\(found.count) table cells that need a number hold something else; write 0 where there is nothing to report."
        ),
        related: found.map { RelatedNote(range: $0.range, message: $0.message) }
      )
    ]
  }

  /// Reports numbers that ran together and could not be split; collects those read by their one
  /// balancing split. Returns false when the row cannot be read.
  private static func checkRunTogether(
    _ row: TableRow,
    name makeName: @autoclosure () -> LocalizedText,
    expected: Int,
    _ readRows: inout [(LocalizedText, TableRow)],
    _ context: inout RuleContext
  ) -> Bool {
    guard let together = row.runTogether else { return true }
    let name = makeName()
    guard together.split != nil else {
      context.add(
        Diagnostic(
          .unsplittableCells,
          range: together.range,
          message: LocalizedText(
            zh:
              "\(name.zh)的数字连在一起（“\(together.digits)”），无法确定如何拆成 \(expected) 个数（\(together.candidateCount == 0 ? "没有一种拆法符合合计关系" : together.candidateCount >= 64 ? "至少 64 种拆法都说得通" : "\(together.candidateCount) 种拆法都说得通")）。请用制表符分隔各个数。",
            en:
              "\(name.capitalized.en): the numbers ran together (“\(together.digits)”) and cannot be split into \(expected) values with certainty (\(together.candidateCount == 0 ? "no split balances" : together.candidateCount >= 64 ? "64 or more splits are possible" : "\(together.candidateCount) splits are possible")). Separate them with tabs."
          )
        )
      )
      return false
    }
    readRows.append((name, row))
    return true
  }

  /// Bytes that end a cell: tab, space, line ends, `|`.
  private static func separates(_ byte: UInt8) -> Bool {
    byte == 0x09 || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x7C
  }

  /// NB111: rows read by the only split that balances; one finding for all of them (a web page's
  /// text that lost every cell border is one cause).
  private static func runTogether(_ rows: [(LocalizedText, TableRow)], _ source: SourceText) -> Diagnostic {
    var edits: [TextEdit] = []
    var related: [RelatedNote] = []
    related.reserveCapacity(rows.count)
    for (name, row) in rows {
      guard let together = row.runTogether, let split = together.split else { continue }
      // The row's own separator: a tab in a tab-separated row, a space in text (a tab inside a
      // line of text would make the whole line read as a table).
      let separator = row.separator
      if row.labelRange.upperBound == together.range.lowerBound, !row.labelText.isEmpty {
        edits.append(TextEdit(range: together.range.lowerBound..<together.range.lowerBound, replacement: separator))
      }
      var previousEnd: Int?
      for cell in row.cells {
        if source.utf8[cell.range].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
          // A number broken over lines is written whole again.
          edits.append(TextEdit(range: cell.range, replacement: String(cell.integerValue ?? 0)))
        } else if previousEnd == cell.range.lowerBound {
          edits.append(TextEdit(range: cell.range.lowerBound..<cell.range.lowerBound, replacement: separator))
        }
        previousEnd = cell.range.upperBound
      }
      // The last number glued to the text after it (`…0000000三、` or `1000001` before `6.`):
      // a separator after it, or the next reading takes it for part of that text.
      let after = together.range.upperBound
      if after < source.utf8.count, !Self.separates(source.utf8[after]) {
        edits.append(TextEdit(range: after..<after, replacement: separator))
      }
      // One row's finding says it all in its message.
      guard rows.count > 1 else { continue }
      related.append(RelatedNote(range: together.range, message: Self.readAs(name, together.digits, split)))
    }
    let (name, first) = rows[0]
    let together = first.runTogether!
    let message: LocalizedText
    if rows.count == 1 {
      let shown = Self.shown(together.split!)
      message = LocalizedText(
        zh: "\(name.zh)的数字连在一起（“\(MessageText.quoted(together.digits))”），只有一种拆法符合合计关系，已按 \(shown) 读取。请用制表符分隔。",
        en:
          "\(name.capitalized.en): the numbers ran together (“\(MessageText.quoted(together.digits))”); only one split balances, read as \(shown). Separate them with tabs."
      )
    } else {
      message = LocalizedText(
        zh:
          "\(rows.count) 行表格的数字与单元格对不上（文本丢失、合并或拆开了单元格），每行按唯一符合合计关系的读法读取。\(edits.isEmpty ? "请对照原表核对。" : "修复会把每个数放回自己的单元格。")",
        en:
          "\(rows.count) table rows have numbers that do not match their cells (the text lost, merged or split cells); each was read the only way the sums allow. \(edits.isEmpty ? "Check them against the original table." : "The fix puts each number in a cell of its own.")"
      )
    }
    return Diagnostic(
      .runTogetherCells,
      range: together.range,
      message: message,
      related: rows.count == 1 ? [] : related,
      fixes: edits.isEmpty
        ? []
        : [
          Fix(
            title: LocalizedText(zh: "把各个数分开", en: "Separate the numbers"),
            edits: edits,
            isCertain: true
          )
        ]
    )
  }

  /// The values a row was read as, `1 | 0 | 1`, written digit by digit: a finding can list
  /// every row of a table.
  private static func shown(_ values: [Int]) -> String {
    guard values.allSatisfy({ $0 >= 0 }) else { return values.map(String.init).joined(separator: " | ") }
    // 19 digits at most, and ` | `.
    return NoteWriter.write(capacity: values.count * 22) { $0.writeShown(values) }
  }

  /// The note of a row read by its one balancing split: `表三“…”行：“1000001”读作 1 | 0 | … | 1`.
  private static func readAs(_ name: LocalizedText, _ digits: String, _ split: [Int]) -> LocalizedText {
    let quoted = MessageText.quoted(digits)
    guard split.allSatisfy({ $0 >= 0 }), let english = NoteWriter.capitalizable(name.en) else {
      let shown = Self.shown(split)
      return LocalizedText(
        zh: "\(name.zh)：“\(quoted)”读作 \(shown)",
        en: "\(name.capitalized.en): “\(quoted)” read as \(shown)"
      )
    }
    // 19 digits at most, and ` | `.
    let shownCapacity = split.count * 22
    let zh = NoteWriter.write(capacity: name.zh.utf8.count + quoted.utf8.count + shownCapacity + 32) { writer in
      writer.write(name.zh)
      writer.write("：“")
      writer.write(quoted)
      writer.write("”读作 ")
      writer.writeShown(split)
    }
    let en = NoteWriter.write(capacity: english.utf8.count + quoted.utf8.count + shownCapacity + 32) { writer in
      writer.writeCapitalized(english)
      writer.write(": “")
      writer.write(quoted)
      writer.write("” read as ")
      writer.writeShown(split)
    }
    return LocalizedText(zh: zh, en: en)
  }

  /// Writes a message's pieces into the one String it becomes, byte by byte.
  private struct NoteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    static func write(capacity: Int, _ body: (inout NoteWriter) -> Void) -> String {
      String(unsafeUninitializedCapacity: capacity) { buffer in
        var writer = NoteWriter(buffer: buffer)
        body(&writer)
        return writer.count
      }
    }

    /// The text when ``LocalizedText/capitalized`` capitalises it in its bytes: an ASCII letter
    /// followed by ASCII.
    static func capitalizable(_ text: String) -> String? {
      let bytes = text.utf8
      guard let head = bytes.first, head >= 0x61, head <= 0x7A,
        bytes.count == 1 || bytes[bytes.index(after: bytes.startIndex)] < 0x80
      else { return nil }
      return text
    }

    mutating func write(_ text: String) {
      var text = text
      text.withUTF8 { source in
        guard let from = source.baseAddress, let to = buffer.baseAddress else { return }
        precondition(count + source.count <= buffer.count)
        (to + count).update(from: from, count: source.count)
        count += source.count
      }
    }

    /// Text that ``capitalizable(_:)`` accepts, its first letter in upper case.
    mutating func writeCapitalized(_ text: String) {
      let start = count
      write(text)
      buffer[start] -= 0x20
    }

    /// ``CellRules/shown(_:)`` of values that are not negative.
    mutating func writeShown(_ values: [Int]) {
      for (k, value) in values.enumerated() {
        if k > 0 { write(" | ") }
        let start = count
        var rest = value
        repeat {
          buffer[count] = UInt8(0x30 + rest % 10)
          count += 1
          rest /= 10
        } while rest > 0
        buffer[start..<count].reverse()
      }
    }
  }

  /// Many rows short of values: one finding for the table (a column lost in pasting), not one
  /// per row.
  private static func lostColumns(_ rows: [(Table3RowSpec, TableRow)], provablyZero: Set<Table3Row>) -> Diagnostic {
    let counts = Set(rows.map { $0.1.cells.count }).sorted().map(String.init)
    let fixable = rows.filter { provablyZero.contains($0.0.row) && $0.1.cells.count < 7 }
    var fixes: [Fix] = []
    if !fixable.isEmpty {
      let edits = fixable.map { _, row in
        TextEdit(
          range: row.appendOffset..<row.appendOffset,
          replacement: String(repeating: row.separator + "0", count: 7 - row.cells.count)
        )
      }
      fixes.append(
        Fix(
          title: LocalizedText(
            zh: "把 \(fixable.count) 行补齐为 7 个 0",
            en: "Complete \(fixable.count) \(fixable.count == 1 ? "row" : "rows") with 0s"
          ),
          edits: edits,
          isCertain: true
        )
      )
    }
    let allProvable = fixable.count == rows.count
    let first = rows[0].1
    return Diagnostic(
      .wrongValueCount,
      range: first.range,
      message: LocalizedText(
        zh:
          "表三有 \(rows.count) 行的数值个数不对（应为 7 个，实有 \(counts.joined(separator: "、")) 个），可能是复制表格时丢了列。\(allProvable ? "这些行已有的数都是 0，由合计关系可知缺少的数也都是 0。" : "请对照原表补齐。")",
        en:
          "\(rows.count) rows of table 三 have the wrong number of values (7 are needed; they have \(counts.count == 1 ? counts[0] : counts.dropLast().joined(separator: ", ") + " or " + counts.last!)); a column was probably lost when the table was pasted. \(allProvable ? "Their values are all 0, and the sums prove the missing ones are 0 too." : "Complete them from the original table.")"
      ),
      related: rows.map { spec, row in
        RelatedNote(
          range: row.range,
          message: LocalizedText(
            zh: "“\(spec.displayName)”：\(row.cells.count) 个数",
            en: "“\(spec.displayName)”: \(row.cells.count) \(row.cells.count == 1 ? "value" : "values")"
          )
        )
      },
      fixes: fixes
    )
  }

  private static func wrongCount(_ row: TableRow, name: LocalizedText, expected: Int, provablyZero: Bool) -> Diagnostic
  {
    let found = row.cells.count
    let missing = expected - found
    var fixes: [Fix] = []
    if provablyZero && missing > 0 {
      let insertion = String(repeating: row.separator + "0", count: missing)
      fixes.append(
        Fix(
          title: LocalizedText(zh: "补齐为 \(expected) 个 0", en: "Complete the row with 0s (\(expected) values)"),
          edits: [TextEdit(range: row.appendOffset..<row.appendOffset, replacement: insertion)],
          isCertain: true
        )
      )
    }
    let why: LocalizedText
    if found < expected {
      why =
        provablyZero
        ? LocalizedText(
          zh: "可能是复制表格时丢了列；由合计关系可知缺少的数都是 0。",
          en: "A column was probably lost when the table was pasted; the sums prove the missing values are 0."
        )
        : LocalizedText(
          zh: "可能是复制表格时丢了列，请对照原表补齐。",
          en: "A column was probably lost when the table was pasted; complete it from the original table."
        )
    } else {
      why = LocalizedText(zh: "请删去多余的数。", en: "Remove the extra values.")
    }
    let range = row.range.isEmpty ? row.labelRange : row.range
    return Diagnostic(
      .wrongValueCount,
      range: range,
      message: LocalizedText(
        zh: "\(name.zh)应有 \(expected) 个数，实有 \(found) 个。\(why.zh)",
        en: "\(name.capitalized.en) should have \(expected) values but has \(found). \(why.en)"
      ),
      fixes: fixes
    )
  }

  /// A letter read for a digit in PDF or OCR text (`O` for 0, `l` or `I` for 1), the only value
  /// of its row that is not a number: replaced by the digit when the row's total confirms it.
  private static func misreadDigitFix(_ row: TableRow) -> Fix? {
    guard row.cells.count == 7,
      let column = row.cells.firstIndex(where: { if case .invalid = $0.content { true } else { false } }),
      case .invalid(let text) = row.cells[column].content
    else { return nil }
    let digit: Int
    switch text {
    case "O", "o": digit = 0
    case "l", "I": digit = 1
    default: return nil
    }
    var values = row.cells.map(\.integerValue)
    values[column] = digit
    let numbers = values.compactMap { $0 }
    guard numbers.count == 7, numbers[0..<6].reduce(0, +) == numbers[6] else { return nil }
    return Fix(
      title: LocalizedText(zh: "改为 \(digit)", en: "Write \(digit)"),
      edits: [TextEdit(range: row.cells[column].range, replacement: String(digit))],
      isCertain: true
    )
  }

  /// Reports invalid values. Returns whether any cell is invalid.
  private static func checkValues(_ row: TableRow, name: (Int) -> LocalizedText, _ found: inout [Diagnostic]) -> Bool {
    var invalid = false
    for (column, cell) in row.cells.enumerated() {
      guard case .invalid(let text) = cell.content else { continue }
      invalid = true
      let ascii = LabelText.asciiDigits(text).replacingMinus()
      let reason: LocalizedText
      if let value = Double(ascii), value < 0 {
        reason = LocalizedText(zh: "件数不能为负数", en: "a count cannot be negative")
      } else if let value = Double(ascii), value == value.rounded(.towardZero), ascii.contains(".") {
        let whole = Int(value)
        reason = LocalizedText(zh: "件数是整数，应写 \(whole)", en: "a count is a whole number: write \(whole)")
      } else if let value = Double(ascii), value == value.rounded(.towardZero) {
        reason = LocalizedText(
          zh: "数值大得不合理（件数不超过 \(Cell.largestValue)）",
          en: "the number is implausibly large (a count is at most \(Cell.largestValue))"
        )
      } else if Double(ascii) != nil {
        reason = LocalizedText(zh: "件数必须是整数", en: "a count is a whole number")
      } else {
        reason = LocalizedText(zh: "这里应填数字", en: "a number belongs here")
      }
      found.append(
        Diagnostic(
          .invalidValue,
          range: cell.range,
          message: LocalizedText(
            zh: "\(name(column).zh)的“\(MessageText.quoted(text))”不是有效的数：\(reason.zh)。",
            en: "\(name(column).capitalized.en): “\(MessageText.quoted(text))” is not a valid value: \(reason.en)."
          )
        )
      )
    }
    return invalid
  }

  /// Table 三 rows whose missing values must be 0: a row with six 0s and one value lost (its
  /// total forces the lost one to 0); the outcome rows when （七）总计 is all 0 (counts are never
  /// negative); 一 and 二 when （七） and 四 are all 0, and back.
  static func provablyZeroRows(_ table: Table3) -> Set<Table3Row> {
    func allPresentZero(_ id: Table3Row) -> Bool {
      guard let row = table.row(id) else { return false }
      return row.cells.allSatisfy { $0.integerValue == 0 } && row.runTogether == nil
    }
    var zero = Set(
      table.specs.map(\.row).filter { id in
        guard let row = table.row(id), allPresentZero(id) else { return false }
        return row.cells.count >= 6
      }
    )
    var changed = true
    while changed {
      changed = false
      func add(_ ids: [Table3Row]) {
        for id in ids where !zero.contains(id) && allPresentZero(id) {
          zero.insert(id)
          changed = true
        }
      }
      if zero.contains(.outcomeTotal) { add(table.specs.filter { $0.kind == .outcome }.map(\.row)) }
      if zero.contains(.newApplications) && zero.contains(.carriedOver) { add([.outcomeTotal, .carriedForward]) }
      if zero.contains(.outcomeTotal) && zero.contains(.carriedForward) { add([.newApplications, .carriedOver]) }
    }
    return zero
  }
}
