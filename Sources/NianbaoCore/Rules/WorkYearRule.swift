/// NB310: a sentence of sections 一 to 四 that reports work of another year than the report's
/// (`本单位2023年度…`, `。2023年，我局…` in the 2024 report). Paragraph openings are NB306's;
/// next year's plans, last year's final accounts (`2023年度部门决算`), comparisons (`较2023年`)
/// and titles (`《…2023年…》`) are not work of another year.
enum WorkYearRule {
  /// Who did the work: the agency speaking of itself, or the place it governs.
  static let subjects = [
    "本单位", "本机关", "本部门", "本局", "本委", "本办", "本院", "本级", "本镇", "本乡", "本县", "本区", "本市", "我局", "我委", "我办", "我区", "我县", "我市",
    "我镇", "我乡",
    "我单位", "我部门", "我厅", "我院", "我们", "全市", "全区", "全县", "全镇", "全乡", "全省",
  ]
  /// After `2023年度`: what is not that year's work.
  static let notWork = [
    "部门预算", "部门决算", "预算", "决算", "以来", "起", "至", "底", "末", "同期", "相比", "比", "的", "度部门预算", "度部门决算", "度预算", "度决算",
  ]

  static func run(_ context: inout RuleContext, _ prose: ProseScan) {
    let report = context.report
    guard let year = report.year else { return }
    let source = context.source
    let reported = Set(context.diagnostics.filter { $0.code == Rule.paragraphOtherYear.code }.map(\.range.lowerBound))
    for section in report.sections where (1...4).contains(section.number) {
      for (stretch, scalars) in prose.stretches(section) {
        for mention in ProseText.years(in: scalars, end: stretch.upperBound)
        where (mention.year < year || mention.year > year + 1) && !reported.contains(mention.range.lowerBound) {
          guard !insideTitle(scalars, before: mention.start) else { continue }
          let clause = ProseText.clause(scalars, from: mention.after)
          if notWork.contains(where: { clause.hasPrefix($0) }) { continue }
          let subject = subjectBefore(scalars, mention.start)
          let opensSentence = opensSentence(scalars, mention.start)
          guard subject != nil || (opensSentence && startsWithSubject(clause)) else { continue }
          let shownEnd =
            scalars.indices.contains(mention.after + 10) ? scalars[mention.after + 10].offset : stretch.upperBound
          let from = subject.map { scalars[$0].offset } ?? mention.range.lowerBound
          let shown = MessageText.quoted(source.text(from..<shownEnd))
          context.add(
            Diagnostic(
              .workOfAnotherYear,
              range: mention.range,
              message: LocalizedText(
                zh: "这是 \(year) 年度报告，但这句话叙述的是 \(mention.year) 年的工作（“\(shown)…”）。是否沿用了往年的文字？",
                en:
                  "This is the \(year) report, but this sentence reports the work of \(mention.year) (“\(shown)…”). Was it kept from an earlier report?"
              )
            )
          )
        }
      }
    }
  }

  /// The index where a subject word ends right before the year (`我局2023年`, `本单位于2023年`).
  private static func subjectBefore(_ scalars: ProseText.Scalars, _ start: Int) -> Int? {
    var end = start
    while end > 0, ProseText.isBlank(scalars[end - 1].scalar) { end -= 1 }
    if end > 0, scalars[end - 1].scalar == "于" || scalars[end - 1].scalar == "在" { end -= 1 }
    for subject in subjects {
      let count = subject.unicodeScalars.count
      guard end >= count else { continue }
      if scalars[(end - count)..<end].map(\.scalar).elementsEqual(subject.unicodeScalars) { return end - count }
    }
    return nil
  }

  /// After the end of a sentence inside a paragraph (`。2023年，…`).
  private static func opensSentence(_ scalars: ProseText.Scalars, _ start: Int) -> Bool {
    let (before, _) = ProseText.previousVisible(scalars, before: start)
    guard let before else { return false }
    return "。；！？;!?".unicodeScalars.contains(before)
  }

  /// `，我局共…` after `2023年`.
  private static func startsWithSubject(_ clause: String) -> Bool {
    var text = Substring(clause)
    if text.hasPrefix("度") { text = text.dropFirst() }
    while let first = text.first, "，,".contains(first) { text = text.dropFirst() }
    return subjects.contains { text.hasPrefix($0) && !text.dropFirst($0.count).hasPrefix("将") }
  }

  /// Inside `《…》` (a document's title) on the same stretch.
  private static func insideTitle(_ scalars: ProseText.Scalars, before start: Int) -> Bool {
    var k = start - 1
    while k >= 0, start - k < 60 {
      if scalars[k].scalar == "》" { return false }
      if scalars[k].scalar == "《" { return true }
      k -= 1
    }
    return false
  }
}
