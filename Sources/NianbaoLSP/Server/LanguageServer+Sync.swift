import NianbaoConfig
import NianbaoCore
import NianbaoJSON

extension LanguageServer {
  func didOpen(_ params: JSONValue) throws(ResponseError) {
    guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
      throw ResponseError(.invalidParams, "didOpen needs textDocument.uri and textDocument.text")
    }
    documents[uri] = Document(
      uri: uri,
      languageId: item["languageId"]?.string ?? "plaintext",
      version: item["version"]?.int ?? 0,
      source: SourceText(text)
    )
    analyses[uri] = nil
    pendingPublish.insert(uri)
    if let path = Self.filePath(uri) { openDocumentURIs[path] = uri }
  }

  func didChange(_ params: JSONValue) throws(ResponseError) {
    let uri = try uri(params)
    guard var document = documents[uri] else {
      throw ResponseError(.invalidParams, "didChange for a document that is not open: \(uri)")
    }
    guard let changes = params["contentChanges"]?.array else {
      throw ResponseError(.invalidParams, "didChange needs contentChanges")
    }
    try document.apply(changes, encoding: encoding)
    document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
    documents[uri] = document
    analyses[uri] = nil
    pendingPublish.insert(uri)
  }

  func didClose(_ params: JSONValue) throws(ResponseError) {
    let uri = try uri(params)
    documents[uri] = nil
    analyses[uri] = nil
    awaitingIndex.remove(uri)
    documentSettingsCache[uri] = nil
    pendingPublish.remove(uri)
    unpulled.remove(uri)
    // What the disk holds counts again for the reports that compare themselves with this one.
    indexedVersions[uri] = nil
    lastYearDependants.record(uri, nil)
    if let path = Self.filePath(uri) {
      openDocumentURIs[path] = nil
      reportChanged(path)
    }
    if !pullDiagnostics {
      send(
        Outgoing.notification("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", [])]))
      )
    }
  }

  /// The report and findings of a document at its current version (computed once per version
  /// and settings).
  func analysis(_ uri: String) -> (Document, Analysis)? {
    guard let document = documents[uri] else { return nil }
    if let cached = analyses[uri], cached.version == document.version, cached.settingsGeneration == settingsGeneration {
      return (document, cached)
    }
    let report = ReportParser.parse(document.source)
    let (checked, named) = document.checking
    let project = documentSettings(uri)
    let lastYear = checked ? lastYearFindings(uri, version: document.version, report, project) : LastYearFindings()
    let diagnostics =
      checked
      ? unsuppressed(
        project.applied.policy.apply(
          Checker.check(report, explicitlyNamed: named, options: project.applied.checkerOptions) + lastYear.diagnostics
        ).sortedByPosition(),
        report,
        project
      ) : []
    analysisCount += 1
    let analysis = Analysis(
      version: document.version,
      settingsGeneration: settingsGeneration,
      number: analysisCount,
      report: report,
      diagnostics: diagnostics,
      language: project.applied.language.value,
      lastYear: lastYear.lastYear,
      lastYearInputs: lastYear.inputs
    )
    analyses[uri] = analysis
    lastYearDependants.record(uri, lastYear.inputs)
    return (document, analysis)
  }

  /// Whether features (outline, hover …) apply to this document.
  func isReport(_ document: Document, _ analysis: Analysis) -> Bool {
    document.checking.checked && (document.languageId == "nianbao" || analysis.report.looksLikeReport)
  }
}
