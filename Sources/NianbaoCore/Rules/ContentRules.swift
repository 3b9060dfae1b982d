/// NB401, NB402: what sections 五 and 六 must say.
enum ContentRules {
  static func run(_ context: inout RuleContext) {
    let report = context.report
    let source = context.source
    if let other = report.section(6) {
      let body = source.text(other.bodyRange)
      if !["信息处理费", "处理费", "收费", "收取"].contains(where: body.has) {
        context.add(
          Diagnostic(
            .noFeeStatement, range: other.headingRange,
            message: LocalizedText(
              zh: "“六、其他需要报告的事项”没有报告收取信息处理费的情况。即使未收费，也应写明（例如“本年度未收取信息处理费”）。",
              en: "Section 六 does not say whether information processing fees (信息处理费) were charged. State it even when none were (e.g. 本年度未收取信息处理费).")))
      }
    }
    if let problems = report.section(5) {
      let squeezed = source.text(problems.bodyRange).unicodeScalars.filter { !LabelText.isSpace($0) && $0 != "\n" && $0 != "\r" }
      let text = String(String.UnicodeScalarView(squeezed))
      if text.unicodeScalars.count < 10 || text == "无" || text == "无。" {
        context.add(
          Diagnostic(
            .emptyProblems, range: problems.headingRange,
            message: LocalizedText(
              zh: "“五、存在的主要问题及改进情况”内容空缺。应写明工作中存在的主要问题和改进措施。",
              en: "Section 五 is empty. It states the main problems of the year's work and how they are being addressed.")))
      }
    }
  }
}
