/// A check nianbao makes, with its permanent code. Codes are cited by users in CI logs and
/// pre-commit output: never renumber one, never reuse one.
///
/// Everything said about a rule lives here: `--list-rules`, `--explain`, SARIF's rule
/// descriptors, the review page and the rule pages under `docs/rules/` are made from it.
public struct Rule: Sendable, Hashable {
  public let code: String
  /// An identifier for tools that want one besides the code (SARIF's `name`).
  public let name: String
  public let severity: Severity
  public let title: LocalizedText
  /// What the rule checks, and how it decides (`--explain`).
  public let explanation: LocalizedText
  /// Why a reviewer cares: the article of the 条例 or the requirement of the format behind it.
  public let basis: LocalizedText

  /// The family a rule belongs to, by the hundreds of its code.
  public enum Group: Int, Sendable, CaseIterable {
    case structure = 1
    case sums, dates, content, text

    public var title: LocalizedText {
      switch self {
      case .structure: LocalizedText(zh: "结构、标签和表格", en: "Structure, labels and tables")
      case .sums: LocalizedText(zh: "表格的合计关系", en: "The tables' sums")
      case .dates: LocalizedText(zh: "日期、年份和上年报告", en: "Dates, years and last year's report")
      case .content: LocalizedText(zh: "内容和文字", en: "Content and writing")
      case .text: LocalizedText(zh: "正文与表格", en: "Text and tables")
      }
    }
  }

  public var group: Group { Group(rawValue: (Int(code.dropFirst(2)) ?? 100) / 100) ?? .structure }
}

extension Rule {
  public static let notAReport = Rule(
    code: "NB100",
    name: "NotAReport",
    severity: .error,
    title: LocalizedText(zh: "不是政府信息公开工作年度报告", en: "Not an annual report on government information disclosure"),
    explanation: LocalizedText(
      zh: "文本中既没有年度报告标题，也没有“一、总体情况”等章节标题。检查文件夹时这类文件会被跳过；只有直接点名检查时才报告。",
      en:
        "The text has neither a report title nor the section headings (一、总体情况 …). Such files are skipped when a folder is checked and reported only when named explicitly."
    ),
    basis: LocalizedText(
      zh: "年度报告是《条例》第五十条规定的法定文件。点名检查的文件不是报告，多半是选错了文件，其余检查都无从谈起。",
      en:
        "The annual report is the document Art. 50 of the 条例 requires. A file named for checking that is not one is usually the wrong file, and nothing else can be checked in it."
    )
  )
  public static let missingSection = Rule(
    code: "NB101",
    name: "MissingSection",
    severity: .error,
    title: LocalizedText(zh: "缺少必备章节", en: "A mandatory section is missing"),
    explanation: LocalizedText(
      zh:
        "国办公开办函〔2021〕30号规定年度报告由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。“不能遗漏，也不宜泛化”。",
      en: "The national format has six sections, 一 to 六, none of which may be left out."
    ),
    basis: LocalizedText(
      zh: "《条例》第五十条列出年度报告应当包括的内容，统一格式（国办公开办函〔2021〕30号）把它们定为六个部分，要求“不能遗漏，也不宜泛化”。缺一部分，报告就不完整。",
      en:
        "Art. 50 of the 条例 lists what the report contains, and the national format (国办公开办函〔2021〕30号) makes it six sections that “may not be left out”. Without one, the report is incomplete."
    )
  )
  public static let sectionsOutOfOrder = Rule(
    code: "NB102",
    name: "SectionsOutOfOrder",
    severity: .warning,
    title: LocalizedText(zh: "章节顺序错误", en: "Sections out of order"),
    explanation: LocalizedText(zh: "六个部分应按一至六的顺序出现。", en: "The six sections must appear in the order 一 to 六."),
    basis: LocalizedText(
      zh: "统一格式规定了六个部分的顺序，读者和审查人员按这个顺序查找、比较各机关的报告。",
      en:
        "The national format fixes the order of the six sections; readers and reviewers find their way and compare agencies' reports in that order."
    )
  )
  public static let duplicateSection = Rule(
    code: "NB103",
    name: "DuplicateSection",
    severity: .error,
    title: LocalizedText(zh: "章节重复", en: "A section appears twice"),
    explanation: LocalizedText(zh: "每个部分只能出现一次。", en: "Each section appears exactly once."),
    basis: LocalizedText(
      zh: "同一部分出现两次，多是粘贴或合并稿件时重复了，读者无法判断哪一份为准。",
      en:
        "A section written twice usually comes from pasting or merging drafts; a reader cannot tell which one counts."
    )
  )
  public static let missingTable = Rule(
    code: "NB104",
    name: "MissingTable",
    severity: .error,
    title: LocalizedText(zh: "缺少必备表格", en: "A mandatory table is missing"),
    explanation: LocalizedText(
      zh: "第二、三、四部分各有一张统计表（主动公开情况表、依申请公开情况表、行政复议行政诉讼情况表），不得省略；没有数据时应填 0。",
      en:
        "Sections 二, 三 and 四 each carry a statistical table that may not be left out; where there is nothing to report, the cells hold 0."
    ),
    basis: LocalizedText(
      zh: "三张统计表是统一格式的核心，上级和公众据此了解、比较各机关的工作；没有数据也要填 0，而不是删去表格。",
      en:
        "The three tables are the core of the format: supervisors and the public learn and compare agencies' work from them. With nothing to report, they hold 0; they are never left out."
    )
  )
  public static let nonCanonicalLabel = Rule(
    code: "NB105",
    name: "NonCanonicalLabel",
    severity: .warning,
    title: LocalizedText(zh: "标签与统一格式不一致", en: "A label differs from the national format"),
    explanation: LocalizedText(
      zh: "表格的行、列标签和章节标题应与统一格式一字不差，例如“本年废止件数”不能写成“本年度止件数”，“行政规范性文件”不能写成“规范性文件”。修复会写入规范标签。",
      en:
        "Row and column labels and section titles must be those of the national format, e.g. 本年废止件数, not 本年度止件数. The fix writes the canonical label."
    ),
    basis: LocalizedText(
      zh: "统一格式给所有机关同样的标签，汇总和比较都依赖一字不差的标签；写错的标签会被读成另一个统计项目。",
      en:
        "The format gives every agency the same labels, and adding up and comparing reports relies on them word for word; a different label reads as a different item."
    )
  )
  public static let missingRow = Rule(
    code: "NB106",
    name: "MissingRow",
    severity: .error,
    title: LocalizedText(zh: "表格缺少必备行", en: "A mandatory table row is missing"),
    explanation: LocalizedText(
      zh: "统计表的每一行都必须保留，没有数据时填 0。",
      en: "Every row of the tables must be kept; where there is nothing to report it holds 0."
    ),
    basis: LocalizedText(
      zh: "统计表的每一行都是一个要报告的项目，删去一行就少报了一项；没有发生的事项填 0。",
      en:
        "Every row of the tables is an item to report; a deleted row leaves it unreported. What did not happen is reported as 0."
    )
  )
  public static let wrongValueCount = Rule(
    code: "NB107",
    name: "WrongValueCount",
    severity: .error,
    title: LocalizedText(zh: "行的数值个数不对", en: "A row has the wrong number of values"),
    explanation: LocalizedText(
      zh: "表三每行应有 7 个数（六类申请人及总计），表四应有 15 个数。数值缺失通常是从 Word 或网页复制表格时丢了列。只有能证明缺失的数都为 0 时才提供修复（例如整行其余数均为 0 且由合计关系可知）。",
      en:
        "Each row of table 三 has 7 values (six applicant columns and the total); table 四 has 15. Missing values usually mean a column was lost when the table was pasted. A fix is offered only where the missing values are provably 0."
    ),
    basis: LocalizedText(
      zh: "一行少了数，其余的数就落到了别的列，读者读到的是错位的数字，合计关系也无从核对。",
      en:
        "A row short of a value shifts its other values into the wrong columns: the reader sees misplaced numbers and the sums cannot be checked."
    )
  )
  public static let invalidValue = Rule(
    code: "NB108",
    name: "InvalidValue",
    severity: .error,
    title: LocalizedText(zh: "数值无效", en: "A value is not a valid number for its cell"),
    explanation: LocalizedText(
      zh: "件数必须是非负整数；只有金额（万元）可以是小数。",
      en: "Counts are non-negative whole numbers; only amounts (in 万元) may have decimals."
    ),
    basis: LocalizedText(
      zh: "件数只能是整数，小数、负数或文字无法汇总，也说明填报有误。",
      en:
        "A count is a whole number; a decimal, a negative number or words cannot be added up and show a mistake in filling in the table."
    )
  )
  public static let missingTitle = Rule(
    code: "NB109",
    name: "MissingTitle",
    severity: .error,
    title: LocalizedText(zh: "缺少标题或报告年度", en: "No title, or no report year in it"),
    explanation: LocalizedText(
      zh: "报告应以“××（机关）××××年政府信息公开工作年度报告”为标题，年度决定了统计期限和适用的格式。",
      en:
        "The report opens with a title “<agency> YYYY年政府信息公开工作年度报告”; its year decides the statistics period and the format that applies."
    ),
    basis: LocalizedText(
      zh: "标题说明是哪个机关、哪一年度的报告；统计期限、公布期限和适用的格式都由年度决定。",
      en:
        "The title says whose report it is and for which year; the statistics period, the deadline and the format that applies all follow from the year."
    )
  )
  public static let unsplittableCells = Rule(
    code: "NB110",
    name: "UnsplittableCells",
    severity: .error,
    title: LocalizedText(zh: "数字粘连，无法拆分", en: "Numbers ran together and cannot be split"),
    explanation: LocalizedText(
      zh: "一行的数字之间没有分隔（常见于网页文本），有多种拆分方式都说得通，nianbao 不猜测。请在数字之间加上制表符。",
      en:
        "The numbers of a row ran together with no separator (common in web text) and more than one split is possible; nianbao does not guess. Separate the numbers with tabs."
    ),
    basis: LocalizedText(
      zh: "粘连的数字有多种读法时，读者和审查人员都无法知道真实的数；公布的报告应当每个数都清楚可读。",
      en:
        "When numbers that ran together can be read more than one way, neither readers nor reviewers can know the real figures; a published report shows each number plainly."
    )
  )
  public static let runTogetherCells = Rule(
    code: "NB111",
    name: "RunTogetherCells",
    severity: .warning,
    title: LocalizedText(zh: "数字粘连（已按唯一合理方式拆分）", en: "Numbers ran together (read by the only split that balances)"),
    explanation: LocalizedText(
      zh:
        "数字之间没有分隔（网页文本丢了单元格边框，整张表连成一串），但只有一种拆分能满足表格自身的合计关系，nianbao 按此读取：先看每行的总计，一行有几种拆法时再用表三的列合计（（七）= 各办理结果之和，一 + 二 =（七）+ 四）决定。同一份报告中所有这样读取的行合为一条警告，每行的读法列在相关信息中。修复会在数字之间插入制表符。",
      en:
        "The numbers ran together (a web page's text lost the table's cell borders), but only one split satisfies the table's own sums, and nianbao reads it that way: each row's total first, then, where a row allows several splits, table 三's column sums (（七） = the result rows, 一 + 二 = （七） + 四). All rows of a report read this way are one finding, each row's reading in its related information. The fix inserts tabs between the numbers."
    ),
    basis: LocalizedText(
      zh: "网页上的表格丢了分隔，读者看到的是一串数字；即使只有一种拆法，公布的文本也应让每个数单独可读。",
      en:
        "A table whose separators were lost shows readers a run of digits; even when only one reading adds up, the published text should show each number on its own."
    )
  )
  public static let outdatedLayout = Rule(
    code: "NB112",
    name: "OutdatedLayout",
    severity: .warning,
    title: LocalizedText(zh: "使用了已废止的表格格式", en: "Superseded table layout"),
    explanation: LocalizedText(
      zh:
        "2021 年度起应使用国办公开办函〔2021〕30号格式：表二列为“本年制发件数/本年废止件数/现行有效件数”，表三“（六）其他处理”分为 3 项。旧格式（国办公开办函〔2019〕60号）只适用于 2019、2020 年度。",
      en:
        "From report year 2021 the format of 国办公开办函〔2021〕30号 applies: table 二 has 本年制发件数/本年废止件数/现行有效件数 and table 三's （六）其他处理 has three items. The 2019 trial format applies to 2019 and 2020 only."
    ),
    basis: LocalizedText(
      zh: "2021 年度起统一使用国办公开办函〔2021〕30号格式。沿用旧表格会缺少新增的统计项目（如表二的“本年废止件数”），与其他机关的报告无法比较。",
      en:
        "From report year 2021 every agency uses the 2021 format. An old table lacks the items added then (such as table 二's 本年废止件数) and cannot be compared with other agencies' reports."
    )
  )
  public static let misnumberedSection = Rule(
    code: "NB113",
    name: "MisnumberedSection",
    severity: .warning,
    title: LocalizedText(zh: "章节编号错误", en: "A section heading has the wrong number"),
    explanation: LocalizedText(
      zh: "章节标题的序号应与统一格式一致。修复会改正序号。",
      en: "Section numbers follow the national format. The fix corrects the number."
    ),
    basis: LocalizedText(
      zh: "序号错了，读者按统一格式找第几部分时就会找错；多是删去或合并一部分后没有改序号。",
      en:
        "A wrong section number sends a reader looking for a section to the wrong place; it usually follows a section removed or merged without renumbering."
    )
  )
  public static let blankCell = Rule(
    code: "NB114",
    name: "BlankCell",
    severity: .warning,
    title: LocalizedText(zh: "空白单元格", en: "A blank cell"),
    explanation: LocalizedText(
      zh:
        "表格中应填数字的单元格为空或为“-”“/”。计算时按 0 处理；没有数据时应填 0。一张表的空白单元格合为一条警告（整列空白时说明是哪几列），各单元格列在相关信息中；修复在能确定列的位置一次写入所有的 0。",
      en:
        "A cell that should hold a number is empty or holds “-” or “/”. It is read as 0 for the sums; write 0 where there is nothing to report. The blank cells of one table are one finding (naming the columns when whole columns are blank), each cell in its related information; the fix writes every 0 at once where the columns are certain."
    ),
    basis: LocalizedText(
      zh: "空白单元格分不清是“没有”还是“漏填”；统一格式要求没有数据时填 0。",
      en:
        "A blank cell cannot tell “none” from “forgotten”; the format asks for 0 where there is nothing to report."
    )
  )
  public static let duplicateRow = Rule(
    code: "NB115",
    name: "DuplicateRow",
    severity: .warning,
    title: LocalizedText(zh: "表格行重复", en: "A table row appears twice"),
    explanation: LocalizedText(
      zh: "表三的同一行出现了两次（常见于表格被粘贴了两遍）。只检查第一次出现的那一行，请删除重复的行。",
      en:
        "A row of table 三 appears twice (usually the table was pasted twice). Only the first is checked; delete the repeated one."
    ),
    basis: LocalizedText(
      zh: "重复的行让读者不知道以哪一行为准，两行数字不同时更会误导；多是表格粘贴了两遍。",
      en:
        "A repeated row leaves the reader to guess which one counts, and misleads when the two differ; usually the table was pasted twice."
    )
  )
  public static let placeholderLeft = Rule(
    code: "NB117",
    name: "PlaceholderLeft",
    severity: .warning,
    title: LocalizedText(zh: "留有待填写的占位内容", en: "A placeholder is left in the report"),
    explanation: LocalizedText(
      zh:
        "“【待填写：……】”标出还要写的正文（nianbao new 生成下一年度报告框架时留下）。每处占位都报告一次，写好正文、删除占位标记后消失。",
      en:
        "“【待填写：……】” marks text still to be written (nianbao new leaves it in the skeleton of next year's report). Each placeholder is reported until the text is written and the mark removed."
    ),
    basis: LocalizedText(
      zh: "占位内容留在公布的报告里，说明这一部分还没有写；报告公布前必须写完。",
      en:
        "A placeholder left in a published report means a part was never written; the report must be finished before it is published."
    )
  )
  public static let rowTotal = Rule(
    code: "NB201",
    name: "RowTotal",
    severity: .error,
    title: LocalizedText(zh: "表三：行总计不等于各类申请人之和", en: "Table 三: a row's total is not the sum of its applicant columns"),
    explanation: LocalizedText(
      zh:
        "表三每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。一个数填错常常同时破坏几处合计：nianbao 找出只改一个数（不行再找两个数）就能让所有不成立的合计都成立、又不破坏任何成立的合计的那个单元格，只在它上面报告一次。消息说明应为多少；逐项的计算和判断理由在相关信息和悬停提示中。修复写入重新计算的总计。",
      en:
        "In table 三, each row's 总计 equals 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. One wrong number often breaks several sums: nianbao looks for the one cell (else the one pair of cells) whose correction makes every broken sum hold without breaking one that holds, and reports it once, there. The message gives the right value; the sum written out term by term and the reasoning are in the related information and the hover. The fix writes the recomputed total."
    ),
    basis: LocalizedText(
      zh: "表三统计依申请公开的工作量，上级和公众据此了解、比较各机关的工作。行总计与各列之和不等，说明至少有一个数错了；审查人员和自动审查工具都核对这一关系。",
      en:
        "Table 三 counts the applications an agency handled; supervisors and the public read and compare agencies' work from it. A total that is not the sum of its columns means at least one figure is wrong; reviewers and review tools check this sum."
    )
  )
  public static let outcomeTotal = Rule(
    code: "NB202",
    name: "OutcomeTotal",
    severity: .error,
    title: LocalizedText(zh: "表三：（七）总计不等于（一）至（六）之和", en: "Table 三: （七）总计 is not the sum of （一）–（六）"),
    explanation: LocalizedText(
      zh: "表三“（七）总计”每一列应等于（一）予以公开、（二）部分公开及（三）至（六）各小项之和。修复写入重新计算的值。",
      en:
        "In every column of table 三, （七）总计 equals （一） + （二） + every item of （三）–（六）. The fix writes the recomputed value."
    ),
    basis: LocalizedText(
      zh: "（七）总计是本年度办理结果的合计，与“结转下年度继续办理”一起交代每一件申请的去向；与各项之和不等，说明办理结果有错报或漏报。",
      en:
        "（七） totals the year's outcomes, and with 结转下年度 it accounts for every application; a total that differs from its items means an outcome was misreported or left out."
    )
  )
  public static let carryIdentity = Rule(
    code: "NB203",
    name: "CarryIdentity",
    severity: .error,
    title: LocalizedText(zh: "表三：勾稽关系不成立（一 + 二 ≠ 三 + 四）", en: "Table 三: 一 + 二 ≠ 三（七） + 四"),
    explanation: LocalizedText(
      zh: "表头注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”：本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理。修复重新计算“四、结转下年度继续办理”（结果不小于 0 时）。",
      en:
        "The table's own header states it: 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理, in every column. The fix recomputes 四 (结转下年度) when that gives a value ≥ 0."
    ),
    basis: LocalizedText(
      zh: "表三表头自己写明了这一勾稽关系：收到的申请（本年新收加上年结转）要么办结，要么结转下年度。不成立，说明有申请下落不明或被重复统计。",
      en:
        "Table 三's own header states it: every application received (new plus carried over) is either handled or carried forward. If it does not hold, applications are missing or counted twice."
    )
  )
  public static let reviewTotal = Rule(
    code: "NB204",
    name: "ReviewTotal",
    severity: .error,
    title: LocalizedText(zh: "表四：总计不等于四种结果之和", en: "Table 四: a total is not the sum of its four results"),
    explanation: LocalizedText(
      zh: "表四行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。修复写入重新计算的总计。",
      en: "In table 四, each group's 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结. The fix writes the recomputed total."
    ),
    basis: LocalizedText(
      zh: "表四统计行政复议、行政诉讼的结果；总计与各结果之和不等，说明案件被漏报或重复统计。",
      en:
        "Table 四 counts the outcomes of reconsiderations and lawsuits; a total that differs from its outcomes means cases were left out or counted twice."
    )
  )
  public static let contradictedValue = Rule(
    code: "NB205",
    name: "ContradictedValue",
    severity: .error,
    title: LocalizedText(
      zh: "表三：数值与行总计、列总计都矛盾",
      en: "Table 三: a value contradicts both its row total and its column total"
    ),
    explanation: LocalizedText(
      zh: "只改这一个数就能让所有合计关系成立，所以它最可能填错了。修复（不自动应用）写入两个合计共同推出的值。",
      en:
        "Changing this one value makes every sum balance, so it is the most probable mistake. The fix (not applied automatically) writes the value both totals imply."
    ),
    basis: LocalizedText(
      zh: "一个数同时与行合计、列合计矛盾，而改正它就能让所有合计成立，几乎可以肯定是这个数填错了。",
      en:
        "A value that contradicts both its row and its column, and whose correction balances every sum, is almost certainly the mistake."
    )
  )
  public static let periodWrongYear = Rule(
    code: "NB301",
    name: "PeriodWrongYear",
    severity: .error,
    title: LocalizedText(zh: "统计期限不在报告年度", en: "The statistics period is not in the report year"),
    explanation: LocalizedText(
      zh: "统计期限应为报告年度的 1月1日至12月31日。常见原因是沿用了上一年的报告。修复把年份改为报告年度。",
      en:
        "The statistics period is 1 January to 31 December of the report year; a wrong year usually comes from last year's report. The fix rewrites the year."
    ),
    basis: LocalizedText(
      zh: "统计期限写成别的年度，多是照搬了上一年的报告；读者会以为表中的数是那一年的。",
      en:
        "A statistics period in another year usually comes from last year's report; readers take the tables' figures to be that year's."
    )
  )
  public static let periodNotWholeYear = Rule(
    code: "NB302",
    name: "PeriodNotWholeYear",
    severity: .error,
    title: LocalizedText(zh: "统计期限不是全年", en: "The statistics period is not the whole year"),
    explanation: LocalizedText(
      zh: "统计期限应为 1月1日至12月31日。",
      en: "The statistics period runs from 1 January to 31 December."
    ),
    basis: LocalizedText(
      zh: "年度报告统计整个自然年；不足一年的统计期限意味着数字不全，与其他机关、其他年度无法比较。",
      en:
        "The report covers a whole calendar year; a shorter period means incomplete figures that cannot be compared with other agencies or years."
    )
  )
  public static let impossibleDate = Rule(
    code: "NB303",
    name: "ImpossibleDate",
    severity: .error,
    title: LocalizedText(zh: "不存在的日期", en: "An impossible date"),
    explanation: LocalizedText(
      zh: "如 2月30日、13月、平年的 2月29日。",
      en: "Such as 30 February, month 13, or 29 February in a common year."
    ),
    basis: LocalizedText(
      zh: "不存在的日期是笔误，出现在公布的报告中有损严肃性，读者也无从知道原本的日期。",
      en:
        "An impossible date is a slip that does a published report no credit, and the reader cannot tell what date was meant."
    )
  )
  public static let reversedRange = Rule(
    code: "NB304",
    name: "ReversedRange",
    severity: .error,
    title: LocalizedText(zh: "日期区间结束早于开始", en: "A date range ends before it starts"),
    explanation: LocalizedText(zh: "区间的结束日期不能早于开始日期。", en: "A range cannot end before it starts."),
    basis: LocalizedText(
      zh: "结束早于开始的区间读不通，多是年份或月份写反了；统计期限写错，表格的数字也就失去了依据。",
      en:
        "A range that ends before it starts cannot be read; usually a year or month was swapped, and a wrong statistics period leaves the tables without their basis."
    )
  )
  public static let cutoffNotYearEnd = Rule(
    code: "NB305",
    name: "CutoffNotYearEnd",
    severity: .warning,
    title: LocalizedText(zh: "“截至”日期不是报告年度年末", en: "A 截至 date is not the end of the report year"),
    explanation: LocalizedText(
      zh: "总体情况中的“截至××”应为报告年度的 12月31日，否则数字与统计期限不一致。",
      en:
        "A 截至 (as of) date in 一、总体情况 is normally 31 December of the report year; otherwise its figures do not match the statistics period."
    ),
    basis: LocalizedText(
      zh: "“截至”某日的数字应与统计期限一致；日期不同，读者无法把正文与表格对上，也常是沿用了往年的文字。",
      en:
        "Figures “as of” a date should match the statistics period; another date keeps readers from matching the text with the tables, and often means old text was kept."
    )
  )
  public static let paragraphOtherYear = Rule(
    code: "NB306",
    name: "ParagraphOtherYear",
    severity: .warning,
    title: LocalizedText(zh: "段落以其他年份开头", en: "A paragraph opens with another year"),
    explanation: LocalizedText(
      zh:
        "总体情况报告的是报告年度的工作。段落以其他年份开头，常见原因是沿用了往年的文字。“存在的主要问题及改进情况”中以往年开头、接着叙述那一年工作的段落（“2024年，我局……”出现在 2025 年度报告中）同样是沿用的；写“2024年存在问题的整改情况”不算。网页文本在句中断行（上一行没有以句号等结束）时，下一行不是段落开头。",
      en:
        "一、总体情况 reports the report year's work; a paragraph opening with another year usually was copied from an earlier report. In 五 (problems and improvements), a paragraph that opens with an earlier year and goes on about that year's work (“2024年，我局……” in the 2025 report) was kept too; “2024年存在问题的整改情况” is not flagged. A line of web text broken inside a sentence (the line before does not end a sentence) does not open a paragraph."
    ),
    basis: LocalizedText(
      zh: "总体情况报告的是本年度的工作；以往年开头的段落多是照搬往年的报告，考核评估对此扣分。",
      en:
        "一、总体情况 reports the report year's work; a paragraph opening with another year was usually copied from an earlier report, and assessments deduct points for that."
    )
  )
  public static let noPeriodStatement = Rule(
    code: "NB307",
    name: "NoPeriodStatement",
    severity: .information,
    title: LocalizedText(zh: "未写明统计期限", en: "No statistics period is stated"),
    explanation: LocalizedText(
      zh: "建议写明“本报告中所列数据的统计期限自××××年1月1日起至××××年12月31日止”。统一格式未强制要求这句话，所以只作提示。",
      en:
        "Most reports state “本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止”. The format does not require the sentence, so this is information only."
    ),
    basis: LocalizedText(
      zh: "写明统计期限，读者就知道表中的数字从何时到何时；大多数报告都写这句话，但统一格式没有强制要求。",
      en:
        "Stating the period tells readers what the figures cover; most reports do, but the format does not require it."
    )
  )
  public static let signatureDate = Rule(
    code: "NB308",
    name: "SignatureDate",
    severity: .warning,
    title: LocalizedText(zh: "成文日期不在法定期限内", en: "The date under the signature is outside the legal period"),
    explanation: LocalizedText(
      zh: "条例第四十九条：县级以上人民政府部门应在每年1月31日前、县级以上地方人民政府应在每年3月31日前公布上一年度的年度报告。报告末尾的成文日期应在报告年度之后，且不晚于期限（乡镇、街道按3月31日计）。",
      en:
        "Art. 49 of the 条例: departments publish the previous year's report by 31 January, local governments by 31 March. The date under the signature comes after the report year and no later than that (townships and sub-districts are held to 31 March)."
    ),
    basis: LocalizedText(
      zh: "《条例》第四十九条规定了公布期限：县级以上人民政府部门每年1月31日前，县级以上地方人民政府每年3月31日前。成文日期晚于期限说明报告逾期（宿迁的评分细则对未按时发布扣分）；在报告年度之内则是日期写错了。",
      en:
        "Art. 49 of the 条例 sets the deadline: 31 January for departments, 31 March for local governments. A later date means the report was late (宿迁's scoring rules deduct points for it); a date inside the report year is a mistake."
    )
  )
  public static let carryOverAcrossYears = Rule(
    code: "NB309",
    name: "CarryOverAcrossYears",
    severity: .warning,
    title: LocalizedText(zh: "上年结转与上一年报告的结转下年度不一致", en: "Carried over differs from last year's carried forward"),
    explanation: LocalizedText(
      zh: "本年表三“二、上年结转政府信息公开申请数量”每一列应等于同一机关上一年度报告表三“四、结转下年度继续办理”。检查文件夹时，同一机关相邻两年的报告都在其中才会核对。",
      en:
        "Each column of table 三 row 二 (carried over) equals row 四 (carried forward) of the same agency's report for the year before. Checked when both reports are among the files checked."
    ),
    basis: LocalizedText(
      zh: "上年结转的申请就是上一年度报告中结转下年度继续办理的申请，两份报告必须衔接；不一致说明有申请在两年之间下落不明。",
      en:
        "The applications carried over are those last year's report carried forward, so the two reports must agree; if they do not, applications went missing between the years."
    )
  )
  public static let stockContinuity = Rule(
    code: "NB311",
    name: "StockContinuity",
    severity: .information,
    title: LocalizedText(zh: "现行有效件数与上年报告不衔接", en: "Documents in force do not carry on from last year's report"),
    explanation: LocalizedText(
      zh:
        "表二第二十条第（一）项：上年报告的“现行有效件数”加本年“制发件数”减本年“废止件数”，应等于本年“现行有效件数”（规章、行政规范性文件各算一次）。集中清理、统计口径调整都会打破这一关系，所以只作提示；不衔接时宜在正文中说明原因。需要同一机关上一年度的报告（检查时一并给出，或在编辑器的工作区中）。",
      en:
        "Table 二 item (一): last year's documents in force plus this year's issued minus repealed equals this year's in force, for 规章 and for 行政规范性文件. Clean-ups and changes of counting break it, so this is information only; where it does not hold, the text should say why. Needs the same agency's report for the year before (among the files checked, or in the editor's workspace)."
    ),
    basis: LocalizedText(
      zh: "现行有效的规章和规范性文件逐年延续；不衔接时读者无法判断数字是否可靠，确有清理的应在正文中说明。",
      en:
        "The documents in force carry over from year to year; when the counts do not, readers cannot tell whether they are right, so a clean-up should be explained in the text."
    )
  )
  public static let repeatedText = Rule(
    code: "NB312",
    name: "RepeatedText",
    severity: .warning,
    title: LocalizedText(zh: "章节文字大半与上年报告相同", en: "A section repeats most of last year's text"),
    explanation: LocalizedText(
      zh:
        "某一部分超过一半的文字与同一机关上一年度报告的同一部分相同。考核评估对照搬上年报告的年报扣分（如宿迁的评分细则以 50% 为线）。比较时只看该部分自己的文字：表格、小标题和格式规定的固定句子（统计期限、信息处理费等）不计，标点和空白不计，数字一律视为相同；相同指连续 8 个字以上在上年同一部分中也出现。相关信息指向上年报告中最长的几段相同文字。",
      en:
        "More than half of a section's own words are those of the same section of the agency's report for the year before; assessments deduct points for copied reports (宿迁's scoring rules draw the line at 50%). Only the section's own text counts: tables, sub-headings and the sentences the format prescribes (the statistics period, fees) are left out, punctuation and spaces are ignored, and all digits read alike; a character is copied when it lies in a run of 8 or more also found in last year's section. The related information points to the longest copied passages in last year's report."
    ),
    basis: LocalizedText(
      zh: "照搬上年报告是考核评估的扣分项（宿迁的评分细则以 50% 为线）；年报应当反映本年度的工作。",
      en:
        "Copying last year's report loses points in assessments (宿迁's scoring rules draw the line at 50%); the report should describe this year's work."
    )
  )
  public static let ambiguousPreviousYear = Rule(
    code: "NB313",
    name: "AmbiguousPreviousYear",
    severity: .information,
    title: LocalizedText(zh: "上年报告不止一份，未作比较", en: "More than one report could be last year's"),
    explanation: LocalizedText(
      zh:
        "同一机关上一年度的报告找到了不止一份（草稿、副本），无法确定以哪一份为准，所以没有与上年比较（NB309、NB311、NB312）。删去多余的副本，或在 nianbao.toml 中写 previous = \"上年报告的路径\"（也可写在 [[overrides]] 中）。",
      en:
        "More than one report of the same agency for the year before was found (drafts, copies), so none is used and the cross-year rules (NB309, NB311, NB312) are not checked. Remove the extra copies or write previous = \"path of last year's report\" in nianbao.toml (also in [[overrides]])."
    ),
    basis: LocalizedText(
      zh: "可能的上年报告不止一份时，与哪一份比较都可能出错；nianbao 说明情况而不猜测，以免跨年度的结论建立在错误的文件上。",
      en:
        "With two candidates for last year's report, comparing with either could be wrong; nianbao says so rather than guess, so that no cross-year finding rests on the wrong file."
    )
  )
  public static let noFeeStatement = Rule(
    code: "NB401",
    name: "NoFeeStatement",
    severity: .warning,
    title: LocalizedText(zh: "未报告信息处理费情况", en: "No statement on information processing fees"),
    explanation: LocalizedText(
      zh: "“六、其他需要报告的事项”应报告收取信息处理费的情况（收取或未收取、发出收费通知的情况），不能只写“无”。",
      en: "Section 六 reports whether information processing fees (信息处理费) were charged; “无” alone is not enough."
    ),
    basis: LocalizedText(
      zh: "信息处理费按国办函〔2020〕109号《政府信息公开信息处理费管理办法》收取，第六部分应报告收费情况；只写“无”看不出是否收费。",
      en:
        "Fees are charged under 国办函〔2020〕109号, and section 六 reports what was charged; “无” alone does not say whether anything was."
    )
  )
  public static let emptyProblems = Rule(
    code: "NB402",
    name: "EmptyProblems",
    severity: .warning,
    title: LocalizedText(zh: "“存在的主要问题及改进情况”内容空缺", en: "Section 五 is empty"),
    explanation: LocalizedText(
      zh: "第五部分应写明存在的主要问题和改进情况，标题下不能什么都没有。只写了“无”或不足一句话的是 NB404。",
      en:
        "Section 五 states the main problems and the improvements; it may not have nothing under its heading. One that says only “无”, or less than a sentence, is NB404."
    ),
    basis: LocalizedText(
      zh: "《条例》第五十条第四项要求报告存在的主要问题及改进情况；这一部分空缺，报告就不完整。",
      en:
        "Art. 50(4) of the 条例 requires the main problems and improvements; with section 五 empty the report is incomplete."
    )
  )

  public static let noAccountability = Rule(
    code: "NB403",
    name: "NoAccountability",
    severity: .warning,
    title: LocalizedText(
      zh: "人民政府年报未报告考核、评议和责任追究情况",
      en: "A government's report says nothing of appraisal, public review and accountability"
    ),
    explanation: LocalizedText(
      zh: "条例第五十条第四项：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况。机关名称为人民政府、乡、镇或街道时，总体情况或第五部分中应写明（例如“本年度开展社会评议 1 次，未发生责任追究事件”）。",
      en:
        "Art. 50(4) of the 条例: the report of a people's government (including townships and sub-districts) states the results of work appraisal (考核), public review (评议) and accountability (责任追究), in 一 or 五."
    ),
    basis: LocalizedText(
      zh: "《条例》第五十条第四项：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况（第四十六条规定了这三项制度）。",
      en:
        "Art. 50(4) of the 条例: a people's government's report also states the results of appraisal, public review and accountability, the systems Art. 46 requires."
    )
  )

  public static let narrativeMismatch = Rule(
    code: "NB501",
    name: "NarrativeMismatch",
    severity: .warning,
    title: LocalizedText(zh: "正文数字与表格不一致", en: "A number in the text differs from the tables"),
    explanation: LocalizedText(
      zh: "总体情况中复述表格的数字（收到申请、上年结转、办结、结转下年度 N 件，未收到申请，行政复议、行政诉讼 N 件）应与表三、表四一致。“收到”可以指本年新收，也可以指本年新收加上年结转，两种读法都接受。",
      en:
        "Numbers in 总体情况 that restate the tables (applications received, carried over, handled, carried forward; none received; reconsiderations and lawsuits) must match tables 三 and 四. “Received” may mean new applications or new plus carried over; both readings are accepted."
    ),
    basis: LocalizedText(
      zh: "正文和表格报告的是同一件事，数字不一致，读者不知道以哪个为准；多是改了表格而没有改正文。",
      en:
        "The text and the tables report the same facts; when their numbers differ, readers do not know which to believe. Usually the table was corrected and the text was not."
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
    byCode[code] ?? byCode[code.uppercased()]
  }

  /// Every rule by its code: outputs look a finding's rule up for each finding.
  private static let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}
