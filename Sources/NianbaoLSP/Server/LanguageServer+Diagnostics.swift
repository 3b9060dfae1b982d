import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

extension LanguageServer {
  func lspDiagnostics(_ document: Document, _ analysis: Analysis) -> JSONValue {
    let converter = PositionConverter(source: document.source, encoding: encoding)
    return .array(
      analysis.diagnostics.map {
        DiagnosticConversion.lsp(
          $0,
          uri: document.uri,
          converter: converter,
          language: analysis.language ?? language,
          elsewhere: lastYearPlace(analysis)
        )
      }
    )
  }

  func publishDiagnostics(_ uri: String) {
    guard let (document, analysis) = analysis(uri) else { return }
    send(
      Outgoing.notification(
        "textDocument/publishDiagnostics",
        .object([
          ("uri", .string(uri)), ("version", .int(document.version)),
          ("diagnostics", lspDiagnostics(document, analysis)),
        ])
      )
    )
  }

  /// `textDocument/diagnostic`: the pull model.
  func documentDiagnostic(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri) else {
      return .object([("kind", "full"), ("items", [])])
    }
    if params["previousResultId"]?.string == analysis.resultID {
      return .object([("kind", "unchanged"), ("resultId", .string(analysis.resultID))])
    }
    return .object([
      ("kind", "full"), ("resultId", .string(analysis.resultID)), ("items", lspDiagnostics(document, analysis)),
    ])
  }
}
