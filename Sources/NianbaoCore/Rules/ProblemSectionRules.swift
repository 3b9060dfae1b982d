/// NB404, NB405: what section 五 says. It names the report year's problems and next year's
/// plans; looking back at how last year's problems were addressed is what the format asks for.
enum ProblemSectionRules {
  static func run(_ context: inout RuleContext, _ prose: ProseScan) {
    guard let problems = context.report.section(5) else { return }
    checkSaysNothing(problems, &context)
    if let year = context.report.year { checkYears(problems, year: year, prose, &context) }
  }

  /// Words that only name the parts of 五, not what is in them.
  private static let partNames = [
    "存在的主要问题和不足", "存在的主要问题", "主要问题和不足", "存在问题和不足", "存在的问题", "存在问题", "主要问题", "问题和不足", "改进情况", "改进措施", "整改措施", "整改情况",
    "下一步工作计划", "工作计划",
  ]
  private static let shortestSentence = 12

  private static func checkSaysNothing(_ problems: Section, _ context: inout RuleContext) {
    let source = context.source
    var words = ContentRules.words(source, problems.bodyRange)
    guard !words.isEmpty else { return }  // NB402
    // Longer than every part name together and a sentence: it says something.
    guard words.unicodeScalars.count < 120 else { return }
    let written = words
    for name in partNames { words = words.removingBytes(of: name) }
    let key = CompletionKey(words)
    // What remains without the numberings of sub-headings inside (`（一）…（二）…`), counted
    // in place.
    var remaining = 0
    var allNone = true
    for scalar in key.words.unicodeScalars where !isNumbering(scalar) {
      remaining += 1
      if !isNone(scalar) { allNone = false }
    }
    let onlyNone = remaining > 0 && allNone
    guard onlyNone || remaining < shortestSentence else { return }
    let quoted = MessageText.quoted(written)
    context.add(
      Diagnostic(
        .problemsSayNothing,
        range: problems.headingRange,
        message: onlyNone
          ? LocalizedText(
            zh: "“五、存在的主要问题及改进情况”只写了“\(quoted)”。应写明本年度工作中存在的主要问题和改进措施，只写“无”审查时视同未报告。",
            en:
              "Section 五 says only “\(quoted)”. It states the main problems of the year's work and how they are addressed; reviewers count “无” alone as not reported."
          )
          : LocalizedText(
            zh: "“五、存在的主要问题及改进情况”只有“\(quoted)”，不足一句话。应写明本年度工作中存在的主要问题和改进措施。",
            en:
              "Section 五 holds only “\(quoted)”, less than a sentence. It states the main problems of the year's work and how they are addressed."
          )
      )
    )
  }

  private static func isNumbering(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "0"..."9": return true
    default: return false
    }
  }

  private static func isNone(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "无", "暂", "没", "有": return true
    default: return false
    }
  }

  /// What comes after `将` in a plan (`将继续`, `将采取以下措施`), as against `将` meaning 把
  /// (`将政务公开纳入考核`, which reports work done).
  static let planVerbs = [
    "继续", "进一步", "采取", "重点", "着力", "持续", "加强", "围绕", "认真", "不断", "坚持", "从以下", "积极", "全面", "深入", "做好", "切实",
    "强化", "聚焦", "推动", "推进", "完善", "加大", "严格", "紧紧", "着重", "努力", "力争", "以", "丰富", "优化", "提升", "建立", "健全", "拓展",
    "加快", "落实", "开展", "抓好", "注重",
  ]
  static let planMarkers = ["计划", "拟", "着重从", "力争", "下一步"]

  /// `2024年，我局将继续…` (after the year): whether the clause opens a plan. Up to ten
  /// characters of subject may stand between the year and `将`.
  static func opensPlan(_ clause: String) -> Bool {
    var text = Array(clause)
    if text.first == "度" { text.removeFirst() }
    while let first = text.first, "，,、：:".contains(first) { text.removeFirst() }
    let head = Array(String(text.prefix(14)))
    for marker in planMarkers {
      if let found = characterOffset(of: marker, in: head), found <= 10 { return true }
    }
    guard let will = text.prefix(11).firstIndex(of: "将") else { return false }
    let rest = String(text[(will + 1)...])
    // Every verb opens with a CJK ideograph, which no other character equals: text that opens
    // with another ideograph opens with none of them, and is not compared with each.
    if let head = rest.unicodeScalars.first, (0x4E00...0x9FFF).contains(head.value), !planVerbHeads.contains(head) {
      return false
    }
    return planVerbs.contains { rest.hasPrefix($0) }
  }

  private static let planVerbHeads = Set(planVerbs.compactMap(\.unicodeScalars.first))

  /// `2023年存在的问题`, `2023年工作中存在的主要问题和不足` (after the year), and not the
  /// review of how they were addressed (`…的改进情况`, `…整改`).
  static func namesProblems(_ clause: String) -> Bool {
    var text = Substring(clause)
    if text.hasPrefix("度") { text = text.dropFirst() }
    let characters = Array(text)
    guard let exist = characterOffset(of: "存在", in: characters), exist <= 10 else { return false }
    let before = characters[..<exist]
    guard !before.contains("，"), !before.contains(","), !before.contains("但") else { return false }
    let after = Array(characters[(exist + 2)...].prefix(8))
    guard characterOffset(of: "问题", in: after) != nil || characterOffset(of: "不足", in: after) != nil else {
      return false
    }
    return !["改进", "整改", "改正", "落实情况", "解决情况"].contains { characterOffset(of: $0, in: characters) != nil }
  }

  /// Where `needle` first stands in `characters`, counted in characters.
  static func characterOffset(of needle: String, in characters: [Character]) -> Int? {
    let pattern = Array(needle)
    guard !pattern.isEmpty, characters.count >= pattern.count else { return nil }
    return (0...(characters.count - pattern.count)).first {
      characters[$0..<($0 + pattern.count)].elementsEqual(pattern)
    }
  }

  private static func checkYears(_ problems: Section, year: Int, _ prose: ProseScan, _ context: inout RuleContext) {
    let source = context.source
    let reported = Set(context.diagnostics.filter { $0.code == Rule.paragraphOtherYear.code }.map(\.range.lowerBound))
    for (stretch, scalars) in prose.stretches(problems) {
      for mention in ProseText.years(in: scalars, end: stretch.upperBound)
      where !reported.contains(mention.range.lowerBound) {
        let clause = ProseText.clause(scalars, from: mention.after)
        // Quoted only for a finding.
        func shown() -> String {
          MessageText.quoted(
            source.text(
              mention.range
                .lowerBound..<(scalars.indices.contains(mention.after + 12)
                ? scalars[mention.after + 12].offset : stretch.upperBound)
            )
          )
        }
        if mention.year <= year, opensPlan(clause) {
          add(.plan, mention, shown(), year, &context)
        } else if mention.year != year, namesProblems(clause) {
          add(.problems, mention, shown(), year, &context)
        }
      }
    }
  }

  private enum Kind {
    case plan
    case problems
  }

  private static func add(
    _ kind: Kind,
    _ mention: ProseText.YearMention,
    _ shown: String,
    _ year: Int,
    _ context: inout RuleContext
  ) {
    let message: LocalizedText
    switch kind {
    case .plan:
      message = LocalizedText(
        zh: "这是 \(year) 年度报告，但第五部分的改进计划写的是“\(shown)”。改进措施是下一年度（\(year + 1)年）的计划，是否沿用了往年的文字？",
        en:
          "This is the \(year) report, but the plan in section 五 reads “\(shown)”. Improvements are next year's (\(year + 1)) plans; was this kept from an earlier report?"
      )
    case .problems:
      message = LocalizedText(
        zh: "这是 \(year) 年度报告，但第五部分写的是\(mention.year)年存在的问题（“\(shown)”）。存在的问题应是报告年度的；回顾上一年问题的整改情况请写明“改进情况”或“整改情况”。",
        en:
          "This is the \(year) report, but section 五 names the problems of \(mention.year) (“\(shown)”). The problems are the report year's; to look back at last year's, say how they were addressed (改进情况, 整改情况)."
      )
    }
    context.add(Diagnostic(.problemsOfAnotherYear, range: mention.range, message: message))
  }
}
