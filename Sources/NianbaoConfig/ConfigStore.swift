import Foundation
import NianbaoCore
import Synchronization

/// Finds the `nianbao.toml` that applies to a report: the nearest one in the report's folder or
/// a folder above it, up to the filesystem root. Each folder is looked at once; the language
/// server calls ``reset()`` when a settings file changes.
package final class ConfigStore: Sendable {
  package typealias Lookup = Result<ConfigFile?, ConfigError>

  private let cache = Mutex<[String: Lookup]>([:])
  fileprivate let suppressionCache = Mutex<[String: Result<SuppressionsFile, ConfigError>]>([:])
  /// The folder whose `nianbao-suppressions.json` applies to reports in a folder, when no
  /// `nianbao.toml` does (nil: none above it).
  fileprivate let suppressionFolderCache = Mutex<[String: String?]>([:])

  package init() {}

  /// The settings file for a report at `path` (relative paths are taken from the current folder).
  package func config(forFile path: String) -> Lookup {
    config(forDirectory: Glob.parent(of: Self.absolute(path)))
  }

  package func config(forDirectory directory: String) -> Lookup {
    var visited: [String] = []
    var folder = Self.absolute(directory)
    var found: Lookup = .success(nil)
    while true {
      if let known = cache.withLock({ $0[folder] }) {
        found = known
        break
      }
      visited.append(folder)
      let candidate = (folder == "/" ? "" : folder) + "/" + ConfigFile.name
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
        found = Self.read(candidate)
        break
      }
      guard folder != "/" else { break }
      folder = Glob.parent(of: folder)
    }
    cache.withLock { cache in
      for folder in visited { cache[folder] = found }
    }
    return found
  }

  /// Forgets every file read, so that the next lookup reads them again.
  package func reset() {
    cache.withLock { $0.removeAll() }
    suppressionCache.withLock { $0.removeAll() }
    suppressionFolderCache.withLock { $0.removeAll() }
  }

  private static func read(_ path: String) -> Lookup {
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(
        ConfigError(
          path: path,
          position: TOMLPosition(line: 1, column: 1),
          message: LocalizedText(zh: "无法读取此文件", en: "the file cannot be read")
        )
      )
    }
    guard let text = String(validating: Array(data), as: UTF8.self) else {
      return .failure(
        ConfigError(
          path: path,
          position: TOMLPosition(line: 1, column: 1),
          message: LocalizedText(zh: "文件不是 UTF-8 编码", en: "the file is not UTF-8")
        )
      )
    }
    return Result { () throws(ConfigError) in try ConfigFile(path: path, text: text) }
  }

  /// An absolute path without `.` and `..` segments.
  package static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}

extension ConfigStore {
  /// Where the suppressions of reports in `folder` live: beside their `nianbao.toml`; when none
  /// applies, the nearest `nianbao-suppressions.json` in the folder or a folder above it (found
  /// as `nianbao.toml` is, so that the working folder does not matter), else the current folder
  /// (where `--add-suppressions` starts one).
  package func suppressionsPath(for config: ConfigFile?, folder: String) -> String {
    let folder =
      config?.directory ?? nearestSuppressionsFolder(Self.absolute(folder))
      ?? Self.absolute(FileManager.default.currentDirectoryPath)
    return (folder == "/" ? "" : folder) + "/" + SuppressionsFile.name
  }

  private func nearestSuppressionsFolder(_ start: String) -> String? {
    var visited: [String] = []
    var folder = start
    var found: String?
    while true {
      if let known = suppressionFolderCache.withLock({ $0[folder] }) {
        found = known
        break
      }
      visited.append(folder)
      let candidate = (folder == "/" ? "" : folder) + "/" + SuppressionsFile.name
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
        found = folder
        break
      }
      guard folder != "/" else { break }
      folder = Glob.parent(of: folder)
    }
    suppressionFolderCache.withLock { cache in
      for folder in visited { cache[folder] = .some(found) }
    }
    return found
  }

  /// The suppressions file at `path`: empty when there is none.
  package func suppressions(at path: String) -> Result<SuppressionsFile, ConfigError> {
    if let known = suppressionCache.withLock({ $0[path] }) { return known }
    let found: Result<SuppressionsFile, ConfigError>
    if let data = FileManager.default.contents(atPath: path) {
      let text = String(decoding: data, as: UTF8.self)
      found = Result { () throws(ConfigError) in try SuppressionsFile(path: path, json: text) }
    } else {
      found = .success(SuppressionsFile(path: path))
    }
    suppressionCache.withLock { $0[path] = found }
    return found
  }
}
