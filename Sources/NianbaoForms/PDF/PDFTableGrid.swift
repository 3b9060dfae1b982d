/// A statistical table of a PDF read from where its words stand. The text of a PDF holds only
/// the numbers that are there: a row of table 三 with three blank cells is four numbers, and
/// nothing says which four columns they stand in. Their boxes do: the columns are found from
/// the header's words, and each word of a data row is placed in the column it stands under, so
/// a blank cell is a blank cell.
struct PDFTableGrid {
  /// Each data row, top to bottom: per column, the word standing in it (nil: a blank cell).
  var rows: [[String?]]
  /// The index of the first line of words after the table.
  var end: Int

  /// What tells a table's words from the rest of the page.
  struct Shape {
    /// A word of the header's top row.
    var header: String
    var columns: Int
    /// The start of the last data row's label, when the table has several rows.
    var lastRow: String?
    var maxRows: Int

    static let table3 = Shape(header: "申请人情况", columns: 7, lastRow: "四、结转", maxRows: 30)
    static let table4 = Shape(header: "行政复议", columns: 15, lastRow: nil, maxRows: 1)
  }

  /// The words in lines: by page, top to bottom, each line's words left to right. Words whose
  /// tops are within 2.5 points of the line's first word share its line (a number and the label
  /// beside it are set in different fonts).
  static func lines(of words: [PDFWord]) -> [[PDFWord]] {
    let sorted = words.sorted { ($0.page, $0.yMin, $0.xMin) < ($1.page, $1.yMin, $1.xMin) }
    var lines: [[PDFWord]] = []
    for word in sorted {
      if let first = lines.last?.first, first.page == word.page, word.yMin - first.yMin < 2.5 {
        lines[lines.count - 1].append(word)
      } else {
        lines.append([word])
      }
    }
    return lines.map { $0.sorted { $0.xMin < $1.xMin } }
  }

  static func isNumber(_ word: PDFWord) -> Bool {
    !word.text.isEmpty && word.text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// The table of this shape that starts at or after line `start`; nil when its header's columns
  /// or its rows cannot be told for certain.
  static func read(_ shape: Shape, lines: [[PDFWord]], from start: Int) -> PDFTableGrid? {
    guard let top = lines[start...].firstIndex(where: { $0.contains { $0.text == shape.header } }) else { return nil }
    var header: [PDFWord] = []
    var index = top
    // The header runs down to the first line with a number: in table 三, a number right of a label.
    while index < lines.count {
      let line = lines[index]
      let opensRows =
        shape.lastRow == nil
        ? line.contains(where: isNumber) : (line.firstIndex(where: isNumber).map { $0 > 0 } ?? false)
      if opensRows { break }
      header += line
      index += 1
    }
    var data: [[PDFWord]] = []
    var foundLast = false
    while index < lines.count, data.count < shape.maxRows, !foundLast {
      let line = lines[index]
      index += 1
      guard line.contains(where: isNumber) else { continue }
      data.append(line)
      foundLast = shape.lastRow.map { lastRow in line.contains { $0.text.hasPrefix(lastRow) } } ?? true
    }
    guard foundLast else { return nil }

    // The labels end where the first number of a row begins; the header's words right of them
    // name the columns.
    var labelEnd = 0.0
    for line in data {
      guard let first = line.firstIndex(where: isNumber) else { continue }
      for word in line[..<first] where !isNumber(word) { labelEnd = max(labelEnd, word.xMax) }
    }
    guard let columns = columns(of: header.filter { $0.xMin >= labelEnd - 0.5 && !isNumber($0) }),
      columns.count == shape.columns
    else { return nil }
    // A word belongs to the column whose stretch holds its centre: the stretches meet halfway
    // between two columns' headers.
    var bounds: [Double] = []
    for (left, right) in zip(columns, columns.dropFirst()) {
      guard left.xMax < right.xMin else { return nil }
      bounds.append((left.xMax + right.xMin) / 2)
    }
    var rows: [[String?]] = []
    for line in data {
      var cells = [String?](repeating: nil, count: shape.columns)
      for word in line where word.xMin >= labelEnd - 0.5 {
        let column = bounds.firstIndex { word.xCenter < $0 } ?? bounds.count
        guard cells[column] == nil else { return nil }
        cells[column] = word.text
      }
      rows.append(cells)
    }
    return PDFTableGrid(rows: rows, end: index)
  }

  /// The columns a header's words stand over, left to right. Read from the bottom up: a word
  /// under no column yet opens one, a word over exactly one column (a header cell's text broken
  /// over lines, `商业` over `企业`) widens it, and a word over several (`法人或其他组织`, `申请人情况`)
  /// spans them and names none.
  static func columns(of header: [PDFWord]) -> [(xMin: Double, xMax: Double)]? {
    var columns: [(xMin: Double, xMax: Double)] = []
    let bottomUp = header.sorted { ($0.page, $0.yMin) > ($1.page, $1.yMin) }
    for word in bottomUp {
      let over = columns.indices.filter { word.overlapsHorizontally(columns[$0].xMin, columns[$0].xMax) }
      if over.isEmpty {
        columns.append((word.xMin, word.xMax))
      } else if over.count == 1 {
        columns[over[0]] = (min(columns[over[0]].xMin, word.xMin), max(columns[over[0]].xMax, word.xMax))
      }
    }
    return columns.sorted { $0.xMin < $1.xMin }
  }
}
