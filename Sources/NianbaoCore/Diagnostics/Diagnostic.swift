/// A message in both languages nianbao speaks.
public struct LocalizedText: Sendable, Hashable {
  public var zh: String
  public var en: String
  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }
  public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

extension LocalizedText {
  /// The message on one line: an editor shows a finding as one line of virtual text.
  var singleLine: LocalizedText {
    LocalizedText(zh: MessageText.oneLine(zh, joiner: ""), en: MessageText.oneLine(en, joiner: " "))
  }
}

/// How text from a report appears inside a message.
package enum MessageText {
  /// Text quoted from a report: on one line, and shortened with `…` past 40 characters.
  package static func quoted(_ text: String) -> String {
    let line = oneLine(text, joiner: "")
    // Short text, the common case, is counted in its bytes: 40 bytes are at most 40 scalars.
    guard line.utf8.count > 40 else { return line }
    let scalars = line.unicodeScalars
    var end = scalars.startIndex
    for _ in 0..<39 {
      guard end != scalars.endIndex else { return line }
      scalars.formIndex(after: &end)
    }
    guard end != scalars.endIndex, scalars.index(after: end) != scalars.endIndex else { return line }
    return String(scalars[..<end]) + "…"
  }

  /// Line breaks (and the spaces around them) replaced by `joiner`.
  static func oneLine(_ text: String, joiner: String) -> String {
    var text = text
    guard text.withUTF8(Self.holdsBreak) else { return text }
    var result = String.UnicodeScalarView()
    var pendingBreak = false
    for scalar in text.unicodeScalars {
      if isBreak(scalar) {
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        pendingBreak = true
        continue
      }
      if pendingBreak {
        if scalar == " " || scalar == "\t" { continue }
        result.append(contentsOf: joiner.unicodeScalars)
        pendingBreak = false
      }
      result.append(scalar)
    }
    return String(result)
  }

  /// Whether UTF-8 text holds one of the scalars ``isBreak`` tells, found from its bytes:
  /// U+0085 is C2 85, U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
  private static func holdsBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    func breakStarts(at index: Int) -> Bool {
      switch base[index] {
      case 0x0A, 0x0B, 0x0C, 0x0D: return true
      case 0xC2: return index + 1 < count && base[index + 1] == 0x85
      case 0xE2:
        return index + 2 < count && base[index + 1] == 0x80 && (base[index + 2] == 0xA8 || base[index + 2] == 0xA9)
      default: return false
      }
    }
    var index = 0
    // Eight bytes at a time: a word with no byte below 0x0E and no C2 or E2 (the bytes a break
    // starts with) holds no break's start.
    while index + 8 <= count {
      let word = EightBytes.load(base, at: index)
      if EightBytes.holdsBelow(word, 0x0E) || EightBytes.holds(word, 0xC2) || EightBytes.holds(word, 0xE2) {
        for offset in index..<index + 8 where breakStarts(at: offset) { return true }
      }
      index += 8
    }
    while index < count {
      if breakStarts(at: index) { return true }
      index += 1
    }
    return false
  }

  private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
      || scalar == "\u{0B}" || scalar == "\u{0C}"
  }
}

public enum Language: String, Sendable, Hashable, CaseIterable {
  case zh
  case en
}

public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable {
  case error = 1
  case warning = 2
  case information = 3
  case hint = 4

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

  public var name: String {
    switch self {
    case .error: return "error"
    case .warning: return "warning"
    case .information: return "info"
    case .hint: return "hint"
    }
  }

  public init?(name: String) {
    switch name.lowercased() {
    case "error": self = .error
    case "warning", "warn": self = .warning
    case "info", "information": self = .information
    case "hint": self = .hint
    default: return nil
    }
  }
}

/// A replacement of a byte range of the checked text.
public struct TextEdit: Sendable, Hashable {
  public var range: Range<Int>
  public var replacement: String
  public init(range: Range<Int>, replacement: String) {
    self.range = range
    self.replacement = replacement
  }
}

/// A change that repairs a finding.
public struct Fix: Sendable, Hashable {
  public var title: LocalizedText
  public var edits: [TextEdit]
  /// Whether the right text is certain, so that `--fix` and "fix all" may apply it unasked.
  /// Uncertain fixes are still offered one by one in the editor.
  public var isCertain: Bool
  public init(title: LocalizedText, edits: [TextEdit], isCertain: Bool) {
    precondition(!edits.isEmpty, "a fix changes something")
    self.title = title
    self.edits = edits
    self.isCertain = isCertain
  }

  /// Writes 0 in cells where a number belongs (blank, or holding a mark): `cells` names them in
  /// the title when there are several (`空白单元格` / `blank cells`).
  static func writeZero(in ranges: [Range<Int>], cells: LocalizedText) -> Fix {
    Fix(
      title: LocalizedText(
        zh: ranges.count == 1 ? "填入 0" : "\(ranges.count) 个\(cells.zh)都填入 0",
        en: ranges.count == 1 ? "Write 0" : "Write 0 in the \(ranges.count) \(cells.en)"
      ),
      edits: ranges.map { TextEdit(range: $0, replacement: "0") },
      isCertain: true
    )
  }
}

/// Another place that explains a finding (for example a cell that was summed).
public struct RelatedNote: Sendable, Hashable {
  public var range: Range<Int>
  public var message: LocalizedText
  /// The other report the range is in (last year's, as the frontend named it: a path or a URI);
  /// nil for the checked report itself.
  public var file: String?

  public init(range: Range<Int>, message: LocalizedText, file: String? = nil) {
    self.range = range
    self.message = message
    self.file = file
  }
}

public struct Diagnostic: Sendable, Hashable {
  public var code: String
  public var severity: Severity
  public var range: Range<Int>
  public var message: LocalizedText
  public var related: [RelatedNote]
  public var fixes: [Fix]

  public init(
    _ rule: Rule,
    range: Range<Int>,
    message: LocalizedText,
    related: [RelatedNote] = [],
    fixes: [Fix] = []
  ) {
    self.code = rule.code
    self.severity = rule.severity
    self.range = range
    self.message = message.singleLine
    self.related = related.map { RelatedNote(range: $0.range, message: $0.message.singleLine, file: $0.file) }
    self.fixes = fixes
  }

  /// A finding made again from its parts, as kept by a frontend (its messages already on one line).
  package init(
    code: String,
    severity: Severity,
    range: Range<Int>,
    message: LocalizedText,
    related: [RelatedNote],
    fixes: [Fix]
  ) {
    self.code = code
    self.severity = severity
    self.range = range
    self.message = message
    self.related = related
    self.fixes = fixes
  }
}

extension Array where Element == TextEdit {
  /// Applies non-overlapping edits to a text; where two overlap, the first one (in position
  /// order) wins and the other is dropped.
  public func applied(to text: SourceText) -> String {
    let bytes = text.utf8
    var kept: [TextEdit] = []
    var cursor = 0
    for edit in self.sorted(by: {
      ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
    }) {
      guard edit.range.lowerBound >= cursor, edit.range.upperBound <= bytes.count else { continue }
      kept.append(edit)
      cursor = edit.range.upperBound
    }
    func isBoundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
    guard kept.allSatisfy({ isBoundary($0.range.lowerBound) && isBoundary($0.range.upperBound) }) else {
      // An edit that cuts a scalar (a UTF-8 client's offset inside it) leaves the pieces as U+FFFD.
      var edited: [UInt8] = []
      edited.reserveCapacity(bytes.count + 64)
      var cursor = 0
      for edit in kept {
        edited.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
        edited.append(contentsOf: edit.replacement.utf8)
        cursor = edit.range.upperBound
      }
      edited.append(contentsOf: bytes[cursor...])
      return String(decoding: edited, as: UTF8.self)
    }
    // Between whole scalars the string's own slices are joined: a keystroke in a long report
    // does not validate all of it again (slices at scalar boundaries are copied as they are).
    let string = text.string
    let view = string.utf8
    var edited = ""
    edited.reserveCapacity(bytes.count + kept.reduce(0) { $0 + $1.replacement.utf8.count })
    var index = view.startIndex
    var offset = 0
    for edit in kept {
      let lower = view.index(index, offsetBy: edit.range.lowerBound - offset)
      edited.append(contentsOf: string[index..<lower])
      edited.append(edit.replacement)
      index = view.index(lower, offsetBy: edit.range.count)
      offset = edit.range.upperBound
    }
    edited.append(contentsOf: string[index...])
    return edited
  }
}

extension Array where Element == Diagnostic {
  /// The order findings are shown in: by position, then by code.
  package func sortedByPosition() -> [Diagnostic] {
    sorted {
      ($0.range.lowerBound, $0.range.upperBound, $0.code) < ($1.range.lowerBound, $1.range.upperBound, $1.code)
    }
  }

  /// The edits of every certain fix, without overlaps: the edits `--fix` and "fix all" apply.
  public func certainEdits() -> [TextEdit] {
    var edits: [TextEdit] = []
    var seen = Set<TextEdit>()
    for diagnostic in self {
      for fix in diagnostic.fixes where fix.isCertain {
        for edit in fix.edits where seen.insert(edit).inserted {
          edits.append(edit)
        }
      }
    }
    edits.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    var result: [TextEdit] = []
    var end = -1
    for edit in edits {
      if edit.range.lowerBound < end
        || (edit.range.lowerBound == end && edit.range.isEmpty && result.last?.range.isEmpty == true
          && result.last?.range.lowerBound == end)
      {
        continue
      }
      result.append(edit)
      end = edit.range.upperBound
    }
    return result
  }
}
