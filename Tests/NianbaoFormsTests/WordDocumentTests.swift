import Foundation
import NianbaoForms
import NianbaoTestSupport
import Testing

@Suite struct WordDocumentTests {
  /// Hand-written XML with what Word writes (Documents/make_documents.py).
  private let tracked = FormsTestFiles.bytes("tracked-changes.docx")
  /// Written by LibreOffice from Documents/table3.html.
  private let libreOffice = FormsTestFiles.bytes("table3-libreoffice.docx")

  @Test func readsTrackedChangesAsAccepted() throws {
    let document = try WordDocument(archive: tracked)
    #expect(document.documentPath == "word/document.xml")
    #expect(
      document.rendered.text == """
        某某市司法局2023年政府信息公开工作年度报告
        一、总体情况
        本机关共收到申请12件，答复11件&三<。
        标题 正文
        第二行-续3
        链接标记9
        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系）\t申请人情况
        自然人\t法人或其他组织商业企业\tTotal 总计
        一、本年新收政府信息公开申请数量\t258\t\t
        （一）予以公开\t\t内表\t3
        四、行政复议情况


        """
    )
  }

  @Test func readsTheTablesLibreOfficeWrites() throws {
    let document = try WordDocument(archive: libreOffice)
    #expect(
      document.rendered.text == """
        某某县应急管理局2023年政府信息公开工作年度报告
        一、总体情况
        2023年，本机关共收到政府信息公开申请12件，办结12件。
        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
        自然人\t法人或其他组织\t总计
        商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
        一、本年新收政府信息公开申请数量\t10\t2\t0\t0\t0\t0\t12
        二、上年结转政府信息公开申请数量\t0\t\t\t0\t0\t0\t0
        三、本年度办理结果\t（一）予以公开\t6\t1\t0\t0\t0\t0\t
        （三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0
        2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0
        四、政府信息公开行政复议、行政诉讼情况
        本年度未发生行政复议、行政诉讼。

        """
    )
  }

  @Test func placesNameParagraphsAndGridCells() throws {
    let rendered = try WordDocument(archive: tracked).rendered
    func place(of text: String) -> RenderedReport.Place? {
      guard let range = rendered.text.utf8.firstRange(of: text.utf8) else { return nil }
      return rendered.place(
        atRendered: rendered.text.utf8.distance(from: rendered.text.startIndex, to: range.lowerBound)
      )
    }
    #expect(place(of: "一、总体情况") == .init(rendered: 62..<80, paragraph: 2))
    // Counting every paragraph: the text box's are not the body's; the table's are.
    #expect(place(of: "三、收到")?.paragraph == 6)
    #expect(
      place(of: "申请人情况").map { ($0.paragraph, $0.cell!.table, $0.cell!.row, $0.cell!.column) } ?? (0, 0, 0, 0) == (
        8, 1, 1, 3
      )
    )
    #expect(place(of: "258").map { ($0.paragraph, $0.cell!.row, $0.cell!.column) } ?? (0, 0, 0) == (16, 3, 3))
    // A row with a grid column left empty before it (w:gridBefore); the deleted row still counts.
    #expect(place(of: "（一）予以公开").map { ($0.cell!.row, $0.cell!.column) } ?? (0, 0) == (5, 2))
    #expect(place(of: "内表").map { ($0.paragraph, $0.cell!.column) } ?? (0, 0) == (25, 4))
    // Joined by a deleted paragraph mark: one line, the first paragraph's number.
    #expect(place(of: "情况\n\n")?.paragraph == 29)
    // One place per paragraph line and per cell, in order.
    #expect(rendered.places.count == 21)
    #expect(
      zip(rendered.places, rendered.places.dropFirst()).allSatisfy { $0.rendered.upperBound <= $1.rendered.lowerBound }
    )
  }

  @Test(arguments: ["tracked-changes.docx", "table3-libreoffice.docx"])
  func segmentsLeadBackToTheXML(_ name: String) throws {
    let document = try WordDocument(archive: FormsTestFiles.bytes(name))
    let text = Array(document.rendered.text.utf8)
    var previous = 0
    for segment in document.rendered.segments {
      #expect(segment.rendered.lowerBound >= previous)
      previous = segment.rendered.upperBound
      #expect(segment.source.upperBound <= document.documentXML.count)
      if segment.kind == .verbatim {
        #expect(document.documentXML[segment.source].elementsEqual(text[segment.rendered]))
      }
    }
    // Every character the renderer did not write itself (tabs, line ends, joining spaces) has a segment.
    let covered = Set(document.rendered.segments.flatMap { Array($0.rendered) })
    for (offset, byte) in text.enumerated() where !covered.contains(offset) {
      #expect(byte == 9 || byte == 10 || byte == 32, "byte \(offset) of \(name)")
    }
  }

  @Test func blankCellsTakeARunWithTheRowsFont() throws {
    let document = try WordDocument(archive: tracked)
    let blanks = document.rendered.segments.compactMap { segment -> (Range<Int>, String, String)? in
      guard case .blankCell(let prefix, let suffix) = segment.kind else { return nil }
      return (segment.source, prefix, suffix)
    }
    #expect(blanks.count == 3)
    let xml = document.documentXML
    // `<w:p …/>` is replaced by the paragraph with a run, its attributes kept, in the font of the
    // number beside it.
    #expect(
      String(decoding: xml[blanks[0].0], as: UTF8.self)
        == #"<w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00AB12CD"/>"#
    )
    #expect(
      blanks[0].1
        == #"<w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00AB12CD"><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="21"/></w:rPr><w:t>"#
    )
    #expect(blanks[0].2 == "</w:t></w:r></w:p>")
    // After the paragraph's properties, in the paragraph mark's font without its revision mark.
    #expect(blanks[1].0.isEmpty)
    #expect(String(decoding: xml[..<blanks[1].0.lowerBound].suffix(8), as: UTF8.self) == "</w:pPr>")
    #expect(blanks[1].1 == #"<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="18"/></w:rPr><w:t>"#)
    // A cell holding a space: the value takes the space's place.
    #expect(String(decoding: xml[blanks[2].0], as: UTF8.self) == " ")
    #expect(blanks[2].1.isEmpty && blanks[2].2.isEmpty)
  }

  @Test func editsWriteANewDocument() throws {
    let document = try WordDocument(archive: tracked)
    let rendered = document.rendered
    // 258 → 259 across the two runs it is split over; the three blank cells get 1, 2 and 3; 11
    // (split over runs in a paragraph) → 12.
    var edits: [(range: Range<Int>, text: String)] = []
    edits.append(
      try #require(rendered.sourceEdit(forRendered: range(of: "258", in: rendered.text), replacement: "259"))
    )
    let blanks = rendered.segments.filter { if case .blankCell = $0.kind { true } else { false } }
    for (blank, value) in zip(blanks, ["1", "2", "3"]) {
      edits.append(try #require(rendered.sourceEdit(forRendered: blank.rendered, replacement: value)))
    }
    edits.append(
      try #require(rendered.sourceEdit(forRendered: range(of: "11件", in: rendered.text).dropLast(3), replacement: "12"))
    )
    let newXML = applying(edits, to: document.documentXML)
    let rewritten = try WordDocument(archive: document.archive(replacingDocumentXML: newXML))
    #expect(rewritten.documentXML == newXML)
    #expect(rewritten.rendered.text.contains("答复12件&三<。"))
    #expect(rewritten.rendered.text.contains("一、本年新收政府信息公开申请数量\t259\t1\t2\n（一）予以公开\t3\t内表\t3\n"))
    #expect(newXML.count < document.documentXML.count + 300)
  }

  @Test func libreOfficeOpensTheRewrittenDocument() throws {
    let document = try WordDocument(archive: libreOffice)
    let rendered = document.rendered
    let total = try #require(rendered.places.first { $0.cell.map { $0.row == 6 && $0.column == 10 } ?? false })
    #expect(total.rendered.isEmpty)
    let edits = [
      try #require(rendered.sourceEdit(forRendered: total.rendered, replacement: "7")),
      try #require(
        rendered.sourceEdit(
          forRendered: range(of: "\t12\n", in: rendered.text).dropFirst().dropLast(),
          replacement: "13"
        )
      ),
    ]
    let rewritten = document.archive(replacingDocumentXML: applying(edits, to: document.documentXML))
    let reread = try WordDocument(archive: rewritten)
    #expect(reread.rendered.text.contains("一、本年新收政府信息公开申请数量\t10\t2\t0\t0\t0\t0\t13\n"))
    #expect(reread.rendered.text.contains("\t（一）予以公开\t6\t1\t0\t0\t0\t0\t7\n"))

    guard ExternalTool.soffice.available else { return }
    let directory = try TestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("rewritten.docx")
    try Data(rewritten).write(to: file)
    let text = try #require(try ExternalTool.sofficeText(of: file), "LibreOffice could not open the rewritten document")
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.joined(separator: "|").contains("一、本年新收政府信息公开申请数量|10|2|0|0|0|0|13|"))
    #expect(lines.joined(separator: "|").contains("（一）予以公开|6|1|0|0|0|0|7|"))
  }

  @Test func namesWhatItCannotRead() throws {
    var ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    ole += Array(repeating: 0, count: 504)
    #expect(throws: WordDocument.ReadError.compoundFile) { try WordDocument(archive: ole) }
    #expect(throws: WordDocument.ReadError.notAZip) { try WordDocument(archive: Array("<html>年度报告</html>".utf8)) }
    #expect(throws: WordDocument.ReadError.notAZip) { try WordDocument(archive: []) }
    #expect(throws: WordDocument.ReadError.openDocumentText) {
      try WordDocument(archive: FormsTestFiles.bytes("opendocument.odt"))
    }

    let archive = try ZipArchive(tracked)
    let part = try #require(archive.entry(named: "word/document.xml"))
    #expect(throws: WordDocument.ReadError.noDocumentPart) {
      try WordDocument(archive: archive.replacing(part, with: Array("<workbook><sheets/></workbook>".utf8)))
    }
    #expect(throws: WordDocument.ReadError.malformedDocument(offset: 20)) {
      try WordDocument(
        archive: archive.replacing(part, with: Array("<w:document><w:body></w:p></w:body></w:document>".utf8))
      )
    }
    let deep =
      String(repeating: "<w:tbl><w:tr><w:tc>", count: 100) + String(repeating: "</w:tc></w:tr></w:tbl>", count: 100)
    #expect(throws: WordDocument.ReadError.self) {
      try WordDocument(
        archive: archive.replacing(part, with: Array("<w:document><w:body>\(deep)</w:body></w:document>".utf8))
      )
    }
    var damaged = tracked
    damaged[damaged.count / 3] ^= 0x55
    #expect(throws: WordDocument.ReadError.self) { try WordDocument(archive: damaged) }
  }

  @Test func survivesDamagedDocuments() {
    for length in stride(from: 0, to: libreOffice.count, by: 17) {
      _ = try? WordDocument(archive: Array(libreOffice[0..<length]))
    }
    // Damaged XML inside a sound archive: every cut of the document part.
    let archive = try! ZipArchive(tracked)
    let part = archive.entry(named: "word/document.xml")!
    let xml = try! archive.contents(of: part)
    for length in stride(from: 0, to: xml.count, by: 11) {
      _ = try? WordDocument(archive: archive.replacing(part, with: Array(xml[0..<length])))
    }
    var generator = SplitMix(seed: 2007)
    for _ in 0..<300 {
      var damaged = xml
      for _ in 0..<1 + Int(generator.next() % 3) {
        damaged[Int(generator.next() % UInt64(damaged.count))] = Array("<>/&;\"= w:pt".utf8)[Int(generator.next() % 12)]
      }
      if let document = try? WordDocument(archive: archive.replacing(part, with: damaged)) {
        for segment in document.rendered.segments { #expect(segment.source.upperBound <= damaged.count) }
      }
    }
  }

  private func range(of text: String, in rendered: String) -> Range<Int> {
    let range = rendered.utf8.firstRange(of: text.utf8)!
    let start = rendered.utf8.distance(from: rendered.startIndex, to: range.lowerBound)
    return start..<start + text.utf8.count
  }

  /// The XML with the edits applied, last first.
  private func applying(_ edits: [(range: Range<Int>, text: String)], to xml: [UInt8]) -> [UInt8] {
    var result = xml
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      result.replaceSubrange(edit.range, with: Array(edit.text.utf8))
    }
    return result
  }
}
