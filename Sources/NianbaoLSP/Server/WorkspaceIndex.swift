import Foundation
import NianbaoCore
import NianbaoFiles
import NianbaoForms

/// The reports under the workspace folders, by agency and year, read from the head of each file
/// (the title is at the top), so that a report's last-year report can be found without reading
/// every file whole.
///
/// The walk skips hidden folders (`.git`, `.build` …) and `node_modules`, and stops after
/// ``entryLimit`` files and folders, so that opening a report in a huge tree stays quick. Without
/// workspace folders, only the folder of the first report checked is read (not below it).
///
/// The index is built once, away from the server's queue (``files(roots:shallowRoots:)`` and
/// ``entry(ofFileAt:)``), and handed over with ``finishBuilding(_:)``; what the server learns of a
/// file meanwhile (an open document's title, a change on the disk) counts over what the walk read.
struct WorkspaceIndex: Sendable {
  struct Entry: Sendable, Hashable {
    var agency: String
    var year: Int
  }

  enum State: Sendable {
    case notBuilt
    case building
    case ready
  }

  /// What the walk found: each report's agency and year, by path.
  struct Walk: Sendable {
    var entries: [String: Entry] = [:]
    /// Whether the walk stopped at ``entryLimit``.
    var truncated = false
  }

  static let entryLimit = 20_000
  static let headBytes = 4_096
  /// How far a title is looked for in a file whose first 4 KB hold none.
  static let longHeadBytes = 32_768
  static let skippedFolders: Set<String> = ["node_modules", "Pods", "DerivedData"]

  var roots: [String] = []
  /// Read without their subfolders: the folder of a report when the editor gave no workspace.
  var shallowRoots: [String] = []
  private var entries: [String: Entry] = [:]
  private var pathsByEntry: [Entry: Set<String>] = [:]
  private(set) var state = State.notBuilt
  /// Paths set while the walk ran: what the server learnt of them counts over the walk.
  private var setWhileBuilding: Set<String> = []
  /// Whether the walk stopped at ``entryLimit``.
  private(set) var truncated = false

  var isReady: Bool { state == .ready }

  /// Marks the index as being built.
  mutating func startBuilding() {
    state = .building
    setWhileBuilding = []
  }

  /// Takes what the walk read; the entries set meanwhile stay.
  mutating func finishBuilding(_ walk: Walk) {
    for (path, entry) in walk.entries where !setWhileBuilding.contains(path) {
      set(path, entry)
    }
    truncated = walk.truncated
    setWhileBuilding = []
    state = .ready
  }

  /// The report files under the roots, in the walk's order, at most ``entryLimit`` files and
  /// folders visited; whether the walk stopped there.
  static func files(roots: [String], shallowRoots: [String]) -> (paths: [String], truncated: Bool) {
    var visited = 0
    var paths: [String] = []
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
        if visited > Self.entryLimit { return (paths, true) }
        let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey])
        if values?.isDirectory == true {
          if Self.skippedFolders.contains(url.lastPathComponent) { walker.skipDescendants() }
          continue
        }
        guard values?.isRegularFile == true, Self.isReportName(url.path) else { continue }
        paths.append(url.standardizedFileURL.path)
      }
    }
    return (paths, false)
  }

  static func isReportName(_ path: String) -> Bool {
    let lower = path.lowercased()
    return [".txt", ".md", ".markdown", ".html", ".htm", ".docx"].contains { lower.hasSuffix($0) }
  }

  /// The agency and year of the report at `path`, from the title in the head of the file; nil
  /// when it cannot be read or has no title.
  static func entry(ofFileAt path: String) -> Entry? {
    // A web page's or a Word document's title is wherever the page or the archive puts it: the
    // report is read whole (PDFs are not indexed: each would start pdftotext).
    if ReportInput.kind(ofPath: path) != .text {
      guard let input = try? ReportInput.read(path: path) else { return nil }
      return entry(ofText: input.rendered(input.sourceText)?.text ?? input.sourceText)
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: longHeadBytes)
    var count = 0
    func readHead(upTo limit: Int) {
      while count < limit {
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, limit - count) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { break }
        count += n
      }
    }
    readHead(upTo: headBytes)
    if let entry = entry(ofText: Self.decodedHead(head[..<count])) { return entry }
    // A whole page copied from a browser has the site's navigation before the title.
    guard count == headBytes else { return nil }
    readHead(upTo: longHeadBytes)
    return entry(ofText: Self.decodedHead(head[..<count]))
  }

  /// The head of a text file as `--check` reads it: UTF-8, else GB18030 (a character cut at the
  /// end of the head is left out).
  private static func decodedHead(_ head: ArraySlice<UInt8>) -> String {
    var body = head
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    for cut in 0...3 where body.count >= cut {
      if let text = String(validating: body.dropLast(cut), as: UTF8.self) { return text }
    }
    for cut in 0...1 where body.count >= cut {
      if let text = TextEncoding.gb18030.decode(body.dropLast(cut)) { return text }
    }
    return String(decoding: body, as: UTF8.self)
  }

  /// The agency and year of a report's title.
  static func entry(ofText text: String) -> Entry? {
    ReportParser.title(SourceText(text)).flatMap(CrossYearRules.Summary.key(title:)).map {
      Entry(agency: $0.agency, year: $0.year)
    }
  }

  /// Reads the head of a file again (it changed, was made or was deleted).
  mutating func update(_ path: String) {
    set(path, Self.entry(ofFileAt: path))
  }

  /// Takes a report's title from the head of its text (an open document's, which may differ from
  /// the disk), as far as a file's is read.
  mutating func update(_ path: String, utf8: [UInt8]) {
    set(path, Self.entry(ofHeadOf: utf8))
  }

  /// The entry of a text from its first 4 KB, or from its first 32 KB when the first hold no
  /// title.
  static func entry(ofHeadOf utf8: [UInt8]) -> Entry? {
    if let entry = entry(ofText: decodedHead(utf8.prefix(headBytes))) { return entry }
    guard utf8.count > headBytes else { return nil }
    return entry(ofText: decodedHead(utf8.prefix(longHeadBytes)))
  }

  private mutating func set(_ path: String, _ entry: Entry?) {
    if state == .building { setWhileBuilding.insert(path) }
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
