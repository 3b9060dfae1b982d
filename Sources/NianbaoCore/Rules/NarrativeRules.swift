/// NB501: numbers in the text of 一、总体情况 that restate table 三 or 四 (收到申请 N 件, 上年结转,
/// 办结, 结转下年度, 未收到申请, 行政复议/行政诉讼 N 件) must be the table's.
enum NarrativeRules {
  private struct Claim {
    var range: Range<Int>
    var value: Int
  }

  /// Table 二's 现行有效件数 of 行政规范性文件 (2021 format).
  private static func inForceNormativeDocuments(_ report: Report) -> Int? {
    guard let table = report.table2, table.edition == .edition2021,
      let row = table.rows.first(where: { $0.name == "行政规范性文件" })?.row, row.cells.count == 3
    else { return nil }
    return row.cells[2].integerValue
  }

  static func run(_ context: inout RuleContext) {
    let report = context.report
    guard let overview = report.section(1) else { return }
    let table3 = report.table3
    let unusable = context.unusableTable3Rows
    let handled = context.handledCells
    // A total a sums finding already questions is not compared again.
    let total3 = { (id: Table3Row) -> Int? in
      guard let table = table3, !unusable.contains(id), let row = table.row(id), row.cells.count == 7,
        !handled.contains(row.cells[6].range.lowerBound)
      else { return nil }
      return row.cells[6].integerValue
    }
    let row4 =
      context.unusableTable4
      ? nil
      : report.table4?.row.flatMap { row in
        row.cells.count == 15 ? row.cells.map { handled.contains($0.range.lowerBound) ? nil : $0.integerValue } : nil
      }

    // The total of a group of result rows (（三）不予公开: items 1 to 8), when every row is read.
    let groupTotal = { (group: Int) -> Int? in
      guard let table = table3 else { return nil }
      let rows = table.specs.filter { $0.group == group }
      guard !rows.isEmpty else { return nil }
      var sum = 0
      for spec in rows {
        guard let total = total3(spec.row) else { return nil }
        sum += total
      }
      return sum
    }

    for range in clauses(context.source, overview.bodyRange) where mayStateANumber(range, context.source) {
      let clause = Clause(range: range, text: context.source.text(range))
      let text = clause.text
      let mentionsApplications = text.has("申请")
      if mentionsApplications && (text.has("未收到") || text.has("没有收到")) && !text.has("未收到的") {
        // `未收到法人或其他组织…申请` speaks of one kind of applicant only.
        if text.has("法人") || text.has("其他组织") || text.has("企业") || text.has("自然人") || text.has("公民")
          || text.has("个人")
        {
          continue
        }
        if let received = total3(.newApplications), received != 0 {
          context.add(
            mismatch(
              at: clause.range,
              said: LocalizedText(zh: "未收到申请", en: "no application was received"),
              table: LocalizedText(
                zh: "表三“一、本年新收”的总计为 \(received)",
                en: "table 三 row 一 (new applications) totals \(received)"
              ),
              context.source
            )
          )
        }
        continue
      }
      guard let claim = number(in: clause, context.source) else { continue }
      if text.has("现行有效") && text.has("规范性文件") && !text.has("规章") {
        if let inForce = inForceNormativeDocuments(report), inForce != claim.value {
          context.add(
            mismatch(
              claim,
              "现行有效规范性文件",
              "normative documents in force",
              table: "表二“行政规范性文件”的现行有效件数",
              tableEnglish: "table 二's count of 行政规范性文件 in force",
              inForce,
              context.source
            )
          )
        }
      } else if text.has("上年结转") {
        if let carried = total3(.carriedOver), let claim = number(in: clause, after: "上年结转", context.source),
          carried != claim.value
        {
          context.add(
            mismatch(
              claim,
              "上年结转",
              "carried over",
              table: "表三“二、上年结转”的总计",
              tableEnglish: "the total of table 三 row 二 (carried over)",
              carried,
              context.source
            )
          )
        }
      } else if let keyword = ["结转下", "结转到下", "顺延"].first(where: text.has) {
        // The number after the key word: `办结 11 件、结转下年度 2 件`; `另有 2 件结转下年度` says
        // nothing this can read.
        if let forward = total3(.carriedForward), let claim = number(in: clause, after: keyword, context.source),
          forward != claim.value
        {
          context.add(
            mismatch(
              claim,
              "结转下年度",
              "carried forward",
              table: "表三“四、结转下年度继续办理”的总计",
              tableEnglish: "the total of table 三 row 四 (carried forward)",
              forward,
              context.source
            )
          )
        }
      } else if mentionsApplications && (text.has("收到") || text.has("受理") || text.has("新收")) {
        if let received = total3(.newApplications) {
          let withCarried = received + (total3(.carriedOver) ?? 0)
          if claim.value != received && claim.value != withCarried {
            context.add(
              mismatch(
                claim,
                "收到申请",
                "applications received",
                table: "表三“一、本年新收”的总计",
                tableEnglish: "the total of table 三 row 一 (new applications)",
                received,
                context.source
              )
            )
          }
        }
      } else if let (group, words, english) = resultGroup(text), let total = groupTotal(group),
        total != claim.value
      {
        context.add(
          mismatch(
            claim,
            words,
            english,
            table: "表三“（\(NationalFormat.chineseNumeral(group))）\(words)”各项之和",
            tableEnglish: "the sum of table 三 group \(words)",
            total,
            context.source
          )
        )
      } else if text.has("办结") || text.has("办理完毕") {
        if let done = total3(.outcomeTotal), done != claim.value {
          context.add(
            mismatch(
              claim,
              "办结",
              "handled",
              table: "表三（七）总计",
              tableEnglish: "table 三 （七） total (handled)",
              done,
              context.source
            )
          )
        }
      } else if text.has("行政复议") && !text.has("诉讼"), let row4, let review = row4[4], review != claim.value {
        context.add(
          mismatch(
            claim,
            "行政复议",
            "administrative reconsiderations",
            table: "表四行政复议的总计",
            tableEnglish: "the reconsideration total of table 四",
            review,
            context.source
          )
        )
      } else if text.has("行政诉讼") && !text.has("复议"), let row4, let direct = row4[9], let after = row4[14],
        direct + after != claim.value
      {
        context.add(
          mismatch(
            claim,
            "行政诉讼",
            "lawsuits",
            table: "表四两组行政诉讼的总计之和",
            tableEnglish: "the two litigation totals of table 四 together",
            direct + after,
            context.source
          )
        )
      }
    }
  }

  /// A clause that counts one group of results: `不予公开35件`, `无法提供146件`, `不予处理7件`.
  private static func resultGroup(_ text: String) -> (Int, String, String)? {
    // `不予公开等其他类型164件`, `因本机关不掌握等原因无法提供146件`: more, or less, than the group.
    if text.has("等") || text.has("其他") || text.has("其中") { return nil }
    if text.has("不予公开") && !text.has("部分公开") && !text.has("予以公开") { return (3, "不予公开", "withheld") }
    if text.has("无法提供") { return (4, "无法提供", "could not be provided") }
    if text.has("不予处理") { return (5, "不予处理", "not processed") }
    return nil
  }

  private static func mismatch(
    _ claim: Claim,
    _ what: String,
    _ whatEnglish: String,
    table: String,
    tableEnglish: String,
    _ expected: Int,
    _ source: SourceText
  ) -> Diagnostic {
    mismatch(
      at: claim.range,
      said: LocalizedText(zh: "\(what) \(claim.value) 件", en: "\(claim.value) \(whatEnglish)"),
      table: LocalizedText(zh: "\(table)为 \(expected)", en: "\(tableEnglish) is \(expected)"),
      source
    )
  }

  private static func mismatch(
    at range: Range<Int>,
    said: LocalizedText,
    table: LocalizedText,
    _ source: SourceText
  ) -> Diagnostic {
    Diagnostic(
      .narrativeMismatch,
      range: range,
      message: LocalizedText(
        zh: "总体情况中写“\(said.zh)”，但\(table.zh)。正文与表格的数字应一致，请核对。",
        en: "总体情况 says \(said.en), but \(table.en). The text and the tables must agree; check both."
      )
    )
  }

  /// A cheap look at the bytes: only clauses with a digit, 未 or 没 can state a number.
  private static func mayStateANumber(_ range: Range<Int>, _ source: SourceText) -> Bool {
    source.utf8.withUnsafeBufferPointer { bytes in
      var index = range.lowerBound
      while index < range.upperBound {
        let b = bytes[index]
        index += 1
        if b < 0x80 {
          if b >= 0x30 && b <= 0x39 { return true }
          continue
        }
        guard index + 1 < range.upperBound else { continue }
        let (b1, b2) = (bytes[index], bytes[index + 1])
        if b == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99 { return true }  // full-width digit
        if b == 0xE6 && ((b1 == 0x9C && b2 == 0xAA) || (b1 == 0xB2 && b2 == 0xA1)) { return true }  // 未 没
      }
      return false
    }
  }

  private struct Clause {
    var range: Range<Int>
    var text: String
  }

  /// Whether a scalar ends a clause: `。；，,;！？` or a line end (a switch: this runs at every
  /// character of the narrative sections).
  private static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "。", "；", "，", ",", ";", "\n", "\r", "！", "？": return true
    default: return false
    }
  }

  /// Clauses of a body: split at 。；，, and line ends, except where a long line of prose wraps
  /// between two Chinese characters, as PDF text wraps at the page's width (`…受理政府` /
  /// `信息公开申请 17 件`). Read from the bytes: this runs at every character of the section.
  private static func clauses(_ source: SourceText, _ range: Range<Int>) -> [Range<Int>] {
    let bytes = source.utf8
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, bytes.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, bytes.count)))
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var offset = range.lowerBound
    var lineLength = 0
    var previousStart: Int?
    var position = lower
    while position < upper {
      // A character of U+4000–U+9FFF (most of the text) neither ends a clause nor a line.
      if bytes[position] >= 0xE4, bytes[position] <= 0xE9, position + 3 <= upper {
        lineLength += 1
        previousStart = position
        position += 3
        offset += 3
        continue
      }
      let (scalar, width) = SourceText.decode(bytes, position)
      defer {
        previousStart = position
        position += width
      }
      if scalar == "\n" {
        defer { lineLength = 0 }
        if lineLength >= 24, let previousStart, isIdeograph(SourceText.decode(bytes, previousStart).0),
          position + width < upper,
          isIdeograph(SourceText.decode(bytes, position + width).0)
        {
          offset += width
          continue
        }
      } else {
        lineLength += 1
      }
      if endsClause(scalar) {
        if offset > start { result.append(start..<offset) }
        start = offset + width
      }
      offset += width
    }
    if offset > start { result.append(start..<offset) }
    return result
  }

  private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }

  /// The first `N 件` after a clause's key word (`收到申请 12 件、上年结转 1 件`: 上年结转 is 1).
  private static func number(in clause: Clause, after keyword: String, _ source: SourceText) -> Claim? {
    let bytes = Array(clause.text.utf8)
    let key = Array(keyword.utf8)
    guard bytes.count >= key.count,
      let at = (0...(bytes.count - key.count)).first(where: { bytes[$0..<($0 + key.count)].elementsEqual(key) })
    else { return nil }
    let end = at + key.count
    let rest = Clause(
      range: (clause.range.lowerBound + end)..<clause.range.upperBound,
      text: String(decoding: bytes[end...], as: UTF8.self)
    )
    return number(in: rest, source)
  }

  /// The first `N 件` (or `N 起`) in a clause.
  private static func number(in clause: Clause, _ source: SourceText) -> Claim? {
    let scalars = source.scalarsWithOffsets(clause.range)
    var index = 0
    while index < scalars.count {
      guard LabelText.widthFolded(scalars[index].scalar).isASCIIDigit else {
        index += 1
        continue
      }
      var value = 0
      var end = index
      while end < scalars.count, case let f = LabelText.widthFolded(scalars[end].scalar), f.isASCIIDigit {
        if value <= 999_999_999_999 { value = value * 10 + Int(f.value - 0x30) }
        end += 1
      }
      var unit = end
      while unit < scalars.count, LabelText.isSpace(scalars[unit].scalar) { unit += 1 }
      if unit < scalars.count, scalars[unit].scalar == "件" || scalars[unit].scalar == "起" {
        let upper = end < scalars.count ? scalars[end].offset : clause.range.upperBound
        return Claim(range: scalars[index].offset..<upper, value: value)
      }
      index = end
    }
    return nil
  }
}
