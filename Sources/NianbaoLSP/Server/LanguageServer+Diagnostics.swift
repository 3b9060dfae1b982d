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
  ///
  /// A client pulls a document's findings when that document changes; findings that changed
  /// because another document did (last year's report edited, or changed on the disk) or the
  /// settings did are sent with the next answer, as `relatedDocuments`, to a client that takes
  /// them (Neovim 0.12, which cannot be asked to pull again), and a refresh is requested from
  /// one that can be asked. Otherwise a document's next pull brings them.
  ///
  /// Given the request's `id`, a pull that must wait for the workspace index is kept and nil
  /// returned: it is answered when the index is ready.
  func documentDiagnostic(_ params: JSONValue, id: JSONValue?) throws(ResponseError) -> JSONValue? {
    let uri = try uri(params)
    noticeDiskChanges()
    guard let (document, analysis) = analysis(uri) else {
      return .object([("kind", "full"), ("items", [])])
    }
    if let id, pullWaitsForTheIndex, analysis.lastYearInputs.wanted != nil {
      pullsAwaitingIndex.append((id, params))
      // Never longer than the bound: a walk of a huge folder must not keep a document waiting.
      if pullsAwaitingIndex.count == 1 {
        Task {
          try? await Task.sleep(nanoseconds: Self.longestWaitForTheIndex)
          answerPullsAwaitingIndex()
        }
      }
      return nil
    }
    unpulled.remove(uri)
    let related = relatedReports()
    if params["previousResultId"]?.string == analysis.resultID && related.isEmpty {
      return .object([("kind", "unchanged"), ("resultId", .string(analysis.resultID))])
    }
    return .object([
      ("kind", "full"), ("resultId", .string(analysis.resultID)), ("items", lspDiagnostics(document, analysis)),
      ("relatedDocuments", related.isEmpty ? nil : .object(related)),
    ])
  }

  /// The findings of the documents in ``unpulled``, for a client that takes them with another
  /// document's.
  private func relatedReports() -> [(String, JSONValue)] {
    guard relatedDocumentSupport else { return [] }
    var reports: [(String, JSONValue)] = []
    // Checking one can put another in the set (a report whose last year's report it is).
    while let uri = unpulled.min() {
      unpulled.remove(uri)
      guard let (document, analysis) = analysis(uri) else { continue }
      reports.append(
        (
          uri,
          .object([
            ("kind", "full"), ("resultId", .string(analysis.resultID)),
            ("items", lspDiagnostics(document, analysis)),
          ])
        )
      )
    }
    return reports
  }
}
