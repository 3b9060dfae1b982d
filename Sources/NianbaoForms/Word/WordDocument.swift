/// A Word document (`.docx`, Office Open XML) read for checking: its main part,
/// `word/document.xml`, and the report rendered from it, whose segments lead back to byte
/// ranges of that part. A fix edits ``documentXML`` and ``archive(replacingDocumentXML:)`` packs
/// the new document, every other part kept byte for byte.
package struct WordDocument: Sendable {
  /// The bytes of the main document part, as the archive holds them.
  package let documentXML: [UInt8]
  /// The report as the core reads it; segment sources are byte ranges of ``documentXML``.
  package let rendered: RenderedReport
  /// The main part's name in the archive (`word/document.xml` as Word writes it).
  package let documentPath: String
  private let container: ZipArchive
  private let documentEntry: ZipArchive.Entry

  /// Why a file cannot be read as a Word document. The caller words the message.
  package enum ReadError: Error, Equatable, Sendable {
    /// Neither a zip archive nor an OLE compound file: not a Word file at all (perhaps a web page
    /// or text saved under a `.docx`/`.doc` name).
    case notAZip
    /// An OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`): a Word 97–2003 `.doc`, a WPS `.wps`, or a
    /// `.docx` protected with a password (Word encrypts it into such a file). Save it as an
    /// unprotected `.docx`.
    case compoundFile
    /// An OpenDocument text (`.odt`, as LibreOffice and WPS save it). Save it as `.docx`.
    case openDocumentText
    /// A zip archive without a Word main document: another Office file (a workbook, a
    /// presentation) or another archive.
    case noDocumentPart
    /// A zip archive this reader does not take apart: zip64, split, encrypted entries, or a
    /// packing method other than stored and deflate.
    case unsupportedArchive(ZipArchive.ReadError)
    /// A damaged archive: cut short, a corrupt deflate stream, a wrong checksum.
    case damagedArchive(ZipArchive.ReadError)
    /// `document.xml` is not well-formed XML; the byte offset where it goes wrong.
    case malformedDocument(offset: Int)
    /// `document.xml` would unpack to more than ``ZipArchive/sizeLimit`` (a zip bomb).
    case tooLarge(size: Int)
  }

  package init(archive bytes: [UInt8]) throws(ReadError) {
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
    let archive: ZipArchive
    do throws(ZipArchive.ReadError) {
      archive = try ZipArchive(bytes)
    } catch {
      throw Self.readError(error, zipSignature: bytes.starts(with: [0x50, 0x4B]))
    }
    if let mimetype = archive.entry(named: "mimetype"),
      let contents = try? archive.contents(of: mimetype),
      contents.starts(with: "application/vnd.oasis.opendocument.text".utf8)
    {
      throw .openDocumentText
    }
    let path = Self.mainDocumentPath(in: archive)
    guard let entry = archive.entry(named: path) else { throw .noDocumentPart }
    let xml: [UInt8]
    do throws(ZipArchive.ReadError) {
      xml = try archive.contents(of: entry)
    } catch {
      throw Self.readError(error, zipSignature: true)
    }
    do throws(WordBodyParser.Failure) {
      let (blocks, prefix) = try WordBodyParser.parse(xml)
      rendered = WordRenderer.render(blocks, xml: xml, wordPrefix: prefix)
    } catch .notAWordDocument {
      throw .noDocumentPart
    } catch .malformed(let offset) {
      throw .malformedDocument(offset: offset)
    } catch {
      throw .malformedDocument(offset: 0)
    }
    documentXML = xml
    documentPath = entry.name
    container = archive
    documentEntry = entry
  }

  /// The report of a main document part (one with fixes applied), rendered as from the archive;
  /// nil when it is not a readable Word body.
  package static func render(documentXML xml: [UInt8]) -> RenderedReport? {
    guard let (blocks, prefix) = try? WordBodyParser.parse(xml) else { return nil }
    return WordRenderer.render(blocks, xml: xml, wordPrefix: prefix)
  }

  /// The `.docx` with `newXML` as its main document part and every other part as it was.
  package func archive(replacingDocumentXML newXML: [UInt8]) -> [UInt8] {
    container.replacing(documentEntry, with: newXML)
  }

  /// The main part the package relationships name (`_rels/.rels`, type `…/officeDocument`), or
  /// `word/document.xml`.
  private static func mainDocumentPath(in archive: ZipArchive) -> String {
    let fallback = "word/document.xml"
    guard let relationships = archive.entry(named: "_rels/.rels"),
      let xml = try? archive.contents(of: relationships)
    else { return fallback }
    var tokenizer = XMLTokenizer(xml)
    while let token = try? tokenizer.next() {
      guard token.kind == .startTag || token.kind == .emptyTag,
        let type = tokenizer.attribute("Type".utf8, of: token),
        XMLText.decoded(type, in: xml).reversed().starts(with: "/officeDocument".utf8.reversed()),
        let target = tokenizer.attribute("Target".utf8, of: token)
      else { continue }
      var path = String(decoding: XMLText.decoded(target, in: xml), as: UTF8.self)
      while path.hasPrefix("/") { path.removeFirst() }
      if archive.entry(named: path) != nil { return path }
    }
    return fallback
  }

  private static func readError(_ error: ZipArchive.ReadError, zipSignature: Bool) -> ReadError {
    switch error {
    case .notAZip: zipSignature ? .damagedArchive(error) : .notAZip
    case .zip64, .splitArchive, .encrypted, .unsupportedMethod: .unsupportedArchive(error)
    case .tooLarge(_, let size): .tooLarge(size: size)
    case .truncated, .corruptData, .checksumMismatch: .damagedArchive(error)
    }
  }
}
