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

  private var buffer: [UInt8] = []
  private var start = 0
  private var expectedLength: Int?

  public init() {}

  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
    buffer.append(contentsOf: bytes)
    var events: [Event] = []
    while true {
      if let length = expectedLength {
        guard buffer.count - start >= length else { break }
        events.append(.message(Array(buffer[start..<start + length])))
        start += length
        expectedLength = nil
        continue
      }
      guard let headerEnd = findHeaderEnd() else {
        // A header never grows this large: drop it so that garbage cannot fill memory.
        if buffer.count - start > 64 * 1024 {
          events.append(.framingError("header too long"))
          resync(from: buffer.count - 32, orSkipTo: buffer.count - 32)
        }
        break
      }
      let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
      let bodyStart = headerEnd + 4
      switch Self.contentLength(in: header) {
      case .success(let length):
        start = bodyStart
        expectedLength = length
      case .failure(let failure):
        events.append(.framingError(failure.message))
        // A valid header may stand inside the bad block (after junk): look from just after its start.
        resync(from: start + 1, orSkipTo: bodyStart)
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

  /// After a bad header, continue at the next `Content-Length` header found from `offset`;
  /// without one, continue after `skipTo`, keeping a tail that may be the start of the next one.
  private mutating func resync(from offset: Int, orSkipTo skipTo: Int) {
    let marker = Array("Content-Length".utf8)
    let offset = min(offset, buffer.count)
    var index = max(start, offset)
    while index + marker.count <= buffer.count {
      if buffer[index] == marker[0] || buffer[index] == marker[0] | 0x20 {
        var matches = true
        for (k, byte) in marker.enumerated() where buffer[index + k] | 0x20 != byte | 0x20 {
          matches = false
          break
        }
        if matches {
          start = index
          return
        }
      }
      index += 1
    }
    // Keep a tail that may hold the start of the next header, but never the bad one again.
    start = max(start, max(min(skipTo, buffer.count), buffer.count - marker.count + 1))
  }

  private func findHeaderEnd() -> Int? {
    var index = start
    while index + 3 < buffer.count {
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
