import Foundation

/// How long the long hunts run: random editing sessions, generated reports, the server under
/// load. A plain `swift test` runs them at a size a newcomer can wait for; `.ci/run` sets
/// `NIANBAO_FULL_TESTS=1` and runs them at full size. A variable of their own
/// (`NIANBAO_PROPERTY_CASES`, `NIANBAO_STRESS_CHANGES` …) sets one count exactly, for a longer hunt.
public enum TestSize {
  public static let full = ProcessInfo.processInfo.environment["NIANBAO_FULL_TESTS"] == "1"

  /// The count `variable` asks for, else `full` in a full run, else `quick`.
  public static func count(_ variable: String, quick: Int, full: Int) -> Int {
    if let value = ProcessInfo.processInfo.environment[variable].flatMap({ Int($0) }) { return value }
    return Self.full ? full : quick
  }
}
