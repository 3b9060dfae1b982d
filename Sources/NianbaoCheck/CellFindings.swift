import Foundation
import NianbaoCore

/// Which findings of a report point at which table cell: the cell a finding is about (its own
/// range), the cells it names (its related information) and the cells its fixes write into,
/// with the value the fix writes there. A blank cell with no text is found by where it is: a
/// finding about it, or a fix that fills it, has an empty range at its offset.
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

  private enum Place: Hashable {
    case text(Range<Int>)
    /// A cell with no text, at this offset.
    case empty(Int)

    init(_ range: Range<Int>) { self = range.isEmpty ? .empty(range.lowerBound) : .text(range) }
  }

  private var marks: [Place: [Mark]] = [:]

  init(_ diagnostics: [Diagnostic]) {
    for (index, diagnostic) in diagnostics.enumerated() {
      // The certain fix's values first, then the others', then the value the message states.
      let fixes = diagnostic.fixes.filter(\.isCertain) + diagnostic.fixes.filter { !$0.isCertain }
      for edit in fixes.flatMap(\.edits) {
        // A finding about a blank cell with no text covers its row (a range at a cell's place
        // would not show): the cells its fix fills are the ones it is about.
        add(Mark(finding: index, isSubject: edit.range.isEmpty, expected: edit.replacement), at: edit.range)
      }
      let stated = Self.statedValue(diagnostic.message.zh)
      add(Mark(finding: index, isSubject: true, expected: stated), at: diagnostic.range)
      for note in diagnostic.related where note.file == nil {
        add(Mark(finding: index, isSubject: false, note: note.message), at: note.range)
      }
    }
  }

  /// The value a message gives for its cell (`…应为 26，实为 20。`), for findings whose sums
  /// offer no fix.
  static func statedValue(_ message: String) -> String? {
    // With several numbers wrong the message gives the sum of the parts, not a right value:
    // shown as `Σ 26`.
    for (marker, shown) in [("应为 ", ""), ("各项之和为 ", "Σ ")] {
      guard let found = message.range(of: marker) else { continue }
      let digits = message[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty { return shown + digits }
    }
    return nil
  }

  /// Adds a mark, or merges it into the finding's mark already there: the subject stays the
  /// subject, and the first note and the first value are kept.
  private mutating func add(_ mark: Mark, at range: Range<Int>) {
    let place = Place(range)
    guard let existing = marks[place]?.firstIndex(where: { $0.finding == mark.finding }) else {
      marks[place, default: []].append(mark)
      return
    }
    var merged = marks[place]![existing]
    merged.isSubject = merged.isSubject || mark.isSubject
    merged.note = merged.note ?? mark.note
    merged.expected = merged.expected ?? mark.expected
    marks[place]![existing] = merged
  }

  /// The findings that point at a cell, those about it first.
  func marks(for cell: Cell) -> [Mark] {
    let found = marks[Place(cell.range)] ?? []
    return found.filter(\.isSubject) + found.filter { !$0.isSubject }
  }
}
