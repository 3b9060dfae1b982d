import NianbaoForms
import NianbaoTestSupport
import Testing

@Suite struct InflateTests {
  /// Streams Python's zlib wrote from a real report (Documents/make_deflate.py).
  @Test(arguments: ["report.dynamic.deflate", "report.fixed.deflate", "report.stored.deflate", "report.blocks.deflate"])
  func decodesWhatZlibWrote(_ name: String) throws {
    let output = try Inflate.decompress(FormsTestFiles.bytes(name))
    #expect(output == FormsTestFiles.deflatedReport)
  }

  @Test func decodesAnEmptyStream() throws {
    #expect(FormsTestFiles.bytes("empty.deflate") == [0x03, 0x00])
    #expect(try Inflate.decompress(FormsTestFiles.bytes("empty.deflate")) == [])
  }

  @Test func readsItsOwnEncoding() throws {
    let report = FormsTestFiles.deflatedReport
    let inputs: [[UInt8]] = [
      [], [65], report, Array(repeating: 0x30, count: 100_000),
      (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) },
    ]
    for input in inputs {
      let packed = Deflate.compress(input)
      #expect(try Inflate.decompress(packed) == input)
    }
    // As small as zlib's own stream with the fixed codes, within a tenth.
    #expect(Deflate.compress(report).count < FormsTestFiles.bytes("report.fixed.deflate").count * 11 / 10)
  }

  @Test func refusesOutputBeyondTheLimit() {
    // A megabyte of zeros packs into a few kilobytes: a small zip bomb.
    let bomb = Deflate.compress(Array(repeating: 0, count: 1 << 20))
    #expect(bomb.count < 8192)
    #expect(throws: Inflate.Error.tooLarge(limit: 1000)) { try Inflate.decompress(bomb, limit: 1000) }
  }

  @Test func refusesCorruptStreams() {
    let dynamic = FormsTestFiles.bytes("report.dynamic.deflate")
    // Cut short: every prefix is an error, never a crash or a hang.
    for length in stride(from: 0, to: dynamic.count, by: 7) {
      #expect(throws: Inflate.Error.self) { try Inflate.decompress(Array(dynamic[0..<length])) }
    }
    #expect(throws: Inflate.Error.invalidBlockType) { try Inflate.decompress([0x07]) }
    // A stored block whose length's complement is wrong.
    #expect(throws: Inflate.Error.storedLengthMismatch) { try Inflate.decompress([0x01, 0x05, 0x00, 0x00, 0x00]) }
    // A fixed block whose first symbol copies from before the start.
    #expect(throws: Inflate.Error.distanceTooFar) { try Inflate.decompress([0x03, 0x02, 0x00]) }
  }

  @Test func survivesDamagedStreams() {
    // Bytes flipped all over real streams: errors or some output, never a crash or a hang.
    var generator = SplitMix(seed: 1951)
    for name in ["report.dynamic.deflate", "report.fixed.deflate", "report.stored.deflate"] {
      let original = FormsTestFiles.bytes(name)
      for _ in 0..<200 {
        var damaged = original
        for _ in 0..<1 + Int(generator.next() % 4) {
          let index = Int(generator.next() % UInt64(damaged.count))
          damaged[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
        }
        _ = try? Inflate.decompress(damaged, limit: 1 << 20)
      }
    }
    for length in [1, 2, 10, 1000, 100_000] {
      let random = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      _ = try? Inflate.decompress(random, limit: 1 << 20)
    }
  }

  @Test func checksumsMatchZlib() {
    // zlib.crc32 of the same bytes.
    #expect(CRC32.checksum([UInt8]()) == 0)
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    let report = FormsTestFiles.deflatedReport
    #expect(CRC32.checksum(report) == 0xA4C5_5E60)
    #expect(CRC32.checksum(report) == CRC32.checksum(report[100...], continuing: CRC32.checksum(report[..<100])))
  }
}
