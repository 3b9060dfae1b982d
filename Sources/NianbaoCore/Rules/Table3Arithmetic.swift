/// The sums of table 三 as linear constraints over its cells, shared by the balance rule and
/// by hover.
struct Table3Arithmetic {
  struct CellRef: Hashable, Sendable {
    let row: Table3Row
    let column: Int

    init(_ row: Table3Row, column: Int) {
      self.row = row
      self.column = column
    }

    init(_ spec: Table3RowSpec, column: Int) { self.init(spec.row, column: column) }
  }

  /// The values of the cells: an array indexed by row and column, not a dictionary, because
  /// every sum reads them.
  struct CellValues {
    private static let columnsPerRow = NationalFormat.table3Columns.count
    private var slots = [Int?](repeating: nil, count: Table3Row.count * columnsPerRow)

    subscript(cell: CellRef) -> Int? {
      get { slots[cell.row.index * Self.columnsPerRow + cell.column] }
      set { slots[cell.row.index * Self.columnsPerRow + cell.column] = newValue }
    }
  }

  enum Kind: Hashable {
    /// R3-3: a row's 总计 is the sum of its six applicant columns.
    case rowSum(Table3Row)
    /// R3-2: （七）总计 is the sum of the outcome rows, in one column.
    case outcomeSum(Int)
    /// R3-1: 一 + 二 = （七） + 四, in one column.
    case identity(Int)
  }

  struct Constraint {
    var kind: Kind
    /// Cells with coefficient +1 on the left side of the equation.
    var left: [CellRef]
    /// Cells with coefficient +1 on the right side.
    var right: [CellRef]

    func residual(_ values: CellValues) -> Int? {
      var sum = 0
      for cell in left {
        guard let v = values[cell] else { return nil }
        sum += v
      }
      for cell in right {
        guard let v = values[cell] else { return nil }
        sum -= v
      }
      return sum
    }

    func coefficient(of cell: CellRef) -> Int {
      (left.contains(cell) ? 1 : 0) - (right.contains(cell) ? 1 : 0)
    }

    var cells: [CellRef] { left + right }
  }

  let table: Table3
  /// Values of the cells that can be used for sums (blanks count as 0).
  private(set) var values: CellValues
  let constraints: [Constraint]

  init(table: Table3, unusableRows: Set<Table3Row>) {
    self.table = table
    var values = CellValues()
    for spec in table.specs where !unusableRows.contains(spec.row) {
      guard let row = table.row(spec.row), row.cells.count == 7 else { continue }
      for (column, cell) in row.cells.enumerated() {
        if let v = cell.integerValue { values[CellRef(spec, column: column)] = v }
      }
    }
    self.values = values
    let constraints = Self.constraints(of: table.specs)
    self.constraints = constraints
    self.active = constraints.filter { $0.residual(values) != nil }
  }

  /// The sums of a table with these rows: those of the national format's two editions are made
  /// once, as every report's table has one of them.
  private static func constraints(of specs: [Table3RowSpec]) -> [Constraint] {
    for (editionSpecs, constraints) in editionConstraints
    where editionSpecs.count == specs.count && zip(editionSpecs, specs).allSatisfy({ $0 === $1 }) {
      return constraints
    }
    return makeConstraints(specs)
  }

  private static let editionConstraints = [FormatEdition.trial2019, .edition2021].map { edition in
    let specs = NationalFormat.table3Rows(edition)
    return (specs, makeConstraints(specs))
  }

  private static func makeConstraints(_ specs: [Table3RowSpec]) -> [Constraint] {
    var constraints: [Constraint] = []
    for spec in specs {
      constraints.append(
        Constraint(
          kind: .rowSum(spec.row),
          left: (0..<6).map { CellRef(spec, column: $0) },
          right: [CellRef(spec, column: 6)]
        )
      )
    }
    let outcomes = specs.filter { $0.kind == .outcome }
    for column in 0..<7 {
      constraints.append(
        Constraint(
          kind: .outcomeSum(column),
          left: outcomes.map { CellRef($0, column: column) },
          right: [CellRef(.outcomeTotal, column: column)]
        )
      )
      constraints.append(
        Constraint(
          kind: .identity(column),
          left: [CellRef(.newApplications, column: column), CellRef(.carriedOver, column: column)],
          right: [CellRef(.outcomeTotal, column: column), CellRef(.carriedForward, column: column)]
        )
      )
    }
    return constraints
  }

  /// Constraints whose every cell has a value.
  private(set) var active: [Constraint]

  /// Reads cells as other values than written (a blank total as the sum of its parts).
  mutating func set(_ cells: [(CellRef, Int)]) {
    guard !cells.isEmpty else { return }
    for (cell, value) in cells { values[cell] = value }
    active = constraints.filter { $0.residual(values) != nil }
  }

  func spec(_ row: Table3Row) -> Table3RowSpec { table.specs.first { $0.row == row }! }

  func cell(_ ref: CellRef) -> Cell? {
    guard let row = table.row(ref.row), ref.column < row.cells.count else { return nil }
    return row.cells[ref.column]
  }

  /// `自然人 5 + 商业企业 0 + … = 6`
  func sumText(_ cells: [CellRef], naming: (CellRef) -> String, skipZeros: Bool) -> String {
    var parts: [String] = []
    var skipped = 0
    for ref in cells {
      let v = values[ref] ?? 0
      if skipZeros && v == 0 {
        skipped += 1
        continue
      }
      parts.append("\(naming(ref)) \(v)")
    }
    let total = cells.reduce(0) { $0 + (values[$1] ?? 0) }
    if parts.isEmpty { return "0" }
    return parts.joined(separator: " + ") + " = \(total)"
  }
}
