/// NB407: a word written twice in a row (`的的`, `进一步进一步`) in the running text. Chinese
/// doubles many words on purpose (`常常`, `层层`, `扎扎实实`, `等等`): a single character is
/// flagged only when it is a function word that is never doubled.
enum DoubledWordRule {
  /// Function words that are never doubled on purpose.
  static let singles: Set<Unicode.Scalar> = Set("的和与及并被从向于其之也都还而或".unicodeScalars)
  static let longest = 8

  static func run(_ context: inout RuleContext, _ prose: ProseScan) {
    let report = context.report
    let source = context.source
    for section in report.sections {
      for (stretch, stretchScalars) in prose.stretches(section) {
        // Read through the buffer: this looks at every character of the text.
        stretchScalars.withUnsafeBufferPointer { scalars in
          let mayRepeat = repeatsSoon(scalars)
          var index = 0
          while index < scalars.count {
            if mayRepeat[index], let length = doubled(scalars, at: index), inSentence(source, scalars[index].offset) {
              let first = scalars[index].offset
              let second = scalars[index + length].offset
              let end = index + 2 * length < scalars.count ? scalars[index + 2 * length].offset : stretch.upperBound
              let word = source.text(first..<second)
              context.add(
                Diagnostic(
                  .doubledWords,
                  range: first..<end,
                  message: LocalizedText(
                    zh: "“\(word)”连写了两遍。",
                    en: "“\(word)” is written twice in a row."
                  ),
                  fixes: [
                    Fix(
                      title: LocalizedText(zh: "删去重复的“\(word)”", en: "Remove the repeated “\(word)”"),
                      edits: [TextEdit(range: second..<end, replacement: "")],
                      isCertain: true
                    )
                  ]
                )
              )
              index += 2 * length
            } else {
              index += 1
            }
          }
        }
      }
    }
  }

  /// For each scalar, whether it may come again within the next ``longest`` scalars: only
  /// there can a doubled word start. One pass from the end remembers where a scalar with each
  /// low byte was seen last; a scalar whose nearest namesake by low byte is further away cannot
  /// come again that soon.
  static func repeatsSoon(_ scalars: UnsafeBufferPointer<(scalar: Unicode.Scalar, offset: Int)>) -> [Bool] {
    var nearest = [Int](repeating: Int.max, count: 256)
    var result = [Bool](repeating: false, count: scalars.count)
    var index = scalars.count - 1
    while index >= 0 {
      let bucket = Int(scalars[index].scalar.value & 0xFF)
      result[index] = nearest[bucket] - index <= longest
      nearest[bucket] = index
      index -= 1
    }
    return result
  }

  /// Whether the line is running text, with the punctuation of a sentence: the header cells of
  /// a table wrapped over lines (`结果结果其他尚未`) have none.
  static func inSentence(_ source: SourceText, _ offset: Int) -> Bool {
    let line = source.text(source.lines.contentRange(ofLine: source.lines.line(containing: offset)))
    return line.unicodeScalars.contains { "，。；、：,;".unicodeScalars.contains($0) }
  }

  /// Place names that end in a word of their own: `市政府` then `政府信息`.
  static let governmentPlaces: Set<Unicode.Scalar> = Set("省市县区镇乡州旗盟民".unicodeScalars)

  /// The length of the word at `index` that is written again right after it, if any.
  static func doubled(
    _ scalars: UnsafeBufferPointer<(scalar: Unicode.Scalar, offset: Int)>,
    at index: Int
  ) -> Int? {
    let first = scalars[index].scalar
    guard ProseText.isIdeograph(first) else { return nil }
    var next = min(longest, (scalars.count - index) / 2)
    while next >= 1 {
      let length = next
      next -= 1
      // Compared in place: this runs at every character of the text.
      guard scalars[index + length].scalar == first else { continue }
      var same = true
      for k in 0..<length
      where scalars[index + k].scalar != scalars[index + length + k].scalar
        || !ProseText.isIdeograph(scalars[index + k].scalar)
      {
        same = false
        break
      }
      guard same else { continue }
      if length == 1 {
        let s = first
        guard singles.contains(s) else { continue }
        let before = index > 0 ? scalars[index - 1].scalar : nil
        let after = index + 2 < scalars.count ? scalars[index + 2].scalar : nil
        // `的的确确`; `目的的` (the word 目的, then 的).
        if s == "的" && (after == "确" || before == "目" || before == "有") { continue }
        return 1
      }
      // `一件一件`, `一步一步`: counting, not a slip.
      if first == "一" && length == 2 { continue }
      // `市政府政府信息专栏`: the city government's government-information column.
      if length == 2, first == "政", scalars[index + 1].scalar == "府", index > 0,
        governmentPlaces.contains(scalars[index - 1].scalar)
      {
        continue
      }
      return length
    }
    return nil
  }
}
