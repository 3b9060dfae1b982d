extension String {
  /// Plain text for clients that do not render Markdown.
  func replacingMarkdown() -> String {
    var result = ""
    for character in self where character != "*" && character != "`" { result.append(character) }
    return result
  }

}
