import Foundation
import NianbaoCore

/// Where a finding is, as the CI formats give it: 1-based lines and columns, the end exclusive
/// (the column after the finding's last character).
struct OneBasedRegion: Hashable {
  var startLine: Int
  var startColumn: Int
  var endLine: Int
  var endColumn: Int

  init(_ range: Range<Int>, in source: SourceText, columns encoding: PositionEncoding) {
    let start = source.lines.position(ofUTF8Offset: range.lowerBound, in: encoding)
    let end = source.lines.position(ofUTF8Offset: range.upperBound, in: encoding)
    startLine = start.line + 1
    startColumn = start.column + 1
    endLine = end.line + 1
    endColumn = end.column + 1
  }

  /// The region of a range, counted on from the cursor's last place (see ``PositionCursor``).
  init(_ range: Range<Int>, cursor: inout PositionCursor) {
    let start = cursor.position(ofUTF8Offset: range.lowerBound)
    let end = cursor.position(ofUTF8Offset: range.upperBound)
    startLine = start.line + 1
    startColumn = start.column + 1
    endLine = end.line + 1
    endColumn = end.column + 1
  }
}

/// A checked file's path as the CI formats name it.
enum ReportPath {
  /// Relative to `directory` when the file is inside it (CI tools resolve paths from the
  /// checkout), else as given; a leading `./` is dropped.
  static func relative(_ path: String, to directory: String = FileManager.default.currentDirectoryPath) -> String {
    var path = path
    while path.hasPrefix("./") { path.removeFirst(2) }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    if path.hasPrefix("/"), path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
    return path
  }

  /// A URI reference: a relative path percent-encoded, an absolute one as a `file:` URI.
  static func uri(_ path: String) -> (uri: String, isRelative: Bool) {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: ":;?#[]")
    let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    return path.hasPrefix("/") ? ("file://" + encoded, false) : (encoded, true)
  }
}

/// Fingerprints of one file's findings: the rule's code and the text of the finding and of its
/// line (whitespace collapsed), not its line number, so that a finding keeps its fingerprint when
/// lines are added above it. Identical findings in one file are told apart by a counter.
enum FindingFingerprint {
  static func fingerprints(_ diagnostics: [Diagnostic], source: SourceText) -> [String] {
    var seen: [String: Int] = [:]
    return diagnostics.map { diagnostic in
      let line = source.lines.contentRange(ofLine: source.lines.line(containing: diagnostic.range.lowerBound))
      let key = [diagnostic.code, normalised(source.text(diagnostic.range)), normalised(source.text(line))]
        .joined(separator: "\u{0}")
      let occurrence = seen[key, default: 0]
      seen[key] = occurrence + 1
      return SHA256.hex(key + "\u{0}\(occurrence)")
    }
  }

  /// Runs of white space as one space, none at the ends, at most 500 characters.
  static func normalised(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    var count = 0
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(scalar)
      count += 1
      if count == 500 { break }
    }
    return String(result)
  }
}
