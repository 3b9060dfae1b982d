import Foundation
import NianbaoForms
import Testing

/// A PDF's table read from where its words stand (`pdftotext -bbox`), over the text of its
/// layout (`pdftotext -layout`).
@Suite struct PDFTextTests {
  /// One word of `pdftotext -bbox` output: its box given by its left edge, width and top.
  private static func word(_ text: String, x: Double, width: Double, y: Double) -> String {
    "<word xMin=\"\(x)\" yMin=\"\(y)\" xMax=\"\(x + width)\" yMax=\"\(y + 10)\">\(text)</word>"
  }

  /// A page of table 三 printed with its blank cells: the header's words over seven columns
  /// (`商业` over `企业`: a header cell broken over two lines; `法人或其他组织` and `申请人情况` span
  /// several columns), and rows whose numbers stand under their columns.
  private static let words: String = {
    // The columns' centres: 自然人 315, 商业企业 355, 科研机构 395, 社会公益组织 435,
    // 法律服务机构 475, 其他 510, 总计 540.
    let header = [
      word("三、收到和处理政府信息公开申请情况", x: 50, width: 200, y: 60),
      word("申请人情况", x: 380, width: 60, y: 100),
      word("自然人", x: 300, width: 30, y: 115), word("法人或其他组织", x: 360, width: 120, y: 115),
      word("总计", x: 530, width: 20, y: 115),
      word("商业", x: 345, width: 20, y: 130), word("科研机构", x: 380, width: 30, y: 130),
      word("社会公益组织", x: 420, width: 30, y: 130), word("法律服务机构", x: 460, width: 30, y: 130),
      word("其他", x: 500, width: 20, y: 130),
      word("企业", x: 345, width: 20, y: 142),
    ]
    let rows = [
      word("一、本年新收政府信息公开申请数量", x: 50, width: 200, y: 160), word("5", x: 312, width: 6, y: 160.5),
      word("5", x: 537, width: 6, y: 160.5),
      word("（一）予以公开", x: 100, width: 80, y: 180), word("3", x: 312, width: 6, y: 180),
      word("1", x: 352, width: 6, y: 180), word("4", x: 537, width: 6, y: 180),
      word("2.其他法律行政法规禁止公开", x: 100, width: 150, y: 200),
      word("四、结转下年度继续办理", x: 50, width: 130, y: 220), word("0", x: 312, width: 6, y: 220),
      word("0", x: 537, width: 6, y: 220),
      word("四、政府信息公开行政复议、行政诉讼情况", x: 50, width: 220, y: 260),
    ]
    return "<doc>\n<page width=\"595\" height=\"842\">\n" + (header + rows).joined(separator: "\n")
      + "\n</page>\n</doc>\n"
  }()

  private static let layout = """
    三、收到和处理政府信息公开申请情况
                                  申请人情况
                   自然人     法人或其他组织        总计
                          商业 科研机构 社会公益组织 法律服务机构 其他
                          企业
    一、本年新收政府信息公开申请数量     5                  5
    （一）予以公开          3   1         4
    2.其他法律行政法规禁止公开
    四、结转下年度继续办理      0          0
    四、政府信息公开行政复议、行政诉讼情况

    """

  @Test func wordsAreReadWithTheirBoxes() {
    let words = PDFWord.parse(
      Array(
        "<page width=\"1\" height=\"1\">\n<word xMin=\"1.5\" yMin=\"2\" xMax=\"3\" yMax=\"4\">A&amp;B</word>\n</page><page width=\"1\" height=\"1\"><word xMin=\"0\" yMin=\"0\" xMax=\"1\" yMax=\"1\">二</word></page>"
          .utf8
      )
    )
    #expect(
      words == [
        PDFWord(page: 0, xMin: 1.5, yMin: 2, xMax: 3, yMax: 4, text: "A&B"),
        PDFWord(page: 1, xMin: 0, yMin: 0, xMax: 1, yMax: 1, text: "二"),
      ]
    )
  }

  @Test func eachNumberStandsInItsColumnAndABlankCellIsAnEmptyField() throws {
    let layout = Array(Self.layout.utf8)
    let rendered = try #require(PDFText.render(layout: layout, words: PDFWord.parse(Array(Self.words.utf8))))
    let lines = rendered.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[5] == "一、本年新收政府信息公开申请数量\t5\t\t\t\t\t\t5")
    #expect(lines[6] == "（一）予以公开\t3\t1\t\t\t\t\t4")
    // A row with every cell blank has no number to place: its numbered label alone on a line.
    #expect(lines[7] == "2.其他法律行政法规禁止公开\t\t\t\t\t\t\t")
    #expect(lines[8] == "四、结转下年度继续办理\t0\t\t\t\t\t\t0")
    // Every other line is the layout's own.
    let original = Self.layout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for index in [0, 1, 2, 3, 4, 9] { #expect(lines[index] == original[index]) }
    // The total of （一） maps back to its place in the layout text.
    let bytes = Array(rendered.text.utf8)
    let needle = Array("\t4\n".utf8)
    let offset = try #require(bytes.indices.first { bytes[$0...].starts(with: needle) }) + 1
    let source = rendered.sourceOffset(forRendered: offset)
    #expect(layout[source] == UInt8(ascii: "4"))
    #expect(String(decoding: layout[..<source], as: UTF8.self).hasSuffix("1         "))
  }

  @Test func aTableWithNoBlankCellIsReadAsItsLayout() {
    // Every cell of every row written: the layout text already says everything.
    let centres: [Double] = [315, 355, 395, 435, 475, 510, 540]
    func full(_ label: String, y: Double) -> [String] {
      [Self.word(label, x: 50, width: 200, y: y)] + centres.map { Self.word("0", x: $0 - 3, width: 6, y: y) }
    }
    let header = Self.words.components(separatedBy: "\n").filter { line in
      ["申请人情况", "自然人", "法人或其他组织", ">总计<", "商业", "科研机构", "社会公益组织", "法律服务机构", "其他", "企业"]
        .contains { line.contains($0) }
    }
    let words =
      "<page width=\"595\" height=\"842\">\n"
      + (header + full("一、本年新收政府信息公开申请数量", y: 160) + full("四、结转下年度继续办理", y: 180)).joined(separator: "\n")
      + "\n</page>"
    let layout = """
                                  申请人情况
      一、本年新收政府信息公开申请数量     0 0 0 0 0 0 0
      四、结转下年度继续办理     0 0 0 0 0 0 0

      """
    #expect(PDFText.render(layout: Array(layout.utf8), words: PDFWord.parse(Array(words.utf8))) == nil)
    // And a page without the table's header has nothing to place.
    let noHeader = "<page width=\"595\" height=\"842\">" + Self.word("（一）予以公开", x: 100, width: 80, y: 180) + "</page>"
    #expect(PDFText.render(layout: Array(Self.layout.utf8), words: PDFWord.parse(Array(noHeader.utf8))) == nil)
  }

  @Test func whenTheLayoutAndTheBoxesDisagreeTheLayoutIsReadAsItIs() {
    // The layout text has a number the boxes do not: nothing is guessed.
    let layout = Self.layout.replacingOccurrences(of: "3   1         4", with: "3   1    2     4")
    #expect(PDFText.render(layout: Array(layout.utf8), words: PDFWord.parse(Array(Self.words.utf8))) == nil)
  }

  @Test func aHeaderWithMoreOrFewerColumnsThanTheTablesIsNotRead() {
    // `社会公益组织` and `法律服务机构` printed as one word over two columns: six columns.
    let merged = Self.words.replacingOccurrences(
      of: Self.word("社会公益组织", x: 420, width: 30, y: 130) + "\n" + Self.word("法律服务机构", x: 460, width: 30, y: 130),
      with: Self.word("社会公益组织法律服务机构", x: 420, width: 70, y: 130)
    )
    #expect(merged != Self.words)
    #expect(PDFText.render(layout: Array(Self.layout.utf8), words: PDFWord.parse(Array(merged.utf8))) == nil)
  }

  @Test(arguments: [
    ("2.其他", true), ("12．", true), ("3、", true), ("（六）其他处理", true), ("(三)不予公开", true), ("三、本年度办理结果", true),
    ("自然人", false), ("只计这一情形）", false), ("2023年", false), ("（本列数据", false), ("三", false),
  ])
  func numberedLabels(text: String, numbered: Bool) {
    #expect(PDFText.opensNumberedLabel(Array(text.utf8)[...]) == numbered)
  }
}
