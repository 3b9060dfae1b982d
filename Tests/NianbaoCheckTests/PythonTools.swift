import Foundation
import NianbaoTestSupport

/// Python 3 with the PyPI packages a test needs (`jsonschema`, `xmlschema`). `.ci/run` installs
/// them into its venv and sets `NIANBAO_PYTHON`; elsewhere the tests that need them are skipped,
/// and say so. With `NIANBAO_REQUIRE_TOOLS=1` a missing one fails instead.
enum PythonTools {
  static let required = ProcessInfo.processInfo.environment["NIANBAO_REQUIRE_TOOLS"] == "1"

  /// A python3 that can import every module named, or nil.
  static func python(importing modules: [String]) -> String? {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["NIANBAO_PYTHON"] { candidates.append(path) }
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      candidates.append("\(directory)/python3")
    }
    return candidates.first { path in
      guard FileManager.default.isExecutableFile(atPath: path) else { return false }
      let statement = modules.isEmpty ? "pass" : "import " + modules.joined(separator: ", ")
      return (try? run(path, ["-c", statement]).status) == 0
    }
  }

  static func available(importing modules: [String]) -> Bool {
    if python(importing: modules) != nil || required { return true }
    print(
      "⚠️  SKIPPED: python3 with \(modules.joined(separator: ", ")) is not installed (set NIANBAO_PYTHON, or pip install \(modules.joined(separator: " "))); its test did not run."
    )
    return false
  }

  /// Runs a program, standard error merged into standard output.
  static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Program.Result {
    try Program.run(executable, arguments, in: directory, mergingStandardError: true)
  }
}
