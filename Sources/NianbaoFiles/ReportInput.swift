import Foundation
import NianbaoCore
import NianbaoForms

/// A report file in the form it was published in, and the text nianbao checks in it.
///
/// Every form has a *source text*: the text positions point into and fixes are written into (a
/// text file's own text, a web page's HTML, the `word/document.xml` of a Word document, the text
/// `pdftotext` gives of a PDF). Forms other than text render their report as the plain text the
/// core reads, with a map back to the source text.
package struct ReportInput {
  package var path: String
  package var form: Form
  /// The text file, the web page's file or the PDF's extracted text, as read and decoded; for a
  /// Word document, its `word/document.xml` (UTF-8).
  package var file: ReportFile
  /// The report of the file as read, rendered once (a web page, a Word document).
  package var originalRendered: RenderedReport?

  package enum Form: Sendable {
    case text
    case webPage
    /// The document, written again around a changed `document.xml`.
    case wordDocument(WordDocument)
    case pdf
  }

  package enum Kind: String, Sendable, CaseIterable {
    case text, webPage, wordDocument, pdf, legacyWord
  }

  /// What a file's name says it is.
  package static func kind(ofPath path: String) -> Kind {
    switch (path as NSString).pathExtension.lowercased() {
    case "html", "htm", "xhtml", "shtml": return .webPage
    case "docx": return .wordDocument
    case "pdf": return .pdf
    case "doc", "wps", "wpt", "dot": return .legacyWord
    default: return .text
    }
  }

  /// The source text.
  package var sourceText: String { file.text }

  /// The report as the core reads it, from a source text of this input (the one read, or one
  /// with fixes applied): nil when the source text is itself the report's text.
  package func rendered(_ sourceText: String) -> RenderedReport? {
    if let original = originalRendered, sourceText.utf8.count == file.text.utf8.count, sourceText == file.text {
      return original
    }
    switch form {
    case .text, .pdf: return nil  // a PDF's text is never edited
    case .webPage: return WebPage.render(Array(sourceText.utf8))
    case .wordDocument: return WordDocument.render(documentXML: Array(sourceText.utf8))
    }
  }

  /// A Word document has no lines a person could go to: its findings are placed by paragraph
  /// and cell.
  package var isWordDocument: Bool {
    if case .wordDocument = form { return true }
    return false
  }
}

extension ReportInput {
  /// The text of a text file read again, exactly as it was read when it was checked: nil when
  /// its bytes are no longer the ones `fingerprint` was taken of.
  package static func reread(textFile path: String, fingerprint: ContentFingerprint) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let bytes = data.withUnsafeBytes { [UInt8]($0) }
    guard ContentFingerprint(bytes) == fingerprint else { return nil }
    return try? ReportFile.decode(bytes, path: path).text
  }

  package static func read(path: String) throws(ReportFile.ReadError) -> ReportInput {
    let kind = kind(ofPath: path)
    if kind == .pdf { return try pdf(path: path) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(String(cString: strerror(errno)))
    }
    // Copied at once: iterating `Data` byte by byte took longer than reading the report.
    let bytes = data.withUnsafeBytes { [UInt8]($0) }
    var input = try decode(bytes, path: path, kind: kind)
    input.file.fingerprint = ContentFingerprint(bytes)
    return input
  }

  /// A file's bytes read as the form its name says (standard input: as `--stdin-filename` says).
  package static func decode(
    _ bytes: [UInt8],
    path: String,
    kind: Kind? = nil
  ) throws(ReportFile.ReadError)
    -> ReportInput
  {
    switch kind ?? Self.kind(ofPath: path) {
    case .text:
      return ReportInput(path: path, form: .text, file: try ReportFile.decode(bytes, path: path))
    case .webPage:
      var file = try ReportFile.decode(bytes, path: path, preferGB18030: isGBFamily(WebPage.declaredCharset(bytes)))
      file.fingerprint = ContentFingerprint(bytes)
      return ReportInput(
        path: path,
        form: .webPage,
        file: file,
        originalRendered: WebPage.render(Array(file.text.utf8))
      )
    case .wordDocument:
      if bytes.starts(with: oleSignature) { throw .legacyWord }
      let document: WordDocument
      do throws(WordDocument.ReadError) {
        document = try WordDocument(archive: bytes)
      } catch {
        if error == .compoundFile { throw .legacyWord }
        throw .wordDocument(Self.reason(error))
      }
      var file = ReportFile(
        path: path,
        text: String(decoding: document.documentXML, as: UTF8.self),
        hasByteOrderMark: false
      )
      file.fingerprint = ContentFingerprint(bytes)
      return ReportInput(path: path, form: .wordDocument(document), file: file, originalRendered: document.rendered)
    case .legacyWord:
      throw .legacyWord
    case .pdf:
      let temporary = NSTemporaryDirectory() + "nianbao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).pdf"
      guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
        throw .unreadable(String(cString: strerror(errno)))
      }
      defer { unlink(temporary) }
      var input = try pdf(path: temporary)
      input.path = path
      input.file.path = path
      return input
    }
  }

  /// The signature of an OLE compound file: Word 97–2003 (`.doc`), WPS (`.wps`), and a `.docx`
  /// saved with a password, which Word encrypts into such a container.
  private static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  private static func reason(_ error: WordDocument.ReadError) -> LocalizedText {
    switch error {
    case .notAZip, .compoundFile:
      return LocalizedText(
        zh: "文件不是 Word 文档，可能是别的文件改了扩展名",
        en: "it is not a Word document; perhaps another file renamed"
      )
    case .openDocumentText:
      return LocalizedText(zh: "这是 OpenDocument 文本（.odt）", en: "it is an OpenDocument text (.odt)")
    case .noDocumentPart:
      return LocalizedText(
        zh: "压缩包里没有 Word 正文，可能是表格或演示文稿",
        en: "the archive holds no Word document body; perhaps a workbook or a presentation"
      )
    case .unsupportedArchive:
      return LocalizedText(
        zh: "压缩方式不受支持（zip64、分卷、加密或其他压缩算法）",
        en: "its packing is not supported (zip64, split, encrypted, or another method)"
      )
    case .damagedArchive:
      return LocalizedText(zh: "文件已损坏或不完整", en: "the file is damaged or cut short")
    case .malformedDocument(let offset):
      return LocalizedText(
        zh: "正文 XML 在第 \(offset) 字节处格式错误",
        en: "its document XML is malformed at byte \(offset)"
      )
    case .tooLarge(let size):
      return LocalizedText(
        zh: "正文解压后有 \(size) 字节，超出上限",
        en: "its document body would unpack to \(size) bytes, over the limit"
      )
    }
  }

  private static func isGBFamily(_ charset: String?) -> Bool {
    guard let charset else { return false }
    return ["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"].contains(charset.lowercased())
  }

  /// A PDF's text as `pdftotext -layout` gives it (Debian's poppler-utils): the layout keeps a
  /// table's row on one line, which is how the reader knows PDF text. Where a table has blank
  /// cells, the boxes of its words (`pdftotext -bbox`) say which cells they are.
  private static func pdf(path: String) throws(ReportFile.ReadError) -> ReportInput {
    guard let tool = Pdftotext.tool() else { throw .pdfToolMissing }
    let outputs: [[UInt8]]
    do throws(Pdftotext.Failure) {
      outputs = try Pdftotext.run(
        tool,
        [["-layout", "-enc", "UTF-8", path, "-"], ["-bbox", "-enc", "UTF-8", path, "-"]]
      )
    } catch {
      throw .pdfUnreadable(error.reason)
    }
    let (bytes, boxes) = (outputs[0], outputs[1])
    var file = ReportFile(path: path, text: String(decoding: bytes, as: UTF8.self), hasByteOrderMark: false)
    file.fingerprint = ContentFingerprint(bytes)
    let rendered = PDFText.render(layout: Array(file.text.utf8), words: PDFWord.parse(boxes))
    return ReportInput(path: path, form: .pdf, file: file, originalRendered: rendered)
  }
}

/// Runs `pdftotext`.
enum Pdftotext {
  struct Failure: Error {
    var reason: String
  }

  /// `pdftotext` on `NIANBAO_PDFTOTEXT` or the `PATH`.
  static func tool() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let named = environment["NIANBAO_PDFTOTEXT"], !named.isEmpty {
      return FileManager.default.isExecutableFile(atPath: named) ? named : nil
    }
    for directory in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(directory)/pdftotext"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs `pdftotext` once for each list of arguments, all at the same time, and gives each
  /// one's output in order.
  static func run(_ tool: String, _ argumentLists: [[String]]) throws(Failure) -> [[UInt8]] {
    var running: [Running] = []
    for arguments in argumentLists {
      do {
        running.append(try Running(tool, arguments))
      } catch {
        throw Failure(reason: "\(error)")
      }
    }
    var outputs: [[UInt8]] = []
    for process in running { outputs.append(try process.finish()) }
    return outputs
  }

  /// One `pdftotext` started, its output not yet read.
  private struct Running {
    let process = Process()
    let output = Pipe()
    let errors = Pipe()
    /// Signalled when the process ends: `waitUntilExit` would poll the run loop every 50 ms.
    let ended = DispatchSemaphore(value: 0)

    init(_ tool: String, _ arguments: [String]) throws {
      process.executableURL = URL(fileURLWithPath: tool)
      process.arguments = arguments
      process.standardOutput = output
      process.standardError = errors
      process.standardInput = FileHandle.nullDevice
      let ended = ended
      process.terminationHandler = { _ in ended.signal() }
      try process.run()
    }

    func finish() throws(Failure) -> [UInt8] {
      // Read both pipes before waiting: a large PDF fills a pipe's buffer.
      let group = DispatchGroup()
      nonisolated(unsafe) var errorBytes = Data()
      group.enter()
      DispatchQueue.global().async {
        errorBytes = errors.fileHandleForReading.readDataToEndOfFile()
        group.leave()
      }
      let data = output.fileHandleForReading.readDataToEndOfFile()
      group.wait()
      ended.wait()
      guard process.terminationStatus == 0 else {
        // A damaged file gives a line for every bad byte: the last one says why it gave up.
        let lines = String(decoding: errorBytes, as: UTF8.self).split(whereSeparator: \.isNewline)
        let message = lines.last.map { String($0.prefix(200)).trimmingCharacters(in: .whitespaces) } ?? ""
        throw Failure(reason: message.isEmpty ? "pdftotext exit \(process.terminationStatus)" : message)
      }
      return [UInt8](data)
    }
  }
}
