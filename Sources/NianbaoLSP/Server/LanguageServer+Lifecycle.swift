import NianbaoCore
import NianbaoJSON

extension LanguageServer {
  func initialize(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let capabilities = params["capabilities"] ?? .object([])
    // The client lists encodings in order of preference; take the first we speak.
    let offered = capabilities["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
    encoding = offered.lazy.compactMap { PositionEncoding(rawValue: $0) }.first ?? .utf16
    if let diagnostic = capabilities["textDocument"]?["diagnostic"], !diagnostic.isNull {
      pullDiagnostics = true
      relatedDocumentSupport = diagnostic["relatedDocumentSupport"]?.bool ?? false
    }
    refreshSupport = capabilities["workspace"]?["diagnostics"]?["refreshSupport"]?.bool ?? false
    configurationSupport = capabilities["workspace"]?["configuration"]?.bool ?? false
    documentChangesSupport = capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
    // Resource operations exist only in `documentChanges`: a client that lists `create` applies
    // them whether or not it also declares `documentChanges` (Neovim 0.12 does not).
    createFileSupport =
      capabilities["workspace"]?["workspaceEdit"]?["resourceOperations"]?.array?.contains("create") ?? false
    showDocumentSupport = capabilities["window"]?["showDocument"]?["support"]?.bool ?? false
    relatedInformationSupport =
      capabilities["textDocument"]?["publishDiagnostics"]?["relatedInformation"]?.bool
      ?? capabilities["textDocument"]?["diagnostic"]?["relatedInformation"]?.bool ?? false
    workspace.roots = Self.workspaceRoots(params)
    workDoneProgressSupport = capabilities["window"]?["workDoneProgress"]?.bool ?? false
    watchedFilesDynamicRegistration =
      capabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
    if let formats = capabilities["textDocument"]?["hover"]?["contentFormat"]?.array?.compactMap(\.string) {
      markdownHover = formats.contains("markdown")
    }
    snippetSupport =
      capabilities["textDocument"]?["completion"]?["completionItem"]?["snippetSupport"]?.bool ?? false
    localeLanguage = Settings.language(fromLocale: params["locale"]?.string)
    initializationSettings = Settings(params["initializationOptions"])
    settings = initializationSettings
    reportSettingProblems()
    state = .running
    log(
      "initialized: encoding \(encoding.rawValue), \(pullDiagnostics ? "pull" : "push") diagnostics, language \(language.rawValue)"
    )

    return JSONValue.object([
      (
        "capabilities",
        .object([
          ("positionEncoding", .string(encoding.rawValue)),
          (
            "textDocumentSync",
            .object([("openClose", true), ("change", 2), ("save", .object([("includeText", false)]))])
          ),
          ("hoverProvider", true),
          (
            "codeActionProvider",
            .object([
              ("codeActionKinds", ["quickfix", "source.fixAll.nianbao", .string(Self.newReportKind)]),
              ("resolveProvider", false),
            ])
          ),
          ("documentSymbolProvider", true),
          ("foldingRangeProvider", true),
          ("inlayHintProvider", true),
          ("documentFormattingProvider", true),
          (
            "workspace",
            .object([("workspaceFolders", .object([("supported", true), ("changeNotifications", true)]))])
          ),
          ("executeCommandProvider", .object([("commands", .array([.string(Self.newReportCommand)]))])),
          (
            "completionProvider",
            .object([
              ("triggerCharacters", .array(Self.completionTriggerCharacters.map(JSONValue.string))),
              ("resolveProvider", false),
            ])
          ),
          (
            "diagnosticProvider",
            pullDiagnostics
              ? .object([("identifier", "nianbao"), ("interFileDependencies", false), ("workspaceDiagnostics", false)])
              : nil
          ),
        ])
      ),
      ("serverInfo", .object([("name", "nianbao"), ("version", .string(About.version))])),
    ])
  }

  /// The folders of `workspaceFolders`, else of `rootUri`, else `rootPath`.
  static func workspaceRoots(_ params: JSONValue) -> [String] {
    let folders = params["workspaceFolders"]?.array?.compactMap { $0["uri"]?.string.flatMap(filePath) } ?? []
    if !folders.isEmpty { return folders }
    if let root = params["rootUri"]?.string.flatMap(filePath) { return [root] }
    if let root = params["rootPath"]?.string, root.hasPrefix("/") { return [root] }
    return []
  }

  /// Folders added to or removed from the workspace: last year's reports are looked for under
  /// the folders as they are now, and every open report is checked again.
  func didChangeWorkspaceFolders(_ params: JSONValue) {
    func paths(_ key: String) -> [String] {
      params["event"]?[key]?.array?.compactMap { $0["uri"]?.string.flatMap(Self.filePath) } ?? []
    }
    let removed = Set(paths("removed"))
    var roots = workspace.roots.filter { !removed.contains($0) }
    for root in paths("added") where !roots.contains(root) { roots.append(root) }
    guard roots != workspace.roots else { return }
    log("workspace folders: \(roots.joined(separator: ", "))")
    workspace = WorkspaceIndex()
    workspace.roots = roots
    indexedVersions.removeAll()
    if !roots.isEmpty { startIndexing() }
    settingsChanged()
  }

  func initialized() {
    registerFileWatchers()
    // The workspace folders are known: their reports are indexed while the editor opens documents.
    if !workspace.roots.isEmpty { startIndexing() }
    if configurationSupport {
      request("workspace/configuration", .object([("items", .array([.object([("section", "nianbao")])]))]))
    }
  }

  func shutdown() -> JSONValue {
    answerPullsAwaitingIndex()
    state = .shutDown
    documents.removeAll()
    openDocumentURIs.removeAll()
    indexedVersions.removeAll()
    lastYearDependants = LastYearDependants()
    analyses.removeAll()
    return .null
  }

  func didChangeConfiguration(_ params: JSONValue) {
    let given = params["settings"]
    let hasSettings =
      given.map { value -> Bool in
        if case .object(let members) = value { return !members.isEmpty }
        return false
      } ?? false
    if hasSettings {
      applyConfiguration(Settings(given))
    } else if configurationSupport {
      request("workspace/configuration", .object([("items", .array([.object([("section", "nianbao")])]))]))
    }
  }

  /// New settings from the editor's configuration: they replace the previous configuration's,
  /// over those of `initializationOptions`, so that what the configuration leaves out or empty
  /// keeps its value. When that changes what is in effect, every finding may change.
  func applyConfiguration(_ new: Settings) {
    configurationSettings = new
    var effective = initializationSettings.overlaid(by: new)
    effective.problems = []
    for problem in new.problems { logToClient("nianbao: \(problem)", type: 2) }
    var current = settings
    current.problems = []
    guard effective != current else { return }
    settings = effective
    settingsChanged()
  }

  /// Every finding may have changed: pushed diagnostics are published again, pulling clients
  /// are asked to refresh.
  func settingsChanged() {
    settingsGeneration += 1
    analyses.removeAll()
    documentSettingsCache.removeAll()
    lastYearFiles.removeAll()
    if pullDiagnostics {
      unpulled.formUnion(documents.keys)
      if refreshSupport { request("workspace/diagnostic/refresh", nil) }
    } else {
      pendingPublish.formUnion(documents.keys)
      flush()
    }
  }

  private func reportSettingProblems() {
    for problem in settings.problems { logToClient("nianbao: \(problem)", type: 2) }
  }
}
