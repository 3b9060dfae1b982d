/// Reads table 三 from the text stream, whatever the layout.
///
/// Rows are found by their labels, in the format's order: each label that names a row is an
/// anchor; the longest chain of anchors in print order, close to one another, is the table (a
/// sentence of prose that mentions a label is not part of such a chain). The values of a row are
/// the numbers between its anchor and the next one. A row whose label was lost or garbled takes
/// the numbers found where it belongs when they are exactly a row's worth.
struct Table3Reader {
  let stream: TextStream
  /// The edition the report year calls for.
  let expectedEdition: FormatEdition

  var source: SourceText { stream.source }

  struct Output {
    var table: Table3?
    var deviations: [LabelDeviation]
    var duplicates: [TableRow]
    /// A second copy of the whole table, not read.
    var copy: Table3? = nil
  }

  /// A place where a row's label stands.
  struct Anchor {
    var spec: Table3RowSpec
    var token: Int
    /// From the label's numbering to the end of its words.
    var label: Range<Int>
    var exact: Bool
  }

  func read() -> Output {
    var anchors = findAnchors()
    let edition = chooseEdition(anchors)
    let specs = NationalFormat.table3Rows(edition)
    let order = Self.order(of: specs)
    anchors.removeAll { order[$0.spec.index] == nil }
    var chain = Self.longestChain(anchors, order: order)
    guard chain.count >= 3 || (chain.count >= 2 && chain.contains { $0.spec.kind == .outcomeTotal }) else {
      return Output(table: nil, deviations: [], duplicates: [])
    }
    // Labels with a typo: pieces of text inside the table that resemble a row's label.
    let fuzzy = fuzzyAnchors(from: chain.first!.token, to: chain.last!.token, known: anchors)
    if !fuzzy.isEmpty {
      anchors += fuzzy
      anchors.sort { ($0.token, $0.label.lowerBound) < ($1.token, $1.label.lowerBound) }
      chain = Self.longestChain(anchors, order: order)
    }
    // A second copy of the table (this year's pasted under last year's): the first in print
    // order is read, whichever copy's labels lie closer together, so an edit of either copy
    // never changes which one is read; the other is reported.
    let span = chain.first!.label.lowerBound..<chain.last!.label.upperBound
    let others = anchors.filter { !span.contains($0.label.lowerBound) }
    let second = Self.longestChain(others, order: order)
    guard second.count >= max(6, chain.count * 2 / 3), second.contains(where: { $0.spec.kind == .outcomeTotal })
    else {
      return assemble(chain: chain, all: anchors, specs: specs, order: order, edition: edition)
    }
    let secondSpan = second.first!.label.lowerBound..<second.last!.label.upperBound
    let (kept, copy) = second.first!.token < chain.first!.token ? (second, chain) : (chain, second)
    let (keptSpan, copySpan) = second.first!.token < chain.first!.token ? (secondSpan, span) : (span, secondSpan)
    var output = assemble(
      chain: kept,
      all: anchors.filter { !copySpan.contains($0.label.lowerBound) },
      specs: specs,
      order: order,
      edition: edition
    )
    output.copy =
      assemble(
        chain: copy,
        all: anchors.filter { !keptSpan.contains($0.label.lowerBound) },
        specs: specs,
        order: order,
        edition: edition
      ).table
    return output
  }

  /// Each row's place in the edition's print order, by ``Table3RowSpec/index``: nil for a row the
  /// edition does not have.
  private static func order(of specs: [Table3RowSpec]) -> [Int?] {
    var order = [Int?](repeating: nil, count: Table3RowSpec.rowCount)
    for (position, spec) in specs.enumerated() { order[spec.index] = position }
    return order
  }

  // MARK: Anchors

  /// A short, distinctive beginning of each row's label. Labels are wrapped and cut in real
  /// text, but almost never in their first words.
  private struct Signature {
    var spec: Table3RowSpec
    var words: [Unicode.Scalar]
    /// Short words that also occur in prose or in other labels must stand right after a
    /// numbering or at the start of a cell.
    var needsBoundary: Bool
    /// The words are the whole label (`3.其他`, `（七）总计`): nothing but punctuation may follow.
    var whole: Bool = false
    var numbering: Numbering? = nil
  }

  private static let signatures: [Signature] = {
    func s(
      _ row: Table3Row,
      _ words: String,
      boundary: Bool = false,
      whole: Bool = false,
      numbering: Numbering? = nil
    )
      -> Signature
    {
      Signature(
        spec: NationalFormat.table3Row(row),
        words: Array(words.unicodeScalars),
        needsBoundary: boundary,
        whole: whole,
        numbering: numbering
      )
    }
    return [
      s(.newApplications, "本年新收", boundary: true), s(.carriedOver, "上年结转", boundary: true),
      s(.newApplications, "本年度新收", boundary: true), s(.carriedOver, "上年度结转", boundary: true),
      s(.group(1), "予以公开", boundary: true, numbering: .parenthesized(1)),
      s(.group(2), "部分公开", boundary: true, numbering: .parenthesized(2)),
      s(.item(1, of: 3), "属于国家秘密"), s(.item(2, of: 3), "其他法律行政"), s(.item(3, of: 3), "危及三安全"),
      s(.item(4, of: 3), "保护第三方"),
      s(.item(5, of: 3), "三类内部事务"), s(.item(6, of: 3), "四类过程性"), s(.item(7, of: 3), "行政执法案卷"),
      s(.item(8, of: 3), "行政查询事项"),
      s(.item(1, of: 4), "本机关不掌握"), s(.item(1, of: 4), "不掌握相关政府信息"), s(.item(2, of: 4), "没有现成信息"),
      s(.item(3, of: 4), "补正后申请"),
      s(.item(1, of: 5), "信访举报投诉"), s(.item(2, of: 5), "重复申请", boundary: true), s(.item(3, of: 5), "公开出版物"),
      s(.item(4, of: 5), "大量反复申请"), s(.item(4, of: 5), "无正当理由大量"), s(.item(5, of: 5), "要求行政机关确认"),
      s(.item(5, of: 5), "确认或重新出具"),
      s(.item(1, of: 6), "申请人无正当理由"), s(.item(1, of: 6), "逾期不补正"), s(.item(2, of: 6), "申请人逾期未按"),
      s(.item(2, of: 6), "收费通知要求"),
      s(.item(3, of: 6), "其他", boundary: true, whole: true, numbering: .arabic(3)),
      s(.group(6), "其他处理", boundary: true, whole: true, numbering: .parenthesized(6)),
      s(.outcomeTotal, "总计", boundary: true, whole: true, numbering: .parenthesized(7)),
      s(.carriedForward, "结转下年度", boundary: true),
    ]
  }()

  /// The signatures grouped by the scalar they open with, and looked up without hashing.
  private struct SignatureTable {
    /// Signatures opening with the same scalar, in the order of ``signatures``.
    var groups: [[Signature]] = []
    /// The second scalars of each group's signatures.
    var seconds: [[Unicode.Scalar]] = []
    /// Per scalar of the Basic Multilingual Plane, 1 + its group, or 0 when no signature opens
    /// with it.
    var groupOfFirst = [UInt8](repeating: 0, count: 0x10000)
    /// Per scalar of the Basic Multilingual Plane, one bit for each group whose signatures it is
    /// the second scalar of.
    var groupsOfSecond = [UInt32](repeating: 0, count: 0x10000)

    init(_ signatures: [Signature]) {
      for signature in signatures {
        let first = Int(signature.words[0].value)
        if groupOfFirst[first] == 0 {
          groups.append([])
          seconds.append([])
          groupOfFirst[first] = UInt8(groups.count)
        }
        let group = Int(groupOfFirst[first]) - 1
        groups[group].append(signature)
        if !seconds[group].contains(signature.words[1]) { seconds[group].append(signature.words[1]) }
        groupsOfSecond[Int(signature.words[1].value)] |= 1 << UInt32(group)
      }
      precondition(groups.count <= 32)
    }

    /// The group of signatures that open with this scalar, or -1.
    @inline(__always) func group(_ scalar: Unicode.Scalar) -> Int {
      let value = Int(scalar.value)
      return value < 0x10000 ? Int(groupOfFirst[value]) - 1 : -1
    }
  }

  private static let signatureTable = SignatureTable(signatures)

  /// The width-folded scalars of a piece of text without spaces and quotes, with the offset of
  /// each: buffers kept from piece to piece.
  private struct FoldedScalars {
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []

    @inline(__always) static func isKept(_ folded: Unicode.Scalar) -> Bool {
      LabelText.isIdeograph(folded) || (!LabelText.isSpace(folded) && folded != "\"" && folded != "'")
    }

    mutating func fill(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
      scalars.removeAll(keepingCapacity: true)
      offsets.removeAll(keepingCapacity: true)
      var offset = range.lowerBound
      while offset < range.upperBound {
        let byte = bytes[offset]
        if byte >= 0xE4, byte <= 0xE9 {
          // An ideograph, the usual scalar: kept, and never folded.
          scalars.append(Unicode.Scalar(SourceText.threeByteValue(bytes, offset)) ?? " ")
          offsets.append(offset)
          offset += 3
          continue
        }
        let (f, width) = LabelText.decodeFolded(bytes, offset)
        if Self.isKept(f) {
          scalars.append(f)
          offsets.append(offset)
        }
        offset += width
      }
    }
  }

  /// Every place in the text where a row's label begins.
  private func findAnchors() -> [Anchor] {
    var anchors: [Anchor] = []
    let tokens = stream.tokens
    // One bit per row index.
    var rowsSeen: UInt64 = 0
    var tableEnd: Int?
    var folded = FoldedScalars()
    let table = Self.signatureTable
    for (index, token) in tokens.enumerated() where token.kind == .text {
      // Once a whole table has been seen (most of its rows, then 四、结转下年度), nothing later
      // can make a longer chain: the rest of the text is not searched.
      if let end = tableEnd, token.range.lowerBound > end + Self.maximumGap { break }
      // A label is a short cell, or the text right before a row's numbers; a long paragraph of
      // prose without numbers after it holds none.
      guard token.range.count <= 150 || (index + 1 < tokens.count && tokens[index + 1].isValue) else { continue }
      let first = anchors.count
      appendLabels(in: token, index: index, table: table, folded: &folded, to: &anchors)
      for anchor in anchors[first...] {
        rowsSeen |= 1 << UInt64(anchor.spec.index)
        if anchor.spec.kind == .carriedForward, tableEnd == nil, rowsSeen.nonzeroBitCount >= 22 {
          tableEnd = anchor.label.upperBound
        }
      }
    }
    return anchors
  }

  /// Whether a piece of text holds, anywhere, a signature's words (spaces and quotes aside): most
  /// hold none, and are not read further.
  private static func mayHoldLabel(
    _ bytes: UnsafeBufferPointer<UInt8>,
    _ range: Range<Int>,
    _ table: SignatureTable
  ) -> Bool {
    // The group and offset of the scalar before, when a signature opens with it.
    var open = -1
    var openOffset = 0
    var offset = range.lowerBound
    while offset < range.upperBound {
      let byte = bytes[offset]
      if byte < 0x80 {
        // No signature holds an ASCII character: it only ends the words before, when kept.
        offset += 1
        if byte != 0x20, byte != 0x09, byte != 0x22, byte != 0x27 { open = -1 }
        continue
      }
      if byte >= 0xE4, byte <= 0xE9 {
        // An ideograph, the usual scalar: kept, and never folded.
        let value = Int(SourceText.threeByteValue(bytes, offset))
        if open >= 0, table.groupsOfSecond[value] & (1 << UInt32(open)) != 0,
          table.groups[open].contains(where: { wordsStand($0.words, bytes, at: openOffset, before: range.upperBound) })
        {
          return true
        }
        open = Int(table.groupOfFirst[value]) - 1
        openOffset = offset
        offset += 3
        continue
      }
      let (f, width) = LabelText.decodeFolded(bytes, offset)
      if FoldedScalars.isKept(f) {
        if open >= 0, table.seconds[open].contains(f),
          table.groups[open].contains(where: { wordsStand($0.words, bytes, at: openOffset, before: range.upperBound) })
        {
          return true
        }
        open = table.group(f)
        openOffset = offset
      }
      offset += width
    }
    return false
  }

  /// Whether the kept scalars from `offset` on begin with `words`.
  private static func wordsStand(
    _ words: [Unicode.Scalar],
    _ bytes: UnsafeBufferPointer<UInt8>,
    at offset: Int,
    before end: Int
  ) -> Bool {
    var offset = offset
    var k = 0
    while k < words.count, offset < end {
      let (f, width) = LabelText.decodeFolded(bytes, offset)
      offset += width
      guard FoldedScalars.isKept(f) else { continue }
      guard f == words[k] else { return false }
      k += 1
    }
    return k == words.count
  }

  /// Appends the anchors of one piece of text.
  private func appendLabels(
    in token: StreamToken,
    index: Int,
    table: SignatureTable,
    folded: inout FoldedScalars,
    to anchors: inout [Anchor]
  ) {
    let holds = source.utf8.withUnsafeBufferPointer { bytes in
      guard Self.mayHoldLabel(bytes, token.range, table) else { return false }
      folded.fill(bytes, token.range)
      return true
    }
    guard holds else { return }
    let scalars = folded.scalars
    let offsets = folded.offsets
    let first = anchors.count
    var i = 0
    while i < scalars.count {
      let group = table.group(scalars[i])
      guard group >= 0 else {
        i += 1
        continue
      }
      var matched: (Signature, Int)?
      for signature in table.groups[group] where i + signature.words.count <= scalars.count {
        guard Self.matches(signature.words, scalars, at: i) else { continue }
        let numberingStart = Self.numberingStart(scalars, before: i)
        if signature.needsBoundary, numberingStart == nil, i != 0 { continue }
        if let wanted = signature.numbering {
          if let start = numberingStart {
            guard Self.numbering(scalars, start, i) == wanted else { continue }
          } else {
            // The numbering broken off onto lines of its own (`(一` / `)` / `予以公开`).
            guard i == 0, numberingOnLinesBefore(index) == wanted else { continue }
          }
        }
        let end = i + signature.words.count
        if signature.whole, end < scalars.count, !LabelText.droppedPunctuation.contains(scalars[end]),
          scalars[end] != "(", !Self.startsNumbering(scalars, at: end)
        {
          continue
        }
        matched = (signature, numberingStart ?? numberingStartOrWordStart(scalars, from: i))
        break
      }
      guard let (signature, start) = matched,
        !anchors[first...].contains(where: { $0.spec.index == signature.spec.index })
      else {
        i += 1
        continue
      }
      // `属于三类内部事务信息` is found by `三类内部事务`: the label begins a few words before.
      let labelStart = offsets[start]
      let end = Self.labelEnd(scalars, from: i + signature.words.count).map { offsets[$0] } ?? token.range.upperBound
      anchors.append(Anchor(spec: signature.spec, token: index, label: labelStart..<end, exact: true))
      i += signature.words.count
    }
    // A label runs to the next label in the same piece of text.
    for k in first..<anchors.count where k + 1 < anchors.count {
      anchors[k].label = anchors[k].label.lowerBound..<anchors[k + 1].label.lowerBound
    }
  }

  /// Whether `words` stand in `scalars` at `index` (which leaves room for them).
  @inline(__always)
  private static func matches(_ words: [Unicode.Scalar], _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    for k in words.indices where scalars[index + k] != words[k] { return false }
    return true
  }

  /// The numbering that the short pieces of text on the lines right before a token make up
  /// together (`(一` / `)`, `（` / `一` / `）`), when they hold nothing else.
  private func numberingOnLinesBefore(_ index: Int) -> Numbering? {
    let tokens = stream.tokens
    var text = ""
    var k = index - 1
    while k >= 0, index - k <= 3, tokens[k].kind == .text, tokens[k].range.count <= 6,
      tokens[k].line < tokens[index].line
    {
      text = source.text(tokens[k].range) + text
      let normalized = LabelText.normalize(text)
      // `(一` / `)`, or `3.` alone (a bare numeral is a number, not a numbering).
      if let numbering = normalized.numbering, normalized.key.isEmpty,
        text.unicodeScalars.contains(where: { "(（.、．".unicodeScalars.contains($0) })
      {
        return numbering
      }
      k -= 1
    }
    return nil
  }

  /// Where the next numbering (`（四）` `2.` `三、`) begins after a label's words: the label ends
  /// there.
  private static func labelEnd(_ s: [Unicode.Scalar], from index: Int) -> Int? {
    var k = index
    while k < s.count {
      let c = s[k]
      if c == "(" {
        var j = k + 1
        while j < s.count, LabelText.chineseDigits[s[j]] != nil { j += 1 }
        if j > k + 1, j < s.count, s[j] == ")" { return k }
      } else if c.isASCIIDigit, k == 0 || !s[k - 1].isASCIIDigit {
        var j = k
        while j < s.count, s[j].isASCIIDigit, j - k < 2 { j += 1 }
        if j < s.count, s[j] == "." || s[j] == "、", !(j + 1 < s.count && s[j + 1].isASCIIDigit) { return k }
      } else if LabelText.chineseDigits[c] != nil, k + 1 < s.count, s[k + 1] == "、" {
        return k
      }
      k += 1
    }
    return nil
  }

  /// Where the label that holds a signature begins: its numbering, or the start of the piece of
  /// text, a few words back at most.
  private func numberingStartOrWordStart(_ s: [Unicode.Scalar], from index: Int) -> Int {
    var k = index
    while k > 0, index - k < 5 {
      if let start = Self.numberingStart(s, before: k) { return start }
      if LabelText.droppedPunctuation.contains(s[k - 1]) || s[k - 1] == ")" { return k }
      k -= 1
    }
    return k == 0 ? 0 : index
  }

  /// Where a numbering (`（一）` `一、` `1.` `1、`) ends right before `index`.
  private static func numberingStart(_ s: [Unicode.Scalar], before index: Int) -> Int? {
    guard index > 0 else { return nil }
    let mark = s[index - 1]
    if mark == ")" {
      var k = index - 2
      while k >= 0, LabelText.chineseDigits[s[k]] != nil { k -= 1 }
      guard k < index - 2 else { return nil }
      if k >= 0, s[k] == "(" { return k }
      return k + 1  // `七）总计` with its opening bracket lost
    }
    if mark == "、" || mark == "." || mark == "," {
      var k = index - 2
      if k >= 0, LabelText.chineseDigits[s[k]] != nil {
        while k >= 0, LabelText.chineseDigits[s[k]] != nil { k -= 1 }
        return k + 1
      }
      while k >= 0, s[k].isASCIIDigit, index - 2 - k < 2 { k -= 1 }
      return k < index - 2 ? k + 1 : nil
    }
    return nil
  }

  private static func numbering(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Numbering? {
    var scalars = Array(s[start..<end])
    if scalars.first != "(", scalars.last == ")" { scalars.insert("(", at: 0) }
    return LabelText.readNumbering(scalars, at: 0)?.0
  }

  private static func startsNumbering(_ s: [Unicode.Scalar], at index: Int) -> Bool {
    LabelText.readNumbering(s, at: index) != nil
  }

  /// Pieces of text between the first and the last anchor that resemble a row's label closely
  /// enough (a typo), when no signature found them.
  private func fuzzyAnchors(from first: Int, to last: Int, known: [Anchor]) -> [Anchor] {
    // By token, from `first`.
    var anchored = [Bool](repeating: false, count: last - first + 1)
    for anchor in known where anchor.token >= first && anchor.token <= last { anchored[anchor.token - first] = true }
    var result: [Anchor] = []
    for index in first...last where !anchored[index - first] && stream.tokens[index].kind == .text {
      for piece in LabelPieces.split(source, stream.tokens[index].range) {
        guard case .row(let spec, exact: false) = Table3LabelMatcher.match(piece) else { continue }
        let words = LabelPieces.wordsStart(source, piece.range)..<piece.range.upperBound
        result.append(Anchor(spec: spec, token: index, label: words, exact: false))
      }
    }
    return result
  }

  private func chooseEdition(_ anchors: [Anchor]) -> FormatEdition {
    // （六）'s items 1 and 2 are the 2021 format's; a single （六） row without item 3 is the trial's.
    if anchors.contains(where: { $0.spec.row == .item(1, of: 6) || $0.spec.row == .item(2, of: 6) }) {
      return .edition2021
    }
    if anchors.contains(where: { $0.spec.row == .group(6) })
      && !anchors.contains(where: { $0.spec.row == .item(3, of: 6) })
    {
      return .trial2019
    }
    return expectedEdition
  }

  /// The longest sequence of anchors in the format's order, each near the one before. Ties go
  /// to the tightest sequence.
  /// How far apart two rows of one table may stand, in bytes.
  static let maximumGap = 4000

  static func longestChain(_ anchors: [Anchor], order: [Int?]) -> [Anchor] {
    guard !anchors.isEmpty else { return [] }
    var length = [Int](repeating: 1, count: anchors.count)
    var span = [Int](repeating: 0, count: anchors.count)
    var previous = [Int](repeating: -1, count: anchors.count)
    // Each anchor's place in print order, looked up once: the pairs below are many.
    let ranks = anchors.map { order[$0.spec.index] }
    for j in anchors.indices {
      let rj = ranks[j]!
      for i in stride(from: j - 1, through: 0, by: -1) {
        let gap = anchors[j].label.lowerBound - anchors[i].label.lowerBound
        if gap > Self.maximumGap { break }
        let ri = ranks[i]!
        guard ri < rj, anchors[i].token <= anchors[j].token, gap > 0 else { continue }
        let candidate = length[i] + 1
        let candidateSpan = span[i] + gap
        if candidate > length[j] || (candidate == length[j] && candidateSpan <= span[j]) {
          length[j] = candidate
          span[j] = candidateSpan
          previous[j] = i
        }
      }
    }
    var best = 0
    for j in anchors.indices where length[j] > length[best] || (length[j] == length[best] && span[j] < span[best]) {
      best = j
    }
    var chain: [Anchor] = []
    var k = best
    while k >= 0 {
      chain.append(anchors[k])
      k = previous[k]
    }
    return chain.reversed()
  }

  // MARK: Rows

  private func assemble(
    chain: [Anchor],
    all: [Anchor],
    specs: [Table3RowSpec],
    order: [Int?],
    edition: FormatEdition
  ) -> Output {
    var deviations: [LabelDeviation] = []
    var duplicates: [TableRow] = []
    // Each row's values and label, by its place in `specs`.
    var values = [[StreamToken]?](repeating: nil, count: specs.count)
    var labels = [Anchor?](repeating: nil, count: specs.count)
    // Tab rows whose first field after the label is empty: a blank first cell, or a label cell
    // that spans two columns (Word, some pages); decided once the whole table is read.
    var leadingBlanks = [[StreamToken]?](repeating: nil, count: specs.count)
    let tokens = stream.tokens
    // By row index.
    var anchorsByRow = [[Anchor]](repeating: [], count: Table3RowSpec.rowCount)
    for anchor in all { anchorsByRow[anchor.spec.index].append(anchor) }

    // In a table of pipes or tabs, a number alone on a plain line between its rows (a stray
    // OCR mark, a footnote) is not a cell.
    var cellCount = 0
    var griddedCellCount = 0
    for token in tokens[chain.first!.token...chain.last!.token] where token.isValue {
      cellCount += 1
      if token.layout != .spaces { griddedCellCount += 1 }
    }
    let gridded = griddedCellCount * 2 > cellCount
    func isStray(_ index: Int) -> Bool {
      guard gridded, tokens[index].layout == .spaces else { return false }
      let line = tokens[index].line
      return (index == 0 || tokens[index - 1].line != line)
        && (index + 1 == tokens.count || tokens[index + 1].line != line)
    }
    func valueTokens(after start: Int, before end: Int) -> [StreamToken] {
      guard start + 1 < end else { return [] }
      var found: [StreamToken] = []
      found.reserveCapacity(end - start - 1)
      for index in (start + 1)..<end where tokens[index].isValue && !isStray(index) { found.append(tokens[index]) }
      return found
    }

    for (n, anchor) in chain.enumerated() {
      let ownIndex = order[anchor.spec.index]!
      labels[ownIndex] = anchor
      let next = n + 1 < chain.count ? chain[n + 1] : nil
      var end = next?.token ?? tokens.count
      if next == nil {
        // After the last row, the table ends at the next text.
        var k = anchor.token + 1
        while k < tokens.count, tokens[k].isValue, !opensParagraph(k) { k += 1 }
        end = k
      }
      // A repeated row: another label of the same row before the next anchor.
      // The row's label again with no values after it, when the row has its values, is the tail of
      // its label wrapped onto the next line (`2. 申 请 人 逾 期 未 按 0 … 0` / `收费通知要求缴纳`).
      let repeated = anchorsByRow[anchor.spec.index].first { $0.token > anchor.token && $0.token < end }.flatMap {
        valueTokens(after: $0.token, before: end).isEmpty && !valueTokens(after: anchor.token, before: $0.token).isEmpty
          ? nil : $0
      }
      var segment: [StreamToken]
      if let repeated {
        segment = valueTokens(after: anchor.token, before: repeated.token)
        let repeatedValues = valueTokens(after: repeated.token, before: end)
        if segment.isEmpty {
          // The first was a heading over the row (`### 二、上年结转政府信息公开申请数量`): the row
          // is the one with numbers.
          segment = repeatedValues
          labels[ownIndex] = repeated
        } else {
          duplicates.append(makeRow(repeatedValues, label: repeated))
        }
      } else {
        segment = valueTokens(after: anchor.token, before: end)
        if let cells = gridCells(of: anchor, segment) {
          if cells[0].kind == .empty {
            leadingBlanks[ownIndex] = cells
          } else {
            segment = cells
          }
        }
      }
      let rowCount = next.map { order[$0.spec.index]! - ownIndex } ?? 1
      if rowCount > 1 {
        let groups = split(segment, into: rowCount)
        for (k, group) in groups.enumerated() where !group.isEmpty {
          values[ownIndex + k] = group
        }
        if groups.isEmpty { values[ownIndex] = segment }
      } else {
        values[ownIndex] = segment
      }
      if !anchor.exact {
        // A label broken over lines leaves fragments (`危及` / `“` / `三安全一稳定`): not a typo.
        let key = LabelText.normalize(source, anchor.label).key
        let canonical = Self.canonicalKeys[anchor.spec.index]
        if !canonical.hasPrefix(key), !canonical.hasSuffix(key) {
          deviations.append(
            LabelDeviation(
              place: .table3Row,
              range: anchor.label,
              found: source.text(anchor.label),
              canonical: anchor.spec.label
            )
          )
        }
      } else if let deviation = deviation(anchor) {
        deviations.append(deviation)
      }
    }
    // The empty field is the first cell where the row is short without it and most rows of the
    // table have all their values (in a table short of a column everywhere, it is a label's).
    func nonTrailingCount(_ tokens: [StreamToken]) -> Int { tokens.reduce(0) { $1.trailing ? $0 : $0 + 1 } }
    let lengths = values.compactMap { $0.map(nonTrailingCount) }
    if lengths.filter({ $0 == NationalFormat.table3Columns.count }).count * 2 > lengths.count {
      for (position, cells) in leadingBlanks.enumerated() {
        guard let cells, values[position].map(nonTrailingCount) != cells.count else { continue }
        values[position] = cells
      }
    }
    redistribute(&values, specs: specs, labelLines: labels.map { $0.map { stream.tokens[$0.token].line } })

    var rows = [TableRow?](repeating: nil, count: specs.count)
    for position in specs.indices {
      guard let tokensOfRow = values[position] else {
        if let anchor = labels[position] { rows[position] = makeRow([], label: anchor) }
        continue
      }
      rows[position] = makeRow(tokensOfRow, label: labels[position])
    }
    guard rows.contains(where: { $0 != nil }) else {
      return Output(table: nil, deviations: deviations, duplicates: duplicates)
    }
    readRunTogether(&rows, specs: specs, values: values)
    completeBlankTotals(&rows, values: values)
    var slots = [TableRow?](repeating: nil, count: Table3Row.count)
    var lower = Int.max
    var upper = Int.min
    for (position, row) in rows.enumerated() {
      guard let row else { continue }
      slots[specs[position].index] = row
      lower = min(lower, row.range.lowerBound)
      upper = max(upper, row.range.upperBound)
    }
    let table = Table3(range: lower..<upper, edition: edition, slots: slots, specs: specs)
    return Output(table: table, deviations: deviations, duplicates: duplicates)
  }

  /// The cells of a row that is one tab-separated line, field for field: the fields after its
  /// label's are its seven cells when there are seven of them (not counting empty fields at the
  /// end of the line beyond the seventh), so a blank field is a blank cell wherever it stands
  /// (`（一）予以公开\t\t12\t…`: the first cell is blank, not 12). Nil when the line holds
  /// anything else.
  private func gridCells(of anchor: Anchor, _ segment: [StreamToken]) -> [StreamToken]? {
    let perRow = NationalFormat.table3Columns.count
    let line = stream.tokens[anchor.token].line
    // A row whose seven cells are all blank (nobody applied for it) is seven blank cells too.
    guard stream.tokens[anchor.token].layout == .tabs, segment.allSatisfy({ $0.line == line }) else { return nil }
    let range = source.lines.contentRange(ofLine: line)
    // The fields after the label's, trimmed.
    var cells: [Range<Int>] = []
    cells.reserveCapacity(perRow + 1)
    var afterLabel = false
    var start = range.lowerBound
    func close(_ field: Range<Int>) {
      if afterLabel {
        cells.append(TextBytes.trim(source, field))
      } else if field.contains(anchor.label.lowerBound) {
        afterLabel = true
      }
    }
    source.utf8.withUnsafeBufferPointer { bytes in
      for index in range where bytes[index] == 0x09 {
        close(start..<index)
        start = index + 1
      }
    }
    close(start..<range.upperBound)
    guard afterLabel else { return nil }
    while cells.count > perRow, cells.last?.isEmpty == true { cells.removeLast() }
    guard cells.count == perRow else { return nil }
    var result: [StreamToken] = []
    result.reserveCapacity(perRow)
    for cell in cells {
      if cell.isEmpty {
        result.append(StreamToken(kind: .empty, range: cell, line: line, layout: .tabs))
      } else if let token = segment.first(where: { $0.range.lowerBound == cell.lowerBound }), token.range == cell,
        token.kind != .empty
      {
        result.append(token)
      } else {
        return nil
      }
    }
    // Every value of the line is one of the cells.
    func valueCount(_ tokens: [StreamToken]) -> Int {
      var count = 0
      for token in tokens where token.kind != .empty { count += 1 }
      return count
    }
    guard valueCount(segment) == valueCount(result) else { return nil }
    return result
  }

  /// A number after a blank line that opens a line of prose (`2025 年，本镇共收到申请 6 件…`
  /// under the table's last row): a paragraph, which ends the table.
  private func opensParagraph(_ index: Int) -> Bool {
    let tokens = stream.tokens
    guard index > 0, index + 1 < tokens.count else { return false }
    let line = tokens[index].line
    guard tokens[index - 1].line < line - 1, tokens[index + 1].line == line, tokens[index + 1].kind == .text else {
      return false
    }
    // A blank line stands between this line and the one before.
    let previous = source.lines.contentRange(ofLine: line - 1)
    return source.utf8[previous].allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// Numbers that stand away from their labels: a row holding exactly m rows' worth of numbers
  /// (m ≥ 2) next to m − 1 rows that have none gives them theirs, in order. This is a label
  /// printed after its numbers (PDF text: `5 1 0 0 0 0 6` / `（一）予以公开`), or labels that OCR
  /// moved away from their rows.
  private func redistribute(
    _ values: inout [[StreamToken]?],
    specs: [Table3RowSpec],
    labelLines: [Int?]
  ) {
    let perRow = NationalFormat.table3Columns.count
    func isEmpty(_ index: Int) -> Bool { values[index]?.isEmpty ?? true }
    shiftNumbersPrintedAboveTheirLabels(&values, specs: specs, labelLines: labelLines)
    for index in specs.indices {
      guard let own = values[index], own.count >= 2 * perRow, own.count % perRow == 0,
        own.allSatisfy({ !$0.trailing })
      else { continue }
      let needed = own.count / perRow - 1
      var before = 0
      while before < needed, index - before - 1 >= 0, isEmpty(index - before - 1) { before += 1 }
      var after = 0
      while after < needed, index + after + 1 < specs.count, isEmpty(index + after + 1) { after += 1 }
      let receivers: [Int]
      if after == needed && before != needed {
        receivers = Array(index...(index + needed))
      } else if before == needed && after != needed {
        receivers = Array((index - needed)...index)
      } else {
        continue  // no room, or room on both sides: which rows they are is not certain
      }
      for (k, receiver) in receivers.enumerated() {
        values[receiver] = Array(own[(k * perRow)..<((k + 1) * perRow)])
      }
    }
  }

  /// PDF text where a row's numbers are printed on a line of their own above its label (the
  /// label wraps and its numbers stand at the middle of the cell):
  /// `8.属于行政查询事项 0 0 0 0 0 0 0` / `10 0 0 0 0 0 10` / `1.本机关不掌握相关政府信息` /
  /// `（四）无法提供` / `3 0 0 0 0 0 3` / `2.没有现成信息需要另行制作`. Read label by label, the
  /// row above has twice its numbers and a row further down has none: each block of numbers on
  /// a line of its own belongs to the label after it.
  private func shiftNumbersPrintedAboveTheirLabels(
    _ values: inout [[StreamToken]?],
    specs: [Table3RowSpec],
    labelLines: [Int?]
  ) {
    let perRow = NationalFormat.table3Columns.count
    for index in specs.indices {
      guard let own = values[index], own.count == 2 * perRow, own.allSatisfy({ !$0.trailing }),
        let ownLine = labelLines[index], own.prefix(perRow).allSatisfy({ $0.line == ownLine })
      else { continue }
      var last = index + 1
      while last < specs.count, values[last]?.count == perRow { last += 1 }
      guard last > index + 1, last < specs.count, values[last]?.isEmpty ?? true else { continue }
      let blocks = [Array(own.suffix(perRow))] + ((index + 1)..<last).map { values[$0]! }
      // Each block stands on lines of its own, after the label before it and before the label
      // of the row it moves to.
      var previousLine = ownLine
      var fits = true
      for (k, block) in blocks.enumerated() {
        guard let receiverLine = labelLines[index + 1 + k],
          block.allSatisfy({ $0.line > previousLine && $0.line < receiverLine })
        else {
          fits = false
          break
        }
        previousLine = receiverLine
      }
      guard fits else { continue }
      values[index] = Array(own.prefix(perRow))
      for (k, block) in blocks.enumerated() { values[index + 1 + k] = block }
    }
  }

  /// Splits the numbers found between two labels among the rows that stand there: evenly when
  /// they are exactly a row's worth each, else by the lines they are on.
  private func split(_ segment: [StreamToken], into count: Int) -> [[StreamToken]] {
    let perRow = NationalFormat.table3Columns.count
    let cells = segment.filter { !$0.trailing }
    if cells.count == perRow * count {
      return (0..<count).map { Array(cells[($0 * perRow)..<(($0 + 1) * perRow)]) }
    }
    // Otherwise by the lines they stand on, when each line holds one row.
    var lines: [[StreamToken]] = []
    for token in segment {
      if let last = lines.last?.last, last.line == token.line {
        lines[lines.count - 1].append(token)
      } else {
        lines.append([token])
      }
    }
    if lines.count == count, lines.allSatisfy({ $0.count > 1 }) { return lines }
    return []
  }

  /// Each row's label words, normalized, by row index.
  private static let canonicalKeys: [LabelKey] = {
    var keys = [LabelKey](repeating: .empty, count: Table3RowSpec.rowCount)
    for spec in NationalFormat.allTable3Rows { keys[spec.index] = LabelText.normalize(spec.label).key }
    return keys
  }()

  /// The words that open （二） in every wording of it.
  private static let partlyDisclosedWords = LabelKey(normalized: "部分公开")

  /// Each row's label as written in the format, in UTF-8, by row index.
  private static let labelBytes: [[UInt8]] = {
    var labels = [[UInt8]](repeating: [], count: Table3RowSpec.rowCount)
    for spec in NationalFormat.allTable3Rows { labels[spec.index] = Array(spec.label.utf8) }
    return labels
  }()

  private func deviation(_ anchor: Anchor) -> LabelDeviation? {
    // The format's own words after a numbering: the usual case, told from the bytes.
    let label = Self.labelBytes[anchor.spec.index]
    let found = anchor.label
    if found.count >= label.count, found.count - label.count <= 12,
      source.utf8[(found.upperBound - label.count)..<found.upperBound].elementsEqual(label)
    {
      return nil
    }
    let key = LabelText.normalize(source, anchor.label).key
    let canonical = Self.canonicalKeys[anchor.spec.index]
    // A label cut by a line break or a cell border is not a typo.
    if key == canonical || canonical.hasPrefix(key)
      || anchor.spec.row == .group(2) && key.hasPrefix(Self.partlyDisclosedWords)
    {
      return nil
    }
    guard LabelText.similarity(key.scalars, canonical.scalars) >= 0.6 else { return nil }
    let words = LabelPieces.wordsStart(source, anchor.label)..<anchor.label.upperBound
    return LabelDeviation(place: .table3Row, range: words, found: source.text(words), canonical: anchor.spec.label)
  }

  private func makeRow(_ values: [StreamToken], label: Anchor?) -> TableRow {
    var cells: [Cell] = []
    cells.reserveCapacity(values.count)
    for token in values where !token.trailing {
      // Plain ASCII digits, the usual cell, are read from the bytes.
      if token.kind == .number, token.range.count <= 7, let value = asciiCount(token.range) {
        cells.append(Cell(range: token.range, content: .integer(value)))
      } else {
        cells.append(token.cell(source, allowDecimal: false, allowNegative: false))
      }
    }
    let labelRange = label?.label ?? (values.first.map { $0.range.lowerBound..<$0.range.lowerBound } ?? 0..<0)
    let start = min(labelRange.lowerBound, values.first?.range.lowerBound ?? labelRange.lowerBound)
    let lastCell = values.last { !$0.trailing }
    let end = max(labelRange.upperBound, lastCell?.range.upperBound ?? labelRange.upperBound)
    let layout = lastCell?.layout ?? label.map { stream.tokens[$0.token].layout } ?? .tabs
    let separator: String
    switch layout {
    case .tabs: separator = "\t"
    case .markdown: separator = " | "
    case .spaces: separator = " "
    }
    return TableRow(
      labelRange: labelRange,
      labelText: label.map { source.text($0.label) } ?? "",
      range: start..<end,
      cells: cells,
      appendOffset: lastCell?.range.upperBound ?? labelRange.upperBound,
      separator: separator,
      runTogether: nil
    )
  }

  /// The value of a range of plain ASCII digits (at most eighteen), or nil.
  private func asciiCount(_ range: Range<Int>) -> Int? {
    source.utf8.withUnsafeBufferPointer { bytes in
      var value = 0
      for offset in range {
        let byte = bytes[offset]
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
  }

  /// Rows whose digits ran together (web text that lost the table's cells): each is split in
  /// the ways its own total allows; where a row allows several, the table's column sums decide.
  /// Rows and values are by their place in `specs`.
  private func readRunTogether(
    _ rows: inout [TableRow?],
    specs: [Table3RowSpec],
    values: [[StreamToken]?]
  ) {
    let perRow = NationalFormat.table3Columns.count
    var candidates: [(row: Int, digits: RunTogetherSolver.Digits, result: RunTogetherSolver.Result)] = []
    for position in specs.indices {
      guard let tokensOfRow = values[position] else { continue }
      guard
        let digits = RunTogetherSolver.Digits(tokensOfRow, source, into: perRow)
          ?? RunTogetherSolver.Digits(splitOver: tokensOfRow, source, into: perRow)
      else {
        // Fewer digits than cells, run together: one value per digit, and the row is short.
        if tokensOfRow.count < perRow, let digits = RunTogetherSolver.Digits(ranTogether: tokensOfRow, source),
          digits.digits.count < perRow,
          tokensOfRow.count < digits.digits.count
        {
          rows[position]?.cells = digits.cells(digits.digits)
        }
        continue
      }
      let result = RunTogetherSolver.solve(digits, into: perRow) { v in v[6] == v[0..<6].reduce(0, +) }
      candidates.append((position, digits, result))
    }
    var repeats: [(row: Int, tokens: [StreamToken])] = []
    if stream.dropsRepeatedLines {
      var isCandidate = [Bool](repeating: false, count: specs.count)
      for candidate in candidates { isCandidate[candidate.row] = true }
      for position in specs.indices where !isCandidate[position] {
        guard let tokensOfRow = values[position], !tokensOfRow.isEmpty, tokensOfRow.count < perRow,
          tokensOfRow.allSatisfy({ $0.kind == .number })
        else { continue }
        repeats.append((position, tokensOfRow))
      }
    }
    guard !candidates.isEmpty || !repeats.isEmpty else { return }
    let repeatReadings = repeats.map { entry in
      (
        entry.row,
        RunTogetherSolver.expandRepeats(entry.tokens.map { integer($0) }, into: perRow) { v in
          v[6] == v[0..<6].reduce(0, +)
        }
      )
    }
    let decided = RunTogetherSolver.chooseTable3Splits(
      candidates.map { ($0.row, $0.result.solutions) } + repeatReadings,
      known: rows.map { row in
        row.flatMap { row in
          row.cells.count == perRow && row.cells.allSatisfy { $0.integerValue != nil }
            ? row.cells.map { $0.integerValue! } : nil
        }
      },
      specs: specs
    )
    for (position, digits, result) in candidates {
      let split = decided[position]
      let info = RunTogether(
        range: digits.range,
        digits: digits.text,
        split: split,
        candidateCount: split == nil ? result.count : 1
      )
      rows[position]?.runTogether = info
      rows[position]?.cells = split.map { digits.cells($0) } ?? []
    }
    // Rows whose repeated values the text lost: read when the sums allow one reading, else left
    // short (and reported as such).
    for (position, tokens) in repeats {
      guard let reading = decided[position] else { continue }
      var cells: [Cell] = []
      cells.reserveCapacity(reading.count)
      var index = 0
      for value in reading {
        if integer(tokens[index]) != value { index += 1 }
        cells.append(Cell(range: tokens[index].range, content: .integer(value)))
      }
      let range = tokens.first!.range.lowerBound..<tokens.last!.range.upperBound
      var digits: [UInt8] = []
      digits.reserveCapacity(range.count)
      for (k, token) in tokens.enumerated() {
        if k > 0 { digits.append(0x20) }
        digits += source.utf8[token.range]
      }
      rows[position]?.runTogether = RunTogether(
        range: range,
        // Number tokens start and end on whole scalars: their bytes are their text.
        digits: String(decoding: digits, as: UTF8.self),
        split: reading,
        candidateCount: 1
      )
      rows[position]?.cells = cells
    }
  }

  private func integer(_ token: StreamToken) -> Int {
    // Plain ASCII digits, the usual cell, are read from the bytes (eighteen digits fit an Int).
    let bytes = source.utf8[token.range]
    if !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    return Int(LabelText.asciiDigits(source.text(token.range))) ?? -1
  }

  /// A total left blank at the end of a row looks like a trailing empty cell. Read it as a blank
  /// value when most rows of the table have all seven values.
  private func completeBlankTotals(_ rows: inout [TableRow?], values: [[StreamToken]?]) {
    var read = 0
    var complete = 0
    for case let row? in rows where row.runTogether == nil {
      read += 1
      if row.cells.count == 7 { complete += 1 }
    }
    guard complete * 2 > read else { return }
    for position in rows.indices {
      guard let row = rows[position], row.cells.count == 6, row.runTogether == nil,
        let trailing = values[position]?.first(where: \.trailing)
      else { continue }
      rows[position]?.cells.append(Cell(range: trailing.range, content: .blank))
    }
  }
}

/// Matches a piece of label text to a row of table 三 by its words, allowing small typos.
enum Table3LabelMatcher {
  enum Match {
    case row(Table3RowSpec, exact: Bool)
    case group(Int, exact: Bool)
    /// 三、本年度办理结果
    case resultsHeader
    case none
  }

  static func match(_ piece: LabelPiece) -> Match {
    let key = piece.normalized.key
    let numbering = piece.normalized.numbering
    if key == other {
      if case .parenthesized(6) = numbering { return .group(6, exact: true) }
      return .row(otherItem, exact: true)
    }
    if let entry = exact[key] { return entry }
    guard key.scalarCount >= 3 else { return .none }
    var best: (Double, Match)?
    var second = 0.0
    let scalars = key.scalars
    let masks = scalars.count <= 64 ? PieceMasks(scalars) : nil
    for (candidate, letters, entry) in exactScalars {
      // A label too different in length to score above the second best cannot change the
      // outcome: it is not compared.
      let bound = 2 * Double(min(scalars.count, candidate.count)) / Double(scalars.count + candidate.count)
      if bound <= second { continue }
      let score = masks?.similarity(to: letters) ?? LabelText.similarity(scalars, candidate)
      if score > (best?.0 ?? 0) {
        second = best?.0 ?? 0
        best = (score, entry)
      } else if score > second {
        second = score
      }
    }
    guard let (score, entry) = best, score >= 0.72, score - second >= 0.05 else { return .none }
    switch entry {
    case .row(let spec, _): return .row(spec, exact: false)
    case .group(let n, _): return .group(n, exact: false)
    default: return entry
    }
  }

  private static let otherItem = NationalFormat.table3Row(.item(3, of: 6))
  /// `其他`: item 3 of （六）, or （六） itself in the trial format.
  private static let other = LabelKey(normalized: "其他")

  /// Normalized label words → what they name.
  private static let exact: [LabelKey: Match] = {
    var map: [LabelKey: Match] = [:]
    for spec in NationalFormat.allTable3Rows where spec.row != .group(6) && spec.row != .item(3, of: 6) {
      map[LabelText.normalize(spec.label).key] = .row(spec, exact: true)
    }
    for group in [3, 4, 5, 6] {
      map[LabelKey(normalized: NationalFormat.table3Groups[group]!)] = .group(group, exact: true)
    }
    map[LabelKey(normalized: "本年度办理结果")] = .resultsHeader
    return map
  }()

  /// ``exact`` with each label's scalars, and the same as letters of ``alphabet``, for comparing
  /// a piece with every label. The order does not matter: the best and the second best score are
  /// the same in any order.
  private static let exactScalars: [(label: [Unicode.Scalar], letters: [Int], match: Match)] = exact.map {
    let label = $0.key.scalars
    return (label, label.map { alphabet[$0]! }, $0.value)
  }

  /// Every scalar of the labels, numbered.
  private static let alphabet: [Unicode.Scalar: Int] = {
    var letters: [Unicode.Scalar: Int] = [:]
    for label in exact.keys {
      for scalar in label.scalars where letters[scalar] == nil { letters[scalar] = letters.count }
    }
    return letters
  }()

  /// Where each letter of the alphabet stands in a piece of at most 64 scalars, one bit per
  /// place: the longest common subsequence with a label is then one pass over the label's
  /// letters (the bit-parallel form of the table ``LabelText/similarity(_:_:)`` fills).
  private struct PieceMasks {
    var masks: [UInt64]
    let count: Int

    init(_ scalars: [Unicode.Scalar]) {
      masks = [UInt64](repeating: 0, count: Table3LabelMatcher.alphabet.count)
      count = scalars.count
      for (place, scalar) in scalars.enumerated() {
        if let letter = Table3LabelMatcher.alphabet[scalar] { masks[letter] |= 1 << UInt64(place) }
      }
    }

    /// ``LabelText/similarity(_:_:)`` of the piece and a label given as letters.
    func similarity(to letters: [Int]) -> Double {
      if count == 0 || letters.isEmpty { return 0 }
      // A zero bit of `v` below `count` is one scalar of the piece in the common subsequence.
      var v = UInt64.max
      for letter in letters {
        let mask = masks[letter]
        v = (v &+ (v & mask)) | (v & ~mask)
      }
      let low = count == 64 ? UInt64.max : (1 << UInt64(count)) - 1
      let common = (~v & low).nonzeroBitCount
      return 2 * Double(common) / Double(count + letters.count)
    }
  }
}
