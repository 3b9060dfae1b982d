/// What identifies a label once normalized: its words as UTF-8 bytes, compared and hashed as
/// bytes. Labels are looked up and compared far more often than they are shown, so no string is
/// made for them; ``text`` makes one where a label is shown.
public struct LabelKey: Sendable, Hashable {
  /// The words' UTF-8: valid, since normalizing writes whole scalars.
  let utf8: [UInt8]
  /// The number of scalars in ``utf8``.
  let scalarCount: Int
  /// FNV-1a of ``utf8``, computed once: keys are looked up in the format's tables.
  private let digest: UInt64

  static let empty = LabelKey(utf8: [], scalarCount: 0)

  init(utf8: [UInt8], scalarCount: Int) {
    self.utf8 = utf8
    self.scalarCount = scalarCount
    digest = Self.digest(of: utf8)
  }

  /// The key of words already in normal form, such as the format's own.
  init(normalized words: String) {
    self.init(utf8: Array(words.utf8), scalarCount: words.unicodeScalars.count)
  }

  static func digest(of bytes: [UInt8]) -> UInt64 {
    var digest: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return digest
  }

  public static func == (lhs: LabelKey, rhs: LabelKey) -> Bool {
    lhs.digest == rhs.digest && lhs.utf8 == rhs.utf8
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  public var isEmpty: Bool { utf8.isEmpty }

  /// The words, for a message or a comparison with the format's text.
  public var text: String { String(decoding: utf8, as: UTF8.self) }

  /// The words' scalars, for scoring how close two labels are.
  var scalars: [Unicode.Scalar] {
    var scalars = [Unicode.Scalar](repeating: " ", count: scalarCount)
    utf8.withUnsafeBufferPointer { bytes in
      var offset = 0
      for k in 0..<scalarCount {
        let (scalar, width) = SourceText.decode(bytes, offset)
        scalars[k] = scalar
        offset += width
      }
    }
    return scalars
  }

  func hasPrefix(_ prefix: LabelKey) -> Bool { utf8.starts(with: prefix.utf8) }

  func hasSuffix(_ suffix: LabelKey) -> Bool {
    utf8.count >= suffix.utf8.count && utf8[(utf8.count - suffix.utf8.count)...].elementsEqual(suffix.utf8)
  }

  /// Whether `words` stand anywhere in the key.
  func contains(_ words: LabelKey) -> Bool {
    utf8.withUnsafeBufferPointer { bytes in
      words.utf8.withUnsafeBufferPointer { bytes.firstOffset(of: $0) != nil }
    }
  }
}
