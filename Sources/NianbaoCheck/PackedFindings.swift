import NianbaoCore
import Synchronization

/// The words of the findings of a walk, each kept once and known by its number: thousands of
/// reports repeat the same messages (a row of table 三 read as zeros, `填入 0`), and a walk keeps
/// every report's findings to its end.
final class FindingWords: Sendable {
  private let table = Mutex(WordTable())

  init() {}

  fileprivate func pack(_ diagnostics: [Diagnostic]) -> [UInt8] {
    var writer = FindingsWriter()
    table.withLock { table in
      writer.write(diagnostics.count)
      for diagnostic in diagnostics {
        writer.write(table.number(of: diagnostic.code))
        writer.write(diagnostic.severity.rawValue)
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
    table.withLock { table in
      var reader = FindingsReader(bytes: bytes, words: table.words)
      return reader.list { reader in
        let code = reader.word()
        let severity = Severity(rawValue: reader.number()) ?? .error
        let range = reader.range()
        let message = reader.text()
        let related = reader.list { reader in
          let range = reader.range()
          let message = reader.text()
          let file = reader.number()
          return RelatedNote(range: range, message: message, file: file == 0 ? nil : reader.words[file - 1])
        }
        let fixes = reader.list { reader in
          let title = reader.text()
          let isCertain = reader.number() == 1
          let edits = reader.list { reader in TextEdit(range: reader.range(), replacement: reader.word()) }
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
}

/// A file's findings as kept until the output is written: numbers in as few bytes as they need,
/// words by their number in ``FindingWords``, in one array of exactly its size.
struct PackedFindings: Sendable {
  private var bytes: [UInt8] = []
  let words: FindingWords

  init(words: FindingWords = FindingWords()) { self.words = words }

  init(_ diagnostics: [Diagnostic], words: FindingWords) {
    self.words = words
    if !diagnostics.isEmpty { bytes = words.pack(diagnostics) }
  }

  var isEmpty: Bool { bytes.isEmpty }

  var diagnostics: [Diagnostic] { bytes.isEmpty ? [] : words.unpack(bytes) }
}

private struct WordTable {
  var numbers: [String: Int] = [:]
  var words: [String] = []

  mutating func number(of word: String) -> Int {
    if let number = numbers[word] { return number }
    // A copy of exactly its size: a message grown by appending has room to spare.
    let kept = word.utf8.count <= 15 ? word : String(decoding: Array(word.utf8), as: UTF8.self)
    numbers[kept] = words.count
    words.append(kept)
    return words.count - 1
  }
}

/// Numbers of 7 bits a byte, the high bit set on every byte but the last.
private struct FindingsWriter {
  var bytes: [UInt8] = []

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
    write(table.number(of: text.zh))
    write(table.number(of: text.en))
  }
}

private struct FindingsReader {
  let bytes: [UInt8]
  let words: [String]
  private var index = 0

  init(bytes: [UInt8], words: [String]) {
    self.bytes = bytes
    self.words = words
  }

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

  mutating func word() -> String { words[number()] }

  mutating func range() -> Range<Int> {
    let start = number()
    return start..<(start + number())
  }

  mutating func text() -> LocalizedText {
    let zh = word()
    return LocalizedText(zh: zh, en: word())
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
