/// What identifies a label once normalized: its words as UTF-8 bytes, compared and hashed as
/// bytes. Labels are looked up and compared far more often than they are shown, so no string is
/// made for them; ``text`` makes one where a label is shown.
public struct LabelKey: Sendable, Hashable {
  /// The words' UTF-8: valid, since normalizing writes whole scalars.
  private let utf8: [UInt8]
  /// The number of scalars.
  let scalarCount: Int
  /// FNV-1a of the bytes, computed once: keys are looked up in the format's tables.
  private let digest: UInt64

  static let empty = LabelKey(UnsafeBufferPointer(start: nil, count: 0), scalarCount: 0)

  /// The key of valid UTF-8 bytes in normal form holding `scalarCount` scalars.
  init(_ bytes: UnsafeBufferPointer<UInt8>, scalarCount: Int) {
    utf8 = bytes.isEmpty ? [] : Array(bytes)
    self.scalarCount = scalarCount
    var digest: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3 }
    self.digest = digest
  }

  /// The key of words already in normal form, such as the format's own.
  init(normalized words: String) {
    let bytes = Array(words.utf8)
    self = bytes.withUnsafeBufferPointer { LabelKey($0, scalarCount: words.unicodeScalars.count) }
  }

  /// The number of bytes.
  var byteCount: Int { utf8.count }

  /// Calls `body` with the key's bytes.
  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    utf8.withUnsafeBufferPointer(body)
  }

  public static func == (lhs: LabelKey, rhs: LabelKey) -> Bool {
    lhs.digest == rhs.digest && lhs.utf8 == rhs.utf8
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  public var isEmpty: Bool { byteCount == 0 }

  /// The words, for a message or a comparison with the format's text.
  public var text: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

  /// The words' scalars, for scoring how close two labels are.
  var scalars: [Unicode.Scalar] {
    var scalars = [Unicode.Scalar](repeating: " ", count: scalarCount)
    withUTF8 { bytes in
      var offset = 0
      for k in 0..<scalarCount {
        let (scalar, width) = SourceText.decode(bytes, offset)
        scalars[k] = scalar
        offset += width
      }
    }
    return scalars
  }

  func hasPrefix(_ prefix: LabelKey) -> Bool {
    utf8.count >= prefix.utf8.count && utf8.hasBytes(prefix.utf8, at: 0)
  }

  func hasSuffix(_ suffix: LabelKey) -> Bool {
    utf8.count >= suffix.utf8.count && utf8.hasBytes(suffix.utf8, at: utf8.count - suffix.utf8.count)
  }

  /// Whether `words` stand anywhere in the key.
  func contains(_ words: LabelKey) -> Bool {
    withUTF8 { bytes in words.withUTF8 { bytes.firstOffset(of: $0) != nil } }
  }
}
