/// The skeleton of next year's report: the headings, the three tables in the current format
/// with the numbers that carry over (table 三 上年结转 from last year's 结转下年度, table 二 现行有效
/// as the starting point), 0 everywhere else, and placeholders (``Placeholder``) where the text
/// is still to be written.
public struct NextYearReport: Sendable {
  public var year: Int
  public var text: String
  /// What could not be carried over from last year's report, said to the user beside the text.
  public var notes: [LocalizedText]

  /// The report for the year after `report`'s; nil when `report` has no title with a year.
  public static func following(_ report: Report) -> NextYearReport? {
    guard let title = report.title, let year = title.year, let yearRange = title.yearRange else { return nil }
    let source = report.source
    // The agency as the title reader found it: without a field name (`标题：`) or Markdown marks.
    let agency = title.agency.trimmingSpaces()
    let rest: String
    var gap = agency.isEmpty ? "" : " "
    if let agencyRange = title.agencyRange, title.range.contains(agencyRange.lowerBound),
      agencyRange.lowerBound >= yearRange.upperBound
    {
      // Written after the year (`2025 年上海市人民政府办公厅政府信息公开…`): the format puts it first.
      rest =
        source.text(yearRange.upperBound..<agencyRange.lowerBound)
        + source.text(agencyRange.upperBound..<title.range.upperBound)
    } else {
      if let agencyRange = title.agencyRange, title.range.contains(agencyRange.lowerBound) {
        // Before the year on the title's line: the space between as it was written.
        gap = source.text(agencyRange.upperBound..<yearRange.lowerBound)
      }
      rest = source.text(yearRange.upperBound..<title.range.upperBound)
    }
    let newTitle = agency + gap + String(year + 1) + rest
    var skeleton = Skeleton(
      title: Self.cleanTitle(newTitle),
      year: year + 1,
      agency: agency
    )
    var notes: [LocalizedText] = []
    if let row = report.table3?.row(.carriedForward), row.cells.count == 7,
      row.cells.allSatisfy({ $0.integerValue != nil })
    {
      let values = row.cells.map { $0.integerValue! }
      let sum = values.prefix(NationalFormat.table3TotalColumn).reduce(0, +)
      skeleton.carriedOver = Array(values.prefix(NationalFormat.table3TotalColumn)) + [sum]
      // A total that contradicts its own row would make the new report wrong from its first
      // day: the applicant columns are carried, the total is their sum.
      if sum != values[NationalFormat.table3TotalColumn] {
        notes.append(
          LocalizedText(
            zh:
              "\(year) 年报告表三“四、结转下年度继续办理”的总计是 \(values[NationalFormat.table3TotalColumn])，但各类申请人之和是 \(sum)；“二、上年结转”的总计填了 \(sum)，请改正 \(year) 年报告。",
            en:
              "Table 三 row 四 (carried forward) of the \(year) report totals \(values[NationalFormat.table3TotalColumn]) but its applicant columns add up to \(sum); row 二 (carried over) totals \(sum): correct the \(year) report."
          )
        )
      }
    } else {
      notes.append(
        LocalizedText(
          zh: "\(year) 年报告表三“四、结转下年度继续办理”读不出 7 个数，“二、上年结转”填了 0，请核对。",
          en:
            "Table 三 row 四 (carried forward) of the \(year) report does not read as 7 numbers; row 二 (carried over) holds 0: check it."
        )
      )
    }
    let inForce = Self.inForce(report.table2)
    skeleton.inForce = inForce.values
    if !inForce.complete {
      notes.append(
        LocalizedText(
          zh: "\(year) 年报告表二第二十条第（一）项的现行有效件数读不全，读不出的填了 0，请核对。",
          en:
            "Table 二 item （一） of the \(year) report: not every 现行有效件数 (in force) could be read; those hold 0: check them."
        )
      )
    }
    skeleton.signatureDate = Self.signatureDate(report).map { (month, day) in
      (month, month == 2 && day == 29 ? 28 : day)
    }
    return NextYearReport(year: year + 1, text: skeleton.text(), notes: notes)
  }

  /// A blank report for `year` by `agency`: every number 0.
  public static func blank(year: Int, agency: String) -> NextYearReport {
    let skeleton = Skeleton(title: "\(agency)\(year)年政府信息公开工作年度报告", year: year, agency: agency)
    return NextYearReport(year: year, text: skeleton.text(), notes: [])
  }

  /// The title on one line, without Markdown's marks.
  private static func cleanTitle(_ title: String) -> String {
    let line = MessageText.oneLine(title, joiner: "")
    let marks: Set<Character> = ["#", "*", " ", "\t", "\u{3000}"]
    return String(line.drop { marks.contains($0) }.reversed().drop { marks.contains($0) }.reversed())
  }

  /// 现行有效件数 of 规章 and 行政规范性文件 (对外公开总数量 in the 2019 trial format).
  private static func inForce(_ table: Table2?) -> (values: [Int], complete: Bool) {
    var values = [0, 0]
    var complete = true
    for (index, name) in ["规章", "行政规范性文件"].enumerated() {
      let row = table?.rows.first { $0.subtableItem == 1 && ($0.name == name || name.hasSuffix($0.name)) }
      if let row, row.row.cells.count == 3, let value = row.row.cells[2].integerValue {
        values[index] = value
      } else {
        complete = false
      }
    }
    return (values, complete)
  }

  /// The month and day under the signature: a date alone on one of the last lines.
  private static func signatureDate(_ report: Report) -> (Int, Int)? {
    let source = report.source
    var seen = 0
    var line = source.lines.count - 1
    while line >= 0, seen < 4 {
      let range = TextBytes.trim(source, source.lines.contentRange(ofLine: line))
      line -= 1
      guard !range.isEmpty else { continue }
      seen += 1
      if let date = report.dates.first(where: { $0.range == range && $0.yearWritten && $0.isValid }),
        let day = date.day
      {
        return (date.month, day)
      }
    }
    return nil
  }
}

/// What the skeleton is written from.
private struct Skeleton {
  var title: String
  var year: Int
  var agency: String
  /// Table 三 二、上年结转, seven values.
  var carriedOver = [Int](repeating: 0, count: 7)
  /// Table 二 现行有效件数 of 规章 and 行政规范性文件.
  var inForce = [0, 0]
  var signatureDate: (month: Int, day: Int)?

  func text() -> String {
    let p = Placeholder.text
    var lines = [
      title,
      "",
      "本报告依据《中华人民共和国政府信息公开条例》编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自\(year)年1月1日起至\(year)年12月31日止。",
      "",
      NationalFormat.section(1).fullTitle,
      p("本年度政府信息公开工作的总体情况"),
      "（一）主动公开",
      p("主动公开政府信息的情况"),
      "（二）依申请公开",
      p("收到和办理政府信息公开申请的情况"),
      "（三）政府信息管理",
      p("政府信息管理的情况"),
      "（四）政府信息公开平台建设",
      p("政府信息公开平台建设的情况"),
      "（五）监督保障",
      p("监督保障情况，以及工作考核、社会评议和责任追究结果情况"),
      "",
      NationalFormat.section(2).fullTitle,
    ]
    lines += TableLayout.table2(.edition2021) { subtable, row in
      let zeros = [String](repeating: "0", count: subtable.columns.count)
      guard subtable.item == 1 else { return zeros }
      return ["0", "0", String(inForce[row])]
    }
    lines += ["", NationalFormat.section(3).fullTitle]
    lines += TableLayout.table3(.edition2021) { spec in
      // Nothing is handled yet: what was carried over is still to be carried forward, so that
      // 一 + 二 = （七） + 四 holds from the first day.
      switch spec.kind {
      case .carriedOver, .carriedForward: return carriedOver.map(String.init)
      default: return [String](repeating: "0", count: 7)
      }
    }
    lines += ["", NationalFormat.section(4).fullTitle]
    lines += TableLayout.table4(values: [String](repeating: "0", count: NationalFormat.table4ValueCount))
    lines += [
      "",
      NationalFormat.section(5).fullTitle,
      "（一）存在问题",
      p("本年度工作存在的主要问题"),
      "（二）改进情况",
      p("针对上述问题的改进措施"),
      "",
      NationalFormat.section(6).fullTitle,
      p("本年度收取信息处理费的情况（发出收费通知的件数、收取的金额，未收取时写明未收取），以及其他需要报告的事项"),
      "",
      agency,
      signatureDate.map { "\(year + 1)年\($0.month)月\($0.day)日" } ?? p("成文日期"),
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
