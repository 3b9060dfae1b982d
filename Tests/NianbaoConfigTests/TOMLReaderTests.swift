import NianbaoConfig
import NianbaoCore
import Testing

@Suite struct TOMLReaderTests {
  @Test func everyConstruct() throws {
    let table = try TOMLReader.parse(
      """
      # a comment line
      language = "en"   # a comment after a value
      bare_key-1 = 'C:\\literal\\n'
      "quoted key" = "tab\\tquote\\"back\\\\slash\\u00e9\\U0001F600"
      count = -1_000
      zero = 0
      plus = +7
      yes = true
      no = false
      empty = []
      list = [
        "a", # a comment in an array
        'b',
      ]
      nested = [[1, 2], ["x"]]
      point = { x = 1, y.z = "deep" }
      dotted.key = "d"

      [rules]
      NB307 = "off"

      [a.b]
      c = 1
      [a]
      d = 2

      [[overrides]]
      paths = ["乡镇/**"]
      rules.NB114 = "off"

      [[overrides]]
      paths = ["*.md"]
      [overrides.rules]
      NB105 = "error"
      """
    )
    #expect(table["language"]?.string == "en")
    #expect(table["bare_key-1"]?.string == "C:\\literal\\n")
    #expect(table["quoted key"]?.string == "tab\tquote\"back\\slash\u{e9}😀")
    #expect(table["count"]?.kind == .integer(-1000))
    #expect(table["zero"]?.kind == .integer(0))
    #expect(table["plus"]?.kind == .integer(7))
    #expect(table["yes"]?.kind == .boolean(true))
    #expect(table["no"]?.kind == .boolean(false))
    #expect(table["empty"]?.kind == .array([]))
    guard case .array(let list) = table["list"]?.kind else {
      Issue.record("list")
      return
    }
    #expect(list.map(\.string) == ["a", "b"])
    #expect(list[1].position == TOMLPosition(line: 13, column: 3))
    guard case .array(let nested) = table["nested"]?.kind else {
      Issue.record("nested")
      return
    }
    #expect(nested.count == 2)
    #expect(table["point"]?.table?["x"]?.kind == .integer(1))
    #expect(table["point"]?.table?["y"]?.table?["z"]?.string == "deep")
    #expect(table["dotted"]?.table?["key"]?.string == "d")
    #expect(table["rules"]?.table?["NB307"]?.string == "off")
    #expect(table["a"]?.table?["b"]?.table?["c"]?.kind == .integer(1))
    #expect(table["a"]?.table?["d"]?.kind == .integer(2))
    guard case .tables(let overrides) = table["overrides"]?.kind else {
      Issue.record("overrides")
      return
    }
    #expect(overrides.count == 2)
    #expect(overrides[0]["rules"]?.table?["NB114"]?.string == "off")
    #expect(overrides[1]["rules"]?.table?["NB105"]?.string == "error")
    #expect(overrides[1].position == TOMLPosition(line: 31, column: 1))
    // Key positions are kept for messages.
    #expect(table.entries.first { $0.key == "language" }?.keyPosition == TOMLPosition(line: 2, column: 1))
  }

  @Test func lineEndingsAndByteOrderMark() throws {
    let table = try TOMLReader.parse("\u{FEFF}a = 1\r\n[t]\r\nb = \"x\"\r\n")
    #expect(table["a"]?.kind == .integer(1))
    #expect(table["t"]?.table?["b"]?.position == TOMLPosition(line: 3, column: 5))
  }

  @Test func columnsCountCharacters() throws {
    let table = try TOMLReader.parse("\"乡镇\" = \"白石镇\"")
    #expect(table["乡镇"]?.position == TOMLPosition(line: 1, column: 8))
  }

  /// Every error, with the line and column it names.
  @Test(arguments: [
    ("a = 1\nb", 2, 2, "expected “=” after the key “b”"),
    ("a = ", 1, 5, "a value is missing after “=”"),
    ("a = \"open", 1, 5, "the string is not closed"),
    ("a = 'open\n", 1, 5, "the string is not closed"),
    ("a = \"bad \\q\"", 1, 10, "invalid escape “\\q”"),
    ("a = \"\\u12\"", 1, 6, "takes 4 hexadecimal digits"),
    ("a = \"\\uD800\"", 1, 6, "takes 4 hexadecimal digits"),
    ("a = \"\"\"x\"\"\"", 1, 5, "does not support multi-line strings"),
    ("a = 1.5", 1, 5, "does not support values such as “1.5”"),
    ("a = 2024-03-31", 1, 5, "does not support values such as “2024-03-31”"),
    ("a = 012", 1, 5, "does not support values such as “012”"),
    ("a = off", 1, 5, "“off” is not a value; strings are quoted"),
    ("a = 1 b = 2", 1, 7, "expected the end of the line"),
    ("a = [1, 2", 1, 5, "the array is not closed"),
    ("a = [1 2]", 1, 8, "expected “,” or “]”"),
    ("a = { x = 1", 1, 12, "expected “,” or “}”"),
    ("a = 1\na = 2", 2, 1, "the key “a” is defined twice (first at line 1)"),
    ("[t]\n[t]", 2, 1, "“t” is already defined at line 1"),
    ("a = 1\n[a]", 2, 1, "“a” is already defined at line 1"),
    ("a = 1\na.b = 2", 2, 1, "“a” is already defined at line 1; no key can be added to it"),
    ("p = { x = 1 }\np.y = 2", 2, 1, "“p” is already defined at line 1"),
    ("[t\nx = 1", 1, 3, "must end with “]”"),
    ("[[t]\n", 1, 4, "must end with “]]”"),
    ("= 1", 1, 1, "expected a key"),
    ("[[o]]\nrules.A = 1\n[o.rules]", 3, 1, "“o.rules” is already defined at line 2"),
  ])
  func errors(_ text: String, _ line: Int, _ column: Int, _ message: String) {
    do {
      _ = try TOMLReader.parse(text)
      Issue.record("no error for \(text)")
    } catch {
      #expect(error.position == TOMLPosition(line: line, column: column), "\(text): \(error.message.en)")
      #expect(error.message.en.contains(message), "\(text): \(error.message.en)")
      #expect(!error.message.zh.isEmpty)
    }
  }
}
