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
      let length = Self.scalarLength(bytes[offset])
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
      let properties = scalar.properties
      if properties.generalCategory == .decimalNumber {
        add(0x30, offset, length)
        continue
      }
      guard properties.isAlphabetic || properties.isIdeographic else { continue }
      add(LabelText.widthFolded(scalar).value, offset, length)
    }
  }

  /// Whether a sentence holds one of ``prescribedSentenceMarkers``, as `String.contains` finds
  /// them (by characters), found by comparing bytes: a marker's bytes must be there (then the
  /// characters are compared, for a mark that combines with the marker's last character), or a
  /// CJK compatibility ideograph, which stands for a marker's character in a `String` comparison.
  private static func isPrescribed(_ source: SourceText, _ range: Range<Int>) -> Bool {
    let bytes = source.utf8
    var compatibility = false
    var found = false
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == 0xEF, index + 1 < range.upperBound, bytes[index + 1] >= 0xA4, bytes[index + 1] <= 0xAB {
        compatibility = true
      } else if byte == 0xF0, index + 1 < range.upperBound, bytes[index + 1] == 0xAF {
        compatibility = true
      } else if byte >= 0xE0, !found {
        for marker in markerBytes where byte == marker[0] && index + marker.count <= range.upperBound {
          if bytes.hasBytes(marker, at: index) {
            found = true
            break
          }
        }
      }
      index += 1
    }
    guard found || compatibility else { return false }
    let text = source.text(range)
    return prescribedSentenceMarkers.contains { text.contains($0) }
  }

  private mutating func add(_ value: UInt32, _ offset: Int, _ length: Int) {
    scalars.append(value)
    starts.append(offset)
    ends.append(offset + length)
  }

  private static func scalarLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0..<0x80: return 1
    case 0xC0..<0xE0: return 2
    case 0xE0..<0xF0: return 3
    case 0xF0...: return 4
    default: return 1
    }
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
/// much of it is copied. Linear in the texts' lengths, but for sorting the other text's
/// ``minimumLength``-grams once (a look-up tries the first few positions of a gram).
struct SharedPassages: Sendable {
  struct Passage: Sendable, Hashable {
    /// Index of the first scalar in the text, and in the other text.
    var start: Int
    var otherStart: Int
    var length: Int
  }

  static let minimumLength = 8
  /// How many places of a gram in the other text are tried.
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
    // The other text's grams as (key, start), sorted: a gram's places are one run, in order.
    var grams = (0...(other.count - n)).map { (key: Self.key(other, $0), start: $0) }
    grams.sort { ($0.key, $0.start) < ($1.key, $1.start) }
    var position = 0
    while position + n <= text.count {
      var best: (start: Int, length: Int)?
      let key = Self.key(text, position)
      var place = Self.firstPlace(of: key, in: grams)
      let lastPlace = min(place + Self.placesTried, grams.count)
      while place < lastPlace, grams[place].key == key {
        let start = grams[place].start
        place += 1
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

  /// The index of the first gram whose key is not below `key`.
  private static func firstPlace(of key: UInt64, in grams: [(key: UInt64, start: Int)]) -> Int {
    var low = 0
    var high = grams.count
    while low < high {
      let middle = (low + high) / 2
      if grams[middle].key < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private static func key(_ scalars: [UInt32], _ start: Int) -> UInt64 {
    var hash = UInt64(14_695_981_039_346_656_037)
    for index in start..<start + minimumLength { hash = (hash ^ UInt64(scalars[index])) &* 1_099_511_628_211 }
    return hash
  }
}
