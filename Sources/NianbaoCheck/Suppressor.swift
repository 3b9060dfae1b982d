import NianbaoConfig
import NianbaoCore
import NianbaoFiles

/// `nianbao-suppressions.json` in a `--check` run: takes out the findings a team accepted,
/// adds the shown ones with `--add-suppressions`, and names the entries that no longer match.
enum Suppressor {
  /// An entry of a suppressions file that matched no finding of a file it names that was
  /// checked: the finding was corrected (or its text changed), and the entry can go.
  struct StaleEntry: Sendable {
    /// The suppressions file, as the check names it.
    var file: String
    /// The entry's place in the file, from 1.
    var number: Int
    var fingerprint: Fingerprint
    /// Why the team accepted the finding, as written in the entry.
    var reason: String?

    func message(_ language: Language) -> String {
      let f = fingerprint
      let reason = self.reason.flatMap { $0.isEmpty ? nil : $0 }
      switch language {
      case .zh:
        return "第 \(number) 条（\(f.code)，\(f.path)，“\(f.text)”）已不匹配任何发现；若问题已改正，请删去这一条"
          + (reason.map { "（当时的理由：\($0)）" } ?? "")
      case .en:
        return
          "entry \(number) (\(f.code), \(f.path), “\(f.text)”) no longer matches any finding; if it was corrected, delete the entry"
          + (reason.map { " (its reason: \($0))" } ?? "")
      }
    }
  }

  /// Returns the entries that are stale, or nil after printing why a suppressions file cannot
  /// be read or written.
  static func apply(
    _ results: inout [CheckCommand.FileResult],
    options: CheckOptions,
    errorOutput: (String) -> Void
  ) -> [StaleEntry]? {
    let store = ConfigStore()
    let language = options.language
    var files: [String: SuppressionsFile] = [:]
    var order: [String] = []
    for result in results {
      guard let path = result.settings?.suppressionsPath, files[path] == nil, result.readError == nil else { continue }
      switch store.suppressions(at: path) {
      case .success(let file):
        files[path] = file
        order.append(path)
      case .failure(let error):
        errorOutput("nianbao: \(error.text(language))\n")
        return nil
      }
    }
    guard !files.isEmpty else { return [] }

    if options.addSuppressions, !options.diff {
      var added: [String: Int] = [:]
      for result in results {
        guard let settings = result.settings, let source = result.source, !result.findings.isEmpty else { continue }
        let fingerprints = result.diagnostics.map {
          Fingerprint($0, in: source, sections: result.sections, path: settings.suppressionKey)
        }
        added[settings.suppressionsPath, default: 0] += files[settings.suppressionsPath]!.add(fingerprints)
      }
      for path in order where (added[path] ?? 0) > 0 {
        do {
          try AtomicWriter.write(Array(files[path]!.json.utf8), to: path)
        } catch {
          errorOutput(
            language == .zh
              ? "nianbao: 无法写入 \(path)（\(error.reason)）\n" : "nianbao: could not write \(path) (\(error.reason))\n"
          )
          return nil
        }
        let count = added[path]!
        errorOutput(
          language == .zh
            ? "nianbao: 已将 \(count) 条发现写入 \(path)\n"
            : "nianbao: added \(count) finding\(count == 1 ? "" : "s") to \(path)\n"
        )
      }
    }

    var used: [String: Set<Int>] = [:]
    var checked: Set<String> = []
    for index in results.indices {
      guard let settings = results[index].settings, results[index].hasSource,
        let file = files[settings.suppressionsPath]
      else { continue }
      checked.insert(settings.suppressionsPath + "\u{0}" + settings.suppressionKey)
      guard !file.entries.isEmpty, let source = results[index].source else { continue }
      var shown: [Diagnostic] = []
      for diagnostic in results[index].diagnostics {
        let fingerprint = Fingerprint(
          diagnostic,
          in: source,
          sections: results[index].sections,
          path: settings.suppressionKey
        )
        if let entry = file.entry(matching: fingerprint) {
          used[settings.suppressionsPath, default: []].insert(entry)
          results[index].suppressed.append(diagnostic)
        } else {
          shown.append(diagnostic)
        }
      }
      results[index].diagnostics = shown
    }

    var stale: [StaleEntry] = []
    for path in order {
      for (index, entry) in files[path]!.entries.enumerated()
      where checked.contains(path + "\u{0}" + entry.fingerprint.path) && used[path]?.contains(index) != true {
        let found = StaleEntry(file: path, number: index + 1, fingerprint: entry.fingerprint, reason: entry.reason)
        stale.append(found)
        errorOutput("\(path): warning: \(found.message(language))\n")
      }
    }
    return stale
  }

  /// How a suppressed finding is marked with `--show-suppressed`.
  static func mark(_ language: Language) -> String { language == .zh ? "（已抑制）" : " (suppressed)" }
}

extension CheckCommand.FileResult {
  /// The findings to print, each with whether it is suppressed, in position order.
  func shown(_ options: CheckOptions) -> [(Diagnostic, Bool)] {
    guard options.showSuppressed, !suppressed.isEmpty else { return diagnostics.map { ($0, false) } }
    return (diagnostics.map { ($0, false) } + suppressed.map { ($0, true) }).sorted {
      ($0.0.range.lowerBound, $0.0.code) < ($1.0.range.lowerBound, $1.0.code)
    }
  }
}
