import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

/// `textDocument/formatting`: the edits of ``ReportFormatter`` (tables into one layout, headings
/// numbered), as TextEdits in the negotiated position encoding. The options (tab size, spaces)
/// do not apply: a table's cells are separated by tabs whatever the editor indents with.
extension LanguageServer {
  func formatting(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let document = documents[uri] else {
      throw ResponseError(.invalidParams, "\(uri) is not open")
    }
    let report = analysis(uri)?.1.report ?? ReportParser.parse(document.source)
    let edits = ReportFormatter.edits(report)
    let converter = PositionConverter(source: document.source, encoding: encoding)
    return DiagnosticConversion.edits(edits, converter: converter)
  }
}
