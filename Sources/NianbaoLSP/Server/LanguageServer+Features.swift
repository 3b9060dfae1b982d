import NianbaoCore
import NianbaoJSON

extension LanguageServer {
  /// The document and the byte offset of `params.position`.
  private func located(_ params: JSONValue) throws(ResponseError) -> (Document, Analysis, Int)? {
    let uri = try uri(params)
    guard let position = params["position"], let line = position["line"]?.int, position["character"]?.int != nil else {
      throw ResponseError(.invalidParams, "params.position must be a position")
    }
    guard let (document, analysis) = analysis(uri) else { return nil }
    guard line >= 0, line < document.source.lines.count else {
      throw ResponseError(
        .invalidParams,
        "position line \(line) is past the end of the document (\(document.source.lines.count) lines)"
      )
    }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    return (document, analysis, converter.offset(position)!)
  }

  func hover(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    guard let (document, analysis, offset) = try located(params), isReport(document, analysis),
      let fact = HoverFacts.fact(at: offset, in: analysis.report)
    else { return .null }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    let text = fact.markdown.text(language)
    let contents: JSONValue =
      markdownHover
      ? .object([("kind", "markdown"), ("value", .string(text))])
      : .object([("kind", "plaintext"), ("value", .string(text.replacingMarkdown()))])
    return .object([("contents", contents), ("range", converter.range(fact.range))])
  }

  func codeActions(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri) else { return [] }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    guard let requested = converter.offsets(params["range"]) else {
      throw ResponseError(.invalidParams, "params.range must be a range")
    }
    let only = params["context"]?["only"]?.array?.compactMap(\.string)
    func allowed(_ kind: String) -> Bool {
      guard let only else { return true }
      return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }
    func edit(_ edits: [TextEdit]) -> JSONValue {
      let lspEdits = DiagnosticConversion.edits(edits, converter: converter)
      if documentChangesSupport {
        return .object([
          (
            "documentChanges",
            .array([
              .object([
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(document.version))])),
                ("edits", lspEdits),
              ])
            ])
          )
        ])
      }
      return .object([("changes", .object([(uri, lspEdits)]))])
    }
    var actions: [JSONValue] = []
    let certain = analysis.diagnostics.certainEdits()
    if allowed("quickfix") {
      for diagnostic in analysis.diagnostics where overlaps(diagnostic.range, requested) {
        let lsp = DiagnosticConversion.lsp(diagnostic, uri: uri, converter: converter, language: language)
        for (index, fix) in diagnostic.fixes.enumerated() {
          actions.append(
            .object([
              ("title", .string(fix.title.text(language))), ("kind", "quickfix"), ("diagnostics", .array([lsp])),
              ("isPreferred", fix.isCertain && index == 0 ? true : nil), ("edit", edit(fix.edits)),
            ])
          )
        }
      }
      if certain.count >= 2 && !actions.isEmpty {
        actions.append(
          .object([
            ("title", .string(fixAllTitle(certain.count))), ("kind", "quickfix"), ("edit", edit(certain)),
          ])
        )
      }
    }
    if allowed("source.fixAll.nianbao"), !certain.isEmpty {
      actions.append(
        .object([
          ("title", .string(fixAllTitle(certain.count))), ("kind", "source.fixAll.nianbao"), ("edit", edit(certain)),
        ])
      )
    }
    return .array(actions)
  }

  private func fixAllTitle(_ count: Int) -> String {
    language == .zh ? "修复全部可确定的问题（\(count) 处）" : "Fix everything that is certain (\(count) edits)"
  }

  private func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    a.overlaps(b) || a.contains(b.lowerBound) || (b.isEmpty && a.upperBound == b.lowerBound)
      || (a.isEmpty && b.contains(a.lowerBound))
      || (a.isEmpty && b.isEmpty && a.lowerBound == b.lowerBound)
  }

  func documentSymbols(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri), isReport(document, analysis) else { return [] }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    let report = analysis.report
    let tables: [Int: (String, Range<Int>?)] = [
      2: (language == .zh ? "表二 主动公开政府信息情况" : "Table 二: proactive disclosure", report.table2?.range),
      3: (language == .zh ? "表三 收到和处理政府信息公开申请情况" : "Table 三: applications", report.table3?.range),
      4: (language == .zh ? "表四 行政复议、行政诉讼情况" : "Table 四: reconsiderations and lawsuits", report.table4?.range),
    ]
    var symbols: [JSONValue] = []
    if let title = report.title {
      symbols.append(
        symbol(
          title.text.trimmingSpaces(),
          kind: 1,
          range: title.range,
          selection: title.range,
          children: [],
          converter
        )
      )
    }
    for section in report.sections {
      let range = section.headingRange.lowerBound..<trimmedEnd(section.bodyRange, document.source)
      var children = section.subheadings.map {
        symbol($0.text, kind: 8, range: $0.range, selection: $0.range, children: [], converter)
      }
      if let (name, tableRange) = tables[section.number], let tableRange, range.contains(tableRange.lowerBound) {
        children.append(symbol(name, kind: 18, range: tableRange, selection: tableRange, children: [], converter))
      }
      let name = "\(NationalFormat.chineseNumeral(section.number))、\(section.titleText)"
      symbols.append(
        symbol(name, kind: 2, range: range, selection: section.headingRange, children: children, converter)
      )
    }
    return .array(symbols)
  }

  private func symbol(
    _ name: String,
    kind: Int,
    range: Range<Int>,
    selection: Range<Int>,
    children: [JSONValue],
    _ converter: PositionConverter
  ) -> JSONValue {
    .object([
      ("name", .string(name.isEmpty ? "—" : name)), ("kind", .int(kind)), ("range", converter.range(range)),
      ("selectionRange", converter.range(selection)), ("children", children.isEmpty ? nil : .array(children)),
    ])
  }

  /// The end of a range without the blank lines at its end.
  private func trimmedEnd(_ range: Range<Int>, _ source: SourceText) -> Int {
    var end = range.upperBound
    while end > range.lowerBound, [0x0A, 0x0D, 0x20, 0x09].contains(source.utf8[end - 1]) { end -= 1 }
    return end
  }

  func foldingRanges(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri), isReport(document, analysis) else { return [] }
    let lines = document.source.lines
    var ranges: [JSONValue] = []
    func fold(_ range: Range<Int>) {
      let start = lines.line(containing: range.lowerBound)
      let end = lines.line(containing: max(range.lowerBound, trimmedEnd(range, document.source) - 1))
      if end > start {
        ranges.append(.object([("startLine", .int(start)), ("endLine", .int(end)), ("kind", "region")]))
      }
    }
    for section in analysis.report.sections { fold(section.headingRange.lowerBound..<section.bodyRange.upperBound) }
    for table in [analysis.report.table2?.range, analysis.report.table3?.range, analysis.report.table4?.range] {
      if let table { fold(table) }
    }
    return .array(ranges)
  }

  /// Beside a wrong total, the value it should have.
  func inlayHints(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri) else { return [] }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    let requested = converter.offsets(params["range"]) ?? 0..<document.source.utf8.count
    let sums: Set<String> = ["NB201", "NB202", "NB203", "NB204", "NB205"]
    var hints: [JSONValue] = []
    for diagnostic in analysis.diagnostics where sums.contains(diagnostic.code) {
      guard let edit = diagnostic.fixes.first?.edits.first, diagnostic.fixes.first?.edits.count == 1,
        requested.contains(edit.range.upperBound) || requested.upperBound == edit.range.upperBound
      else { continue }
      hints.append(
        .object([
          ("position", converter.position(edit.range.upperBound)), ("label", .string("≠ \(edit.replacement)")),
          ("kind", 1), ("paddingLeft", true),
          (
            "tooltip", .string(language == .zh ? "按合计关系应为 \(edit.replacement)" : "The sums make it \(edit.replacement)")
          ),
        ])
      )
    }
    return .array(hints)
  }
}

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
