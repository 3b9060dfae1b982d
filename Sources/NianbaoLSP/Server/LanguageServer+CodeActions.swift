import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

extension LanguageServer {
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
    var fixAllOffered = false
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
        fixAllOffered = true
      }
    }
    // One "fix everything" per menu: a client that asks for every kind would list the quick-fix
    // and the source action, with the same title and edits, one under the other.
    if allowed("source.fixAll.nianbao"), !certain.isEmpty, !fixAllOffered {
      actions.append(
        .object([
          ("title", .string(fixAllTitle(certain.count))), ("kind", "source.fixAll.nianbao"), ("edit", edit(certain)),
        ])
      )
    }
    if allowed(Self.newReportKind), let action = newReportAction(uri: uri, report: analysis.report) {
      actions.append(action)
    }
    return .array(actions)
  }

  private func fixAllTitle(_ count: Int) -> String {
    language == .zh
      ? "修复全部可确定的问题（\(count) 处）" : "Fix everything that is certain (\(count) \(count == 1 ? "edit" : "edits"))"
  }

  private func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    a.overlaps(b) || a.contains(b.lowerBound) || (b.isEmpty && a.upperBound == b.lowerBound)
      || (a.isEmpty && b.contains(a.lowerBound))
      || (a.isEmpty && b.isEmpty && a.lowerBound == b.lowerBound)
  }
}
