/// The mark of text still to be written, as `nianbao new` leaves it: `【待填写：总体情况……】`.
/// NB117 finds every one left in a report.
public enum Placeholder {
  public static let opening = "【待填写："
  public static let closing = "】"

  /// A placeholder asking for `what`.
  public static func text(_ what: String) -> String { opening + what + closing }

  /// The byte ranges of the placeholders in a text: from the opening mark to its closing mark,
  /// or to the end of the line when it has none.
  package static func ranges(in source: SourceText) -> [Range<Int>] {
    let close = Array(closing.utf8)
    // Read through the buffer: this looks at the whole text.
    return source.utf8.withUnsafeBufferPointer { bytes in
      var result: [Range<Int>] = []
      var from = 0
      while let index = openingSearch.first(in: bytes, from: from) {
        var end = index + openingSearch.pattern.count
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
          if starts(bytes, close, at: end) {
            end += close.count
            break
          }
          end += 1
        }
        result.append(index..<end)
        from = end
      }
      return result
    }
  }

  private static let openingSearch = ByteSearch(Array(opening.utf8))

  private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], at index: Int) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for k in pattern.indices where bytes[index + k] != pattern[k] { return false }
    return true
  }
}
