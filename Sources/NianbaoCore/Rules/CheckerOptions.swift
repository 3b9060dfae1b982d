/// What a team's settings tell the rules about its reports. Data only: where it was read from
/// (`nianbao.toml`) is the frontends' business.
public struct CheckerOptions: Sendable, Hashable {
  /// The agency's kind, for the deadline of 条例 Art. 49; nil reads it from the title.
  public var agency: AgencyKind?
  /// A deadline stricter (or other) than the legal one, in the year after the report year.
  public var deadline: MonthDay?

  public init(agency: AgencyKind? = nil, deadline: MonthDay? = nil) {
    self.agency = agency
    self.deadline = deadline
  }
}

/// Who publishes the report: a government department (31 January) or a people's government
/// (31 March).
public enum AgencyKind: String, Sendable, Hashable, CaseIterable {
  case department
  case government
}

/// A day of the year without a year, such as `03-31`.
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let month: Int
  public let day: Int

  /// Nil unless the day exists in some year (29 February does).
  public init?(month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= DateMention.daysIn(month: month, year: 2000) else { return nil }
    self.month = month
    self.day = day
  }

  /// `MM-DD`, as written in `nianbao.toml`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let month = Int(parts[0]), let day = Int(parts[1])
    else { return nil }
    self.init(month: month, day: day)
  }

  public var description: String {
    (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
  }

  public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }
}
