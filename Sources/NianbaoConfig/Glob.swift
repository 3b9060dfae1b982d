import NianbaoCore

/// The glob patterns of `nianbao.toml`, matched against paths relative to its folder.
///
/// `*` is any run of characters within one path segment, `?` one character, `**` any number of
/// segments. A pattern with a `/` is anchored at the folder of `nianbao.toml`; one without
/// (`*.md`) matches a file or folder name at any depth, as in ruff and `.gitignore`. A pattern
/// that matches a folder matches everything in it (`草稿` and `草稿/**` are the same).
package enum Glob {
  package static func matches(_ pattern: String, _ relativePath: String) -> Bool {
    var pattern = pattern
    while pattern.hasPrefix("./") { pattern.removeFirst(2) }
    let anchored = pattern.hasPrefix("/")
    if anchored { pattern.removeFirst() }
    while pattern.hasSuffix("/") { pattern.removeLast() }
    let path = relativePath.split(separator: "/").map(String.init)
    guard !pattern.isEmpty, !path.isEmpty else { return false }
    let parts = pattern.split(separator: "/").map(String.init)
    if parts.count == 1 && parts[0] != "**" && !anchored {
      return path.contains { segment(parts[0], $0) }
    }
    return (1...path.count).contains { matchSegments(parts[...], path[..<$0]) }
  }

  /// What is wrong with a pattern, or nil.
  package static func problem(_ pattern: String) -> LocalizedText? {
    if pattern.isEmpty { return LocalizedText(zh: "模式不能为空", en: "a pattern cannot be empty") }
    if pattern.split(separator: "/").contains(where: { $0 != "**" && $0.contains("**") }) {
      return LocalizedText(
        zh: "模式“\(pattern)”中的 ** 须单独成段，例如 乡镇/**/*.txt",
        en: "** must be a whole segment of the pattern “\(pattern)”, e.g. towns/**/*.txt"
      )
    }
    if pattern.unicodeScalars.contains(where: { "[]{}\\".unicodeScalars.contains($0) }) {
      return LocalizedText(
        zh: "模式“\(pattern)”含有 [ ] { } 或 \\，nianbao 的模式只有 *、? 和 **；名称中的这些字符请写成 ?",
        en:
          "the pattern “\(pattern)” has [ ] { } or \\, which nianbao's patterns do not use (only *, ? and **); write ? for such a character in a name"
      )
    }
    if pattern.split(separator: "/").contains("..") {
      return LocalizedText(
        zh: "模式“\(pattern)”不能含 ..：模式相对于 nianbao.toml 所在的文件夹",
        en: "the pattern “\(pattern)” cannot contain ..: patterns are relative to the folder of nianbao.toml"
      )
    }
    return nil
  }

  private static func matchSegments(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
    guard let first = pattern.first else { return path.isEmpty }
    if first == "**" {
      let rest = pattern.dropFirst()
      return (path.startIndex...path.endIndex).contains { matchSegments(rest, path[$0...]) }
    }
    guard let name = path.first, segment(first, name) else { return false }
    return matchSegments(pattern.dropFirst(), path.dropFirst())
  }

  /// One segment: `*` and `?` over Unicode scalars, so that `年报?.txt` takes one Chinese character.
  private static func segment(_ pattern: String, _ name: String) -> Bool {
    let p = Array(pattern.unicodeScalars)
    let n = Array(name.unicodeScalars)
    var (pi, ni) = (0, 0)
    var star: (p: Int, n: Int)?
    while ni < n.count {
      if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
        pi += 1
        ni += 1
      } else if pi < p.count, p[pi] == "*" {
        star = (pi, ni)
        pi += 1
      } else if let last = star {
        pi = last.p + 1
        ni = last.n + 1
        star = (last.p, last.n + 1)
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }

  /// A path's folder (`/a/b` for `/a/b/c.txt`, `.` for `c.txt`).
  package static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` relative to the folder `base` (both absolute and standardised), with `..` where it
  /// lies outside.
  package static func relative(_ path: String, to base: String) -> String {
    let target = path.split(separator: "/")
    let from = base.split(separator: "/")
    var common = 0
    while common < min(target.count, from.count), target[common] == from[common] { common += 1 }
    let up = Array(repeating: "..", count: from.count - common)
    return (up + target[common...].map(String.init)).joined(separator: "/")
  }

  /// A path written relative to the folder `base` (absolute), as a standardised absolute path:
  /// `.` and `..` segments resolved. An absolute path stays as it is, standardised.
  package static func resolve(_ path: String, from base: String) -> String {
    var segments: [Substring] = []
    for segment in ((path.hasPrefix("/") ? "" : base + "/") + path).split(separator: "/") {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(segment)
      }
    }
    return "/" + segments.joined(separator: "/")
  }
}
