/// NB201, NB202, NB203, NB205: the sums of table 三 (勾稽关系).
///
/// One wrong number breaks up to three sums. When changing one single cell makes every broken
/// sum hold again (and breaks none that held), that cell is the finding, and the only one.
/// Otherwise each broken sum is reported at its total.
enum Table3Balance {
  typealias CellRef = Table3Arithmetic.CellRef

  static func run(_ context: inout RuleContext) {
    guard let table = context.report.table3 else { return }
    let arithmetic = Table3Arithmetic(table: table, unusableRows: context.unusableTable3Rows)
    let active = arithmetic.active
    let violated = active.filter { $0.residual(arithmetic.values) != 0 }
    guard !violated.isEmpty else { return }

    if let (cell, value) = singleCellExplanation(violated: violated, active: active, arithmetic) {
      context.add(diagnose(cell: cell, correct: value, violated: violated, arithmetic))
      if let c = arithmetic.cell(cell) { context.handledCells.insert(c.range.lowerBound) }
      return
    }

    // Several numbers are wrong: report each broken sum at its total, and offer the recomputed
    // totals only if, all applied together, they break no sum that held.
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
    var patched = arithmetic.values
    for (cell, value) in proposals { patched[cell] = value }
    let brokenBefore = Set(violated.map(\.kind))
    let safe = active.allSatisfy { $0.residual(patched) == 0 || brokenBefore.contains($0.kind) }
    for (var diagnostic, anchor, _) in diagnostics {
      if safe, let value = proposals[anchor], let cell = arithmetic.cell(anchor) {
        diagnostic.fixes = [fix(cell, value, certain: true)]
      }
      if let cell = arithmetic.cell(anchor) { context.handledCells.insert(cell.range.lowerBound) }
      context.add(diagnostic)
    }
  }

  /// The one cell whose change repairs every broken sum and touches no sum that holds.
  private static func singleCellExplanation(
    violated: [Table3Arithmetic.Constraint], active: [Table3Arithmetic.Constraint], _ arithmetic: Table3Arithmetic
  ) -> (CellRef, Int)? {
    let violatedKinds = Set(violated.map(\.kind))
    var candidates: [(CellRef, Int)] = []
    var seen: Set<CellRef> = []
    for cell in violated.flatMap(\.cells) where seen.insert(cell).inserted {
      let touching = active.filter { $0.coefficient(of: cell) != 0 }
      guard Set(touching.map(\.kind)) == violatedKinds, let current = arithmetic.values[cell] else { continue }
      // residual + coefficient × delta = 0 for every touching constraint, with one delta.
      let deltas = Set(touching.map { -$0.residual(arithmetic.values)! * $0.coefficient(of: cell) })
      guard deltas.count == 1, let delta = deltas.first, current + delta >= 0 else { continue }
      candidates.append((cell, current + delta))
    }
    return candidates.count == 1 ? candidates[0] : nil
  }

  private static func columnName(_ column: Int) -> String { NationalFormat.table3Columns[column] }

  private static func diagnose(
    cell: CellRef, correct: Int, violated: [Table3Arithmetic.Constraint], _ arithmetic: Table3Arithmetic
  ) -> Diagnostic {
    let spec = arithmetic.spec(cell.row)
    let written = arithmetic.values[cell] ?? 0
    let isBlank = arithmetic.cell(cell)?.content == .blank
    let found = LocalizedText(
      zh: isBlank ? "空白（按 0 计）" : "\(written)", en: isBlank ? "blank (read as 0)" : "\(written)")
    let name = CellNames.table3(spec, cell.column)
    let reasons = violated.map { explanation($0, arithmetic) }
    let assumption = LocalizedText(
      zh: violated.count > 1
        ? "只改这一个数就能让\(violated.count)处合计关系全部成立，所以判断是它填错了。"
        : "表中其他合计关系都成立，所以判断是它填错了。",
      en: violated.count > 1
        ? "Changing this one value makes all \(violated.count) broken sums hold, so it is taken to be the wrong one."
        : "Every other sum of the table holds, so this value is taken to be the wrong one.")
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
            en: "\(refSpec.displayName)·\(columnName(ref.column)) = \(arithmetic.values[ref] ?? 0)"))
      }
    }
    var unique: [RelatedNote] = []
    for note in related where !unique.contains(note) { unique.append(note) }
    let diagnosticCell = arithmetic.cell(cell)!
    return Diagnostic(
      rule, range: diagnosticCell.range.isEmpty ? arithmetic.table.row(cell.row)!.range : diagnosticCell.range,
      message: LocalizedText(
        zh: "\(name.zh)应为 \(correct)，实为\(found.zh)。\(reasons.map(\.zh).joined(separator: "；"))。\(assumption.zh)",
        en: "\(name.capitalized.en) should be \(correct) but is \(found.en). \(reasons.map(\.en).joined(separator: "; ")). \(assumption.en)"),
      related: unique,
      fixes: [fix(diagnosticCell, correct, certain: certain)])
  }

  /// One broken sum, written out.
  private static func explanation(_ constraint: Table3Arithmetic.Constraint, _ a: Table3Arithmetic) -> LocalizedText {
    switch constraint.kind {
    case .rowSum(let id):
      let spec = a.spec(id)
      let sum = a.sumText(constraint.left, naming: { columnName($0.column) }, skipZeros: false)
      return LocalizedText(
        zh: "“\(spec.displayName)”行：\(sum)，总计写的是 \(a.values[CellRef(row: id, column: 6)] ?? 0)",
        en: "row “\(spec.displayName)”: \(sum), the total says \(a.values[CellRef(row: id, column: 6)] ?? 0)")
    case .outcomeSum(let column):
      let sum = a.sumText(constraint.left, naming: { a.spec($0.row).displayName }, skipZeros: true)
      let total = a.values[CellRef(row: "3(7)", column: column)] ?? 0
      return LocalizedText(
        zh: "“\(columnName(column))”列（一）至（六）各项之和为 \(sum == "0" ? "0" : sum)（其余为 0），（七）总计写的是 \(total)",
        en: "in column “\(columnName(column))” the rows （一）–（六） add up to \(sum == "0" ? "0" : sum) (the others are 0), （七）总计 says \(total)")
    case .identity(let column):
      let v = { (row: String) in a.values[CellRef(row: row, column: column)] ?? 0 }
      return LocalizedText(
        zh: "“\(columnName(column))”列：一 本年新收 \(v("1")) + 二 上年结转 \(v("2")) = \(v("1") + v("2"))，而（七）总计 \(v("3(7)")) + 四 结转下年度 \(v("4")) = \(v("3(7)") + v("4"))",
        en: "column “\(columnName(column))”: 一 new \(v("1")) + 二 carried over \(v("2")) = \(v("1") + v("2")), but （七） total \(v("3(7)")) + 四 carried forward \(v("4")) = \(v("3(7)") + v("4"))")
    }
  }

  /// A broken sum reported at its total, with the value that total would need.
  private static func report(_ constraint: Table3Arithmetic.Constraint, _ a: Table3Arithmetic) -> (Diagnostic, CellRef, Int?) {
    let residual = constraint.residual(a.values)!
    let reason = explanation(constraint, a)
    switch constraint.kind {
    case .rowSum(let id):
      let anchor = CellRef(row: id, column: 6)
      let correct = (a.values[anchor] ?? 0) + residual
      let diagnostic = Diagnostic(
        .rowTotal, range: a.cell(anchor)?.range ?? a.table.row(id)!.range,
        message: LocalizedText(
          zh: "\(CellNames.table3(a.spec(id), 6).zh)应为 \(correct)，实为 \(a.values[anchor] ?? 0)。\(reason.zh)。",
          en: "\(CellNames.table3(a.spec(id), 6).capitalized.en) should be \(correct) but is \(a.values[anchor] ?? 0): \(reason.en)."),
        related: related(constraint.left, a))
      return (diagnostic, anchor, correct)
    case .outcomeSum(let column):
      let anchor = CellRef(row: "3(7)", column: column)
      let correct = (a.values[anchor] ?? 0) + residual
      let diagnostic = Diagnostic(
        .outcomeTotal, range: a.cell(anchor)?.range ?? a.table.row("3(7)")!.range,
        message: LocalizedText(
          zh: "\(CellNames.table3(a.spec("3(7)"), column).zh)应为 \(correct)，实为 \(a.values[anchor] ?? 0)：\(reason.zh)。",
          en: "\(CellNames.table3(a.spec("3(7)"), column).capitalized.en) should be \(correct) but is \(a.values[anchor] ?? 0): \(reason.en)."),
        related: related(constraint.left, a))
      return (diagnostic, anchor, correct)
    case .identity(let column):
      let anchor = CellRef(row: "4", column: column)
      let correct = (a.values[anchor] ?? 0) + residual
      let diagnostic = Diagnostic(
        .carryIdentity, range: a.cell(anchor)?.range ?? a.table.row("4")!.range,
        message: LocalizedText(
          zh: "表三勾稽关系不成立（一 + 二 应等于（七）+ 四）：\(reason.zh)。\(correct >= 0 ? "若其他数无误，“四、结转下年度继续办理”应为 \(correct)。" : "请核对各项数字。")",
          en: "Table 三 does not balance (一 + 二 must equal （七） + 四): \(reason.en). \(correct >= 0 ? "If the other numbers are right, 四 (carried forward) is \(correct)." : "Check the numbers.")"),
        related: related(constraint.left + [CellRef(row: "3(7)", column: column)], a))
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
      edits: [TextEdit(range: cell.range, replacement: String(value))], isCertain: certain)
  }
}
