import NianbaoCore

/// What a check leaves out when a report's title names no agency: the rules that need to know
/// who reports (a government or not, the same agency as last year's report).
enum AgencyNotice {
  static func text(_ report: Report, path: String, agencySetting: AgencyKind?) -> LocalizedText? {
    guard report.looksLikeReport, let title = report.title, title.year != nil, title.agency.isEmpty else { return nil }
    var zh =
      "\(path): 标题中读不到机关名称（应写作“××（机关）××××年政府信息公开工作年度报告”），未应用 NB403（人民政府报告考核、评议和责任追究情况）和与上年报告的比较（NB309、NB311、NB312、NB313）"
    var en =
      "\(path): no agency could be read from the title (“<agency> YYYY年政府信息公开工作年度报告”), so NB403 (a government reports appraisal, review and accountability) and the comparison with last year's report (NB309, NB311, NB312, NB313) were not applied"
    if agencySetting == nil {
      zh += "；NB308 按部门的期限（1 月 31 日）判断，人民政府请在 nianbao.toml 中写 agency = \"government\""
      en +=
        "; NB308 used a department's deadline (31 January): for a people's government, set agency = \"government\" in nianbao.toml"
    }
    return LocalizedText(zh: zh, en: en)
  }
}
