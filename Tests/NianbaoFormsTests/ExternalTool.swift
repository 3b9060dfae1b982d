import Foundation
import NianbaoTestSupport

/// A program some tests run to check our files with someone else's reader: LibreOffice
/// (`soffice`, which `.ci/run` installs and names in `NIANBAO_SOFFICE`) and Python's `zipfile`
/// (`NIANBAO_PYTHON`). Where one is missing its tests are skipped, and say so; with
/// `NIANBAO_REQUIRE_TOOLS=1` a missing tool fails them instead.
struct ExternalTool {
  var name: String
  var executable: String?

  static let soffice = ExternalTool(
    name: "soffice",
    variable: "NIANBAO_SOFFICE",
    candidates: ["soffice", "libreoffice"]
  )
  static let python = ExternalTool(name: "python3", variable: "NIANBAO_PYTHON", candidates: ["python3"])

  init(name: String, variable: String, candidates: [String]) {
    self.name = name
    let environment = ProcessInfo.processInfo.environment
    if let path = environment[variable], FileManager.default.isExecutableFile(atPath: path) {
      executable = path
      return
    }
    for directory in (environment["PATH"] ?? "").split(separator: ":") {
      for candidate in candidates where FileManager.default.isExecutableFile(atPath: "\(directory)/\(candidate)") {
        executable = "\(directory)/\(candidate)"
        return
      }
    }
  }

  /// Whether the test can run; false (after a loud notice) when the tool is missing and not
  /// required.
  var available: Bool {
    if executable != nil || ProcessInfo.processInfo.environment["NIANBAO_REQUIRE_TOOLS"] == "1" { return true }
    print("⚠️  SKIPPED: \(name) is not installed; the files nianbao writes were not opened with it.")
    return false
  }

  /// Runs the tool; its exit status and standard output.
  func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    guard let executable else {
      throw NSError(
        domain: "nianbao-tests",
        code: 1,
        userInfo: [NSLocalizedDescriptionKey: "NIANBAO_REQUIRE_TOOLS=1 but \(name) was not found"]
      )
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// `zipfile.testzip()` and the names and contents of every entry, as Python reads `file`.
  static func pythonReadsZip(_ file: URL) throws -> (status: Int32, output: String) {
    try python.run([
      "-c",
      """
      import sys, zipfile, zlib
      z = zipfile.ZipFile(sys.argv[1])
      assert z.testzip() is None
      for i in z.infolist():
          print(i.filename, i.compress_type, zlib.crc32(z.read(i)), i.comment.decode(), i.date_time)
      print(z.comment.decode())
      """,
      file.path,
    ])
  }

  /// The text LibreOffice reads from a document (`--convert-to txt`).
  static func sofficeText(of document: URL) throws -> String? {
    let directory = document.deletingLastPathComponent()
    let profile = directory.appendingPathComponent("profile")
    let result = try soffice.run([
      "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
      "--outdir", directory.path, document.path,
    ])
    guard result.status == 0 else { return nil }
    let text = directory.appendingPathComponent(document.deletingPathExtension().lastPathComponent + ".txt")
    return try? String(contentsOf: text, encoding: .utf8)
  }
}
