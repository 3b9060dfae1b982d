/// The body of a Word document as its XML has it (pandoc's `Docx` picture before any mapping):
/// paragraphs with the text of their runs, tables of rows of cells with their merges. Every
/// piece keeps its byte range in `document.xml`, so edits can go back there.
enum WordBlock {
  case paragraph(WordParagraph)
  case table(WordTable)
}

struct WordParagraph {
  /// 1-based, counting every `w:p` of the body in order, those in tables too.
  var number: Int
  var items: [Item] = []
  /// Where a new run goes: just after the paragraph's properties (an empty range), or the whole
  /// element when it is written `<w:p/>` and must be replaced.
  var insertion: Range<Int>
  /// The start tag to write for a `<w:p/>` that gets content (`<w:p …>`); nil otherwise.
  var openTag: [UInt8]?
  /// The children of the paragraph mark's run properties (`w:pPr/w:rPr`) that a run may carry.
  var markProperties: [Range<Int>] = []
  /// The run properties of the first run with text, for a blank cell whose mark has none.
  var textRunProperties: [Range<Int>]?
  /// The paragraph mark is a tracked deletion: accepted, the paragraph runs on into the next.
  var markDeleted = false

  enum Item {
    /// Character data of a `w:t` (entities not decoded). `joinsPrevious`: between the text before
    /// and this one stands only the end of one run and the start of the next, so a number split
    /// over the two can be rewritten as one.
    case text(Range<Int>, joinsPrevious: Bool)
    /// A CDATA section's content inside `w:t`.
    case cdata(Range<Int>)
    /// An element that reads as a character: `w:tab` as a space, `w:noBreakHyphen` as `-`.
    case character(String, element: Range<Int>)
    /// `w:br`, `w:cr`.
    case lineBreak
  }
}

struct WordTable {
  var rows: [Row] = []

  struct Row {
    var cells: [Cell] = []
    /// Grid columns left empty before the first cell (`w:gridBefore`).
    var gridBefore = 0
    /// A tracked deletion of the whole row.
    var deleted = false
  }

  struct Cell {
    /// Grid columns the cell covers (`w:gridSpan`).
    var span = 1
    /// The continuation of a merge from the cell above (`w:vMerge` without `restart`) or from the
    /// left (`w:hMerge` continue): no cell of its own for a reader.
    var continuation = false
    var blocks: [WordBlock] = []
  }
}
