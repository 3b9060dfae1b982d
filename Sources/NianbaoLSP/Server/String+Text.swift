extension String {
  /// Plain text for clients that do not render Markdown.
  func replacingMarkdown() -> String {
    var result = ""
    for character in self where character != "*" && character != "`" { result.append(character) }
    return result
  }

  func trimmingSpaces() -> String {
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first == " " || first == "\t" || first == "\u{3000}" || first == "\u{FEFF}" {
      scalars.removeFirst()
    }
    while let last = scalars.last, last == " " || last == "\t" || last == "\u{3000}" { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
