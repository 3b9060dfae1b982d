import Foundation
import NianbaoForms
import NianbaoTestSupport
import Testing

@Suite struct WebPageTests {
  private func render(_ html: String) -> RenderedReport { WebPage.render(Array(html.utf8)) }

  private func lines(_ html: String) -> [String] {
    render(html).text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  // MARK: Tables

  @Test func aTableRowIsOneLineOfCellsJoinedByTabs() {
    let html = """
      <table><tr><td colspan=3>第二十条第（一）项</td></tr>
      <TR><TD>信息内容<TD>本年制发件数<TD>现行有效件数
      <tr><td>规章</td><td> 0 </td><td>
        3
      </td></tr></table>
      """
    #expect(lines(html) == ["第二十条第（一）项", "信息内容\t本年制发件数\t现行有效件数", "规章\t0\t3"])
  }

  @Test func aRowspanCellIsLeftOutOfTheRowsBelowAndAColspanCellAppearsOnce() {
    let html = """
      <table>
      <tr><td rowspan=3>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>258</td><td></td></tr>
      <tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>1</td><td>1</td></tr>
      </table>
      """
    #expect(
      lines(html) == [
        "三、本年度办理结果\t（一）予以公开\t258\t",
        "（三）不予公开\t1.属于国家秘密\t0\t0",
        "2.其他法律行政法规禁止公开\t1\t1",
      ]
    )
  }

  @Test func piecesOfACellAreJoinedWithoutASpaceOnlyBetweenChineseCharacters() {
    let html = """
      <table><tr><td><p>1.本机关不掌握相关</p><p>政府信息</p></td><td>12<br>3</td>\
      <td>（一）<br/>予以公开</td><td>Total<br>总计</td></tr></table>
      """
    #expect(lines(html) == ["1.本机关不掌握相关政府信息\t12 3\t（一）予以公开\tTotal 总计"])
  }

  @Test func blankCellsAreEmptyFields() {
    let html = """
      <table><tr><td>一、本年新收政府信息公开申请数量</td><td>&nbsp;</td><td></td>\
      <td><p>&nbsp;</p></td><td>\u{3000}</td><td>\u{00A0}</td><td><span><o:p> </o:p></span></td><td>26</td></tr></table>
      """
    #expect(lines(html) == ["一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t26"])
    let blanks = render(html).segments.filter { if case .blankCell = $0.kind { true } else { false } }
    #expect(blanks.count == 6)
  }

  @Test func aRowOfOnlyBlankCellsIsNotALine() {
    #expect(lines("<table><tr><td>&nbsp;</td><td></td></tr><tr><td>a</td><td>1</td></tr></table>") == ["a\t1"])
  }

  @Test func aTableHoldingATableIsLayoutAndItsCellsAreParagraphs() {
    let html = """
      <table><tr><td>首页</td><td>政务公开</td></tr>
      <tr><td><p>二、主动公开政府信息情况</p>
      <table><tr><td>规章</td><td>0</td></tr></table>
      <p>三、收到和处理政府信息公开申请情况</p></td></tr></table>
      """
    #expect(
      lines(html) == [
        "首页\t政务公开", "二、主动公开政府信息情况", "规章\t0", "三、收到和处理政府信息公开申请情况",
      ]
    )
  }

  // MARK: Text

  @Test func entitiesAreDecodedAndRespelled() {
    let html = "<p>&ldquo;三安全一稳定&rdquo;&mdash;&#20013;&#x6587;&middot;&hellip;&amp;&lt;&gt;&quot;&copy</p>"
    #expect(lines(html) == ["“三安全一稳定”—中文·…&<>\"©"])
    let rendered = render(html)
    #expect(rendered.segments.filter { $0.kind == .respelled }.count == 12)
    #expect(rendered.segments.filter { $0.kind == .verbatim }.count == 1)
  }

  @Test func anAmpersandThatNamesNothingIsText() {
    #expect(lines("<p>A&B &unknown; &#;</p>") == ["A&B &unknown; &#;"])
  }

  @Test func whiteSpaceCollapsesAsInABrowser() {
    let html = "<div>\n   全年公开信息\n   120  条，\n   其中政府\n   信息公开&nbsp;&nbsp;专栏\u{3000}5 条 </div><p> \n </p>"
    #expect(lines(html) == ["全年公开信息 120 条，其中政府信息公开 专栏 5 条"])
  }

  @Test func blocksEndLinesAndInlineElementsDoNot() {
    let html = "<h1>标题</h1><p>一、<b>总体</b><span>情况</span><br>第二行<li>第三行<div>第四行</div>"
    #expect(lines(html) == ["标题", "一、总体情况", "第二行", "第三行", "第四行"])
  }

  @Test func scriptsStylesCommentsAndTheHeadAreNotText() {
    let html = """
      <html><head><title>标题</title><style>p { color: red }</style></head><body>
      <script>document.write("<p>不是正文</p>");</script><!-- <p>注释</p> --><noscript>请启用脚本</noscript>
      <p>正文</p><select><option>大</option></select><![CDATA[数据]]></body></html>
      """
    #expect(lines(html) == ["正文", "数据"])
  }

  @Test func attributesMayHoldAngleBracketsAndGoUnquoted() {
    let html = "<p title=\"a>b\" class=x data-x='<td>'>文字</p><P ALIGN=center>两</P>"
    #expect(lines(html) == ["文字", "两"])
  }

  // MARK: The report in the page

  private let sitePage = """
    <html><head><meta charset="gb2312"><title>平潭综合实验区2020年度政府信息公开工作年度报告_政府信息公开年报</title></head>
    <body><div class="header"><ul><li><a href="/">首页</a></li><li><a>政务公开</a></li></ul></div>
    <div class="sidebar"><a>平潭综合实验区2019年度政府信息公开工作年度报告</a></div>
    <div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
    <div class="article_title">平潭综合实验区2020年度政府信息公开工作年度报告</div>
    <div><span>发布时间：2021-03-05 08:58</span> <span>来源：平潭县人民政府</span> 字号：<a>大</a><a>中</a><a>小</a></div>
    <p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>
    <p>一、总体情况</p><p>2020年，我区……</p>
    <p>六、其他需要报告的事项</p><p>无。</p>
    <p>平潭综合实验区管委会办公室</p><p>2021年3月5日</p>
    <div class="share">分享到：<a>微信</a></div><div><a>打印本页</a><a>关闭窗口</a></div>
    <div class="related">相关链接<a>平潭综合实验区2018年度政府信息公开工作年度报告</a></div>
    <div class="footer">版权所有：平潭综合实验区党工委管委会 网站标识码：3590000001 闽ICP备12345678号</div>
    </body></html>
    """

  @Test func theReportIsFoundAmongTheSitesNavigationAndFooter() {
    #expect(
      lines(sitePage) == [
        "平潭综合实验区2020年度政府信息公开工作年度报告", "本报告根据《中华人民共和国政府信息公开条例》编制。", "一、总体情况", "2020年，我区……",
        "六、其他需要报告的事项", "无。", "平潭综合实验区管委会办公室", "2021年3月5日",
      ]
    )
  }

  @Test func aPageWithoutATitleIsReadWhole() {
    #expect(lines("<div><a>首页</a></div><p>一、总体情况</p><div>版权所有</div>") == ["首页", "一、总体情况", "版权所有"])
  }

  @Test func aSentenceNamingTheReportIsNotItsTitle() {
    let html = "<p>本年度报告是根据《中华人民共和国政府信息公开条例》要求编制的年度报告。</p><p>一、总体情况</p>"
    #expect(lines(html).count == 2)
  }

  // MARK: The way back to the page

  /// Every verbatim segment's source bytes are its rendered bytes; every respelled segment's
  /// source is an entity or white space spelling its text; every blank cell's place is white
  /// space or empty; the text no segment covers is tabs, line ends and joining spaces.
  private func expectMapsBack(_ html: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    let rendered = WebPage.render(html)
    let text = Array(rendered.text.utf8)
    var covered = 0
    for segment in rendered.segments {
      let source = Array(html[segment.source])
      let piece = Array(text[segment.rendered])
      for byte in text[covered..<segment.rendered.lowerBound] {
        #expect([0x09, 0x0A, 0x20].contains(byte), "unmapped text", sourceLocation: sourceLocation)
      }
      covered = segment.rendered.upperBound
      switch segment.kind {
      case .verbatim:
        #expect(source == piece, sourceLocation: sourceLocation)
      case .respelled:
        let spelling = String(decoding: source, as: UTF8.self)
        if piece == [0x20] {
          #expect(isWhiteSpace(spelling), "\(spelling)", sourceLocation: sourceLocation)
        } else {
          #expect(spelling.hasPrefix("&"), "\(spelling)", sourceLocation: sourceLocation)
          #expect(
            decode(spelling) == String(decoding: piece, as: UTF8.self),
            "\(spelling)",
            sourceLocation: sourceLocation
          )
        }
      case .blankCell:
        #expect(piece.isEmpty && isWhiteSpace(String(decoding: source, as: UTF8.self)), sourceLocation: sourceLocation)
      }
    }
  }

  private func isWhiteSpace(_ text: String) -> Bool {
    text.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&emsp;", with: " ")
      .replacingOccurrences(of: "&#160;", with: " ").unicodeScalars
      .allSatisfy { [" ", "\n", "\t", "\r", "\u{00A0}", "\u{3000}"].contains($0) }
  }

  /// The test's own reading of one character reference.
  private func decode(_ reference: String) -> String {
    let named = [
      "&ldquo;": "“", "&rdquo;": "”", "&mdash;": "—", "&middot;": "·", "&hellip;": "…", "&amp;": "&",
      "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&copy": "©", "&copy;": "©",
    ]
    if let text = named[reference] { return text }
    let digits = reference.dropFirst(2).prefix { $0 != ";" }
    let value = digits.first == "x" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
    return value.flatMap { $0 == 0 ? nil : Unicode.Scalar($0) }.map { String(Character($0)) } ?? "\u{FFFD}"
  }

  @Test func everySegmentMapsBackToThePage() throws {
    expectMapsBack(Array(sitePage.utf8))
    expectMapsBack(Array("<p>&ldquo;三安全一稳定&rdquo;&#20013;&#x6587; a \n b&nbsp;c</p>".utf8))
    expectMapsBack(try realExcerpt())
    expectMapsBack(Array(Self.nationalFormatPage.utf8))
  }

  @Test func aValueWrittenIntoABlankCellLandsInsideItAndKeepsEveryOtherByte() {
    let cases: [(String, String)] = [
      ("<table><tr><td>（一）予以公开</td><td>&nbsp;</td></tr></table>", "<td>272</td>"),
      ("<table><tr><td>（一）予以公开</td><td></td></tr></table>", "<td>272</td>"),
      ("<table><tr><td>（一）予以公开</td><td>\n  </td></tr></table>", "<td>272</td>"),
      ("<table><tr><td>（一）予以公开</td><td>\n<p>&nbsp;</p>\n</td></tr></table>", "<td>\n<p>272</p>\n</td>"),
      ("<table><tr><td>（一）予以公开</td><td><p><span></span></p></td></tr></table>", "<p><span>272</span></p>"),
      (
        "<table><tr><td>（一）予以公开</td><td><p><span><o:p> </o:p></span></p></td></tr></table>",
        "<p><span><o:p>272</o:p></span></p>"
      ),
    ]
    for (page, expected) in cases {
      let rendered = render(page)
      #expect(rendered.text == "（一）予以公开\t\n")
      let blank = (rendered.text.utf8.count - 1)
      guard let edit = rendered.sourceEdit(forRendered: blank..<blank, replacement: "272") else {
        Issue.record("no edit for \(page)")
        continue
      }
      var bytes = Array(page.utf8)
      bytes.replaceSubrange(edit.range, with: Array(edit.text.utf8))
      let fixed = String(decoding: bytes, as: UTF8.self)
      #expect(fixed.contains(expected), "\(fixed)")
      #expect(render(fixed).text == "（一）予以公开\t272\n")
      // Every other byte is kept: the page before the place and after it are unchanged.
      #expect(bytes.prefix(edit.range.lowerBound).elementsEqual(page.utf8.prefix(edit.range.lowerBound)))
      #expect(
        bytes.suffix(page.utf8.count - edit.range.upperBound).elementsEqual(
          page.utf8.suffix(page.utf8.count - edit.range.upperBound)
        )
      )
    }
  }

  @Test func anEditOfAVerbatimValueLandsOnItsBytes() {
    let page = "<table><tr><td>（七）总计</td><td><span>805</span></td></tr></table>"
    let rendered = render(page)
    let start = rendered.text.utf8.count - 4
    let edit = rendered.sourceEdit(forRendered: start..<(start + 3), replacement: "806")!
    #expect(Array(page.utf8)[edit.range].elementsEqual("805".utf8))
  }

  // MARK: Real pages

  private func realExcerpt() throws -> [UInt8] {
    let url = TestPaths.repository.appendingPathComponent("Tests/NianbaoFormsTests/Pages/shuyang-fgj-2023-table2.html")
    return Array(try Data(contentsOf: url))
  }

  @Test func aRealWordExportedTableReadsAsItsRows() throws {
    let text = WebPage.render(try realExcerpt()).text
    #expect(
      text == """
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t0\t0\t0
        规范性文件\t8\t0\t18
        第二十条第（五）项
        信息内容\t本年处理决定数量
        行政许可\t0
        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
        自然人\t法人或其他组织\t总计
        商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
        一、本年新收政府信息公开申请数量\t26\t

        """
    )
  }

  /// A real report's text (沭阳县发展和改革局 2023, kept in `Tests/RealReports`) laid out as
  /// Word's HTML lays it out: each paragraph a `<p>` of spans, each table row a `<tr>` of cells
  /// holding a `<p>`, blank cells `<o:p> </o:p>`, inside a site page with navigation and footer.
  static let nationalFormatPage: String = {
    let url = TestPaths.repository.appendingPathComponent(
      "Tests/RealReports/02_suqian_shuyang_county_fgj_dept_2023.txt"
    )
    let text = String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst()
    func escaped(_ text: Substring) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "“", with: "&ldquo;")
        .replacingOccurrences(of: "”", with: "&rdquo;")
    }
    var html = """
      <html><head><meta charset="utf-8"><title>沭阳县发展和改革局2023年政府信息公开年度报告</title></head><body>
      <div class="header"><ul><li><a href="/">首页</a></li><li><a>政府信息公开</a></li></ul></div>
      <div class="article-content">

      """
    var inTable = false
    for line in lines {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      if cells.count == 1 {
        if inTable { html += "</tbody></table>\n" }
        inTable = false
        html +=
          "<p style=\"text-indent: 2em;\"><span><font face=\"方正仿宋_GBK\">\(escaped(line))</font></span><span><o:p></o:p></span></p>\n"
        continue
      }
      if !inTable { html += "<table border=\"1\"><tbody>\n" }
      inTable = true
      html += "  <tr>\n"
      for cell in cells {
        let content = cell.isEmpty ? "<o:p> </o:p>" : "\(escaped(cell))</span><span><o:p></o:p>"
        html += "    <td valign=\"center\">\n    <p align=\"\"><span>\(content)</span></p>\n    </td>\n"
      }
      html += "  </tr>\n"
    }
    if inTable { html += "</tbody></table>\n" }
    html += "</div><div><a>打印本页</a><a>关闭窗口</a></div><div class=\"footer\">版权所有 网站标识码3213220037</div></body></html>\n"
    return html
  }()

  @Test func aNationalFormatPageRendersAsTheTextTheCoreReads() {
    let url = TestPaths.repository.appendingPathComponent(
      "Tests/RealReports/02_suqian_shuyang_county_fgj_dept_2023.txt"
    )
    let text = TestPaths.text(at: url)
    // A paragraph's leading space (the report's own, line 4) is trimmed as a browser trims it.
    let expected =
      text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst()
      .map { $0.contains("\t") ? String($0) : $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n") + "\n"
    #expect(render(Self.nationalFormatPage).text == expected)
  }

  // MARK: Robustness

  @Test func brokenPagesAreReadWithoutFailing() {
    let pages = [
      "", "<", "<<<<", "</", "<p", "<p class=\"unclosed>text", "<!--", "<!-- never closed <p>x</p>", "<script>x",
      "<table><tr><td>1", "</td></tr></table></table>", "<td>孤立</td>", "&", "&#", "&#x;", "&#99999999999;", "&#0;",
      "a < b > c", "<![CDATA[", "<table><table><table>", "<p>\u{FFFD}\u{0}</p>", "<title>",
    ]
    for page in pages {
      let rendered = render(page)
      #expect(rendered.segments.allSatisfy { $0.source.upperBound <= page.utf8.count }, "\(page)")
      expectMapsBack(Array(page.utf8))
    }
    #expect(lines("a < b > c") == ["a < b > c"])
    #expect(lines("<table><tr><td>1") == ["1"])
    #expect(lines("&#0;&#99999999999;&#x41") == ["\u{FFFD}\u{FFFD}A"])
  }

  @Test func binaryJunkIsReadWithoutFailing() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let rendered = WebPage.render(bytes)
      #expect(rendered.segments.allSatisfy { $0.source.upperBound <= bytes.count })
    }
    let markup = Array("<td></td><p>&nbsp;<!--<table>".utf8)
    let shuffled = (0..<20_000).map { _ in markup.randomElement(using: &generator)! }
    _ = WebPage.render(shuffled)
  }

  /// Ten megabytes of a page in a few seconds (a quadratic reader would take hours): a real
  /// table repeated, and the pathological inputs a naive reader rescans (open tags, comments,
  /// quotes and stray `<` to the end of the page).
  @Test(.timeLimit(.minutes(3))) func aTenMegabytePageIsReadInLinearTime() throws {
    let excerpt = try realExcerpt()
    var page: [UInt8] = []
    while page.count < 10_000_000 { page += excerpt }
    let rendered = WebPage.render(page)
    #expect(rendered.text.utf8.count > 400_000)
    for unit in ["<", "<a ", "<!--", "<p title=\"", "&#", "<table>", "<td>"] {
      let bytes = Array(repeating: Array(unit.utf8), count: 1_000_000 / unit.utf8.count).flatMap { $0 }
      _ = WebPage.render(bytes)
    }
  }

  // MARK: Character set

  @Test func theDeclaredCharacterSetIsFound() {
    let cases: [(String, String?)] = [
      ("<meta charset=\"utf-8\">", "utf-8"),
      ("<META CHARSET=UTF-8>", "utf-8"),
      ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />", "gb2312"),
      ("<meta content='text/html;charset=GBK' http-equiv='content-type'>", "gbk"),
      ("<?xml version=\"1.0\" encoding=\"GB18030\"?><html>", "gb18030"),
      ("<meta name=\"SiteName\" content=\"charset 平潭\"><p>无</p>", nil),
      ("<html><body>没有声明</body></html>", nil),
    ]
    for (page, charset) in cases {
      #expect(WebPage.declaredCharset(Array(page.utf8)) == charset, "\(page)")
    }
    #expect(WebPage.declaredCharset([0xEF, 0xBB, 0xBF, 0x3C]) == "utf-8")
    let late = String(repeating: " ", count: 5000) + "<meta charset=gbk>"
    #expect(WebPage.declaredCharset(Array(late.utf8)) == nil)
  }
}
