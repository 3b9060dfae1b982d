import NianbaoCore

/// A team's `nianbao.toml`: the settings for the reports in its folder and below.
///
/// ```toml
/// language = "en"
/// agency = "government"
/// deadline = "03-31"
/// previous = "2024/年度报告.txt"
/// exclude = ["草稿/**"]
/// [rules]
/// NB307 = "off"
/// [[overrides]]
/// paths = ["乡镇/**"]
/// rules.NB114 = "off"
/// ```
package struct ConfigFile: Sendable, Hashable {
  package static let name = "nianbao.toml"

  /// A value and the line it was written on.
  package struct Setting<Value: Sendable & Hashable>: Sendable, Hashable {
    package var value: Value
    package var line: Int

    package init(value: Value, line: Int) {
      self.value = value
      self.line = line
    }
  }

  /// `NB307 = "off"`: nil level is off.
  package struct RuleLevel: Sendable, Hashable {
    package var code: String
    package var level: Severity?
    package var line: Int

    package init(code: String, level: Severity?, line: Int) {
      self.code = code
      self.level = level
      self.line = line
    }
  }

  /// One `[[overrides]]` table: settings for the files its `paths` match.
  package struct Override: Sendable, Hashable {
    package var paths: [String]
    package var rules: [RuleLevel] = []
    package var agency: Setting<AgencyKind>?
    package var deadline: Setting<MonthDay>?
    /// Last year's report, relative to this file's folder.
    package var previous: Setting<String>?
    package var line: Int
  }

  /// The file's path, as found (absolute when found by walking up from a report).
  package var path: String
  package var directory: String { Glob.parent(of: path) }
  package var language: Setting<Language>?
  package var rules: [RuleLevel] = []
  package var agency: Setting<AgencyKind>?
  package var deadline: Setting<MonthDay>?
  /// Last year's report (for the cross-year rules), relative to this file's folder.
  package var previous: Setting<String>?
  /// Patterns of the files a folder walk checks (all `.txt` and `.md` when nil).
  package var include: [String]?
  /// Patterns of the files and folders a folder walk skips.
  package var exclude: [String] = []
  package var overrides: [Override] = []

  package init(path: String, text: String) throws(ConfigError) {
    self.path = path
    let table: TOMLTable
    do {
      table = try TOMLReader.parse(text)
    } catch {
      throw ConfigError(path: path, position: error.position, message: error.message)
    }
    let reader = ConfigReader(path: path)
    for entry in table.entries {
      let value = entry.value
      switch entry.key {
      case "language":
        let code = try reader.string(value, key: "language").lowercased()
        guard let parsed = Language(rawValue: String(code.prefix(2))), code.count == 2 || code.dropFirst(2).first == "-"
        else {
          throw reader.error(
            value,
            LocalizedText(zh: "language 只能是 \"zh\" 或 \"en\"", en: "language is \"zh\" or \"en\"")
          )
        }
        language = Setting(value: parsed, line: value.position.line)
      case "rules": rules = try reader.rules(value)
      case "agency": agency = try reader.agency(value)
      case "deadline": deadline = try reader.deadline(value)
      case "previous": previous = try reader.previous(value)
      case "include": include = try reader.strings(value, key: "include")
      case "exclude": exclude = try reader.strings(value, key: "exclude")
      case "overrides": overrides = try reader.overrides(value)
      default:
        throw reader.unknownKey(
          entry,
          known: ["language", "rules", "agency", "deadline", "previous", "include", "exclude", "overrides"]
        )
      }
    }
  }

  /// The overrides whose `paths` match a file, given relative to this file's folder.
  package func overrides(matching relativePath: String) -> [(number: Int, override: Override)] {
    overrides.enumerated().compactMap { index, override in
      override.paths.contains { Glob.matches($0, relativePath) } ? (index + 1, override) : nil
    }
  }

  /// Whether a folder walk skips a file (given relative to this file's folder).
  package func excludes(_ relativePath: String) -> Bool {
    if exclude.contains(where: { Glob.matches($0, relativePath) }) { return true }
    guard let include else { return false }
    return !include.contains { Glob.matches($0, relativePath) }
  }
}

/// A `nianbao.toml` that cannot be used: the file, the place and what is wrong.
package struct ConfigError: Error, Sendable, Hashable {
  package var path: String
  package var position: TOMLPosition
  package var message: LocalizedText

  /// `nianbao.toml:3:9: …`, as compilers print errors.
  package func text(_ language: Language) -> String { "\(path):\(position): \(message.text(language))" }
}

/// Reads the values of a parsed `nianbao.toml`, each checked where it is written.
private struct ConfigReader {
  let path: String

  func error(_ value: TOMLValue, _ message: LocalizedText) -> ConfigError {
    ConfigError(path: path, position: value.position, message: message)
  }

  func unknownKey(_ entry: TOMLTable.Entry, known: [String], in table: String? = nil) -> ConfigError {
    let place = table.map { "[\($0)] " } ?? ""
    return ConfigError(
      path: path,
      position: entry.keyPosition,
      message: LocalizedText(
        zh: "\(place)未知的键“\(entry.key)”；可用的键：\(known.joined(separator: "、"))",
        en:
          "unknown key “\(entry.key)” \(table.map { "in [\($0)] " } ?? "")(known keys: \(known.joined(separator: ", ")))"
      )
    )
  }

  func string(_ value: TOMLValue, key: String) throws(ConfigError) -> String {
    guard let string = value.string else {
      throw error(
        value,
        LocalizedText(
          zh: "\(key) 应为字符串，而不是\(value.kindName.zh)",
          en: "\(key) must be a string, not \(value.kindName.en)"
        )
      )
    }
    return string
  }

  func strings(_ value: TOMLValue, key: String) throws(ConfigError) -> [String] {
    guard case .array(let items) = value.kind else {
      throw error(
        value,
        LocalizedText(
          zh: "\(key) 应为字符串数组，例如 [\"草稿/**\"]",
          en: "\(key) must be an array of strings, e.g. [\"drafts/**\"]"
        )
      )
    }
    var result: [String] = []
    for item in items {
      let pattern = try string(item, key: key)
      if let problem = Glob.problem(pattern) { throw error(item, problem) }
      result.append(pattern)
    }
    return result
  }

  func rules(_ value: TOMLValue) throws(ConfigError) -> [ConfigFile.RuleLevel] {
    guard let table = value.table else {
      throw error(
        value,
        LocalizedText(
          zh: "rules 应为表，例如 [rules] 下写 NB307 = \"off\"",
          en: "rules must be a table, e.g. NB307 = \"off\" under [rules]"
        )
      )
    }
    var result: [ConfigFile.RuleLevel] = []
    for entry in table.entries {
      guard let rule = Rule.named(entry.key) else {
        throw ConfigError(
          path: path,
          position: entry.keyPosition,
          message: LocalizedText(
            zh: "没有规则“\(entry.key)”（用 nianbao --list-rules 查看全部规则）",
            en: "there is no rule “\(entry.key)” (see nianbao --list-rules)"
          )
        )
      }
      let level = try string(entry.value, key: rule.code)
      var policy = SeverityPolicy()
      do {
        try policy.set(rule.code, to: level)
      } catch {
        throw self.error(
          entry.value,
          LocalizedText(
            zh: "级别“\(level)”无效，可用 error、warning、info、hint、off",
            en: "level “\(level)” is not one of error, warning, info, hint, off"
          )
        )
      }
      result.append(
        ConfigFile.RuleLevel(code: rule.code, level: policy.overrides[rule.code]!, line: entry.keyPosition.line)
      )
    }
    return result
  }

  func agency(_ value: TOMLValue) throws(ConfigError) -> ConfigFile.Setting<AgencyKind> {
    guard let kind = AgencyKind(rawValue: try string(value, key: "agency")) else {
      throw error(
        value,
        LocalizedText(
          zh: "agency 只能是 \"department\"（政府部门，1月31日前公布）或 \"government\"（人民政府，3月31日前公布）",
          en: "agency is \"department\" (published by 31 January) or \"government\" (by 31 March)"
        )
      )
    }
    return ConfigFile.Setting(value: kind, line: value.position.line)
  }

  func deadline(_ value: TOMLValue) throws(ConfigError) -> ConfigFile.Setting<MonthDay> {
    let text = try string(value, key: "deadline")
    guard let day = MonthDay(text) else {
      throw error(
        value,
        LocalizedText(
          zh: "deadline“\(text)”不是月-日，例如 \"03-31\"（报告年度次年的这一天）",
          en: "deadline “\(text)” is not a month-day such as \"03-31\" (that day of the year after the report year)"
        )
      )
    }
    // The deadline falls in the year after the report year, which is a leap year only one time
    // in four: a deadline that does not exist in most years is refused, not moved.
    if day.month == 2, day.day == 29 {
      throw error(
        value,
        LocalizedText(
          zh: "deadline“02-29”不是每年都有的日子（只有闰年有），请写 \"02-28\" 或 \"03-01\"",
          en: "deadline “02-29” is not a day of every year (only of leap years); write \"02-28\" or \"03-01\""
        )
      )
    }
    return ConfigFile.Setting(value: day, line: value.position.line)
  }

  func previous(_ value: TOMLValue) throws(ConfigError) -> ConfigFile.Setting<String> {
    let text = try string(value, key: "previous")
    guard !text.isEmpty else {
      throw error(
        value,
        LocalizedText(
          zh: "previous 应为上年报告的路径（相对于 nianbao.toml 所在文件夹），例如 \"2024/年度报告.txt\"",
          en:
            "previous is the path of last year's report (relative to the folder of nianbao.toml), e.g. \"2024/report.txt\""
        )
      )
    }
    return ConfigFile.Setting(value: text, line: value.position.line)
  }

  func overrides(_ value: TOMLValue) throws(ConfigError) -> [ConfigFile.Override] {
    guard case .tables(let tables) = value.kind else {
      throw error(
        value,
        LocalizedText(
          zh: "overrides 应写成 [[overrides]] 表，每个表有 paths",
          en: "overrides are written as [[overrides]] tables, each with paths"
        )
      )
    }
    var result: [ConfigFile.Override] = []
    for table in tables {
      var override = ConfigFile.Override(paths: [], line: table.position.line)
      var hasPaths = false
      for entry in table.entries {
        switch entry.key {
        case "paths":
          override.paths = try strings(entry.value, key: "paths")
          hasPaths = true
        case "rules": override.rules = try rules(entry.value)
        case "agency": override.agency = try agency(entry.value)
        case "deadline": override.deadline = try deadline(entry.value)
        case "previous": override.previous = try previous(entry.value)
        default:
          throw unknownKey(entry, known: ["paths", "rules", "agency", "deadline", "previous"], in: "[overrides]")
        }
      }
      guard hasPaths else {
        throw ConfigError(
          path: path,
          position: table.position,
          message: LocalizedText(
            zh: "[[overrides]] 缺少 paths，例如 paths = [\"乡镇/**\"]",
            en: "[[overrides]] needs paths, e.g. paths = [\"towns/**\"]"
          )
        )
      }
      result.append(override)
    }
    return result
  }
}
