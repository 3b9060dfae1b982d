import Foundation

/// A program some tests run to check nianbao's files with someone else's reader: `pdftotext`,
/// LibreOffice, Python. `.ci/run` installs each and names it in its environment variable;
/// elsewhere it is looked for on `PATH`. When one is missing its tests are skipped, and say so;
/// with `NIANBAO_REQUIRE_TOOLS=1` (as `.ci/run` sets) they run and fail where they use it. (This
/// target is built with the package, where the Testing module is not there to record an issue.)
public struct ExternalTool: Sendable {
  public var name: String
  public var variable: String
  /// The Debian package that installs it.
  public var package: String
  public let executable: String?

  public static let pdftotext = ExternalTool(
    name: "pdftotext",
    variable: "NIANBAO_PDFTOTEXT",
    candidates: ["pdftotext"],
    package: "poppler-utils"
  )
  public static let soffice = ExternalTool(
    name: "soffice",
    variable: "NIANBAO_SOFFICE",
    candidates: ["soffice", "libreoffice"],
    package: "libreoffice-writer-nogui"
  )
  public static let python = ExternalTool(
    name: "python3",
    variable: "NIANBAO_PYTHON",
    candidates: ["python3"],
    package: "python3"
  )

  public init(name: String, variable: String, candidates: [String], package: String) {
    self.name = name
    self.variable = variable
    self.package = package
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
    executable = nil
  }

  /// Whether the test can go on. When the tool is missing: a loud notice that the test was
  /// skipped, or, when tools are required, that it will fail.
  public var available: Bool {
    if executable != nil { return true }
    if ProcessInfo.processInfo.environment["NIANBAO_REQUIRE_TOOLS"] == "1" {
      print("❌ \(name) is required (NIANBAO_REQUIRE_TOOLS=1) but not installed: apt-get install \(package)")
      return true
    }
    print("⚠️  SKIPPED: \(name) is not installed (\(package); or set \(variable)); a test that needs it did not run.")
    return false
  }

  /// Runs the tool to its end: its exit status and standard output (standard error dropped).
  public func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
    guard let executable else { throw Program.Failure("\(name) is not installed") }
    let result = try Program.run(executable, arguments, in: directory)
    return (result.status, result.stdout)
  }
}
