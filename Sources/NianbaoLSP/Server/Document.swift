import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

/// An open document: its text at one version.
struct Document: Sendable {
  var uri: String
  var languageId: String
  var version: Int
  var source: SourceText

  /// Whether nianbao checks this document, and whether a text that is not a report gets the
  /// NB100 finding (documents opened as `nianbao`) or nothing (plain text and Markdown).
  var checking: (checked: Bool, explicitlyNamed: Bool) {
    switch languageId {
    case "nianbao": return (true, true)
    case "plaintext", "markdown", "text", "txt": return (true, false)
    default: return (false, false)
    }
  }

  /// Applies `contentChanges` in order. A change with a range replaces that range (in the
  /// negotiated encoding; positions past the end are clamped); one without replaces everything.
  mutating func apply(_ changes: [JSONValue], encoding: PositionEncoding) throws(ResponseError) {
    for change in changes {
      guard let text = change["text"]?.string else {
        throw ResponseError(.invalidParams, "contentChanges[].text must be a string")
      }
      guard let rangeValue = change["range"], !rangeValue.isNull else {
        source = SourceText(text)
        continue
      }
      let converter = PositionConverter(source: source, encoding: encoding)
      guard let range = converter.offsets(rangeValue) else {
        throw ResponseError(.invalidParams, "contentChanges[].range is not a range")
      }
      source = SourceText([TextEdit(range: range, replacement: text)].applied(to: source))
    }
  }
}

/// A document's report and findings, for one version and one set of settings.
struct Analysis: Sendable {
  var version: Int
  var settingsGeneration: Int
  /// Unique among the server's analyses: a document checked again because another one changed
  /// keeps its version but gets a new number.
  var number: Int
  var report: Report
  /// With the user's severities applied, without the suppressed ones.
  var diagnostics: [Diagnostic]
  /// The language of its messages from the editor's settings or `nianbao.toml`, if either sets one.
  var language: Language?
  /// Last year's report the cross-year findings were computed against, and what they depend on.
  var lastYear: LastYearReport?
  var lastYearInputs = LastYearInputs()

  var resultID: String { String(number) }
}
