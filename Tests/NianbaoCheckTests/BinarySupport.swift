import Foundation
import NianbaoTestSupport
import Testing

/// Runs the built `nianbao` binary, as a user or a CI job does.
enum Binary {
  static let url = TestPaths.binary
  typealias Result = Program.Result

  static func run(
    _ arguments: [String],
    stdin: Data? = nil,
    in directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    try Program.nianbao(
      arguments,
      stdin: stdin,
      in: directory,
      environment: environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 }
    )
  }
}

enum Paths {
  static func fixture(_ name: String) -> String { TestPaths.fixtures.appendingPathComponent(name).path }

  static func temporaryDirectory() throws -> URL { try TestPaths.temporaryDirectory() }
}

/// A program some tests need (`pdftotext`, `soffice`): found through its environment variable or
/// on `PATH`. Elsewhere those tests are skipped and say so; with `NIANBAO_REQUIRE_TOOLS=1` (as
/// `.ci/run` sets) a missing program fails them instead.
enum ExternalTool {
  static func path(_ command: String, environment variable: String) -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment[variable], FileManager.default.isExecutableFile(atPath: path) { return path }
    for directory in (environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(directory)/\(command)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// Whether the test can go on; records a failure when the program is required and missing.
  static func available(_ command: String, environment variable: String, package: String) -> Bool {
    if path(command, environment: variable) != nil { return true }
    if ProcessInfo.processInfo.environment["NIANBAO_REQUIRE_TOOLS"] == "1" {
      Issue.record("\(command) is required (NIANBAO_REQUIRE_TOOLS=1) but not installed: apt-get install \(package)")
      return false
    }
    print("⚠️  SKIPPED: \(command) is not installed (\(package); or set \(variable)); a test that needs it did not run.")
    return false
  }
}
