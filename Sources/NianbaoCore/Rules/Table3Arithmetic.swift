/// The sums of table 三 as linear constraints over its cells, shared by the balance rule and
/// by hover.
struct Table3Arithmetic {
  struct CellRef: Hashable, Sendable {
    let row: String
    let column: Int
    /// The row id's bytes packed into one integer (ids are a few ASCII bytes, `3(3).1`): the sums
    /// look cells up thousands of times, and comparing and hashing an integer is much cheaper
    /// than a String.
    private let packedRow: UInt64
    private let isPacked: Bool

    init(row: String, column: Int) {
      self.row = row
      self.column = column
      func pack(_ bytes: some Collection<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for byte in bytes { packed = packed << 8 | UInt64(byte) }
        return packed
      }
      self.packedRow = row.utf8.withContiguousStorageIfAvailable(pack) ?? pack(row.utf8)
      self.isPacked = row.utf8.count <= 8
    }

    static func == (a: CellRef, b: CellRef) -> Bool {
      a.packedRow == b.packedRow && a.column == b.column && (a.isPacked && b.isPacked || a.row == b.row)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(packedRow &+ UInt64(truncatingIfNeeded: column) &* 0x9E37_79B9_7F4A_7C15)
    }
  }

  enum Kind: Hashable {
    /// R3-3: a row's 总计 is the sum of its six applicant columns.
    case rowSum(String)
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

    func residual(_ values: [CellRef: Int]) -> Int? {
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
  let values: [CellRef: Int]
  let constraints: [Constraint]

  init(table: Table3, unusableRows: Set<String>) {
    self.table = table
    var values: [CellRef: Int] = [:]
    values.reserveCapacity(table.specs.count * 7)
    for spec in table.specs where !unusableRows.contains(spec.id) {
      guard let row = table.row(spec.id), row.cells.count == 7 else { continue }
      for (column, cell) in row.cells.enumerated() {
        if let v = cell.integerValue { values[CellRef(row: spec.id, column: column)] = v }
      }
    }
    self.values = values
    var constraints: [Constraint] = []
    for spec in table.specs {
      constraints.append(
        Constraint(
          kind: .rowSum(spec.id),
          left: (0..<6).map { CellRef(row: spec.id, column: $0) },
          right: [CellRef(row: spec.id, column: 6)]
        )
      )
    }
    let outcomes = table.specs.filter { $0.kind == .outcome }.map(\.id)
    for column in 0..<7 {
      constraints.append(
        Constraint(
          kind: .outcomeSum(column),
          left: outcomes.map { CellRef(row: $0, column: column) },
          right: [CellRef(row: "3(7)", column: column)]
        )
      )
      constraints.append(
        Constraint(
          kind: .identity(column),
          left: [CellRef(row: "1", column: column), CellRef(row: "2", column: column)],
          right: [CellRef(row: "3(7)", column: column), CellRef(row: "4", column: column)]
        )
      )
    }
    self.constraints = constraints
    self.active = constraints.filter { $0.residual(values) != nil }
  }

  /// Constraints whose every cell has a value.
  let active: [Constraint]

  func spec(_ id: String) -> Table3RowSpec { table.specs.first { $0.id == id }! }

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
