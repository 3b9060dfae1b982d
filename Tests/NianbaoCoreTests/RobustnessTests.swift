import Foundation
import NianbaoCore
import Testing

/// Damaged reports never trap: random cuts, pastes, duplicated lines, stray separators and
/// huge numbers, checked and hovered everywhere.
@Suite struct RobustnessTests {
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
  }

  static let pieces = [
    "\t", "|", " ", "\n", "\r\n", "\r", "（", "）", "(", "一、", "（七）", "1.", "0", "99999999999999999999",
    "-", "—", "/", "😀", "𠀋", "\u{FEFF}", "年", "月", "日", "2025年2月30日", "至", "截至", "总计", "三、本年度办理结果",
    "统计期限为", "12月31日止", "#", "1.5", "第二十条第（五）项", "信息内容",
  ]

  @Test(arguments: ["clean-2025-tabs.txt", "clean-2023-pdf.txt", "clean-2024-markdown.md", "clean-2020-trial.txt"])
  func mutatedReports(name: String) {
    var random = Generator(state: UInt64(name.utf8.count) &* 7919)
    let original = Array(Fixtures.text(name).unicodeScalars)
    // NIANBAO_FUZZ_ITERATIONS raises the count for a longer hunt.
    let iterations = Int(ProcessInfo.processInfo.environment["NIANBAO_FUZZ_ITERATIONS"] ?? "") ?? 150
    for _ in 0..<iterations {
      var scalars = original
      for _ in 0..<Int.random(in: 1...12, using: &random) {
        let at = Int.random(in: 0...scalars.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
          let end = min(scalars.count, at + Int.random(in: 1...80, using: &random))
          scalars.removeSubrange(at..<end)
        case 1:
          scalars.insert(contentsOf: Self.pieces.randomElement(using: &random)!.unicodeScalars, at: at)
        case 2:
          let from = Int.random(in: 0..<max(1, scalars.count), using: &random)
          let slice = scalars[from..<min(scalars.count, from + Int.random(in: 1...200, using: &random))]
          scalars.insert(contentsOf: slice, at: at)
        default:
          scalars.insert(contentsOf: String(Int.random(in: 0...Int.max, using: &random)).unicodeScalars, at: at)
        }
      }
      let text = String(String.UnicodeScalarView(scalars))
      let (report, diagnostics) = Checker.check(text)
      for diagnostic in diagnostics {
        #expect(diagnostic.range.upperBound <= report.source.utf8.count)
        for fix in diagnostic.fixes { _ = fix.edits.applied(to: report.source) }
      }
      _ = Checker.check(diagnostics.certainEdits().applied(to: report.source))
      for offset in stride(from: 0, through: report.source.utf8.count, by: 97) {
        _ = HoverFacts.fact(at: offset, in: report)
      }
    }
  }
}
