/// NB311: table 二 item (一) carries on from last year: last year's 现行有效 + this year's 制发
/// − 废止 = this year's 现行有效, for 规章 and 行政规范性文件. Information only: a clean-up of old
/// documents (清理) changes the count without 废止 in the report year, and real reports show it.
enum StockContinuityRule {
  static func check(
    current: CrossYearRules.Summary,
    previous: CrossYearRules.Summary,
    previousFile: String
  ) -> [Diagnostic] {
    guard current.edition == .edition2021, previous.edition == .edition2021 else { return [] }
    return current.stock.compactMap { row -> Diagnostic? in
      guard let before = previous.stock.first(where: { $0.name == row.name }),
        let lastInForce = before.inForce, let issued = row.issued, let repealed = row.repealed,
        let inForce = row.inForce
      else { return nil }
      let expected = lastInForce + issued - repealed
      guard expected != inForce else { return nil }
      return Diagnostic(
        .stockContinuity,
        range: row.inForceRange,
        message: LocalizedText(
          zh:
            "表二“\(row.name)”现行有效件数为 \(inForce)，按 \(previous.year) 年报告现行有效 \(lastInForce) + 本年制发 \(issued) − 本年废止 \(repealed) 应为 \(expected)；如有清理或统计口径变化，请在正文中说明",
          en:
            "Table 二 “\(row.name)”: \(inForce) in force, but last year's \(lastInForce) + \(issued) issued − \(repealed) repealed is \(expected); explain a clean-up or a change of counting in the text"
        ),
        related: [
          RelatedNote(
            range: before.inForceRange,
            message: LocalizedText(
              zh: "\(previous.year) 年报告表二“\(row.name)”现行有效件数 \(lastInForce)",
              en: "\(previous.year) report, table 二 “\(row.name)”, in force: \(lastInForce)"
            ),
            file: previousFile
          )
        ]
      )
    }
  }
}
