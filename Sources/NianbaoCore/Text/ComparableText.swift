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

  init() {}

  init(section: Section, of report: Report) {
    let skipped =
      ([report.table2?.range, report.table3?.range, report.table4?.range].compactMap { $0 }
      + section.subheadings.map(\.range)).filter { $0.overlaps(section.bodyRange) }
    let bytes = report.source.utf8
    let body = section.bodyRange.clamped(to: 0..<bytes.count)
    var sentenceStart = body.lowerBound
    var offset = body.lowerBound
    while offset < body.upperBound {
      if let range = skipped.first(where: { $0.contains(offset) }) {
        append(sentenceStart..<offset, of: report.source)
        // A table may run past the section (into the next heading's line).
        offset = min(range.upperBound, body.upperBound)
        sentenceStart = offset
        continue
      }
      let length = Self.scalarLength(bytes[offset])
      let end = min(offset + length, body.upperBound)
      if Self.endsSentence(bytes[offset..<end]) {
        append(sentenceStart..<end, of: report.source)
        sentenceStart = end
      }
      offset = end
    }
    append(sentenceStart..<body.upperBound, of: report.source)
  }

  /// Adds one sentence's letters and digits, unless the format prescribes the sentence.
  private mutating func append(_ range: Range<Int>, of source: SourceText) {
    guard !range.isEmpty else { return }
    let text = source.text(range)
    guard !Self.prescribedSentenceMarkers.contains(where: { text.contains($0) }) else { return }
    var offset = range.lowerBound
    for scalar in text.unicodeScalars {
      let length = scalar.utf8.count
      defer { offset += length }
      let properties = scalar.properties
      if properties.generalCategory == .decimalNumber {
        add(0x30, offset, length)
        continue
      }
      guard properties.isAlphabetic || properties.isIdeographic else { continue }
      add(LabelText.widthFolded(scalar).value, offset, length)
    }
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

  private static let sentenceEnds: [[UInt8]] = ["。", "！", "？", "；", "\n"].map { Array($0.utf8) }

  private static func endsSentence(_ scalar: ArraySlice<UInt8>) -> Bool {
    sentenceEnds.contains { $0.elementsEqual(scalar) }
  }
}

/// Passages one text shares with another, found by greedy tiling: at each position of the text,
/// the longest run (of at least ``minimumLength`` scalars) that also occurs in the other text is
/// taken and the walk goes on after it. The share of the text's scalars inside such runs is how
/// much of it is copied. Linear in the texts' lengths (an index of the other text's
/// ``minimumLength``-grams, a few positions each).
struct SharedPassages: Sendable {
  struct Passage: Sendable, Hashable {
    /// Index of the first scalar in the text, and in the other text.
    var start: Int
    var otherStart: Int
    var length: Int
  }

  static let minimumLength = 8
  var passages: [Passage] = []
  var sharedCount = 0
  var share: Double

  init(_ text: [UInt32], in other: [UInt32]) {
    let n = Self.minimumLength
    guard text.count >= n, other.count >= n else {
      share = 0
      return
    }
    var index: [UInt64: [Int]] = [:]
    for start in 0...(other.count - n) {
      let key = Self.key(other[start..<start + n])
      if index[key, default: []].count < 8 { index[key, default: []].append(start) }
    }
    var position = 0
    while position + n <= text.count {
      var best: (start: Int, length: Int)?
      for start in index[Self.key(text[position..<position + n])] ?? [] {
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

  private static func key(_ gram: ArraySlice<UInt32>) -> UInt64 {
    gram.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
  }
}
