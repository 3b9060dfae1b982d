extension NationalFormat {
  /// Table 四's three groups, each of four results and a total.
  public static let table4Groups = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
  public static let table4GroupsEnglish = [
    "administrative reconsideration", "litigation without prior reconsideration", "litigation after reconsideration",
  ]
  public static let table4Results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
  public static let table4ResultsEnglish = ["upheld", "corrected", "other outcome", "pending", "total"]
  public static let table4ValueCount = 15

  public static func table4ColumnName(_ index: Int) -> String { table4ColumnNames[index] }
  static let table4ColumnNames = (0..<15).map { "\(table4Groups[$0 / 5])·\(table4Results[$0 % 5])" }

  public static func table4ColumnNameEnglish(_ index: Int) -> String {
    "\(table4GroupsEnglish[index / 5]), \(table4ResultsEnglish[index % 5])"
  }
}
