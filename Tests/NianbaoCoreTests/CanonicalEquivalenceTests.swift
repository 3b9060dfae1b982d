import Foundation
import NianbaoCore
import Testing

/// Text from PDFs may carry CJK compatibility ideographs (U+F900–U+FAFF), which Unicode defines
/// as the same characters as the ideographs they stand for and which look the same. A heading or
/// a row label written with them is the format's own: no finding says "write X instead of X".
@Suite struct CanonicalEquivalenceTests {
  static let report = Fixtures.text("clean-2025-tabs.txt")

  static func codes(_ text: String) -> [String] { Checker.check(text).1.map(\.code).sorted() }

  @Test(arguments: [
    ("一、总体情况", "一、总体情\u{FA71}"),  // 况
    ("二、主动公开政府信息情况", "二、主动公开政府信息情\u{FA71}"),
    ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开\u{FA08}政复议、行政诉讼情况"),  // 行
    ("其他法律行政法规禁止公开", "其他法\u{F9D8}行政法规禁止公开"),  // 律
  ])
  func equivalentIdeographsReadAsTheFormat(written: String, equivalent: String) {
    #expect(Self.report.contains(written))
    #expect(Self.codes(Self.report.replacingFirst(written, with: equivalent)) == Self.codes(Self.report))
  }

  /// A combining mark makes another character: that label is not the format's.
  @Test func aCombiningMarkIsNotTheSameLabel() {
    let codes = Self.codes(Self.report.replacingFirst("予以公开", with: "予以公开\u{0301}"))
    #expect(codes.contains("NB105"))
  }
}
