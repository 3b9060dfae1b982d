/// The elements of WordprocessingML the reader acts on, by local name. Every other element is
/// read through (its content counts) unless the reader skips it by role.
enum WordElement: CaseIterable {
  case document, body
  case p, pPr, rPr, r, t, tab, ptab, br, cr, noBreakHyphen, softHyphen, sym
  case ins, del, moveFrom, moveTo, instrText, delText, rPrChange, pPrChange, vanish
  case tbl, tr, tc, trPr, tcPr, tblPr, tblGrid, tblPrEx, gridSpan, vMerge, hMerge, gridBefore
  case sectPr, sdtPr, sdtEndPr, txbxContent, drawing, pict, object, fldData, ffData
  case proofErr, lastRenderedPageBreak
  /// `mc:Fallback`, in the markup-compatibility namespace: the same content again, for older
  /// readers.
  case fallback

  var localName: String {
    switch self {
    case .fallback: "Fallback"
    default: "\(self)"
    }
  }
}

/// Which prefixes the document binds to WordprocessingML and to markup compatibility, read from
/// the root element (where Word declares every namespace), and the element of a tag's name.
struct WordNames {
  /// The prefix of WordprocessingML (`w` as Word writes it; empty for a default namespace).
  let word: [UInt8]
  let compatibility: [UInt8]
  /// Local names by length, then the candidates of that length.
  private let byLength: [[(name: [UInt8], element: WordElement)]]

  static let wordNamespaces: [[UInt8]] = [
    Array("http://schemas.openxmlformats.org/wordprocessingml/2006/main".utf8),
    Array("http://purl.oclc.org/ooxml/wordprocessingml/main".utf8),
  ]
  static let compatibilityNamespace = Array("http://schemas.openxmlformats.org/markup-compatibility/2006".utf8)

  /// The bindings declared on `root`; `w` and `mc` when the document declares none.
  init(root: XMLToken, tokenizer: XMLTokenizer) {
    var word: [UInt8]?
    var compatibility: [UInt8]?
    let bytes = tokenizer.bytes
    for (name, value) in tokenizer.attributes(of: root) {
      let qualified = bytes[name]
      let prefix: [UInt8]
      if qualified.elementsEqual("xmlns".utf8) {
        prefix = []
      } else if qualified.starts(with: "xmlns:".utf8) {
        prefix = Array(qualified.dropFirst(6))
      } else {
        continue
      }
      let uri = XMLText.decoded(value, in: bytes)
      if word == nil, Self.wordNamespaces.contains(uri) { word = prefix }
      if compatibility == nil, uri == Self.compatibilityNamespace { compatibility = prefix }
    }
    self.word = word ?? Array("w".utf8)
    self.compatibility = compatibility ?? Array("mc".utf8)
    var byLength = [[(name: [UInt8], element: WordElement)]](repeating: [], count: 32)
    for element in WordElement.allCases where element != .fallback {
      let name = Array(element.localName.utf8)
      byLength[name.count].append((name, element))
    }
    self.byLength = byLength
  }

  /// The element a tag names, if it is one the reader acts on.
  func element(_ name: Range<Int>, in bytes: [UInt8]) -> WordElement? {
    if let local = local(name, prefix: word, in: bytes) {
      guard local.count < byLength.count else { return nil }
      for candidate in byLength[local.count]
      where bytes.matches(candidate.name, at: local.lowerBound, from: 0..<candidate.name.count) {
        return candidate.element
      }
      return nil
    }
    if let local = local(name, prefix: compatibility, in: bytes), local.count == 8,
      bytes.matches(Self.fallback, at: local.lowerBound, from: 0..<8)
    {
      return .fallback
    }
    return nil
  }

  private static let fallback = Array("Fallback".utf8)

  /// The attribute `w:name` as this document spells it.
  func attribute(_ local: String) -> [UInt8] {
    word.isEmpty ? Array(local.utf8) : word + [UInt8(ascii: ":")] + Array(local.utf8)
  }

  /// The local part of a qualified name with the given prefix.
  private func local(_ name: Range<Int>, prefix: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
    if prefix.isEmpty {
      return bytes[name].contains(UInt8(ascii: ":")) ? nil : name
    }
    guard name.count > prefix.count, bytes[name.lowerBound + prefix.count] == UInt8(ascii: ":"),
      bytes.matches(prefix, at: name.lowerBound, from: 0..<prefix.count)
    else { return nil }
    return name.lowerBound + prefix.count + 1..<name.upperBound
  }
}
