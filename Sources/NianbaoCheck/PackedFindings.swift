import Foundation
import NianbaoCore
import Synchronization

/// The words of the findings of a walk, each kept once and known by its number: thousands of
/// reports repeat the same messages (a row of table 三 read as zeros, `填入 0`), and a walk keeps
/// every report's findings to its end.
final class FindingWords: Sendable {
  private let table = Mutex(WordTable())

  init() {}

  /// The findings' count, their severities (a byte each, for the counts that need nothing
  /// else), then each finding's parts, a word by its number; the words of a language not in
  /// `languages` are left empty.
  fileprivate func pack(_ diagnostics: [Diagnostic], keeping languages: Set<Language>) -> [UInt8] {
    var writer = FindingsWriter(languages: languages)
    writer.write(diagnostics.count)
    for diagnostic in diagnostics { writer.write(diagnostic.severity.rawValue) }
    table.withLock { table in
      for diagnostic in diagnostics {
        writer.write(table.number(of: diagnostic.code))
        writer.write(diagnostic.range)
        writer.write(diagnostic.message, in: &table)
        writer.write(diagnostic.related.count)
        for note in diagnostic.related {
          writer.write(note.range)
          writer.write(note.message, in: &table)
          writer.write(note.file.map { table.number(of: $0) + 1 } ?? 0)
        }
        writer.write(diagnostic.fixes.count)
        for fix in diagnostic.fixes {
          writer.write(fix.title, in: &table)
          writer.write(fix.isCertain ? 1 : 0)
          writer.write(fix.edits.count)
          for edit in fix.edits {
            writer.write(edit.range)
            writer.write(table.number(of: edit.replacement))
          }
        }
      }
    }
    return [UInt8](unsafeUninitializedCapacity: writer.bytes.count) { buffer, count in
      count = buffer.initialize(fromContentsOf: writer.bytes)
    }
  }

  fileprivate func unpack(_ bytes: [UInt8]) -> [Diagnostic] {
    var reader = FindingsReader(bytes: bytes)
    let severities = reader.severities()
    // The words as they stand: every word of these findings is in them, and words packed later
    // by other files do not hold up the findings being read.
    let words = table.withLock { $0.words }
    return severities.map { severity in
      let code = reader.word(in: words)
      let range = reader.range()
      let message = reader.text(in: words)
      let related = reader.list { reader in
        let range = reader.range()
        let message = reader.text(in: words)
        let file = reader.number()
        return RelatedNote(range: range, message: message, file: file == 0 ? nil : words[file - 1])
      }
      let fixes = reader.list { reader in
        let title = reader.text(in: words)
        let isCertain = reader.number() == 1
        let edits = reader.list { reader in TextEdit(range: reader.range(), replacement: reader.word(in: words)) }
        return Fix(title: title, edits: edits, isCertain: isCertain)
      }
      return Diagnostic(
        code: code,
        severity: severity,
        range: range,
        message: message,
        related: related,
        fixes: fixes
      )
    }
  }
}

/// A file's findings as kept until the output is written: numbers in as few bytes as they need,
/// words by their number in ``FindingWords``, in one array of exactly its size.
struct PackedFindings: Sendable {
  private var bytes: [UInt8] = []
  let words: FindingWords

  init(words: FindingWords = FindingWords()) { self.words = words }

  /// The findings with their words in `languages` only (the others left empty): a walk prints
  /// them in one language.
  init(_ diagnostics: [Diagnostic], words: FindingWords, keeping languages: Set<Language> = Set(Language.allCases)) {
    self.words = words
    if !diagnostics.isEmpty { bytes = words.pack(diagnostics, keeping: languages) }
  }

  var isEmpty: Bool { bytes.isEmpty }

  var diagnostics: [Diagnostic] { bytes.isEmpty ? [] : words.unpack(bytes) }

  /// The severity of each finding, read without unpacking the findings.
  var severities: [Severity] {
    guard !bytes.isEmpty else { return [] }
    var reader = FindingsReader(bytes: bytes)
    return reader.severities()
  }
}

/// The words, by their UTF-8 bytes: two spellings of the same text in Unicode are two words, and
/// bytes are hashed faster than a string's characters.
private struct WordTable {
  private struct Key: Hashable {
    var word: String

    static func == (lhs: Key, rhs: Key) -> Bool {
      var (left, right) = (lhs.word, rhs.word)
      guard left.utf8.count == right.utf8.count else { return false }
      return left.withUTF8 { left in
        right.withUTF8 { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
      }
    }

    func hash(into hasher: inout Hasher) {
      var word = word
      word.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  private var numbers: [Key: Int] = [Key(word: ""): 0]
  private(set) var words: [String] = [""]

  mutating func number(of word: String) -> Int {
    if word.isEmpty { return 0 }
    if let number = numbers[Key(word: word)] { return number }
    // A copy of exactly its size: a message grown by appending has room to spare.
    let kept = word.utf8.count <= 15 ? word : String(decoding: Array(word.utf8), as: UTF8.self)
    numbers[Key(word: kept)] = words.count
    words.append(kept)
    return words.count - 1
  }
}

/// Numbers of 7 bits a byte, the high bit set on every byte but the last.
private struct FindingsWriter {
  var bytes: [UInt8] = []
  private let zh: Bool
  private let en: Bool

  init(languages: Set<Language>) {
    zh = languages.contains(.zh)
    en = languages.contains(.en)
  }

  mutating func write(_ value: Int) {
    var value = UInt(bitPattern: value)
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  mutating func write(_ range: Range<Int>) {
    write(range.lowerBound)
    write(range.count)
  }

  mutating func write(_ text: LocalizedText, in table: inout WordTable) {
    write(zh ? table.number(of: text.zh) : 0)
    write(en ? table.number(of: text.en) : 0)
  }
}

private struct FindingsReader {
  let bytes: [UInt8]
  private var index = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func number() -> Int {
    var value: UInt = 0
    var shift: UInt = 0
    while true {
      let byte = bytes[index]
      index += 1
      value |= UInt(byte & 0x7F) << shift
      if byte < 0x80 { return Int(bitPattern: value) }
      shift += 7
    }
  }

  /// The count of findings and their severities, at the start.
  mutating func severities() -> [Severity] {
    let count = number()
    defer { index += count }
    return bytes[index..<index + count].map { Severity(rawValue: Int($0)) ?? .error }
  }

  mutating func word(in words: [String]) -> String { words[number()] }

  mutating func range() -> Range<Int> {
    let start = number()
    return start..<(start + number())
  }

  mutating func text(in words: [String]) -> LocalizedText {
    let zh = word(in: words)
    return LocalizedText(zh: zh, en: word(in: words))
  }

  /// A count, then that many elements.
  mutating func list<Element>(_ element: (inout FindingsReader) -> Element) -> [Element] {
    let count = number()
    var elements: [Element] = []
    elements.reserveCapacity(count)
    for _ in 0..<count { elements.append(element(&self)) }
    return elements
  }
}
