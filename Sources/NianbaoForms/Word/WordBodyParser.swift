/// Reads `document.xml` into ``WordBlock``s: the paragraphs and tables of `w:body`, with tracked
/// changes accepted (insertions kept, deletions and moved-away text dropped), field codes,
/// hidden text, drawings and text boxes left out, and any other wrapper (`w:sdt`, `w:hyperlink`,
/// `w:smartTag`, `w:fldSimple`, `w:customXml`) read through.
struct WordBodyParser {
  enum Failure: Error, Equatable {
    case malformed(offset: Int)
    /// The root element is not a WordprocessingML `document` (another kind of Office part).
    case notAWordDocument
    /// Tables nested deeper than Word allows.
    case nestedTooDeep
  }

  private var tokens: XMLTokenizer
  private var names: WordNames!
  private var paragraphCount = 0
  private var tableDepth = 0
  private static let maximumTableDepth = 64

  private init(_ xml: [UInt8], names: WordNames?) {
    tokens = XMLTokenizer(xml)
    self.names = names
  }

  static func parse(_ xml: [UInt8]) throws(Failure) -> (blocks: [WordBlock], wordPrefix: [UInt8]) {
    var parser = WordBodyParser(xml, names: nil)
    while let token = try parser.next() {
      guard token.kind == .startTag || token.kind == .emptyTag else { continue }
      let names = WordNames(root: token, tokenizer: parser.tokens)
      guard names.element(token.name, in: xml) == .document else { throw .notAWordDocument }
      parser.names = names
      return (try parser.document(), names.word)
    }
    throw .notAWordDocument
  }

  private mutating func next() throws(Failure) -> XMLToken? {
    do throws(XMLError) {
      return try tokens.next()
    } catch {
      throw .malformed(offset: error.offset)
    }
  }

  private mutating func document() throws(Failure) -> [WordBlock] {
    while let token = try next() {
      if token.kind == .startTag, tokens.depth == 2, element(token) == .body {
        return try blocks()
      }
    }
    return []
  }

  private func element(_ token: XMLToken) -> WordElement? { names.element(token.name, in: tokens.bytes) }

  /// The paragraphs and tables up to the end of the element just opened.
  private mutating func blocks() throws(Failure) -> [WordBlock] {
    var blocks: [WordBlock] = []
    try forEachChild { parser, token throws(Failure) in
      switch parser.element(token) {
      case .p: blocks.append(.paragraph(try parser.paragraph(token)))
      case .tbl:
        if token.kind == .startTag { blocks.append(.table(try parser.table())) }
      case .sectPr, .sdtPr, .sdtEndPr, .del, .moveFrom, .fallback, .txbxContent, .tblPr, .tblGrid, .pPr, .rPr, .r:
        try parser.skip(token)
      default: break
      }
    }
    return blocks
  }

  private mutating func skip(_ token: XMLToken) throws(Failure) {
    guard token.kind == .startTag else { return }
    let depth = tokens.depth
    while let next = try next() {
      if next.kind == .endTag, tokens.depth < depth { return }
    }
  }

  /// Visits each element inside the one just opened, up to its end: `visit` is given
  /// every start or empty tag, `between` every other token (text, comments, end tags).
  private mutating func forEachChild(
    _ visit: (inout Self, XMLToken) throws(Failure) -> Void,
    between: (XMLToken) -> Void = { _ in }
  ) throws(Failure) {
    let depth = tokens.depth
    while let token = try next() {
      if token.kind == .endTag, tokens.depth < depth { return }
      guard token.kind == .startTag || token.kind == .emptyTag else {
        between(token)
        continue
      }
      try visit(&self, token)
    }
  }

  /// The range from a start tag to the end of its element.
  private mutating func subtree(_ token: XMLToken) throws(Failure) -> Range<Int> {
    try skip(token)
    return token.range.lowerBound..<(token.kind == .startTag ? tokens.position : token.range.upperBound)
  }

  private mutating func table() throws(Failure) -> WordTable {
    guard tableDepth < Self.maximumTableDepth else { throw .nestedTooDeep }
    tableDepth += 1
    defer { tableDepth -= 1 }
    var table = WordTable()
    try forEachChild { parser, token throws(Failure) in
      switch parser.element(token) {
      case .tr: table.rows.append(try parser.row(token))
      case .tblPr, .tblGrid, .sdtPr, .sdtEndPr, .del, .moveFrom, .fallback: try parser.skip(token)
      default: break
      }
    }
    return table
  }

  private mutating func row(_ start: XMLToken) throws(Failure) -> WordTable.Row {
    var row = WordTable.Row()
    guard start.kind == .startTag else { return row }
    try forEachChild { parser, token throws(Failure) in
      switch parser.element(token) {
      case .trPr: try parser.rowProperties(token, into: &row)
      case .tc: row.cells.append(try parser.cell(token))
      case .tblPrEx, .sdtPr, .sdtEndPr, .fallback: try parser.skip(token)
      default: break
      }
    }
    return row
  }

  private mutating func rowProperties(_ start: XMLToken, into row: inout WordTable.Row) throws(Failure) {
    guard start.kind == .startTag else { return }
    let depth = tokens.depth
    try forEachChild { parser, token throws(Failure) in
      switch parser.element(token) {
      case .gridBefore: row.gridBefore = min(max(parser.integer(token) ?? 0, 0), 1000)
      case .del: row.deleted = true
      default: break
      }
      if parser.tokens.depth > depth { try parser.skip(token) }
    }
  }

  private mutating func cell(_ start: XMLToken) throws(Failure) -> WordTable.Cell {
    var cell = WordTable.Cell()
    guard start.kind == .startTag else { return cell }
    try forEachChild { parser, token throws(Failure) in
      switch parser.element(token) {
      case .tcPr: try parser.cellProperties(token, into: &cell)
      case .p: cell.blocks.append(.paragraph(try parser.paragraph(token)))
      case .tbl:
        if token.kind == .startTag { cell.blocks.append(.table(try parser.table())) }
      case .sdtPr, .sdtEndPr, .del, .moveFrom, .fallback, .txbxContent: try parser.skip(token)
      default: break
      }
    }
    return cell
  }

  private mutating func cellProperties(_ start: XMLToken, into cell: inout WordTable.Cell) throws(Failure) {
    guard start.kind == .startTag else { return }
    let depth = tokens.depth
    try forEachChild { parser, token throws(Failure) in
      if parser.tokens.depth == depth + (token.kind == .startTag ? 1 : 0) {
        switch parser.element(token) {
        case .gridSpan: cell.span = min(max(parser.integer(token) ?? 1, 1), 1000)
        case .vMerge: cell.continuation = parser.value(token).map { $0 != "restart" } ?? true
        case .hMerge: cell.continuation = parser.value(token) == "continue"
        default: break
        }
      }
      try parser.skip(token)
    }
  }

  private mutating func paragraph(_ start: XMLToken) throws(Failure) -> WordParagraph {
    paragraphCount += 1
    guard start.kind == .startTag else {
      // `<w:p/>`: written again as `<w:p …>` when a run goes in.
      var openTag = Array(tokens.bytes[start.range.lowerBound..<start.range.upperBound - 2])
      while openTag.last == UInt8(ascii: " ") { openTag.removeLast() }
      return WordParagraph(number: paragraphCount, insertion: start.range, openTag: openTag + [UInt8(ascii: ">")])
    }
    var paragraph = WordParagraph(number: paragraphCount, insertion: start.range.upperBound..<start.range.upperBound)
    var boundary = Boundary.none
    try forEachChild(
      { parser, token throws(Failure) in
        switch parser.element(token) {
        case .pPr:
          try parser.paragraphProperties(token, into: &paragraph)
          paragraph.insertion = parser.tokens.position..<parser.tokens.position
        case .r: try parser.run(token, into: &paragraph, boundary: &boundary)
        case .proofErr: break
        case .del, .moveFrom, .sdtPr, .sdtEndPr, .fallback, .txbxContent, .tbl, .rPr:
          try parser.skip(token)
          boundary = .broken
        default: boundary = .broken
        }
      },
      between: { token in if token.kind != .text { boundary = .broken } }
    )
    return paragraph
  }

  private mutating func paragraphProperties(_ start: XMLToken, into paragraph: inout WordParagraph) throws(Failure) {
    guard start.kind == .startTag else { return }
    try forEachChild { parser, token throws(Failure) in
      if parser.element(token) == .rPr, token.kind == .startTag {
        (paragraph.markProperties, paragraph.markDeleted) = try parser.runProperties()
      } else {
        try parser.skip(token)
      }
    }
  }

  /// The children of the `w:rPr` just opened that a new run may carry (tracked-change marks and
  /// hidden-text marks left out), and whether it marks a deletion or hidden text.
  private mutating func runProperties() throws(Failure) -> (children: [Range<Int>], deletedOrHidden: Bool) {
    var children: [Range<Int>] = []
    var deletedOrHidden = false
    try forEachChild { parser, token throws(Failure) in
      let kind = parser.element(token)
      let range = try parser.subtree(token)
      switch kind {
      case .del, .moveFrom: deletedOrHidden = true
      case .vanish:
        let value = parser.value(token)
        if value != "0" && value != "false" && value != "off" { deletedOrHidden = true }
      case .ins, .moveTo, .rPrChange: break
      default: children.append(range)
      }
    }
    return (children, deletedOrHidden)
  }

  /// Whether the text before the next `w:t` is joined to the text after the last one only by
  /// the end of a run and the start of another.
  private enum Boundary {
    case none, joined, broken
  }

  private mutating func run(
    _ start: XMLToken,
    into paragraph: inout WordParagraph,
    boundary: inout Boundary
  ) throws(Failure) {
    guard start.kind == .startTag else { return }
    var items: [WordParagraph.Item] = []
    var properties: [Range<Int>] = []
    var hidden = false
    try forEachChild(
      { parser, token throws(Failure) in
        switch parser.element(token) {
        case .rPr:
          if token.kind == .startTag { (properties, hidden) = try parser.runProperties() }
        case .t:
          guard token.kind == .startTag else { return }
          try parser.text(into: &items, boundary: &boundary)
        case .tab, .ptab:
          items.append(.character(" ", element: try parser.subtree(token)))
          boundary = .broken
        case .noBreakHyphen:
          items.append(.character("-", element: try parser.subtree(token)))
          boundary = .broken
        case .br, .cr:
          try parser.skip(token)
          items.append(.lineBreak)
          boundary = .broken
        case .lastRenderedPageBreak, .softHyphen: try parser.skip(token)
        default:
          try parser.skip(token)
          boundary = .broken
        }
      },
      between: { token in if token.kind != .text { boundary = .broken } }
    )
    guard !hidden else { return }
    if paragraph.textRunProperties == nil, items.contains(where: { if case .text = $0 { true } else { false } }) {
      paragraph.textRunProperties = properties
    }
    paragraph.items += items
  }

  /// The text of the `w:t` just opened.
  private mutating func text(into items: inout [WordParagraph.Item], boundary: inout Boundary) throws(Failure) {
    let depth = tokens.depth
    while let inner = try next() {
      if inner.kind == .endTag, tokens.depth < depth { return }
      switch inner.kind {
      case .text:
        guard !inner.name.isEmpty else { continue }
        items.append(.text(inner.name, joinsPrevious: boundary == .joined))
        boundary = .joined
      case .cdata:
        items.append(.cdata(inner.name))
        boundary = .broken
      default:
        try skip(inner)
        boundary = .broken
      }
    }
  }

  private func value(_ token: XMLToken) -> String? {
    tokens.attribute(names.attribute("val"), of: token).map {
      String(decoding: XMLText.decoded($0, in: tokens.bytes), as: UTF8.self)
    }
  }

  private func integer(_ token: XMLToken) -> Int? { value(token).flatMap { Int($0) } }
}
