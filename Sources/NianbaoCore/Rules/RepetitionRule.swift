/// NB312: a section whose own words are more than half last year's (supervisors deduct points
/// for copied reports; 宿迁's scoring rules draw the line at 50%). The measure is
/// ``SharedPassages`` over ``ComparableText``: the share of the section's letters and digits that
/// lie in runs of 8 or more also found in the same section of last year's report.
enum RepetitionRule {
  /// The sections written in the agency's own words: 二 to 四 are the format's tables, whose
  /// captions and labels are the same every year.
  static let comparedSections: Set<Int> = [1, 5, 6]
  /// More than this share of a section copied is a finding.
  static let threshold = 0.5
  /// Sections with fewer letters and digits than this (a line on fees, a table's caption) are
  /// too short to judge.
  static let minimumLength = 50
  /// How many copied passages the finding points to.
  static let passagesShown = 3

  static func check(
    current: CrossYearRules.Summary,
    previous: CrossYearRules.Summary,
    previousFile: String
  ) -> [Diagnostic] {
    current.sections.compactMap { section -> Diagnostic? in
      guard section.text.count >= minimumLength,
        let before = previous.sections.first(where: { $0.number == section.number })
      else { return nil }
      let shared = SharedPassages(section.text.scalars, in: before.text.scalars)
      guard shared.share > threshold else { return nil }
      // 50.4% is shown with its decimal: "50%" would not read as more than half.
      let percentValue = shared.share * 100
      let percent =
        percentValue < 51 ? String(Double(Int(percentValue * 10)) / 10) : String(Int(percentValue.rounded(.down)))
      let longest = shared.passages.sorted { ($0.length, -$0.start) > ($1.length, -$1.start) }.prefix(passagesShown)
      let related = longest.map { passage in
        let range = before.text.starts[passage.otherStart]..<before.text.ends[passage.otherStart + passage.length - 1]
        return RelatedNote(
          range: range,
          message: LocalizedText(
            zh: "\(previous.year) 年报告中相同的一段（\(passage.length) 字）",
            en: "the same passage in the \(previous.year) report (\(passage.length) characters)"
          ),
          file: previousFile
        )
      }
      return Diagnostic(
        .repeatedText,
        range: section.headingRange,
        message: LocalizedText(
          zh: "本部分 \(percent)% 的文字与 \(previous.year) 年报告相同（超过一半），请按本年度的工作重写",
          en:
            "\(percent)% of this section's text is the same as in the \(previous.year) report (more than half); write it for this year"
        ),
        related: Array(related)
      )
    }
  }
}
