import NianbaoCore
import NianbaoFiles
import NianbaoForms

/// `--format html`: one self-contained page for a reviewer. A summary (counts, findings by rule,
/// files that could not be read), then one section per report with findings: what was read of
/// it, its findings, and its tables 三 and 四 with the cells the findings point at highlighted.
/// Reports without findings are listed compactly at the end. No scripts, fonts or styles from
/// elsewhere: the page works offline and prints.
enum HTMLReport {
  /// A report on the page and the id of its section.
  private struct Entry {
    var id: String
    var result: CheckCommand.FileResult
  }

  static func document(_ results: [CheckCommand.FileResult], options: CheckOptions) -> String {
    let language = options.language
    func text(_ zh: String, _ en: String) -> String { (language == .zh ? zh : en).htmlEscaped }
    let checked = results.indices.filter { results[$0].readError == nil && results[$0].text != nil }.map {
      Entry(id: "r\($0 + 1)", result: results[$0])
    }
    let withFindings = checked.filter { !$0.result.findings.isEmpty }
    let clean = checked.filter { $0.result.findings.isEmpty }

    var html = """
      <!DOCTYPE html>
      <html lang="\(language == .zh ? "zh-CN" : "en")">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="nianbao \(About.version)">
      <title>\(text("年报审查结果", "Annual report review"))</title>
      <style>
      \(HTMLStyle.css)</style>
      </head>
      <body>
      <header>
      <h1>\(text("政府信息公开工作年度报告审查结果", "Annual reports on government information disclosure: review"))</h1>
      <p class="meta">nianbao \(About.version) · \(text("对照国办公开办函〔2021〕30号统一格式", "against the national format (国办公开办函〔2021〕30号)"))</p>
      </header>
      <main>

      """
    html += summary(results, withFindings: withFindings, clean: clean, language: language)
    for entry in withFindings {
      html += section(entry.result, id: entry.id, language: language)
    }
    if !clean.isEmpty {
      html +=
        "<section id=\"clean\">\n<h2>\(text("未发现问题的报告（\(clean.count)）", "Reports without findings (\(clean.count))"))</h2>\n"
      html += "<ul class=\"clean\">\n"
      for entry in clean {
        let result = entry.result
        html += "<li id=\"\(entry.id)\"><span class=\"path\">\(result.path.htmlEscaped)</span>"
        if let title = result.report?.title { html += " <span class=\"title\">\(title.text.htmlEscaped)</span>" }
        html += "</li>\n"
      }
      html += "</ul>\n</section>\n"
    }
    return html + "</main>\n</body>\n</html>\n"
  }

  // MARK: Summary

  private static func summary(
    _ results: [CheckCommand.FileResult],
    withFindings: [Entry],
    clean: [Entry],
    language: Language
  ) -> String {
    func text(_ zh: String, _ en: String) -> String { (language == .zh ? zh : en).htmlEscaped }
    let counts = Summary(results)
    var html = "<section id=\"summary\">\n<h2>\(text("概况", "Summary"))</h2>\n"
    html += "<table class=\"counts\">\n<tbody>\n"
    var rows: [(String, String, Int)] = [
      ("files", text("检查的文件", "Files checked"), counts.checked),
      ("errors", text("错误", "Errors"), counts.counts[.error] ?? 0),
      ("warnings", text("警告", "Warnings"), counts.counts[.warning] ?? 0),
      ("infos", text("提示", "Infos"), counts.counts[.information] ?? 0),
    ]
    if let hints = counts.counts[.hint] { rows.append(("hints", text("建议", "Hints"), hints)) }
    rows.append(("problem-files", text("有问题的文件", "Files with findings"), counts.filesWithProblems))
    rows.append(("unreadable", text("无法读取的文件", "Files that could not be read"), counts.unreadable))
    for (key, name, value) in rows {
      let emphasis = value > 0 && ["errors", "unreadable"].contains(key) ? " class=\"bad\"" : ""
      html += "<tr data-count=\"\(key)\"\(emphasis)><th>\(name)</th><td>\(value)</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"

    var byRule: [String: Int] = [:]
    for diagnostic in results.flatMap(\.diagnostics) { byRule[diagnostic.code, default: 0] += 1 }
    if !byRule.isEmpty {
      html += "<h3>\(text("按规则", "By rule"))</h3>\n<div class=\"scroll\"><table class=\"rules\">\n"
      html +=
        "<thead><tr><th>\(text("代码", "Code"))</th><th>\(text("规则", "Rule"))</th><th>\(text("数量", "Count"))</th></tr></thead>\n<tbody>\n"
      for code in byRule.keys.sorted() {
        let rule = Rule.named(code)
        let title = rule?.title.text(language) ?? ""
        let link = rule.map { "<a href=\"\(About.documentationURL(for: $0).htmlEscaped)\">\(code)</a>" } ?? code
        html +=
          "<tr data-rule=\"\(code)\"><td class=\"code\">\(link)</td><td>\(title.htmlEscaped)</td><td>\(byRule[code]!)</td></tr>\n"
      }
      html += "</tbody>\n</table></div>\n"
    }

    if !withFindings.isEmpty {
      html += "<h3>\(text("有问题的报告", "Reports with findings"))</h3>\n<div class=\"scroll\"><table class=\"files\">\n"
      html +=
        "<thead><tr><th>\(text("文件", "File"))</th><th>\(text("错误", "Errors"))</th><th>\(text("警告", "Warnings"))</th><th>\(text("提示", "Infos"))</th></tr></thead>\n<tbody>\n"
      for entry in withFindings {
        let result = entry.result
        let diagnostics = result.diagnostics
        let count = { (severity: Severity) in diagnostics.filter { $0.severity == severity }.count }
        let errors = count(.error)
        html += "<tr><td><a href=\"#\(entry.id)\">\(result.path.htmlEscaped)</a></td>"
        html += "<td\(errors > 0 ? " class=\"bad\"" : "")>\(errors)</td><td>\(count(.warning))</td>"
        html += "<td>\(count(.information) + count(.hint))</td></tr>\n"
      }
      html += "</tbody>\n</table></div>\n"
    }
    if !clean.isEmpty {
      html +=
        "<p><a href=\"#clean\">\(text("未发现问题的报告：\(clean.count) 份", "Reports without findings: \(clean.count)"))</a></p>\n"
    }

    let unreadable = results.filter { $0.readError != nil }
    if !unreadable.isEmpty {
      html += "<h3>\(text("无法读取的文件", "Files that could not be read"))</h3>\n<ul class=\"unreadable\">\n"
      for result in unreadable {
        html += "<li>\(result.readError!.htmlEscaped)</li>\n"
      }
      html += "</ul>\n"
    }
    return html + "</section>\n"
  }

  // MARK: One report

  private static func section(_ result: CheckCommand.FileResult, id: String, language: Language) -> String {
    func text(_ zh: String, _ en: String) -> String { (language == .zh ? zh : en).htmlEscaped }
    // The tables are drawn from the report as read: for a web page or a Word document, its
    // rendered text, which the findings are taken back to; their places are the file's own.
    let fileSource = result.source
    let source = result.rendered.map { SourceText($0.text) } ?? fileSource!
    let diagnostics = result.diagnostics
    let tableDiagnostics = result.rendered.map { rendered in diagnostics.map { $0.unmapped(through: rendered) } }
    var tables = HTMLTables(
      reportID: id,
      source: source,
      diagnostics: tableDiagnostics ?? diagnostics,
      language: language
    )
    let tablesHTML = tables.table3(result.report?.table3) + tables.table4(result.report?.table4)

    var html =
      "<section class=\"report\" id=\"\(id)\">\n<h2 class=\"path\">\(result.path.htmlEscaped)</h2>\n<dl class=\"read\">\n"
    let title = result.report?.title
    let notRead = text("未读到", "not found")
    html += "<dt>\(text("标题", "Title"))</dt><dd>\(title.map { $0.text.htmlEscaped } ?? notRead)</dd>\n"
    let agency = title.map(\.agency).flatMap { $0.isEmpty ? nil : $0 }
    let notApplied =
      result.agencyNotice == nil
      ? "" : text("（未应用 NB403、NB309、NB311、NB312、NB313）", " (NB403, NB309, NB311, NB312 and NB313 not applied)")
    html += "<dt>\(text("机关", "Agency"))</dt><dd>\(agency?.htmlEscaped ?? notRead + notApplied)</dd>\n"
    html += "<dt>\(text("年度", "Year"))</dt><dd>\(title?.year.map(String.init) ?? notRead)</dd>\n"
    if let report = result.report {
      let edition =
        report.edition == .trial2019
        ? text("2019 年试行格式（国办公开办函〔2019〕60号）", "the 2019 trial format (国办公开办函〔2019〕60号)")
        : text("2021 年格式（国办公开办函〔2021〕30号）", "the 2021 format (国办公开办函〔2021〕30号)")
      html += "<dt>\(text("格式", "Format"))</dt><dd>\(edition)</dd>\n"
    }
    html +=
      "</dl>\n<h3>\(text("发现的问题（\(diagnostics.count)）", "Findings (\(diagnostics.count))"))</h3>\n<ol class=\"findings\">\n"
    for (index, diagnostic) in diagnostics.enumerated() {
      let start = position(of: diagnostic.range.lowerBound, in: result, source: fileSource, language: language)
      let position =
        tables.cellID(forFinding: index).map { "<a class=\"pos\" href=\"#\($0)\">\(start)</a>" }
        ?? "<span class=\"pos\">\(start)</span>"
      let rule = Rule.named(diagnostic.code)
      let code =
        rule.map { "<a class=\"code\" href=\"\(About.documentationURL(for: $0).htmlEscaped)\">\(diagnostic.code)</a>" }
        ?? "<span class=\"code\">\(diagnostic.code)</span>"
      html += "<li id=\"\(id)-d\(index + 1)\" class=\"\(diagnostic.severity.name)\">"
      html += "<span class=\"sev\">\(severityName(diagnostic.severity, language))</span> \(position) "
      html += "<span class=\"msg\">\(diagnostic.message.text(language).htmlEscaped)</span> \(code)"
      if let fix = diagnostic.fixes.first(where: \.isCertain) {
        // A PDF is not rewritten: the fix is for the report's Word or web original.
        let lead =
          result.isPDF
          ? text("请在 Word 或网页原稿中修改：", "correct the Word or web original: ")
          : text("可用 --fix 自动修复：", "--fix repairs it: ")
        html += " <span class=\"fix\">\(lead)\(fix.title.text(language).htmlEscaped)</span>"
      }
      html += "</li>\n"
    }
    html += "</ol>\n"
    if tables.highlightsCells {
      html +=
        "<p class=\"legend\"><span class=\"hit error\">4<span class=\"want\">→ 3</span></span> \(text("有问题的数（错误红、警告橙、提示蓝），箭头后是应填的数", "a value a finding is about (red: error, amber: warning, blue: info); after the arrow, the value that belongs there"))　<span class=\"named\">2</span> \(text("发现的问题所依据的数", "a value the finding is worked out from"))</p>\n"
    }
    return html + tablesHTML + "</section>\n"
  }

  /// `50:39` (1-based line and column, in characters, as the text output prints them), or the
  /// cell and paragraph of a Word document.
  private static func position(
    of offset: Int,
    in result: CheckCommand.FileResult,
    source: SourceText?,
    language: Language
  ) -> String {
    if let place = result.wordPlace(of: offset) { return place.text(language).htmlEscaped }
    guard let source else { return "" }
    let position = source.lines.position(ofUTF8Offset: offset, in: .utf32)
    return "\(position.line + 1):\(position.column + 1)"
  }

  static func severityName(_ severity: Severity, _ language: Language) -> String {
    switch (severity, language) {
    case (.error, .zh): return "错误"
    case (.warning, .zh): return "警告"
    case (.information, .zh): return "提示"
    case (.hint, .zh): return "建议"
    case (_, .en): return severity.name
    }
  }
}
