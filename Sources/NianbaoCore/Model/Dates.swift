/// A calendar date written in the text: `2025年1月1日`, `2025.1.1`, `2025-01-01`, or `12月31日`
/// (year taken from the range it ends).
public struct DateMention: Sendable, Hashable {
  public var range: Range<Int>
  public var year: Int?
  public var month: Int
  public var day: Int?
  /// Whether the year was written (not inherited from the start of a range).
  public var yearWritten: Bool
  public var yearRange: Range<Int>?
  /// `截至…`
  public var isCutoff: Bool

  public var isValid: Bool {
    guard month >= 1 && month <= 12 else { return false }
    guard let day else { return true }
    return day >= 1 && day <= DateMention.daysIn(month: month, year: year)
  }

  static func daysIn(month: Int, year: Int?) -> Int {
    switch month {
    case 2:
      guard let year else { return 29 }
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Comparable key (year, month, day).
  var key: (Int, Int, Int) { (year ?? 0, month, day ?? 1) }
}

public struct DateRangeMention: Sendable, Hashable {
  public var range: Range<Int>
  public var start: DateMention
  public var end: DateMention
}

/// The sentence that states the statistics period (统计期限 / 统计时限 / 统计周期).
public struct StatisticsPeriod: Sendable, Hashable {
  public var keywordRange: Range<Int>
  public var dates: DateRangeMention
}
