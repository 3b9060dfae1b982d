/// A check nianbao makes, with its permanent code. Codes are cited by users in CI logs and
/// pre-commit output: never renumber one, never reuse one.
public struct Rule: Sendable, Hashable {
  public let code: String
  public let severity: Severity
  public let title: LocalizedText
  public let explanation: LocalizedText

  /// The anchor of this rule's documentation in the README.
  public var documentationAnchor: String { code.lowercased() }
}

extension Rule {
  public static let notAReport = Rule(
    code: "NB100",
    severity: .error,
    title: LocalizedText(zh: "不是政府信息公开工作年度报告", en: "Not an annual report on government information disclosure"),
    explanation: LocalizedText(
      zh: "文本中既没有年度报告标题，也没有“一、总体情况”等章节标题。检查文件夹时这类文件会被跳过；只有直接点名检查时才报告。",
      en:
        "The text has neither a report title nor the section headings (一、总体情况 …). Such files are skipped when a folder is checked and reported only when named explicitly."
    )
  )
  public static let missingSection = Rule(
    code: "NB101",
    severity: .error,
    title: LocalizedText(zh: "缺少必备章节", en: "A mandatory section is missing"),
    explanation: LocalizedText(
      zh:
        "国办公开办函〔2021〕30号规定年度报告由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。“不能遗漏，也不宜泛化”。",
      en: "The national format has six sections, 一 to 六, none of which may be left out."
    )
  )
  public static let sectionsOutOfOrder = Rule(
    code: "NB102",
    severity: .warning,
    title: LocalizedText(zh: "章节顺序错误", en: "Sections out of order"),
    explanation: LocalizedText(zh: "六个部分应按一至六的顺序出现。", en: "The six sections must appear in the order 一 to 六.")
  )
  public static let duplicateSection = Rule(
    code: "NB103",
    severity: .error,
    title: LocalizedText(zh: "章节重复", en: "A section appears twice"),
    explanation: LocalizedText(zh: "每个部分只能出现一次。", en: "Each section appears exactly once.")
  )
  public static let missingTable = Rule(
    code: "NB104",
    severity: .error,
    title: LocalizedText(zh: "缺少必备表格", en: "A mandatory table is missing"),
    explanation: LocalizedText(
      zh: "第二、三、四部分各有一张统计表（主动公开情况表、依申请公开情况表、行政复议行政诉讼情况表），不得省略；没有数据时应填 0。",
      en:
        "Sections 二, 三 and 四 each carry a statistical table that may not be left out; where there is nothing to report, the cells hold 0."
    )
  )
  public static let nonCanonicalLabel = Rule(
    code: "NB105",
    severity: .warning,
    title: LocalizedText(zh: "标签与统一格式不一致", en: "A label differs from the national format"),
    explanation: LocalizedText(
      zh: "表格的行、列标签和章节标题应与统一格式一字不差，例如“本年废止件数”不能写成“本年度止件数”，“行政规范性文件”不能写成“规范性文件”。修复会写入规范标签。",
      en:
        "Row and column labels and section titles must be those of the national format, e.g. 本年废止件数, not 本年度止件数. The fix writes the canonical label."
    )
  )
  public static let missingRow = Rule(
    code: "NB106",
    severity: .error,
    title: LocalizedText(zh: "表格缺少必备行", en: "A mandatory table row is missing"),
    explanation: LocalizedText(
      zh: "统计表的每一行都必须保留，没有数据时填 0。",
      en: "Every row of the tables must be kept; where there is nothing to report it holds 0."
    )
  )
  public static let wrongValueCount = Rule(
    code: "NB107",
    severity: .error,
    title: LocalizedText(zh: "行的数值个数不对", en: "A row has the wrong number of values"),
    explanation: LocalizedText(
      zh: "表三每行应有 7 个数（六类申请人及总计），表四应有 15 个数。数值缺失通常是从 Word 或网页复制表格时丢了列。只有能证明缺失的数都为 0 时才提供修复（例如整行其余数均为 0 且由合计关系可知）。",
      en:
        "Each row of table 三 has 7 values (six applicant columns and the total); table 四 has 15. Missing values usually mean a column was lost when the table was pasted. A fix is offered only where the missing values are provably 0."
    )
  )
  public static let invalidValue = Rule(
    code: "NB108",
    severity: .error,
    title: LocalizedText(zh: "数值无效", en: "A value is not a valid number for its cell"),
    explanation: LocalizedText(
      zh: "件数必须是非负整数；只有金额（万元）可以是小数。",
      en: "Counts are non-negative whole numbers; only amounts (in 万元) may have decimals."
    )
  )
  public static let missingTitle = Rule(
    code: "NB109",
    severity: .error,
    title: LocalizedText(zh: "缺少标题或报告年度", en: "No title, or no report year in it"),
    explanation: LocalizedText(
      zh: "报告应以“××（机关）××××年政府信息公开工作年度报告”为标题，年度决定了统计期限和适用的格式。",
      en:
        "The report opens with a title “<agency> YYYY年政府信息公开工作年度报告”; its year decides the statistics period and the format that applies."
    )
  )
  public static let unsplittableCells = Rule(
    code: "NB110",
    severity: .error,
    title: LocalizedText(zh: "数字粘连，无法拆分", en: "Numbers ran together and cannot be split"),
    explanation: LocalizedText(
      zh: "一行的数字之间没有分隔（常见于网页文本），有多种拆分方式都说得通，nianbao 不猜测。请在数字之间加上制表符。",
      en:
        "The numbers of a row ran together with no separator (common in web text) and more than one split is possible; nianbao does not guess. Separate the numbers with tabs."
    )
  )
  public static let runTogetherCells = Rule(
    code: "NB111",
    severity: .warning,
    title: LocalizedText(zh: "数字粘连（已按唯一合理方式拆分）", en: "Numbers ran together (read by the only split that balances)"),
    explanation: LocalizedText(
      zh:
        "数字之间没有分隔（网页文本丢了单元格边框，整张表连成一串），但只有一种拆分能满足表格自身的合计关系，nianbao 按此读取：先看每行的总计，一行有几种拆法时再用表三的列合计（（七）= 各办理结果之和，一 + 二 =（七）+ 四）决定。同一份报告中所有这样读取的行合为一条警告，每行的读法列在相关信息中。修复会在数字之间插入制表符。",
      en:
        "The numbers ran together (a web page's text lost the table's cell borders), but only one split satisfies the table's own sums, and nianbao reads it that way: each row's total first, then, where a row allows several splits, table 三's column sums (（七） = the result rows, 一 + 二 = （七） + 四). All rows of a report read this way are one finding, each row's reading in its related information. The fix inserts tabs between the numbers."
    )
  )
  public static let outdatedLayout = Rule(
    code: "NB112",
    severity: .warning,
    title: LocalizedText(zh: "使用了已废止的表格格式", en: "Superseded table layout"),
    explanation: LocalizedText(
      zh:
        "2021 年度起应使用国办公开办函〔2021〕30号格式：表二列为“本年制发件数/本年废止件数/现行有效件数”，表三“（六）其他处理”分为 3 项。旧格式（国办公开办函〔2019〕60号）只适用于 2019、2020 年度。",
      en:
        "From report year 2021 the format of 国办公开办函〔2021〕30号 applies: table 二 has 本年制发件数/本年废止件数/现行有效件数 and table 三's （六）其他处理 has three items. The 2019 trial format applies to 2019 and 2020 only."
    )
  )
  public static let misnumberedSection = Rule(
    code: "NB113",
    severity: .warning,
    title: LocalizedText(zh: "章节编号错误", en: "A section heading has the wrong number"),
    explanation: LocalizedText(
      zh: "章节标题的序号应与统一格式一致。修复会改正序号。",
      en: "Section numbers follow the national format. The fix corrects the number."
    )
  )
  public static let blankCell = Rule(
    code: "NB114",
    severity: .warning,
    title: LocalizedText(zh: "空白单元格", en: "A blank cell"),
    explanation: LocalizedText(
      zh:
        "表格中应填数字的单元格为空或为“-”“/”。计算时按 0 处理；没有数据时应填 0。一张表的空白单元格合为一条警告（整列空白时说明是哪几列），各单元格列在相关信息中；修复在能确定列的位置一次写入所有的 0。",
      en:
        "A cell that should hold a number is empty or holds “-” or “/”. It is read as 0 for the sums; write 0 where there is nothing to report. The blank cells of one table are one finding (naming the columns when whole columns are blank), each cell in its related information; the fix writes every 0 at once where the columns are certain."
    )
  )
  public static let duplicateRow = Rule(
    code: "NB115",
    severity: .warning,
    title: LocalizedText(zh: "表格行重复", en: "A table row appears twice"),
    explanation: LocalizedText(
      zh: "表三的同一行出现了两次（常见于表格被粘贴了两遍）。只检查第一次出现的那一行，请删除重复的行。",
      en:
        "A row of table 三 appears twice (usually the table was pasted twice). Only the first is checked; delete the repeated one."
    )
  )
  public static let placeholderLeft = Rule(
    code: "NB117",
    severity: .warning,
    title: LocalizedText(zh: "留有待填写的占位内容", en: "A placeholder is left in the report"),
    explanation: LocalizedText(
      zh:
        "“【待填写：……】”标出还要写的正文（nianbao new 生成下一年度报告框架时留下）。每处占位都报告一次，写好正文、删除占位标记后消失。",
      en:
        "“【待填写：……】” marks text still to be written (nianbao new leaves it in the skeleton of next year's report). Each placeholder is reported until the text is written and the mark removed."
    )
  )
  public static let rowTotal = Rule(
    code: "NB201",
    severity: .error,
    title: LocalizedText(zh: "表三：行总计不等于各类申请人之和", en: "Table 三: a row's total is not the sum of its applicant columns"),
    explanation: LocalizedText(
      zh:
        "表三每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。一个数填错常常同时破坏几处合计：nianbao 找出只改一个数（不行再找两个数）就能让所有不成立的合计都成立、又不破坏任何成立的合计的那个单元格，只在它上面报告一次。消息说明应为多少；逐项的计算和判断理由在相关信息和悬停提示中。修复写入重新计算的总计。",
      en:
        "In table 三, each row's 总计 equals 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. One wrong number often breaks several sums: nianbao looks for the one cell (else the one pair of cells) whose correction makes every broken sum hold without breaking one that holds, and reports it once, there. The message gives the right value; the sum written out term by term and the reasoning are in the related information and the hover. The fix writes the recomputed total."
    )
  )
  public static let outcomeTotal = Rule(
    code: "NB202",
    severity: .error,
    title: LocalizedText(zh: "表三：（七）总计不等于（一）至（六）之和", en: "Table 三: （七）总计 is not the sum of （一）–（六）"),
    explanation: LocalizedText(
      zh: "表三“（七）总计”每一列应等于（一）予以公开、（二）部分公开及（三）至（六）各小项之和。修复写入重新计算的值。",
      en:
        "In every column of table 三, （七）总计 equals （一） + （二） + every item of （三）–（六）. The fix writes the recomputed value."
    )
  )
  public static let carryIdentity = Rule(
    code: "NB203",
    severity: .error,
    title: LocalizedText(zh: "表三：勾稽关系不成立（一 + 二 ≠ 三 + 四）", en: "Table 三: 一 + 二 ≠ 三（七） + 四"),
    explanation: LocalizedText(
      zh: "表头注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”：本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理。修复重新计算“四、结转下年度继续办理”（结果不小于 0 时）。",
      en:
        "The table's own header states it: 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理, in every column. The fix recomputes 四 (结转下年度) when that gives a value ≥ 0."
    )
  )
  public static let reviewTotal = Rule(
    code: "NB204",
    severity: .error,
    title: LocalizedText(zh: "表四：总计不等于四种结果之和", en: "Table 四: a total is not the sum of its four results"),
    explanation: LocalizedText(
      zh: "表四行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。修复写入重新计算的总计。",
      en: "In table 四, each group's 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结. The fix writes the recomputed total."
    )
  )
  public static let contradictedValue = Rule(
    code: "NB205",
    severity: .error,
    title: LocalizedText(
      zh: "表三：数值与行总计、列总计都矛盾",
      en: "Table 三: a value contradicts both its row total and its column total"
    ),
    explanation: LocalizedText(
      zh: "只改这一个数就能让所有合计关系成立，所以它最可能填错了。修复（不自动应用）写入两个合计共同推出的值。",
      en:
        "Changing this one value makes every sum balance, so it is the most probable mistake. The fix (not applied automatically) writes the value both totals imply."
    )
  )
  public static let periodWrongYear = Rule(
    code: "NB301",
    severity: .error,
    title: LocalizedText(zh: "统计期限不在报告年度", en: "The statistics period is not in the report year"),
    explanation: LocalizedText(
      zh: "统计期限应为报告年度的 1月1日至12月31日。常见原因是沿用了上一年的报告。修复把年份改为报告年度。",
      en:
        "The statistics period is 1 January to 31 December of the report year; a wrong year usually comes from last year's report. The fix rewrites the year."
    )
  )
  public static let periodNotWholeYear = Rule(
    code: "NB302",
    severity: .error,
    title: LocalizedText(zh: "统计期限不是全年", en: "The statistics period is not the whole year"),
    explanation: LocalizedText(
      zh: "统计期限应为 1月1日至12月31日。",
      en: "The statistics period runs from 1 January to 31 December."
    )
  )
  public static let impossibleDate = Rule(
    code: "NB303",
    severity: .error,
    title: LocalizedText(zh: "不存在的日期", en: "An impossible date"),
    explanation: LocalizedText(
      zh: "如 2月30日、13月、平年的 2月29日。",
      en: "Such as 30 February, month 13, or 29 February in a common year."
    )
  )
  public static let reversedRange = Rule(
    code: "NB304",
    severity: .error,
    title: LocalizedText(zh: "日期区间结束早于开始", en: "A date range ends before it starts"),
    explanation: LocalizedText(zh: "区间的结束日期不能早于开始日期。", en: "A range cannot end before it starts.")
  )
  public static let cutoffNotYearEnd = Rule(
    code: "NB305",
    severity: .warning,
    title: LocalizedText(zh: "“截至”日期不是报告年度年末", en: "A 截至 date is not the end of the report year"),
    explanation: LocalizedText(
      zh: "总体情况中的“截至××”应为报告年度的 12月31日，否则数字与统计期限不一致。",
      en:
        "A 截至 (as of) date in 一、总体情况 is normally 31 December of the report year; otherwise its figures do not match the statistics period."
    )
  )
  public static let paragraphOtherYear = Rule(
    code: "NB306",
    severity: .warning,
    title: LocalizedText(zh: "段落以其他年份开头", en: "A paragraph opens with another year"),
    explanation: LocalizedText(
      zh:
        "总体情况报告的是报告年度的工作。段落以其他年份开头，常见原因是沿用了往年的文字。“存在的主要问题及改进情况”中以往年开头、接着叙述那一年工作的段落（“2024年，我局……”出现在 2025 年度报告中）同样是沿用的；写“2024年存在问题的整改情况”不算。网页文本在句中断行（上一行没有以句号等结束）时，下一行不是段落开头。",
      en:
        "一、总体情况 reports the report year's work; a paragraph opening with another year usually was copied from an earlier report. In 五 (problems and improvements), a paragraph that opens with an earlier year and goes on about that year's work (“2024年，我局……” in the 2025 report) was kept too; “2024年存在问题的整改情况” is not flagged. A line of web text broken inside a sentence (the line before does not end a sentence) does not open a paragraph."
    )
  )
  public static let noPeriodStatement = Rule(
    code: "NB307",
    severity: .information,
    title: LocalizedText(zh: "未写明统计期限", en: "No statistics period is stated"),
    explanation: LocalizedText(
      zh: "建议写明“本报告中所列数据的统计期限自××××年1月1日起至××××年12月31日止”。统一格式未强制要求这句话，所以只作提示。",
      en:
        "Most reports state “本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止”. The format does not require the sentence, so this is information only."
    )
  )
  public static let signatureDate = Rule(
    code: "NB308",
    severity: .warning,
    title: LocalizedText(zh: "成文日期不在法定期限内", en: "The date under the signature is outside the legal period"),
    explanation: LocalizedText(
      zh: "条例第四十九条：县级以上人民政府部门应在每年1月31日前、县级以上地方人民政府应在每年3月31日前公布上一年度的年度报告。报告末尾的成文日期应在报告年度之后，且不晚于期限（乡镇、街道按3月31日计）。",
      en:
        "Art. 49 of the 条例: departments publish the previous year's report by 31 January, local governments by 31 March. The date under the signature comes after the report year and no later than that (townships and sub-districts are held to 31 March)."
    )
  )
  public static let carryOverAcrossYears = Rule(
    code: "NB309",
    severity: .warning,
    title: LocalizedText(zh: "上年结转与上一年报告的结转下年度不一致", en: "Carried over differs from last year's carried forward"),
    explanation: LocalizedText(
      zh: "本年表三“二、上年结转政府信息公开申请数量”每一列应等于同一机关上一年度报告表三“四、结转下年度继续办理”。检查文件夹时，同一机关相邻两年的报告都在其中才会核对。",
      en:
        "Each column of table 三 row 二 (carried over) equals row 四 (carried forward) of the same agency's report for the year before. Checked when both reports are among the files checked."
    )
  )
  public static let stockContinuity = Rule(
    code: "NB311",
    severity: .information,
    title: LocalizedText(zh: "现行有效件数与上年报告不衔接", en: "Documents in force do not carry on from last year's report"),
    explanation: LocalizedText(
      zh:
        "表二第二十条第（一）项：上年报告的“现行有效件数”加本年“制发件数”减本年“废止件数”，应等于本年“现行有效件数”（规章、行政规范性文件各算一次）。集中清理、统计口径调整都会打破这一关系，所以只作提示；不衔接时宜在正文中说明原因。需要同一机关上一年度的报告（检查时一并给出，或在编辑器的工作区中）。",
      en:
        "Table 二 item (一): last year's documents in force plus this year's issued minus repealed equals this year's in force, for 规章 and for 行政规范性文件. Clean-ups and changes of counting break it, so this is information only; where it does not hold, the text should say why. Needs the same agency's report for the year before (among the files checked, or in the editor's workspace)."
    )
  )
  public static let repeatedText = Rule(
    code: "NB312",
    severity: .warning,
    title: LocalizedText(zh: "章节文字大半与上年报告相同", en: "A section repeats most of last year's text"),
    explanation: LocalizedText(
      zh:
        "某一部分超过一半的文字与同一机关上一年度报告的同一部分相同。考核评估对照搬上年报告的年报扣分（如宿迁的评分细则以 50% 为线）。比较时只看该部分自己的文字：表格、小标题和格式规定的固定句子（统计期限、信息处理费等）不计，标点和空白不计，数字一律视为相同；相同指连续 8 个字以上在上年同一部分中也出现。相关信息指向上年报告中最长的几段相同文字。",
      en:
        "More than half of a section's own words are those of the same section of the agency's report for the year before; assessments deduct points for copied reports (宿迁's scoring rules draw the line at 50%). Only the section's own text counts: tables, sub-headings and the sentences the format prescribes (the statistics period, fees) are left out, punctuation and spaces are ignored, and all digits read alike; a character is copied when it lies in a run of 8 or more also found in last year's section. The related information points to the longest copied passages in last year's report."
    )
  )
  public static let ambiguousPreviousYear = Rule(
    code: "NB313",
    severity: .information,
    title: LocalizedText(zh: "上年报告不止一份，未作比较", en: "More than one report could be last year's"),
    explanation: LocalizedText(
      zh:
        "同一机关上一年度的报告找到了不止一份（草稿、副本），无法确定以哪一份为准，所以没有与上年比较（NB309、NB311、NB312）。删去多余的副本，或在 nianbao.toml 中写 previous = \"上年报告的路径\"（也可写在 [[overrides]] 中）。",
      en:
        "More than one report of the same agency for the year before was found (drafts, copies), so none is used and the cross-year rules (NB309, NB311, NB312) are not checked. Remove the extra copies or write previous = \"path of last year's report\" in nianbao.toml (also in [[overrides]])."
    )
  )
  public static let noFeeStatement = Rule(
    code: "NB401",
    severity: .warning,
    title: LocalizedText(zh: "未报告信息处理费情况", en: "No statement on information processing fees"),
    explanation: LocalizedText(
      zh: "“六、其他需要报告的事项”应报告收取信息处理费的情况（收取或未收取、发出收费通知的情况），不能只写“无”。",
      en: "Section 六 reports whether information processing fees (信息处理费) were charged; “无” alone is not enough."
    )
  )
  public static let emptyProblems = Rule(
    code: "NB402",
    severity: .warning,
    title: LocalizedText(zh: "“存在的主要问题及改进情况”内容空缺", en: "Section 五 is empty"),
    explanation: LocalizedText(
      zh: "第五部分应写明存在的主要问题和改进情况，标题下不能什么都没有。只写了“无”或不足一句话的是 NB404。",
      en:
        "Section 五 states the main problems and the improvements; it may not have nothing under its heading. One that says only “无”, or less than a sentence, is NB404."
    )
  )

  public static let noAccountability = Rule(
    code: "NB403",
    severity: .warning,
    title: LocalizedText(
      zh: "人民政府年报未报告考核、评议和责任追究情况",
      en: "A government's report says nothing of appraisal, public review and accountability"
    ),
    explanation: LocalizedText(
      zh: "条例第五十条第四项：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况。机关名称为人民政府、乡、镇或街道时，总体情况或第五部分中应写明（例如“本年度开展社会评议 1 次，未发生责任追究事件”）。",
      en:
        "Art. 50(4) of the 条例: the report of a people's government (including townships and sub-districts) states the results of work appraisal (考核), public review (评议) and accountability (责任追究), in 一 or 五."
    )
  )

  public static let narrativeMismatch = Rule(
    code: "NB501",
    severity: .warning,
    title: LocalizedText(zh: "正文数字与表格不一致", en: "A number in the text differs from the tables"),
    explanation: LocalizedText(
      zh: "总体情况中复述表格的数字（收到申请、上年结转、办结、结转下年度 N 件，未收到申请，行政复议、行政诉讼 N 件）应与表三、表四一致。“收到”可以指本年新收，也可以指本年新收加上年结转，两种读法都接受。",
      en:
        "Numbers in 总体情况 that restate the tables (applications received, carried over, handled, carried forward; none received; reconsiderations and lawsuits) must match tables 三 and 四. “Received” may mean new applications or new plus carried over; both readings are accepted."
    )
  )

  /// Every rule, in code order.
  public static let all: [Rule] = [
    notAReport, missingSection, sectionsOutOfOrder, duplicateSection, missingTable, nonCanonicalLabel, missingRow,
    wrongValueCount, invalidValue, missingTitle, unsplittableCells, runTogetherCells, outdatedLayout,
    misnumberedSection, blankCell, duplicateRow, notANumberInTable2, placeholderLeft, rowTotal, outcomeTotal,
    carryIdentity, reviewTotal, contradictedValue,
    periodWrongYear, periodNotWholeYear, impossibleDate, reversedRange, cutoffNotYearEnd, paragraphOtherYear,
    noPeriodStatement, signatureDate, carryOverAcrossYears, workOfAnotherYear, stockContinuity, repeatedText,
    ambiguousPreviousYear, noFeeStatement, emptyProblems, noAccountability, problemsSayNothing, problemsOfAnotherYear,
    brokenEnumeration, doubledWords, unfinishedParagraph,
    narrativeMismatch,
  ]

  public static func named(_ code: String) -> Rule? {
    let wanted = code.uppercased()
    return all.first { $0.code == wanted }
  }
}
