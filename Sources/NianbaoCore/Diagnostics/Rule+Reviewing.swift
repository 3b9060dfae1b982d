/// Rules for what the offices that score the reports deduct points for: cells of table 二 that
/// hold a mark instead of a number, a section 五 that says nothing or speaks of another year, and
/// the writing itself (enumerations, doubled words, unfinished paragraphs, the year of the work).
extension Rule {
  public static let notANumberInTable2 = Rule(
    code: "NB116",
    name: "NotANumberInTable2",
    severity: .warning,
    title: LocalizedText(zh: "表二单元格填了符号而不是数", en: "A cell of table 二 holds a mark, not a number"),
    explanation: LocalizedText(
      zh:
        "表二的件数是不小于 0 的整数，只有“行政事业性收费”的收费金额（万元）可以有小数（这两点由 NB108 检查）。“/”“-”“—”“不适用”都不是数：没有制发、没有处理决定、没有收费时应填 0。与空白单元格（NB114）不同，这些符号是有意填写的，审查时按未填报处理。修复在列的位置确定时写入 0。",
      en:
        "Counts in table 二 are whole numbers ≥ 0; only the fee amount of 行政事业性收费 (万元) may have decimals (NB108 checks both). “/”, “-”, “—” and “不适用” (not applicable) are not numbers: where nothing was issued, decided or charged the cell holds 0. Unlike a blank cell (NB114), the mark was written on purpose, and reviewers count it as not reported. The fix writes 0 where the cell's column is certain."
    ),
    basis: LocalizedText(
      zh: "表二的每一格都是件数或金额。“/”“不适用”不是数，评分时按未填报扣分（如宿迁的评分细则）；没有发生的填 0。",
      en:
        "Every cell of table 二 is a count or an amount. “/” or 不适用 is not a number, and scorers count it as not reported (宿迁's scoring rules, for one); what did not happen is 0."
    )
  )
  public static let workOfAnotherYear = Rule(
    code: "NB310",
    name: "WorkOfAnotherYear",
    severity: .warning,
    title: LocalizedText(zh: "正文叙述的工作年份不是报告年度", en: "The narrative reports work of another year"),
    explanation: LocalizedText(
      zh:
        "第一至第四部分叙述的是报告年度的工作。一句话以“本单位2023年度……”“我局2023年共……”或“2023年，我局……”叙述工作，而报告是 2024 年度的，通常是沿用了往年的文字。段落开头的年份由 NB306 检查；这里检查段落中间的句子。“2023年度部门决算”“较2023年”“自2019年以来”、书名号中的文件名和下一年度的计划（“2025年，我局将……”）不算。",
      en:
        "Sections 一 to 四 report the report year's work. A sentence that reports work as “本单位2023年度…”, “我局2023年共…” or “2023年，我局…” in the 2024 report was usually kept from an earlier report. A paragraph opening with a year is NB306; this rule reads the sentences inside paragraphs. “2023年度部门决算” (last year's final accounts), “较2023年”, “自2019年以来”, titles in 《》 and next year's plans (“2025年，我局将…”) are not flagged."
    ),
    basis: LocalizedText(
      zh: "第一至第四部分报告本年度的工作；叙述其他年度的工作，多是照搬往年的报告，考核评估对此扣分。",
      en:
        "Sections 一 to 四 report the year's work; a sentence about another year's work was usually copied from an earlier report, and assessments deduct points for that."
    )
  )
  public static let problemsSayNothing = Rule(
    code: "NB404",
    name: "ProblemsSayNothing",
    severity: .warning,
    title: LocalizedText(zh: "“存在的主要问题及改进情况”只写了“无”或不足一句话", en: "Section 五 says only “无”, or less than a sentence"),
    explanation: LocalizedText(
      zh:
        "第五部分应写明本年度工作中存在的主要问题和改进措施。只写“无”“暂无”，或除小标题外不足一句话（少于 12 个字），审查时视同未报告。完全空白的第五部分是 NB402。",
      en:
        "Section 五 states the main problems of the year's work and how they are addressed. Only “无” (none) or “暂无”, or less than one sentence besides its sub-headings (fewer than 12 characters), counts as not reported. A section 五 with nothing at all under its heading is NB402."
    ),
    basis: LocalizedText(
      zh: "只写“无”的第五部分等于没有报告问题和改进，审查时视同未报告。",
      en:
        "A section 五 that says only “无” reports no problems and no improvements, and reviewers count it as not reported."
    )
  )
  public static let problemsOfAnotherYear = Rule(
    code: "NB405",
    name: "ProblemsOfAnotherYear",
    severity: .warning,
    title: LocalizedText(zh: "“存在的主要问题及改进情况”写的是其他年度", en: "Section 五 speaks of another year"),
    explanation: LocalizedText(
      zh:
        "第五部分写报告年度存在的问题，改进措施是下一年度的计划：2024 年度报告写“2024年存在的问题”和“2025年，我局将……”。写成“2023年存在的问题”或“2024年，我局将……”，通常是沿用了上一年的报告。回顾上一年问题的整改情况是统一格式要求的（“2023年存在问题的改进情况”“上年度问题整改情况”），不算。",
      en:
        "Section 五 names the report year's problems, and its improvements are next year's plans: the 2024 report says “2024年存在的问题” and “2025年，我局将…”. “2023年存在的问题”, or a plan “2024年，我局将…”, was usually kept from last year's report. Reviewing how last year's problems were addressed is what the format asks for (“2023年存在问题的改进情况”) and is not flagged."
    ),
    basis: LocalizedText(
      zh: "第五部分写报告年度的问题和下一年度的改进；写成其他年度，多是照搬了上一年的报告，考核评估对此扣分。",
      en:
        "Section 五 covers the report year's problems and next year's improvements; another year's usually means last year's text was kept, and assessments deduct points for that."
    )
  )
  public static let brokenEnumeration = Rule(
    code: "NB406",
    name: "BrokenEnumeration",
    severity: .warning,
    title: LocalizedText(zh: "“一是、二是”的序号跳号或重复", en: "An enumeration (一是, 二是 …) skips or repeats"),
    explanation: LocalizedText(
      zh:
        "“一是……；二是……；三是……”应依次排列。跳过一个序号（“一是……；三是……”）或重复一个序号（“三是……；三是……”），通常是删改时漏改了序号。从“一是”开始的每一组单独核对；小标题处重新开始。",
      en:
        "“一是…；二是…；三是…” (firstly, secondly …) count up one by one. A skipped number (“一是…；三是…”) or a repeated one (“三是…；三是…”) is usually left from an edit. Each enumeration starting at 一是 is checked on its own; a sub-heading starts afresh."
    ),
    basis: LocalizedText(
      zh: "序号跳号或重复是文字疏漏，评分时按差错扣分，也让读者怀疑漏掉了内容。",
      en:
        "A skipped or repeated number is a slip that scorers deduct points for, and it makes readers wonder what was left out."
    )
  )
  public static let doubledWords = Rule(
    code: "NB407",
    name: "DoubledWords",
    severity: .warning,
    title: LocalizedText(zh: "词语重复", en: "A word is written twice in a row"),
    explanation: LocalizedText(
      zh:
        "同一个词紧接着写了两遍（“的的”“进一步进一步”“政府信息政府信息”），多是录入或粘贴的失误。汉语中正常的叠词（“常常”“层层”“扎扎实实”“等等”“的的确确”）不算；表格中的文字不检查。修复删去重复的一遍。",
      en:
        "The same word written twice in a row (“的的”, “进一步进一步”, “政府信息政府信息”) is a typing or pasting slip. The reduplications Chinese uses (“常常”, “层层”, “扎扎实实”, “等等”, “的的确确”) are not flagged, nor is the text of tables. The fix removes one of the two."
    ),
    basis: LocalizedText(
      zh: "重复的词是录入差错，出现在公布的报告中会按文字差错扣分。",
      en:
        "A doubled word is a typing slip; in a published report scorers deduct points for it."
    )
  )
  public static let unfinishedParagraph = Rule(
    code: "NB408",
    name: "UnfinishedParagraph",
    severity: .information,
    title: LocalizedText(zh: "段落末尾没有标点", en: "A paragraph ends without final punctuation"),
    explanation: LocalizedText(
      zh:
        "正文段落应以句号等标点结束；没有标点的段落常常是截断的句子或粘贴时丢了内容。标题、小标题、表格、署名和日期行不检查；网页文本在句中断行的地方（下一行接着写）不是段落末尾。只作提示。",
      en:
        "A paragraph of the text ends with 。 or other final punctuation; one that does not is often a cut sentence or text lost in pasting. Headings, sub-headings, tables, the signature and date lines are not checked, and a line of web text broken inside a sentence (the next line goes on) does not end a paragraph. Information only."
    ),
    basis: LocalizedText(
      zh: "段落没有结束标点，常常是句子被截断或内容丢失，公布前应核对原稿。",
      en:
        "A paragraph without final punctuation is often a cut sentence or lost text; compare it with the draft before publishing."
    )
  )
}
