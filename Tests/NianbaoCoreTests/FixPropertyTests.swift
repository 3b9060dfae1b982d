import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// Properties of fixes on generated reports: random balanced tables 三 and 四, random mistakes,
/// LF or CRLF, with or without a byte order mark. `NIANBAO_PROPERTY_CASES` raises the count.
@Suite struct FixPropertyTests {
  static let cases = TestSize.count("NIANBAO_PROPERTY_CASES", quick: 200, full: 800)

  /// Fixing twice is fixing once; after fixing, no certain fix is left; no fix touches a line
  /// end, the byte order mark or another line; and no sum that held before is broken after.
  @Test func fixesAreIdempotentLocalAndNeverBreakASum() {
    var random = GeneratedReport.Generator(state: 0x5EED_2026)
    var stats = (reports: 0, fixed: 0, edits: 0)
    for _ in 0..<Self.cases {
      let generated = GeneratedReport.random(using: &random, mistakes: Int.random(in: 0...3, using: &random))
      let (report, diagnostics) = Checker.check(generated.text)
      let edits = diagnostics.certainEdits()
      let once = edits.applied(to: report.source)
      let (fixedReport, after) = Checker.check(once)
      let twice = after.certainEdits().applied(to: fixedReport.source)
      stats.reports += 1
      if !edits.isEmpty { stats.fixed += 1 }
      stats.edits += edits.count
      #expect(twice == once, "fixing twice differs from fixing once:\n\(generated.summary)")
      #expect(after.certainEdits().isEmpty, "a certain fix remains after fixing:\n\(generated.summary)")
      let bytes = report.source.utf8
      for edit in edits {
        #expect(edit.range.lowerBound >= generated.byteOrderMarkLength)
        #expect(!bytes[edit.range].contains(0x0A) && !bytes[edit.range].contains(0x0D), "an edit spans a line end")
        #expect(!edit.replacement.utf8.contains(0x0A) && !edit.replacement.utf8.contains(0x0D))
      }
      #expect(once.utf8.filter { $0 == 0x0A }.count == bytes.filter { $0 == 0x0A }.count)
      #expect(once.utf8.filter { $0 == 0x0D }.count == bytes.filter { $0 == 0x0D }.count)
      #expect(once.hasPrefix("\u{FEFF}") == (generated.byteOrderMarkLength > 0))
      let broken = Sums(report).holding.subtracting(Sums(fixedReport).holding)
      #expect(broken.isEmpty, "a fix broke sums that held: \(broken.sorted())\n\(generated.summary)")
    }
    print("fix properties: \(stats.reports) generated reports, \(stats.fixed) with certain fixes, \(stats.edits) edits")
    #expect(stats.fixed > Self.cases / 4)
  }

  /// One wrong total (a row's 总计, a cell of （七）总计, a group total of table 四) is put back
  /// exactly: the fixed text is the report before the mistake.
  @Test func aWrongTotalIsPutBackExactly() {
    var random = GeneratedReport.Generator(state: 0x70_7A15)
    var restored = 0
    for _ in 0..<Self.cases {
      let clean = GeneratedReport.random(using: &random, mistakes: 0)
      let wrong = clean.withWrongTotal(using: &random)
      let (report, diagnostics) = Checker.check(wrong.text)
      let fixed = diagnostics.certainEdits().applied(to: report.source)
      #expect(fixed == clean.text, "not put back: \(wrong.summary)")
      if fixed == clean.text { restored += 1 }
    }
    print("wrong totals put back exactly: \(restored) of \(Self.cases)")
  }
}

/// Which sums of tables 三 and 四 hold in a report, by name.
struct Sums {
  var holding: Set<String> = []

  init(_ report: Report) {
    if let table = report.table3 {
      func cells(_ id: Table3Row) -> [Int]? {
        guard let row = table.row(id), row.cells.count == 7 else { return nil }
        let values = row.cells.compactMap(\.integerValue)
        return values.count == 7 ? values : nil
      }
      for spec in table.specs {
        if let v = cells(spec.row), v[0..<6].reduce(0, +) == v[6] { holding.insert("R1 \(spec.id)") }
      }
      let outcomes = table.specs.filter { spec in spec.kind == .outcome }
      for column in 0..<7 {
        let parts = outcomes.map { cells($0.row)?[column] }
        if let total = cells(.outcomeTotal)?[column], parts.allSatisfy({ $0 != nil }),
          parts.reduce(0, { $0 + $1! }) == total
        {
          holding.insert("R2 \(column)")
        }
        if let new = cells(.newApplications)?[column], let carried = cells(.carriedOver)?[column],
          let done = cells(.outcomeTotal)?[column], let forward = cells(.carriedForward)?[column],
          new + carried == done + forward
        {
          holding.insert("R3 \(column)")
        }
      }
    }
    if let row = report.table4?.row, row.cells.count == 15 {
      let values = row.cells.map(\.integerValue)
      for group in 0..<3 {
        let part = values[(group * 5)..<(group * 5 + 5)]
        if part.allSatisfy({ $0 != nil }), part.prefix(4).reduce(0, { $0 + $1! }) == part.last!! {
          holding.insert("R4 \(group)")
        }
      }
    }
  }
}

/// A report in the tab layout of `clean-2025-tabs.txt` with random numbers that balance, and
/// optionally random wrong numbers.
struct GeneratedReport {
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state ^ (state >> 29)
    }
  }

  static let template = TestPaths.fixtureText("clean-2025-tabs.txt").components(separatedBy: "\n")
  /// The template's lines of table 三 (25 rows, in the format's order) and of table 四.
  static let table3Lines: [Int] = template.indices.filter { numbers(in: template[$0]).count == 7 }
  static let table4Line: Int = template.indices.first { numbers(in: template[$0]).count == 15 }!
  static let specs = Checker.check(template.joined(separator: "\n")).0.table3!.specs

  var table3: [[Int]]
  var table4: [Int]
  var crlf: Bool
  var byteOrderMarkLength: Int
  var mistakes: [String] = []

  var summary: String {
    "crlf \(crlf), bom \(byteOrderMarkLength > 0), mistakes \(mistakes), table 三 \(table3), table 四 \(table4)"
  }

  static func numbers(in line: String) -> [Int] {
    line.components(separatedBy: "\t").filter { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
      .map { Int($0)! }
  }

  static func random(using random: inout Generator, mistakes: Int) -> GeneratedReport {
    let ids = specs.map(\.id)
    var rows = [[Int]](repeating: [Int](repeating: 0, count: 7), count: ids.count)
    func small(_ random: inout Generator) -> Int {
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<6: return 0
      case 6..<9: return Int.random(in: 1...9, using: &random)
      default: return Int.random(in: 10...400, using: &random)
      }
    }
    let index = { (id: String) in ids.firstIndex(of: id)! }
    for (k, spec) in specs.enumerated() where spec.kind == .outcome && spec.id != "3(7)" {
      for column in 0..<6 { rows[k][column] = small(&random) }
    }
    for column in 0..<6 {
      rows[index("3(7)")][column] = specs.indices.filter { specs[$0].kind == .outcome && specs[$0].id != "3(7)" }
        .reduce(0) { $0 + rows[$1][column] }
      rows[index("4")][column] = small(&random)
      let handled = rows[index("3(7)")][column] + rows[index("4")][column]
      rows[index("2")][column] = Int.random(in: 0...min(handled, 5), using: &random)
      rows[index("1")][column] = handled - rows[index("2")][column]
    }
    for k in rows.indices { rows[k][6] = rows[k][0..<6].reduce(0, +) }
    var table4: [Int] = []
    for _ in 0..<3 {
      let results = (0..<4).map { _ in small(&random) }
      table4 += results + [results.reduce(0, +)]
    }
    let bom = Int.random(in: 0..<4, using: &random) == 0
    var report = GeneratedReport(
      table3: rows,
      table4: table4,
      crlf: Bool.random(using: &random),
      byteOrderMarkLength: bom ? 3 : 0
    )
    for _ in 0..<mistakes {
      if Int.random(in: 0..<5, using: &random) == 0 {
        let cell = Int.random(in: 0..<15, using: &random)
        report.table4[cell] += Int.random(in: 1...5, using: &random)
        report.mistakes.append("四 \(cell)")
      } else {
        let row = Int.random(in: 0..<rows.count, using: &random)
        let column = Int.random(in: 0..<7, using: &random)
        report.table3[row][column] += Int.random(in: 1...5, using: &random)
        report.mistakes.append("三 \(ids[row]) \(column)")
      }
    }
    return report
  }

  /// The same report with one total made wrong.
  func withWrongTotal(using random: inout Generator) -> GeneratedReport {
    var copy = self
    let delta = Int.random(in: 1...7, using: &random)
    switch Int.random(in: 0..<3, using: &random) {
    case 0:
      let row = Int.random(in: 0..<table3.count, using: &random)
      copy.table3[row][6] += delta
      copy.mistakes.append("三 \(Self.specs[row].id) 总计")
    case 1:
      let row = Self.specs.firstIndex { $0.id == "3(7)" }!
      let column = Int.random(in: 0..<6, using: &random)
      copy.table3[row][column] += delta
      copy.mistakes.append("三 （七） \(column)")
    default:
      let group = Int.random(in: 0..<3, using: &random)
      copy.table4[group * 5 + 4] += delta
      copy.mistakes.append("四 group \(group)")
    }
    return copy
  }

  var text: String {
    var lines = Self.template
    for (k, line) in Self.table3Lines.enumerated() { lines[line] = Self.replacingNumbers(lines[line], with: table3[k]) }
    lines[Self.table4Line] = Self.replacingNumbers(lines[Self.table4Line], with: table4)
    return (byteOrderMarkLength > 0 ? "\u{FEFF}" : "") + lines.joined(separator: crlf ? "\r\n" : "\n")
  }

  /// The line with its last `values.count` numeric fields replaced.
  static func replacingNumbers(_ line: String, with values: [Int]) -> String {
    var fields = line.components(separatedBy: "\t")
    let numeric = fields.indices.filter { !fields[$0].isEmpty && Int(fields[$0]) != nil }.suffix(values.count)
    for (field, value) in zip(numeric, values) { fields[field] = String(value) }
    return fields.joined(separator: "\t")
  }
}
