/// What to offer at a place in a report: the labels that match what was typed there, those that
/// fit the place first (inside table 三, table 三's labels).
public struct Completion: Sendable {
  /// The bytes typed so far, which a candidate replaces.
  public var replacing: Range<Int>
  /// Best first.
  public var candidates: [CompletionCandidate]
}

public enum Completer {
  /// Typed text longer than this is prose, not the start of a label.
  static let longestTyped = 60

  public static func complete(_ report: Report, at offset: Int) -> Completion {
    let source = report.source
    let offset = source.scalarStart(atOrBefore: offset)
    let typedRange = typed(source, at: offset)
    let typedText = source.text(typedRange)
    guard typedText.unicodeScalars.count <= longestTyped, !typedText.contains("。"), !typedText.contains("；") else {
      return Completion(replacing: typedRange, candidates: [])
    }
    let key = CompletionKey(typedText)
    let place = Place(report, offset: offset, typedLine: source.lines.line(containing: offset))
    let ranked = FormatLabels.candidates.compactMap { candidate -> (CompletionCandidate, [Int])? in
      guard let match = match(key, candidate.key) else { return nil }
      return (
        candidate, [place.tier(of: candidate), match, place.alreadyWritten(candidate) ? 1 : 0, candidate.formatOrder]
      )
    }
    .sorted { $0.1.lexicographicallyPrecedes($1.1) }
    var seen: Set<String> = []
    let candidates = ranked.map(\.0).filter { seen.insert($0.label).inserted }
    return Completion(replacing: typedRange, candidates: candidates)
  }

  /// How well a candidate matches what was typed, 0 best; nil when it does not. The words typed
  /// must be part of the label's words; a numbering typed must begin the label's numbering.
  static func match(_ typed: CompletionKey, _ candidate: CompletionKey) -> Int? {
    let numberingFits = !typed.numbering.isEmpty && candidate.numbering.hasPrefix(typed.numbering)
    if typed.words.isEmpty {
      if typed.numbering.isEmpty { return 2 }
      return numberingFits ? 0 : nil
    }
    guard candidate.words.contains(typed.words) else { return nil }
    if numberingFits { return 0 }
    return candidate.words.hasPrefix(typed.words) ? 1 : 2
  }

  /// From the start of the cell being typed (the line's start, or after a tab or `|`; leading
  /// spaces and Markdown heading marks stay) to the cursor.
  static func typed(_ source: SourceText, at offset: Int) -> Range<Int> {
    let line = source.lines.line(containing: offset)
    let lineStart = source.lines.lineStarts[line]
    let end = min(offset, source.lines.contentEnds[line])
    var start = end
    let bytes = source.utf8
    while start > lineStart, bytes[start - 1] != 0x09, bytes[start - 1] != 0x7C { start -= 1 }
    let text = source.text(start..<end)
    var skipped = 0
    for scalar in text.unicodeScalars {
      guard LabelText.isSpace(scalar) || scalar == "#" else { break }
      skipped += scalar.utf8.count
    }
    return (start + skipped)..<end
  }

  /// Where the cursor is: which section, which table.
  struct Place {
    var section: Int?
    var writtenSections: Set<Int>

    init(_ report: Report, offset: Int, typedLine: Int) {
      let lines = report.source.lines
      // The heading being typed on this line does not count as written.
      writtenSections = Set(
        report.sections.filter { lines.line(containing: $0.headingRange.lowerBound) != typedLine }.map(\.number)
      )
      if let table = [(2, report.table2?.range), (3, report.table3?.range), (4, report.table4?.range)].first(where: {
        $0.1.map { $0.lowerBound <= offset && offset <= $0.upperBound } ?? false
      }) {
        section = table.0
        return
      }
      section =
        report.sections.last {
          $0.headingRange.lowerBound <= offset && lines.line(containing: $0.headingRange.lowerBound) != typedLine
        }?.number
    }

    /// 0: what belongs where the cursor is; 1: the section headings; 2: the rest.
    func tier(of candidate: CompletionCandidate) -> Int {
      if candidate.kind == .sectionHeading { return section == nil ? 0 : 1 }
      guard let section else { return 2 }
      return candidate.section == section ? 0 : 2
    }

    /// A heading the report already has is offered after those it lacks.
    func alreadyWritten(_ candidate: CompletionCandidate) -> Bool {
      candidate.kind == .sectionHeading && candidate.section.map(writtenSections.contains) == true
    }
  }
}
