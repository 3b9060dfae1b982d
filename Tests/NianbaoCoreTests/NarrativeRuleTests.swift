import Foundation
import NianbaoCore
import Testing

/// NB501: the text of 总体情况 against tables 三 and 四.
@Suite struct NarrativeRuleTests {
  static let clean = Fixtures.text("clean-2025-tabs.txt")

  func codes(replacing old: String, with new: String) -> [String] {
    let text = Self.clean.replacingFirst(old, with: new)
    #expect(text != Self.clean, "the fixture no longer contains “\(old)”")
    return Checker.check(text).1.map(\.code)
  }

  @Test func bothReadingsOfReceivedAreAccepted() {
    // 收到 13 件 = 一 12 + 二 1.
    #expect(codes(replacing: "全年共收到政府信息公开申请 12 件", with: "全年共收到政府信息公开申请 13 件").isEmpty)
    #expect(codes(replacing: "全年共收到政府信息公开申请 12 件", with: "全年共收到政府信息公开申请 14 件") == ["NB501"])
  }

  /// Several numbers in one clause: each key word's own number is compared, never the first.
  @Test func theNumberAfterItsKeyWord() {
    let sentence = "全年共收到政府信息公开申请 12 件，上年结转 1 件，办结 11 件，结转下年度 2 件"
    #expect(codes(replacing: sentence, with: "全年共收到政府信息公开申请 12 件、上年结转 1 件、办结 11 件、结转下年度 2 件").isEmpty)
    #expect(codes(replacing: sentence, with: "全年受理 12 件（不含上年结转 1 件），办结 11 件（另有 2 件结转下年度办理）").isEmpty)
    let wrong = Checker.check(Self.clean.replacingFirst(sentence, with: "收到申请 12 件、上年结转 3 件")).1
    #expect(wrong.map(\.code) == ["NB501"])
    #expect(wrong.first?.message.zh.contains("上年结转 3 件") == true)
  }

  @Test func noneReceivedWithApplicationsInTheTable() {
    #expect(codes(replacing: "全年共收到政府信息公开申请 12 件", with: "全年未收到政府信息公开申请") == ["NB501"])
  }

  @Test func reconsiderationsAndLawsuits() {
    #expect(codes(replacing: "全年未发生责任追究事件", with: "全年发生行政复议 1 件、行政诉讼 1 件").isEmpty)
    #expect(codes(replacing: "全年未发生责任追究事件", with: "本年度被申请行政复议 3 件") == ["NB501"])
    #expect(codes(replacing: "全年未发生责任追究事件", with: "本年度被提起行政诉讼 2 起") == ["NB501"])
  }

  @Test func otherNumbersAreLeftAlone() {
    #expect(codes(replacing: "主动公开政府信息 214 条", with: "主动公开政府信息 999 条").isEmpty)
  }
}

extension String {
  func replacingFirst(_ old: String, with new: String) -> String {
    guard let range = range(of: old) else { return self }
    return replacingCharacters(in: range, with: new)
  }
}
