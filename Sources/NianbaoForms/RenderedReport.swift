/// A report published in another form (a web page, a Word document), rendered as the plain text
/// every reader and rule of nianbao knows: each paragraph one line, each table row one line of
/// cells joined by a tab, a blank cell an empty field. No reader or rule ever learns which form
/// the text came from; positions and fixes travel back to the file through ``segments``, as ruff
/// maps a notebook's cells to one Python text and back.
package struct RenderedReport: Sendable {
  /// The rendered text.
  package var text: String
  /// Where each piece of ``text`` came from, in order of ``Segment/rendered`` and not
  /// overlapping. Rendered bytes that no segment covers (the tabs and line ends the renderer
  /// wrote between cells and paragraphs) have no place of their own in the source.
  package var segments: [Segment]
  /// Where each paragraph and table cell stands, in the terms a reader of the form uses (Word's
  /// paragraphs and tables), in order of ``Place/rendered``. Empty for forms with lines of their
  /// own (a web page: its positions are the HTML source's lines and columns).
  package var places: [Place]

  package init(text: String, segments: [Segment], places: [Place] = []) {
    self.text = text
    self.segments = segments
    self.places = places
  }

  /// One piece of the rendered text and the bytes of the source it stands for.
  package struct Segment: Sendable, Equatable {
    /// UTF-8 offsets into the rendered text.
    package var rendered: Range<Int>
    /// Byte offsets into the source: the decoded HTML text's UTF-8, or `word/document.xml`.
    package var source: Range<Int>
    package var kind: Kind

    package enum Kind: Sendable, Equatable {
      /// The rendered bytes are the source bytes: an edit inside maps byte for byte.
      case verbatim
      /// The rendered text stands for source bytes that spell it differently (an entity, a run of
      /// markup between two pieces of a cell's text, a U+00A0 read as blank): an edit must
      /// replace the whole source range.
      case respelled
      /// A blank cell: `source` is where its content goes (an `&nbsp;` to replace, or an empty
      /// range inside the cell), and a value written there is wrapped in `prefix` and `suffix`
      /// (a Word run: `<w:r><w:t>`…`</w:t></w:r>`).
      case blankCell(prefix: String, suffix: String)
    }

    package init(rendered: Range<Int>, source: Range<Int>, kind: Kind) {
      self.rendered = rendered
      self.source = source
      self.kind = kind
    }
  }

  /// A paragraph or a table cell of the form.
  package struct Place: Sendable, Equatable {
    /// UTF-8 offsets into the rendered text.
    package var rendered: Range<Int>
    /// 1-based, counting every paragraph of the document body in order, those in tables too.
    package var paragraph: Int
    /// 1-based table, row and column (after merged cells are spread over the grid), for a cell.
    package var cell: (table: Int, row: Int, column: Int)?

    package init(rendered: Range<Int>, paragraph: Int, cell: (table: Int, row: Int, column: Int)? = nil) {
      self.rendered = rendered
      self.paragraph = paragraph
      self.cell = cell
    }

    package static func == (lhs: Place, rhs: Place) -> Bool {
      lhs.rendered == rhs.rendered && lhs.paragraph == rhs.paragraph
        && lhs.cell?.table == rhs.cell?.table && lhs.cell?.row == rhs.cell?.row
        && lhs.cell?.column == rhs.cell?.column
    }
  }
}

/// Builds a ``RenderedReport`` piece by piece, keeping the segments in step with the text.
package struct RenderedTextBuilder {
  private var bytes: [UInt8] = []
  private var segments: [RenderedReport.Segment] = []
  private var places: [RenderedReport.Place] = []

  package init() {}

  /// The rendered length so far, in UTF-8 bytes.
  package var count: Int { bytes.count }

  /// The rendered text so far ends with `byte` (a line end, a tab).
  package func ends(with byte: UInt8) -> Bool { bytes.last == byte }

  /// Text the renderer writes itself: line ends between paragraphs, tabs between cells.
  package mutating func appendStructure(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Text copied byte for byte from `source`.
  package mutating func appendVerbatim(_ text: some Collection<UInt8>, source: Range<Int>) {
    append(text, source: source, kind: .verbatim)
  }

  /// Text that stands for source bytes spelt otherwise.
  package mutating func appendRespelled(_ text: String, source: Range<Int>) {
    append(Array(text.utf8), source: source, kind: .respelled)
  }

  /// A blank cell: nothing rendered, and where a value would be written.
  package mutating func appendBlankCell(source: Range<Int>, prefix: String = "", suffix: String = "") {
    segments.append(.init(rendered: count..<count, source: source, kind: .blankCell(prefix: prefix, suffix: suffix)))
  }

  private mutating func append(_ text: some Collection<UInt8>, source: Range<Int>, kind: RenderedReport.Segment.Kind) {
    let start = count
    bytes.append(contentsOf: text)
    guard count > start || kind != .verbatim else { return }
    // Adjacent verbatim pieces of contiguous source merge, so a long paragraph is one segment.
    if kind == .verbatim, let last = segments.last, last.kind == .verbatim, last.rendered.upperBound == start,
      last.source.upperBound == source.lowerBound
    {
      segments[segments.count - 1] = .init(
        rendered: last.rendered.lowerBound..<count,
        source: last.source.lowerBound..<source.upperBound,
        kind: .verbatim
      )
      return
    }
    segments.append(.init(rendered: start..<count, source: source, kind: kind))
  }

  /// Marks the rendered text from `start` to here as one paragraph or cell of the form.
  package mutating func markPlace(from start: Int, paragraph: Int, cell: (table: Int, row: Int, column: Int)? = nil) {
    places.append(.init(rendered: start..<count, paragraph: paragraph, cell: cell))
  }

  package func build() -> RenderedReport {
    RenderedReport(text: String(decoding: bytes, as: UTF8.self), segments: segments, places: places)
  }
}

extension RenderedReport {
  /// The source offset of a rendered offset: exact inside a verbatim segment, the start of the
  /// source range otherwise; between segments, the end of the segment before (a tab or line end
  /// the renderer wrote stands just after the piece before it).
  package func sourceOffset(forRendered offset: Int) -> Int {
    guard let index = segmentIndex(atOrBefore: offset) else { return segments.first?.source.lowerBound ?? 0 }
    let segment = segments[index]
    if segment.rendered.contains(offset) {
      return segment.kind == .verbatim
        ? segment.source.lowerBound + (offset - segment.rendered.lowerBound) : segment.source.lowerBound
    }
    return segment.source.upperBound
  }

  /// The source edit that writes `replacement` over a rendered range, or nil when the range does
  /// not fall inside one piece of the source (it spans markup the renderer dropped).
  package func sourceEdit(forRendered range: Range<Int>, replacement: String) -> (range: Range<Int>, text: String)? {
    if range.isEmpty, let blank = segments.first(where: { $0.rendered == range && isBlankCell($0.kind) }),
      case .blankCell(let prefix, let suffix) = blank.kind
    {
      // Nothing written into a blank cell leaves it as it is (its source may be a whole `<w:p/>`).
      return replacement.isEmpty
        ? (blank.source.lowerBound..<blank.source.lowerBound, "") : (blank.source, prefix + replacement + suffix)
    }
    guard let index = segmentIndex(atOrBefore: range.lowerBound) else { return nil }
    let segment = segments[index]
    switch segment.kind {
    case .verbatim:
      guard range.lowerBound >= segment.rendered.lowerBound, range.upperBound <= segment.rendered.upperBound else {
        return nil
      }
      let start = segment.source.lowerBound + (range.lowerBound - segment.rendered.lowerBound)
      return (start..<(start + range.count), replacement)
    case .respelled, .blankCell:
      guard range == segment.rendered else { return nil }
      return (segment.source, replacement)
    }
  }

  /// The paragraph or cell of the form that holds a rendered offset.
  package func place(atRendered offset: Int) -> Place? { places.place(at: offset) }

  private func isBlankCell(_ kind: Segment.Kind) -> Bool {
    if case .blankCell = kind { return true }
    return false
  }

  /// The last segment that starts at or before `offset` (for an empty segment at `offset`, the
  /// one after it, so a non-empty piece starting there wins).
  fileprivate func segmentIndex(atOrBefore offset: Int) -> Int? {
    var low = 0
    var high = segments.count
    while low < high {
      let mid = (low + high) / 2
      if segments[mid].rendered.lowerBound <= offset { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : low - 1
  }
}

extension RenderedReport {
  /// The rendered offset of a source offset (the inverse of ``sourceOffset(forRendered:)``):
  /// segments follow the source in order, so the last segment starting at or before it holds it.
  package func renderedOffset(forSource offset: Int) -> Int {
    var low = 0
    var high = segments.count
    while low < high {
      let mid = (low + high) / 2
      if segments[mid].source.lowerBound <= offset { low = mid + 1 } else { high = mid }
    }
    guard low > 0 else { return 0 }
    let segment = segments[low - 1]
    if segment.kind == .verbatim, segment.source.contains(offset) {
      return segment.rendered.lowerBound + (offset - segment.source.lowerBound)
    }
    return offset < segment.source.upperBound ? segment.rendered.lowerBound : segment.rendered.upperBound
  }
}

extension RenderedReport {
  /// The source range a rendered range stands for: a blank cell's empty range gives the cell's
  /// content (the `&nbsp;` a reader sees as blank), a range over respelled text the whole
  /// spelling.
  package func sourceRange(forRendered range: Range<Int>) -> Range<Int> {
    if range.isEmpty {
      if let blank = segments.first(where: { $0.rendered == range && $0.rendered.isEmpty }) { return blank.source }
      let offset = sourceOffset(forRendered: range.lowerBound)
      return offset..<offset
    }
    let start = sourceOffset(forRendered: range.lowerBound)
    let last = range.upperBound - 1
    var end = start
    if let index = segmentIndex(atOrBefore: last) {
      let segment = segments[index]
      if segment.rendered.contains(last) {
        end =
          segment.kind == .verbatim
          ? segment.source.lowerBound + (range.upperBound - segment.rendered.lowerBound) : segment.source.upperBound
      } else {
        end = segment.source.upperBound
      }
    }
    return start..<max(start, end)
  }
}

extension RenderedReport {
  /// The rendered range of a source range (the inverse of ``sourceRange(forRendered:)``).
  package func renderedRange(forSource range: Range<Int>) -> Range<Int> {
    if let blank = segments.first(where: { $0.source == range && $0.rendered.isEmpty }) { return blank.rendered }
    let start = renderedOffset(forSource: range.lowerBound)
    return start..<max(start, renderedOffset(forSource: range.upperBound))
  }

  /// The text a rendered reader sees in a source edit's replacement: a blank cell's wrapping
  /// (a Word run around the value) taken off.
  package func renderedReplacement(_ replacement: String, forSource range: Range<Int>) -> String {
    guard let blank = segments.first(where: { $0.source == range && $0.rendered.isEmpty }),
      case .blankCell(let prefix, let suffix) = blank.kind, replacement.hasPrefix(prefix),
      replacement.hasSuffix(suffix), replacement.utf8.count >= prefix.utf8.count + suffix.utf8.count
    else { return replacement }
    return String(replacement.dropFirst(prefix.count).dropLast(suffix.count))
  }
}

extension [RenderedReport.Place] {
  /// The place that holds an offset (ordered by offset): the one it falls in, else the one
  /// before it (a line end between two paragraphs belongs to the first).
  package func place(at offset: Int) -> RenderedReport.Place? {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if self[mid].rendered.upperBound < offset { low = mid + 1 } else { high = mid }
    }
    guard low < count, self[low].rendered.lowerBound <= offset else { return low > 0 ? self[low - 1] : first }
    return self[low]
  }
}
