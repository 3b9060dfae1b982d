import Foundation
import NianbaoConfig
import NianbaoCore

/// `nianbao --show-settings FILE`: the settings that apply to a report and where each came from.
public enum ShowSettings {
  public static func run(
    _ options: CheckOptions,
    output: (String) -> Void,
    errorOutput: (String) -> Void
  ) -> CheckCommand.ExitCode {
    var options = options
    let project = ProjectSettings(options: options)
    options.language = project.runLanguage()
    let language = options.language
    let path = options.paths[0]
    let settings: FileSettings
    switch project.settings(for: path) {
    case .success(let found): settings = found
    case .failure(let error):
      errorOutput("nianbao: \(error.text(language))\n")
      return .failure
    }
    var isDirectory: ObjCBool = false
    let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    output(text(settings, path: path, folder: folder, excluded: project.excludes(settings), language))
    return .clean
  }

  static func text(_ settings: FileSettings, path: String, folder: Bool, excluded: Bool, _ language: Language) -> String
  {
    let zh = language == .zh
    let applied = settings.applied
    var lines: [String] = []
    lines.append(zh ? "适用于 \(path) 的设置" : "Settings for \(path)")
    if let config = applied.config {
      lines.append((zh ? "配置文件  " : "config file   ") + config.path)
    } else {
      let start = folder ? settings.absolutePath : Glob.parent(of: settings.absolutePath)
      lines.append(
        zh
          ? "配置文件  无（从 \(start) 向上直到根目录都没有 nianbao.toml）"
          : "config file   none (no nianbao.toml in \(start) or any folder above)"
      )
    }
    lines.append((zh ? "抑制文件  " : "suppressions  ") + settings.suppressionsPath)
    if let config = applied.config, !folder, !config.exclude.isEmpty || config.include != nil {
      let walk =
        zh
        ? "遍历文件夹时\(excluded ? "跳过" : "检查")此文件（include \(config.include ?? ["全部"])，exclude \(config.exclude)）"
        : "folder walks \(excluded ? "skip" : "check") this file (include \(config.include ?? ["all"]), exclude \(config.exclude))"
      lines.append((zh ? "文件夹    " : "walks         ") + walk)
    }
    lines.append("")
    var rows: [(String, String, AppliedSettings.Source)] = []
    rows.append(
      (
        "language", applied.language.value?.rawValue ?? (zh ? "zh（或编辑器的语言）" : "zh (or the editor's)"),
        applied.language.source
      )
    )
    rows.append(
      ("agency", applied.agency.value?.rawValue ?? (zh ? "按报告标题判断" : "read from the title"), applied.agency.source)
    )
    rows.append(
      (
        "deadline",
        applied.deadline.value?.description
          ?? (zh ? "法定期限（部门 01-31，人民政府 03-31）" : "legal (01-31 departments, 03-31 governments)"),
        applied.deadline.source
      )
    )
    rows.append(
      (
        "previous",
        applied.previous.value
          ?? (zh ? "按标题在检查的文件中查找（编辑器中为工作区）" : "found by title among the files checked (the workspace, in the editor)"),
        applied.previous.source
      )
    )
    for rule in Rule.all {
      let level = applied.rules[rule.code]
      let name = level.map { $0.value?.name ?? "off" } ?? rule.severity.name
      rows.append((rule.code, name, level?.source ?? .builtIn))
    }
    let keyWidth = rows.map(\.0.count).max() ?? 0
    let valueWidth = rows.map { displayWidth($0.1) }.max() ?? 0
    for (key, value, source) in rows {
      lines.append(
        key.padded(to: keyWidth) + "  " + value + String(repeating: " ", count: valueWidth - displayWidth(value)) + "  "
          + source.text.text(language)
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Columns a terminal gives a text: two for a Chinese character.
  private static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
  }
}

extension String {
  fileprivate func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
