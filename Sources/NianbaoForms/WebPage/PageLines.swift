/// A page as the lines a browser shows: paragraphs, and table rows of cells. What the report
/// finder chooses from and the renderer writes out.
struct PageLine {
  /// A paragraph has one cell; a table row has one per `<td>`/`<th>` it holds.
  var cells: [PageCell]
  var isRow: Bool

  /// The line's text as it will be rendered (cells joined by tabs).
  func text(in html: [UInt8]) -> String {
    var bytes: [UInt8] = []
    for (index, cell) in cells.enumerated() {
      if index > 0 { bytes.append(0x09) }
      for piece in cell.pieces { piece.append(to: &bytes, html: html) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

struct PageCell {
  var pieces: [PagePiece] = []
  /// For a blank cell: where a value goes (see ``BlankCellPlace``).
  var blank: Range<Int> = 0..<0
}

/// A piece of a line's text and where it came from.
enum PagePiece {
  /// Bytes of the page, copied as they are.
  case verbatim(Range<Int>)
  /// Text standing for page bytes spelt otherwise (an entity, a run of white space).
  case respelled([UInt8], source: Range<Int>)
  /// Text the renderer writes itself (the space joining two paragraphs of a cell).
  case joint([UInt8])

  func append(to bytes: inout [UInt8], html: [UInt8]) {
    switch self {
    case .verbatim(let range): bytes.append(contentsOf: html[range])
    case .respelled(let text, _), .joint(let text): bytes.append(contentsOf: text)
    }
  }
}

/// Collects the text of one paragraph or cell, collapsing white space as a browser does: a run of
/// spaces, line ends, tabs, U+00A0 and U+3000 (literal or as entities) is one space, none at the
/// start or end. A run of plain white space holding a line end between two CJK characters is no
/// space at all (CSS Text 3's segment-break rule: Word's HTML breaks long Chinese lines anywhere).
struct LineCollector {
  private(set) var pieces: [PagePiece] = []
  private var lastScalar: UInt32 = 0
  /// White space seen since the last text; whether it held a line end, and whether it held a
  /// space that is never dropped (U+00A0, U+3000, an entity).
  private var space: (source: Range<Int>, newline: Bool, hard: Bool)?
  /// A paragraph or line break inside a table cell, not yet written.
  private var cellBreak = false

  var isEmpty: Bool { pieces.isEmpty }

  mutating func addSpace(_ source: Range<Int>, newline: Bool, hard: Bool) {
    guard !pieces.isEmpty else { return }
    if let previous = space {
      // A run broken by tags (`a </span> b`) stands at its first piece.
      space = (previous.source, previous.newline || newline, previous.hard || hard)
    } else {
      space = (source, newline, hard)
    }
  }

  /// A `<p>`, `<br>` or `<div>` boundary inside a cell: the cell's pieces are joined by nothing
  /// when both sides are CJK (one label broken over two lines), else by one space (so `12<br>3`
  /// stays two numbers).
  mutating func addCellBreak() {
    guard !pieces.isEmpty else { return }
    cellBreak = true
  }

  mutating func add(_ piece: PagePiece, first: UInt32, last: UInt32, html: [UInt8]) {
    if cellBreak {
      if !(isCJK(lastScalar) && isCJK(first)) { pieces.append(.joint([0x20])) }
    } else if let run = space, !(run.newline && !run.hard && isCJK(lastScalar) && isCJK(first)) {
      let source = run.source
      pieces.append(
        source.count == 1 && html[source.lowerBound] == 0x20 ? .verbatim(source) : .respelled([0x20], source: source)
      )
    }
    space = nil
    cellBreak = false
    pieces.append(piece)
    lastScalar = last
  }

  mutating func take() -> [PagePiece] {
    defer { self = LineCollector() }
    return pieces
  }
}

/// CJK ideographs, their punctuation and full-width forms.
func isCJK(_ scalar: UInt32) -> Bool {
  (0x2E80...0x9FFF).contains(scalar) || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar)
    || (0xFF00...0xFFEF).contains(scalar) || (0x20000...0x2FFFF).contains(scalar)
}
