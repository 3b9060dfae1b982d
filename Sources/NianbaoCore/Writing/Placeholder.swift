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
    let open = Array(opening.utf8)
    let close = Array(closing.utf8)
    let bytes = source.utf8
    var result: [Range<Int>] = []
    var index = 0
    // Compared byte by byte, not by slices: the mark's first byte opens most CJK punctuation.
    func matches(_ pattern: [UInt8], at start: Int) -> Bool {
      guard start + pattern.count <= bytes.count else { return false }
      for k in pattern.indices where bytes[start + k] != pattern[k] { return false }
      return true
    }
    while index + open.count <= bytes.count {
      guard bytes[index] == open[0], matches(open, at: index) else {
        index += 1
        continue
      }
      var end = index + open.count
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
        if matches(close, at: end) {
          end += close.count
          break
        }
        end += 1
      }
      result.append(index..<end)
      index = end
    }
    return result
  }
}
