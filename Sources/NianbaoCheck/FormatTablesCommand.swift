import Foundation
import NianbaoCore
import NianbaoFiles

/// `nianbao --format-tables FILE…`: rewrites each report's tables into the one clean layout and
/// numbers its headings, in place (atomically, in the file's encoding, BOM and line endings
/// kept); folders are walked as `--check` walks them; with `--diff`, prints the changes instead;
/// `-` formats standard input to standard output.
public enum FormatTablesCommand {
  public static func run(
    _ options: CheckOptions,
    readStandardInput: () -> [UInt8],
    output: (String) -> Void,
    outputBytes: (([UInt8]) -> Void)? = nil,
    errorOutput: (String) -> Void
  ) -> CheckCommand.ExitCode {
    let language = options.language
    var failed = false
    var changedFiles = 0
    var tables = 0
    var headings = 0
    var formattable = 0
    var entries: [FileWalker.Entry] = []
    for path in options.paths {
      if path == "-" {
        entries.append(FileWalker.Entry(path: path, explicitlyNamed: true))
        continue
      }
      do throws(FileWalker.WalkError) {
        entries += try FileWalker.files(for: [path])
      } catch {
        errorOutput(
          language == .zh
            ? "nianbao: 找不到“\(path)”（既不是文件也不是文件夹）\n"
            : "nianbao: “\(path)” does not exist (neither a file nor a folder)\n"
        )
        failed = true
      }
    }
    for entry in entries {
      let path = entry.path
      // Tables are laid out in text: a web page's, a Word document's or a PDF's layout is its own.
      if path != "-", ReportInput.kind(ofPath: path) != .text {
        if entry.explicitlyNamed {
          errorOutput(
            language == .zh
              ? "nianbao: \(path): --format-tables 只整理文本报告（.txt、.md）；网页、Word 文档和 PDF 的表格请在原稿中整理\n"
              : "nianbao: \(path): --format-tables lays out text reports only (.txt, .md); lay out a web page's, a Word document's or a PDF's tables in its original\n"
          )
        }
        continue
      }
      let file: ReportFile
      do throws(ReportFile.ReadError) {
        file = path == "-" ? try ReportFile.decode(readStandardInput(), path: path) : try ReportFile.read(path: path)
      } catch {
        errorOutput("nianbao: " + error.message(language, path: path) + "\n")
        failed = true
        continue
      }
      let report = ReportParser.parse(file.text)
      // Found in a folder and not a report (notes, a README): not touched, not counted.
      if !entry.explicitlyNamed && !report.looksLikeReport { continue }
      if path != "-" { formattable += 1 }
      let plan = ReportFormatter.plan(report)
      let text = plan.edits.applied(to: report.source)
      if path == "-" && !options.diff {
        output(text)
        continue
      }
      guard text != file.text else { continue }
      changedFiles += 1
      tables += plan.tables
      headings += plan.headings
      if options.diff {
        // A patch in the file's own bytes, as `--check --diff` writes it.
        if let patch = UnifiedDiff.patch(file, new: text, path: path) {
          if let outputBytes { outputBytes(patch) } else { output(String(decoding: patch, as: UTF8.self)) }
        } else {
          errorOutput(
            "nianbao: "
              + (language == .zh
                ? "\(path): 文件是 \(file.encoding.name) 编码，补丁工具无法按文本应用，未列入 diff"
                : "\(path): the file is \(file.encoding.name), which patch tools cannot apply as text; it is not in the diff")
              + "\n"
          )
        }
        continue
      }
      let changedMeanwhile = LocalizedText(
        zh: "文件在整理期间被别人修改过，请再运行一次",
        en: "someone changed the file meanwhile; run again"
      )
      if let reason = file.writeBack(text, changedMeanwhile: changedMeanwhile, language: language) {
        errorOutput(
          "nianbao: "
            + (language == .zh
              ? "\(path): 无法写入（\(reason)），文件未改动" : "\(path): could not write it (\(reason)); the file is unchanged")
            + "\n"
        )
        failed = true
        changedFiles -= 1
      }
    }
    let files = formattable
    if entries.contains(where: { $0.path != "-" }) {
      let verb = options.diff ? LocalizedText(zh: "需整理", en: "would change") : LocalizedText(zh: "已整理", en: "formatted")
      errorOutput(
        "nianbao: "
          + LocalizedText(
            zh: "\(verb.zh) \(files) 个文件中的 \(changedFiles) 个（\(tables) 张表，\(headings) 处章节编号）",
            en:
              "\(verb.en) \(changedFiles) of \(files) \(files == 1 ? "file" : "files") (\(tables) \(tables == 1 ? "table" : "tables"), \(headings) heading \(headings == 1 ? "number" : "numbers"))"
          ).text(language) + "\n"
      )
    }
    return failed ? .failure : .clean
  }
}
