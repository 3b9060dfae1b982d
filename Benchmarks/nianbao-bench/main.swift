import Foundation
import NianbaoCore

/// Benchmarks for nianbao (not tests): `swift run -c release nianbao-bench [core|corpus DIR N|lsp BINARY]`.
///
/// - `core`: checks one typical report many times, then a generated corpus, and prints the
///   median time per report, reports/s and MB/s.
/// - `corpus DIR N`: writes N generated reports (a tenth with a mistake) into DIR, for timing
///   `nianbao --check DIR` end to end.
/// - `lsp BINARY`: drives a language server over pipes (see LSPBenchmark.swift).

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

func fixture(_ name: String) -> String {
  guard let text = try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8) else {
    fatalError("cannot read fixture \(name) under \(fixtures.path)")
  }
  return text
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

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func runCore() {
  let typical = fixture("clean-2025-tabs.txt")
  var samples: [Double] = []
  for _ in 0..<2000 {
    let start = now()
    let (_, diagnostics) = Checker.check(typical)
    precondition(diagnostics.isEmpty)
    samples.append(Double(now() - start) / 1e6)
  }
  samples.sort()
  let median = samples[samples.count / 2]
  let p99 = samples[samples.count * 99 / 100]
  print(String(format: "one typical report (%d bytes): median %.3f ms, p99 %.3f ms", typical.utf8.count, median, p99))

  let reports = corpus(5000)
  let bytes = reports.reduce(0) { $0 + $1.utf8.count }
  let start = now()
  var findings = 0
  for report in reports { findings += Checker.check(report).1.count }
  let seconds = Double(now() - start) / 1e9
  print(
    String(
      format: "corpus: %d reports, %.1f MB, %d findings, one core: %.2f s — %.0f reports/s, %.1f MB/s",
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
  print(String(format: "one 1 MB document (%d bytes): %.1f ms", large.utf8.count, Double(now() - largeStart) / 1e6))
}

func writeCorpus(to directory: String, count: Int) throws {
  let url = URL(fileURLWithPath: directory)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  for (index, text) in corpus(count).enumerated() {
    let folder = url.appendingPathComponent("county-\(index / 100)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: folder.appendingPathComponent("report-\(index).txt"))
  }
  print("wrote \(count) reports under \(directory)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case nil, "core":
  runCore()
case "repeat":
  // For profilers: check the typical report N times.
  let typical = fixture("clean-2025-tabs.txt")
  for _ in 0..<(Int(arguments.dropFirst().first ?? "") ?? 100) { _ = Checker.check(typical) }
case "corpus":
  guard arguments.count == 3, let count = Int(arguments[2]) else {
    print("usage: nianbao-bench corpus DIR COUNT")
    exit(2)
  }
  try writeCorpus(to: arguments[1], count: count)
case "lsp":
  guard arguments.count == 2 else {
    print("usage: nianbao-bench lsp PATH-TO-nianbao")
    exit(2)
  }
  try LSPBenchmark(binary: arguments[1], typical: fixture("clean-2025-tabs.txt")).run()
default:
  print("usage: nianbao-bench [core | corpus DIR COUNT | lsp PATH-TO-nianbao]")
  exit(2)
}
