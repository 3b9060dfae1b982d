import NianbaoCheck
import NianbaoCore

/// What the command line asks for.
enum Command {
  case serve(logFile: String?)
  case check(CheckOptions)
  case newReport(NewReportCommand.Options)
  case formatTables(CheckOptions)
  case showSettings(CheckOptions)
  case listRules(Language)
  case explain(String, Language)
  case version
  case help(Language)
}

struct UsageError: Error {
  var message: LocalizedText
}

/// Parses the command line. Kept small and exact: every option is listed in ``Usage``.
enum Arguments {
  static func parse(_ arguments: [String]) throws(UsageError) -> Command {
    if arguments.first == "new" { return .newReport(try NewReportArguments.parse(Array(arguments.dropFirst()))) }
    var options = CheckOptions()
    var mode: String?
    var explainCode: String?
    var logFile: String?
    var index = 0
    func value(for option: String) throws(UsageError) -> String {
      index += 1
      guard index < arguments.count else {
        throw UsageError(message: LocalizedText(zh: "选项 \(option) 需要一个值", en: "option \(option) needs a value"))
      }
      return arguments[index]
    }
    func setMode(_ new: String) throws(UsageError) {
      if let mode, mode != new {
        throw UsageError(
          message: LocalizedText(zh: "\(mode) 和 \(new) 不能同时使用", en: "\(mode) and \(new) cannot be used together")
        )
      }
      mode = new
    }
    var onlyPaths = false
    /// Options of a check given on the command line: without a mode they do not start the server.
    var checkOptions: [String] = []
    while index < arguments.count {
      let argument = arguments[index]
      var name = argument
      var inline: String?
      if !onlyPaths, argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      func optionValue() throws(UsageError) -> String {
        if let inline { return inline }
        return try value(for: name)
      }
      if onlyPaths || !argument.hasPrefix("-") || argument == "-" {
        options.paths.append(argument)
        index += 1
        continue
      }
      if [
        "--fix", "--diff", "--strict", "--format", "--lang", "--stdin-filename", "--rule", "--add-suppressions",
        "--show-suppressed",
      ]
      .contains(name) {
        checkOptions.append(name)
      }
      switch name {
      case "--": onlyPaths = true
      case "--stdio": try setMode("--stdio")
      case "--check": try setMode("--check")
      case "--format-tables": try setMode("--format-tables")
      case "--fix": options.fix = true
      case "--diff": options.diff = true
      case "--strict": options.strict = true
      case "--format":
        let format = try optionValue()
        guard let parsed = CheckOptions.OutputFormat(rawValue: format) else {
          let formats = CheckOptions.OutputFormat.allCases.map(\.rawValue)
          throw UsageError(
            message: LocalizedText(
              zh: "--format 只能是 \(formats.joined(separator: "、"))，而不是“\(format)”",
              en: "--format is one of \(formats.joined(separator: ", ")), not “\(format)”"
            )
          )
        }
        options.format = parsed
      case "--lang":
        let lang = try optionValue()
        guard let parsed = Language(rawValue: lang.lowercased().prefix(2).description) else {
          throw UsageError(
            message: LocalizedText(zh: "--lang 只能是 zh 或 en，而不是“\(lang)”", en: "--lang is zh or en, not “\(lang)”")
          )
        }
        options.language = parsed
        options.languageGiven = true
      case "--stdin-filename": options.stdinFilename = try optionValue()
      case "--rule":
        let setting = try optionValue()
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
          throw UsageError(
            message: LocalizedText(zh: "--rule 的写法是 代码=级别，例如 NB307=off", en: "--rule takes CODE=LEVEL, e.g. NB307=off")
          )
        }
        do {
          try options.policy.set(parts[0], to: parts[1])
        } catch {
          switch error {
          case .unknownRule(let code):
            throw UsageError(
              message: LocalizedText(
                zh: "没有规则“\(code)”（用 --list-rules 查看全部规则）",
                en: "there is no rule “\(code)” (see --list-rules)"
              )
            )
          case .unknownSeverity(let level):
            throw UsageError(
              message: LocalizedText(
                zh: "级别“\(level)”无效，可用 error、warning、info、hint、off",
                en: "level “\(level)” is not one of error, warning, info, hint, off"
              )
            )
          }
        }
      case "--log-file": logFile = try optionValue()
      case "--add-suppressions": options.addSuppressions = true
      case "--show-suppressed": options.showSuppressed = true
      case "--only-reports": options.onlyReports = true
      case "--show-settings": try setMode("--show-settings")
      case "--list-rules": try setMode("--list-rules")
      case "--explain":
        try setMode("--explain")
        explainCode = try optionValue()
      case "--version", "-V": try setMode("--version")
      case "--help", "-h": try setMode("--help")
      default:
        throw UsageError(
          message: LocalizedText(
            zh: "未知选项“\(argument)”（用 --help 查看用法）",
            en: "unknown option “\(argument)” (see --help)"
          )
        )
      }
      index += 1
    }
    switch mode {
    case nil, "--stdio":
      guard options.paths.isEmpty, !options.fix, !options.diff else {
        throw UsageError(
          message: LocalizedText(
            zh: "检查文件请加 --check，例如：nianbao --check 报告.txt",
            en: "to check files, add --check, e.g. nianbao --check report.txt"
          )
        )
      }
      if let option = checkOptions.first {
        throw UsageError(
          message: LocalizedText(
            zh:
              "\(option) 用于检查文件，请加 --check，例如：nianbao --check \(option == "--format" ? "--format json " : "")报告.txt；语言服务器只接受 --stdio 和 --log-file",
            en:
              "\(option) is for checking files: add --check, e.g. nianbao --check \(option == "--format" ? "--format json " : "")report.txt; the language server takes only --stdio and --log-file"
          )
        )
      }
      return .serve(logFile: logFile)
    case "--check":
      guard !options.paths.isEmpty else {
        throw UsageError(
          message: LocalizedText(
            zh: "--check 需要至少一个文件或文件夹（“-”表示标准输入）",
            en: "--check needs at least one file or folder (“-” for standard input)"
          )
        )
      }
      if options.fix && options.diff {
        throw UsageError(
          message: LocalizedText(zh: "--fix 和 --diff 不能同时使用", en: "--fix and --diff cannot be used together")
        )
      }
      if options.fix && options.paths.contains("-") {
        throw UsageError(
          message: LocalizedText(
            zh: "--fix 不能写回标准输入；请用 --diff 查看修改",
            en: "--fix cannot write back to standard input; use --diff to see the changes"
          )
        )
      }
      return .check(options)
    case "--format-tables":
      guard !options.paths.isEmpty, !options.fix else {
        throw UsageError(
          message: LocalizedText(
            zh: "--format-tables 需要至少一个文件（“-”表示标准输入），例如：nianbao --format-tables 报告.txt；不与 --fix 同用",
            en:
              "--format-tables takes one or more files (“-” for standard input), e.g. nianbao --format-tables report.txt; not with --fix"
          )
        )
      }
      return .formatTables(options)
    case "--show-settings":
      guard options.paths.count == 1, options.paths != ["-"] else {
        throw UsageError(
          message: LocalizedText(
            zh: "--show-settings 需要一个文件，例如：nianbao --show-settings 报告/2025年度报告.txt",
            en: "--show-settings takes one file, e.g. nianbao --show-settings reports/2025.txt"
          )
        )
      }
      return .showSettings(options)
    case "--list-rules": return .listRules(options.language)
    case "--explain": return .explain(explainCode ?? "", options.language)
    case "--version": return .version
    default: return .help(options.language)
    }
  }
}
