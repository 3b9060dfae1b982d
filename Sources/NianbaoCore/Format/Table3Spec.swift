/// A row of table 三, by its place among every row either edition has (一, 二, 四, （一）–（七）,
/// then the items of （三）–（六））: the same row is the same ``Table3Row`` in both editions, so
/// tables, rules and sums keep rows and cells in arrays indexed by it.
public struct Table3Row: Hashable, Sendable {
  let index: Int
  static let count = 3 + 7 + 4 * 8

  private init(index: Int) { self.index = index }

  init?(_ kind: Table3RowSpec.Kind, group: Int?, item: Int?) {
    switch (kind, group, item) {
    case (.newApplications, _, _): self = .newApplications
    case (.carriedOver, _, _): self = .carriedOver
    case (.carriedForward, _, _): self = .carriedForward
    case (_, let group?, nil) where (1...7).contains(group): self = .group(group)
    case (_, let group?, let item?) where (3...6).contains(group) && (1...8).contains(item):
      self = .item(item, of: group)
    default: return nil
    }
  }

  /// 一、本年新收
  public static let newApplications = Table3Row(index: 0)
  /// 二、上年结转
  public static let carriedOver = Table3Row(index: 1)
  /// 四、结转下年度继续办理
  public static let carriedForward = Table3Row(index: 2)
  /// （七）总计
  public static let outcomeTotal = group(7)

  /// The row of the level-2 group （一）–（七） (（六） as the 2019 trial format's single row).
  public static func group(_ group: Int) -> Table3Row { Table3Row(index: 2 + group) }

  /// Item `item` (1.–8.) of the group （三）–（六）.
  public static func item(_ item: Int, of group: Int) -> Table3Row {
    Table3Row(index: 10 + (group - 3) * 8 + (item - 1))
  }
}

/// Table 三 (收到和处理政府信息公开申请情况): one row of the table. A class: the readers and rules
/// pass specs around constantly, and a copy is one reference instead of five strings.
public final class Table3RowSpec: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// 一、本年新收
    case newApplications
    /// 二、上年结转
    case carriedOver
    /// A row counted into （七）总计: （一）, （二）, the items of （三）–（六）, or the single （六）
    /// row of the 2019 trial format.
    case outcome
    /// （七）总计
    case outcomeTotal
    /// 四、结转下年度继续办理
    case carriedForward
  }

  /// Stable identifier, e.g. `3.1` for （三）1.
  public let id: String
  public let kind: Kind
  /// The level-2 group （一）–（七）, nil for rows 一, 二 and 四.
  public let group: Int?
  /// The item 1.–8. inside a group.
  public let item: Int?
  /// The canonical wording of the row's own label, without numbering.
  public let label: String
  /// The group's wording, for groups with items.
  public let groupLabel: String?

  /// A short name for sums: `（三）1.`, `（七）`, `一`.
  public let shortName: String
  /// How the row is named in messages: `（三）不予公开 1.属于国家秘密`.
  public let displayName: String

  /// Which row this is, the same in both editions.
  public let row: Table3Row
  /// ``row``'s index, for keeping rows in arrays.
  var index: Int { row.index }
  static let rowCount = Table3Row.count

  init(id: String, kind: Kind, group: Int?, item: Int?, label: String, groupLabel: String?) {
    self.id = id
    guard let row = Table3Row(kind, group: group, item: item) else { preconditionFailure("table 三 has no row \(id)") }
    self.row = row
    self.kind = kind
    self.group = group
    self.item = item
    self.label = label
    self.groupLabel = groupLabel
    self.shortName = Self.shortName(kind, group: group, item: item)
    self.displayName = Self.displayName(kind, group: group, item: item, label: label, groupLabel: groupLabel)
  }

  public static func == (a: Table3RowSpec, b: Table3RowSpec) -> Bool {
    a === b || (a.id == b.id && a.kind == b.kind && a.label == b.label && a.groupLabel == b.groupLabel)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  private static func shortName(_ kind: Kind, group: Int?, item: Int?) -> String {
    switch kind {
    case .newApplications: return "一"
    case .carriedOver: return "二"
    case .carriedForward: return "四"
    case .outcome, .outcomeTotal:
      let g = "（\(NationalFormat.chineseNumeral(group ?? 0))）"
      return item.map { "\(g)\($0)." } ?? g
    }
  }

  private static func displayName(
    _ kind: Kind,
    group: Int?,
    item: Int?,
    label: String,
    groupLabel: String?
  )
    -> String
  {
    switch kind {
    case .newApplications: return "一、\(label)"
    case .carriedOver: return "二、\(label)"
    case .carriedForward: return "四、\(label)"
    case .outcome, .outcomeTotal:
      let g = "（\(NationalFormat.chineseNumeral(group ?? 0))）"
      if let item, let groupLabel { return "\(g)\(groupLabel) \(item).\(label)" }
      return g + (label.split(separator: "（").first.map(String.init) ?? label)
    }
  }
}

extension NationalFormat {
  public static let table3Columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
  public static let table3ColumnsEnglish = [
    "natural persons", "businesses", "research institutions", "public-interest organisations",
    "legal service providers", "other organisations", "total",
  ]
  public static let table3TotalColumn = 6

  static let table3Groups: [Int: String] = [
    1: "予以公开", 2: "部分公开", 3: "不予公开", 4: "无法提供", 5: "不予处理", 6: "其他处理", 7: "总计",
  ]

  static let table3Items: [Int: [String]] = [
    3: [
      "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息",
      "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项",
    ],
    4: ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"],
    5: ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"],
    6: ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"],
  ]

  /// The rows of table 三 in the order they are printed.
  public static func table3Rows(_ edition: FormatEdition) -> [Table3RowSpec] {
    edition == .trial2019 ? trialTable3Rows : currentTable3Rows
  }
  private static let trialTable3Rows = makeTable3Rows(.trial2019)
  private static let currentTable3Rows = makeTable3Rows(.edition2021)

  private static func makeTable3Rows(_ edition: FormatEdition) -> [Table3RowSpec] {
    var rows: [Table3RowSpec] = [
      Table3RowSpec(id: "1", kind: .newApplications, group: nil, item: nil, label: "本年新收政府信息公开申请数量", groupLabel: nil),
      Table3RowSpec(id: "2", kind: .carriedOver, group: nil, item: nil, label: "上年结转政府信息公开申请数量", groupLabel: nil),
      Table3RowSpec(id: "3(1)", kind: .outcome, group: 1, item: nil, label: "予以公开", groupLabel: nil),
      Table3RowSpec(
        id: "3(2)",
        kind: .outcome,
        group: 2,
        item: nil,
        label: "部分公开（区分处理的，只计这一情形，不计其他情形）",
        groupLabel: nil
      ),
    ]
    for group in 3...6 {
      if group == 6 && edition == .trial2019 {
        rows.append(Table3RowSpec(id: "3(6)", kind: .outcome, group: 6, item: nil, label: "其他处理", groupLabel: nil))
        continue
      }
      for (index, label) in table3Items[group]!.enumerated() {
        rows.append(
          Table3RowSpec(
            id: "3(\(group)).\(index + 1)",
            kind: .outcome,
            group: group,
            item: index + 1,
            label: label,
            groupLabel: table3Groups[group]
          )
        )
      }
    }
    rows.append(Table3RowSpec(id: "3(7)", kind: .outcomeTotal, group: 7, item: nil, label: "总计", groupLabel: nil))
    rows.append(
      Table3RowSpec(id: "4", kind: .carriedForward, group: nil, item: nil, label: "结转下年度继续办理", groupLabel: nil)
    )
    return rows
  }

  /// The row with this ``Table3RowSpec/id``, of either edition.
  static func table3Row(_ row: Table3Row) -> Table3RowSpec {
    guard let spec = allTable3Rows.first(where: { $0.row == row }) else {
      preconditionFailure("table 三 has no row \(row.index)")
    }
    return spec
  }

  /// Every row either edition knows, for reading a table before its edition is known.
  static let allTable3Rows: [Table3RowSpec] = {
    var rows = table3Rows(.edition2021)
    let single = table3Rows(.trial2019).first { $0.row == .group(6) }!
    rows.insert(single, at: rows.firstIndex { $0.row == .outcomeTotal }!)
    return rows
  }()
}
