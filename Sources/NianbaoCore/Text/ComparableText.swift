/// A section's own words as compared across years: letters and digits only (punctuation, spaces
/// and line breaks dropped, every digit read as 0, so that a copied sentence with this year's
/// numbers is still the same sentence), with the byte range each came from. Left out are the
/// words the format itself prescribes: the tables, the sub-headings, and the fixed sentences
/// every report carries (the statistics period, the fee statement …).
struct ComparableText: Sendable, Hashable {
  var scalars: [UInt32] = []
  /// The UTF-8 range of each scalar in the report.
  var starts: [Int] = []
  var ends: [Int] = []

  var count: Int { scalars.count }

  /// Words that mark a sentence as one the format prescribes.
  static let prescribedSentenceMarkers = [
    "统计期限", "本报告依据", "全文包括", "电子版", "如对本报告", "信息处理费", "收费通知", "本年度报告中使用数据",
  ]
  private static let markerBytes = prescribedSentenceMarkers.map { Array($0.utf8) }

  init() {}

  init(section: Section, of report: Report) {
    let skipped =
      ([report.table2?.range, report.table3?.range, report.table4?.range].compactMap { $0 }
      + section.subheadings.map(\.range)).filter { $0.overlaps(section.bodyRange) }
    self.init(body: section.bodyRange, skipping: skipped, in: report.source)
  }

  /// The words of a section's body, read from the report's bytes, leaving out `skipped` (the
  /// tables and sub-headings inside it).
  init(body bodyRange: Range<Int>, skipping skipped: [Range<Int>], in source: SourceText) {
    let bytes = source.utf8
    let body = bodyRange.clamped(to: 0..<bytes.count)
    // Chinese text: about one letter or digit kept for every three bytes.
    scalars.reserveCapacity(body.count / 3)
    starts.reserveCapacity(body.count / 3)
    ends.reserveCapacity(body.count / 3)
    var sentenceStart = body.lowerBound
    var offset = body.lowerBound
    while offset < body.upperBound {
      if let range = skipped.first(where: { $0.contains(offset) }) {
        append(sentenceStart..<offset, of: source)
        // A table may run past the section (into the next heading's line).
        offset = min(range.upperBound, body.upperBound)
        sentenceStart = offset
        continue
      }
      let length = TextBytes.scalarWidth(bytes[offset])
      let end = min(offset + length, body.upperBound)
      if Self.endsSentence(bytes, offset, end) {
        append(sentenceStart..<end, of: source)
        sentenceStart = end
      }
      offset = end
    }
    append(sentenceStart..<body.upperBound, of: source)
  }

  /// Adds one sentence's letters and digits, unless the format prescribes the sentence.
  private mutating func append(_ range: Range<Int>, of source: SourceText) {
    guard !range.isEmpty else { return }
    let bytes = source.utf8
    // The sentence's scalars, rounded to scalar boundaries as `SourceText.text(_:)` does.
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, bytes.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, bytes.count)))
    guard !Self.isPrescribed(source, lower..<upper) else { return }
    var offset = range.lowerBound
    var index = lower
    while index < upper {
      let (scalar, length) = SourceText.decode(bytes, index)
      index += length
      defer { offset += length }
      let value = scalar.value
      // Letters and digits of ASCII and the CJK ideographs, the bulk of any report, without a
      // look-up of their properties.
      if value < 0x80 {
        if value >= 0x30 && value <= 0x39 {
          add(0x30, offset, length)
        } else if value | 0x20 >= 0x61 && value | 0x20 <= 0x7A {
          add(value, offset, length)
        }
        continue
      }
      if value >= 0x4E00 && value <= 0x9FFF {
        add(value, offset, length)
        continue
      }
      switch Self.kind(of: scalar) {
      case .digit: add(0x30, offset, length)
      case .letter: add(LabelText.widthFolded(scalar).value, offset, length)
      case .other: continue
      }
    }
  }

  private enum ScalarKind: UInt8 {
    case other, digit, letter
  }

  /// Whether a scalar is kept as a digit, kept as a letter (alphabetic or ideographic), or left
  /// out. The punctuation of Chinese text (U+2000–U+206F, U+3000–U+303F, U+FF00–U+FFEF) is looked
  /// up in a table made once; other scalars by their properties.
  private static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
    let value = scalar.value
    for (start, kinds) in punctuationKinds where value >= start && value < start + UInt32(kinds.count) {
      return kinds[Int(value - start)]
    }
    return kindByProperties(scalar)
  }

  private static let punctuationKinds: [(start: UInt32, kinds: [ScalarKind])] = [
    (0x2000, 0x2070), (0x3000, 0x3040), (0xFF00, 0xFFF0),
  ].map { start, end in
    (start, (start..<end).map { Unicode.Scalar($0).map(kindByProperties) ?? .other })
  }

  private static func kindByProperties(_ scalar: Unicode.Scalar) -> ScalarKind {
    let properties = scalar.properties
    if properties.generalCategory == .decimalNumber { return .digit }
    return properties.isAlphabetic || properties.isIdeographic ? .letter : .other
  }

  /// Whether a sentence holds one of ``prescribedSentenceMarkers``, as `String.contains` finds
  /// them (by characters), found by comparing bytes: a marker's bytes must be there (then the
  /// characters are compared, for a mark that combines with the marker's last character), or a
  /// CJK compatibility ideograph, which stands for a marker's character in a `String` comparison.
  private static func isPrescribed(_ source: SourceText, _ range: Range<Int>) -> Bool {
    let bytes = source.utf8
    var compatibility = false
    var found = false
    var foundAt: Range<Int>?
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == 0xEF, index + 1 < range.upperBound, bytes[index + 1] >= 0xA4, bytes[index + 1] <= 0xAB {
        compatibility = true
      } else if byte == 0xF0, index + 1 < range.upperBound, bytes[index + 1] == 0xAF {
        compatibility = true
      } else if byte >= 0xE0, byte < 0xF0, !found, index + 3 <= range.upperBound {
        let first = UInt32(byte) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
        for (lead, marker) in markerLeads where lead == first && index + marker.count <= range.upperBound {
          if bytes.hasBytes(marker, at: index) {
            found = true
            foundAt = index..<index + marker.count
            break
          }
        }
      }
      index += TextBytes.scalarWidth(byte)
    }
    guard found || compatibility else { return false }
    if let found = foundAt, !compatibility, isWholeCharacters(found, of: source, in: range) {
      return true
    }
    let text = source.text(range)
    return prescribedSentenceMarkers.contains { text.contains($0) }
  }

  /// Whether the characters found at `found` are whole characters of the text, as `String`
  /// compares them: the scalars on either side are ones that never join a character with their
  /// neighbour (ASCII, the common CJK ideographs, `、。` and full-width ASCII), or the sentence's
  /// edge.
  private static func isWholeCharacters(_ found: Range<Int>, of source: SourceText, in range: Range<Int>) -> Bool {
    func standsAlone(_ offset: Int) -> Bool {
      let (scalar, _) = SourceText.decode(source.utf8, offset)
      let value = scalar.value
      return value < 0x80 || (0x4E00...0x9FFF).contains(value) || value == 0x3001 || value == 0x3002
        || (0xFF01...0xFF5E).contains(value)
    }
    if found.lowerBound > range.lowerBound, !standsAlone(source.scalarStart(atOrBefore: found.lowerBound - 1)) {
      return false
    }
    return found.upperBound >= range.upperBound || standsAlone(found.upperBound)
  }

  /// Each marker's bytes, after the three bytes of its first character packed in one number.
  private static let markerLeads = markerBytes.map { marker in
    (UInt32(marker[0]) << 16 | UInt32(marker[1]) << 8 | UInt32(marker[2]), marker)
  }

  private mutating func add(_ value: UInt32, _ offset: Int, _ length: Int) {
    scalars.append(value)
    starts.append(offset)
    ends.append(offset + length)
  }

  /// Whether the scalar at `offset..<end` ends a sentence: `。！？；` or a line break.
  private static func endsSentence(_ bytes: [UInt8], _ offset: Int, _ end: Int) -> Bool {
    switch end - offset {
    case 1: return bytes[offset] == 0x0A
    case 3:
      // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B
      let (b0, b1, b2) = (bytes[offset], bytes[offset + 1], bytes[offset + 2])
      return b0 == 0xE3 && b1 == 0x80 && b2 == 0x82
        || b0 == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x9B)
    default: return false
    }
  }
}

/// Passages one text shares with another, found by greedy tiling: at each position of the text,
/// the longest run (of at least ``minimumLength`` scalars) that also occurs in the other text is
/// taken and the walk goes on after it. The share of the text's scalars inside such runs is how
/// much of it is copied. Linear in the texts' lengths: the other text's ``minimumLength``-grams
/// are put in a hash table once, and a look-up tries the first few places of a gram.
struct SharedPassages: Sendable {
  struct Passage: Sendable, Hashable {
    /// Index of the first scalar in the text, and in the other text.
    var start: Int
    var otherStart: Int
    var length: Int
  }

  static let minimumLength = 8
  /// How many places of a gram in the other text are tried: the first ones, in the text's order.
  static let placesTried = 8
  var passages: [Passage] = []
  var sharedCount = 0
  var share: Double

  init(_ text: [UInt32], in other: [UInt32]) {
    let n = Self.minimumLength
    guard text.count >= n, other.count >= n else {
      share = 0
      return
    }
    let grams = GramPlaces(other, length: n)
    var position = 0
    while position + n <= text.count {
      var best: (start: Int, length: Int)?
      var place = grams.firstPlace(of: Self.key(text, position))
      var tried = 0
      while place >= 0, tried < Self.placesTried {
        let start = place
        place = grams.nextPlace(after: place)
        tried += 1
        var length = 0
        while position + length < text.count, start + length < other.count,
          text[position + length] == other[start + length]
        {
          length += 1
        }
        if length >= n, length > (best?.length ?? 0) { best = (start, length) }
      }
      if let best {
        passages.append(Passage(start: position, otherStart: best.start, length: best.length))
        sharedCount += best.length
        position += best.length
      } else {
        position += 1
      }
    }
    share = Double(sharedCount) / Double(text.count)
  }

  static func key(_ scalars: [UInt32], _ start: Int) -> UInt64 {
    var hash = UInt64(14_695_981_039_346_656_037)
    for index in start..<start + minimumLength { hash = (hash ^ UInt64(scalars[index])) &* 1_099_511_628_211 }
    return hash
  }
}

/// The places of every gram of a text, by the gram's key: an open-addressed table from a key to
/// its first place, and each place chained to the next place of the same key, in the text's order.
private struct GramPlaces {
  private var keys: [UInt64]
  private var firstPlaces: [Int32]
  private var nextPlaces: [Int32]
  private let mask: Int
  private let shift: UInt64

  init(_ text: [UInt32], length: Int) {
    let count = text.count - length + 1
    var bits = 4
    while 1 << bits < 2 * count { bits += 1 }
    mask = (1 << bits) - 1
    shift = UInt64(64 - bits)
    keys = [UInt64](repeating: 0, count: 1 << bits)
    firstPlaces = [Int32](repeating: -1, count: 1 << bits)
    nextPlaces = [Int32](repeating: -1, count: count)
    // From the last place to the first, each place goes in front of its key's chain.
    for place in stride(from: count - 1, through: 0, by: -1) {
      let key = SharedPassages.key(text, place)
      let slot = self.slot(of: key)
      if firstPlaces[slot] >= 0 { nextPlaces[place] = firstPlaces[slot] }
      keys[slot] = key
      firstPlaces[slot] = Int32(place)
    }
  }

  /// The first place of a gram with `key`, or -1.
  func firstPlace(of key: UInt64) -> Int { Int(firstPlaces[slot(of: key)]) }

  /// The next place of the same gram key after `place`, or -1.
  func nextPlace(after place: Int) -> Int { Int(nextPlaces[place]) }

  /// The slot holding `key`, or the empty slot where it would go.
  private func slot(of key: UInt64) -> Int {
    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while firstPlaces[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
    return slot
  }
}
