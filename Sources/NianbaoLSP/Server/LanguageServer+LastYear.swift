import Foundation
import NianbaoConfig
import NianbaoCore
import NianbaoFiles
import NianbaoForms
import NianbaoProtocol

/// Last year's report of a document: the same agency, the year before, found in the workspace
/// (or named by `previous` in `nianbao.toml`), read from the editor when it is open there and
/// from the disk otherwise.
struct LastYearReport: Sendable {
  var uri: String
  var path: String
  /// The report's text as read (a web page's or a Word document's rendered text).
  var source: SourceText
  var summary: CrossYearRules.Summary
  /// For a web page or a Word document: the file's own text (the page's HTML, the document's
  /// XML) and the map from the report's text to it.
  var file: (source: SourceText, rendered: RenderedReport)?
}

/// What a document's cross-year findings were computed from, so that a change of any of it
/// checks the document again.
struct LastYearInputs: Sendable, Hashable {
  /// The agency and the year looked for.
  var wanted: WorkspaceIndex.Entry?
  /// The reports that were candidates (the one used, or the several of NB313).
  var paths: [String] = []
}

/// A document's findings against last year's report.
struct LastYearFindings: Sendable {
  var diagnostics: [Diagnostic] = []
  var lastYear: LastYearReport?
  var inputs = LastYearInputs()
}

/// Which open documents' cross-year findings depend on which reports, both ways round, so that a
/// change of one report finds its dependants without looking at every document.
struct LastYearDependants: Sendable {
  private var inputs: [String: LastYearInputs] = [:]
  private var byPath: [String: Set<String>] = [:]
  private var byWanted: [WorkspaceIndex.Entry: Set<String>] = [:]

  mutating func record(_ uri: String, _ new: LastYearInputs?) {
    if let old = inputs[uri] {
      for path in old.paths { byPath[path]?.remove(uri) }
      if let wanted = old.wanted { byWanted[wanted]?.remove(uri) }
    }
    inputs[uri] = new
    guard let new else { return }
    for path in new.paths { byPath[path, default: []].insert(uri) }
    if let wanted = new.wanted { byWanted[wanted, default: []].insert(uri) }
  }

  func documents(dependingOn path: String, entries: [WorkspaceIndex.Entry]) -> Set<String> {
    entries.reduce(byPath[path] ?? []) { $0.union(byWanted[$1] ?? []) }
  }
}

extension LanguageServer {
  /// The cross-year findings of a document (NB309, NB311, NB312, or NB313), with last year's
  /// report when one was used.
  func lastYearFindings(
    _ uri: String,
    version: Int,
    _ report: Report,
    _ settings: DocumentSettings
  ) -> LastYearFindings {
    let key = CrossYearRules.Summary.key(report)
    let path = Self.filePath(uri)
    if let path {
      indexOpenDocument(uri, path: path, version: version, key.map { .init(agency: $0.agency, year: $0.year) })
    }
    guard let key else { return LastYearFindings() }
    if workspace.roots.isEmpty, workspace.shallowRoots.isEmpty, let path {
      workspace.shallowRoots = [Glob.parent(of: path)]
    }
    startIndexing()
    let wanted = WorkspaceIndex.Entry(agency: key.agency, year: key.year - 1)
    if let named = settings.applied.previous.value {
      var inputs = LastYearInputs(wanted: wanted, paths: [named])
      guard named != path, let lastYear = lastYearReport(named), let summary = CrossYearRules.Summary(report) else {
        return LastYearFindings(inputs: inputs)
      }
      inputs.paths = [lastYear.path]
      let found = CrossYearRules.findings(
        current: summary,
        previous: lastYear.summary,
        previousName: displayName(lastYear.path),
        previousFile: lastYear.uri,
        namedInSettings: true
      )
      return LastYearFindings(diagnostics: found, lastYear: lastYear, inputs: inputs)
    }
    // The document's own findings do not wait for the index: its cross-year findings follow.
    guard workspace.isReady else {
      awaitingIndex.insert(uri)
      return LastYearFindings(inputs: LastYearInputs(wanted: wanted))
    }
    let candidates = workspace.reports(agency: wanted.agency, year: wanted.year).filter { $0 != path }
    let inputs = LastYearInputs(wanted: wanted, paths: candidates)
    // The report's own summary (its sections' words …) only when there is something to compare.
    guard !candidates.isEmpty, let summary = CrossYearRules.Summary(report) else {
      return LastYearFindings(inputs: inputs)
    }
    if candidates.count > 1 {
      return LastYearFindings(
        diagnostics: [CrossYearRules.ambiguousPrevious(current: summary, candidates: candidates.map(displayName))],
        inputs: inputs
      )
    }
    guard let only = candidates.first, let lastYear = lastYearReport(only) else {
      return LastYearFindings(inputs: inputs)
    }
    let found = CrossYearRules.findings(
      current: summary,
      previous: lastYear.summary,
      previousName: displayName(lastYear.path),
      previousFile: lastYear.uri
    )
    return LastYearFindings(diagnostics: found, lastYear: lastYear, inputs: inputs)
  }

  /// A report's path as messages show it: relative to the workspace folder it is in.
  private func displayName(_ path: String) -> String {
    guard
      let root = (workspace.roots + workspace.shallowRoots).first(where: {
        path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/")
      })
    else {
      return path
    }
    return Glob.relative(path, to: root)
  }

  /// The report at `path`: the editor's text when it is open, else the file (read once until it
  /// changes).
  private func lastYearReport(_ path: String) -> LastYearReport? {
    if let uri = openDocumentURIs[path], let open = documents[uri] {
      return Self.lastYearReport(uri: open.uri, path: path, source: open.source)
    }
    if let cached = lastYearFiles[path] { return cached }
    diskStamps.follow(path)
    // In any form a report is published in, and any encoding, as `--check` reads it.
    guard let input = try? ReportInput.read(path: path) else { return nil }
    let uri = URL(fileURLWithPath: path).absoluteString
    var found: LastYearReport?
    if let rendered = input.rendered(input.sourceText) {
      found = Self.lastYearReport(uri: uri, path: path, source: SourceText(rendered.text))
      found?.file = (SourceText(input.sourceText), rendered)
    } else {
      found = Self.lastYearReport(uri: uri, path: path, source: SourceText(input.sourceText))
    }
    lastYearFiles[path] = found
    return found
  }

  private static func lastYearReport(uri: String, path: String, source: SourceText) -> LastYearReport? {
    CrossYearRules.Summary(ReportParser.parse(source)).map {
      LastYearReport(uri: uri, path: path, source: source, summary: $0)
    }
  }

  /// A report changed (in the editor or on the disk, made or deleted): its entry in the index
  /// is read again, and the open documents that compared themselves with it, or that look for
  /// its agency and year, are checked again.
  func reportChanged(_ path: String) {
    let before = workspace.entry(path)
    // An open document's text counts over its file's.
    if let open = openDocumentURIs[path].flatMap({ documents[$0] }) {
      workspace.update(path, utf8: open.source.utf8)
    } else {
      workspace.update(path)
    }
    lastYearFiles[path] = nil
    recheckDependants(of: path, entries: [before, workspace.entry(path)])
  }

  /// An open document, analysed: its title goes into the index, and when its text changed since
  /// it was last indexed, the documents that compare themselves with it are checked again. (Only
  /// on a change of its text: a document checked again because of another's change does not
  /// pass it on, so that reports naming each other as `previous` cannot check each other forever.)
  private func indexOpenDocument(_ uri: String, path: String, version: Int, _ entry: WorkspaceIndex.Entry?) {
    let before = workspace.entry(path)
    if let entry {
      workspace.update(path, agency: entry.agency, year: entry.year)
    } else {
      workspace.remove(path)
    }
    guard indexedVersions[uri] != version else { return }
    indexedVersions[uri] = version
    recheckDependants(of: path, entries: [before, workspace.entry(path)])
  }

  /// Checks again the open documents that compared themselves with the report at `path`, or
  /// that look for the agency and year it had or has.
  private func recheckDependants(of path: String, entries: [WorkspaceIndex.Entry?]) {
    let own = openDocumentURIs[path]
    var changed = false
    for uri in lastYearDependants.documents(dependingOn: path, entries: entries.compactMap { $0 }) where uri != own {
      guard analyses.removeValue(forKey: uri) != nil else { continue }
      pendingPublish.insert(uri)
      if pullDiagnostics { unpulled.insert(uri) }
      changed = true
    }
    if changed, pullDiagnostics, refreshSupport { request("workspace/diagnostic/refresh", nil) }
  }

  /// `relatedInformation` pointing into last year's report, for the clients that show it.
  func lastYearPlace(_ analysis: Analysis) -> (String) -> ElsewherePlace? {
    guard relatedInformationSupport, let lastYear = analysis.lastYear else { return { _ in nil } }
    if let file = lastYear.file {
      let converter = PositionConverter(source: file.source, encoding: encoding)
      let place = ElsewherePlace(uri: lastYear.uri, converter: converter) { file.rendered.sourceRange(forRendered: $0) }
      return { uri in uri == lastYear.uri ? place : nil }
    }
    let place = ElsewherePlace(
      uri: lastYear.uri,
      converter: PositionConverter(source: lastYear.source, encoding: encoding)
    )
    return { uri in uri == lastYear.uri ? place : nil }
  }
}
