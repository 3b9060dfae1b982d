/// NB105: labels and headings written differently from the national format.
enum LabelRules {
  static func run(_ context: inout RuleContext) {
    for deviation in context.report.labelDeviations {
      guard let canonical = deviation.canonical else {
        context.add(
          Diagnostic(
            .nonCanonicalLabel,
            range: deviation.range,
            message: LocalizedText(
              zh: "“\(MessageText.quoted(deviation.found))”不是统一格式表三中的行标签，这一行的数没有计入检查。请改用统一格式的标签。",
              en:
                "“\(MessageText.quoted(deviation.found))” is not a row label of table 三 in the national format, so its numbers were not checked. Use the format's label."
            )
          )
        )
        continue
      }
      let place: LocalizedText
      switch deviation.place {
      case .sectionHeading: place = LocalizedText(zh: "章节标题", en: "The section heading")
      case .table2Column: place = LocalizedText(zh: "表二列标签", en: "The table 二 column label")
      case .table4Column: place = LocalizedText(zh: "表四列标签", en: "The table 四 column label")
      case .table2Row: place = LocalizedText(zh: "表二行标签", en: "The table 二 row label")
      case .table3Row, .unknownTable3Row: place = LocalizedText(zh: "表三行标签", en: "The table 三 row label")
      }
      let crossesLines = context.source.utf8[deviation.range].contains { $0 == 0x0A || $0 == 0x0D }
      context.add(
        Diagnostic(
          .nonCanonicalLabel,
          range: deviation.range,
          message: LocalizedText(
            zh: "\(place.zh)“\(MessageText.quoted(deviation.found))”与统一格式不一致，应为“\(canonical)”。",
            en:
              "\(place.en) “\(MessageText.quoted(deviation.found))” differs from the national format: it is “\(canonical)”."
          ),
          fixes: crossesLines
            ? []
            : [
              Fix(
                title: LocalizedText(zh: "改为“\(canonical)”", en: "Change to “\(canonical)”"),
                edits: [TextEdit(range: deviation.range, replacement: canonical)],
                isCertain: true
              )
            ]
        )
      )
    }
  }
}
