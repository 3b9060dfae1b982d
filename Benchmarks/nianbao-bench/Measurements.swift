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
  // A spawned child shares this process's memory until it runs its program, and Linux carries
  // that memory's high-water mark into the child's `ru_maxrss`: the bench's own size would be
  // the floor of every figure. The program's own high-water mark (`VmHWM`) is read instead,
  // every millisecond until it exits.
  var peakKilobytes = 0
  var info = siginfo_t()
  while true {
    if let hwm = highWaterKilobytes(pid) { peakKilobytes = max(peakKilobytes, hwm) }
    info = siginfo_t()
    let ready = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
    if ready < 0 && errno != EINTR { break }
    if ready == 0 && exitedChild(info) == pid { break }
    usleep(1000)
  }
  var exitStatus: Int32 = 0
  var usage = rusage()
  while wait4(pid, &exitStatus, 0, &usage) < 0 && errno == EINTR {}
  let kilobytes = peakKilobytes > 0 ? peakKilobytes : usage.ru_maxrss
  return (Double(now() - start) / 1e9, Double(kilobytes) / 1024)
}

/// The process a `waitid` with `WNOHANG` found exited, or 0 when none has.
private func exitedChild(_ info: siginfo_t) -> pid_t {
  #if os(Linux)
  return info._sifields._sigchld.si_pid
  #else
  return info.si_pid
  #endif
}

/// `VmHWM` of a running process in kilobytes, from `/proc` (nil where there is none).
private func highWaterKilobytes(_ pid: pid_t) -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
  }
  return nil
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
