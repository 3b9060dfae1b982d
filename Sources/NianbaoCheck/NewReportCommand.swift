import Foundation
import NianbaoCore
import NianbaoFiles

/// `nianbao new`: writes the skeleton of next year's report (`--from` last year's report) or a
/// blank report (`--year`, `--agency`), to standard output or to a new file.
public enum NewReportCommand {
  public struct Options: Sendable {
    public enum Source: Sendable, Equatable {
      case lastYear(path: String)
      case blank(year: Int, agency: String)
    }
    public var source: Source
    public var output: String?
    /// `--force`: replace an existing output file.
    public var force = false
    public var language: Language = .zh

    public init(source: Source) { self.source = source }
  }

  public static func run(
    _ options: Options,
    output: (String) -> Void,
    errorOutput: (String) -> Void
  ) -> CheckCommand.ExitCode {
    let language = options.language
    func fail(_ message: LocalizedText) -> CheckCommand.ExitCode {
      errorOutput("nianbao: " + message.text(language) + "\n")
      return .failure
    }
    let draft: NextYearReport
    switch options.source {
    case .blank(let year, let agency):
      draft = NextYearReport.blank(year: year, agency: agency)
    case .lastYear(let path):
      let file: ReportFile
      do throws(ReportFile.ReadError) {
        file = try ReportFile.read(path: path)
      } catch {
        errorOutput("nianbao: " + error.message(language, path: path) + "\n")
        return .failure
      }
      guard let next = NextYearReport.following(ReportParser.parse(file.text)) else {
        return fail(
          LocalizedText(
            zh: "\(path): 没有找到带年度的报告标题（“××××年政府信息公开工作年度报告”），无法推出下一年度",
            en: "\(path): no report title with a year (“YYYY年政府信息公开工作年度报告”), so there is no next year to write"
          )
        )
      }
      draft = next
    }
    for note in draft.notes { errorOutput("nianbao: " + note.text(language) + "\n") }
    guard let path = options.output else {
      output(draft.text)
      return .clean
    }
    if !options.force, FileManager.default.fileExists(atPath: path) {
      return fail(
        LocalizedText(
          zh: "\(path) 已存在，没有覆盖；换一个文件名，或加 --force 覆盖",
          en: "\(path) already exists and was not replaced; choose another name, or add --force to replace it"
        )
      )
    }
    do throws(AtomicWriter.WriteError) {
      try AtomicWriter.write(Array(draft.text.utf8), to: path)
    } catch {
      return fail(LocalizedText(zh: "\(path): 无法写入（\(error.reason)）", en: "\(path): cannot write it (\(error.reason))"))
    }
    errorOutput(
      "nianbao: "
        + LocalizedText(
          zh: "已写入 \(path)（\(draft.year) 年度报告框架；“【待填写：……】”处写好正文后删除标记）",
          en:
            "wrote \(path) (the skeleton of the \(draft.year) report; write the text where it says 【待填写：……】 and remove the marks)"
        ).text(language) + "\n"
    )
    return .clean
  }
}
