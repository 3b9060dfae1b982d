/// NB117: text still to be written, marked `【待填写：…】` (as `nianbao new` leaves it).
enum PlaceholderRule {
  static func run(_ context: inout RuleContext) {
    for range in Placeholder.ranges(in: context.source) {
      let quoted = MessageText.quoted(context.source.text(range))
      context.add(
        Diagnostic(
          .placeholderLeft,
          range: range,
          message: LocalizedText(
            zh: "这里还是待填写的占位内容“\(quoted)”：写入正文后删除占位标记。",
            en: "This is still a placeholder, “\(quoted)”: write the text and remove the mark."
          )
        )
      )
    }
  }
}
