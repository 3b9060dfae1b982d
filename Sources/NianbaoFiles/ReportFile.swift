import Foundation
import NianbaoCore

/// A report file as read from disk: its text (without the byte order mark) and what must be
/// written back unchanged.
package struct ReportFile {
  package var path: String
  package var text: String
  package var hasByteOrderMark: Bool
  package var encoding: TextEncoding = .utf8
  /// False when encoding the text again would not give the bytes read (a GB18030 file holding a
  /// byte sequence with two readings): `--fix` then leaves the file alone rather than change
  /// bytes outside its edits.
  package var roundTrips = true
  /// What the file held when it was read, to refuse writing fixes over a newer version.
  package var fingerprint: ContentFingerprint?

  package enum ReadError: Error {
    case unreadable(String)
    case binary
    case notUTF8(BytePlace)
    /// Mostly UTF-8, with bytes that are not.
    case damagedUTF8(BytePlace)
    /// Word 97–2003 or WPS (`.doc`, `.wps`), or a Word document saved with a password.
    case legacyWord
    /// A `.docx` that is not a readable Word document.
    case wordDocument(LocalizedText)
    /// A PDF, and `pdftotext` is not installed.
    case pdfToolMissing
    case pdfUnreadable(String)
  }

  /// Where a byte is, as an editor shows it (1-based line and column in characters) and as a
  /// byte offset.
  package struct BytePlace: Equatable, Sendable {
    package var offset: Int
    package var line: Int
    package var column: Int

    /// The place of `offset` in `bytes`, read as UTF-8 up to it (a byte order mark is no column).
    package init(_ offset: Int, in bytes: [UInt8]) {
      self.offset = offset
      let before = bytes[..<min(offset, bytes.count)]
      let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
      line = before.count { $0 == 0x0A } + 1
      column = bytes[min(lineStart, offset)..<min(offset, bytes.count)].count { $0 & 0xC0 != 0x80 } + 1
    }
  }

  package struct WriteError: Error {
    package var message: LocalizedText
  }

  package static func read(path: String) throws(ReadError) -> ReportFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(String(cString: strerror(errno)))
    }
    // Copied at once: iterating `Data` byte by byte took longer than reading the report.
    let bytes = data.withUnsafeBytes { [UInt8]($0) }
    var file = try decode(bytes, path: path)
    file.fingerprint = ContentFingerprint(bytes)
    return file
  }

  /// A text file's bytes decoded: UTF-16 by its byte order mark, else UTF-8, else GB18030.
  /// `preferGB18030` (a web page that declares GBK or GB2312) tries GB18030 before UTF-8.
  package static func decode(
    _ bytes: [UInt8],
    path: String,
    preferGB18030: Bool = false
  ) throws(ReadError)
    -> ReportFile
  {
    if preferGB18030, !bytes.contains(0), !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
      let text = TextEncoding.gb18030.decode(bytes[...]), isPlausibleText(text)
    {
      let roundTrips = TextEncoding.gb18030.encode(text).map { $0 == bytes } ?? false
      return ReportFile(path: path, text: text, hasByteOrderMark: false, encoding: .gb18030, roundTrips: roundTrips)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let encoding: TextEncoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
      guard bytes.count % 2 == 0, let text = encoding.decode(bytes[2...]) else { throw .notUTF8(BytePlace(0, in: [])) }
      return ReportFile(path: path, text: text, hasByteOrderMark: true, encoding: encoding)
    }
    if bytes.contains(0) { throw .binary }
    var body = bytes[...]
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if bom { body = bytes[3...] }
    if let text = String(validating: body, as: UTF8.self) {
      return ReportFile(path: path, text: text, hasByteOrderMark: bom)
    }
    let census = UTF8Census(body)
    // Mostly well-formed UTF-8 with a few bad bytes is a damaged UTF-8 file: GB18030 text has far
    // more sequences that are not UTF-8 than ones that happen to be.
    if bom || census.multiByteScalars > census.errors {
      throw .damagedUTF8(BytePlace((census.firstError ?? 0) + (bom ? 3 : 0), in: bytes))
    }
    if let text = TextEncoding.gb18030.decode(body), isPlausibleText(text) {
      let roundTrips = TextEncoding.gb18030.encode(text).map { $0[...] == body } ?? false
      return ReportFile(path: path, text: text, hasByteOrderMark: false, encoding: .gb18030, roundTrips: roundTrips)
    }
    throw .notUTF8(BytePlace(census.firstError ?? 0, in: bytes))
  }

  /// GB18030 gives every byte sequence of a legacy encoding some reading; text whose reading
  /// holds control characters was not GB18030 (it is some other encoding, or not text at all).
  private static func isPlausibleText(_ text: String) -> Bool {
    !text.unicodeScalars.contains { scalar in
      (scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t" && scalar != "\u{0C}")
        || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FFFD}"
    }
  }

  /// How bytes fare as UTF-8: the well-formed multi-byte characters, the errors, and the offset
  /// of the first error (for the message).
  private struct UTF8Census {
    var multiByteScalars = 0
    var errors = 0
    var firstError: Int?

    init(_ bytes: ArraySlice<UInt8>) {
      var offset = 0
      var iterator = bytes.makeIterator()
      var decoder = UTF8()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
          let width = UTF8.width(scalar)
          if width > 1 { multiByteScalars += 1 }
          offset += width
        case .error:
          errors += 1
          if firstError == nil { firstError = offset }
          offset += 1
        case .emptyInput: break loop
        }
      }
    }
  }

  /// The bytes to write for a new text: the same encoding and byte order mark as before.
  package func bytes(for newText: String) throws(WriteError) -> [UInt8] {
    guard roundTrips, let body = encoding.encode(newText) else {
      throw WriteError(
        message: LocalizedText(
          zh: "按 \(encoding.name) 写回会改动修复以外的字节：文件中有的字节序列不能原样还原",
          en:
            "writing it back in \(encoding.name) would change bytes outside the fixes: some of its byte sequences do not round-trip"
        )
      )
    }
    switch encoding {
    case .utf8: return (hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + body
    case .gb18030: return body
    case .utf16LittleEndian: return [0xFF, 0xFE] + body
    case .utf16BigEndian: return [0xFE, 0xFF] + body
    }
  }
}

extension ReportFile {
  /// Writes a new text back atomically in the file's encoding, unless the file changed since it
  /// was read; the reason when it could not (`changedMeanwhile` for a file changed meanwhile).
  package func writeBack(_ text: String, changedMeanwhile: LocalizedText, language: Language) -> String? {
    do throws(ReportFile.WriteError) {
      let bytes = try self.bytes(for: text)
      do throws(AtomicWriter.WriteError) {
        try AtomicWriter.write(bytes, to: path, unlessChangedFrom: fingerprint)
        return nil
      } catch {
        return error.reason(changedMeanwhile: changedMeanwhile, language: language)
      }
    } catch {
      return error.message.text(language)
    }
  }

  /// Said once per file read in an encoding other than UTF-8.
  package func encodingNotice(fix: Bool) -> LocalizedText? {
    guard encoding != .utf8 else { return nil }
    return LocalizedText(
      zh: "\(path): 文件不是 UTF-8，已按 \(encoding.name) 编码读取" + (fix ? "，修复按 \(encoding.name) 写回" : ""),
      en: "\(path): the file is not UTF-8; read as \(encoding.name)"
        + (fix ? ", fixes written back in \(encoding.name)" : "")
    )
  }
}

extension ReportFile.ReadError {
  package func message(_ language: Language, path: String) -> String {
    switch self {
    case .unreadable(let reason):
      return language == .zh ? "\(path): 无法读取文件（\(reason)）" : "\(path): cannot read the file (\(reason))"
    case .binary:
      return language == .zh
        ? "\(path): 这是二进制文件，不是文本报告（含有 NUL 字节；不带 BOM 的 UTF-16 也是这样）。请先把报告另存为 UTF-8 文本（.txt）。"
        : "\(path): this is a binary file, not a text report (it contains NUL bytes, as UTF-16 without a byte order mark does). Save the report as UTF-8 text (.txt) first."
    case .damagedUTF8(let place):
      return language == .zh
        ? "\(path): 文件是 UTF-8 编码，但第 \(place.line) 行第 \(place.column) 列（第 \(place.offset) 字节）有无法解码的字节（文件可能已损坏或被截断）。请用原软件重新另存为 UTF-8 文本后再检查。"
        : "\(path): the file is UTF-8 but cannot be decoded at line \(place.line), column \(place.column) (byte \(place.offset)); it may be damaged or cut short. Save it again as UTF-8 text from the program that made it, then check it again."
    case .legacyWord:
      return language == .zh
        ? "\(path): 这是 Word 97–2003（.doc）或 WPS 格式的文件（或设了密码的 Word 文件），nianbao 不读这种格式。请在 Word 或 WPS 中“另存为” Word 文档（.docx，不设密码）后再检查。"
        : "\(path): this is a Word 97–2003 (.doc) or WPS file (or a Word document protected by a password), which nianbao does not read. Save it as a Word document (.docx, without a password) in Word or WPS, then check it again."
    case .wordDocument(let problem):
      let reason = problem.text(language)
      return language == .zh
        ? "\(path): 无法作为 Word 文档（.docx）读取（\(reason)）。请在 Word 或 WPS 中重新“另存为” .docx 后再检查。"
        : "\(path): cannot be read as a Word document (.docx) (\(reason)). Save it again as .docx in Word or WPS, then check it again."
    case .pdfToolMissing:
      return language == .zh
        ? "\(path): 读取 PDF 需要 pdftotext，但没有找到。请安装 poppler-utils（Debian/Ubuntu：sudo apt-get install poppler-utils；macOS：brew install poppler），或设置 NIANBAO_PDFTOTEXT 指向 pdftotext。"
        : "\(path): reading a PDF needs pdftotext, which was not found. Install poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils; macOS: brew install poppler), or set NIANBAO_PDFTOTEXT to the pdftotext program."
    case .pdfUnreadable(let reason):
      return language == .zh
        ? "\(path): pdftotext 无法读取这个 PDF（\(reason)）。如果是扫描件，其中没有文字，请使用报告的文字版。"
        : "\(path): pdftotext cannot read this PDF (\(reason)). A scanned PDF holds no text: use the report's text version."
    case .notUTF8(let place):
      let spot =
        place.offset == 0
        ? LocalizedText(zh: "开头", en: "the start")
        : LocalizedText(
          zh: "第 \(place.line) 行第 \(place.column) 列（第 \(place.offset) 字节）",
          en: "line \(place.line), column \(place.column) (byte \(place.offset))"
        )
      return language == .zh
        ? "\(path): 文件既不是 UTF-8 也不是 GB18030/GBK 编码（\(spot.zh)处无法解码）。请把报告另存为 UTF-8 文本后再检查；若知道原编码，可用 iconv 转换，例如：iconv -f BIG5 -t UTF-8 \"\(path)\" > 转换后.txt"
        : "\(path): the file is neither UTF-8 nor GB18030/GBK (it cannot be decoded at \(spot.en)). Save the report as UTF-8 text and check it again; if you know its encoding, convert it with iconv, e.g. iconv -f BIG5 -t UTF-8 \"\(path)\" > converted.txt"
    }
  }
}

/// The size and a 64-bit FNV-1a hash of a file's bytes: enough to tell that someone saved the
/// file while it was being checked.
package struct ContentFingerprint: Equatable, Sendable {
  package var size: Int
  package var hash: UInt64

  package init(_ bytes: some Sequence<UInt8>) {
    var size = 0
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      size += 1
    }
    self.size = size
    self.hash = hash
  }
}

extension AtomicWriter.WriteError {
  /// Why a file was not written, for the user: a read-only file, one changed meanwhile
  /// (`changedMeanwhile`), else the system's reason.
  package func reason(changedMeanwhile: LocalizedText, language: Language) -> String {
    if readOnly {
      return language == .zh
        ? "文件是只读的；请先允许写入（例如 chmod u+w）再运行" : "the file is read-only; make it writable (e.g. chmod u+w) and run again"
    }
    return changedSinceRead ? changedMeanwhile.text(language) : reason
  }
}
