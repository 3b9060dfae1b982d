import NianbaoCore

/// A place in a TOML file: 1-based line and column, the column counted in characters (Unicode
/// scalars) as `--check` counts them in reports.
package struct TOMLPosition: Sendable, Hashable, CustomStringConvertible {
  package var line: Int
  package var column: Int

  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  package var description: String { "\(line):\(column)" }
}

/// A value read from a TOML file, with the place it was written.
package struct TOMLValue: Sendable, Hashable {
  package enum Kind: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)
    /// An array of tables (`[[overrides]]`).
    case tables([TOMLTable])
  }

  package var kind: Kind
  package var position: TOMLPosition

  package var string: String? {
    if case .string(let value) = kind { return value }
    return nil
  }

  package var table: TOMLTable? {
    if case .table(let value) = kind { return value }
    return nil
  }

  /// What kind of value this is, for messages (`expected a string, found an integer`).
  package var kindName: LocalizedText {
    switch kind {
    case .string: return LocalizedText(zh: "字符串", en: "a string")
    case .integer: return LocalizedText(zh: "整数", en: "an integer")
    case .boolean: return LocalizedText(zh: "布尔值", en: "a boolean")
    case .array: return LocalizedText(zh: "数组", en: "an array")
    case .table: return LocalizedText(zh: "表", en: "a table")
    case .tables: return LocalizedText(zh: "表数组", en: "an array of tables")
    }
  }
}

/// A TOML table: its keys in the order they were written.
package struct TOMLTable: Sendable, Hashable {
  package struct Entry: Sendable, Hashable {
    package var key: String
    package var keyPosition: TOMLPosition
    package var value: TOMLValue
  }

  package var entries: [Entry]
  /// Where the table starts: its header, or its first key.
  package var position: TOMLPosition

  package init(entries: [Entry] = [], position: TOMLPosition = TOMLPosition(line: 1, column: 1)) {
    self.entries = entries
    self.position = position
  }

  package subscript(key: String) -> TOMLValue? { entries.first { $0.key == key }?.value }
}

/// A TOML file that cannot be read, and where.
package struct TOMLError: Error, Sendable, Hashable {
  package var position: TOMLPosition
  package var message: LocalizedText

  package init(_ position: TOMLPosition, _ message: LocalizedText) {
    self.position = position
    self.message = message
  }
}
