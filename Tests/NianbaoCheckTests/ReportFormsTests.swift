import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// Reports in the forms they are published in, through the real binary: web pages, their
/// browser copies, Word documents and PDFs (Tests/RealForms, made from real pages by
/// `Tests/RealForms/make-forms.sh`).
@Suite struct ReportFormsTests {
  static let forms = TestPaths.repository.appendingPathComponent("Tests/RealForms")

  static func page(_ name: String, _ file: String) -> String {
    forms.appendingPathComponent(name).appendingPathComponent(file).path
  }

  /// Each finding as `CODE message` (the message names the cell and the values), from `--format json`.
  static func findings(_ path: String, language: String = "zh") throws -> [String] {
    let result = try Binary.run(["--check", "--format", "json", "--lang", language, path])
    let document = try JSONValue.parse(result.stdout)
    guard case .array(let diagnostics)? = document["diagnostics"] else {
      Issue.record("no diagnostics in \(result.stdout.prefix(300)) \(result.stderr)")
      return []
    }
    return diagnostics.compactMap { item in
      guard let code = item["code"]?.string, let message = item["message"]?.string else { return nil }
      return "\(code) \(message)"
    }
  }

  @Test func aWebPageIsReadFromItsTables() throws {
    let found = try Self.findings(Self.page("shuyang_county_fgj_dept_2023", "page.html"))
    #expect(found.contains { $0.hasPrefix("NB105 ") && $0.contains("规范性文件") })
    #expect(found.contains { $0.hasPrefix("NB114 ") && $0.contains("125 个单元格") })
    #expect(!found.contains { $0.hasPrefix("NB107 ") || $0.hasPrefix("NB101 ") || $0.hasPrefix("NB104 ") })
  }

  @Test func findingsPointIntoTheHTMLSource() throws {
    let path = Self.page("shuyang_county_fgj_dept_2023", "page.html")
    let result = try Binary.run(["--check", path])
    let line = try #require(result.stdout.split(separator: "\n").first { $0.hasSuffix("[NB105]") })
    // `path:line:column:`, where the HTML holds the label's text.
    let parts = line.dropFirst(path.count + 1).split(separator: ":")
    let (lineNumber, column) = (Int(parts[0])!, Int(parts[1])!)
    let html = TestPaths.text(at: URL(fileURLWithPath: path))
    let htmlLine = html.split(separator: "\n", omittingEmptySubsequences: false)[lineNumber - 1]
    #expect(String(htmlLine.dropFirst(column - 1)).hasPrefix("规范性文件"))
  }

  @Test func fixesAreWrittenIntoTheirCellsAndNothingElseChanges() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = try Data(contentsOf: URL(fileURLWithPath: Self.page("shuyang_county_fgj_dept_2023", "page.html")))
    let copy = folder.appendingPathComponent("page.html")
    try original.write(to: copy)
    let fixed = try Binary.run(["--check", "--fix", copy.path])
    #expect(fixed.stdout.contains("已修复 126 处"))
    let after = try Data(contentsOf: copy)
    // Every byte outside the fixed cells is the same: only `规范性文件` gained `行政`, and the
    // blank cells (`<o:p> </o:p>`, a space inside) now hold 0.
    let afterText = String(decoding: after, as: UTF8.self)
    #expect(afterText.components(separatedBy: "<o:p>0</o:p>").count - 1 == 125)
    let undone = afterText.replacingOccurrences(of: "<o:p>0</o:p>", with: "<o:p> </o:p>")
      .replacingOccurrences(of: ">行政规范性文件<", with: ">规范性文件<")
    #expect(undone == String(decoding: original, as: UTF8.self))
    let again = try Self.findings(copy.path)
    #expect(!again.contains { $0.hasPrefix("NB105 ") || $0.hasPrefix("NB114 ") })
  }

  /// One of the district's published PDFs beside the repository (`../shared/real/pdf/`), when it
  /// and `pdftotext` are there; nil (and said) otherwise.
  static func districtPDF(_ year: Int) -> URL? {
    guard ExternalTool.pdftotext.available else {
      return nil
    }
    let pdf = TestPaths.repository.deletingLastPathComponent().appendingPathComponent(
      "shared/real/pdf/huaian_hongze_district_gov_\(year).pdf"
    )
    guard FileManager.default.fileExists(atPath: pdf.path) else {
      print("SKIPPED: \(pdf.path) is not there")
      return nil
    }
    return pdf
  }

  @Test func aPDFIsReadThroughPdftotextAndNeverRewritten() throws {
    guard let pdf = Self.districtPDF(2023) else { return }
    let found = try Self.findings(pdf.path)
    // The two blank-by-zero totals of table 四 the district published.
    #expect(found.filter { $0.hasPrefix("NB204 ") }.count == 2)
    // The statistics period wraps at the page's width (`…自 2023 年 1 月 1 日` / `起至 2023 年 12 月
    // 31 日止`): it is read, not reported missing.
    #expect(!found.contains { $0.hasPrefix("NB307 ") })
    // The page number `-3-` centred between two rows of table 三 is not an eighth value.
    #expect(!found.contains { $0.hasPrefix("NB107 ") })
    // 洪泽区人民政府 stands on its own line above the title, and the report names no 考核,
    // 评议 or 追究: NB403.
    #expect(Set(found.map { String($0.prefix(5)) }) == ["NB105", "NB112", "NB204", "NB403"])
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("report.pdf")
    try FileManager.default.copyItem(at: pdf, to: copy)
    let before = try Data(contentsOf: copy)
    let fixed = try Binary.run(["--check", "--fix", copy.path])
    #expect(fixed.stderr.contains("未修复：PDF 是发布后的版式文件"))
    #expect(try Data(contentsOf: copy) == before)
    // `--diff` shows what to change in the PDF's text, and says it is no patch of the file.
    let diff = try Binary.run(["--check", "--diff", copy.path])
    #expect(diff.stdout.contains("+                            2.其他法律行政法规禁止公开"))
    #expect(diff.stderr.contains("PDF 的 diff 只供阅读"))
    #expect(try Data(contentsOf: copy) == before)
  }

  /// The review page of a PDF says where a fix goes (the report's original), not `--fix`.
  @Test func aPDFsReviewPageSendsFixesToTheOriginal() throws {
    guard let pdf = Self.districtPDF(2023) else { return }
    let page = try Binary.run(["--check", "--format", "html", pdf.path]).stdout
    #expect(page.contains("请在 Word 或网页原稿中修改：重新计算总计为 11"))
    #expect(!page.contains("可用 --fix"))
  }

  /// The district's 2024 PDF: its text says it received 17 applications over a line the page
  /// wraps (`…受理政府` / `信息公开申请 17 件`), table 三 says 95.
  @Test func aSentenceWrappedAtThePagesWidthIsReadWhole() throws {
    guard let pdf = Self.districtPDF(2024) else { return }
    let found = try Self.findings(pdf.path)
    #expect(found.contains { $0.hasPrefix("NB501 ") && $0.contains("17") && $0.contains("95") })
    #expect(Set(found.map { String($0.prefix(5)) }) == ["NB105", "NB112", "NB501"])
  }

  /// A damaged PDF: one line that says why, not pdftotext's line for every bad byte.
  @Test func aDamagedPDFIsNamedInOneLine() throws {
    guard ExternalTool.pdftotext.available else {
      return
    }
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("report.pdf")
    var generator = SystemRandomNumberGenerator()
    let noise = (0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    try Data(Array("%PDF-1.4\n<".utf8) + noise).write(to: pdf)
    let result = try Binary.run(["--check", pdf.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("pdftotext 无法读取这个 PDF（"))
    #expect(result.stderr.split(separator: "\n").count <= 2, "\(result.stderr.prefix(500))")
  }

  @Test func withoutPdftotextThePackageIsNamed() throws {
    let pdf = Self.page("shuyang_county_fgj_dept_2023", "report.pdf.txt")
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("report.pdf")
    try FileManager.default.copyItem(atPath: pdf, toPath: copy.path)
    let result = try Binary.run(
      ["--check", "--lang", "en", copy.path],
      environment: ["NIANBAO_PDFTOTEXT": "/nonexistent/pdftotext"]
    )
    #expect(result.status == 2)
    #expect(result.stderr.contains("Install poppler-utils"))
  }

  @Test func legacyWordFilesAreAskedToBeSavedAsDocx() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let doc = folder.appendingPathComponent("某镇2025年政府信息公开工作年度报告.doc")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: doc)
    // Found in a folder walk by its name, and told apart from a report it could read.
    let result = try Binary.run(["--check", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("另存为” Word 文档（.docx"))
  }
}

/// The Word form of a real page, as LibreOffice saved it.
@Suite struct WordDocumentFormTests {
  @Test func aWordDocumentReadsAsItsPageAndNamesItsCells() throws {
    let page = try ReportFormsTests.findings(ReportFormsTests.page("shuyang_county_fgj_dept_2023", "page.html"))
    let word = try ReportFormsTests.findings(ReportFormsTests.page("shuyang_county_fgj_dept_2023", "report.docx"))
    #expect(word == page)
    let text = try Binary.run(["--check", ReportFormsTests.page("shuyang_county_fgj_dept_2023", "report.docx")])
    #expect(text.stdout.contains("report.docx（第 2 个表格第 4 行第 1 列，第 64 段）: warning: 表二行标签“规范性文件”"))
    let json = try JSONValue.parse(
      try Binary.run([
        "--check", "--format", "json", ReportFormsTests.page("shuyang_county_fgj_dept_2023", "report.docx"),
      ])
      .stdout
    )
    let first = try #require(json["diagnostics"]?[0])
    #expect(first["place"]?["paragraph"]?.int != nil)
    let sarif = try JSONValue.parse(
      try Binary.run([
        "--check", "--format", "sarif", ReportFormsTests.page("shuyang_county_fgj_dept_2023", "report.docx"),
      ])
      .stdout
    )
    let location = try #require(sarif["runs"]?[0]?["results"]?[0]?["locations"]?[0])
    #expect(location["logicalLocations"]?[0]?["name"]?.string?.contains("段") == true)
    #expect(location["physicalLocation"]?["region"] == nil)
  }

  @Test func fixesAreWrittenIntoTheDocumentAndWordAndLibreOfficeOpenIt() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("report.docx")
    try FileManager.default.copyItem(
      atPath: ReportFormsTests.page("shuyang_county_fgj_dept_2023", "report.docx"),
      toPath: copy.path
    )
    let fixed = try Binary.run(["--check", "--fix", copy.path])
    #expect(fixed.status == 0)
    #expect(fixed.stdout.contains("已修复 126 处"))
    let again = try ReportFormsTests.findings(copy.path)
    #expect(!again.contains { $0.hasPrefix("NB105 ") || $0.hasPrefix("NB114 ") })
    // Python's zipfile finds every entry whole.
    let python = ProcessInfo.processInfo.environment["NIANBAO_PYTHON"] ?? "/usr/bin/python3"
    if FileManager.default.isExecutableFile(atPath: python) {
      let test = Process()
      test.executableURL = URL(fileURLWithPath: python)
      test.arguments = [
        "-c", "import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)", copy.path,
      ]
      try test.run()
      test.waitUntilExit()
      #expect(test.terminationStatus == 0)
    }
    guard ExternalTool.soffice.available else {
      return
    }
    let soffice = try #require(ExternalTool.soffice.executable, "soffice is required and not installed")
    let convert = Process()
    convert.executableURL = URL(fileURLWithPath: soffice)
    convert.arguments = [
      "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
      "--outdir", folder.path, copy.path,
    ]
    convert.standardOutput = FileHandle.nullDevice
    convert.standardError = FileHandle.nullDevice
    try convert.run()
    convert.waitUntilExit()
    let exported = TestPaths.text(at: folder.appendingPathComponent("report.txt"))
    #expect(exported.contains("行政规范性文件"))
  }

  @Test func aWordDocumentThatIsNotOneIsNamedSo() throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fake = folder.appendingPathComponent("年度报告.docx")
    try Data("<html>not a document</html>".utf8).write(to: fake)
    let result = try Binary.run(["--check", "--lang", "en", fake.path])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "cannot be read as a Word document (.docx) (it is not a Word document; perhaps another file renamed)"
      )
    )
  }
}

/// Every real page in Tests/RealForms read in each form it is published in: the page, what a
/// browser copies of it, and its Word document give the same findings, and they are the page's
/// hand-checked genuine faults (`Tests/RealForms/expected.tsv`); `--fix` on each form leaves
/// nothing of what it fixed.
@Suite struct SameFindingsInEveryFormTests {
  static let pages = [
    "shanghai_gov_office_2019", "shuyang_county_fgj_dept_2023", "putian_city_emergency_dept_2023",
    "putian_city_emergency_dept_2024",
  ]
  static let forms = ["page.html", "browser-copy.txt", "report.docx"]

  @Test(arguments: pages)
  func everyFormGivesTheSameFindings(page: String) throws {
    let reference = try ReportFormsTests.findings(ReportFormsTests.page(page, "page.html"))
    for form in Self.forms.dropFirst() {
      let found = try ReportFormsTests.findings(ReportFormsTests.page(page, form))
      #expect(found == reference, "\(page)/\(form)")
    }
    let english = try ReportFormsTests.findings(ReportFormsTests.page(page, "page.html"), language: "en")
    #expect(english.count == reference.count)
  }

  /// The page printed to PDF by Chromium, read through `pdftotext`: its text has only the
  /// numbers that are there, and the boxes of its words say which cells are blank.
  @Test(.enabled(if: Chromium.available), .timeLimit(.minutes(3)), arguments: pages)
  func aPrintedPageGivesTheSameFindings(page: String) throws {
    guard ExternalTool.pdftotext.available else {
      return
    }
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("report.pdf")
    try Chromium.printToPDF(URL(fileURLWithPath: ReportFormsTests.page(page, "page.html")), to: pdf)
    let reference = try ReportFormsTests.findings(ReportFormsTests.page(page, "page.html"))
    #expect(try ReportFormsTests.findings(pdf.path) == reference)
    #expect(try ReportFormsTests.findings(pdf.path, language: "en").count == reference.count)
  }

  /// The genuine faults checked by hand: each NB201 names its row and the right total, and no
  /// error is raised that is not one of them.
  @Test(arguments: pages)
  func theFindingsAreTheGenuineFaults(page: String) throws {
    let expected = try String(
      contentsOf: ReportFormsTests.forms.appendingPathComponent("expected.tsv"),
      encoding: .utf8
    )
    .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    .filter { $0.first.map(String.init) == page }
    let found = try ReportFormsTests.findings(ReportFormsTests.page(page, "page.html"))
    for line in expected {
      let code = String(line[1])
      guard !code.hasPrefix("~"), code != "-" else { continue }  // known, and not yet found by nianbao; or none
      #expect(found.contains { $0.hasPrefix(code + " ") }, "\(page): \(code) \(line[3])")
      if code == "NB201" {
        // The row's own label, as the message names it (`（二）部分公开`, `1.属于国家秘密`).
        let row = String((String(line[3]).split(separator: " ").last ?? "").prefix(7))
        let value = String(line[5])
        #expect(
          found.contains { $0.hasPrefix("NB201 ") && $0.contains(row) && $0.contains("应为 \(value)，") },
          "\(page): \(row) 总计 \(value)"
        )
      }
    }
    let expectedCodes = Set(expected.map { String($0[1]) })
    for finding in found where finding.hasPrefix("NB1") || finding.hasPrefix("NB2") {
      #expect(expectedCodes.contains(String(finding.prefix(5))), "not a genuine fault: \(finding)")
    }
  }

  @Test(arguments: pages)
  func fixingEveryFormLeavesNothingOfWhatWasFixed(page: String) throws {
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    var counts: [String] = []
    for form in Self.forms {
      let copy = folder.appendingPathComponent(form)
      try FileManager.default.copyItem(atPath: ReportFormsTests.page(page, form), toPath: copy.path)
      let fixed = try Binary.run(["--check", "--fix", copy.path])
      counts.append(fixed.stdout.split(separator: "\n").last.map(String.init) ?? "")
      let again = try ReportFormsTests.findings(copy.path)
      #expect(!again.contains { $0.hasPrefix("NB201 ") || $0.hasPrefix("NB114 ") || $0.hasPrefix("NB105 ") }, "\(form)")
    }
    // The same number of fixes in each form.
    #expect(Set(counts.map { $0.components(separatedBy: "已修复").last ?? "" }).count == 1, "\(counts)")
  }
}
