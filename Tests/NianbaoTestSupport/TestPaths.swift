import Foundation

/// Where the tests find the repository, its fixtures and the built `nianbao` binary.
public enum TestPaths {
  public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  public static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

  /// The published reports beside the repository (CI has them at `../shared/samples`).
  public static let samples = repository.deletingLastPathComponent().appendingPathComponent("shared/samples")

  /// The `nianbao` binary built beside the test bundle.
  public static let binary: URL = {
    var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<3 {
      let candidate = directory.appendingPathComponent("nianbao")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return repository.appendingPathComponent(".build/debug/nianbao")
  }()

  /// A fixture's text as `--check` reads it: UTF-8, byte order mark removed.
  public static func fixtureText(_ name: String) -> String { text(at: fixtures.appendingPathComponent(name)) }

  public static func text(at url: URL) -> String {
    guard let data = try? Data(contentsOf: url) else { fatalError("missing test file \(url.path)") }
    var bytes = Array(data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A fresh temporary folder.
  public static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
