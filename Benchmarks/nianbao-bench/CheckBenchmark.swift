import Foundation

/// `nianbao --check` end to end, beside `wc -m` on the same files and ruff on as many bytes of
/// Python: a folder of generated reports, one file, and the peak memory of 5,000 reports.
struct CheckBenchmark {
  var nianbao: String
  var ruff: String?
  var typical: String
  var folderReports = 3000
  var memoryReports = 5000

  func run() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }

    // Peak memory of a walk of many reports, real ones first, in the text and JSON outputs.
    let manyReal = scratch.appendingPathComponent("memory-real").path
    try writeRealCorpus(to: manyReal, count: memoryReports)
    let manyGenerated = scratch.appendingPathComponent("memory").path
    try writeCorpus(to: manyGenerated, count: memoryReports, quiet: true)
    for (folder, what) in [(manyReal, "real reports"), (manyGenerated, "generated reports")] {
      let text = try runProgramMeasured(nianbao, ["--check", folder]).peakMegabytes
      let json = try runProgramMeasured(nianbao, ["--check", folder, "--format", "json"]).peakMegabytes
      print(
        String(
          format: "--check of %d %@: %.0f MB peak resident memory, %.0f MB with --format json (goal ≤ 100 MB)",
          memoryReports,
          what,
          text,
          json
        )
      )
    }
    try? FileManager.default.removeItem(atPath: manyReal)
    try? FileManager.default.removeItem(atPath: manyGenerated)

    // Real reports first, then generated ones; each beside `wc -m` and ruff on as many bytes.
    let real = scratch.appendingPathComponent("real").path
    try writeRealCorpus(to: real, count: folderReports)
    try folder(real, "real reports (Tests/RealReports and the samples, copied under other agency names)", scratch)
    let generated = scratch.appendingPathComponent("reports").path
    try writeCorpus(to: generated, count: folderReports, quiet: true)
    try folder(generated, "generated reports", scratch)

    if let (name, text) = realReports().min(by: { abs($0.text.utf8.count - 8_000) < abs($1.text.utf8.count - 8_000) }) {
      let file = scratch.appendingPathComponent("one-real/\(name)")
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
      let samples = try wholeProcess(file)
      print(
        "one real report (\(name), \(text.utf8.count / 1024) KB), whole process: median "
          + String(format: "%.1f ms (goal ≤ 10 ms)", samples.median)
      )
    }

    let single = scratch.appendingPathComponent("one/2025年度报告.txt")
    try FileManager.default.createDirectory(at: single.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(typical.utf8).write(to: single)
    let one = try wholeProcess(single)
    print(
      String(
        format: "one file (%d KB), whole process: median %.1f ms (goal ≤ 10 ms)",
        typical.utf8.count / 1024,
        one.median
      )
    )

    guard let ruff else { return }
    let python = scratch.appendingPathComponent("python-one").path
    _ = try writePythonCorpus(to: python, bytes: typical.utf8.count * 100)
    if let file = pythonFile(near: typical.utf8.count, in: python) {
      var ruffOne = Samples()
      for _ in 0..<30 {
        let start = now()
        try runProgram(ruff, Self.ruffArguments + [file])
        ruffOne.add(since: start)
      }
      print(String(format: "  ruff on one file, whole process: median %.1f ms", ruffOne.median))
    }
  }

  private static let ruffArguments = [
    "check", "--isolated", "--no-cache", "--select", "E,F,W", "--exit-zero", "--quiet",
  ]

  /// `nianbao --check` on a folder, beside `wc -m` on the same files and ruff on as many bytes of
  /// Python, in the same minute.
  private func folder(_ folder: String, _ what: String, _ scratch: URL) throws {
    let bytes = folderBytes(folder)
    let count =
      FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter {
        $0.hasSuffix(".txt") || $0.hasSuffix(".md")
      }.count ?? 0
    let seconds = try best(of: 3) { try runProgram(nianbao, ["--check", folder]) }
    let rate = megabytes(bytes) / seconds
    print(
      "--check on \(count) \(what)"
        + String(
          format: " (%.1f MB), 2 cores: %.2f s — %.1f MB/s, %.0f reports/s (goal ≥ 60 MB/s)",
          megabytes(bytes),
          seconds,
          rate,
          Double(count) / seconds
        )
    )
    let wc = try best(of: 3) {
      try runProgram("/bin/sh", ["-c", "export LC_ALL=C.UTF-8; find '\(folder)' -type f -print0 | xargs -0 wc -m"])
    }
    print(String(format: "  wc -m on the same files: %.2f s — %.1f MB/s", wc, megabytes(bytes) / wc))
    guard let ruff else {
      print("  ruff: not found (put it on PATH or set NIANBAO_RUFF) — no reference figures")
      return
    }
    let python = scratch.appendingPathComponent("python-\(bytes)").path
    defer { try? FileManager.default.removeItem(atPath: python) }
    let pythonBytes = try writePythonCorpus(to: python, bytes: bytes)
    let ruffSeconds = try best(of: 3) { try runProgram(ruff, Self.ruffArguments + [python]) }
    let ruffRate = megabytes(pythonBytes) / ruffSeconds
    print(
      String(
        format: "  ruff check (E,F,W) on %.1f MB of Python: %.2f s — %.1f MB/s; nianbao ÷ ruff: %.2f (goal ≥ 1)",
        megabytes(pythonBytes),
        ruffSeconds,
        ruffRate,
        rate / ruffRate
      )
    )
  }

  /// `nianbao --check` on one file as a whole process, 30 times.
  private func wholeProcess(_ file: URL) throws -> Samples {
    var samples = Samples()
    for _ in 0..<30 {
      let start = now()
      try runProgram(nianbao, ["--check", file.path])
      samples.add(since: start)
    }
    return samples
  }

  private func best(of runs: Int, _ body: () throws -> Double) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try body()) }
    return times.min()!
  }

  private func folderBytes(_ folder: String) -> Int {
    let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    return files.reduce(0) { total, name in
      let size = (try? FileManager.default.attributesOfItem(atPath: "\(folder)/\(name)")[.size] as? Int) ?? 0
      return total + size
    }
  }

  /// Python's own standard library, copied until it weighs as much as the reports.
  private func writePythonCorpus(to folder: String, bytes wanted: Int) throws -> Int {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let roots = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? []).filter {
      $0.hasPrefix("python3")
    }.sorted().map { "/usr/lib/\($0)" }
    var sources: [String] = []
    for root in roots {
      for case let name as String in FileManager.default.enumerator(atPath: root) ?? NSEnumerator()
      where name.hasSuffix(".py") && !name.contains("test") && !name.contains("site-packages") {
        sources.append("\(root)/\(name)")
      }
    }
    guard !sources.isEmpty else { return 0 }
    var written = 0
    var index = 0
    while written < wanted, index < 100 * sources.count {
      defer { index += 1 }
      guard let data = FileManager.default.contents(atPath: sources[index % sources.count]) else { continue }
      try data.write(to: URL(fileURLWithPath: "\(folder)/module\(index).py"))
      written += data.count
    }
    return written
  }

  private func pythonFile(near size: Int, in folder: String) -> String? {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return files.map { "\(folder)/\($0)" }.min { a, b in
      let sa = (try? FileManager.default.attributesOfItem(atPath: a)[.size] as? Int) ?? 0
      let sb = (try? FileManager.default.attributesOfItem(atPath: b)[.size] as? Int) ?? 0
      return abs(sa - size) < abs(sb - size)
    }
  }
}
