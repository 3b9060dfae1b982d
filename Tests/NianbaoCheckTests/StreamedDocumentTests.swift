import NianbaoJSON
import Testing

/// A document written a piece at a time is byte for byte the document printed whole, whatever
/// the depth of the streamed array and however the items come in pieces.
@Suite struct StreamedDocumentTests {
  static func document(_ items: [JSONValue], depth: Int) -> JSONValue {
    var value = JSONValue.object([("before", .int(1)), ("items", .array(items)), ("after", .array([]))])
    for level in 0..<depth { value = .object([("level\(level)", .array([value, .string("x")]))]) }
    return value
  }

  static let items: [JSONValue] = (0..<7).map { index in
    .object([("n", .int(index)), ("text", .string("第\(index)项\n\"😀\"")), ("empty", .object([]))])
  }

  @Test(arguments: [0, 1, 3], [0, 1, 2, 7])
  func sameAsTheWholeDocument(depth: Int, count: Int) {
    let whole = Self.document(Array(Self.items.prefix(count)), depth: depth).serializedBytes(pretty: true)
    let document = StreamedDocument(Self.document([StreamedDocument.placeholder], depth: depth))
    // Pieces of 0, 1, 2 … items, with an empty piece among them.
    var pieces: [[[UInt8]]] = [[[]]]
    var next = 0
    var size = 1
    while next < count {
      var batch: [[UInt8]] = []
      for item in Self.items[next..<min(next + size, count)] {
        var out: [UInt8] = []
        document.write(item, to: &out)
        batch.append(out)
        batch.append([])
      }
      pieces.append(batch)
      next += size
      size += 1
    }
    var written: [UInt8] = []
    document.write(pieces: { pieces.isEmpty ? nil : pieces.removeFirst() }, to: { written += $0 })
    #expect(String(decoding: written, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
  }
}
