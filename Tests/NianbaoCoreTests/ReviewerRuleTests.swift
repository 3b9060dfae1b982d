import Foundation
import NianbaoCore
import Testing

/// NB116, NB310, NB404–NB408: what reviewers deduct points for, each rule with the texts it must
/// leave alone.
@Suite struct ReviewerRuleTests {
  static let clean = Fixtures.text("clean-2025-tabs.txt")
  static let problemsBody =
    "（一）存在问题\n一是政策解读形式较为单一；二是个别站所信息报送不及时。\n（二）改进情况\n2026年，白石镇将丰富图解、短视频等解读形式，建立信息报送月度通报制度，压实各站所公开责任。\n"

  func findings(replacing old: String, with new: String) -> [Diagnostic] {
    let text = Self.clean.replacingFirst(old, with: new)
    #expect(text != Self.clean, "the fixture no longer contains “\(old)”")
    return Checker.check(text).1
  }

  func codes(replacing old: String, with new: String) -> [String] { findings(replacing: old, with: new).map(\.code) }

  // NB116

  @Test func marksInTableTwoAreNotNumbers() throws {
    for mark in ["/", "-", "—", "不适用"] {
      let found = findings(replacing: "行政强制\t0\t\t", with: "行政强制\t\(mark)\t\t")
      #expect(found.map(\.code) == ["NB116"], "\(mark)")
      #expect(found.first?.message.zh.contains("“\(mark)”，这不是数") == true)
      // The fix writes 0 and the finding goes.
      let fix = try #require(found.first?.fixes.first)
      #expect(fix.isCertain && fix.edits.map(\.replacement) == ["0"])
    }
    // A blank cell is NB114, not a mark.
    #expect(codes(replacing: "规章\t0\t0\t0", with: "规章\t0\t\t0") == ["NB114"])
    #expect(codes(replacing: "规章\t0\t0\t0", with: "规章\t0\t/\t0") == ["NB116"])
  }

  @Test func countsAreWholeAndOnlyTheFeeHasDecimals() {
    // The fixture's fee is 3.56 万元 and clean; a count with decimals or below 0 is NB108.
    #expect(Checker.check(Self.clean).1.isEmpty)
    #expect(codes(replacing: "行政许可\t37\t\t", with: "行政许可\t3.5\t\t") == ["NB108"])
    #expect(codes(replacing: "行政许可\t37\t\t", with: "行政许可\t-2\t\t") == ["NB108"])
  }

  // NB404

  @Test func problemsThatSayNothing() {
    for body in ["无\n", "无。\n", "暂无\n", "（一）存在问题\n无\n（二）改进情况\n无\n", "暂无问题。\n"] {
      #expect(codes(replacing: Self.problemsBody, with: body) == ["NB404"], "\(body)")
    }
    #expect(codes(replacing: Self.problemsBody, with: "\n") == ["NB402"])
    #expect(codes(replacing: Self.problemsBody, with: "政策解读形式较为单一，信息报送不够及时。\n").isEmpty)
  }

  // NB405

  @Test func problemsOfAnotherYear() {
    let opening = "一是政策解读形式较为单一"
    #expect(codes(replacing: opening, with: "2024年存在的问题：一是政策解读形式较为单一") == ["NB405"])
    #expect(codes(replacing: opening, with: "2023年工作中存在的主要问题：一是政策解读形式较为单一") == ["NB405"])
    // Last year's problems, and how they were addressed: what the format asks for.
    #expect(codes(replacing: opening, with: "2024年存在问题的改进情况：已全部整改。一是政策解读形式较为单一").isEmpty)
    #expect(codes(replacing: opening, with: "针对2024年存在的问题已整改到位。一是政策解读形式较为单一").isEmpty)
    #expect(codes(replacing: opening, with: "2025年存在的问题：一是政策解读形式较为单一").isEmpty)
  }

  @Test func plansForAYearGoneBy() {
    let plan = "2026年，白石镇将丰富"
    #expect(codes(replacing: plan, with: "2025年，白石镇将丰富") == ["NB405"])
    #expect(codes(replacing: plan, with: "2026年，白石镇计划丰富").isEmpty)
    // `将` meaning 把: the year's work, not a plan.
    #expect(codes(replacing: "二是个别站所信息报送不及时。", with: "二是个别站所信息报送不及时。2025年，本镇将政务公开纳入考核。").isEmpty)
  }

  // NB406

  @Test func enumerationsThatSkipOrRepeat() {
    let items = "一是政策解读形式较为单一；二是个别站所信息报送不及时。"
    #expect(codes(replacing: items, with: "一是政策解读形式较为单一；三是个别站所信息报送不及时。") == ["NB406"])
    #expect(codes(replacing: items, with: "一是政策解读形式较为单一；一是个别站所信息报送不及时。").isEmpty)  // a new one
    #expect(codes(replacing: items, with: "一是政策解读形式较为单一；二是个别站所信息报送不及时；二是更新慢。") == ["NB406"])
    #expect(codes(replacing: items, with: "一是政策解读形式较为单一；二是报送不及时；三是更新慢；四是栏目少；六是人员少。") == ["NB406"])
    #expect(codes(replacing: items, with: "一是政策解读形式较为单一；二是报送不及时；三是更新慢；四是栏目少；五是人员少。").isEmpty)
    // Broken over lines by a crawler, and inside words.
    #expect(codes(replacing: items, with: "一是政策解读形式较为单一；二\n是个别站所信息报送不及时；三是标准统一是难点。").isEmpty)
    // An enumeration under a sub-heading starts afresh; one whose 一是 is not there is not checked.
    #expect(codes(replacing: items, with: "二是政策解读形式较为单一；四是个别站所信息报送不及时。").isEmpty)
  }

  // NB407

  @Test func doubledWords() throws {
    let found = findings(replacing: "政策解读形式较为单一", with: "政策解读的的形式较为单一")
    #expect(found.map(\.code) == ["NB407"])
    let fixed = try #require(found.first?.fixes.first).edits.applied(
      to: SourceText(Self.clean.replacingFirst("政策解读形式较为单一", with: "政策解读的的形式较为单一"))
    )
    #expect(fixed == Self.clean.replacingFirst("政策解读形式较为单一", with: "政策解读的形式较为单一"))
    #expect(codes(replacing: "政策解读形式较为单一", with: "政策解读政策解读形式较为单一") == ["NB407"])
    for fine in ["常常", "层层压实", "扎扎实实", "图解等等", "的的确确", "达到目的的", "一步一步", "市政府政府信息专栏"] {
      #expect(codes(replacing: "政策解读形式较为单一", with: "政策解读\(fine)形式较为单一").isEmpty, "\(fine)")
    }
  }

  // NB408

  @Test func paragraphsThatDoNotEnd() {
    let line = "优化镇政府网站政务公开专栏，更新办事指南 28 项，政务新媒体全年发布信息 305 条。"
    #expect(codes(replacing: line, with: String(line.dropLast())) == ["NB408"])
    // Broken inside a sentence (web text), or by a page break: the next line goes on.
    #expect(codes(replacing: line, with: "优化镇政府网站政务公开专栏，更新办事指南 28 项，\n政务新媒体全年发布信息 305 条。").isEmpty)
    #expect(codes(replacing: line, with: "优化镇政府网站政务公开专栏，更新办事指南 28 项，政务新媒体全年发布\n\n信息 305 条。").isEmpty)
    // PDF text: the page's width broke the paragraph, and its short last line stands over a
    // page break (`\f`) and the next sub-heading. The tail is read across the break.
    let wrapped = findings(
      replacing: line + "\n(五) 监督保障",
      with: "优化镇政府网站政务公开专栏，更新办事指南 28 项，政务新媒体全年发布信息 305 条，阅\n\n读量达 12 万\n\u{0C}(五) 监督保障"
    )
    #expect(wrapped.map(\.code) == ["NB408"])
    #expect(wrapped.first?.message.zh.contains("条，阅读量达 12 万”结束") == true)
    // The short line of a paragraph that ended is a line of its own.
    #expect(codes(replacing: line, with: line + "\n\n读量达 12 万").isEmpty)
    // Signatures, dates and headings.
    #expect(Checker.check(Self.clean + "\n青禾县白石镇人民政府\n2026年1月20日\n").1.isEmpty)
    #expect(codes(replacing: "(四) 政府信息公开平台建设", with: "(四) 政府信息公开平台建设，网站和新媒体并重").isEmpty)
  }

  // NB310

  @Test func workOfAnotherYear() {
    let sentence = "扎实推进政府信息公开工作。"
    #expect(codes(replacing: sentence, with: sentence + "本单位2024年度共清理政策文件 5 件。") == ["NB310"])
    #expect(codes(replacing: sentence, with: sentence + "2024年，我镇共清理政策文件 5 件。") == ["NB310"])
    for fine in [
      "按时公开本单位2025年度部门预算、2024年度部门决算。", "主动公开信息较2024年增长 10%。", "印发《白石镇2024年政务公开工作要点》。",
      "2026年，我镇将继续推进公开。", "本镇自2019年以来坚持每月公开。",
    ] {
      #expect(codes(replacing: sentence, with: sentence + fine).isEmpty, "\(fine)")
    }
    // A paragraph opening with the year is NB306's, and only NB306's.
    #expect(codes(replacing: "优化镇政府网站政务公开专栏", with: "2024年，本镇优化镇政府网站政务公开专栏") == ["NB306"])
  }
}
