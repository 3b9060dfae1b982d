import Foundation

/// The encodings a report file is read in, and written back in by `--fix`.
package enum TextEncoding: Sendable, Hashable {
  case utf8
  /// GB18030 (a superset of GBK and GB2312): what Chinese Windows tools save as “ANSI”.
  case gb18030
  case utf16LittleEndian
  case utf16BigEndian

  package var name: String {
    switch self {
    case .utf8: return "UTF-8"
    case .gb18030: return "GB18030"
    case .utf16LittleEndian: return "UTF-16LE"
    case .utf16BigEndian: return "UTF-16BE"
    }
  }

  /// CoreFoundation's kCFStringEncodingGB_18030_2000, which Foundation on Linux decodes through ICU.
  package static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

  private var foundationEncoding: String.Encoding {
    switch self {
    case .utf8: return .utf8
    case .gb18030: return Self.foundationGB18030
    case .utf16LittleEndian: return .utf16LittleEndian
    case .utf16BigEndian: return .utf16BigEndian
    }
  }

  /// The text of `bytes` (without a byte order mark), or nil when they are not valid in this encoding.
  package func decode(_ bytes: ArraySlice<UInt8>) -> String? {
    if self == .utf8 { return String(validating: bytes, as: UTF8.self) }
    guard let text = String(data: Data(bytes), encoding: foundationEncoding) else { return nil }
    return text
  }

  /// The bytes of `text` in this encoding (without a byte order mark).
  package func encode(_ text: String) -> [UInt8]? {
    if self == .utf8 { return Array(text.utf8) }
    return text.data(using: foundationEncoding, allowLossyConversion: false).map { Array($0) }
  }
}
