import NianbaoCore
import NianbaoJSON

/// A finding as a team accepted it, recognised by what it is about rather than where: its code,
/// its file, the section it is in, its own text and the text around it (whitespace removed).
/// Lines inserted above it or edits elsewhere do not change it; a change of the text it is about
/// does, and the finding comes back.
package struct Fingerprint: Sendable, Hashable {
  package var code: String
  /// Relative to the folder of the suppressions file, with `/`.
  package var path: String
  /// The number of the section (一 … 六 as 1 … 6) the finding starts in, if any.
  package var section: Int?
  package var text: String
  package var before: String
  package var after: String

  /// Characters of context kept on each side.
  static let window = 16

  package init(code: String, path: String, section: Int?, text: String, before: String, after: String) {
    self.code = code
    self.path = path
    self.section = section
    self.text = text
    self.before = before
    self.after = after
  }

  package init(_ diagnostic: Diagnostic, in report: Report, path: String) {
    self.init(diagnostic, in: report.source, sections: Self.sectionStarts(report), path: path)
  }

  /// - Parameter sections: where each section starts and its number, in text order (see
  ///   ``sectionStarts(_:)``), so that a caller need not keep the whole report.
  package init(_ diagnostic: Diagnostic, in source: SourceText, sections: [SectionStart], path: String) {
    let range = diagnostic.range.clamped(to: 0..<source.utf8.count)
    code = diagnostic.code
    self.path = path
    section = sections.last { $0.offset <= range.lowerBound }?.number
    text = Self.squeezed(source.text(range))
    before = Self.context(source, before: range.lowerBound)
    after = Self.context(source, after: range.upperBound)
  }

  /// The last ``window`` characters before `offset`, white space removed; read from a slice
  /// near the offset, so that a finding deep in a large report costs the same as one near the top.
  private static func context(_ source: SourceText, before offset: Int) -> String {
    var span = 64 * window
    while true {
      let start = source.scalarStart(atOrBefore: max(0, offset - span))
      let squeezed = Self.squeezed(source.text(start..<offset)).unicodeScalars
      if squeezed.count >= window || start == 0 {
        return String(String.UnicodeScalarView(squeezed.suffix(window)))
      }
      span *= 4
    }
  }

  private static func context(_ source: SourceText, after offset: Int) -> String {
    var span = 64 * window
    let count = source.utf8.count
    while true {
      let end = min(count, offset + span)
      let boundary = end == count ? end : source.scalarStart(atOrBefore: end)
      let squeezed = Self.squeezed(source.text(offset..<max(offset, boundary))).unicodeScalars
      if squeezed.count >= window || end == count {
        return String(String.UnicodeScalarView(squeezed.prefix(window)))
      }
      span *= 4
    }
  }

  /// Text without any white space: pastes from Word, PDF and the web differ mostly in it.
  static func squeezed(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }))
  }
}

/// Where a section's heading starts and the section's number.
package struct SectionStart: Sendable, Hashable {
  package var offset: Int
  package var number: Int

  package init(offset: Int, number: Int) {
    self.offset = offset
    self.number = number
  }
}

extension Fingerprint {
  package static func sectionStarts(_ report: Report) -> [SectionStart] {
    report.sections.map { SectionStart(offset: $0.headingRange.lowerBound, number: $0.number) }
      .sorted { $0.offset < $1.offset }
  }
}

/// `nianbao-suppressions.json`: the findings a team has looked at and accepted.
package struct SuppressionsFile: Sendable, Hashable {
  package static let name = "nianbao-suppressions.json"

  package struct Entry: Sendable, Hashable {
    package var fingerprint: Fingerprint
    /// Why the finding stays, for the team's own record.
    package var reason: String?
  }

  package var path: String
  package var entries: [Entry] = []

  package var directory: String { Glob.parent(of: path) }

  package init(path: String, entries: [Entry] = []) {
    self.path = path
    self.entries = entries
  }

  package init(path: String, json text: String) throws(ConfigError) {
    self.path = path
    let bytes = Array(text.utf8)
    func failure(_ message: LocalizedText, at offset: Int = 0) -> ConfigError {
      ConfigError(path: path, position: Self.position(of: offset, in: bytes), message: message)
    }
    let value: JSONValue
    do throws(JSONParseError) {
      value = try JSONValue.parse(bytes)
    } catch {
      throw failure(LocalizedText(zh: "不是有效的 JSON", en: "not valid JSON"), at: error.offset)
    }
    guard let items = value["suppressions"]?.array else {
      throw failure(
        LocalizedText(zh: "应为 {\"suppressions\": [...]}", en: "expected {\"suppressions\": [...]}")
      )
    }
    for (number, item) in items.enumerated() {
      guard let code = item["code"]?.string, let path = item["path"]?.string, let text = item["text"]?.string else {
        throw failure(
          LocalizedText(
            zh: "第 \(number + 1) 条缺少 code、path 或 text",
            en: "entry \(number + 1) lacks code, path or text"
          ),
          at: Self.entryOffset(number, in: bytes) ?? 0
        )
      }
      let fingerprint = Fingerprint(
        code: code,
        path: path,
        section: item["section"]?.int,
        text: text,
        before: item["before"]?.string ?? "",
        after: item["after"]?.string ?? ""
      )
      entries.append(Entry(fingerprint: fingerprint, reason: item["reason"]?.string))
    }
  }

  /// The entries added that were not there yet; returns how many.
  @discardableResult
  package mutating func add(_ fingerprints: [Fingerprint]) -> Int {
    var known = Set(entries.map(\.fingerprint))
    var added = 0
    for fingerprint in fingerprints where known.insert(fingerprint).inserted {
      entries.append(Entry(fingerprint: fingerprint, reason: nil))
      added += 1
    }
    entries.sort { ($0.fingerprint.path, $0.fingerprint.code) < ($1.fingerprint.path, $1.fingerprint.code) }
    return added
  }

  /// The file's text: one entry per finding, `reason` left empty for the team to fill in.
  package var json: String {
    let items: [JSONValue] = entries.map { entry in
      let f = entry.fingerprint
      return .object([
        ("code", .string(f.code)), ("path", .string(f.path)), ("section", f.section.map(JSONValue.int)),
        ("text", .string(f.text)), ("before", .string(f.before)), ("after", .string(f.after)),
        ("reason", .string(entry.reason ?? "")),
      ])
    }
    return JSONValue.object([("suppressions", .array(items))]).serialized(pretty: true) + "\n"
  }

  /// The 1-based line and column (in characters) of a byte offset.
  static func position(of offset: Int, in bytes: [UInt8]) -> TOMLPosition {
    let before = bytes[..<min(max(offset, 0), bytes.count)]
    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let line = before.count { $0 == 0x0A } + 1
    // Characters, not bytes: a continuation byte of UTF-8 does not start one.
    let column = before[lineStart...].count { $0 & 0xC0 != 0x80 } + 1
    return TOMLPosition(line: line, column: column)
  }

  /// Where entry `number` of the top-level `"suppressions"` array starts, for a message about it.
  static func entryOffset(_ number: Int, in bytes: [UInt8]) -> Int? {
    var depth = 0
    var index = 0
    var lastString: (start: Int, end: Int)?
    var inArray = false
    var expectingEntry = false
    var seen = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == 0x5C ? 2 : 1 }
        lastString = (start + 1, min(index, bytes.count))
        if inArray, depth == 2, expectingEntry {
          if seen == number { return start }
          seen += 1
          expectingEntry = false
        }
        index += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if inArray, depth == 2, expectingEntry {
          if seen == number { return index }
          seen += 1
          expectingEntry = false
        }
        depth += 1
        if byte == UInt8(ascii: "["), depth == 2, let key = lastString,
          bytes[key.start..<key.end].elementsEqual("suppressions".utf8)
        {
          inArray = true
          expectingEntry = true
        }
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth < 2 { inArray = false }
      case UInt8(ascii: ","):
        if inArray, depth == 2 { expectingEntry = true }
      case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ":"):
        break
      default:
        if inArray, depth == 2, expectingEntry {
          if seen == number { return index }
          seen += 1
          expectingEntry = false
        }
      }
      index += 1
    }
    return nil
  }

  /// The entry index matching a finding, if any.
  package func entry(matching fingerprint: Fingerprint) -> Int? {
    entries.firstIndex { $0.fingerprint == fingerprint }
  }
}
