/// A zip archive (PKWARE APPNOTE), as Office documents are packed: its entries read from the
/// central directory, their contents unpacked (stored or deflated) and checked against their
/// CRC-32. Zip64, split archives and encryption are refused with an error that says so.
package struct ZipArchive: Sendable {
  /// The archive's bytes, as read.
  package let bytes: [UInt8]
  /// The entries in the order of the central directory.
  package let entries: [Entry]
  /// Where the central directory starts and where the end record starts.
  let centralDirectory: Range<Int>

  package enum ReadError: Error, Equatable, Sendable {
    /// No end of central directory record: not a zip archive at all.
    case notAZip
    /// The central directory or a local header lies outside the file or is not what it should be.
    case truncated
    /// A zip64 archive (over 4 GB or 65,535 entries): never a report.
    case zip64
    /// One part of an archive split over several files.
    case splitArchive
    /// An entry encrypted with a password.
    case encrypted(entry: String)
    /// An entry packed with a method other than stored (0) or deflate (8).
    case unsupportedMethod(entry: String, method: Int)
    /// An entry larger unpacked than the limit: refused before it is unpacked.
    case tooLarge(entry: String, size: Int)
    /// An entry's deflate stream is corrupt.
    case corruptData(entry: String, Inflate.Error)
    /// An entry unpacks to other bytes than its size or CRC-32 say.
    case checksumMismatch(entry: String)
  }

  /// One file of the archive, as its central directory record describes it.
  package struct Entry: Sendable, Equatable {
    package var name: String
    /// Where its central directory record is in ``ZipArchive/bytes``.
    var record: Range<Int>
    var flags: UInt16
    package var method: Int
    var crc: UInt32
    var compressedSize: Int
    package var size: Int
    var localHeaderOffset: Int
  }

  /// The largest entry unpacked: far more than any report, and a zip bomb stops here.
  package static let sizeLimit = Inflate.defaultLimit

  package init(_ bytes: [UInt8]) throws(ReadError) {
    self.bytes = bytes
    let end = try Self.endRecord(in: bytes)
    let reader = ByteReader(bytes: bytes)
    guard reader.u16(end + 4) == 0, reader.u16(end + 6) == 0 else { throw .splitArchive }
    let count = Int(reader.u16(end + 10))
    let size = Int(reader.u32(end + 12))
    let offset = Int(reader.u32(end + 16))
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF
      || (end >= 20 && reader.u32(end - 20) == 0x0706_4B50)
    {
      throw .zip64
    }
    guard offset <= end, size <= end - offset else { throw .truncated }
    centralDirectory = offset..<end
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    var position = offset
    for _ in 0..<count {
      guard position + 46 <= end, reader.u32(position) == 0x0201_4B50 else { throw .truncated }
      let nameLength = Int(reader.u16(position + 28))
      let extraLength = Int(reader.u16(position + 30))
      let commentLength = Int(reader.u16(position + 32))
      let recordEnd = position + 46 + nameLength + extraLength + commentLength
      guard recordEnd <= end else { throw .truncated }
      let entry = Entry(
        name: String(decoding: bytes[position + 46..<position + 46 + nameLength], as: UTF8.self),
        record: position..<recordEnd,
        flags: reader.u16(position + 8),
        method: Int(reader.u16(position + 10)),
        crc: reader.u32(position + 16),
        compressedSize: Int(reader.u32(position + 20)),
        size: Int(reader.u32(position + 24)),
        localHeaderOffset: Int(reader.u32(position + 42))
      )
      if entry.size == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
        throw .zip64
      }
      entries.append(entry)
      position = recordEnd
    }
    self.entries = entries
  }

  /// The entry named `name` (as the archive spells it; failing that, ignoring case and with `\`
  /// read as `/`, as some tools write).
  package func entry(named name: String) -> Entry? {
    if let entry = entries.first(where: { $0.name == name }) { return entry }
    let wanted = name.lowercased()
    return entries.first { $0.name.lowercased().replacing("\\", with: "/") == wanted }
  }

  /// The unpacked bytes of `entry`, checked against its size and CRC-32.
  package func contents(of entry: Entry) throws(ReadError) -> [UInt8] {
    if entry.flags & 1 != 0 || entry.method == 99 { throw .encrypted(entry: entry.name) }
    guard entry.method == 0 || entry.method == 8 else {
      throw .unsupportedMethod(entry: entry.name, method: entry.method)
    }
    guard entry.size <= Self.sizeLimit else { throw .tooLarge(entry: entry.name, size: entry.size) }
    let data = try dataRange(of: entry)
    let contents: [UInt8]
    if entry.method == 0 {
      contents = Array(bytes[data])
    } else {
      do throws(Inflate.Error) {
        // The declared size bounds the output: an entry that unpacks to more is corrupt.
        contents = try Inflate.decompress(Array(bytes[data]), expectedSize: entry.size, limit: entry.size)
      } catch .tooLarge {
        throw .checksumMismatch(entry: entry.name)
      } catch {
        throw .corruptData(entry: entry.name, error)
      }
    }
    guard contents.count == entry.size, CRC32.checksum(contents) == entry.crc else {
      throw .checksumMismatch(entry: entry.name)
    }
    return contents
  }

  /// Where `entry`'s packed data lies, after its local header.
  func dataRange(of entry: Entry) throws(ReadError) -> Range<Int> {
    let reader = ByteReader(bytes: bytes)
    let header = entry.localHeaderOffset
    guard header <= centralDirectory.lowerBound - 30, reader.u32(header) == 0x0403_4B50 else { throw .truncated }
    let start = header + 30 + Int(reader.u16(header + 26)) + Int(reader.u16(header + 28))
    guard start <= centralDirectory.lowerBound, entry.compressedSize <= centralDirectory.lowerBound - start else {
      throw .truncated
    }
    return start..<start + entry.compressedSize
  }

  /// The offset of the end of central directory record: searched from the end back over an
  /// archive comment of up to 65,535 bytes.
  private static func endRecord(in bytes: [UInt8]) throws(ReadError) -> Int {
    guard bytes.count >= 22 else { throw .notAZip }
    let reader = ByteReader(bytes: bytes)
    var position = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    while position >= lowest {
      if reader.u32(position) == 0x0605_4B50, position + 22 + Int(reader.u16(position + 20)) <= bytes.count {
        return position
      }
      position -= 1
    }
    throw .notAZip
  }
}

/// Little-endian integers at byte offsets (the caller has checked the offsets are inside).
struct ByteReader {
  let bytes: [UInt8]

  func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }

  func u32(_ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }
}
