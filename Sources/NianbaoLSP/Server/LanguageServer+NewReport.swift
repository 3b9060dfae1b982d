import Foundation
import NianbaoCore
import NianbaoJSON

/// Next year's report from the editor: a code action on a finished report runs the
/// `nianbao.newReport` command, which creates the new file beside it through
/// `workspace/applyEdit` (a CreateFile and the text) and then opens it (`window/showDocument`).
/// A client that cannot create files but can open them gets the file written by the server and
/// opened; one that can do neither gets the text in the command's result, and is told why.
extension LanguageServer {
  static let newReportCommand = "nianbao.newReport"
  static let newReportKind = "source.newReport.nianbao"

  /// The action, on a report with a year in its title and no placeholder left.
  func newReportAction(uri: String, report: Report) -> JSONValue? {
    guard let year = report.year, report.table3 != nil, Placeholder.ranges(in: report.source).isEmpty else {
      return nil
    }
    let title =
      language == .zh
      ? "写出 \(year + 1) 年度报告框架（nianbao new）" : "Write the skeleton of the \(year + 1) report (nianbao new)"
    return .object([
      ("title", .string(title)), ("kind", .string(Self.newReportKind)),
      (
        "command",
        .object([
          ("title", .string(title)), ("command", .string(Self.newReportCommand)), ("arguments", .array([.string(uri)])),
        ])
      ),
    ])
  }

  func executeCommand(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    guard params["command"]?.string == Self.newReportCommand else {
      throw ResponseError(
        .invalidParams,
        "unknown command \(params["command"]?.serialized() ?? "null"); nianbao has \(Self.newReportCommand)"
      )
    }
    guard let uri = params["arguments"]?[0]?.string else {
      throw ResponseError(.invalidParams, "\(Self.newReportCommand) takes the URI of an open report as its argument")
    }
    guard let (_, analysis) = analysis(uri) else {
      throw ResponseError(.invalidParams, "\(uri) is not open; open last year's report first")
    }
    guard let draft = NextYearReport.following(analysis.report) else {
      showMessage(
        LocalizedText(
          zh: "这份文件没有带年度的报告标题（“××××年政府信息公开工作年度报告”），无法推出下一年度。",
          en: "This file has no report title with a year (“YYYY年政府信息公开工作年度报告”), so there is no next year to write."
        ),
        type: 1
      )
      return .null
    }
    for note in draft.notes { showMessage(note, type: 2) }
    guard let target = Self.nextYearURI(uri, year: draft.year - 1) else {
      showMessage(
        LocalizedText(
          zh: "这份报告还没有保存为文件，无法在它旁边新建文件；\(draft.year) 年度报告框架的文本在命令结果中返回。",
          en:
            "This report is not saved as a file, so no file can be created beside it; the skeleton of the \(draft.year) report is in the command's result."
        ),
        type: 2
      )
      return .object([("text", .string(draft.text))])
    }
    let name = URL(string: target)?.lastPathComponent ?? target
    if let path = Self.filePath(target), FileManager.default.fileExists(atPath: path) {
      showMessage(
        LocalizedText(
          zh: "\(name) 已存在，没有覆盖；要重写请先删除或改名。",
          en: "\(name) already exists and was not replaced; delete or rename it first to write it again."
        ),
        type: 2
      )
      return .object([("uri", .string(target)), ("created", false)])
    }
    guard createFileSupport else {
      if showDocumentSupport, let path = Self.filePath(target), write(draft.text, toNewFile: path) {
        showDocument(target)
        return .object([("uri", .string(target)), ("created", true)])
      }
      showMessage(
        LocalizedText(
          zh:
            "编辑器不支持新建文件（workspace/applyEdit 的 CreateFile），\(draft.year) 年度报告框架的文本在命令结果中返回；也可在终端运行 nianbao new --from 上年报告.txt -o \(name)",
          en:
            "The editor cannot create files (CreateFile in workspace/applyEdit); the skeleton of the \(draft.year) report is in the command's result. In a terminal: nianbao new --from last-year.txt -o \(name)"
        ),
        type: 3
      )
      return .object([("uri", .string(target)), ("created", false), ("text", .string(draft.text))])
    }
    let start = JSONValue.object([("line", 0), ("character", 0)])
    let id = request(
      "workspace/applyEdit",
      .object([
        ("label", .string(language == .zh ? "\(draft.year) 年度报告框架" : "Skeleton of the \(draft.year) report")),
        (
          "edit",
          .object([
            (
              "documentChanges",
              .array([
                .object([
                  ("kind", "create"), ("uri", .string(target)),
                  ("options", .object([("overwrite", false), ("ignoreIfExists", false)])),
                ]),
                .object([
                  ("textDocument", .object([("uri", .string(target)), ("version", .null)])),
                  (
                    "edits",
                    .array([
                      .object([
                        ("range", .object([("start", start), ("end", start)])), ("newText", .string(draft.text)),
                      ])
                    ])
                  ),
                ]),
              ])
            )
          ])
        ),
      ])
    )
    if showDocumentSupport { documentsToShow[id] = target }
    return .object([("uri", .string(target)), ("created", true)])
  }

  /// The client answered the edit that creates next year's report: the new report is opened, or
  /// the user is told that it was not created.
  func newReportEditAnswered(_ result: JSONValue?, show target: String?) {
    guard result?["applied"]?.bool == false else {
      if let target { showDocument(target) }
      return
    }
    let reason = result?["failureReason"]?.string.map { "（\($0)）" } ?? ""
    showMessage(
      LocalizedText(
        zh: "编辑器没有新建下一年度报告\(reason)。",
        en: "The editor did not create next year's report\(reason.isEmpty ? "" : " " + reason)."
      ),
      type: 1
    )
  }

  /// Asks the editor to open a document and bring it to the front.
  func showDocument(_ uri: String) {
    request("window/showDocument", .object([("uri", .string(uri)), ("takeFocus", true)]))
  }

  /// Writes a new file (never over an existing one); whether it was written.
  private func write(_ text: String, toNewFile path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      written += n
    }
    return true
  }

  func showMessage(_ message: LocalizedText, type: Int) {
    send(
      Outgoing.notification(
        "window/showMessage",
        .object([("type", .int(type)), ("message", .string("nianbao: " + message.text(language)))])
      )
    )
  }

  /// Beside the report, named like it with the year one on (`白石镇2025年度报告.txt` →
  /// `白石镇2026年度报告.txt`, else `报告-2026.txt`); nil for a report not saved as a file.
  static func nextYearURI(_ uri: String, year: Int) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    let name = url.lastPathComponent
    let newName: String
    if let found = name.range(of: String(year), options: .backwards) {
      newName = name.replacingCharacters(in: found, with: String(year + 1))
    } else {
      let stem = (name as NSString).deletingPathExtension
      let ext = (name as NSString).pathExtension
      newName = "\(stem)-\(year + 1)" + (ext.isEmpty ? "" : ".\(ext)")
    }
    return url.deletingLastPathComponent().appendingPathComponent(newName).absoluteString
  }
}
