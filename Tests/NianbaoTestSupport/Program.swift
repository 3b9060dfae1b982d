import Foundation

/// Runs a program to its end, as a user or a CI job would: the built `nianbao`, Python, Chromium,
/// Neovim, git. Every test that starts a program and waits for it goes through here.
public enum Program {
  public struct Result: Sendable {
    public var status: Int32
    /// Standard output as bytes, for programs that write something other than UTF-8.
    public var stdoutData: Data
    public var stdout: String
    public var stderr: String
    /// Standard output and standard error, in the order written (when asked to merge them);
    /// otherwise standard output followed by standard error.
    public var output: String
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// Runs `executable` with `arguments` and waits for it to end. `stdin` is written to its
  /// standard input, which is then closed (nothing given: an empty input). With
  /// `mergingStandardError`, standard error goes into the same pipe as standard output.
  public static func run(
    _ executable: URL,
    _ arguments: [String],
    stdin: Data? = nil,
    in directory: URL? = nil,
    environment: [String: String]? = nil,
    mergingStandardError: Bool = false
  ) throws -> Result {
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      throw Failure("no program at \(executable.path)")
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = mergingStandardError ? output : errors
    process.standardInput = input
    // Awaited by its exit: `waitUntilExit` looks every 50 ms, which a thousand runs add up.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()  // written by one background read, read after wait()
    if !mergingStandardError {
      group.enter()
      DispatchQueue.global().async {
        errorData = errors.fileHandleForReading.readDataToEndOfFile()
        group.leave()
      }
    }
    // Written from another thread, so that a program that answers before it has read all of
    // its input cannot block on a full output pipe while we block on a full input pipe.
    group.enter()
    DispatchQueue.global().async {
      if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
      try? input.fileHandleForWriting.close()
      group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    exited.wait()
    let stdout = String(decoding: outputData, as: UTF8.self)
    let stderr = String(decoding: errorData, as: UTF8.self)
    return Result(
      status: process.terminationStatus,
      stdoutData: outputData,
      stdout: stdout,
      stderr: stderr,
      output: stdout + stderr
    )
  }

  /// Runs a program found by its path.
  public static func run(
    _ path: String,
    _ arguments: [String],
    stdin: Data? = nil,
    in directory: URL? = nil,
    environment: [String: String]? = nil,
    mergingStandardError: Bool = false
  ) throws -> Result {
    try run(
      URL(fileURLWithPath: path),
      arguments,
      stdin: stdin,
      in: directory,
      environment: environment,
      mergingStandardError: mergingStandardError
    )
  }

  /// Runs the built `nianbao`.
  public static func nianbao(
    _ arguments: [String],
    stdin: Data? = nil,
    in directory: URL? = nil,
    environment: [String: String]? = nil
  ) throws -> Result {
    guard FileManager.default.isExecutableFile(atPath: TestPaths.binary.path) else {
      throw Failure("no nianbao binary at \(TestPaths.binary.path); run `swift build` first")
    }
    return try run(TestPaths.binary, arguments, stdin: stdin, in: directory, environment: environment)
  }
}
