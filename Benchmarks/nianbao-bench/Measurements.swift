import Foundation

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Times in milliseconds, for medians and percentiles.
struct Samples {
  private(set) var milliseconds: [Double] = []

  mutating func add(since start: UInt64) { milliseconds.append(Double(now() - start) / 1e6) }

  func percentile(_ p: Int) -> Double {
    let sorted = milliseconds.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, sorted.count * p / 100)]
  }

  var median: Double { percentile(50) }
  var p99: Double { percentile(99) }

  var summary: String { String(format: "p50 %.2f ms, p99 %.2f ms", median, p99) }
}

/// Runs a program to its end with its output discarded; the wall time in seconds. Spawned and
/// waited for directly: Foundation's `Process` on Linux notices the end of a child late (tens of
/// milliseconds), which would swamp the figures of short runs.
@discardableResult
func runProgram(_ path: String, _ arguments: [String]) throws -> Double {
  try runProgramMeasured(path, arguments).seconds
}

/// Runs a program to its end with its output discarded: the wall time in seconds and the
/// program's own peak resident memory in MB (Linux reports kilobytes).
func runProgramMeasured(_ path: String, _ arguments: [String]) throws -> (seconds: Double, peakMegabytes: Double) {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = ([path] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid: pid_t = 0
  let start = now()
  let status = posix_spawn(&pid, path, &actions, nil, argv, environ)
  guard status == 0 else {
    throw NSError(
      domain: "nianbao-bench",
      code: Int(status),
      userInfo: [NSLocalizedDescriptionKey: "cannot run \(path)"]
    )
  }
  var exitStatus: Int32 = 0
  var usage = rusage()
  while wait4(pid, &exitStatus, 0, &usage) < 0 && errno == EINTR {}
  return (Double(now() - start) / 1e9, Double(usage.ru_maxrss) / 1024)
}

/// A program on `PATH`, or where an environment variable says.
func locate(_ name: String, environment variable: String) -> String? {
  if let path = ProcessInfo.processInfo.environment[variable], FileManager.default.isExecutableFile(atPath: path) {
    return path
  }
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for directory in path.split(separator: ":") {
    let candidate = "\(directory)/\(name)"
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}

/// The machine, as the figures should be read against it.
func machineDescription() -> String {
  let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
  let model =
    cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }.map {
      $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    } ?? "unknown CPU"
  let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").first ?? "?"
  return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(model), load average \(load) at the start"
}

func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1e6 }
