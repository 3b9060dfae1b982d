import Foundation
import NianbaoTestSupport

/// Runs the built `nianbao` binary, as a user or a CI job does.
enum Binary {
  static let url = TestPaths.binary
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Result {
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
