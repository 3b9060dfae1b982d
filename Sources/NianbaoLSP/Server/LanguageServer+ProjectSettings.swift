import Foundation
import NianbaoConfig
import NianbaoCore
import NianbaoJSON

/// A document's settings from its `nianbao.toml` (the editor's settings over them) and the
/// suppressions that apply to it.
struct DocumentSettings: Sendable {
  var applied: AppliedSettings
  var suppressions: SuppressionsFile?
  /// The document's path as its suppressions file names it.
  var suppressionKey: String?
}

extension LanguageServer {
  /// The files whose change re-reads the settings, and the reports (last year's of an open one).
  static let watchedPatterns = ["**/" + ConfigFile.name, "**/" + SuppressionsFile.name, "**/*.txt", "**/*.md"]

  /// Asks the client to report changes of `nianbao.toml` and the suppressions, when it lets
  /// servers register for that.
  func registerFileWatchers() {
    guard watchedFilesDynamicRegistration else { return }
    let watchers: [JSONValue] = Self.watchedPatterns.map { .object([("globPattern", .string($0))]) }
    request(
      "client/registerCapability",
      .object([
        (
          "registrations",
          .array([
            .object([
              ("id", "nianbao-settings-files"), ("method", "workspace/didChangeWatchedFiles"),
              ("registerOptions", .object([("watchers", .array(watchers))])),
            ])
          ])
        )
      ])
    )
  }

  /// `workspace/didChangeWatchedFiles`: a settings file changed, was made or was deleted, so
  /// every finding may change, as after a change of the editor's settings.
  func didChangeWatchedFiles(_ params: JSONValue) {
    let names = [ConfigFile.name, SuppressionsFile.name]
    let changes = params["changes"]?.array ?? []
    // What the client reported is handled here, not again when the disk is next looked at.
    _ = diskStamps.changed()
    for path in changes.compactMap({ $0["uri"]?.string.flatMap(Self.filePath) }) where WorkspaceIndex.isReportName(path)
    {
      reportChanged(path)
    }
    guard
      changes.isEmpty
        || changes.contains(where: { change in names.contains { change["uri"]?.string?.hasSuffix($0) == true } })
    else { return }
    configs.reset()
    reportedSettingsErrors.removeAll()
    settingsChanged()
  }

  /// The settings of the document at `uri`: those of the nearest `nianbao.toml` above its file,
  /// with the editor's rule levels and language over them. A settings file that cannot be used
  /// is shown to the user once (until it changes) and the document is checked without it.
  func documentSettings(_ uri: String) -> DocumentSettings {
    if let known = documentSettingsCache[uri] { return known }
    let found = readDocumentSettings(uri)
    documentSettingsCache[uri] = found
    return found
  }

  private func readDocumentSettings(_ uri: String) -> DocumentSettings {
    guard let path = Self.filePath(uri) else {
      var applied = AppliedSettings(config: nil, file: "/")
      applied.override(with: settings.policy) { _, _ in .editor }
      return DocumentSettings(applied: applied)
    }
    var config: ConfigFile?
    switch configs.config(forFile: path) {
    case .success(let found): config = found
    case .failure(let error): showSettingsError(error)
    }
    var applied = AppliedSettings(config: config, file: path)
    applied.override(with: settings.policy) { _, _ in .editor }
    if let language = settings.language { applied.language = .init(value: language, source: .editor) }
    let suppressionsPath = configs.suppressionsPath(for: config, folder: Glob.parent(of: path))
    followSettingsFiles(of: path, config: config, suppressions: suppressionsPath)
    var suppressions: SuppressionsFile?
    switch configs.suppressions(at: suppressionsPath) {
    case .success(let found): suppressions = found
    case .failure(let error): showSettingsError(error)
    }
    return DocumentSettings(
      applied: applied,
      suppressions: suppressions,
      suppressionKey: Glob.relative(path, to: Glob.parent(of: suppressionsPath))
    )
  }

  /// The findings of a report without those its suppressions file accepts.
  func unsuppressed(_ diagnostics: [Diagnostic], _ report: Report, _ settings: DocumentSettings) -> [Diagnostic] {
    guard let suppressions = settings.suppressions, !suppressions.entries.isEmpty, let key = settings.suppressionKey
    else { return diagnostics }
    return diagnostics.filter { suppressions.entry(matching: Fingerprint($0, in: report, path: key)) == nil }
  }

  private func showSettingsError(_ error: ConfigError) {
    guard reportedSettingsErrors.insert(error).inserted else { return }
    log("settings file: \(error.text(.en))")
    send(
      Outgoing.notification(
        "window/showMessage",
        .object([("type", .int(1)), ("message", .string("nianbao: " + error.text(language)))])
      )
    )
  }

  /// The path of a `file:` URI, percent-decoded; nil for other schemes (unsaved buffers).
  static func filePath(_ uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.standardizedFileURL.path
  }
}
