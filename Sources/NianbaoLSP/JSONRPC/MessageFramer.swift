/// Splits a byte stream into `Content-Length` framed messages. Bytes may arrive split anywhere:
/// in the middle of a header, between header and body, several messages in one chunk.
public struct MessageFramer: Sendable {
  public enum Event: Sendable, Equatable {
    case message([UInt8])
    /// A header block without a valid `Content-Length`; the framer skipped to the next header.
    case framingError(String)
  }

  /// The largest body accepted (a 10 MB paste fits many times over).
  public static let maximumBodyLength = 256 << 20

  /// A header block is never larger than this; a longer one is refused as garbage.
  static let maximumHeaderLength = 64 * 1024

  private var buffer: [UInt8] = []
  private var start = 0
  private var expectedLength: Int?
  /// After a bad header, everything up to the next `Content-Length` is skipped.
  private var resynchronizing = false

  public init() {}

  /// The events of the bytes fed so far. They are the same however the stream is cut into
  /// pieces: a header, its body and the skipping after a bad header never depend on where one
  /// piece ends.
  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
    buffer.append(contentsOf: bytes)
    var events: [Event] = []
    while true {
      if resynchronizing {
        guard let marker = nextMarker() else {
          // Keep a tail that may be the start of the next header.
          start = max(start, buffer.count - (Self.marker.count - 1))
          break
        }
        start = marker
        resynchronizing = false
      }
      if let length = expectedLength {
        guard buffer.count - start >= length else { break }
        events.append(.message(Array(buffer[start..<start + length])))
        start += length
        expectedLength = nil
        continue
      }
      guard let headerEnd = findHeaderEnd() else {
        // A header never grows this large: drop it so that garbage cannot fill memory.
        if buffer.count - start >= Self.maximumHeaderLength + 4 {
          events.append(.framingError("header too long"))
          start += 1
          resynchronizing = true
          continue
        }
        break
      }
      let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
      switch Self.contentLength(in: header) {
      case .success(let length):
        start = headerEnd + 4
        expectedLength = length
      case .failure(let failure):
        events.append(.framingError(failure.message))
        // A valid header may stand inside the bad block (after junk): look from just after its start.
        start += 1
        resynchronizing = true
      }
    }
    compact()
    return events
  }

  private static func contentLength(in header: String) -> Result<Int, FramingFailure> {
    var length: Int?
    for line in header.split(separator: "\r\n", omittingEmptySubsequences: true)
    where !line.trimmingCharacters(in: " \t\r\n").isEmpty {
      guard let colon = line.firstIndex(of: ":") else {
        return .failure(FramingFailure("malformed header line “\(line.prefix(80))”"))
      }
      let name = line[..<colon].trimmingCharacters(in: " \t").lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
      if name == "content-length" {
        guard let parsed = Int(value), parsed >= 0 else {
          return .failure(FramingFailure("invalid Content-Length “\(value.prefix(40))”"))
        }
        guard parsed <= maximumBodyLength else {
          return .failure(FramingFailure("Content-Length \(parsed) is too large"))
        }
        length = parsed
      }
    }
    guard let length else { return .failure(FramingFailure("missing Content-Length")) }
    return .success(length)
  }

  struct FramingFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  private static let marker = Array("content-length".utf8)

  /// The offset of the next `Content-Length` (in any case) from `start`.
  private func nextMarker() -> Int? {
    let marker = Self.marker
    var index = start
    while index + marker.count <= buffer.count {
      if Self.lowercased(buffer[index]) == marker[0] {
        var matches = true
        for k in 1..<marker.count where Self.lowercased(buffer[index + k]) != marker[k] {
          matches = false
          break
        }
        if matches { return index }
      }
      index += 1
    }
    return nil
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  /// The end of the header block that begins at `start`, looked for within the longest header.
  private func findHeaderEnd() -> Int? {
    var index = start
    let limit = min(buffer.count, start + Self.maximumHeaderLength + 4)
    while index + 3 < limit {
      if buffer[index] == 0x0D && buffer[index + 1] == 0x0A && buffer[index + 2] == 0x0D && buffer[index + 3] == 0x0A {
        return index
      }
      index += 1
    }
    return nil
  }

  private mutating func compact() {
    if start > 0 && (start >= buffer.count || start > 1 << 16) {
      buffer.removeFirst(start)
      start = 0
    }
  }
}

extension MessageFramer.FramingFailure: CustomStringConvertible {
  var description: String { message }
}

extension StringProtocol {
  func trimmingCharacters(in set: String) -> String {
    let scalars = Array(unicodeScalars)
    var lower = 0
    var upper = scalars.count
    while lower < upper, set.unicodeScalars.contains(scalars[lower]) { lower += 1 }
    while upper > lower, set.unicodeScalars.contains(scalars[upper - 1]) { upper -= 1 }
    return String(String.UnicodeScalarView(scalars[lower..<upper]))
  }
}
