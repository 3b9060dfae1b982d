/// Something the editor can offer at the cursor: a label in the format's exact wording, or a
/// whole table.
public struct CompletionCandidate: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case sectionHeading
    case subheading
    case rowLabel
    case columnLabel
    case wholeTable
  }

  /// What the list shows, and for labels the text inserted.
  public let label: String
  public let kind: Kind
  /// The section the label belongs in (1–6): its heading, or the table of 二, 三 or 四.
  public let section: Int?
  /// Where it stands in the format, e.g. `表三 行` / `table 三, row`.
  public let detail: LocalizedText
  /// For a whole table: the table itself.
  public let template: TableTemplate?

  /// The text inserted when the editor takes no snippets.
  public var plainText: String { template?.plainText ?? label }
  /// The text inserted as a snippet; nil when the candidate is plain text.
  public var snippet: String? { template?.snippet }

  let key: CompletionKey
  /// Its place in the format, for a stable order.
  let formatOrder: Int

  init(
    label: String,
    kind: Kind,
    section: Int?,
    detail: LocalizedText,
    template: TableTemplate? = nil,
    searchText: String? = nil,
    formatOrder: Int
  ) {
    self.label = label
    self.kind = kind
    self.section = section
    self.detail = detail
    self.template = template
    self.key = CompletionKey(searchText ?? label)
    self.formatOrder = formatOrder
  }
}

/// A label reduced for matching what was typed: its leading numbering (`三` `(三)` `1`) apart,
/// and its words without spaces, punctuation and brackets, full-width forms folded.
struct CompletionKey: Sendable, Hashable {
  var numbering: String
  var words: String

  /// `一二三四五六七八九十0123456789()`.
  private static func isNumberingScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "(", ")":
      true
    default: false
    }
  }

  /// `、.,，。` and the space.
  private static func isNumberingMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "、", ".", ",", "，", "。", " ": true
    default: false
    }
  }

  /// Punctuation left out of the words.
  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "`", ":", ";", ",", ".", "!", "?", "、", "，", "。", "：", "；", "！", "？", "·", "・", "-", "—", "–", "_",
      "*", "~", "#", "|", "/", "\\", "<", ">", "《", "》", "〈", "〉", "(", ")", "[", "]", "【", "】":
      true
    default: false
    }
  }

  init(_ text: some StringProtocol) {
    // Folded scalars without spaces, and the words without punctuation, each made in one pass:
    // this runs for every candidate a report is looked through for.
    var folded: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      let f = LabelText.widthFolded(scalar)
      if !LabelText.isSpace(f) { folded.append(f) }
    }
    var index = 0
    var numbering = String.UnicodeScalarView()
    while index < folded.count, Self.isNumberingScalar(folded[index]) || Self.isNumberingMark(folded[index]) {
      if Self.isNumberingScalar(folded[index]) { numbering.append(folded[index]) }
      index += 1
    }
    // `三安全一稳定` is words, not a numbering: a numbering ends with its mark or bracket.
    if index < folded.count, index > 0, !Self.isNumberingMark(folded[index - 1]), folded[index - 1] != ")" {
      index = 0
      numbering = String.UnicodeScalarView()
    }
    self.numbering = String(numbering)
    var words = String.UnicodeScalarView()
    for scalar in folded[index...] where !Self.isDropped(scalar) { words.append(scalar) }
    self.words = String(words)
  }
}
