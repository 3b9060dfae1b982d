/// The words of a PDF with their boxes, as `pdftotext -bbox` (Debian's poppler-utils) writes
/// them: one `<page>` element per page, one `<word xMin= yMin= xMax= yMax=>` per word, in
/// points from the page's top left corner.
package struct PDFWord: Equatable, Sendable {
  /// 0-based.
  package var page: Int
  package var xMin: Double
  package var yMin: Double
  package var xMax: Double
  package var yMax: Double
  package var text: String

  package init(page: Int, xMin: Double, yMin: Double, xMax: Double, yMax: Double, text: String) {
    self.page = page
    self.xMin = xMin
    self.yMin = yMin
    self.xMax = xMax
    self.yMax = yMax
    self.text = text
  }

  var xCenter: Double { (xMin + xMax) / 2 }

  /// Whether the two words share some of their horizontal extent.
  func overlapsHorizontally(_ xMin: Double, _ xMax: Double) -> Bool { self.xMin <= xMax && self.xMax >= xMin }

  /// The words of `pdftotext -bbox` output; an empty list when there are none.
  package static func parse(_ bytes: [UInt8]) -> [PDFWord] {
    var words: [PDFWord] = []
    var page = -1
    var index = 0
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { break }
      let tag = bytes[open..<close]
      index = close + 1
      if tag.starts(with: "<page ".utf8) {
        page += 1
      } else if tag.starts(with: "<word ".utf8), page >= 0 {
        guard let end = find("</word>", in: bytes, from: index) else { break }
        if let xMin = attribute("xMin", in: tag), let yMin = attribute("yMin", in: tag),
          let xMax = attribute("xMax", in: tag), let yMax = attribute("yMax", in: tag)
        {
          let text = decode(Array(bytes[index..<end]))
          words.append(PDFWord(page: page, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax, text: text))
        }
        index = end + 7
      }
    }
    return words
  }

  private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> Double? {
    let key = Array(" \(name)=\"".utf8)
    guard let start = find(key, in: tag) else { return nil }
    let valueStart = start + key.count
    guard let valueEnd = tag[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
    return Double(String(decoding: tag[valueStart..<valueEnd], as: UTF8.self))
  }

  /// The word's text with its character references (`&amp;`, `&lt;` …) read.
  private static func decode(_ bytes: [UInt8]) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    var text = ""
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "&"), let reference = HTMLEntities.reference(in: bytes, at: index) {
        text += String(decoding: bytes[start..<index], as: UTF8.self)
        text.unicodeScalars.append(reference.scalar)
        index += reference.length
        start = index
      } else {
        index += 1
      }
    }
    return text + String(decoding: bytes[start...], as: UTF8.self)
  }

  private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
    find(Array(needle.utf8), in: bytes[start...])
  }

  private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count else { return nil }
    var index = bytes.startIndex
    while let candidate = bytes[index...].firstIndex(of: first) {
      guard candidate + needle.count <= bytes.endIndex else { return nil }
      if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
      index = candidate + 1
    }
    return nil
  }
}
