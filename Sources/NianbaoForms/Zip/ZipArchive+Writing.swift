extension ZipArchive {
  /// The archive with `entry` holding `contents` instead: the new contents deflated (or stored,
  /// when deflate does not make them smaller) under the entry's own local header with its sizes
  /// and CRC-32 put right; every other byte before the central directory copied as it is (the
  /// other entries' headers, data and data descriptors, in their order); the central directory
  /// copied record by record with the moved offsets and the replaced entry's fields put right;
  /// the end record and the archive comment kept.
  ///
  /// `entry` is one of ``entries`` whose ``contents(of:)`` was read, so its local header is sound.
  package func replacing(_ entry: Entry, with contents: [UInt8]) -> [UInt8] {
    let reader = ByteReader(bytes: bytes)
    let oldStart = entry.localHeaderOffset
    let nameAndExtra = Int(reader.u16(oldStart + 26)) + Int(reader.u16(oldStart + 28))
    // The entry's old span runs to the next local header (its data descriptor included).
    let oldEnd =
      entries.lazy.map(\.localHeaderOffset).filter { $0 > oldStart }.min() ?? centralDirectory.lowerBound

    let deflated = Deflate.compress(contents)
    let (method, data): (UInt16, [UInt8]) = deflated.count < contents.count ? (8, deflated) : (0, contents)
    let crc = CRC32.checksum(contents)
    let oldVersion = reader.u16(oldStart + 4)
    let version = method == 8 ? max(oldVersion, 20) : oldVersion
    let flags = reader.u16(oldStart + 6) & ~0x0008

    var local = Array(bytes[oldStart..<oldStart + 30 + nameAndExtra])
    local.put16(version, at: 4)
    local.put16(flags, at: 6)
    local.put16(method, at: 8)
    local.put32(crc, at: 14)
    local.put32(UInt32(data.count), at: 18)
    local.put32(UInt32(contents.count), at: 22)
    let delta = local.count + data.count - (oldEnd - oldStart)

    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + max(delta, 0))
    output.append(contentsOf: bytes[0..<oldStart])
    output.append(contentsOf: local)
    output.append(contentsOf: data)
    output.append(contentsOf: bytes[oldEnd..<centralDirectory.lowerBound])

    let directoryStart = output.count
    var recordsEnd = centralDirectory.lowerBound
    for other in entries {
      var record = Array(bytes[other.record])
      if other.localHeaderOffset > oldStart { record.put32(UInt32(other.localHeaderOffset + delta), at: 42) }
      if other.record == entry.record {
        record.put16(max(reader.u16(other.record.lowerBound + 6), version), at: 6)
        record.put16(reader.u16(other.record.lowerBound + 8) & ~0x0008, at: 8)
        record.put16(method, at: 10)
        record.put32(crc, at: 16)
        record.put32(UInt32(data.count), at: 20)
        record.put32(UInt32(contents.count), at: 24)
      }
      output.append(contentsOf: record)
      recordsEnd = other.record.upperBound
    }
    // Anything between the last record and the end record (a signature record), then the end
    // record with the directory's new size and place, and the comment.
    output.append(contentsOf: bytes[recordsEnd..<centralDirectory.upperBound])
    let directorySize = output.count - directoryStart
    var end = Array(bytes[centralDirectory.upperBound...])
    end.put32(UInt32(directorySize), at: 12)
    end.put32(UInt32(directoryStart), at: 16)
    output.append(contentsOf: end)
    return output
  }
}

extension [UInt8] {
  fileprivate mutating func put16(_ value: UInt16, at offset: Int) {
    self[offset] = UInt8(truncatingIfNeeded: value)
    self[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
  }

  fileprivate mutating func put32(_ value: UInt32, at offset: Int) {
    for index in 0..<4 { self[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
  }
}
