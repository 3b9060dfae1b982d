/// Reads table 三 from the lines of its section, whatever the layout: rows are identified by
/// their labels, never by counting separators.
struct Table3Reader {
  let source: SourceText

  enum Match {
    case row(Table3RowSpec, exact: Bool)
    case group(Int, exact: Bool)
    /// 三、本年度办理结果
    case resultsHeader
    case none
  }

  private struct RawRow {
    var pieces: [LabelPiece]
    var values: [Token]
    var trailingEmpty: Token?
    var layout: TokenizedLine.Layout
    var runTogether: (range: Range<Int>, digits: [Int], ranges: [Range<Int>])?
  }

  struct Output {
    var table: Table3?
    var deviations: [LabelDeviation]
    var duplicates: [TableRow]
  }

  func read(lines: Range<Int>) -> Output {
    var raws: [RawRow] = []
    var pendingPieces: [LabelPiece] = []
    var pendingValues: RawRow?
    var lastEmittedLine = -2

    func emit(_ raw: RawRow, line: Int) {
      raws.append(raw)
      lastEmittedLine = line
    }

    for line in lines {
      guard let tokenized = LineTokenizer.tokenize(source, line: line) else { continue }
      var labelTokens = tokenized.leadingText
      var values = tokenized.valueTokens
      var runTogether: (range: Range<Int>, digits: [Int], ranges: [Range<Int>])?
      if values.isEmpty, let last = labelTokens.last,
        let tail = RunTogetherSolver.trailingDigits(source, last.range), tail.digits.count >= 7, !tail.label.isEmpty
      {
        labelTokens[labelTokens.count - 1].range = LineTokenizer.trim(source, tail.label)
        runTogether = (tail.ranges.first!.lowerBound..<tail.ranges.last!.upperBound, tail.digits, tail.ranges)
      } else if values.count == 1, values[0].kind == .number,
        let tail = RunTogetherSolver.trailingDigits(source, values[0].range), tail.label.isEmpty, tail.digits.count >= 7
      {
        runTogether = (values[0].range, tail.digits, tail.ranges)
        values = []
      }
      // Short text where the first value belongs (`一`, `无`) is a value that is not a number,
      // not part of the label.
      while !values.isEmpty, labelTokens.count > 1, let last = labelTokens.last, last.text.unicodeScalars.count <= 3,
        case .none = match(LabelPieces.piece(source, last.range))
      {
        values.insert(last, at: 0)
        labelTokens.removeLast()
      }
      let trailingEmpty =
        tokenized.trailingEmptyCount > 0 ? tokenized.tokens[tokenized.tokens.count - tokenized.trailingEmptyCount] : nil
      let newPieces = labelTokens.flatMap { LabelPieces.split(source, $0.range) }
      let hasValues = !values.isEmpty || runTogether != nil
      let row = RawRow(
        pieces: [],
        values: values,
        trailingEmpty: trailingEmpty,
        layout: tokenized.layout,
        runTogether: runTogether
      )

      if hasValues {
        if newPieces.isEmpty {
          // Numbers alone on a line belong to the label above them if it names a row; after a
          // heading (`三、本年度办理结果`) they wait for the label printed below them.
          if pendingPieces.isEmpty || !names(pendingPieces) {
            pendingValues = row
          } else {
            var raw = row
            raw.pieces = pendingPieces
            emit(raw, line: line)
            pendingPieces = []
          }
          continue
        }
        var raw = row
        raw.pieces = merged(pendingPieces, newPieces)
        pendingPieces = []
        pendingValues = nil
        emit(raw, line: line)
        continue
      }
      guard !newPieces.isEmpty else { continue }
      if var waiting = pendingValues {
        waiting.pieces = merged(pendingPieces, newPieces)
        pendingPieces = []
        pendingValues = nil
        emit(waiting, line: line)
        continue
      }
      if newPieces[0].normalized.numbering == nil {
        if !pendingPieces.isEmpty {
          pendingPieces = merged(pendingPieces, newPieces)
        } else if lastEmittedLine == line - 1, var last = raws.popLast() {
          // A label wrapped onto the next line after its values: keep the longer label when it
          // matches the format better.
          let longer = merged(last.pieces, newPieces)
          if case .row(_, let exactNow) = resolve(longer).match, exactNow,
            case .row(_, let exactBefore) = resolve(last.pieces).match, !exactBefore
          {
            last.pieces = longer
          }
          raws.append(last)
          lastEmittedLine = line
        }
        continue
      }
      // A numbered label without values: a heading of the rows below it, or a row whose values
      // are all missing.
      if let lastPending = pendingPieces.last, case .row = match(lastPending) {
        emit(
          RawRow(pieces: pendingPieces, values: [], trailingEmpty: nil, layout: tokenized.layout, runTogether: nil),
          line: line - 1
        )
        pendingPieces = []
      }
      pendingPieces.append(contentsOf: newPieces)
    }
    if let lastPending = pendingPieces.last, case .row = match(lastPending) {
      raws.append(RawRow(pieces: pendingPieces, values: [], trailingEmpty: nil, layout: .tabs, runTogether: nil))
    }
    return assemble(raws)
  }

  private func names(_ pieces: [LabelPiece]) -> Bool {
    if case .row = resolve(pieces).match { return true }
    return false
  }

  /// Joins a wrapped label: text without numbering continues the previous piece.
  private func merged(_ first: [LabelPiece], _ second: [LabelPiece]) -> [LabelPiece] {
    guard var last = first.last, let head = second.first, head.normalized.numbering == nil else {
      return first + second
    }
    let joined = last.text + head.text
    var normalized = LabelText.normalize(joined)
    normalized.numbering = last.normalized.numbering
    last = LabelPiece(
      range: last.range.lowerBound..<head.range.upperBound,
      text: joined,
      normalized: normalized,
      spansLines: true
    )
    return Array(first.dropLast()) + [last] + Array(second.dropFirst())
  }

  private func resolve(_ pieces: [LabelPiece]) -> (match: Match, piece: LabelPiece?, unknown: LabelPiece?) {
    var result: (Match, LabelPiece?) = (.none, nil)
    var group: (Int, Bool, LabelPiece)?
    var unknown: LabelPiece?
    for piece in pieces {
      switch match(piece) {
      case .row(let spec, let exact):
        result = (.row(spec, exact: exact), piece)
        group = nil
      case .group(let n, let exact):
        group = (n, exact, piece)
        result = (.none, nil)
      case .resultsHeader:
        group = nil
      case .none:
        unknown = piece
      }
    }
    if case .none = result.0, let (n, exact, piece) = group, n == 6 {
      // The 2019 trial format's single （六）其他处理 row.
      let single = NationalFormat.allTable3Rows.first { $0.id == "3(6)" }!
      return (.row(single, exact: exact), piece, nil)
    }
    if case .none = result.0 { return (.none, nil, unknown ?? pieces.last) }
    return (result.0, result.1, nil)
  }

  func match(_ piece: LabelPiece) -> Match {
    let core = piece.normalized.core
    let numbering = piece.normalized.numbering
    if core == "其他" {
      if case .parenthesized(6) = numbering { return .group(6, exact: true) }
      return .row(Self.otherItem, exact: true)
    }
    if let entry = Self.exact[core] { return entry }
    guard core.unicodeScalars.count >= 3 else { return .none }
    var best: (Double, Match)?
    var second = 0.0
    for (candidate, entry) in Self.exact {
      let score = LabelText.similarity(core, candidate)
      if score > (best?.0 ?? 0) {
        second = best?.0 ?? 0
        best = (score, entry)
      } else if score > second {
        second = score
      }
    }
    guard let (score, entry) = best, score >= 0.72, score - second >= 0.05 else { return .none }
    switch entry {
    case .row(let spec, _): return .row(spec, exact: false)
    case .group(let n, _): return .group(n, exact: false)
    default: return entry
    }
  }

  private static let otherItem = NationalFormat.allTable3Rows.first { $0.id == "3(6).3" }!

  /// Normalized label words → what they name.
  private static let exact: [String: Match] = {
    var map: [String: Match] = [:]
    for spec in NationalFormat.allTable3Rows where spec.id != "3(6)" && spec.id != "3(6).3" {
      map[LabelText.normalize(spec.label).core] = .row(spec, exact: true)
    }
    for group in [3, 4, 5, 6] {
      map[NationalFormat.table3Groups[group]!] = .group(group, exact: true)
    }
    map["本年度办理结果"] = .resultsHeader
    return map
  }()

  private func assemble(_ raws: [RawRow]) -> Output {
    var rows: [String: TableRow] = [:]
    var deviations: [LabelDeviation] = []
    var duplicates: [TableRow] = []
    var rowLengths: [Int] = []
    var built: [(spec: Table3RowSpec, row: TableRow, trailingEmpty: Token?)] = []

    for raw in raws {
      let resolved = resolve(raw.pieces)
      guard case .row(let spec, let exact) = resolved.match, let piece = resolved.piece else {
        if let unknown = resolved.unknown, !raw.values.isEmpty || raw.runTogether != nil {
          deviations.append(
            LabelDeviation(place: .unknownTable3Row, range: unknown.range, found: unknown.text, canonical: nil)
          )
        }
        continue
      }
      if !exact {
        let wordsStart = LabelPieces.wordsStart(source, piece.range)
        deviations.append(
          LabelDeviation(
            place: .table3Row,
            range: piece.spansLines ? piece.range : wordsStart..<piece.range.upperBound,
            found: source.text(wordsStart..<piece.range.upperBound),
            canonical: spec.label
          )
        )
      }
      var row = makeRow(raw, label: piece)
      if let together = raw.runTogether {
        (row.runTogether, row.cells) = RunTogetherSolver.read(together, into: 7) { v in v[6] == v[0..<6].reduce(0, +) }
      }
      built.append((spec, row, raw.trailingEmpty))
      if row.runTogether == nil { rowLengths.append(row.cells.count) }
    }
    // A total left blank at the end of a row looks like a trailing empty cell. Read it as a blank
    // value when the other rows of the table have all seven values.
    let fullRows = rowLengths.filter { $0 == 7 }.count
    let majorityHasSeven = fullRows * 2 > rowLengths.count
    for (spec, var row, trailingEmpty) in built {
      if majorityHasSeven, row.cells.count == 6, row.runTogether == nil, let empty = trailingEmpty {
        row.cells.append(Cell(range: empty.range, content: .blank))
      }
      if let existing = rows[spec.id] {
        if existing.cells.isEmpty && !row.cells.isEmpty {
          rows[spec.id] = row
        } else {
          duplicates.append(row)
        }
      } else {
        rows[spec.id] = row
      }
    }
    guard !rows.isEmpty else { return Output(table: nil, deviations: deviations, duplicates: duplicates) }
    let trial = rows["3(6)"] != nil && !rows.keys.contains { $0.hasPrefix("3(6).") }
    let edition: FormatEdition = trial ? .trial2019 : .edition2021
    let lower = rows.values.map(\.range.lowerBound).min()!
    let upper = rows.values.map(\.range.upperBound).max()!
    let table = Table3(range: lower..<upper, edition: edition, rows: rows, specs: NationalFormat.table3Rows(edition))
    return Output(table: table, deviations: deviations, duplicates: duplicates)
  }

  private func makeRow(_ raw: RawRow, label: LabelPiece) -> TableRow {
    let cells = raw.values.map { $0.cell(allowDecimal: false, allowNegative: false) }
    let start = raw.pieces.first?.range.lowerBound ?? label.range.lowerBound
    let end = max(
      raw.values.last?.range.upperBound ?? raw.runTogether?.range.upperBound ?? label.range.upperBound,
      label.range.upperBound
    )
    let separator: String
    switch raw.layout {
    case .tabs: separator = "\t"
    case .markdown: separator = " | "
    case .spaces: separator = " "
    }
    return TableRow(
      labelRange: label.range,
      labelText: label.text,
      range: min(start, label.range.lowerBound)..<end,
      cells: cells,
      appendOffset: raw.values.last?.range.upperBound ?? label.range.upperBound,
      separator: separator,
      runTogether: nil
    )
  }
}
