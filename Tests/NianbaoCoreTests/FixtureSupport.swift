import Foundation
import NianbaoCore
import NianbaoTestSupport

/// The fixture reports under `Tests/Fixtures`.
enum Fixtures {
  static let samplesDirectory = TestPaths.samples

  static var samplesAvailable: Bool {
    let available = FileManager.default.fileExists(atPath: samplesDirectory.path)
    if !available {
      print("⚠️  SKIPPED: the published sample reports are not at \(samplesDirectory.path); their tests did not run.")
    }
    return available
  }

  static func text(_ name: String) -> String { TestPaths.fixtureText(name) }

  static func text(at url: URL) -> String { TestPaths.text(at: url) }

  static var all: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
  }
}

extension Diagnostic {
  /// `NB201:50:39`: code, 1-based line, 1-based column in characters (as `--check` prints).
  func summary(in source: SourceText) -> String {
    let start = source.lines.position(ofUTF8Offset: range.lowerBound, in: .utf32)
    return "\(code):\(start.line + 1):\(start.column + 1)"
  }
}
