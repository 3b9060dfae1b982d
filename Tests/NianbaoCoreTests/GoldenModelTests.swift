import Foundation
import NianbaoCore
import NianbaoTestSupport
import Testing

/// The whole model read from every fixture, every real report and every browser copy of
/// `Tests/RealForms`, against the dump recorded under `Tests/Golden` (one file per input): a
/// change to the reader that changes any section, row, cell or range shows here, whether or not
/// a finding changes.
///
/// `NIANBAO_RECORD_GOLDEN=1 swift test --filter GoldenModelTests` records the dumps afresh (and
/// removes those of inputs that are gone); the run then fails, so that a person looks at the
/// change and runs the tests again.
@Suite struct GoldenModelTests {
  static let repository = TestPaths.repository
  static let golden = repository.appendingPathComponent("Tests/Golden")
  static let recording = ProcessInfo.processInfo.environment["NIANBAO_RECORD_GOLDEN"] == "1"
  static let hint = "run NIANBAO_RECORD_GOLDEN=1 swift test --filter GoldenModelTests"

  /// Each input by its path in the repository, and the path of its dump under `Tests/Golden`.
  static let inputs: [(input: String, dump: String)] = {
    var paths: [String] = []
    for folder in ["Tests/Fixtures", "Tests/RealReports", "Tests/RealForms"] {
      let url = repository.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: url.path) else { continue }
      for case let path as String in walker {
        let name = (path as NSString).lastPathComponent
        let isReport: Bool
        switch folder {
        case "Tests/Fixtures": isReport = name.hasSuffix(".txt") || name.hasSuffix(".md")
        case "Tests/RealReports": isReport = name.hasSuffix(".txt")
        default: isReport = name == "browser-copy.txt"
        }
        if isReport { paths.append("\(folder)/\(path)") }
      }
    }
    return paths.sorted().map { ($0, String($0.dropFirst("Tests/".count)) + ".model") }
  }()

  @Test func everyInputHasItsModel() throws {
    #expect(Self.inputs.count >= 100)
    var recorded = 0
    for (input, dump) in Self.inputs {
      let text = TestPaths.text(at: Self.repository.appendingPathComponent(input))
      let model = ModelDump.text(ReportParser.parse(text))
      let url = Self.golden.appendingPathComponent(dump)
      if Self.recording {
        let old = try? String(contentsOf: url, encoding: .utf8)
        if old != model {
          try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true
          )
          try Data(model.utf8).write(to: url)
          recorded += 1
        }
        continue
      }
      guard let written = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("Tests/Golden/\(dump) is missing; \(Self.hint)")
        continue
      }
      if written != model {
        let old = written.split(separator: "\n", omittingEmptySubsequences: false)
        let new = model.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let was = first < old.count ? String(old[first]) : "(end)"
        let now = first < new.count ? String(new[first]) : "(end)"
        Issue.record(
          "\(input): the model changed at line \(first + 1) of its dump:\n  was: \(was)\n  now: \(now)\n\(Self.hint)"
        )
      }
    }
    let expected = Set(Self.inputs.map(\.dump))
    var stale: [String] = []
    if let walker = FileManager.default.enumerator(atPath: Self.golden.path) {
      for case let path as String in walker where path.hasSuffix(".model") && !expected.contains(path) {
        stale.append(path)
      }
    }
    if Self.recording {
      for path in stale { try FileManager.default.removeItem(at: Self.golden.appendingPathComponent(path)) }
      Issue.record(
        "recorded \(recorded) model dumps and removed \(stale.count) under Tests/Golden; look at them and run the tests again"
      )
      return
    }
    for path in stale.sorted() { Issue.record("Tests/Golden/\(path) is the dump of no input; \(Self.hint)") }
  }

  /// The dump writes every stored property of the model: a property added to a model type must
  /// be added to ``ModelDump`` too, and then to this list.
  @Test func dumpCoversEveryProperty() {
    let dumped: [String: Set<String>] = [
      "Report": [
        "source", "title", "sections", "table2", "table3", "table4", "dates", "dateRanges", "statisticsPeriods",
        "labelDeviations", "duplicateTable3Rows", "table3Copy",
      ],
      "Title": ["range", "text", "agency", "agencyRange", "year", "yearRange"],
      "Section": [
        "number", "writtenNumber", "numberRange", "headingRange", "titleRange", "titleText", "bodyRange",
        "subheadings",
      ],
      "Subheading": ["range", "text"],
      "Table2": ["range", "edition", "rows", "headers"],
      "Row": ["subtableItem", "name", "row"],
      "HeaderCell": ["subtableItem", "column", "range", "text"],
      "Table3": ["range", "edition", "slots", "specs"],
      "Table4": ["range", "row", "headerDeviations"],
      "TableRow": ["labelRange", "labelText", "range", "cells", "appendOffset", "separator", "runTogether"],
      "Cell": ["range", "content"],
      "RunTogether": ["range", "digits", "split", "candidateCount"],
      "DateMention": ["range", "year", "month", "day", "yearWritten", "yearRange", "isCutoff"],
      "DateRangeMention": ["range", "start", "end"],
      "StatisticsPeriod": ["keywordRange", "dates"],
      "LabelDeviation": ["place", "range", "found", "canonical"],
    ]
    var seen: [String: Set<String>] = [:]
    func walk(_ value: Any) {
      let mirror = Mirror(reflecting: value)
      let type = String(describing: mirror.subjectType)
      if mirror.displayStyle == .optional || mirror.displayStyle == .collection
        || mirror.displayStyle == .dictionary || mirror.displayStyle == .tuple
      {
        for child in mirror.children { walk(child.value) }
        return
      }
      guard mirror.displayStyle == .struct, let name = type.split(separator: ".").last.map(String.init),
        dumped[name] != nil
      else { return }
      for child in mirror.children {
        if let label = child.label { seen[name, default: []].insert(label) }
        walk(child.value)
      }
    }
    for (input, _) in Self.inputs {
      walk(ReportParser.parse(TestPaths.text(at: Self.repository.appendingPathComponent(input))))
    }
    for (name, properties) in seen {
      #expect(properties.isSubset(of: dumped[name] ?? []), "\(name) has properties ModelDump does not write")
    }
  }
}
