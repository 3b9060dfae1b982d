import NianbaoTestSupport
import Testing

@testable import NianbaoCore

/// The words a section is compared by across years: the fixed sentences of the format are left
/// out, found as `String` finds them, by whole characters.
@Suite struct ComparableTextTests {
  private func kept(_ text: String) -> String {
    let source = SourceText(text)
    let comparable = ComparableText(body: 0..<source.utf8.count, skipping: [], in: source)
    return String(String.UnicodeScalarView(comparable.scalars.compactMap(Unicode.Scalar.init)))
  }

  @Test func leavesOutPrescribedSentences() {
    #expect(kept("本年度统计期限为2024年1月1日至12月31日。我们做了工作。") == "我们做了工作")
    #expect(kept("（统计期限为1年）；公开２项") == "公开0项")
  }

  /// A mark that joins the marker's last character makes another character: the sentence is kept.
  @Test func aJoiningMarkBreaksTheMarker() {
    #expect(kept("统计期限\u{0301}为一年。") == "统计期限为一年")
  }
}

/// The copied-text measure (NB312): the passages found through the hash table of grams are those
/// of a plain search that sorts every gram of the other text and tries the first places of each.
@Suite struct SharedPassagesTests {
  @Test func findsCopiedRuns() {
    let before = Array("今年我们继续推进政务公开标准化规范化建设，完善工作机制".unicodeScalars.map(\.value))
    let now = Array("本年度继续推进政务公开标准化规范化建设并取得成效".unicodeScalars.map(\.value))
    let shared = SharedPassages(now, in: before)
    #expect(shared.passages.count == 1)
    #expect(shared.passages.first?.length == "继续推进政务公开标准化规范化建设".unicodeScalars.count)
    #expect(shared.sharedCount == shared.passages.first?.length)
  }

  @Test func shortTextsShareNothing() {
    #expect(SharedPassages([1, 2, 3], in: [1, 2, 3]).share == 0)
    #expect(SharedPassages([], in: []).passages.isEmpty)
  }

  /// Small alphabets make many equal grams, so that more places than are tried share a key.
  @Test(arguments: [2, 3, 5, 40])
  func sameAsSortedSearch(alphabet: UInt32) {
    var random = SplitMix(seed: UInt64(alphabet))
    for _ in 0..<300 {
      let base = (0..<Int(random.next() % 300)).map { _ in UInt32(random.next() % UInt64(alphabet)) }
      var text = (0..<Int(random.next() % 300)).map { _ in UInt32(random.next() % UInt64(alphabet)) }
      // Copy a few runs of the other text in, as a report copies last year's sentences.
      for _ in 0..<3 where base.count > 20 {
        let start = Int(random.next() % UInt64(base.count - 20))
        let at = Int(random.next() % UInt64(text.count + 1))
        text.insert(contentsOf: base[start..<start + 20], at: at)
      }
      let found = SharedPassages(text, in: base)
      let expected = Self.sortedSearch(text, in: base)
      #expect(found.passages == expected.passages)
      #expect(found.sharedCount == expected.shared)
    }
  }

  private static func sortedSearch(
    _ text: [UInt32],
    in other: [UInt32]
  ) -> (
    passages: [SharedPassages.Passage], shared: Int
  ) {
    let n = SharedPassages.minimumLength
    guard text.count >= n, other.count >= n else { return ([], 0) }
    var grams = (0...(other.count - n)).map { (key: SharedPassages.key(other, $0), start: $0) }
    grams.sort { ($0.key, $0.start) < ($1.key, $1.start) }
    var passages: [SharedPassages.Passage] = []
    var shared = 0
    var position = 0
    while position + n <= text.count {
      let key = SharedPassages.key(text, position)
      let places = grams.filter { $0.key == key }.prefix(SharedPassages.placesTried)
      var best: (start: Int, length: Int)?
      for place in places {
        var length = 0
        while position + length < text.count, place.start + length < other.count,
          text[position + length] == other[place.start + length]
        {
          length += 1
        }
        if length >= n, length > (best?.length ?? 0) { best = (place.start, length) }
      }
      if let best {
        passages.append(.init(start: position, otherStart: best.start, length: best.length))
        shared += best.length
        position += best.length
      } else {
        position += 1
      }
    }
    return (passages, shared)
  }
}
