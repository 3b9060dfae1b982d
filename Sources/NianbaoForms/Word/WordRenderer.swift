/// Renders ``WordBlock``s as the text the core reads: a body paragraph one line (a line break
/// inside it another), a table row one line of cells joined by a tab. A cell's paragraphs (and
/// any table nested in it) are joined by nothing between two CJK characters and by a space
/// otherwise; a cell merged into the one above (`w:vMerge`) is left out, as a browser's copy of a
/// `rowspan` leaves it out; a cell spanning columns (`w:gridSpan`) appears once.
struct WordRenderer {
  private let xml: [UInt8]
  private let wordPrefix: [UInt8]
  private var builder = RenderedTextBuilder()
  private var tableNumber = 0

  init(xml: [UInt8], wordPrefix: [UInt8]) {
    self.xml = xml
    self.wordPrefix = wordPrefix
  }

  static func render(_ blocks: [WordBlock], xml: [UInt8], wordPrefix: [UInt8]) -> RenderedReport {
    var renderer = WordRenderer(xml: xml, wordPrefix: wordPrefix)
    var lineStart: (offset: Int, paragraph: Int)?
    for block in blocks {
      switch block {
      case .paragraph(let paragraph):
        let start = lineStart ?? (renderer.builder.count, paragraph.number)
        for (index, line) in renderer.pieces(of: [paragraph]).enumerated() {
          if index > 0 { renderer.builder.appendStructure("\n") }
          renderer.emit(line)
        }
        // A deleted paragraph mark joins this paragraph to the next, as accepting the change does.
        if paragraph.markDeleted {
          lineStart = start
          continue
        }
        renderer.builder.markPlace(from: start.offset, paragraph: start.paragraph)
        renderer.builder.appendStructure("\n")
        lineStart = nil
      case .table(let table):
        if let start = lineStart {
          renderer.builder.markPlace(from: start.offset, paragraph: start.paragraph)
          renderer.builder.appendStructure("\n")
          lineStart = nil
        }
        renderer.render(table)
      }
    }
    if let start = lineStart {
      renderer.builder.markPlace(from: start.offset, paragraph: start.paragraph)
      renderer.builder.appendStructure("\n")
    }
    return renderer.builder.build()
  }

  // MARK: Tables

  private mutating func render(_ table: WordTable) {
    tableNumber += 1
    for (rowIndex, row) in table.rows.enumerated() where !row.deleted {
      var column = row.gridBefore + 1
      var wroteCell = false
      for (cellIndex, cell) in row.cells.enumerated() {
        defer { column += cell.span }
        guard !cell.continuation else { continue }
        if wroteCell { builder.appendStructure("\t") }
        wroteCell = true
        let start = builder.count
        render(cell, at: cellIndex, of: row)
        builder.markPlace(
          from: start,
          paragraph: firstParagraph(of: cell.blocks)?.number ?? 0,
          cell: (tableNumber, rowIndex + 1, column)
        )
      }
      if wroteCell { builder.appendStructure("\n") }
    }
  }

  private mutating func render(_ cell: WordTable.Cell, at index: Int, of row: WordTable.Row) {
    let paragraphs = Self.paragraphs(of: cell.blocks)
    let groups = pieces(of: paragraphs).filter { !isBlank($0) }
    for (offset, group) in groups.enumerated() {
      if offset > 0, !(isCJK(lastScalar(of: groups[offset - 1])) && isCJK(firstScalar(of: group))) {
        builder.appendStructure(" ")
      }
      emit(group)
    }
    guard groups.isEmpty, let first = paragraphs.first else { return }
    // A blank cell: where a value goes, and the run that holds it.
    let all = pieces(of: paragraphs).joined()
    // Spaces alone in one text: the value takes their place. (An element read as a space,
    // `<w:tab/>`, cannot hold text; the value goes into a run of its own.)
    if all.count == 1, let only = all.first, xml[only.source.lowerBound] != UInt8(ascii: "<") {
      builder.appendBlankCell(source: only.source)
      return
    }
    let properties =
      first.markProperties.isEmpty ? neighbourRunProperties(of: index, in: row) : first.markProperties
    var prefix = open("r")
    if !properties.isEmpty {
      prefix += open("rPr") + properties.flatMap { xml[$0] } + close("rPr")
    }
    prefix += open("t")
    var suffix = close("t") + close("r")
    if let openTag = first.openTag {
      prefix = openTag + prefix
      suffix += close("p")
    }
    builder.appendBlankCell(
      source: first.insertion,
      prefix: String(decoding: prefix, as: UTF8.self),
      suffix: String(decoding: suffix, as: UTF8.self)
    )
  }

  /// The run properties of text in the nearest cell of the row that has some, so a value written
  /// into a blank cell looks like its neighbours.
  private func neighbourRunProperties(of index: Int, in row: WordTable.Row) -> [Range<Int>] {
    let order = row.cells.indices.sorted { abs($0 - index) < abs($1 - index) }
    for other in order where other != index {
      for paragraph in Self.paragraphs(of: row.cells[other].blocks) {
        if let properties = paragraph.textRunProperties { return properties }
      }
    }
    return []
  }

  private func open(_ local: String) -> [UInt8] { [UInt8(ascii: "<")] + qualified(local) + [UInt8(ascii: ">")] }
  private func close(_ local: String) -> [UInt8] { Array("</".utf8) + qualified(local) + [UInt8(ascii: ">")] }
  private func qualified(_ local: String) -> [UInt8] {
    wordPrefix.isEmpty ? Array(local.utf8) : wordPrefix + [UInt8(ascii: ":")] + Array(local.utf8)
  }

  /// A cell's paragraphs in order, those of nested tables too (but not of merged-away cells).
  private static func paragraphs(of blocks: [WordBlock]) -> [WordParagraph] {
    blocks.flatMap { block -> [WordParagraph] in
      switch block {
      case .paragraph(let paragraph): [paragraph]
      case .table(let table):
        table.rows.filter { !$0.deleted }.flatMap {
          $0.cells.filter { !$0.continuation }.flatMap { paragraphs(of: $0.blocks) }
        }
      }
    }
  }

  private func firstParagraph(of blocks: [WordBlock]) -> WordParagraph? { Self.paragraphs(of: blocks).first }

  // MARK: Pieces of text

  /// A piece of rendered text and the source bytes it stands for.
  struct Piece {
    var source: Range<Int>
    /// What the piece reads as, when that is not its source bytes.
    var respelling: [UInt8]?
    /// Only the end of one run and the start of the next stand between the piece before and this.
    var joinsPrevious = false
  }

  /// The pieces of `paragraphs`, in lines: a line break and the end of a paragraph end a line
  /// (joined paragraphs, whose mark was deleted, run on).
  private func pieces(of paragraphs: [WordParagraph]) -> [[Piece]] {
    var lines: [[Piece]] = [[]]
    for (index, paragraph) in paragraphs.enumerated() {
      if index > 0, !paragraphs[index - 1].markDeleted { lines.append([]) }
      for item in paragraph.items {
        switch item {
        case .text(let range, let joinsPrevious):
          var first = true
          for piece in XMLText.pieces(of: range, in: xml) {
            switch piece {
            case .verbatim(let range):
              lines[lines.count - 1] += verbatimPieces(range, joinsPrevious: first && joinsPrevious)
            case .reference(let range, let decoded):
              lines[lines.count - 1].append(Piece(source: range, respelling: spaced(decoded)))
            }
            first = false
          }
        case .cdata(let range):
          lines[lines.count - 1].append(Piece(source: range, respelling: spaced(Array(xml[range]))))
        case .character(let text, let element):
          lines[lines.count - 1].append(Piece(source: element, respelling: Array(text.utf8)))
        case .lineBreak:
          lines.append([])
        }
      }
    }
    return lines
  }

  /// Text as written, but a tab or line end in it (which Word shows as a space) read as a space:
  /// in the rendered text they would end a cell or a line.
  private func verbatimPieces(_ range: Range<Int>, joinsPrevious: Bool) -> [Piece] {
    var pieces: [Piece] = []
    var start = range.lowerBound
    for index in range where isControl(xml[index]) {
      if start < index { pieces.append(Piece(source: start..<index)) }
      pieces.append(Piece(source: index..<index + 1, respelling: [UInt8(ascii: " ")]))
      start = index + 1
    }
    if start < range.upperBound { pieces.append(Piece(source: start..<range.upperBound)) }
    if joinsPrevious, !pieces.isEmpty { pieces[0].joinsPrevious = true }
    return pieces
  }

  private func spaced(_ bytes: [UInt8]) -> [UInt8] { bytes.map { isControl($0) ? UInt8(ascii: " ") : $0 } }
  private func isControl(_ byte: UInt8) -> Bool { byte == 9 || byte == 10 || byte == 13 }

  private func bytes(of piece: Piece) -> ArraySlice<UInt8> { piece.respelling.map { $0[...] } ?? xml[piece.source] }

  /// Writes a line's pieces. A number split over two runs (`2` `58`, as Word splits text where it
  /// was edited) becomes one respelled piece covering both and the markup between, so a fix can
  /// rewrite the number as one.
  private mutating func emit(_ pieces: [Piece]) {
    var index = 0
    var consumed = 0  // bytes of pieces[index] already written
    while index < pieces.count {
      let piece = pieces[index]
      guard piece.respelling == nil else {
        builder.appendRespelled(String(decoding: piece.respelling!, as: UTF8.self), source: piece.source)
        index += 1
        consumed = 0
        continue
      }
      let start = piece.source.lowerBound + consumed
      guard index + 1 < pieces.count, bridges(pieces[index], pieces[index + 1]) else {
        if start < piece.source.upperBound {
          builder.appendVerbatim(xml[start..<piece.source.upperBound], source: start..<piece.source.upperBound)
        }
        index += 1
        consumed = 0
        continue
      }
      let digitsStart = max(start, piece.source.upperBound - trailingDigits(piece.source))
      if start < digitsStart { builder.appendVerbatim(xml[start..<digitsStart], source: start..<digitsStart) }
      var text = Array(xml[digitsStart..<piece.source.upperBound])
      var next = index + 1
      while true {
        let following = pieces[next].source
        let leading = leadingDigits(following)
        text += xml[following.lowerBound..<following.lowerBound + leading]
        if leading == following.count, next + 1 < pieces.count, bridges(pieces[next], pieces[next + 1]) {
          next += 1
          continue
        }
        builder.appendRespelled(
          String(decoding: text, as: UTF8.self),
          source: digitsStart..<following.lowerBound + leading
        )
        index = next
        consumed = leading
        break
      }
    }
  }

  private func bridges(_ left: Piece, _ right: Piece) -> Bool {
    right.joinsPrevious && left.respelling == nil && right.respelling == nil && trailingDigits(left.source) > 0
      && leadingDigits(right.source) > 0
  }

  private func trailingDigits(_ range: Range<Int>) -> Int {
    var count = 0
    while count < range.count, isDigit(xml[range.upperBound - 1 - count]) { count += 1 }
    return count
  }

  private func leadingDigits(_ range: Range<Int>) -> Int {
    var count = 0
    while count < range.count, isDigit(xml[range.lowerBound + count]) { count += 1 }
    return count
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  // MARK: Characters

  /// A line with nothing but spaces (ASCII, U+00A0, U+3000).
  private func isBlank(_ pieces: [Piece]) -> Bool {
    pieces.allSatisfy { piece in
      String(decoding: bytes(of: piece), as: UTF8.self).unicodeScalars.allSatisfy {
        $0 == " " || $0 == "\u{A0}" || $0 == "\u{3000}"
      }
    }
  }

  private func firstScalar(of pieces: [Piece]) -> Unicode.Scalar? {
    pieces.lazy.compactMap { String(decoding: self.bytes(of: $0), as: UTF8.self).unicodeScalars.first }.first
  }

  private func lastScalar(of pieces: [Piece]) -> Unicode.Scalar? {
    pieces.reversed().lazy.compactMap { String(decoding: self.bytes(of: $0), as: UTF8.self).unicodeScalars.last }.first
  }

  /// CJK ideographs, punctuation, kana and full-width forms: text that runs on without spaces.
  private func isCJK(_ scalar: Unicode.Scalar?) -> Bool {
    guard let value = scalar?.value else { return false }
    return (0x2E80...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
      || (0xFF00...0xFFEF).contains(value) || (0x20000...0x3FFFF).contains(value)
  }
}
