/// NB201, NB202, NB203, NB205: the sums of table 三 (勾稽关系).
///
/// One wrong number breaks up to three sums. When changing one single cell makes every broken
/// sum hold again (and breaks none that held), that cell is the finding, and the only one.
/// Otherwise each broken sum is reported at its total.
enum Table3Balance {
  typealias CellRef = Table3Arithmetic.CellRef

  static func run(_ context: inout RuleContext) {
    guard let table = context.report.table3 else { return }
    var arithmetic = Table3Arithmetic(table: table, unusableRows: context.unusableTable3Rows)
    // A total left blank over parts that are not all 0 is wrong, and its value is certain: the
    // sum of its parts. Each is reported at its cell, and the other sums are worked out from
    // the corrected totals, so that one blank column is not a cascade of broken sums.
    let blankTotals = blankTotals(arithmetic)
    for (cell, sum) in blankTotals {
      let rowSum = arithmetic.active.filter { $0.kind == .rowSum(cell.row) }
      context.add(diagnose(cell: cell, correct: sum, violated: rowSum, alone: true, arithmetic))
      if let c = arithmetic.cell(cell) { context.handledCells.insert(c.range.lowerBound) }
    }
    arithmetic.set(blankTotals)
    let active = arithmetic.active
    let violated = active.filter { $0.residual(arithmetic.values) != 0 }
    guard !violated.isEmpty else { return }

    if let explanation = smallestExplanation(violated: violated, active: active, arithmetic) {
      var found = explanation.map { cell, value in
        diagnose(
          cell: cell,
          correct: value,
          violated: violated.filter { $0.coefficient(of: cell) != 0 },
          alone: explanation.count == 1,
          arithmetic
        )
      }
      // Two corrections hold only together: when one of them is not certain (a detail value),
      // neither is, or `--fix` would write the other alone and break a sum that held.
      if found.contains(where: { !$0.fixes.allSatisfy(\.isCertain) }) {
        for (index, (cell, value)) in explanation.enumerated() {
          if let c = arithmetic.cell(cell) { found[index].fixes = [fix(c, value, certain: false)] }
        }
      }
      for (diagnostic, (cell, _)) in zip(found, explanation) {
        context.add(diagnostic)
        if let c = arithmetic.cell(cell) { context.handledCells.insert(c.range.lowerBound) }
      }
      return
    }

    // Several numbers are wrong: report each broken sum at its total, and offer the recomputed
    // totals (never applied by `--fix`) only if, all applied together, they break no sum that held.
    var proposals: [CellRef: Int] = [:]
    var conflicting: Set<CellRef> = []
    var diagnostics: [(Diagnostic, CellRef, Int?)] = []
    for constraint in violated {
      let (diagnostic, anchor, value) = report(constraint, arithmetic)
      diagnostics.append((diagnostic, anchor, value))
      if let value {
        if let existing = proposals[anchor], existing != value { conflicting.insert(anchor) }
        proposals[anchor] = value
      }
    }
    for cell in conflicting { proposals[cell] = nil }
    let brokenBefore = Set(violated.map(\.kind))
    func breaksNothing(_ applied: [CellRef: Int]) -> Bool {
      var patched = arithmetic.values
      for (cell, value) in applied { patched[cell] = value }
      return active.allSatisfy { $0.residual(patched) == 0 || brokenBefore.contains($0.kind) }
    }
    let safe = breaksNothing(proposals)
    if !safe {
      // The recomputed totals would break sums that hold: none of them is "the" right value.
      diagnostics = violated.map { report($0, arithmetic, hedged: true) }
    }
    for (var diagnostic, anchor, _) in diagnostics {
      if safe, let value = proposals[anchor], let cell = arithmetic.cell(anchor) {
        // With several numbers wrong and no one way to correct them, a recomputed total is a
        // guess (a detail value it adds up may be the wrong one): offered, never applied unasked.
        diagnostic.fixes = [fix(cell, value, certain: false)]
      }
      if let cell = arithmetic.cell(anchor) { context.handledCells.insert(cell.range.lowerBound) }
      context.add(diagnostic)
    }
  }

  /// Row totals left blank whose six parts are all read and not all 0, with their sums, in the
  /// table's order.
  private static func blankTotals(_ arithmetic: Table3Arithmetic) -> [(CellRef, Int)] {
    var result: [(CellRef, Int)] = []
    for spec in arithmetic.table.specs {
      let total = CellRef(spec, column: 6)
      guard arithmetic.cell(total)?.content == .blank, arithmetic.values[total] != nil else { continue }
      let parts = (0..<6).map { arithmetic.values[CellRef(spec, column: $0)] }
      guard parts.allSatisfy({ $0 != nil }), case let sum = parts.reduce(0, { $0 + $1! }), sum > 0 else { continue }
      result.append((total, sum))
    }
    return result
  }

  /// The one cell, or else the one pair of cells, whose correction makes every broken sum hold
  /// and leaves every sum that held alone. Nil when there is none, or more than one.
  private static func smallestExplanation(
    violated: [Table3Arithmetic.Constraint],
    active: [Table3Arithmetic.Constraint],
    _ arithmetic: Table3Arithmetic
  ) -> [(CellRef, Int)]? {
    var cells: [CellRef] = []
    var seen: Set<CellRef> = []
    for cell in violated.flatMap(\.cells) where arithmetic.values[cell] != nil && seen.insert(cell).inserted {
      cells.append(cell)
    }
    let violatedKinds = Set(violated.map(\.kind))
    let residuals = Dictionary(uniqueKeysWithValues: active.map { ($0.kind, $0.residual(arithmetic.values)!) })
    let touching = Dictionary(
      uniqueKeysWithValues: cells.map { cell in (cell, active.filter { $0.coefficient(of: cell) != 0 }) }
    )

    var singles: [[(CellRef, Int)]] = []
    for cell in cells {
      let constraints = touching[cell]!
      guard Set(constraints.map(\.kind)) == violatedKinds else { continue }
      let deltas = Set(constraints.map { -residuals[$0.kind]! * $0.coefficient(of: cell) })
      guard deltas.count == 1, let value = deltas.first.map({ arithmetic.values[cell]! + $0 }), value >= 0 else {
        continue
      }
      singles.append([(cell, value)])
    }
    if !singles.isEmpty { return singles.count == 1 ? singles[0] : nil }
    guard cells.count <= 160 else { return nil }

    // The broken sums each cell takes part in, as bits: a pair that does not take part in every
    // broken sum is passed over before its equations are built.
    let violatedBits = Dictionary(uniqueKeysWithValues: violatedKinds.enumerated().map { ($1, UInt64(1) << $0) })
    let allViolated = violatedBits.values.reduce(0, |)
    let masks: [UInt64]? =
      violatedKinds.count <= 64
      ? cells.map { cell in touching[cell]!.reduce(0) { $0 | (violatedBits[$1.kind] ?? 0) } } : nil
    var pairs: [[(CellRef, Int)]] = []
    for i in 0..<cells.count {
      for j in (i + 1)..<cells.count {
        if let masks, masks[i] | masks[j] != allViolated { continue }
        let x = cells[i]
        let y = cells[j]
        let constraints = Dictionary(
          (touching[x]! + touching[y]!).map { ($0.kind, $0) },
          uniquingKeysWith: { a, _ in a }
        )
        guard violatedKinds.isSubset(of: constraints.keys) else { continue }
        // a·dx + b·dy = -residual for every constraint touching x or y.
        let equations = constraints.values.map { ($0.coefficient(of: x), $0.coefficient(of: y), -residuals[$0.kind]!) }
        guard let (dx, dy) = solve(equations), dx != 0, dy != 0 else { continue }
        let vx = arithmetic.values[x]! + dx
        let vy = arithmetic.values[y]! + dy
        guard vx >= 0, vy >= 0 else { continue }
        pairs.append([(x, vx), (y, vy)])
        if pairs.count > 1 { return nil }
      }
    }
    return pairs.first
  }

  /// The one solution of a small integer system a·x + b·y = c, or nil.
  private static func solve(_ equations: [(Int, Int, Int)]) -> (Int, Int)? {
    var x: Int?
    var y: Int?
    for (a, b, c) in equations where b == 0 && a != 0 { x = c / a }
    for (a, b, c) in equations where a == 0 && b != 0 { y = c / b }
    if x == nil, let y {
      if let (a, b, c) = equations.first(where: { $0.0 != 0 }) { x = (c - b * y) / a }
    } else if y == nil, let x {
      if let (a, b, c) = equations.first(where: { $0.1 != 0 }) { y = (c - a * x) / b }
    } else if x == nil, y == nil {
      let mixed = equations.filter { $0.0 != 0 && $0.1 != 0 }
      outer: for i in 0..<mixed.count {
        for j in (i + 1)..<mixed.count {
          let (a1, b1, c1) = mixed[i]
          let (a2, b2, c2) = mixed[j]
          let determinant = a1 * b2 - a2 * b1
          guard determinant != 0 else { continue }
          let nx = c1 * b2 - c2 * b1
          let ny = a1 * c2 - a2 * c1
          guard nx % determinant == 0, ny % determinant == 0 else { return nil }
          x = nx / determinant
          y = ny / determinant
          break outer
        }
      }
    }
    guard let x, let y else { return nil }
    return equations.allSatisfy { $0.0 * x + $0.1 * y == $0.2 } ? (x, y) : nil
  }

  private static func columnName(_ column: Int) -> String { NationalFormat.table3Columns[column] }

  private static func diagnose(
    cell: CellRef,
    correct: Int,
    violated: [Table3Arithmetic.Constraint],
    alone: Bool,
    _ arithmetic: Table3Arithmetic
  ) -> Diagnostic {
    let spec = arithmetic.spec(cell.row)
    let written = arithmetic.values[cell] ?? 0
    let isBlank = arithmetic.cell(cell)?.content == .blank
    let found = LocalizedText(
      zh: isBlank ? "空白（按 0 计）" : " \(written)",
      en: isBlank ? "blank (read as 0)" : "\(written)"
    )
    let name = CellNames.table3(spec, cell.column)
    let reasons = violated.map { explanation($0, arithmetic) }
    let assumption: LocalizedText
    if isBlank && cell.column == 6 && violated.count == 1 {
      assumption = LocalizedText(
        zh: "总计空白，而它所加的各项不全为 0：总计应为各项之和。",
        en: "The total is blank but the values it adds up are not all 0: it is their sum."
      )
    } else if !alone {
      assumption = LocalizedText(
        zh: "表中有两个数填错：改正这两个数后所有合计关系都成立，且没有其他改法。",
        en:
          "Two values of the table are wrong: correcting these two makes every sum hold, and no other correction does."
      )
    } else if violated.count > 1 {
      assumption = LocalizedText(
        zh: "只改这一个数就能让\(violated.count)处合计关系全部成立，所以判断是它填错了。",
        en: "Changing this one value makes all \(violated.count) broken sums hold, so it is taken to be the wrong one."
      )
    } else {
      assumption = LocalizedText(
        zh: "表中其他合计关系都成立，所以判断是它填错了。",
        en: "Every other sum of the table holds, so this value is taken to be the wrong one."
      )
    }
    let rule: Rule
    let certain: Bool
    if cell.column == 6 && spec.kind != .outcomeTotal {
      rule = .rowTotal
      certain = true
    } else if spec.kind == .outcomeTotal {
      rule = .outcomeTotal
      certain = true
    } else if spec.kind == .carriedForward {
      rule = .carryIdentity
      certain = true
    } else if spec.kind == .newApplications || spec.kind == .carriedOver {
      rule = .carryIdentity
      certain = false
    } else {
      rule = .contradictedValue
      certain = false
    }
    let related = violated.flatMap { constraint in
      constraint.cells.filter { $0 != cell }.compactMap { ref -> RelatedNote? in
        guard let c = arithmetic.cell(ref) else { return nil }
        let refSpec = arithmetic.spec(ref.row)
        return RelatedNote(
          range: c.range,
          message: LocalizedText(
            zh: "\(refSpec.displayName)·\(columnName(ref.column)) = \(arithmetic.values[ref] ?? 0)",
            en: "\(refSpec.displayName)·\(columnName(ref.column)) = \(arithmetic.values[ref] ?? 0)"
          )
        )
      }
    }
    let diagnosticCell = arithmetic.cell(cell)!
    let range = diagnosticCell.range.isEmpty ? arithmetic.table.row(cell.row)!.range : diagnosticCell.range
    // The message says what is wrong and the right value; the working and the reasoning about
    // which cell is the wrong one go to the related information (and the hover).
    let working = RelatedNote(
      range: range,
      message: LocalizedText(
        zh: "\(reasons.map(\.zh).joined(separator: "；"))。\(assumption.zh)",
        en: "\(reasons.map(\.en).joined(separator: "; ").capitalizedFirst). \(assumption.en)"
      )
    )
    var unique: [RelatedNote] = [working]
    for note in related where !unique.contains(note) { unique.append(note) }
    return Diagnostic(
      rule,
      range: range,
      message: LocalizedText(
        zh: "\(name.zh)应为 \(correct)，实为\(found.zh)\(alone ? "" : "（表中有两个数填错）")。",
        en:
          "\(name.capitalized.en) should be \(correct) but is \(found.en)\(alone ? "" : " (two values of the table are wrong)")."
      ),
      related: unique,
      fixes: [fix(diagnosticCell, correct, certain: certain)]
    )
  }

  /// The term-by-term working of a broken sum, as related information at its total.
  private static func working(_ reason: LocalizedText, at range: Range<Int>) -> RelatedNote {
    RelatedNote(range: range, message: LocalizedText(zh: reason.zh + "。", en: reason.en.capitalizedFirst + "."))
  }

  /// One broken sum, written out.
  private static func explanation(_ constraint: Table3Arithmetic.Constraint, _ a: Table3Arithmetic) -> LocalizedText {
    switch constraint.kind {
    case .rowSum(let row):
      let spec = a.spec(row)
      let sum = a.sumText(constraint.left, naming: { columnName($0.column) }, skipZeros: false)
      return LocalizedText(
        zh: "“\(spec.displayName)”行：\(sum)，总计写的是 \(a.values[CellRef(row, column: 6)] ?? 0)",
        en: "row “\(spec.displayName)”: \(sum), the total says \(a.values[CellRef(row, column: 6)] ?? 0)"
      )
    case .outcomeSum(let column):
      let sum = a.sumText(constraint.left, naming: { a.spec($0.row).shortName }, skipZeros: true)
      let total = a.values[CellRef(.outcomeTotal, column: column)] ?? 0
      return LocalizedText(
        zh: "“\(columnName(column))”列（一）至（六）各项之和为 \(sum)（其余各项为 0），而（七）总计写的是 \(total)",
        en:
          "in column “\(columnName(column))” the rows （一）–（六） add up to \(sum) (the others are 0), but （七）总计 says \(total)"
      )
    case .identity(let column):
      let v = { (row: Table3Row) in a.values[CellRef(row, column: column)] ?? 0 }
      let (received, carried) = (v(.newApplications), v(.carriedOver))
      let (done, forward) = (v(.outcomeTotal), v(.carriedForward))
      return LocalizedText(
        zh:
          "“\(columnName(column))”列：一 本年新收 \(received) + 二 上年结转 \(carried) = \(received + carried)，而（七）总计 \(done) + 四 结转下年度 \(forward) = \(done + forward)",
        en:
          "column “\(columnName(column))”: 一 new \(received) + 二 carried over \(carried) = \(received + carried), but （七） total \(done) + 四 carried forward \(forward) = \(done + forward)"
      )
    }
  }

  /// A broken sum reported at its total, with the value that total would need.
  /// A broken sum reported at its total. `hedged`: several numbers are wrong and recomputing
  /// this total would break another sum, so the message gives the sum of the parts, not a right
  /// value.
  private static func report(
    _ constraint: Table3Arithmetic.Constraint,
    _ a: Table3Arithmetic,
    hedged: Bool = false
  ) -> (Diagnostic, CellRef, Int?) {
    let residual = constraint.residual(a.values)!
    let reason = explanation(constraint, a)
    func totalMessage(_ name: LocalizedText, _ correct: Int, _ written: Int) -> LocalizedText {
      hedged
        ? LocalizedText(
          zh: "\(name.zh)与各项之和不符：各项之和为 \(correct)，实为 \(written)（表中不止一个数填错，请核对）。",
          en:
            "\(name.capitalized.en) does not match its parts: they add up to \(correct), it says \(written) (more than one value is wrong; check them)."
        )
        : LocalizedText(
          zh: "\(name.zh)应为 \(correct)，实为 \(written)。",
          en: "\(name.capitalized.en) should be \(correct) but is \(written)."
        )
    }
    switch constraint.kind {
    case .rowSum(let row):
      let anchor = CellRef(row, column: 6)
      let correct = (a.values[anchor] ?? 0) + residual
      let diagnostic = Diagnostic(
        .rowTotal,
        range: a.cell(anchor)?.range ?? a.table.row(row)!.range,
        message: totalMessage(CellNames.table3(a.spec(row), 6), correct, a.values[anchor] ?? 0),
        related: [working(reason, at: a.cell(anchor)?.range ?? a.table.row(row)!.range)] + related(constraint.left, a)
      )
      return (diagnostic, anchor, correct)
    case .outcomeSum(let column):
      let anchor = CellRef(.outcomeTotal, column: column)
      let correct = (a.values[anchor] ?? 0) + residual
      let diagnostic = Diagnostic(
        .outcomeTotal,
        range: a.cell(anchor)?.range ?? a.table.row(.outcomeTotal)!.range,
        message: totalMessage(CellNames.table3(a.spec(.outcomeTotal), column), correct, a.values[anchor] ?? 0),
        related: [working(reason, at: a.cell(anchor)?.range ?? a.table.row(.outcomeTotal)!.range)]
          + related(constraint.left, a)
      )
      return (diagnostic, anchor, correct)
    case .identity(let column):
      let anchor = CellRef(.carriedForward, column: column)
      let correct = (a.values[anchor] ?? 0) + residual
      let diagnostic = Diagnostic(
        .carryIdentity,
        range: a.cell(anchor)?.range ?? a.table.row(.carriedForward)!.range,
        message: LocalizedText(
          zh:
            "表三“\(columnName(column))”列一 + 二 ≠（七）+ 四\(correct >= 0 ? "：若其他数无误，“四、结转下年度继续办理”应为 \(correct)，实为 \(a.values[anchor] ?? 0)" : "，请核对各项数字")。",
          en:
            "Table 三, column “\(columnName(column))”: 一 + 二 ≠ （七） + 四\(correct >= 0 ? "; if the other numbers are right, 四 (carried forward) is \(correct), not \(a.values[anchor] ?? 0)" : "; check the numbers")."
        ),
        related: [working(reason, at: a.cell(anchor)?.range ?? a.table.row(.carriedForward)!.range)]
          + related(constraint.left + [CellRef(.outcomeTotal, column: column)], a)
      )
      return (diagnostic, anchor, correct >= 0 ? correct : nil)
    }
  }

  private static func related(_ cells: [CellRef], _ a: Table3Arithmetic) -> [RelatedNote] {
    cells.compactMap { ref in
      guard let cell = a.cell(ref), let v = a.values[ref], v != 0 || cells.count <= 7 else { return nil }
      let name = "\(a.spec(ref.row).displayName)·\(columnName(ref.column)) = \(v)"
      return RelatedNote(range: cell.range, message: LocalizedText(zh: name, en: name))
    }
  }

  static func fix(_ cell: Cell, _ value: Int, certain: Bool) -> Fix {
    Fix(
      title: certain
        ? LocalizedText(zh: "重新计算为 \(value)", en: "Recompute as \(value)")
        : LocalizedText(zh: "改为 \(value)（请核对原始台账）", en: "Change to \(value) (check the records)"),
      edits: [TextEdit(range: cell.range, replacement: String(value))],
      isCertain: certain
    )
  }
}

extension String {
  /// The string with its first letter in upper case.
  fileprivate var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}
