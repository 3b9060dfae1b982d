/// A report published as a web page (`.html`, `.htm`, as a site serves it or a browser saves
/// it), rendered as the text the core reads: the report's paragraphs one a line, each table row
/// one line of cells joined by tabs, a blank cell an empty field; the site's navigation and
/// footer left out. Every piece of the text maps back to the bytes of the page it came from.
package enum WebPage {
  /// The character set a page declares in its first 4 KB (`<meta charset>`, `<meta
  /// http-equiv="Content-Type" content="…; charset=…">`, an XML declaration, or a byte order
  /// mark), lower-cased: `utf-8`, `gb2312`, `gbk`, `gb18030` …; nil when it declares none.
  package static func declaredCharset(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
    if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
    let head = bytes.prefix(4096).map(lowercased)
    var index = 0
    while let tag = find(Array("<".utf8), in: head, from: index) {
      let end = find(Array(">".utf8), in: head, from: tag) ?? head.count
      let text = head[tag..<end]
      index = end
      guard text.starts(with: "<meta".utf8) || text.starts(with: "<?xml".utf8) else { continue }
      let key = text.starts(with: "<?xml".utf8) ? "encoding" : "charset"
      guard let found = find(Array(key.utf8), in: head, from: tag), found < end else { continue }
      var value = found + key.utf8.count
      while value < end, isSpace(head[value]) { value += 1 }
      guard value < end, head[value] == UInt8(ascii: "=") else { continue }
      value += 1
      while value < end, isSpace(head[value]) || head[value] == UInt8(ascii: "\"") || head[value] == UInt8(ascii: "'") {
        value += 1
      }
      var stop = value
      while stop < end, isCharsetByte(head[stop]) { stop += 1 }
      guard stop > value else { continue }
      let name = String(decoding: head[value..<stop], as: UTF8.self)
      return name == "utf8" ? "utf-8" : name
    }
    return nil
  }

  /// The page's report as text. `html` is the page's text as UTF-8 (the caller decodes the
  /// declared character set); every segment's `source` is a byte range into exactly these bytes.
  package static func render(_ html: [UInt8]) -> RenderedReport {
    let lines = PageReader.lines(of: html)
    let kept = ReportFinder.reportLines(lines.map { $0.text(in: html) }, isRow: lines.map(\.isRow))
    var builder = RenderedTextBuilder()
    for index in kept {
      write(lines[index], html: html, into: &builder)
      builder.appendStructure("\n")
    }
    return builder.build()
  }

  private static func write(_ line: PageLine, html: [UInt8], into builder: inout RenderedTextBuilder) {
    for (index, cell) in line.cells.enumerated() {
      if index > 0 { builder.appendStructure("\t") }
      if cell.pieces.isEmpty {
        builder.appendBlankCell(source: cell.blank)
        continue
      }
      for piece in cell.pieces {
        switch piece {
        case .verbatim(let range): builder.appendVerbatim(html[range], source: range)
        case .respelled(let text, let source):
          builder.appendRespelled(String(decoding: text, as: UTF8.self), source: source)
        case .joint(let text): builder.appendStructure(String(decoding: text, as: UTF8.self))
        }
      }
    }
  }

  private static func isCharsetByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
  }

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
    var index = start
    while index + needle.count <= bytes.count {
      if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
