/// A report published as a PDF, read from the text `pdftotext -layout` gives of it (its
/// physical layout keeps each table row on one line) and the boxes `pdftotext -bbox` gives of its
/// words. Where a statistical table has blank cells, the layout text cannot say which: each row
/// of such a table is rendered as its label and seven (or fifteen) cells joined by tabs, each
/// number in the column its box stands under and a blank cell an empty field, as a web page's
/// table is. Everything else is the layout text as it is.
package enum PDFText {
  /// The rendered report, or nil when no table of the PDF has a blank cell that its words place
  /// for certain (the layout text is then read as it is).
  package static func render(layout: [UInt8], words: [PDFWord]) -> RenderedReport? {
    let wordLines = PDFTableGrid.lines(of: words)
    let table3 = PDFTableGrid.read(.table3, lines: wordLines, from: 0)
    let table4 = PDFTableGrid.read(.table4, lines: wordLines, from: table3?.end ?? 0)
    let lines = LayoutLine.split(layout)
    var rewrites: [Int: Rewrite] = [:]
    var cursor = 0
    for (grid, shape) in [(table3, PDFTableGrid.Shape.table3), (table4, .table4)] {
      guard let grid, grid.rows.contains(where: { $0.contains(nil) }) else { continue }
      guard let matched = match(grid, shape: shape, lines: lines, layout: layout, from: cursor) else { continue }
      rewrites.merge(matched.rewrites) { first, _ in first }
      cursor = matched.end
    }
    guard !rewrites.isEmpty else { return nil }

    var builder = RenderedTextBuilder()
    for (number, line) in lines.enumerated() {
      guard let rewrite = rewrites[number] else {
        builder.appendVerbatim(layout[line.whole], source: line.whole)
        continue
      }
      let labelEnd = rewrite.labelEnd
      if labelEnd > line.whole.lowerBound {
        builder.appendVerbatim(layout[line.whole.lowerBound..<labelEnd], source: line.whole.lowerBound..<labelEnd)
      }
      var written = labelEnd
      for (column, cell) in rewrite.cells.enumerated() {
        if column > 0 || labelEnd > line.whole.lowerBound { builder.appendStructure("\t") }
        if let cell {
          builder.appendVerbatim(layout[cell], source: cell)
          written = cell.upperBound
        } else {
          builder.appendBlankCell(source: written..<written)
        }
      }
      if line.end < line.whole.upperBound {
        builder.appendVerbatim(layout[line.end..<line.whole.upperBound], source: line.end..<line.whole.upperBound)
      }
    }
    return builder.build()
  }

  /// A line of the layout text to write again: where its label ends, and each cell's word.
  struct Rewrite {
    var labelEnd: Int
    var cells: [Range<Int>?]
  }

  /// One line of the layout text: its bytes with the line end, and its words.
  struct LayoutLine {
    var whole: Range<Int>
    /// Where the line's content ends (before `\n`).
    var end: Int
    var words: [Range<Int>]

    static func split(_ bytes: [UInt8]) -> [LayoutLine] {
      var lines: [LayoutLine] = []
      var start = 0
      while start < bytes.count {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        var words: [Range<Int>] = []
        var index = start
        while index < end {
          while index < end, isSpace(bytes[index]) { index += 1 }
          let wordStart = index
          while index < end, !isSpace(bytes[index]) { index += 1 }
          if index > wordStart { words.append(wordStart..<index) }
        }
        let whole = start..<min(end + 1, bytes.count)
        lines.append(LayoutLine(whole: whole, end: end, words: words))
        start = whole.upperBound
      }
      return lines
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0C || byte == 0x0D || byte == 0x09 }
  }

  /// Each row of the grid paired with the layout line that ends with its words, in order, from
  /// the line naming the table's header on; nil when a line ending in a number stands where no
  /// row of the grid does (the two readings disagree, and the layout text is read as it is).
  private static func match(
    _ grid: PDFTableGrid,
    shape: PDFTableGrid.Shape,
    lines: [LayoutLine],
    layout: [UInt8],
    from start: Int
  ) -> (rewrites: [Int: Rewrite], end: Int)? {
    func text(_ range: Range<Int>) -> String { String(decoding: layout[range], as: UTF8.self) }
    func isNumber(_ range: Range<Int>) -> Bool { layout[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    guard let headerLine = lines[start...].firstIndex(where: { $0.words.contains { text($0) == shape.header } }) else {
      return nil
    }
    var rewrites: [Int: Rewrite] = [:]
    var number = headerLine + 1
    for row in grid.rows {
      let present = row.compactMap { $0 }
      var found = false
      while number < lines.count, !found {
        let line = lines[number]
        let tail = line.words.suffix(present.count)
        let before = line.words.dropLast(present.count).last
        if tail.count == present.count, zip(tail, present).allSatisfy({ text($0) == $1 }),
          before.map({ !isNumber($0) }) ?? true
        {
          var cells: [Range<Int>?] = []
          var words = tail.makeIterator()
          for cell in row { cells.append(cell == nil ? nil : words.next()) }
          rewrites[number] = Rewrite(labelEnd: before?.upperBound ?? line.whole.lowerBound, cells: cells)
          found = true
        } else if let last = line.words.last, isNumber(last) {
          return nil
        }
        number += 1
      }
      guard found else { return nil }
    }
    // A row with every cell blank has no number to match: a line between the table's rows that
    // holds only a numbered label (`2.其他法律行政法规禁止公开`, `（六）其他处理`) is such a row.
    let lastRow = number
    for candidate in (headerLine + 1)..<lastRow where rewrites[candidate] == nil {
      let line = lines[candidate]
      guard let first = line.words.first, let last = line.words.last, opensNumberedLabel(layout[first]) else {
        continue
      }
      rewrites[candidate] = Rewrite(labelEnd: last.upperBound, cells: Array(repeating: nil, count: shape.columns))
    }
    return (rewrites, lastRow)
  }

  /// `2.`, `2．`, `2、`, `（六）`, `(六)`, `三、`: how the rows of the tables are numbered.
  package static func opensNumberedLabel(_ word: ArraySlice<UInt8>) -> Bool {
    let text = String(decoding: word, as: UTF8.self)
    let scalars = Array(text.unicodeScalars.prefix(4))
    guard let first = scalars.first else { return false }
    let chineseNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    if ("0"..."9").contains(first) {
      let afterDigits = scalars.drop { ("0"..."9").contains($0) }.first
      return afterDigits.map { [".", "．", "、"].contains($0) } ?? false
    }
    if first == "（" || first == "(" {
      return scalars.count >= 3 && chineseNumerals.contains(scalars[1]) && (scalars[2] == "）" || scalars[2] == ")")
    }
    return chineseNumerals.contains(first) && scalars.count >= 2 && scalars[1] == "、"
  }
}
