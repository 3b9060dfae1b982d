import Dispatch
import Foundation
import NianbaoConfig
import NianbaoCore
import NianbaoFiles
import NianbaoForms
import NianbaoJSON
import Synchronization

/// `nianbao --check`: checks files and folders, prints the findings, fixes what is certain.
public enum CheckCommand {
  public enum ExitCode: Int32 {
    case clean = 0
    case problems = 1
    case failure = 2
  }

  struct FileResult {
    var path: String
    /// The text the findings point into, as it stands after `--fix` (as read otherwise). Kept as
    /// one string until the output is written: its bytes and line table, twice its size, are made
    /// again (``source``) only when a format or last year's comparison reads them, so that a walk
    /// of thousands of reports does not hold each text three times.
    var text: String?
    /// A plain text file's text, when the walk did not keep it (``text`` is nil then).
    var textOnDisk: TextOnDisk?
    /// ``text`` with its bytes and line table, made afresh on each use (and read again from the
    /// file when it was not kept): read it once per file.
    var source: SourceText? {
      if let text { return SourceText(text) }
      return textOnDisk?.text().map(SourceText.init)
    }
    /// Whether ``source`` has a text to give, without making it.
    var hasSource: Bool { text != nil || textOnDisk != nil }
    /// What the cross-year rules need to pair this report with the year before.
    var crossYear: CrossYearRules.Summary?
    /// What was read of the report, kept for the review page only (`--format html`).
    @OutOfLine var report: Report? = nil
    /// The findings, kept packed to the end of the walk.
    var findings = PackedFindings()
    /// The findings, unpacked afresh on each use: read them once per file.
    var diagnostics: [Diagnostic] {
      get { findings.diagnostics }
      set { findings = PackedFindings(newValue, words: findings.words) }
    }
    var readError: String?
    /// Why `--fix` could not write the file back: its findings are shown as read.
    var writeError: String?
    /// Found while walking a folder and not a report (notes, a README, an empty file): not
    /// checked, not counted, not listed.
    var notAReport = false
    /// Said once for a file read in an encoding other than UTF-8 (GB18030, UTF-16).
    var encodingNotice: LocalizedText?
    /// Said for a report whose title names no agency: the rules that could not be applied.
    var agencyNotice: LocalizedText?
    /// What is said about the file besides its findings.
    var notices: [LocalizedText] { [encodingNotice, agencyNotice].compactMap { $0 } }
    var encoding: TextEncoding = .utf8
    /// For a web page, its report as rendered for the core, which `source` (the page's HTML)
    /// maps to; nil when `source` is the report's text.
    var rendered: RenderedReport?
    /// A Word document's paragraphs and cells, by their offsets in `source` (its report's text).
    var wordPlaces: [RenderedReport.Place]?
    var isWordDocument = false
    /// A PDF: its fixes are made in the report's original, never in the file.
    var isPDF = false
    var fixedCount = 0
    /// `--diff`: the patch, in the file's own bytes (empty when nothing changes).
    var diff: [UInt8]?
    /// `--diff`: why the fixes of the file are not in the patch.
    var diffNote: LocalizedText?
    @OutOfLine var settings: FileSettings? = nil
    /// Where the report's sections start, for the fingerprints of its findings.
    var sections: [SectionStart] = []
    /// Findings an entry of `nianbao-suppressions.json` accepts: not shown, not counted.
    var suppressed: [Diagnostic] = []
  }

  /// Runs the check. `readStandardInput` is called once if `-` is among the paths.
  public static func run(
    _ options: CheckOptions,
    readStandardInput: () -> [UInt8],
    output: (String) -> Void,
    outputBytes: (([UInt8]) -> Void)? = nil,
    errorOutput: (String) -> Void
  ) -> ExitCode {
    var options = options
    let project = ProjectSettings(options: options)
    options.language = project.runLanguage()
    let language = options.language
    var entries: [FileWalker.Entry] = []
    var stdinBytes: [UInt8]?
    do {
      let named = options.paths.filter { $0 != "-" }
      entries = try FileWalker.files(for: named)
      if options.onlyReports {
        entries = entries.filter { !FileWalker.isProjectDocument(($0.path as NSString).lastPathComponent) }
        for index in entries.indices { entries[index].explicitlyNamed = false }
      }
      if options.paths.contains("-") {
        stdinBytes = readStandardInput()
        let name = options.stdinFilename ?? "<stdin>"
        let position = options.paths.firstIndex(of: "-")!
        let insertAt = min(entries.count, options.paths[..<position].filter { $0 != "-" }.count)
        entries.insert(FileWalker.Entry(path: name, explicitlyNamed: true), at: insertAt)
      }
    } catch {
      switch error {
      case .notFound(let path):
        errorOutput(
          language == .zh
            ? "nianbao: 找不到“\(path)”（既不是文件也不是文件夹）\n"
            : "nianbao: “\(path)” does not exist (neither a file nor a folder)\n"
        )
      }
      return .failure
    }
    let stdinName = options.paths.contains("-") ? (options.stdinFilename ?? "<stdin>") : nil
    guard let settings = project.settings(for: &entries, errorOutput: errorOutput) else { return .failure }

    let words = FindingWords()
    // Each file's result takes its place as the file is done: every place is filled.
    let unfilled = FileResult(path: "", findings: PackedFindings(words: words))
    let results = Mutex(Array(repeating: unfilled, count: entries.count))
    let entriesCopy = entries
    let stdinCopy = stdinBytes
    let progress =
      options.showsProgress && entries.count > 1 ? CheckProgress(total: entries.count, language: language) : nil
    let optionsCopy = options
    DispatchQueue.concurrentPerform(iterations: entriesCopy.count) { index in
      let entry = entriesCopy[index]
      let result = process(
        entry,
        options: optionsCopy,
        settings: settings[index],
        stdin: entry.path == stdinName ? stdinCopy : nil,
        words: words
      )
      results.withLock { $0[index] = result }
      progress?.fileDone()
    }
    progress?.clear()
    // Taken out whole, not copied: a walk's results are thousands of files' findings.
    var all = results.withLock { results in
      defer { results = [] }
      return results
    }
    all.removeAll { $0.notAReport }
    if all.isEmpty && !entries.isEmpty || entries.isEmpty && !options.paths.isEmpty {
      errorOutput(
        language == .zh
          ? "nianbao: 在给出的路径下没有找到年度报告（*.txt、*.md、*.html、*.docx、*.pdf），没有检查任何文件\n"
          : "nianbao: no annual report (*.txt, *.md, *.html, *.docx, *.pdf) was found under the paths given; nothing was checked\n"
      )
    }
    pairAcrossYears(&all, options: options)
    for index in all.indices {
      guard let onDisk = all[index].textOnDisk, !onDisk.looksUnchanged else { continue }
      all[index].readError = TextOnDisk.changedMessage(all[index].path, options.language)
      all[index].diagnostics = []
    }
    guard let stale = Suppressor.apply(&all, options: options, errorOutput: errorOutput) else { return .failure }

    switch options.format {
    case .text:
      writeText(all, options: options, output: output, errorOutput: errorOutput) { bytes in
        if let outputBytes { outputBytes(bytes) } else { output(String(decoding: bytes, as: UTF8.self)) }
      }
    case .json:
      JSONReport.write(all, options: options) { bytes in
        if let outputBytes { outputBytes(bytes) } else { output(String(decoding: bytes, as: UTF8.self)) }
      }
    case .sarif:
      SARIFReport.write(all, stale: stale, options: options) { bytes in
        if let outputBytes { outputBytes(bytes) } else { output(String(decoding: bytes, as: UTF8.self)) }
      }
    case .github: output(GitHubAnnotations.text(all, options: options))
    case .gitlab:
      writeReadErrors(all, options: options, errorOutput: errorOutput)
      output(GitLabCodeQuality.document(all, stale: stale, options: options).serialized(pretty: true) + "\n")
    case .junit: output(JUnitReport.text(all, stale: stale, options: options))
    case .html:
      output(HTMLReport.document(all, options: options))
      // The page goes to a file; the terminal still hears what could not be read, and the count.
      for error in all.compactMap({ $0.readError ?? $0.writeError }) { errorOutput("nianbao: " + error + "\n") }
      errorOutput(Summary(all).text(options.language, fix: options.fix) + "\n")
    }
    if all.contains(where: { $0.readError != nil || $0.writeError != nil }) { return .failure }
    let severities = Set(all.flatMap(\.findings.severities))
    if severities.contains(.error) { return .problems }
    if options.strict && severities.contains(.warning) { return .problems }
    if options.strict && !stale.isEmpty { return .problems }
    return .clean
  }

  /// NB309, NB311 and NB312: reports of the same agency for consecutive years, both among the
  /// files checked (or last year's named by `previous` in nianbao.toml); NB313 when the year
  /// before has several. The pairs are found first; their prose is read and compared on every
  /// core, and dropped as soon as the findings are made.
  static func pairAcrossYears(_ results: inout [FileResult], options: CheckOptions) {
    guard results.count > 1 else { return }
    let pairs = yearPairs(results)
    guard !pairs.isEmpty else { return }
    var found: [[Diagnostic]] = []
    // A few pairs at a time: their prose is several times the size of their text. A report
    // compared as this year's in one batch and as last year's in a later one is read once.
    var lastBatch: [Int: Int] = [:]
    for (position, pair) in pairs.enumerated() {
      guard case .previous(let previous, _) = pair.comparison else { continue }
      lastBatch[pair.index] = position / pairsReadTogether
      lastBatch[previous] = position / pairsReadTogether
    }
    var read: [Int: CrossYearRules.Summary?] = [:]
    for (batch, start) in stride(from: 0, to: pairs.count, by: pairsReadTogether).enumerated() {
      let end = min(start + pairsReadTogether, pairs.count)
      found += findings(of: Array(pairs[start..<end]), in: results, read: &read)
      read = read.filter { lastBatch[$0.key, default: 0] > batch }
    }
    for (pair, found) in zip(pairs, found) where !found.isEmpty {
      let index = pair.index
      var found = found
      if let rendered = results[index].rendered { found = found.map { $0.mapped(through: rendered) } }
      // Notes in last year's report point into its source text too.
      if case .previous(let previous, _) = pair.comparison, let previousRendered = results[previous].rendered {
        found = found.map { $0.mappingNotesInOtherReport(through: previousRendered) }
      }
      let policy = results[index].settings?.policy ?? options.policy
      results[index].diagnostics = policy.apply(results[index].diagnostics + found).sortedByPosition()
    }
  }

  /// How many pairs of reports have their prose read at the same time.
  static let pairsReadTogether = 16

  /// The cross-year findings of each pair, made on every core; `read` holds the summaries with
  /// prose read so far, by report, and gets those of these pairs.
  static func findings(
    of pairs: [YearPair],
    in results: [FileResult],
    read: inout [Int: CrossYearRules.Summary?]
  ) -> [[Diagnostic]] {
    var compared: Set<Int> = []
    for pair in pairs {
      guard case .previous(let previous, _) = pair.comparison else { continue }
      compared.formUnion([pair.index, previous])
    }
    let unread = compared.filter { !read.keys.contains($0) }.sorted()
    for (index, summary) in zip(unread, concurrentMap(unread) { proseSummary(results[$0]) }) {
      read.updateValue(summary, forKey: index)
    }
    let summaryOf = read
    return concurrentMap(pairs) { pair -> [Diagnostic] in
      switch pair.comparison {
      case .ambiguous(let candidates):
        return [CrossYearRules.ambiguousPrevious(current: pair.brief, candidates: candidates.map { results[$0].path })]
      case .previous(let previous, let namedInSettings):
        guard let current = summaryOf[pair.index] ?? nil, let previousSummary = summaryOf[previous] ?? nil else {
          return []
        }
        return CrossYearRules.findings(
          current: current,
          previous: previousSummary,
          previousName: results[previous].path,
          previousFile: results[previous].path,
          namedInSettings: namedInSettings
        )
      }
    }
  }

  /// A report and what it is compared with: last year's report, or the several that could be.
  struct YearPair {
    enum Comparison {
      case previous(Int, namedInSettings: Bool)
      case ambiguous([Int])
    }
    var index: Int
    var brief: CrossYearRules.Summary
    var comparison: Comparison
  }

  /// The reports to compare with the year before, in the order of `results`.
  static func yearPairs(_ results: [FileResult]) -> [YearPair] {
    var byKey: [String: [Int]] = [:]
    var byPath: [String: Int] = [:]
    for (index, result) in results.enumerated() where result.diff == nil {
      guard let summary = result.crossYear else { continue }
      byKey["\(summary.agency)\u{0}\(summary.year)", default: []].append(index)
      if let path = result.settings?.absolutePath { byPath[path] = index }
    }
    var pairs: [YearPair] = []
    for index in results.indices {
      // Pair only when each year has one report of the agency: drafts or copies make it ambiguous.
      guard let brief = results[index].crossYear, byKey["\(brief.agency)\u{0}\(brief.year)"]?.count == 1
      else { continue }
      if let named = results[index].settings?.applied.previous.value {
        guard let previous = byPath[named] else { continue }
        pairs.append(YearPair(index: index, brief: brief, comparison: .previous(previous, namedInSettings: true)))
      } else if let previous = byKey["\(brief.agency)\u{0}\(brief.year - 1)"] {
        let comparison: YearPair.Comparison =
          previous.count > 1 ? .ambiguous(previous) : .previous(previous[0], namedInSettings: false)
        pairs.append(YearPair(index: index, brief: brief, comparison: comparison))
      }
    }
    return pairs
  }

  /// A report's summary with its sections' prose, read from its text.
  static func proseSummary(_ result: FileResult) -> CrossYearRules.Summary? {
    guard let summary = result.crossYear else { return nil }
    guard !summary.hasProse, let source = result.rendered.map({ SourceText($0.text) }) ?? result.source else {
      return summary
    }
    return summary.withProse(source)
  }

  /// `transform` of each element, worked out on every core, in the elements' order.
  static func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element],
    _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      let result = transform(elements[index])
      results.withLock { $0[index] = result }
    }
    return results.withLock { $0.map { $0! } }
  }

  static func process(
    _ entry: FileWalker.Entry,
    options: CheckOptions,
    settings: FileSettings,
    stdin: [UInt8]?,
    words: FindingWords
  ) -> FileResult {
    var result = FileResult(path: entry.path, findings: PackedFindings(words: words), settings: settings)
    let checkerOptions = settings.applied.checkerOptions
    let input: ReportInput
    do throws(ReportFile.ReadError) {
      if let stdin {
        input = try ReportInput.decode(stdin, path: entry.path)
      } else {
        input = try ReportInput.read(path: entry.path)
      }
    } catch {
      result.readError = error.message(options.language, path: entry.path)
      return result
    }
    let file = input.file
    result.encodingNotice = file.encodingNotice(fix: options.fix)
    result.encoding = file.encoding
    var (report, diagnostics, rendered) = input.check(
      file.text,
      explicitlyNamed: entry.explicitlyNamed,
      options: checkerOptions
    )
    var sourceText = file.text
    if options.fix, case .pdf = input.form {
      result.encodingNotice = LocalizedText(
        zh: "\(entry.path): 未修复：" + ReportInput.pdfNotWritten.zh,
        en: "\(entry.path): not fixed: " + ReportInput.pdfNotWritten.en
      )
    } else if options.fix || options.diff {
      var text = file.text
      var (fixedReport, current, fixedRendered) = (report, diagnostics, rendered)
      for _ in 0..<5 {
        let edits = current.certainEdits()
        guard !edits.isEmpty else { break }
        text = edits.applied(to: SourceText(text))
        result.fixedCount += edits.count
        (fixedReport, current, fixedRendered) = input.check(
          text,
          explicitlyNamed: entry.explicitlyNamed,
          options: checkerOptions
        )
      }
      if options.diff, input.isWordDocument {
        // A Word document's XML is no patch a person applies: the diff shows its text.
        let name = UnifiedDiff.patchName(entry.path)
        result.diff = Array(
          UnifiedDiff.diff(
            old: rendered?.text ?? "",
            new: fixedRendered?.text ?? "",
            oldName: "a/\(name)",
            newName: "b/\(name)"
          ).utf8
        )
        if text != file.text {
          result.diffNote = LocalizedText(
            zh: "\(entry.path): Word 文档的 diff 只供阅读（显示其文字），不能用 git apply 应用；请用 --fix 写回",
            en:
              "\(entry.path): the diff of a Word document is for reading (it shows its text); git apply cannot apply it: use --fix"
          )
        }
      } else if options.diff {
        result.diff = UnifiedDiff.patch(file, new: text, path: entry.path) ?? []
        if case .pdf = input.form, text != file.text {
          // The patch is of the PDF's text: what to change, for reading, not a patch of the file.
          result.diffNote = LocalizedText(
            zh: "\(entry.path): PDF 的 diff 只供阅读（显示其文字中应改之处），不能用 git apply 应用；" + ReportInput.pdfNotWritten.zh,
            en:
              "\(entry.path): the diff of a PDF is for reading (it shows what to change in its text); git apply cannot apply it: "
              + ReportInput.pdfNotWritten.en
          )
        } else if text != file.text, result.diff == [] {
          result.diffNote = LocalizedText(
            zh: "\(entry.path): 文件是 \(file.encoding.name) 编码，补丁工具无法按文本应用，\(result.fixedCount) 处修复未列入 diff；请用 --fix 写回",
            en:
              "\(entry.path): the file is \(file.encoding.name), which patch tools cannot apply as text; its \(result.fixedCount) fix\(result.fixedCount == 1 ? " is" : "es are") not in the diff: use --fix to write \(result.fixedCount == 1 ? "it" : "them")"
          )
        }
      } else if text != file.text {
        let changedMeanwhile = LocalizedText(
          zh: "文件在检查期间被别人修改过，请再运行一次",
          en: "someone changed the file while it was checked; run again"
        )
        if let reason = input.writeBack(text, changedMeanwhile: changedMeanwhile, language: options.language) {
          result.writeError = unwritten(entry.path, reason: reason, options.language)
          result.fixedCount = 0
        } else {
          report = fixedReport
          diagnostics = current
          rendered = fixedRendered
          sourceText = text
        }
      }
    }
    result.isWordDocument = input.isWordDocument
    if case .pdf = input.form { result.isPDF = true }
    if let document = rendered, input.isWordDocument {
      // A Word document has no lines to point at: its findings stay in the report's text, with
      // the places of its paragraphs and cells; the XML and the archive can go.
      diagnostics = diagnostics.map { $0.unmapped(through: document) }
      result.wordPlaces = document.places
      rendered = nil
    }
    result.rendered = rendered
    result.text = rendered == nil ? report.source.string : sourceText
    result.notAReport = !entry.explicitlyNamed && !report.looksLikeReport
    result.sections = Fingerprint.sectionStarts(report)
    if let rendered {
      result.sections = result.sections.map {
        SectionStart(offset: rendered.sourceOffset(forRendered: $0.offset), number: $0.number)
      }
    }
    // Kept for every file until the walk ends: the prose is read only for reports that pair.
    result.crossYear = CrossYearRules.Summary(report, prose: false)
    result.agencyNotice = AgencyNotice.text(report, path: entry.path, agencySetting: checkerOptions.agency)
    if options.format == .html { result.report = report }
    var languages = Set(Language.allCases)
    if options.format != .html {
      // The review page shows the texts and reads both languages; the other outputs need neither.
      languages = [options.language, settings.language ?? options.language]
      if case .text = input.form, stdin == nil, !options.fix, !options.diff, let fingerprint = file.fingerprint {
        result.textOnDisk = TextOnDisk(path: entry.path, fingerprint: fingerprint)
        result.text = nil
      }
    }
    // Kept to the end of the walk in the languages printed.
    result.findings = PackedFindings(settings.policy.apply(diagnostics), words: words, keeping: languages)
    return result
  }

  /// Files that could not be read, on standard error, for the formats that have no place for them.
  private static func writeReadErrors(_ results: [FileResult], options: CheckOptions, errorOutput: (String) -> Void) {
    for result in results {
      for notice in result.notices { errorOutput("nianbao: " + notice.text(options.language) + "\n") }
      if let error = result.readError ?? result.writeError { errorOutput("nianbao: " + error + "\n") }
    }
  }

  private static func unwritten(_ path: String, reason: String, _ language: Language) -> String {
    language == .zh
      ? "\(path): 无法写入修复（\(reason)），文件未改动" : "\(path): could not write the fixes (\(reason)); the file is unchanged"
  }

  private static func writeText(
    _ results: [FileResult],
    options: CheckOptions,
    output: (String) -> Void,
    errorOutput: (String) -> Void,
    outputBytes: ([UInt8]) -> Void
  ) {
    let language = options.language
    var buffer = ""
    for result in results {
      for notice in result.notices { errorOutput("nianbao: " + notice.text(language) + "\n") }
      if let error = result.readError {
        errorOutput("nianbao: " + error + "\n")
        continue
      }
      if let error = result.writeError { errorOutput("nianbao: " + error + "\n") }
      if let diff = result.diff {
        if let note = result.diffNote { errorOutput("nianbao: " + note.text(language) + "\n") }
        output(buffer)
        buffer = ""
        outputBytes(diff)
        continue
      }
      let shown = result.shown(options)
      guard !shown.isEmpty, let source = result.source else { continue }
      let fileLanguage = options.languageGiven ? language : result.settings?.language ?? language
      for (diagnostic, suppressed) in shown {
        let location = result.textLocation(of: diagnostic.range.lowerBound, source: source, language: fileLanguage)
        buffer +=
          "\(location): \(diagnostic.severity.name): \(diagnostic.message.text(fileLanguage)) [\(diagnostic.code)]\(suppressed ? Suppressor.mark(fileLanguage) : "")\n"
      }
      if buffer.utf8.count > 1 << 16 {
        output(buffer)
        buffer = ""
      }
    }
    output(buffer)
    let summary = Summary(results)
    let line = summary.text(language, fix: options.fix)
    if options.diff { errorOutput(line + "\n") } else { output(line + "\n") }
  }
}

/// Counts for the closing line and the JSON summary.
struct Summary {
  /// Every file of the run, those that could not be read included.
  var files = 0
  var filesWithProblems = 0
  var counts: [Severity: Int] = [:]
  var fixed = 0
  var unreadable = 0
  /// Files whose fixes `--fix` could not write (they were checked: their findings count).
  var unwritten = 0

  /// The files checked: those that could be read (what every output counts as files).
  var checked: Int { files - unreadable }

  init(_ results: [CheckCommand.FileResult]) {
    files = results.count
    for result in results {
      if result.readError != nil { unreadable += 1 }
      if result.writeError != nil { unwritten += 1 }
      if !result.findings.isEmpty { filesWithProblems += 1 }
      for severity in result.findings.severities { counts[severity, default: 0] += 1 }
      fixed += result.fixedCount
    }
  }

  func text(_ language: Language, fix: Bool) -> String {
    let e = counts[.error] ?? 0
    let w = counts[.warning] ?? 0
    let i = counts[.information] ?? 0
    let h = counts[.hint] ?? 0
    var parts: [String] = []
    if language == .zh {
      if e > 0 { parts.append("\(e) 个错误") }
      if w > 0 { parts.append("\(w) 个警告") }
      if i > 0 { parts.append("\(i) 条提示") }
      if h > 0 { parts.append("\(h) 条建议") }
      // Files that could not be read were not checked: they are counted apart.
      let checked = files - unreadable
      var line =
        parts.isEmpty
        ? (checked == 0 ? "没有检查任何文件" : "\(checked) 个文件\(checked == 1 ? "" : "均")未发现问题")
        : "\(parts.joined(separator: "，"))，涉及 \(checked) 个文件中的 \(filesWithProblems) 个"
      if fix { line += "；已修复 \(fixed) 处" }
      if unwritten > 0 { line += "；\(unwritten) 个文件无法写入修复" }
      if unreadable > 0 { line = (checked == 0 ? "" : line + "；") + "\(unreadable) 个文件无法读取" }
      return line
    }
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    if e > 0 { parts.append(plural(e, "error")) }
    if w > 0 { parts.append(plural(w, "warning")) }
    if i > 0 { parts.append(plural(i, "info")) }
    if h > 0 { parts.append(plural(h, "hint")) }
    let checked = files - unreadable
    var line =
      parts.isEmpty
      ? (checked == 0 ? "no file was checked" : "no problems in \(plural(checked, "file"))")
      : "\(parts.joined(separator: ", ")) in \(filesWithProblems) of \(plural(checked, "file"))"
    if fix { line += "; fixed \(fixed)" }
    if unwritten > 0 { line += "; the fixes of \(plural(unwritten, "file")) could not be written" }
    if unreadable > 0 { line = (checked == 0 ? "" : line + "; ") + "\(plural(unreadable, "file")) could not be read" }
    return line
  }
}
