import NianbaoCore

/// Reads the part of TOML 1.0 that `nianbao.toml` needs: comments, `key = value` with bare,
/// quoted and dotted keys, `[tables]`, `[[arrays of tables]]`, basic strings with escapes,
/// literal strings, integers, booleans, arrays and inline tables. Anything else (multi-line
/// strings, floats, dates) is an error that says so, never a silent misreading.
package enum TOMLReader {
  package static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
    var parser = TOMLParser(text)
    return try parser.document()
  }
}

/// A table while it is being read: tables are filled in from several places of the file
/// (`[a]`, later `[a.b]`, dotted keys), so they are references until the file is read.
private final class TableBuilder {
  enum Origin {
    /// `[a]` or `[[a]]`.
    case header
    /// A parent named by a header (`a` of `[a.b]`); `[a]` may still define it.
    case implicit
    /// Made by a dotted key (`a.b = 1`); no header may define it.
    case dotted
  }

  enum Slot {
    case value(TOMLValue)
    case table(TableBuilder)
    case tables([TableBuilder])
  }

  var origin: Origin
  let position: TOMLPosition
  var keys: [(key: String, position: TOMLPosition, slot: Slot)] = []

  init(_ origin: Origin, _ position: TOMLPosition) {
    self.origin = origin
    self.position = position
  }

  func index(of key: String) -> Int? { keys.firstIndex { $0.key == key } }

  func frozen() -> TOMLTable {
    TOMLTable(
      entries: keys.map { entry in
        let value: TOMLValue
        switch entry.slot {
        case .value(let v): value = v
        case .table(let table): value = TOMLValue(kind: .table(table.frozen()), position: table.position)
        case .tables(let tables):
          value = TOMLValue(kind: .tables(tables.map { $0.frozen() }), position: entry.position)
        }
        return TOMLTable.Entry(key: entry.key, keyPosition: entry.position, value: value)
      },
      position: position
    )
  }
}

private struct TOMLParser {
  typealias Key = [(name: String, position: TOMLPosition)]

  let scalars: [Unicode.Scalar]
  var index = 0
  var line = 1
  var lineStart = 0

  init(_ text: String) { scalars = Array(text.unicodeScalars) }

  var position: TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }
  var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
  func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

  mutating func document() throws(TOMLError) -> TOMLTable {
    let root = TableBuilder(.header, TOMLPosition(line: 1, column: 1))
    var table = root
    if current == "\u{FEFF}" { index += 1 }
    while true {
      skipBlankLinesAndComments()
      guard let scalar = current else { break }
      if scalar == "[" {
        table = try header(root)
      } else {
        let key = try self.key()
        skipSpaces()
        guard current == "=" else {
          throw error(LocalizedText(zh: "键“\(dotted(key))”后应为“=”", en: "expected “=” after the key “\(dotted(key))”"))
        }
        index += 1
        skipSpaces()
        let value = try self.value()
        try insert(value, at: key, into: table)
      }
      try endOfLine()
    }
    return root.frozen()
  }

  // Tables.

  /// `[a.b]` or `[[a.b]]`: the table that the following keys go into.
  private mutating func header(_ root: TableBuilder) throws(TOMLError) -> TableBuilder {
    let start = position
    let isArray = peek(1) == "["
    index += isArray ? 2 : 1
    skipSpaces()
    let key = try self.key()
    skipSpaces()
    guard current == "]", !isArray || peek(1) == "]" else {
      throw error(
        LocalizedText(
          zh: "表头“\(dotted(key))”应以“\(isArray ? "]]" : "]")”结束",
          en: "the table header “\(dotted(key))” must end with “\(isArray ? "]]" : "]")”"
        )
      )
    }
    index += isArray ? 2 : 1
    let parent = try descend(root, through: key.dropLast(), creating: .implicit)
    let last = key[key.count - 1]
    guard let existing = parent.index(of: last.name) else {
      let table = TableBuilder(.header, start)
      parent.keys.append((last.name, last.position, isArray ? .tables([table]) : .table(table)))
      return table
    }
    switch (parent.keys[existing].slot, isArray) {
    case (.table(let table), false) where table.origin == .implicit:
      table.origin = .header
      return table
    case (.tables(var tables), true):
      let table = TableBuilder(.header, start)
      tables.append(table)
      parent.keys[existing].slot = .tables(tables)
      return table
    default:
      throw TOMLError(
        start,
        LocalizedText(
          zh: "“\(dotted(key))”已在第 \(parent.keys[existing].position.line) 行定义过",
          en: "“\(dotted(key))” is already defined at line \(parent.keys[existing].position.line)"
        )
      )
    }
  }

  /// The table named by `path` below `table`, made (with `origin`) where it does not exist. An
  /// array of tables stands for its last table.
  private func descend(
    _ table: TableBuilder,
    through path: ArraySlice<(name: String, position: TOMLPosition)>,
    creating origin: TableBuilder.Origin
  ) throws(TOMLError) -> TableBuilder {
    var table = table
    for part in path {
      guard let existing = table.index(of: part.name) else {
        let child = TableBuilder(origin, part.position)
        table.keys.append((part.name, part.position, .table(child)))
        table = child
        continue
      }
      switch table.keys[existing].slot {
      case .table(let child) where origin != .dotted || child.origin == .dotted:
        table = child
      case .tables(let tables) where origin == .implicit:
        table = tables[tables.count - 1]
      default:
        throw TOMLError(
          part.position,
          LocalizedText(
            zh: "“\(part.name)”已在第 \(table.keys[existing].position.line) 行定义过，不能再往其中添加键",
            en:
              "“\(part.name)” is already defined at line \(table.keys[existing].position.line); no key can be added to it"
          )
        )
      }
    }
    return table
  }

  private func insert(_ value: TOMLValue, at key: Key, into table: TableBuilder) throws(TOMLError) {
    let parent = try descend(table, through: key.dropLast(), creating: .dotted)
    let last = key[key.count - 1]
    if let existing = parent.index(of: last.name) {
      throw TOMLError(
        last.position,
        LocalizedText(
          zh: "键“\(dotted(key))”重复（第 \(parent.keys[existing].position.line) 行已有）",
          en: "the key “\(dotted(key))” is defined twice (first at line \(parent.keys[existing].position.line))"
        )
      )
    }
    parent.keys.append((last.name, last.position, .value(value)))
  }

  // Keys.

  private mutating func key() throws(TOMLError) -> Key {
    var parts: Key = []
    while true {
      skipSpaces()
      let start = position
      switch current {
      case "\"": parts.append((try basicString(), start))
      case "'": parts.append((try literalString(), start))
      case let scalar? where Self.isBareKey(scalar):
        var name = String.UnicodeScalarView()
        while let scalar = current, Self.isBareKey(scalar) {
          name.append(scalar)
          index += 1
        }
        parts.append((String(name), start))
      default:
        throw error(
          LocalizedText(
            zh: "此处应为键（字母、数字、_、- 或带引号的字符串）",
            en: "expected a key (letters, digits, _ and -, or a quoted string)"
          )
        )
      }
      skipSpaces()
      guard current == "." else { return parts }
      index += 1
    }
  }

  private static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
      || scalar == "-"
  }

  // Values.

  private mutating func value() throws(TOMLError) -> TOMLValue {
    let start = position
    switch current {
    case "\"":
      if peek(1) == "\"" && peek(2) == "\"" { throw unsupported(LocalizedText(zh: "多行字符串", en: "multi-line strings")) }
      return TOMLValue(kind: .string(try basicString()), position: start)
    case "'":
      if peek(1) == "'" && peek(2) == "'" { throw unsupported(LocalizedText(zh: "多行字符串", en: "multi-line strings")) }
      return TOMLValue(kind: .string(try literalString()), position: start)
    case "[": return TOMLValue(kind: .array(try array()), position: start)
    case "{": return TOMLValue(kind: .table(try inlineTable()), position: start)
    case nil, "\n", "\r", "#":
      throw error(LocalizedText(zh: "“=”后缺少值", en: "a value is missing after “=”"))
    default:
      var word = ""
      while let scalar = current, !" \t\r\n,]}#".unicodeScalars.contains(scalar) {
        word.unicodeScalars.append(scalar)
        index += 1
      }
      if word == "true" || word == "false" { return TOMLValue(kind: .boolean(word == "true"), position: start) }
      if let integer = Self.integer(word) { return TOMLValue(kind: .integer(integer), position: start) }
      index = start.column - 1 + lineStart
      if word.unicodeScalars.first.map({ ("0"..."9").contains($0) || $0 == "+" || $0 == "-" }) == true {
        throw unsupported(
          LocalizedText(zh: "“\(word)”这样的值（浮点数、日期）", en: "values such as “\(word)” (floats, dates)")
        )
      }
      throw error(
        LocalizedText(
          zh: "“\(word)”不是值；字符串要加引号，例如 \"\(word)\"",
          en: "“\(word)” is not a value; strings are quoted, e.g. \"\(word)\""
        )
      )
    }
  }

  /// A decimal integer: an optional sign, no leading zeros, `_` only between digits.
  private static func integer(_ word: String) -> Int? {
    var digits = Substring(word)
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    guard let first = digits.first, first.isASCII, first.isNumber, !digits.hasSuffix("_"), !digits.contains("__"),
      first != "0" || digits.count == 1,
      digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" })
    else { return nil }
    return Int(String(word.filter { $0 != "_" }))
  }

  private mutating func array() throws(TOMLError) -> [TOMLValue] {
    let start = position
    index += 1
    var values: [TOMLValue] = []
    while true {
      skipBlankLinesAndComments()
      if current == "]" {
        index += 1
        return values
      }
      guard current != nil else {
        throw TOMLError(start, LocalizedText(zh: "数组没有以“]”结束", en: "the array is not closed with “]”"))
      }
      values.append(try value())
      skipBlankLinesAndComments()
      guard current != nil else {
        throw TOMLError(start, LocalizedText(zh: "数组没有以“]”结束", en: "the array is not closed with “]”"))
      }
      if current == "," {
        index += 1
      } else if current != "]" {
        throw error(LocalizedText(zh: "数组的值之间应以“,”分隔", en: "expected “,” or “]” after a value of the array"))
      }
    }
  }

  private mutating func inlineTable() throws(TOMLError) -> TOMLTable {
    let table = TableBuilder(.dotted, position)
    index += 1
    skipSpaces()
    if current == "}" {
      index += 1
      return table.frozen()
    }
    while true {
      let key = try self.key()
      guard current == "=" else {
        throw error(LocalizedText(zh: "键“\(dotted(key))”后应为“=”", en: "expected “=” after the key “\(dotted(key))”"))
      }
      index += 1
      skipSpaces()
      try insert(try value(), at: key, into: table)
      skipSpaces()
      if current == "}" {
        index += 1
        return table.frozen()
      }
      guard current == "," else {
        throw error(
          LocalizedText(
            zh: "内联表的键值之间应以“,”分隔，并在同一行以“}”结束",
            en: "expected “,” or “}” in the inline table (which must end on the same line)"
          )
        )
      }
      index += 1
    }
  }

  // Strings.

  private mutating func basicString() throws(TOMLError) -> String {
    let start = position
    index += 1
    var result = String.UnicodeScalarView()
    while true {
      guard let scalar = current, scalar != "\n", scalar != "\r" else {
        throw TOMLError(
          start,
          LocalizedText(zh: "字符串没有在本行以“\"”结束", en: "the string is not closed with “\"” on its line")
        )
      }
      index += 1
      if scalar == "\"" { return String(result) }
      guard scalar == "\\" else {
        result.append(scalar)
        continue
      }
      let escapePosition = TOMLPosition(line: line, column: index - lineStart)
      switch current {
      case "b": result.append("\u{8}")
      case "t": result.append("\t")
      case "n": result.append("\n")
      case "f": result.append("\u{C}")
      case "r": result.append("\r")
      case "\"": result.append("\"")
      case "\\": result.append("\\")
      case "u", "U":
        let count = current == "u" ? 4 : 8
        let hex = String(
          String.UnicodeScalarView(scalars[min(index + 1, scalars.count)..<min(index + 1 + count, scalars.count)])
        )
        guard hex.unicodeScalars.count == count, let code = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(code)
        else {
          throw TOMLError(
            escapePosition,
            LocalizedText(
              zh: "“\\\(current!)”后应为 \(count) 位十六进制数字，且是有效的 Unicode 字符",
              en: "“\\\(current!)” takes \(count) hexadecimal digits naming a Unicode scalar"
            )
          )
        }
        result.append(decoded)
        index += count
      default:
        throw TOMLError(
          escapePosition,
          LocalizedText(
            zh: "无效的转义“\\\(current.map { String($0) } ?? "")”；可用 \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX",
            en: "invalid escape “\\\(current.map { String($0) } ?? "")”; use \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX"
          )
        )
      }
      index += 1
    }
  }

  private mutating func literalString() throws(TOMLError) -> String {
    let start = position
    index += 1
    var result = String.UnicodeScalarView()
    while let scalar = current, scalar != "\n", scalar != "\r" {
      index += 1
      if scalar == "'" { return String(result) }
      result.append(scalar)
    }
    throw TOMLError(start, LocalizedText(zh: "字符串没有在本行以“'”结束", en: "the string is not closed with “'” on its line"))
  }

  // Space, comments, line ends.

  private mutating func skipSpaces() {
    while current == " " || current == "\t" { index += 1 }
  }

  private mutating func skipComment() {
    guard current == "#" else { return }
    while let scalar = current, scalar != "\n", scalar != "\r" { index += 1 }
  }

  private mutating func skipNewline() -> Bool {
    if current == "\r" && peek(1) == "\n" {
      index += 2
    } else if current == "\n" {
      index += 1
    } else {
      return false
    }
    line += 1
    lineStart = index
    return true
  }

  private mutating func skipBlankLinesAndComments() {
    repeat {
      skipSpaces()
      skipComment()
    } while skipNewline()
  }

  /// After a key/value or a header only a comment may follow on the line.
  private mutating func endOfLine() throws(TOMLError) {
    skipSpaces()
    skipComment()
    guard current == nil || skipNewline() else {
      throw error(
        LocalizedText(
          zh: "值之后本行应结束（或是以 # 开头的注释）",
          en: "expected the end of the line (or a # comment) after the value"
        )
      )
    }
  }

  private func error(_ message: LocalizedText) -> TOMLError { TOMLError(position, message) }

  private func unsupported(_ what: LocalizedText) -> TOMLError {
    error(
      LocalizedText(
        zh: "nianbao.toml 不支持\(what.zh)；请用字符串、整数、布尔值、数组或表",
        en: "nianbao.toml does not support \(what.en); use strings, integers, booleans, arrays and tables"
      )
    )
  }

  private func dotted(_ key: Key) -> String { key.map(\.name).joined(separator: ".") }
}
