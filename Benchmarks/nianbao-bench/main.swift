import Foundation
import NianbaoCore

/// Benchmarks for nianbao (not tests): `swift run -c release nianbao-bench` prints every figure
/// of the README's Speed section in one run, nianbao beside `wc -m` and ruff (when ruff is on
/// `PATH` or `NIANBAO_RUFF` names it).
///
/// - `all [NIANBAO]` (the default): `core`, `check NIANBAO` and `lsp NIANBAO`, where NIANBAO is
///   the binary to measure (default: the `nianbao` built beside this benchmark).
/// - `core`: checks one typical report many times, then a generated corpus, and prints the
///   median time per report, reports/s and MB/s.
/// - `check NIANBAO`: `nianbao --check` on a folder, on one file, and its peak memory.
/// - `lsp NIANBAO`: drives the language server over pipes (see LSPBenchmark.swift).
/// - `corpus DIR N`: writes N generated reports (a tenth with a mistake) into DIR.
/// - `repeat N`: checks the typical report N times, for profilers.
/// - `repeat-real N`: checks every real report N times, for profilers.

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

func fixture(_ name: String) -> String {
  guard let text = try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8) else {
    fatalError("cannot read fixture \(name) under \(fixtures.path)")
  }
  return text
}

/// The real published reports the benchmark leads with: `Tests/RealReports`, and the samples of
/// `../shared/samples` (or the folders `NIANBAO_REAL` names, separated by `:`), name and text.
func realReports() -> [(name: String, text: String)] {
  let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent()
  var folders = [repository.appendingPathComponent("Tests/RealReports").path]
  if let named = ProcessInfo.processInfo.environment["NIANBAO_REAL"] {
    folders += named.split(separator: ":").map(String.init)
  } else {
    folders.append(repository.deletingLastPathComponent().appendingPathComponent("shared/samples").path)
  }
  var found: [(name: String, text: String)] = []
  for folder in folders {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    for name in names where name.hasSuffix(".txt") || name.hasSuffix(".md") {
      guard !name.uppercased().hasPrefix("README"), !name.uppercased().hasPrefix("NOTES"),
        let text = try? String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
      else { continue }
      found.append((name, text))
    }
  }
  return found
}

/// The real reports copied until there are `count`, each copy in a folder of its own and under
/// other agency names (two characters put before the agency in the title), so that the reports of
/// one copy pair across years as the originals do and no copy pairs with another.
func realCorpus(_ count: Int) -> [(path: String, text: String)] {
  let reports = realReports()
  guard !reports.isEmpty else { return [] }
  let marks = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北中上下前后左右金木水火土")
  return (0..<count).map { index in
    let copy = index / reports.count
    let (name, text) = reports[index % reports.count]
    let mark = "\(marks[copy / marks.count % marks.count])\(marks[copy % marks.count])"
    return ("copy-\(copy)/\(name)", renamedAgency(text, prefix: mark))
  }
}

/// The report with `prefix` put before its agency's name in the title.
func renamedAgency(_ text: String, prefix: String) -> String {
  let report = ReportParser.parse(text)
  guard let title = report.title, let yearStart = title.yearRange?.lowerBound, !title.agency.isEmpty else {
    return text
  }
  let bytes = Array(text.utf8)
  let before = String(decoding: bytes[title.range.lowerBound..<yearStart], as: UTF8.self)
  guard let agency = before.range(of: title.agency, options: .backwards) else { return text }
  let at = title.range.lowerBound + before[..<agency.lowerBound].utf8.count
  return String(decoding: bytes[..<at] + Array(prefix.utf8) + bytes[at...], as: UTF8.self)
}

func writeRealCorpus(to directory: String, count: Int) throws {
  let url = URL(fileURLWithPath: directory)
  for (path, text) in realCorpus(count) {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }
}

/// Reports that differ in agency, layout and (for one in ten) a wrong number.
func corpus(_ count: Int) -> [String] {
  let layouts = ["clean-2025-tabs.txt", "clean-2024-markdown.md", "clean-2023-pdf.txt", "clean-2020-trial.txt"].map(
    fixture
  )
  let mistakes = [
    "nb201-row-total.txt", "nb107-lost-column.txt", "nb301-period-wrong-year.txt", "sums-several-mistakes.txt",
  ].map(fixture)
  return (0..<count).map { index in
    let base = index % 10 == 9 ? mistakes[index / 10 % mistakes.count] : layouts[index % layouts.count]
    return base.replacingOccurrences(of: "青禾县", with: "青禾县第\(index)")
  }
}

func runCore() {
  let typical = fixture("clean-2025-tabs.txt")
  var samples = Samples()
  for _ in 0..<2000 {
    let start = now()
    let (_, diagnostics) = Checker.check(typical)
    precondition(diagnostics.isEmpty)
    samples.add(since: start)
  }
  print(
    String(
      format: "core, one typical report (%d bytes): median %.0f µs, p99 %.0f µs (goal: median ≤ 100 µs)",
      typical.utf8.count,
      samples.median * 1000,
      samples.p99 * 1000
    )
  )

  // Each real report checked many times: the median of each, and the slowest report's.
  var medians: [(name: String, bytes: Int, median: Double)] = []
  for (name, text) in realReports() {
    var reportSamples = Samples()
    for _ in 0..<60 {
      let start = now()
      _ = Checker.check(text)
      reportSamples.add(since: start)
    }
    medians.append((name, text.utf8.count, reportSamples.median))
  }
  if !medians.isEmpty {
    let sorted = medians.sorted { $0.median < $1.median }
    let slowest = sorted.last!
    print(
      "core, \(medians.count) real reports, each checked 60 times: "
        + String(
          format: "median of the medians %.0f µs, slowest %.0f µs",
          sorted[sorted.count / 2].median * 1000,
          slowest.median * 1000
        ) + " (\(slowest.name), \(slowest.bytes / 1024) KB) (goal ≤ 300 µs each)"
    )
  }

  let reports = corpus(5000)
  let bytes = reports.reduce(0) { $0 + $1.utf8.count }
  let start = now()
  var findings = 0
  for report in reports { findings += Checker.check(report).1.count }
  let seconds = Double(now() - start) / 1e9
  print(
    String(
      format: "core, generated corpus: %d reports, %.1f MB, %d findings, one core: %.2f s — %.0f reports/s, %.1f MB/s",
      reports.count,
      Double(bytes) / 1e6,
      findings,
      seconds,
      Double(reports.count) / seconds,
      Double(bytes) / 1e6 / seconds
    )
  )

  let large = String(repeating: typical, count: max(1, 1_000_000 / typical.utf8.count))
  let largeStart = now()
  _ = Checker.check(large)
  print(
    String(format: "core, one 1 MB document (%d bytes): %.1f ms", large.utf8.count, Double(now() - largeStart) / 1e6)
  )
}

func writeCorpus(to directory: String, count: Int, quiet: Bool = false) throws {
  let url = URL(fileURLWithPath: directory)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  for (index, text) in corpus(count).enumerated() {
    let folder = url.appendingPathComponent("county-\(index / 100)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: folder.appendingPathComponent("report-\(index).txt"))
  }
  if !quiet { print("wrote \(count) reports under \(directory)") }
}

let arguments = Array(CommandLine.arguments.dropFirst())
/// The binary to measure: named, or the `nianbao` built beside this benchmark.
func nianbaoBinary(_ index: Int) -> String {
  if arguments.count > index { return arguments[index] }
  return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nianbao")
    .path
}
let ruff = locate("ruff", environment: "NIANBAO_RUFF")

switch arguments.first {
case nil, "all":
  let binary = nianbaoBinary(1)
  guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("nianbao-bench: \(binary) is not there; build it first (swift build -c release) or name it")
    exit(2)
  }
  print("machine: \(machineDescription())")
  print("nianbao: \(binary); ruff: \(ruff ?? "not found")")
  runCore()
  try CheckBenchmark(nianbao: binary, ruff: ruff, typical: fixture("clean-2025-tabs.txt")).run()
  try LSPBenchmark(binary: binary, ruff: ruff, typical: fixture("clean-2025-tabs.txt")).run()
case "core":
  runCore()
case "check":
  try CheckBenchmark(nianbao: nianbaoBinary(1), ruff: ruff, typical: fixture("clean-2025-tabs.txt")).run()
case "repeat":
  // For profilers: check the typical report N times.
  let typical = fixture("clean-2025-tabs.txt")
  for _ in 0..<(Int(arguments.dropFirst().first ?? "") ?? 100) { _ = Checker.check(typical) }
case "repeat-real":
  // For profilers: check every real report N times.
  let reports = realReports()
  for _ in 0..<(Int(arguments.dropFirst().first ?? "") ?? 10) {
    for (_, text) in reports { _ = Checker.check(text) }
  }
case "real-corpus":
  guard arguments.count == 3, let count = Int(arguments[2]) else {
    print("usage: nianbao-bench real-corpus DIR COUNT")
    exit(2)
  }
  try writeRealCorpus(to: arguments[1], count: count)
  print("wrote \(count) copies of \(realReports().count) real reports under \(arguments[1])")
case "corpus":
  guard arguments.count == 3, let count = Int(arguments[2]) else {
    print("usage: nianbao-bench corpus DIR COUNT")
    exit(2)
  }
  try writeCorpus(to: arguments[1], count: count)
case "workspace":
  // The first diagnostics of a document opened in a large workspace folder.
  for reports in [5_000, 20_000] {
    let bench = LSPBenchmark(binary: nianbaoBinary(1), ruff: ruff, typical: fixture("clean-2025-tabs.txt"))
    let (first, indexed) = try bench.openInWorkspace(reports: reports)
    print(
      String(format: "workspace of %d reports: first diagnostics %.1f ms, index ready %.2f s", reports, first, indexed)
    )
  }
case "lsp":
  try LSPBenchmark(binary: nianbaoBinary(1), ruff: ruff, typical: fixture("clean-2025-tabs.txt")).run()
default:
  print(
    "usage: nianbao-bench [all [NIANBAO] | core | check [NIANBAO] | lsp [NIANBAO] | workspace [NIANBAO] | corpus DIR COUNT | repeat N | repeat-real N]"
  )
  exit(2)
}
