import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Testing

@Suite struct FramerTests {
  static let messages = [
    #"{"jsonrpc":"2.0","id":1,"method":"a"}"#, #"{"jsonrpc":"2.0","method":"b","params":{"t":"表三😀"}}"#,
  ]

  static func framed(_ body: String, header: String = "Content-Length") -> [UInt8] {
    Array("\(header): \(body.utf8.count)\r\n\r\n".utf8) + Array(body.utf8)
  }

  @Test func byteByByte() {
    var framer = MessageFramer()
    var events: [MessageFramer.Event] = []
    for byte in Self.messages.flatMap({ Self.framed($0) }) { events += framer.feed([byte]) }
    #expect(events == Self.messages.map { .message(Array($0.utf8)) })
  }

  @Test func severalInOneChunkAndOtherHeaders() {
    var framer = MessageFramer()
    let extra = Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".utf8)
    let chunk = Self.framed(Self.messages[0], header: "content-length") + extra + Self.framed(Self.messages[1])
    #expect(framer.feed(chunk) == Self.messages.map { .message(Array($0.utf8)) })
  }

  @Test func recoversAfterABadHeader() {
    var framer = MessageFramer()
    let chunk = Array("Content-Type: x\r\n\r\n{}".utf8) + Self.framed(Self.messages[0])
    let events = framer.feed(chunk)
    #expect(events.count == 2)
    #expect(events.first == .framingError("missing Content-Length"))
    #expect(events.last == .message(Array(Self.messages[0].utf8)))
    var second = MessageFramer()
    #expect(second.feed(Array("Content-Length: abc\r\n\r\n".utf8)) == [.framingError("invalid Content-Length “abc”")])
    #expect(second.feed(Self.framed(Self.messages[1])) == [.message(Array(Self.messages[1].utf8))])
  }
}

/// Inputs the fuzzer found (`Fuzz/`), kept as regression tests.
@Suite struct FramerRegressionTests {
  /// A header broken inside its name, then a body that holds the start of the next header: the
  /// framer skipped to a different place depending on where a read ended.
  @Test func skippingAfterABadHeaderDoesNotDependOnTheCuts() {
    let stream = Array(
      "Content-Leng\r\nth: 60\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"m]eContent-Length: 2\r\n\r\n{}".utf8
    )
    var whole = MessageFramer()
    let expected = whole.feed(stream)
    #expect(expected == [.framingError("malformed header line “Content-Leng”"), .message(Array("{}".utf8))])
    for size in 1...8 {
      var framer = MessageFramer()
      var events: [MessageFramer.Event] = []
      var start = 0
      while start < stream.count {
        events += framer.feed(stream[start..<min(stream.count, start + size)])
        start += size
      }
      #expect(events == expected, "pieces of \(size) bytes")
    }
  }

  /// A carriage return is not the `-` of `Content-Length`.
  @Test func aCarriageReturnIsNotAHyphen() {
    var framer = MessageFramer()
    let events = framer.feed(Array("x\r\n\r\nContent\rLength: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]".utf8))
    #expect(events.last == .message(Array("[]".utf8)))
    #expect(!events.contains(.message(Array("{}".utf8))))
  }
}

@Suite struct MessageTests {
  @Test func errorCodesAreTheSpecificationNumbers() {
    #expect(ErrorCode.parseError.rawValue == -32700)
    #expect(ErrorCode.invalidRequest.rawValue == -32600)
    #expect(ErrorCode.methodNotFound.rawValue == -32601)
    #expect(ErrorCode.invalidParams.rawValue == -32602)
    #expect(ErrorCode.internalError.rawValue == -32603)
    #expect(ErrorCode.serverNotInitialized.rawValue == -32002)
    #expect(ErrorCode.requestCancelled.rawValue == -32800)
    #expect(ErrorCode.contentModified.rawValue == -32801)
    #expect(ErrorCode.requestFailed.rawValue == -32803)
  }

  static func code(_ body: String) -> Int? {
    if case .failure(let error) = IncomingMessage.parse(Array(body.utf8)) { return error.error.code.rawValue }
    return nil
  }

  @Test func classification() {
    #expect(Self.code("{") == -32700)
    #expect(Self.code("[1,2]") == -32600)
    #expect(Self.code(#"{"jsonrpc":"2.0","id":{},"method":"x"}"#) == -32600)
    #expect(Self.code(#"{"jsonrpc":"2.0","id":1,"method":5}"#) == -32600)
    #expect(Self.code(#"{"jsonrpc":"2.0","id":1,"method":"x","params":3}"#) == -32600)
    #expect(Self.code(#"{"jsonrpc":"2.0","id":1}"#) == -32600)
    #expect(Self.code(#"{"jsonrpc":"2.0","id":"a","method":"x"}"#) == nil)
    #expect(Self.code(#"{"jsonrpc":"2.0","id":1,"result":null}"#) == nil)
    // A number no message can carry (it would be written back as something else).
    #expect(Self.code(#"{"jsonrpc":"2.0","id":1,"method":"x","params":{"processId":1e999}}"#) == -32700)
    // Invalid UTF-8 inside a string.
    if case .failure(let error) = IncomingMessage.parse([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) {
      #expect(error.error.code == .parseError)
    } else {
      Issue.record("invalid UTF-8 was accepted")
    }
  }
}

@Suite struct JSONTests {
  @Test func roundTrip() throws {
    let text = #"{"a":[1,-2.5,true,false,null,"表\"三\"\n😀"],"b":{"c":12345678901}}"#
    let value = try JSONValue.parse(text)
    #expect(value.serialized() == text)
    #expect(value["b"]?["c"]?.int == 12_345_678_901)
  }

  /// A key written twice (found by the fuzzer): the value equals itself, written and read back.
  @Test func duplicateKeys() throws {
    let value = try JSONValue.parse(#"{"method":"initialized","method":{},"id":1}"#)
    #expect(value == value)
    #expect(try JSONValue.parse(value.serialized()) == value)
    #expect(try JSONValue.parse(#"{"id":1,"method":"initialized","method":{}}"#) == value)
    #expect(try JSONValue.parse(#"{"method":{},"method":"initialized","id":1}"#) != value)
  }

  @Test func escapes() throws {
    #expect(try JSONValue.parse(#""\ud83d\ude00\u8868""#) == .string("😀表"))
    #expect(try JSONValue.parse(#""\ud83d""#) == .string("\u{FFFD}"))
    #expect(JSONValue.string("a\u{1}b").serialized() == #""a\u0001b""#)
  }

  /// The writer works on UTF-8 bytes: each escape, at the ends of a string and beside
  /// multi-byte characters, and the line separators JavaScript would break on.
  @Test func writerEscapesByteByByte() throws {
    let cases: [(String, String)] = [
      ("\u{1F}表\u{7F}", "\"\\u001f表\u{7F}\""), ("\"\\\r\t", #""\"\\\r\t""#),
      ("行\u{2028}末\u{2029}", #""行\u2028末\u2029""#), ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""),
      ("😀\n", #""😀\n""#), ("", #""""#),
    ]
    for (string, written) in cases {
      #expect(JSONValue.string(string).serialized() == written)
      #expect(try JSONValue.parse(JSONValue.string(string).serialized()) == .string(string))
    }
    let value = JSONValue.object([("a", .array([1, .double(2.5), .null])), ("表", .object([]))])
    #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    2.5,\n    null\n  ],\n  \"表\": {}\n}")
    #expect(String(decoding: value.serializedBytes(), as: UTF8.self) == value.serialized())
  }

  /// Strings are scanned eight bytes at a time: each escape is found at every place in a word,
  /// among ASCII and among Chinese characters, and integers are written digit by digit.
  @Test func writerFindsEscapesAnywhere() throws {
    let escapes: [(String, String)] = [
      ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{0}", #"\u0000"#), ("\u{1F}", #"\u001f"#),
      ("\u{2028}", #"\u2028"#), ("\u{2029}", #"\u2029"#), ("\u{2027}", "\u{2027}"), ("\u{20}", " "),
    ]
    for filler in ["a", "表"] {
      for place in 0..<20 {
        for (raw, escaped) in escapes {
          let before = String(repeating: filler, count: place)
          let after = String(repeating: filler, count: 19 - place)
          let written = JSONValue.string(before + raw + after).serialized()
          #expect(written == "\"" + before + escaped + after + "\"", "\(filler) \(place) \(escaped)")
        }
      }
    }
    for number in [0, 7, -1, 9, 10, 99, 100, 1_000_007, -45_678, Int.max, Int.min] {
      #expect(JSONValue.int(number).serialized() == String(number))
      #expect(
        JSONValue.double(Double(number)).serialized()
          == (abs(Double(number)) < 1e15 ? String(number) : String(Double(number)))
      )
    }
  }

  @Test func rejects() {
    for bad in ["", "{", "[1,]", "01x", "\"abc", "{\"a\" 1}", "tru", "1 2"] {
      #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue.parse(bad) }
    }
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
  }
}

/// Random bytes, broken headers and truncated JSON never trap the framer or the message reader,
/// and a valid message after the garbage is still read.
@Suite struct ProtocolRobustnessTests {
  @Test func garbageThenAValidMessage() throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let valid = FramerTests.framed(FramerTests.messages[0])
    let fragments = [
      "Content-Length: ", "\r\n", "\r\n\r\n", "{", "\"jsonrpc\"", ":", "99999999999999999999", "-1",
      "Content-length: 3\r\n\r\n",
    ]
    for _ in 0..<2000 {
      var garbage: [UInt8] = []
      for _ in 0..<Int(next() % 12) {
        if next() % 2 == 0 {
          garbage += Array(fragments[Int(next() % UInt64(fragments.count))].utf8)
        } else {
          garbage += (0..<Int(next() % 8)).map { _ in UInt8(truncatingIfNeeded: next()) }
        }
      }
      var framer = MessageFramer()
      var events: [MessageFramer.Event] = []
      var bytes = garbage + Array("\r\n\r\n".utf8) + valid
      while !bytes.isEmpty {
        let size = min(bytes.count, Int(next() % 40) + 1)
        events += framer.feed(bytes.prefix(size))
        bytes.removeFirst(size)
      }
      for case .message(let body) in events { _ = IncomingMessage.parse(body) }
      // However the bytes were cut, the events are those of the whole stream.
      var whole = MessageFramer()
      #expect(whole.feed(garbage + Array("\r\n\r\n".utf8) + valid) == events)
      // The valid message may be swallowed only when the garbage announced a length that covers it.
      if !garbage.isEmpty && !String(decoding: garbage, as: UTF8.self).lowercased().contains("content-length") {
        #expect(events.last == .message(Array(FramerTests.messages[0].utf8)))
      }
    }
  }
}
