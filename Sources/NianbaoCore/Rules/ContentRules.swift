/// NB401, NB402, NB403: what sections 五 and 六 must say (NB404 and NB405, what 五 says, are
/// `ProblemSectionRules`), and what a government's report must
/// say of appraisal, public review and accountability.
enum ContentRules {
  static func run(_ context: inout RuleContext) {
    let report = context.report
    let source = context.source
    // Fees exist since 国办函〔2020〕109号 took effect on 1 January 2021.
    if let other = report.section(6), (report.year ?? 2021) >= 2021 {
      let body = Self.words(source, other.bodyRange)
      if !["信息处理费", "处理费", "收费", "收取"].contains(where: body.has) {
        context.add(
          Diagnostic(
            .noFeeStatement,
            range: other.headingRange,
            message: LocalizedText(
              zh: "“六、其他需要报告的事项”没有报告收取信息处理费的情况。即使未收费，也应写明（例如“本年度未收取信息处理费”）。",
              en:
                "Section 六 does not say whether information processing fees (信息处理费) were charged. State it even when none were (e.g. 本年度未收取信息处理费)."
            )
          )
        )
      }
    }
    if let problems = report.section(5) {
      // Nothing at all under the heading; a 五 that says only “无” is NB404.
      if !hasVisibleText(source, problems.bodyRange) {
        context.add(
          Diagnostic(
            .emptyProblems,
            range: problems.headingRange,
            message: LocalizedText(
              zh: "“五、存在的主要问题及改进情况”内容空缺。应写明工作中存在的主要问题和改进措施。",
              en: "Section 五 is empty. It states the main problems of the year's work and how they are being addressed."
            )
          )
        )
      }
    }
    checkAccountability(&context)
  }

  /// Whether a range holds anything but spaces and line breaks.
  static func hasVisibleText(_ source: SourceText, _ range: Range<Int>) -> Bool {
    let bytes = source.utf8
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, bytes.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, bytes.count)))
    var index = lower
    while index < upper {
      let (scalar, width) = SourceText.decode(bytes, index)
      if !LabelText.isSpace(scalar) && scalar != "\n" && scalar != "\r" { return true }
      index += width
    }
    return false
  }

  /// Governments: the agency named in the title is a 人民政府, or a township or sub-district.
  /// The text of a range without spaces and line breaks: web page text breaks words over lines
  /// (`绩效考` / `核`).
  static func words(_ source: SourceText, _ range: Range<Int>) -> String {
    let lower = source.scalarStart(atOrBefore: max(0, min(range.lowerBound, source.utf8.count)))
    let upper = source.scalarStart(atOrBefore: max(lower, min(range.upperBound, source.utf8.count)))
    // Read through the buffer: this looks at every byte of the sections it reads.
    return source.utf8.withUnsafeBufferPointer { bytes in
      String(unsafeUninitializedCapacity: upper - lower) { kept in
        var count = 0
        var index = lower
        while index < upper {
          let byte = bytes[index]
          // A character of U+4000–U+9FFF (most of the text) is never a space: kept whole.
          if byte >= 0xE4, byte <= 0xE9, index + 3 <= upper {
            kept[count] = byte
            kept[count + 1] = bytes[index + 1]
            kept[count + 2] = bytes[index + 2]
            count += 3
            index += 3
            continue
          }
          if byte == 0x0A || byte == 0x0D {
            index += 1
            continue
          }
          let space = TextBytes.spaceWidth(bytes, index)
          if space > 0, index + space <= upper {
            index += space
            continue
          }
          if byte == 0xE2, index + 2 < upper, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8B {  // U+200B
            index += 3
            continue
          }
          kept[count] = byte
          count += 1
          index += 1
        }
        return count
      }
    }
  }

  /// A government's report: its agency is a government, or a place named alone (`三明市`,
  /// `平潭综合实验区`: the place's government reports).
  static func isGovernment(_ agency: String) -> Bool {
    ["人民政府", "政府", "镇", "乡", "街道", "街道办事处", "办事处", "省", "市", "县", "区", "自治州", "州", "盟", "旗"].contains {
      agency.hasSuffix($0)
    }
  }

  private static func checkAccountability(_ context: inout RuleContext) {
    let report = context.report
    // Without heading 五 its text may stand anywhere: NB101 reports the missing section.
    guard let agency = report.title?.agency, isGovernment(agency), report.section(5) != nil else { return }
    let bodies = [report.section(1), report.section(5)].compactMap { $0 }.map {
      Self.words(context.source, $0.bodyRange)
    }
    guard !bodies.isEmpty, let overview = report.section(1) else { return }
    if bodies.contains(where: { body in ["考核", "评议", "追究"].contains(where: body.has) }) { return }
    context.add(
      Diagnostic(
        .noAccountability,
        range: overview.headingRange,
        message: LocalizedText(
          zh: "“\(agency)”是人民政府，年度报告应报告工作考核、社会评议和责任追究结果情况（条例第五十条第四项），总体情况和第五部分都没有提到。",
          en:
            "“\(agency)” is a people's government: its report states the results of work appraisal, public review and accountability (Art. 50(4) of the 条例), but neither 一 nor 五 mentions them."
        )
      )
    )
  }
}
