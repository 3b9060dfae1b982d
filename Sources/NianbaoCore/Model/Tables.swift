/// Table 二 (主动公开政府信息情况).
public struct Table2: Sendable, Hashable {
  public struct Row: Sendable, Hashable {
    public var subtableItem: Int
    public var name: String
    public var row: TableRow
  }
  public var range: Range<Int>
  public var edition: FormatEdition
  public var rows: [Row]
  /// Column header cells (本年制发件数 …), with the sub-table they belong to.
  public var headers: [HeaderCell]

  public struct HeaderCell: Sendable, Hashable {
    public var subtableItem: Int
    public var column: Int
    public var range: Range<Int>
    public var text: String
  }
}

/// Table 三 (收到和处理政府信息公开申请情况).
public struct Table3: Sendable, Hashable {
  public var range: Range<Int>
  public var edition: FormatEdition
  /// The rows found, in one slot for each ``Table3Row``.
  private var slots: [TableRow?]
  /// The row specs in print order for the edition the table was written in.
  public var specs: [Table3RowSpec]

  init(range: Range<Int>, edition: FormatEdition, slots: [TableRow?], specs: [Table3RowSpec]) {
    self.range = range
    self.edition = edition
    self.slots = slots
    self.specs = specs
  }

  public func row(_ row: Table3Row) -> TableRow? { slots[row.index] }

  /// The rows found, in print order.
  public var rows: [(spec: Table3RowSpec, row: TableRow)] {
    specs.compactMap { spec in slots[spec.index].map { (spec, $0) } }
  }
}

/// Table 四 (政府信息公开行政复议、行政诉讼情况): one row of 15 values.
public struct Table4: Sendable, Hashable {
  public var range: Range<Int>
  public var row: TableRow?
  /// Header words written differently from the format (`结果推持` for `结果维持`).
  public var headerDeviations: [LabelDeviation] = []
}
