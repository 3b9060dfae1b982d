/// A unified diff of two texts, line by line (line ends kept as they are).
enum UnifiedDiff {
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
        let last = line.unicodeScalars.last
        if last != "\n" && last != "\r" { out += "\n\\ No newline at end of file\n" }
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

  /// Lines with their terminators (`\n`, `\r\n`, `\r`).
  static func lines(_ text: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    var previousCR = false
    for scalar in text.unicodeScalars {
      if previousCR && scalar != "\n" {
        result.append(String(current))
        current = String.UnicodeScalarView()
      }
      current.append(scalar)
      previousCR = false
      if scalar == "\n" {
        result.append(String(current))
        current = String.UnicodeScalarView()
      } else if scalar == "\r" {
        previousCR = true
      }
    }
    if !current.isEmpty { result.append(String(current)) }
    return result
  }
}
