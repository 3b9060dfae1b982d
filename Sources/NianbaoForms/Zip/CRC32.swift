/// CRC-32 as zip and gzip use it (ISO 3309, polynomial 0xEDB88320 reflected), eight bytes a step
/// ("slicing by 8"): a zip entry's checksum over a megabyte takes well under a millisecond.
package enum CRC32 {
  /// The checksum of `bytes`, continuing from `crc` (the checksum of the bytes before them).
  package static func checksum(_ bytes: some Collection<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
    if let result = bytes.withContiguousStorageIfAvailable({ checksum($0, continuing: crc) }) { return result }
    return Array(bytes).withUnsafeBufferPointer { checksum($0, continuing: crc) }
  }

  private static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32) -> UInt32 {
    var value = ~crc
    var index = 0
    let count = bytes.count
    table.withUnsafeBufferPointer { table in
      while count - index >= 8 {
        let low =
          value
          ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
        value =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int(low >> 8 & 0xFF)]
          ^ table[5 * 256 + Int(low >> 16 & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(bytes[index + 4])] ^ table[2 * 256 + Int(bytes[index + 5])]
          ^ table[1 * 256 + Int(bytes[index + 6])] ^ table[Int(bytes[index + 7])]
        index += 8
      }
      while index < count {
        value = table[Int((value ^ UInt32(bytes[index])) & 0xFF)] ^ (value >> 8)
        index += 1
      }
    }
    return ~value
  }

  /// Eight tables of 256: the first is the classic byte-at-a-time table, table k the CRC of a
  /// byte followed by k zero bytes.
  private static let table: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var value = UInt32(byte)
      for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
      table[byte] = value
    }
    for slice in 1..<8 {
      for byte in 0..<256 {
        let previous = table[(slice - 1) * 256 + byte]
        table[slice * 256 + byte] = table[Int(previous & 0xFF)] ^ (previous >> 8)
      }
    }
    return table
  }()
}
