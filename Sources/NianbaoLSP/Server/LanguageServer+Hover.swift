import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

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
      let fact = HoverFacts.fact(at: offset, in: analysis.report, lastYear: analysis.lastYear?.summary)
    else { return .null }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    let text = fact.markdown.text(language)
    let contents: JSONValue =
      markdownHover
      ? .object([("kind", "markdown"), ("value", .string(text))])
      : .object([("kind", "plaintext"), ("value", .string(text.replacingMarkdown()))])
    return .object([("contents", contents), ("range", converter.range(fact.range))])
  }
}
