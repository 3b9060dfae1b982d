import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

extension LanguageServer {
  func documentSymbols(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri), isReport(document, analysis) else { return [] }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    let report = analysis.report
    let tables: [Int: (String, Range<Int>?)] = [
      2: (language == .zh ? "表二 主动公开政府信息情况" : "Table 二: proactive disclosure", report.table2?.range),
      3: (language == .zh ? "表三 收到和处理政府信息公开申请情况" : "Table 三: applications", report.table3?.range),
      4: (language == .zh ? "表四 行政复议、行政诉讼情况" : "Table 四: reconsiderations and lawsuits", report.table4?.range),
    ]
    var symbols: [JSONValue] = []
    if let title = report.title {
      symbols.append(
        symbol(
          title.text.trimmingSpaces(),
          kind: 1,
          range: title.range,
          selection: title.range,
          children: [],
          converter
        )
      )
    }
    for section in report.sections {
      let range = section.headingRange.lowerBound..<trimmedEnd(section.bodyRange, document.source)
      var children = section.subheadings.map {
        symbol($0.text, kind: 8, range: $0.range, selection: $0.range, children: [], converter)
      }
      if let (name, tableRange) = tables[section.number], let tableRange, range.contains(tableRange.lowerBound) {
        children.append(symbol(name, kind: 18, range: tableRange, selection: tableRange, children: [], converter))
      }
      let name = "\(NationalFormat.chineseNumeral(section.number))、\(section.titleText)"
      symbols.append(
        symbol(name, kind: 2, range: range, selection: section.headingRange, children: children, converter)
      )
    }
    return .array(symbols)
  }

  private func symbol(
    _ name: String,
    kind: Int,
    range: Range<Int>,
    selection: Range<Int>,
    children: [JSONValue],
    _ converter: PositionConverter
  ) -> JSONValue {
    .object([
      ("name", .string(name.isEmpty ? "—" : name)), ("kind", .int(kind)), ("range", converter.range(range)),
      ("selectionRange", converter.range(selection)), ("children", children.isEmpty ? nil : .array(children)),
    ])
  }

  /// The end of a range without the blank lines at its end.
  private func trimmedEnd(_ range: Range<Int>, _ source: SourceText) -> Int {
    var end = range.upperBound
    while end > range.lowerBound, [0x0A, 0x0D, 0x20, 0x09].contains(source.utf8[end - 1]) { end -= 1 }
    return end
  }

  func foldingRanges(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri), isReport(document, analysis) else { return [] }
    let lines = document.source.lines
    var ranges: [JSONValue] = []
    func fold(_ range: Range<Int>) {
      let start = lines.line(containing: range.lowerBound)
      let end = lines.line(containing: max(range.lowerBound, trimmedEnd(range, document.source) - 1))
      if end > start {
        ranges.append(.object([("startLine", .int(start)), ("endLine", .int(end)), ("kind", "region")]))
      }
    }
    for section in analysis.report.sections { fold(section.headingRange.lowerBound..<section.bodyRange.upperBound) }
    for table in [analysis.report.table2?.range, analysis.report.table3?.range, analysis.report.table4?.range] {
      if let table { fold(table) }
    }
    return .array(ranges)
  }

  /// Beside a wrong total, the value it should have.
}
