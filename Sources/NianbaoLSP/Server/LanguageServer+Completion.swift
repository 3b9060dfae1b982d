import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

extension LanguageServer {
  /// The characters after which editors ask for completion without being told: the numbering
  /// marks that start a heading or a row label.
  static let completionTriggerCharacters: [String] = ["、", "（", "(", "."]

  func completion(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let position = params["position"], let line = position["line"]?.int, position["character"]?.int != nil else {
      throw ResponseError(.invalidParams, "params.position must be a position")
    }
    guard let (document, analysis) = analysis(uri), isReport(document, analysis) else {
      return .object([("isIncomplete", false), ("items", .array([]))])
    }
    guard line >= 0, line < document.source.lines.count else {
      throw ResponseError(
        .invalidParams,
        "position line \(line) is past the end of the document (\(document.source.lines.count) lines)"
      )
    }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    let completion = Completer.complete(analysis.report, at: converter.offset(position)!)
    let typed = document.source.text(completion.replacing)
    let range = converter.range(completion.replacing)
    let items = completion.candidates.enumerated().map { rank, candidate in
      item(candidate, rank: rank, typed: typed, range: range)
    }
    // The server matches any part of a label, which the editor's own filter (by prefix) would
    // not: the editor asks again as the user types.
    return .object([("isIncomplete", true), ("items", .array(items))])
  }

  private func item(_ candidate: CompletionCandidate, rank: Int, typed: String, range: JSONValue) -> JSONValue {
    let asSnippet = snippetSupport && candidate.snippet != nil
    let newText = asSnippet ? candidate.snippet! : candidate.plainText
    return .object([
      ("label", .string(candidate.label)),
      ("kind", .int(Self.completionKind(candidate.kind))),
      ("detail", .string(candidate.detail.text(language))),
      ("sortText", .string(Self.sortText(rank))),
      // What was typed, so that the editor keeps every item the server matched.
      ("filterText", .string(typed.isEmpty ? candidate.label : typed)),
      ("insertTextFormat", .int(asSnippet ? 2 : 1)),
      ("textEdit", .object([("range", range), ("newText", .string(newText))])),
    ])
  }

  /// A rank as four digits, so that sorting by text is sorting by rank.
  private static func sortText(_ rank: Int) -> String {
    let digits = String(rank)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// LSP `CompletionItemKind`: Keyword for headings, Value for row labels, Field for column
  /// labels, Snippet for whole tables.
  private static func completionKind(_ kind: CompletionCandidate.Kind) -> Int {
    switch kind {
    case .sectionHeading, .subheading: return 14
    case .rowLabel: return 12
    case .columnLabel: return 5
    case .wholeTable: return 15
    }
  }
}
