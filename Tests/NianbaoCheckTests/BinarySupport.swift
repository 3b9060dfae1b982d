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
