import NianbaoJSON
@_spi(Testing) import NianbaoLSP
import Testing

/// Random incremental edits, with positions in the negotiated encoding, leave the server with
/// exactly the text the editor has.
@Suite struct IncrementalSyncTests {
  static let start = "标题2025年😀\r\n表三\t5\t0\r\n𠀋a\rb\n\n末行🇨🇳"
  static let insertions = ["", "x", "总计", "😀", "𠀋", "\r\n", "\n", "\t6", "一、总体情况\r\n", "🇨🇳b"]

  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
  }

  /// A random position on a scalar boundary, in units of the encoding.
  static func randomPosition(in text: String, encoding: String, using random: inout Generator) -> JSONValue {
    var lines: [[Unicode.Scalar]] = [[]]
    var previousCR = false
    for scalar in text.unicodeScalars {
      if previousCR && scalar == "\n" {
        previousCR = false
        continue
      }
      previousCR = scalar == "\r"
      if scalar == "\n" || scalar == "\r" {
        lines.append([])
      } else {
        lines[lines.count - 1].append(scalar)
      }
    }
    let line = Int.random(in: 0..<lines.count, using: &random)
    let scalars = lines[line].prefix(Int.random(in: 0...lines[line].count, using: &random))
    let units = scalars.reduce(0) { total, s in
      total + (encoding == "utf-8" ? s.utf8.count : encoding == "utf-16" ? s.utf16.count : 1)
    }
    return position(line, units)
  }

  @Test(arguments: ["utf-16", "utf-8", "utf-32"])
  func randomEditsStayInSync(encoding: String) async {
    let client = TestClient()
    _ = await client.initialize(
      capabilities: .object([("general", .object([("positionEncodings", .array([.string(encoding)]))]))])
    )
    let uri = "file:///sync.txt"
    await client.open(uri, Self.start, languageId: "plaintext")
    var random = Generator(state: UInt64(encoding.utf8.count) * 1_000_003)
    var editor = Self.start
    for version in 2..<400 {
      var a = Self.randomPosition(in: editor, encoding: encoding, using: &random)
      var b = Self.randomPosition(in: editor, encoding: encoding, using: &random)
      if (a["line"]!.int!, a["character"]!.int!) > (b["line"]!.int!, b["character"]!.int!) { swap(&a, &b) }
      let text = Self.insertions.randomElement(using: &random)!
      let change = JSONValue.object([("range", .object([("start", a), ("end", b)])), ("text", .string(text))])
      // Positions never fall between \r and \n (randomPosition counts \r\n as one line end).
      editor = applyEdits(
        [.object([("range", change["range"]!), ("newText", .string(text))])],
        to: editor,
        encoding: encoding
      )
      await client.change(uri, version: version, [change])
      let server = await client.server.documentText(uri)
      #expect(server == editor, "after edit \(version): \(change.serialized())")
      if server != editor { return }
    }
  }
}
