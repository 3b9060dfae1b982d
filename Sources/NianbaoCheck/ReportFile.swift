import Foundation
import NianbaoCore

/// A report file as read from disk: its text (without the byte order mark) and what must be
/// written back unchanged.
struct ReportFile {
  var path: String
  var text: String
  var hasByteOrderMark: Bool

  enum ReadError: Error {
    case unreadable(String)
    case binary
    case notUTF8(offset: Int)
  }

  static func read(path: String) throws(ReadError) -> ReportFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(String(cString: strerror(errno)))
    }
    return try decode(Array(data), path: path)
  }

  static func decode(_ bytes: [UInt8], path: String) throws(ReadError) -> ReportFile {
    if bytes.contains(0) { throw .binary }
    var body = bytes[...]
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if bom { body = bytes[3...] }
    guard let text = String(validating: body, as: UTF8.self) else {
      var valid = 0
      // Find where decoding fails, for the message.
      var iterator = body.makeIterator()
      var decoder = UTF8()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let s): valid += s.utf8.count
        case .emptyInput, .error: break loop
        }
      }
      throw .notUTF8(offset: valid + (bom ? 3 : 0))
    }
    return ReportFile(path: path, text: text, hasByteOrderMark: bom)
  }

  /// The bytes to write for a new text: the same byte order mark as before.
  func bytes(for newText: String) -> [UInt8] {
    (hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(newText.utf8)
  }
}

extension ReportFile.ReadError {
  func message(_ language: Language, path: String) -> String {
    switch self {
    case .unreadable(let reason):
      return language == .zh ? "\(path): 无法读取文件（\(reason)）" : "\(path): cannot read the file (\(reason))"
    case .binary:
      return language == .zh
        ? "\(path): 这是二进制文件，不是文本报告（含有 NUL 字节）。请先把报告另存为 UTF-8 文本（.txt）。"
        : "\(path): this is a binary file, not a text report (it contains NUL bytes). Save the report as UTF-8 text (.txt) first."
    case .notUTF8(let offset):
      return language == .zh
        ? "\(path): 文件不是 UTF-8 编码（第 \(offset) 字节处无法解码），可能是 GB18030/GBK。请转换后再检查，例如：iconv -f GB18030 -t UTF-8 \"\(path)\" > 转换后.txt"
        : "\(path): the file is not UTF-8 (it cannot be decoded at byte \(offset)); it is probably GB18030/GBK. Convert it first, e.g. iconv -f GB18030 -t UTF-8 \"\(path)\" > converted.txt"
    }
  }
}
