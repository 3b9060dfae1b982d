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

  static let extensions: Set<String> = ["txt", "md", "markdown"]

  static func files(for arguments: [String]) throws(WalkError) -> [Entry] {
    var entries: [Entry] = []
    var seen: Set<String> = []
    for argument in arguments {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        throw .notFound(argument)
      }
      if !isDirectory.boolValue {
        if seen.insert(argument).inserted { entries.append(Entry(path: argument, explicitlyNamed: true)) }
        continue
      }
      var found: [String] = []
      walk(argument, into: &found)
      for path in found.sorted() where seen.insert(path).inserted {
        entries.append(Entry(path: path, explicitlyNamed: false))
      }
    }
    return entries
  }

  /// A repository's own documents beside the reports (`README.md`, `NOTES.md`, `CHANGELOG.md`):
  /// they talk about reports, quoting their headings and numbers, and are never one. Named on
  /// the command line they are checked.
  static func isProjectDocument(_ name: String) -> Bool {
    let upper = name.uppercased()
    return ["README", "NOTES", "CHANGELOG", "CHANGES", "LICENSE", "CONTRIBUTING"].contains { upper.hasPrefix($0) }
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
      } else if extensions.contains((name as NSString).pathExtension.lowercased()), !isProjectDocument(name) {
        found.append(path)
      }
    }
  }
}
