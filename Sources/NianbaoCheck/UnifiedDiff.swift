import Foundation
import NianbaoConfig
import NianbaoFiles

/// A unified diff of two texts, line by line (line ends kept as they are).
enum UnifiedDiff {
  /// A patch `git apply` (and `patch -p1`) takes for a file's fixes: its path relative to the
  /// current folder under `a/` and `b/`, and its lines in the file's own bytes (GB18030 stays
  /// GB18030, a byte order mark stays on the first line). Nil for UTF-16, whose lines no patch
  /// tool reads as text.
  static func patch(_ file: ReportFile, new: String, path: String) -> [UInt8]? {
    guard file.encoding == .utf8 || file.encoding == .gb18030, file.roundTrips else { return nil }
    let mark = file.hasByteOrderMark && file.encoding == .utf8 ? "\u{FEFF}" : ""
    let name = patchName(path)
    let body = diff(old: mark + file.text, new: mark + new, oldName: "a/\(name)", newName: "b/\(name)")
    guard let header = body.firstRange(of: "\n+++ ").flatMap({ body[$0.upperBound...].firstIndex(of: "\n") }) else {
      return []
    }
    let hunks = body[body.index(after: header)...]
    guard let encoded = file.encoding.encode(String(hunks)) else { return nil }
    return Array(body[...header].utf8) + encoded
  }

  /// A path as a patch names it: relative to the current folder, without `.` segments or a
  /// doubled `/` (`git apply` refuses `a/./f` and `a//srv/f`). A file outside the current folder
  /// keeps its `..` (`git apply --unsafe-paths` takes it).
  static func patchName(_ path: String) -> String {
    guard !path.hasPrefix("<") else { return path }
    let absolute = ConfigStore.absolute(path)
    // Folders by their real paths, so that a folder reached through a symbolic link (`/tmp` for
    // `/private/tmp`) is still found inside the current one; the file keeps its own name.
    let folder = resolved(Glob.parent(of: absolute))
    let file = (folder == "/" ? "" : folder) + "/" + (absolute as NSString).lastPathComponent
    return Glob.relative(file, to: resolved(FileManager.default.currentDirectoryPath))
  }

  private static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return ConfigStore.absolute(path) }
    defer { free(real) }
    return String(cString: real)
  }

  static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
    let a = lines(old)
    let b = lines(new)
    guard a != b else { return "" }
    // The fixes change few lines: compare the middle after the common prefix and suffix.
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    let midA = Array(a[prefix..<(a.count - suffix)])
    let midB = Array(b[prefix..<(b.count - suffix)])
    var ops: [(Character, String)] = a[..<prefix].map { (" ", $0) }
    ops += middle(midA, midB)
    ops += a[(a.count - suffix)...].map { (" ", $0) }

    var out = "--- \(oldName)\n+++ \(newName)\n"
    var index = 0
    while index < ops.count {
      guard ops[index].0 != " " else {
        index += 1
        continue
      }
      var start = max(0, index - context)
      var end = index
      // Extend the hunk while changes are within 2 × context lines of each other.
      var cursor = index
      while cursor < ops.count {
        if ops[cursor].0 != " " {
          end = cursor
          cursor += 1
          continue
        }
        var gap = cursor
        while gap < ops.count, ops[gap].0 == " " { gap += 1 }
        if gap < ops.count, gap - cursor <= 2 * context {
          cursor = gap
          continue
        }
        break
      }
      end = min(ops.count - 1, end + context)
      start = max(0, start)
      let oldStart = ops[..<start].filter { $0.0 != "+" }.count + 1
      let newStart = ops[..<start].filter { $0.0 != "-" }.count + 1
      let hunk = ops[start...end]
      let oldCount = hunk.filter { $0.0 != "+" }.count
      let newCount = hunk.filter { $0.0 != "-" }.count
      out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
      for (op, line) in hunk {
        out += String(op) + line
        // By scalars: `"\r\n"` is one Character, which `hasSuffix("\n")` does not see.
        if line.unicodeScalars.last != "\n" { out += "\n\\ No newline at end of file\n" }
      }
      index = end + 1
    }
    return out
  }

  private static func middle(_ a: [String], _ b: [String]) -> [(Character, String)] {
    if a.isEmpty { return b.map { ("+", $0) } }
    if b.isEmpty { return a.map { ("-", $0) } }
    guard a.count * b.count <= 4_000_000 else { return a.map { ("-", $0) } + b.map { ("+", $0) } }
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var ops: [(Character, String)] = []
    var i = 0
    var j = 0
    while i < a.count, j < b.count {
      if a[i] == b[j] {
        ops.append((" ", a[i]))
        i += 1
        j += 1
      } else if lcs[i + 1][j] >= lcs[i][j + 1] {
        ops.append(("-", a[i]))
        i += 1
      } else {
        ops.append(("+", b[j]))
        j += 1
      }
    }
    ops += a[i...].map { ("-", $0) }
    ops += b[j...].map { ("+", $0) }
    return ops
  }

  /// Lines with their terminators, as `git apply` and `patch` count them: a line ends at `\n`
  /// (a `\r` before it is part of the line; a file with `\r` alone is one line).
  static func lines(_ text: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      current.append(scalar)
      if scalar == "\n" {
        result.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { result.append(String(current)) }
    return result
  }
}
