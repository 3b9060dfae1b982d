import Foundation
import NianbaoTestSupport
import Testing

/// Runs the built `nianbao` binary, as a user or a CI job does.
enum Binary {
  static let url = TestPaths.binary
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(
    _ arguments: [String],
    stdin: Data? = nil,
    in directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
      throw NSError(
        domain: "nianbao-tests",
        code: 1,
        userInfo: [NSLocalizedDescriptionKey: "no nianbao binary at \(url.path); run `swift build` first"]
      )
    }
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()  // written by one background read, read after wait()
    group.enter()
    DispatchQueue.global().async {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self)
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
