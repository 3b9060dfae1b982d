/// NB408 (information): a paragraph of running text that ends without final punctuation. Only
/// the last line of a paragraph counts (followed by a blank line, a sub-heading or the end of
/// the section): a line of web text broken inside a sentence goes on in the next line.
/// Headings, sub-headings, short lines (signatures, dates, titles) and table lines are left out.
enum ParagraphEndRule {
  static let finalPunctuation: Set<Unicode.Scalar> = Set("。！？!?；;：:…”\"’」』）)】》.".unicodeScalars)
  /// Lines shorter than this are titles, signatures or dates, not paragraphs.
  static let shortestParagraph = 20

  static func run(_ context: inout RuleContext) {
    let report = context.report
    let source = context.source
    for section in report.sections {
      // The lines sub-headings start on, looked up for every line.
      let subheadingLines = Set(section.subheadings.map { source.lines.line(containing: $0.range.lowerBound) })
      func isSubheading(_ range: Range<Int>) -> Bool {
        subheadingLines.contains(source.lines.line(containing: range.lowerBound))
      }
      let lines = ProseText.lines(of: section, in: report)
      for (k, line) in lines.enumerated() where !line.isEmpty {
        let next = k + 1 < lines.count ? lines[k + 1] : nil
        func opensSomething(_ range: Range<Int>, afterBlank: Bool) -> Bool {
          if isSubheading(range) { return true }
          // Most lines open with a word: no heading, item or year, and no text made for them.
          guard let head = source.scalar(at: range.lowerBound), mayOpenNumbering(head) else { return false }
          let text = source.text(range)
          return isHeadingLike(text) || (afterBlank && opensParagraph(text))
        }
        let endsParagraph: Bool
        if let next, next.isEmpty {
          // A blank line is a page break of a PDF as often as a paragraph break: the text after it
          // must open something.
          let following = lines[(k + 1)...].first { !$0.isEmpty }
          endsParagraph = following.map { opensSomething($0, afterBlank: true) } ?? true
        } else {
          endsParagraph = next.map { opensSomething($0, afterBlank: false) } ?? true
        }
        guard endsParagraph, !isSubheading(line) else { continue }
        // The next line must follow directly: a line of the body left out (a table) is a break.
        if let next, !next.isEmpty,
          source.lines.line(containing: next.lowerBound) != source.lines.line(containing: line.lowerBound) + 1
        {
          continue
        }
        // Most paragraphs end with `。`: known from the line's last character, with no text made.
        if let last = lastScalar(of: line, in: source), endsFinished(last) { continue }
        var text = source.text(line)
        // The last line of a paragraph a page's width wrapped (PDF text) is short: the paragraph
        // is the line before and this one.
        var wrapped: Range<Int>?
        if text.unicodeScalars.count < shortestParagraph, let before = wrappedLine(before: k, in: lines, source) {
          wrapped = before
          text = source.text(before) + text
        }
        guard isUnfinishedSentence(text) else { continue }
        let scalars = Array(text.unicodeScalars)
        let tail = String(String.UnicodeScalarView(scalars.suffix(12)))
        let tailBytes = tail.utf8.count
        let tailStart =
          tailBytes <= line.count || wrapped == nil
          ? line.upperBound - min(tailBytes, line.count) : wrapped!.upperBound - (tailBytes - line.count)
        context.add(
          Diagnostic(
            .unfinishedParagraph,
            range: tailStart..<line.upperBound,
            message: LocalizedText(
              zh: "这一段以“…\(tail)”结束，末尾没有标点。是否截断了句子或丢了内容？",
              en: "This paragraph ends “…\(tail)” with no final punctuation. Was the sentence cut, or text lost?"
            )
          )
        )
      }
    }
  }

  /// The line a page's width broke before line `k`: directly before it or one blank line
  /// before (PDF text spaces its lines), long, and not the end of a sentence or a heading.
  private static func wrappedLine(before k: Int, in lines: [Range<Int>], _ source: SourceText) -> Range<Int>? {
    var j = k - 1
    if j >= 0, lines[j].isEmpty { j -= 1 }
    guard j >= 0, !lines[j].isEmpty,
      source.lines.line(containing: lines[k].lowerBound) - source.lines.line(containing: lines[j].lowerBound) <= 2
    else { return nil }
    let text = source.text(lines[j])
    guard text.unicodeScalars.count >= 30, let last = text.unicodeScalars.last, !finalPunctuation.contains(last),
      !isHeadingLike(text)
    else { return nil }
    return lines[j]
  }

  /// A sentence of running text that does not end: long enough, with the commas of a sentence,
  /// not a heading, a date or a signature.
  static func isUnfinishedSentence(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    // The ends of the line first: most paragraphs end with `。` and are not read through.
    guard let first = scalars.first, let last = scalars.last else { return false }
    if endsFinished(last) { return false }
    if "#|!<>[".unicodeScalars.contains(first) { return false }
    var count = 0
    var hasSentenceMark = false
    for scalar in scalars {
      count += 1
      if scalar == "，" || scalar == "。" { hasSentenceMark = true }
      if hasSentenceMark && count >= shortestParagraph { break }
    }
    guard count >= shortestParagraph, hasSentenceMark else { return false }
    return !isHeadingLike(text)
  }

  /// Whether a line ending with this character needs no more: final punctuation, `，` and `、`,
  /// which go on in the next line, and the `年` `月` `日` of a date under the signature.
  private static func endsFinished(_ last: Unicode.Scalar) -> Bool {
    finalPunctuation.contains(last) || last == "，" || last == "," || last == "、" || last == "日" || last == "年"
      || last == "月"
  }

  /// The last scalar of the text ``SourceText/text(_:)`` gives for `range`, read in place.
  private static func lastScalar(of range: Range<Int>, in source: SourceText) -> Unicode.Scalar? {
    let count = source.utf8.count
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, count)))
    guard upper > lower else { return nil }
    return source.scalar(at: upper - 1)
  }

  /// Text that opens a paragraph of its own: an item (`一是`, `（一）`, `1.`) or a year.
  static func opensParagraph(_ text: String) -> Bool {
    guard let head = text.unicodeScalars.first, mayOpenNumbering(head) else { return false }
    let scalars = Array(text.unicodeScalars.prefix(8))
    guard let first = scalars.first else { return false }
    if LabelText.numbering(of: String(String.UnicodeScalarView(scalars))) != nil { return true }
    if scalars.count >= 2, "一二三四五六七八九十".unicodeScalars.contains(first), scalars[1] == "是" { return true }
    return scalars.count >= 5 && scalars.prefix(4).allSatisfy { LabelText.widthFolded($0).isASCIIDigit }
  }

  /// A heading or a numbered sub-heading written on a line of its own (`（三）完善公开制度规范，加强政府信息管理`).
  static func isHeadingLike(_ text: String) -> Bool {
    guard let head = text.unicodeScalars.first else { return false }
    if head == "#" { return true }
    guard mayOpenNumbering(head) else { return false }
    let scalars = text.unicodeScalars
    guard LabelText.numbering(of: String(scalars.prefix(8))) != nil else {
      return false
    }
    // At most 40 characters and no `。`, read no further than the 41st.
    var count = 0
    for scalar in scalars {
      count += 1
      if count > 40 || scalar == "。" { return false }
    }
    return true
  }

  /// Whether a line opening with this scalar can open with a numbering (`（一）` `一、` `1.`, after
  /// list marks), an item (`一是`) or a year: most lines of prose cannot, and are not read further.
  private static func mayOpenNumbering(_ scalar: Unicode.Scalar) -> Bool {
    let f = LabelText.widthFolded(scalar)
    return f == "-" || f == "*" || f == "#" || f == "(" || f.isASCIIDigit || LabelText.chineseDigits[f] != nil
      || LabelText.isSpace(f)
  }
}
