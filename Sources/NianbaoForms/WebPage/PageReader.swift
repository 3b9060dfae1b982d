/// Reads a page's tokens into the lines a browser shows.
///
/// Tables: each `<tr>` is one line, its cells in source order joined by tabs. A cell with
/// `colspan` appears once, and a cell covered by a `rowspan` from a row above is left out of the
/// rows below: that is what a browser's copy and Word's "save as text" give, and how the core
/// reads a national-format table (its readers find table 三's seven values after the labels,
/// wherever the labels' merged cells put them, and table 四's fifteen numbers in its one data
/// row). A table that holds another table is page layout, not data: its cells are read as
/// paragraphs, and the tables inside it as tables.
struct PageReader {
  private let html: [UInt8]
  private(set) var lines: [PageLine] = []
  private var paragraph = LineCollector()
  private var tables: [TableState] = []
  /// Open elements whose content is not shown (`<select>`, `<template>`).
  private var hiddenDepth = 0

  private struct TableState {
    var isLayout = false
    var row: [PageCell]?
    var cell: CellState?
  }

  private struct CellState {
    var text = LineCollector()
    var place = BlankCellPlace()
  }

  init(_ html: [UInt8]) { self.html = html }

  static func lines(of html: [UInt8]) -> [PageLine] {
    var reader = PageReader(html)
    var tokenizer = HTMLTokenizer(html)
    while let token = tokenizer.next() { reader.read(token) }
    reader.finish()
    return reader.lines
  }

  private static let blocks: Set<String> = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "hr", "pre",
    "blockquote", "center", "section", "article", "header", "footer", "nav", "aside", "main", "address",
    "figure", "figcaption", "form", "fieldset", "legend", "caption", "body", "html", "head", "details",
    "summary", "hgroup", "dialog", "menu", "option",
  ]
  private static let hidden: Set<String> = ["select", "template", "object", "svg", "math"]
  /// Elements that never have content or an end tag.
  static let void: Set<String> = [
    "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr",
  ]

  mutating func read(_ token: HTMLToken) {
    switch token {
    case .text(let range):
      if hiddenDepth == 0 { readText(range) }
    case .startTag(let name, let range):
      if Self.hidden.contains(name) {
        hiddenDepth += 1
        return
      }
      guard hiddenDepth == 0 else { return }
      startTag(name, range: range)
    case .endTag(let name, let range):
      if Self.hidden.contains(name) {
        hiddenDepth = max(0, hiddenDepth - 1)
        return
      }
      guard hiddenDepth == 0 else { return }
      endTag(name, range: range)
    }
  }

  mutating func finish() {
    while !tables.isEmpty { endTable() }
    endParagraph()
  }

  // MARK: Tags

  private mutating func startTag(_ name: String, range: Range<Int>) {
    switch name {
    case "table":
      if let index = tables.indices.last {
        makeLayout(index)
      } else {
        endParagraph()
      }
      tables.append(TableState())
    case "tr":
      guard let index = dataTable() else { return breakBlock() }
      endRow(index)
      tables[index].row = []
    case "td", "th":
      guard let index = dataTable() else { return breakBlock() }
      endCell(index)
      if tables[index].row == nil { tables[index].row = [] }
      var cell = CellState()
      cell.place.open(at: range.upperBound)
      tables[index].cell = cell
    default:
      if Self.blocks.contains(name) { breakBlock() }
      if let index = dataTable(), tables[index].cell != nil, !Self.void.contains(name) {
        tables[index].cell!.place.enter(at: range.upperBound)
      }
    }
  }

  private mutating func endTag(_ name: String, range: Range<Int>) {
    switch name {
    case "table":
      if !tables.isEmpty { endTable() }
    case "tr":
      guard let index = dataTable() else { return breakBlock() }
      endRow(index)
    case "td", "th":
      guard let index = dataTable() else { return breakBlock() }
      endCell(index)
    default:
      if Self.blocks.contains(name) { breakBlock() }
      if let index = dataTable(), tables[index].cell != nil { tables[index].cell!.place.leave() }
    }
  }

  /// The innermost table when it is a data table.
  private func dataTable() -> Int? {
    guard let index = tables.indices.last, !tables[index].isLayout else { return nil }
    return index
  }

  private mutating func breakBlock() {
    if let index = dataTable() {
      tables[index].cell?.text.addCellBreak()
    } else {
      endParagraph()
    }
  }

  private mutating func endParagraph() {
    guard !paragraph.isEmpty else { return }
    lines.append(PageLine(cells: [PageCell(pieces: paragraph.take())], isRow: false))
  }

  private mutating func endCell(_ index: Int) {
    guard let cell = tables[index].cell else { return }
    tables[index].cell = nil
    var finished = PageCell(pieces: cell.text.pieces)
    finished.blank = cell.place.range
    if tables[index].row == nil { tables[index].row = [] }
    tables[index].row!.append(finished)
  }

  private mutating func endRow(_ index: Int) {
    endCell(index)
    guard let row = tables[index].row else { return }
    tables[index].row = nil
    // A row of blank cells (a spacer) carries nothing to read.
    guard row.contains(where: { !$0.pieces.isEmpty }) else { return }
    lines.append(PageLine(cells: row, isRow: row.count > 1))
  }

  private mutating func endTable() {
    guard let index = tables.indices.last else { return }
    if !tables[index].isLayout { endRow(index) }
    tables.removeLast()
    breakBlock()
  }

  /// A table found to hold another table: what it has read so far becomes paragraphs.
  private mutating func makeLayout(_ index: Int) {
    guard !tables[index].isLayout else { return endParagraph() }
    endCell(index)
    for cell in tables[index].row ?? [] where !cell.pieces.isEmpty {
      lines.append(PageLine(cells: [cell], isRow: false))
    }
    tables[index].row = nil
    tables[index].isLayout = true
  }

  // MARK: Text

  private mutating func readText(_ range: Range<Int>) {
    let inCell = dataTable().map { tables[$0].cell != nil } ?? false
    if let index = dataTable(), !inCell {
      // Text between a table's cells: a browser moves it out before the table; here it opens a
      // cell of its own unless it is only white space.
      guard TextScanner.hasText(html, range) else { return }
      if tables[index].row == nil { tables[index].row = [] }
      var cell = CellState()
      cell.place.open(at: range.lowerBound)
      tables[index].cell = cell
    }
    var collector: LineCollector
    if let index = dataTable() {
      collector = tables[index].cell!.text
      tables[index].cell!.text = LineCollector()
      tables[index].cell!.place.noteText(range, html: html)
    } else {
      collector = paragraph
      paragraph = LineCollector()
    }
    TextScanner.scan(html, range, into: &collector)
    if let index = dataTable() {
      tables[index].cell!.text = collector
    } else {
      paragraph = collector
    }
  }
}

/// Where a value goes in a blank cell: the `&nbsp;` (or other white space) inside the innermost
/// element of the cell, else the empty place inside the innermost element (`<p></p>`), which for
/// `<td></td>` is just before `</td>`. Writing `272` there turns `<td><p>&nbsp;</p></td>` into
/// `<td><p>272</p></td>` and keeps every other byte.
struct BlankCellPlace {
  private(set) var range: Range<Int> = 0..<0
  private var depth = 0
  private var placeDepth = 0
  private var holdsSpaceCharacter = false

  mutating func open(at offset: Int) {
    range = offset..<offset
  }

  /// An element opens inside the cell, its content starting at `offset`.
  mutating func enter(at offset: Int) {
    depth += 1
    if !holdsSpaceCharacter, depth >= placeDepth {
      range = offset..<offset
      placeDepth = depth
    }
  }

  mutating func leave() { depth = max(0, depth - 1) }

  /// Text inside the cell: only white space can be a blank cell's place.
  mutating func noteText(_ text: Range<Int>, html: [UInt8]) {
    guard !holdsSpaceCharacter, !TextScanner.hasText(html, text) else { return }
    if let characters = TextScanner.spaceCharacters(html, text) {
      range = characters
      holdsSpaceCharacter = true
    } else if depth >= placeDepth {
      range = text
      placeDepth = depth
    }
  }
}
