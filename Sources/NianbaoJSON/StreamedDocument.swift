/// A pretty-printed document with one array of many items, written a piece at a time: the
/// items are serialized on their own (on any core) and never held in one tree. What is written
/// is byte for byte what ``JSONValue/serialized(pretty:)`` gives for the whole document.
package struct StreamedDocument: Sendable {
  /// Stands for the items in the document given to ``init(_:)``, as the array's only item.
  package static let placeholder = JSONValue.string("\u{0}nianbao streamed items\u{0}")

  /// The document up to its first item, that item's indentation included.
  package let head: [UInt8]
  /// What comes between two items.
  package let separator: [UInt8]
  /// The document after its last item.
  package let tail: [UInt8]
  /// The whole document when there is no item.
  package let empty: [UInt8]
  /// The depth the items stand at.
  package let itemIndent: Int

  /// `document` holds ``placeholder`` as the only item of the array to stream.
  package init(_ document: JSONValue) {
    let bytes = document.serializedBytes(pretty: true)
    var marker: [UInt8] = []
    Self.placeholder.write(to: &marker, pretty: true, indent: 0)
    guard let start = bytes.firstRange(of: marker)?.lowerBound else {
      preconditionFailure("a streamed document holds the placeholder")
    }
    var indentation = 0
    while bytes[start - indentation - 1] == UInt8(ascii: " ") { indentation += 1 }
    itemIndent = indentation / 2
    head = Array(bytes[..<start])
    tail = Array(bytes[(start + marker.count)...])
    separator = [UInt8(ascii: ","), UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: indentation)
    // `[` + line break + indentation … line break + one level less + `]` becomes `[]`.
    empty = Array(head.dropLast(1 + indentation)) + Array(tail.dropFirst(1 + indentation - 2))
  }

  /// Appends an item, as it stands in the document, to `out`.
  package func write(_ item: JSONValue, to out: inout [UInt8]) {
    item.write(to: &out, pretty: true, indent: itemIndent)
  }

  /// Writes the document with the items of `elements`, made `batch` elements at a time by
  /// `items` (a run of items, or nothing, for each element of the batch).
  package func write<Element>(
    _ elements: [Element],
    batchesOf batch: Int,
    to output: ([UInt8]) -> Void,
    items: (ArraySlice<Element>) -> [[UInt8]]
  ) {
    var next = 0
    write(
      pieces: {
        guard next < elements.count else { return nil }
        let slice = elements[next..<min(next + batch, elements.count)]
        next = slice.endIndex
        return items(slice)
      },
      to: output
    )
  }

  /// Writes the document, the items coming in pieces (each a run of items joined by
  /// ``separator``, or empty) from `pieces`, which is called until it returns nil.
  package func write(pieces: () -> [[UInt8]]?, to output: ([UInt8]) -> Void) {
    var wroteAny = false
    while let batch = pieces() {
      var out: [UInt8] = []
      for piece in batch where !piece.isEmpty {
        out += wroteAny ? separator : head
        out += piece
        wroteAny = true
      }
      if !out.isEmpty { output(out) }
    }
    output(wroteAny ? tail : empty)
  }
}
