import Foundation
import NianbaoCore

/// Which findings of a report point at which table cell: the cell a finding is about (its own
/// range), the cells it names (its related information) and the cells its fixes write, with
/// the value its fix writes there. A blank cell with no text is found by its fix alone: a
/// finding about it covers its row.
struct CellFindings {
  struct Mark {
    /// The finding's position in the report's list of findings.
    var finding: Int
    /// Whether the cell is the finding's own range (else it is one of its related cells).
    var isSubject: Bool
    /// What the finding says of this cell, for a related cell.
    var note: LocalizedText?
    /// What the finding's fix writes into the cell: the value the sums give.
    var expected: String?
  }

  private var marksByRange: [Range<Int>: [Mark]] = [:]
  /// Cells with no text, by offset, that a fix writes into.
  private var emptyCells: [Int: [Mark]] = [:]

  init(_ diagnostics: [Diagnostic]) {
    for (index, diagnostic) in diagnostics.enumerated() {
      func expected(at range: Range<Int>) -> String? {
        let fixes = diagnostic.fixes.filter(\.isCertain) + diagnostic.fixes.filter { !$0.isCertain }
        return fixes.lazy.flatMap(\.edits).first { $0.range == range }?.replacement
      }
      let stated = expected(at: diagnostic.range) ?? Self.statedValue(diagnostic.message.zh)
      add(Mark(finding: index, isSubject: true, note: nil, expected: stated), diagnostic.range)
      for note in diagnostic.related where note.range != diagnostic.range {
        let marks = marksByRange[note.range] ?? []
        guard !marks.contains(where: { $0.finding == index }) else { continue }
        add(Mark(finding: index, isSubject: false, note: note.message, expected: expected(at: note.range)), note.range)
      }
      for edit in diagnostic.fixes.flatMap(\.edits) where edit.range.isEmpty {
        let marks = emptyCells[edit.range.lowerBound] ?? []
        guard !marks.contains(where: { $0.finding == index }) else { continue }
        emptyCells[edit.range.lowerBound, default: []].append(
          Mark(finding: index, isSubject: false, note: nil, expected: edit.replacement)
        )
      }
    }
  }

  /// The value a message gives for its cell (`…应为 26，实为 20。`), for findings whose sums
  /// offer no fix.
  static func statedValue(_ message: String) -> String? {
    guard let marker = message.range(of: "应为 ") else { return nil }
    let digits = message[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
    return digits.isEmpty ? nil : String(digits)
  }

  private mutating func add(_ mark: Mark, _ range: Range<Int>) {
    guard !range.isEmpty else { return }
    marksByRange[range, default: []].append(mark)
  }

  /// The findings that point at a cell, those about it first.
  func marks(for cell: Cell) -> [Mark] {
    if cell.range.isEmpty { return emptyCells[cell.range.lowerBound] ?? [] }
    guard let marks = marksByRange[cell.range] else { return [] }
    return marks.filter(\.isSubject) + marks.filter { !$0.isSubject }
  }
}
