/// Table 二 (主动公开政府信息情况): four sub-tables, one per item of 条例 第二十条.
public struct Table2SubtableSpec: Sendable, Hashable {
  /// The item of 第二十条: 1, 5, 6, 8 (and 9 in the 2019 trial format).
  public let item: Int
  public let columns: [String]
  public let rows: [String]
  /// Columns whose values may have decimals (amounts in 万元).
  public let decimalColumns: Set<Int>
  /// Columns whose values may be negative (本年增/减 of the trial format).
  public let signedColumns: Set<Int>

  public var marker: String { "第二十条第（\(NationalFormat.chineseNumeral(item))）项" }
}

extension NationalFormat {
  public static func table2(_ edition: FormatEdition) -> [Table2SubtableSpec] {
    edition == .trial2019 ? trialTable2 : currentTable2
  }
  private static let trialTable2 = makeTable2(.trial2019)
  private static let currentTable2 = makeTable2(.edition2021)

  private static func makeTable2(_ edition: FormatEdition) -> [Table2SubtableSpec] {
    switch edition {
    case .edition2021:
      return [
        Table2SubtableSpec(
          item: 1,
          columns: ["本年制发件数", "本年废止件数", "现行有效件数"],
          rows: ["规章", "行政规范性文件"],
          decimalColumns: [],
          signedColumns: []
        ),
        Table2SubtableSpec(
          item: 5,
          columns: ["本年处理决定数量"],
          rows: ["行政许可"],
          decimalColumns: [],
          signedColumns: []
        ),
        Table2SubtableSpec(
          item: 6,
          columns: ["本年处理决定数量"],
          rows: ["行政处罚", "行政强制"],
          decimalColumns: [],
          signedColumns: []
        ),
        Table2SubtableSpec(
          item: 8,
          columns: ["本年收费金额（单位：万元）"],
          rows: ["行政事业性收费"],
          decimalColumns: [0],
          signedColumns: []
        ),
      ]
    case .trial2019:
      return [
        Table2SubtableSpec(
          item: 1,
          columns: ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
          rows: ["规章", "规范性文件"],
          decimalColumns: [],
          signedColumns: []
        ),
        Table2SubtableSpec(
          item: 5,
          columns: ["上一年项目数量", "本年增/减", "处理决定数量"],
          rows: ["行政许可", "其他对外管理服务事项"],
          decimalColumns: [],
          signedColumns: [1]
        ),
        Table2SubtableSpec(
          item: 6,
          columns: ["上一年项目数量", "本年增/减", "处理决定数量"],
          rows: ["行政处罚", "行政强制"],
          decimalColumns: [],
          signedColumns: [1]
        ),
        Table2SubtableSpec(
          item: 8,
          columns: ["上一年项目数量", "本年增/减"],
          rows: ["行政事业性收费"],
          decimalColumns: [],
          signedColumns: [1]
        ),
        Table2SubtableSpec(
          item: 9,
          columns: ["采购项目数量", "采购总金额"],
          rows: ["政府集中采购"],
          decimalColumns: [1],
          signedColumns: []
        ),
      ]
    }
  }

  /// Header words that only the 2019 trial format's table 二 uses.
  static let trialTable2HeaderCores: Set<String> = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减"]
}
