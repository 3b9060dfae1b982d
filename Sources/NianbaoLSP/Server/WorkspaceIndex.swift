import Foundation
import NianbaoCore

/// The reports under the workspace folders, by agency and year, read from the head of each file
/// (the title is at the top), so that a report's last-year report can be found without reading
/// every file whole.
///
/// The walk skips hidden folders (`.git`, `.build` …) and `node_modules`, and stops after
/// ``entryLimit`` files and folders, so that opening a report in a huge tree stays quick. Without
/// workspace folders, only the folder of the first report checked is read (not below it).
struct WorkspaceIndex: Sendable {
  struct Entry: Sendable, Hashable {
    var agency: String
    var year: Int
  }

  static let entryLimit = 20_000
  static let headBytes = 4_096
  static let skippedFolders: Set<String> = ["node_modules", "Pods", "DerivedData"]

  var roots: [String] = []
  /// Read without their subfolders: the folder of a report when the editor gave no workspace.
  var shallowRoots: [String] = []
  private var entries: [String: Entry] = [:]
  private var pathsByEntry: [Entry: Set<String>] = [:]
  private(set) var scanned = false
  /// Whether the walk stopped at ``fileLimit``.
  private(set) var truncated = false

  /// Walks the roots once, on first use; whether it walked them now.
  @discardableResult
  mutating func scanIfNeeded() -> Bool {
    guard !scanned else { return false }
    scanned = true
    var visited = 0
    for (root, shallow) in roots.map({ ($0, false) }) + shallowRoots.map({ ($0, true) }) {
      guard
        let walker = FileManager.default.enumerator(
          at: URL(fileURLWithPath: root),
          includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey],
          options: shallow
            ? [.skipsHiddenFiles, .skipsSubdirectoryDescendants] : [.skipsHiddenFiles, .skipsPackageDescendants]
        )
      else { continue }
      for case let url as URL in walker {
        visited += 1
        if visited > Self.entryLimit {
          truncated = true
          return true
        }
        let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey])
        if values?.isDirectory == true {
          if Self.skippedFolders.contains(url.lastPathComponent) { walker.skipDescendants() }
          continue
        }
        guard values?.isRegularFile == true, Self.isReportName(url.path) else { continue }
        update(url.standardizedFileURL.path)
      }
    }
    return true
  }

  static func isReportName(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".txt") || lower.hasSuffix(".md")
  }

  /// Reads the head of a file again (it changed, was made or was deleted).
  mutating func update(_ path: String) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      set(path, nil)
      return
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: Self.headBytes)) ?? Data()
    update(path, text: String(decoding: head, as: UTF8.self))
  }

  /// Takes a report's title from its text (an open document's, which may differ from the disk).
  mutating func update(_ path: String, text: String) {
    let report = ReportParser.parse(text)
    set(path, CrossYearRules.Summary(report).map { Entry(agency: $0.agency, year: $0.year) })
  }

  private mutating func set(_ path: String, _ entry: Entry?) {
    if let old = entries[path] { pathsByEntry[old]?.remove(path) }
    entries[path] = entry
    if let entry { pathsByEntry[entry, default: []].insert(path) }
  }

  /// Records what a report's title says (from a document already read whole).
  mutating func update(_ path: String, agency: String, year: Int) {
    set(path, Entry(agency: agency, year: year))
  }

  mutating func remove(_ path: String) { set(path, nil) }

  func entry(_ path: String) -> Entry? { entries[path] }

  /// The reports of an agency for a year, sorted by path.
  func reports(agency: String, year: Int) -> [String] {
    (pathsByEntry[Entry(agency: agency, year: year)] ?? []).sorted()
  }
}
