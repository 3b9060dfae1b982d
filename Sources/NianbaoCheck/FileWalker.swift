import Foundation

/// Turns the command line's paths into the files to check.
enum FileWalker {
  struct Entry: Equatable {
    var path: String
    /// Named on the command line (not found by walking a folder).
    var explicitlyNamed: Bool
  }

  enum WalkError: Error {
    case notFound(String)
  }

  /// Text files, web pages, Word documents and PDFs.
  static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "docx", "pdf"]
  /// Word 97–2003 and WPS files are not read; in a folder, those named as reports are listed, so
  /// that the message asking to save them as `.docx` reaches whoever checks the folder.
  static let legacyExtensions: Set<String> = ["doc", "wps"]

  /// The files under the paths given, each once: a file reached twice (`dir/` and `./dir/f`, an
  /// absolute and a relative path, a symbolic link beside the file it names) is kept under the
  /// first path that reached it, so that it is neither counted twice nor taken for its own copy.
  static func files(for arguments: [String]) throws(WalkError) -> [Entry] {
    var entries: [Entry] = []
    var seen: Set<String> = []
    for argument in arguments {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        throw .notFound(argument)
      }
      if !isDirectory.boolValue {
        if seen.insert(identity(argument)).inserted { entries.append(Entry(path: argument, explicitlyNamed: true)) }
        continue
      }
      var found: [String] = []
      walk(argument, into: &found)
      for path in found.sorted() where seen.insert(identity(path)).inserted {
        entries.append(Entry(path: path, explicitlyNamed: false))
      }
    }
    return entries
  }

  /// What makes two paths the same file: the path with every symbolic link, `.` and `..` resolved.
  private static func identity(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A repository's own documents beside the reports (`README.md`, `NOTES.md`, `CHANGELOG.md`):
  /// they talk about reports, quoting their headings and numbers, and are never one. Named on
  /// the command line they are checked.
  static func isProjectDocument(_ name: String) -> Bool {
    let upper = name.uppercased()
    return ["README", "NOTES", "CHANGELOG", "CHANGES", "LICENSE", "CONTRIBUTING"].contains { upper.hasPrefix($0) }
  }

  /// Whether a folder walk checks a file of this name.
  static func isReportFileName(_ name: String) -> Bool {
    let fileExtension = (name as NSString).pathExtension.lowercased()
    if legacyExtensions.contains(fileExtension) { return name.contains("年度报告") || name.contains("年报") }
    return extensions.contains(fileExtension) && !isProjectDocument(name)
  }

  private static func walk(_ directory: String, into found: inout [String]) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for name in names where !name.hasPrefix(".") && name != "node_modules" {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        // Do not follow symbolic links to folders (they can loop).
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { continue }
        walk(path, into: &found)
      } else if isReportFileName(name) {
        found.append(path)
      }
    }
  }
}
