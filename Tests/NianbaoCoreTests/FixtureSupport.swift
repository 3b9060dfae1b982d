import Foundation
import NianbaoCore

/// The fixture reports under `Tests/Fixtures`.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The real published reports beside the repository, when they are there (CI has them).
  static let samplesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/samples")

  static var samplesAvailable: Bool {
    let available = FileManager.default.fileExists(atPath: samplesDirectory.path)
    if !available {
      print("⚠️  SKIPPED: the published sample reports are not at \(samplesDirectory.path); their tests did not run.")
    }
    return available
  }

  /// A fixture's text as `--check` reads it: UTF-8, byte order mark removed.
  static func text(_ name: String) -> String {
    text(at: directory.appendingPathComponent(name))
  }

  static func text(at url: URL) -> String {
    guard let data = try? Data(contentsOf: url) else { fatalError("missing fixture \(url.path)") }
    var bytes = Array(data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return String(decoding: bytes, as: UTF8.self)
  }

  static var all: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
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
