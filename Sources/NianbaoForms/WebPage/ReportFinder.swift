/// Finds the report among a site page's lines: navigation, breadcrumbs, the article's date and
/// source, share and print buttons, related links and the footer are not the report.
///
/// The report runs from its title (a short paragraph naming `政府信息公开` and `年度报告`, or
/// `工作年度报告`: the last such line before heading 一, so a list of other years' reports above
/// the article is passed over) to the first line of site furniture after its last section
/// heading (打印本页, 关闭窗口, 版权所有, 网站标识码, ICP备 …), keeping the signature, the date and
/// 附件 lines between. Between the title and heading 一, the article's own furniture (发布时间,
/// 来源, 字号, 分享) is dropped. With no title the whole page is kept.
enum ReportFinder {
  /// The indices of the lines that make the report, in order.
  static func reportLines(_ texts: [String], isRow: [Bool]) -> [Int] {
    let headingOne = texts.indices.first { index in !isRow[index] && startsHeading(texts[index], "一") }
    let titles = texts.indices.filter { !isRow[$0] && isTitle(texts[$0]) }
    guard let title = titles.last(where: { $0 < (headingOne ?? texts.count) }) ?? titles.first else {
      return Array(texts.indices)
    }
    let lastHeading =
      texts.indices.last { index in
        index > title && !isRow[index] && ["六", "五", "四", "三", "二", "一"].contains { startsHeading(texts[index], $0) }
      } ?? title
    let end = texts.indices.first { $0 > lastHeading && isFurniture(texts[$0]) } ?? texts.count
    return (title..<end).filter { index in
      index == title || index >= (headingOne ?? title) || !isArticleFurniture(texts[index])
    }
  }

  static func isTitle(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    // 80 characters of Chinese are 240 bytes: a longer line is prose, not a title.
    guard bytes.count <= 240, text.unicodeScalars.count <= 80 else { return false }
    guard !bytes.has(Words.fullStop), !bytes.has(Words.comma) else { return false }
    return bytes.has(Words.annualReportOfWork) || (bytes.has(Words.disclosure) && bytes.has(Words.annualReport))
  }

  /// Words looked for in every line, as bytes: `String.contains` searches Unicode-aware and cost a
  /// fifth of reading a page.
  private enum Words {
    static let fullStop = Array("。".utf8)
    static let comma = Array("，".utf8)
    static let annualReportOfWork = Array("工作年度报告".utf8)
    static let disclosure = Array("政府信息公开".utf8)
    static let annualReport = Array("年度报告".utf8)
    static let furnitureAnywhere = [
      "版权所有", "网站标识码", "ICP备", "ICP 备", "公网安备", "打印本页", "关闭窗口", "【打印】", "【关闭】", "[打印]", "[关闭]",
      "相关链接", "相关文章", "相关阅读", "相关附件", "上一篇", "下一篇", "分享到", "扫一扫在手机", "网站地图", "返回顶部",
    ].map { Array($0.utf8) }
    static let furnitureShort = ["打印", "关闭", "收藏", "分享", "相关信息", "相关文件", "主办：", "主办单位"].map { Array($0.utf8) }
    static let articleFurniture = [
      "发布时间", "发布日期", "来源：", "来源:", "信息来源", "字号", "浏览次数", "点击数", "阅读次数", "作者：", "【大", "【字体",
    ].map { Array($0.utf8) }
  }

  /// A line opening with `一、` (or `一.`, `一．`, `一 `).
  private static func startsHeading(_ text: String, _ numeral: String) -> Bool {
    let trimmed = text.drop { $0 == " " }
    guard trimmed.hasPrefix(numeral) else { return false }
    let rest = trimmed.dropFirst(numeral.count)
    return rest.hasPrefix("、") || rest.hasPrefix("．") || rest.hasPrefix(".") || rest.hasPrefix("，")
  }

  /// Site furniture that follows an article: no report line says these.
  private static func isFurniture(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    if Words.furnitureAnywhere.contains(where: bytes.has) { return true }
    return text.unicodeScalars.count <= 12 && Words.furnitureShort.contains(where: bytes.has)
  }

  /// An article's own furniture between its title and its text.
  private static func isArticleFurniture(_ text: String) -> Bool {
    guard text.unicodeScalars.count <= 60 else { return false }
    return isFurniture(text) || Words.articleFurniture.contains(where: Array(text.utf8).has)
  }
}

extension [UInt8] {
  /// Whether `word` occurs in these bytes.
  fileprivate func has(_ word: [UInt8]) -> Bool {
    guard let first = word.first, word.count <= count else { return word.isEmpty }
    var index = 0
    while index + word.count <= count {
      if self[index] == first {
        var k = 1
        while k < word.count, self[index + k] == word[k] { k += 1 }
        if k == word.count { return true }
      }
      index += 1
    }
    return false
  }
}
