import NianbaoConfig
import NianbaoCore
import NianbaoJSON

/// The nianbao language server: LSP 3.17 over any transport.
///
/// - Important: messages must be handed to ``handle(_:)`` in the order they arrived. Documents
///   change in that order, and diagnostics are computed on the version current when they are
///   flushed, so a stale result is never published over a newer one.
public actor LanguageServer {
  public typealias Send = @Sendable (JSONValue) -> Void
  public typealias Log = @Sendable (String) -> Void

  let send: Send
  let log: Log
  let cancellations: CancellationRegistry

  enum State {
    case uninitialized
    case running
    case shutDown
  }
  var state = State.uninitialized
  /// Set by `exit`: 0 after `shutdown`, 1 without.
  public private(set) var exitCode: Int32?

  // Negotiated in `initialize`.
  var encoding = PositionEncoding.utf16
  var pullDiagnostics = false
  var refreshSupport = false
  /// A pull answer may carry the findings of other documents (`relatedDocuments`).
  var relatedDocumentSupport = false
  var configurationSupport = false
  var markdownHover = true
  var documentChangesSupport = false
  /// `workspace/applyEdit` may create files (for next year's report).
  var createFileSupport = false
  /// `window/showDocument` opens a file in the editor.
  var showDocumentSupport = false
  var localeLanguage: Language?
  var watchedFilesDynamicRegistration = false
  var relatedInformationSupport = false
  /// The client shows progress the server reports (`window/workDoneProgress`).
  var workDoneProgressSupport = false

  /// The reports under the workspace folders, for finding each document's last-year report.
  var workspace = WorkspaceIndex()
  /// The open documents with a file, by path.
  var openDocumentURIs: [String: String] = [:]
  /// What each open document's cross-year findings were computed from.
  var lastYearDependants = LastYearDependants()
  /// The version of each open document whose title is in ``workspace``.
  var indexedVersions: [String: Int] = [:]
  /// Open documents checked before the workspace index was ready: checked again when it is.
  var awaitingIndex: Set<String> = []
  /// How many times the index was started: a walk ended is taken only if it is the last one.
  var indexBuilds = 0
  /// The progress shown while the index is built, when the client shows progress.
  var indexProgress = IndexProgress.none
  /// Last-year reports read from the disk, by path, until they change.
  var lastYearFiles: [String: LastYearReport] = [:]
  var snippetSupport = false

  /// The editor's settings in effect: ``initializationSettings`` with
  /// ``configurationSettings`` over them.
  var settings = Settings()
  /// From `initializationOptions`.
  var initializationSettings = Settings()
  /// The latest from `workspace/didChangeConfiguration` or `workspace/configuration`.
  var configurationSettings = Settings()
  var settingsGeneration = 0
  /// The `nianbao.toml` and suppressions files read, by folder.
  let configs = ConfigStore()
  /// Each open document's settings, until a settings file or the editor's settings change.
  var documentSettingsCache: [String: DocumentSettings] = [:]
  /// Settings files already shown to the user as unusable (until they change).
  var reportedSettingsErrors: Set<ConfigError> = []
  var documents: [String: Document] = [:]
  var analyses: [String: Analysis] = [:]
  /// Documents whose diagnostics must be pushed at the next flush.
  var pendingPublish: Set<String> = []
  /// With pull diagnostics: open documents whose findings changed without an edit of their own
  /// (last year's report or the settings changed) and that the client has not pulled since.
  var unpulled: Set<String> = []
  /// Pulls that wait for the workspace index, from a client that cannot be asked to pull again:
  /// answered when the index is ready, so that a cross-year finding is in the first answer.
  var pullsAwaitingIndex: [(id: JSONValue, params: JSONValue)] = []
  /// Numbers each analysis, for the `resultId` of pull diagnostics.
  var analysisCount = 0
  /// The files read from the disk, to notice their changes when the client reports none.
  var diskStamps = DiskStamps()
  var nextRequestID = 1
  /// Requests this server sent, by id, with what to do with the answer.
  var pendingRequests: [String: String] = [:]
  /// Files to open in the editor once the `workspace/applyEdit` that creates them is applied, by
  /// the id of that request.
  var documentsToShow: [String: String] = [:]

  public init(
    cancellations: CancellationRegistry = CancellationRegistry(),
    log: @escaping Log = { _ in },
    send: @escaping Send
  ) {
    self.send = send
    self.log = log
    self.cancellations = cancellations
  }

  var language: Language { settings.language ?? localeLanguage ?? .zh }

  /// Handles one message.
  public func handle(_ message: IncomingMessage) {
    switch message {
    case .request(let id, let method, let params):
      handleRequest(id: id, method: method, params: params)
    case .notification(let method, let params):
      handleNotification(method: method, params: params)
    case .response(let id, let result, let error):
      handleResponse(id: id, result: result, error: error)
    }
  }

  /// Answers a message that could not be read.
  public func reject(_ error: MessageError) {
    send(Outgoing.error(id: error.id, error.error))
  }

  private func handleRequest(id: JSONValue, method: String, params: JSONValue) {
    if cancellations.take(id) {
      send(Outgoing.error(id: id, ResponseError(.requestCancelled, "Request cancelled")))
      return
    }
    switch state {
    case .uninitialized where method != "initialize":
      send(
        Outgoing.error(id: id, ResponseError(.serverNotInitialized, "Server not initialized: send initialize first"))
      )
      return
    case .running where method == "initialize":
      send(Outgoing.error(id: id, ResponseError(.invalidRequest, "initialize was already received")))
      return
    case .shutDown:
      send(Outgoing.error(id: id, ResponseError(.invalidRequest, "The server is shutting down")))
      return
    default:
      break
    }
    do throws(ResponseError) {
      let result: JSONValue
      switch method {
      case "initialize": result = try initialize(params)
      case "shutdown": result = shutdown()
      case "textDocument/diagnostic":
        // Nil: the pull waits for the workspace index (see `pullWaitsForTheIndex`).
        guard let answer = try documentDiagnostic(params, id: id) else { return }
        result = answer
      case "textDocument/hover": result = try hover(params)
      case "textDocument/codeAction": result = try codeActions(params)
      case "textDocument/documentSymbol": result = try documentSymbols(params)
      case "textDocument/foldingRange": result = try foldingRanges(params)
      case "textDocument/inlayHint": result = try inlayHints(params)
      case "workspace/executeCommand": result = try executeCommand(params)
      case "textDocument/formatting": result = try formatting(params)
      case "textDocument/completion": result = try completion(params)
      default: throw ResponseError(.methodNotFound, "Method not found: \(method)")
      }
      send(Outgoing.response(id: id, result: result))
    } catch {
      send(Outgoing.error(id: id, error))
    }
  }

  private func handleNotification(method: String, params: JSONValue) {
    if method == "exit" {
      // Every request is answered, even by a server told to exit without a shutdown.
      answerPullsAwaitingIndex()
      exitCode = state == .shutDown ? 0 : 1
      return
    }
    guard state == .running else { return }
    do throws(ResponseError) {
      switch method {
      case "initialized": initialized()
      case "textDocument/didOpen": try didOpen(params)
      case "textDocument/didChange": try didChange(params)
      case "textDocument/didClose": try didClose(params)
      case "textDocument/didSave": break
      case "workspace/didChangeConfiguration": didChangeConfiguration(params)
      case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
      case "workspace/didChangeWorkspaceFolders": didChangeWorkspaceFolders(params)
      default: break  // `$/cancelRequest` is taken by the transport; other notifications need nothing.
      }
    } catch {
      log("\(method): \(error.message)")
      logToClient("nianbao: \(method): \(error.message)", type: 1)
    }
  }

  private func handleResponse(id: JSONValue, result: JSONValue?, error: JSONValue?) {
    guard let purpose = pendingRequests.removeValue(forKey: id.serialized()) else { return }
    let toShow = documentsToShow.removeValue(forKey: id.serialized())
    if let error, !error.isNull {
      log("the client answered \(purpose) with an error: \(error.serialized())")
      return
    }
    if purpose == "workspace/configuration", let first = result?[0] {
      applyConfiguration(Settings(first))
    }
    if purpose == "workspace/applyEdit" { newReportEditAnswered(result, show: toShow) }
    if purpose == "window/workDoneProgress/create" { indexProgressCreated() }
  }

  /// Sends a request to the client; returns the key of its id in ``pendingRequests``.
  @discardableResult
  func request(_ method: String, _ params: JSONValue?) -> String {
    let id = JSONValue.string("nianbao-\(nextRequestID)")
    nextRequestID += 1
    pendingRequests[id.serialized()] = method
    send(Outgoing.request(id: id, method, params))
    return id.serialized()
  }

  func logToClient(_ message: String, type: Int) {
    send(Outgoing.notification("window/logMessage", .object([("type", .int(type)), ("message", .string(message))])))
  }

  /// Publishes the diagnostics of every document changed since the last flush, at its current
  /// version. The transport calls this after each batch of messages it read, so that a burst of
  /// edits is checked once.
  public func flush() {
    guard state == .running, !pullDiagnostics else {
      pendingPublish.removeAll()
      return
    }
    if !pendingPublish.isEmpty { noticeDiskChanges() }
    // Checking a report can put the reports that compare themselves with it back in the set.
    while !pendingPublish.isEmpty {
      let batch = pendingPublish.sorted()
      pendingPublish.removeAll()
      for uri in batch { publishDiagnostics(uri) }
    }
  }

  /// The text the server holds for a document, for tests that compare it with the editor's.
  @_spi(Testing) public func documentText(_ uri: String) -> String? { documents[uri]?.source.string }

  // Parameter helpers.

  func uri(_ params: JSONValue) throws(ResponseError) -> String {
    guard let uri = params["textDocument"]?["uri"]?.string else {
      throw ResponseError(.invalidParams, "params.textDocument.uri must be a string")
    }
    return uri
  }
}
