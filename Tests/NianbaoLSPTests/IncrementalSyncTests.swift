import Foundation
import NianbaoJSON
@_spi(Testing) import NianbaoLSP
import NianbaoTestSupport
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

  static let reportPieces = [
    "", "", "1", "0", "12", "\t", "\t3", "\r\n", "\n", "😀", "𠀋", "总计", "（七）总计\t1\t0\t0\t0\t0\t0\t1",
    "一、总体情况\r\n", "2024年", "统计期限自2025年1月1日起至2025年12月31日止。",
  ]

  /// At every step of a random editing session on a real report (inserts, deletes, replacements
  /// spanning lines, line ends, surrogate pairs, edits at the end, empty edits), the diagnostics
  /// the server publishes for the edited document are exactly those of a fresh `didOpen` of the
  /// editor's text.
  @Test(arguments: ["utf-16", "utf-8", "utf-32"])
  func diagnosticsMatchAFreshOpen(encoding: String) async {
    let capabilities = JSONValue.object([("general", .object([("positionEncodings", .array([.string(encoding)]))]))])
    let client = TestClient()
    _ = await client.initialize(capabilities: capabilities)
    let uri = "file:///work/2025年度报告.txt"
    var editor = "😀" + Fixtures.text("nb201-row-total.txt").replacingOccurrences(of: "\n", with: "\r\n")
    await client.open(uri, editor)
    _ = client.take()
    var random = Generator(state: UInt64(encoding.utf8.count) * 7_777_777)
    let steps = TestSize.count("NIANBAO_SYNC_STEPS", quick: 40, full: 120)
    var compared = 0
    for version in 2..<(2 + steps) {
      var changes: [JSONValue] = []
      // One to three changes in one notification, each on the text the one before left.
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        var a = Self.randomPosition(in: editor, encoding: encoding, using: &random)
        var b =
          Int.random(in: 0..<3, using: &random) == 0
          ? a : Self.randomPosition(in: editor, encoding: encoding, using: &random)
        if (a["line"]!.int!, a["character"]!.int!) > (b["line"]!.int!, b["character"]!.int!) { swap(&a, &b) }
        // Keep most edits short, so that the report stays a report for a while.
        if b["line"]!.int! - a["line"]!.int! > 3 { b = a }
        let text = Self.reportPieces.randomElement(using: &random)!
        let range = JSONValue.object([("start", a), ("end", b)])
        changes.append(.object([("range", range), ("text", .string(text))]))
        editor = applyEdits([.object([("range", range), ("newText", .string(text))])], to: editor, encoding: encoding)
      }
      await client.change(uri, version: version, changes)
      let published = client.notifications("textDocument/publishDiagnostics").last
      #expect(published?["params"]?["version"]?.int == version)
      let fresh = TestClient()
      _ = await fresh.initialize(capabilities: capabilities)
      await fresh.open(uri, editor, version: version)
      let expected = fresh.notifications("textDocument/publishDiagnostics").last
      #expect(
        published?["params"] == expected?["params"],
        "after change \(version): \(changes.map { $0.serialized() })"
      )
      if published?["params"] != expected?["params"] { return }
      compared += 1
    }
    print("incremental sync (\(encoding)): \(compared) steps, diagnostics equal to a fresh open at each")
  }
}
