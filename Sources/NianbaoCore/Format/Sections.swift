/// One of the six mandatory sections of an annual report.
public struct SectionSpec: Sendable, Hashable {
  public let number: Int
  public let title: String
  /// Normalized heading words accepted without a finding (wordings used by real reports and by
  /// the 条例 itself).
  let acceptedCores: [String]

  public var numeral: String { NationalFormat.chineseNumeral(number) }
  public var fullTitle: String { "\(numeral)、\(title)" }
}

public enum NationalFormat {
  public static let sections: [SectionSpec] = [
    SectionSpec(number: 1, title: "总体情况", acceptedCores: ["总体情况"]),
    SectionSpec(
      number: 2,
      title: "主动公开政府信息情况",
      acceptedCores: ["主动公开政府信息情况", "主动公开政府信息的情况", "行政机关主动公开政府信息情况"]
    ),
    SectionSpec(
      number: 3,
      title: "收到和处理政府信息公开申请情况",
      acceptedCores: [
        "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况", "行政机关收到和处理政府信息公开申请情况",
      ]
    ),
    SectionSpec(
      number: 4,
      title: "政府信息公开行政复议、行政诉讼情况",
      acceptedCores: [
        "政府信息公开行政复议行政诉讼情况", "因政府信息公开工作被申请行政复议提起行政诉讼情况",
        "因政府信息公开工作被申请行政复议提起行政诉讼的情况",
      ]
    ),
    SectionSpec(
      number: 5,
      title: "存在的主要问题及改进情况",
      acceptedCores: [
        "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施",
        "存在的主要问题及改进措施",
      ]
    ),
    SectionSpec(number: 6, title: "其他需要报告的事项", acceptedCores: ["其他需要报告的事项"]),
  ]

  public static func section(_ number: Int) -> SectionSpec { sections[number - 1] }

  public static func chineseNumeral(_ n: Int) -> String {
    let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    if n <= 10 { return digits[n] }
    if n < 20 { return "十" + digits[n - 10] }
    return String(n)
  }

  /// The format that applies to a report year: the trial format of 国办公开办函〔2019〕60号 for
  /// 2019 and 2020, the format of 国办公开办函〔2021〕30号 from 2021 on.
  public static func edition(forYear year: Int?) -> FormatEdition {
    guard let year else { return .edition2021 }
    return year <= 2020 ? .trial2019 : .edition2021
  }
}

public enum FormatEdition: String, Sendable, Hashable {
  case trial2019
  case edition2021

}
