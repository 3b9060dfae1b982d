import Foundation
import NianbaoForms
import NianbaoTestSupport
import Testing

@Suite struct ZipArchiveTests {
  /// Written by Python's zipfile with data descriptors, an extra field, entry and archive comments
  /// and a stored entry (Documents/make_documents.py).
  private let python = FormsTestFiles.bytes("tracked-changes.docx")

  @Test func readsEntriesInOrder() throws {
    let archive = try ZipArchive(python)
    #expect(
      archive.entries.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/stored.txt"]
    )
    let stored = try #require(archive.entry(named: "docProps/stored.txt"))
    #expect(stored.method == 0)
    #expect(try archive.contents(of: stored) == Array("stored, not deflated".utf8))
    let document = try archive.contents(of: try #require(archive.entry(named: "word/document.xml")))
    #expect(document.starts(with: "<?xml".utf8))
    #expect(archive.entry(named: "WORD/Document.xml")?.name == "word/document.xml")
  }

  @Test func replacesOneEntryAndKeepsTheRest() throws {
    let archive = try ZipArchive(python)
    let document = try #require(archive.entry(named: "word/document.xml"))
    let newContents = Array(try archive.contents(of: document).dropLast(12)) + Array("</w:document>".utf8)
    let rewritten = archive.replacing(document, with: newContents)
    let reread = try ZipArchive(rewritten)
    #expect(reread.entries.map(\.name) == archive.entries.map(\.name))
    #expect(try reread.contents(of: try #require(reread.entry(named: "word/document.xml"))) == newContents)
    #expect(reread.entry(named: "word/document.xml")?.method == 8)
    for (old, new) in zip(archive.entries, reread.entries) where old.name != "word/document.xml" {
      #expect(try reread.contents(of: new) == archive.contents(of: old))
      // Header, data and data descriptor byte for byte.
      #expect(localRecord(old, in: python, of: archive) == localRecord(new, in: rewritten, of: reread))
    }
    // The archive comment and the end record's counts are kept.
    #expect(rewritten.suffix(30) == python.suffix(30))

    guard ExternalTool.python.available else { return }
    let directory = try TestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = directory.appendingPathComponent("before.zip")
    let after = directory.appendingPathComponent("after.zip")
    try Data(python).write(to: before)
    try Data(rewritten).write(to: after)
    let original = try ExternalTool.pythonReadsZip(before)
    let result = try ExternalTool.pythonReadsZip(after)
    #expect(result.status == 0)
    // Names, methods, comments, timestamps and the archive comment as Python reads them; only
    // the rewritten entry's checksum differs.
    let changed = "word/document.xml 8 \(CRC32.checksum(newContents))"
    let expected = original.output.split(separator: "\n").map {
      $0.hasPrefix("word/document.xml")
        ? changed + $0.drop { $0 != " " }.dropFirst().drop { $0 != " " }.dropFirst().drop { $0 != " " } : $0
    }
    #expect(result.output.split(separator: "\n").map(String.init) == expected.map(String.init))
  }

  @Test func storesWhatDeflateCannotShrink() throws {
    let archive = try ZipArchive(python)
    let entry = try #require(archive.entry(named: "docProps/stored.txt"))
    var generator = SplitMix(seed: 7)
    let noise = (0..<5000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let reread = try ZipArchive(archive.replacing(entry, with: noise))
    let replaced = try #require(reread.entry(named: "docProps/stored.txt"))
    #expect(replaced.method == 0)
    #expect(try reread.contents(of: replaced) == noise)
    #expect(try reread.contents(of: try #require(reread.entry(named: "word/document.xml"))).count > 1000)
  }

  @Test func refusesWhatIsNotAZip() {
    for bytes: [UInt8] in [
      [], Array("PK".utf8), Array("<html><body>年度报告</body></html>".utf8), Array(repeating: 0, count: 100),
    ] {
      #expect(throws: ZipArchive.ReadError.notAZip) { try ZipArchive(bytes) }
    }
  }

  @Test func namesWhatItDoesNotTakeApart() throws {
    let archive = try ZipArchive(python)
    let end = python.count - 22 - "年度报告 archive comment".utf8.count
    let document = try #require(archive.entry(named: "word/document.xml"))
    let record = try #require(centralRecord(of: document, in: python))

    var zip64 = python
    zip64[end + 10] = 0xFF
    zip64[end + 11] = 0xFF
    #expect(throws: ZipArchive.ReadError.zip64) { try ZipArchive(zip64) }

    var split = python
    split[end + 4] = 1
    #expect(throws: ZipArchive.ReadError.splitArchive) { try ZipArchive(split) }

    var bzip2 = python
    bzip2[record + 10] = 12
    #expect(throws: ZipArchive.ReadError.unsupportedMethod(entry: "word/document.xml", method: 12)) {
      let archive = try ZipArchive(bzip2)
      _ = try archive.contents(of: archive.entry(named: "word/document.xml")!)
    }

    var encrypted = python
    encrypted[record + 8] |= 1
    #expect(throws: ZipArchive.ReadError.encrypted(entry: "word/document.xml")) {
      let archive = try ZipArchive(encrypted)
      _ = try archive.contents(of: archive.entry(named: "word/document.xml")!)
    }

    // A declared size beyond the limit is refused before anything is unpacked.
    var bomb = python
    for offset in 24..<28 { bomb[record + offset] = 0xF0 }
    #expect(throws: ZipArchive.ReadError.tooLarge(entry: "word/document.xml", size: 0xF0F0_F0F0)) {
      let archive = try ZipArchive(bomb)
      _ = try archive.contents(of: archive.entry(named: "word/document.xml")!)
    }

    // An entry that unpacks to more than its declared size stops there.
    var understated = python
    understated[record + 24] = 10
    understated[record + 25] = 0
    #expect(throws: ZipArchive.ReadError.checksumMismatch(entry: "word/document.xml")) {
      let archive = try ZipArchive(understated)
      _ = try archive.contents(of: archive.entry(named: "word/document.xml")!)
    }

    var wrongChecksum = python
    wrongChecksum[record + 16] ^= 1
    #expect(throws: ZipArchive.ReadError.checksumMismatch(entry: "word/document.xml")) {
      let archive = try ZipArchive(wrongChecksum)
      _ = try archive.contents(of: archive.entry(named: "word/document.xml")!)
    }
  }

  @Test func survivesTruncatedAndDamagedArchives() {
    for length in stride(from: 0, to: python.count, by: 13) {
      readEverything(Array(python[0..<length]))
    }
    var generator = SplitMix(seed: 1989)
    for _ in 0..<500 {
      var damaged = python
      for _ in 0..<1 + Int(generator.next() % 3) {
        damaged[Int(generator.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: generator.next())
      }
      readEverything(damaged)
    }
  }

  /// Reads every entry of `bytes` as far as it goes; errors are fine, crashes and hangs are not.
  private func readEverything(_ bytes: [UInt8]) {
    guard let archive = try? ZipArchive(bytes) else { return }
    for entry in archive.entries { _ = try? archive.contents(of: entry) }
  }

  /// An entry's local header, data and data descriptor: up to the next local header.
  private func localRecord(_ entry: ZipArchive.Entry, in bytes: [UInt8], of archive: ZipArchive) -> ArraySlice<UInt8> {
    let start = localHeaderOffset(entry, in: bytes)
    let next =
      archive.entries.map { localHeaderOffset($0, in: bytes) }.filter { $0 > start }.min() ?? centralStart(bytes)
    return bytes[start..<next]
  }

  private func localHeaderOffset(_ entry: ZipArchive.Entry, in bytes: [UInt8]) -> Int {
    let record = centralRecord(of: entry, in: bytes)!
    return (42..<46).reversed().reduce(0) { $0 << 8 | Int(bytes[record + $1]) }
  }

  private func centralStart(_ bytes: [UInt8]) -> Int {
    var end = bytes.count - 22
    while !bytes[end..<end + 4].elementsEqual([0x50, 0x4B, 0x05, 0x06]) { end -= 1 }
    return (16..<20).reversed().reduce(0) { $0 << 8 | Int(bytes[end + $1]) }
  }

  /// The offset of the central directory record naming `entry`.
  private func centralRecord(of entry: ZipArchive.Entry, in bytes: [UInt8]) -> Int? {
    var position = centralStart(bytes)
    while bytes[position..<position + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
      let nameLength = Int(bytes[position + 28]) | Int(bytes[position + 29]) << 8
      let length =
        46 + nameLength + (Int(bytes[position + 30]) | Int(bytes[position + 31]) << 8)
        + (Int(bytes[position + 32]) | Int(bytes[position + 33]) << 8)
      if bytes[position + 46..<position + 46 + nameLength].elementsEqual(entry.name.utf8) { return position }
      position += length
    }
    return nil
  }
}
