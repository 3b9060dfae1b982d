import Foundation
import NianbaoCore
import NianbaoJSON
import NianbaoLSP
import NianbaoTestSupport
import Testing

/// Every input the fuzzers of `Fuzz/` found a fault with, kept in `Fuzz/Regressions/HARNESS/`
/// and replayed here with the harness's own checks.
@Suite struct FuzzRegressionTests {
  static func inputs(_ harness: String) -> [String] {
    let folder = TestPaths.repository.appendingPathComponent("Fuzz/Regressions/\(harness)")
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
      .map { folder.appendingPathComponent($0).path }
  }

  static func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

  @Test func thereAreRegressions() {
    #expect(!Self.inputs("JSONRPCFraming").isEmpty)
  }

  @Test(arguments: inputs("JSONRPCFraming"))
  func framing(path: String) throws {
    let bytes = Self.bytes(path)
    var whole = MessageFramer()
    let events = whole.feed(bytes)
    for size in [1, 2, 3, 7, 64] {
      var framer = MessageFramer()
      var cut: [MessageFramer.Event] = []
      var start = 0
      while start < bytes.count {
        cut += framer.feed(bytes[start..<min(bytes.count, start + size)])
        start += size
      }
      #expect(cut == events, "pieces of \(size) bytes")
    }
    for case .message(let body) in events {
      _ = IncomingMessage.parse(body)
      if let value = try? JSONValue.parse(body) {
        #expect(try JSONValue.parse(value.serialized()) == value)
      }
    }
  }

  @Test(arguments: inputs("CheckDocument"))
  func document(path: String) {
    let (report, diagnostics) = Checker.check(String(decoding: Self.bytes(path), as: UTF8.self))
    for diagnostic in diagnostics {
      #expect(diagnostic.range.upperBound <= report.source.utf8.count)
      for fix in diagnostic.fixes { _ = fix.edits.applied(to: report.source) }
      _ = HoverFacts.fact(at: diagnostic.range.lowerBound, in: report)
    }
    _ = Checker.check(diagnostics.certainEdits().applied(to: report.source))
  }
}
