import NianbaoCore

/// The settings that apply to one report, each with where it came from: the built-in default,
/// a line of `nianbao.toml`, one of its `[[overrides]]`, or the command line / the editor.
///
/// Later sources win: the file, then its overrides in order, then the command line (`--rule`,
/// `--lang`) or the editor's settings.
package struct AppliedSettings: Sendable, Hashable {
  package enum Source: Sendable, Hashable {
    case builtIn
    case file(path: String, line: Int)
    case override(number: Int, path: String, line: Int)
    case commandLine(String)
    case editor

    package var text: LocalizedText {
      switch self {
      case .builtIn: return LocalizedText(zh: "默认", en: "default")
      case .file(let path, let line): return LocalizedText(zh: "\(path):\(line)", en: "\(path):\(line)")
      case .override(let number, let path, let line):
        return LocalizedText(zh: "覆盖 \(number)（\(path):\(line)）", en: "override \(number) (\(path):\(line))")
      case .commandLine(let option): return LocalizedText(zh: "命令行 \(option)", en: "command line \(option)")
      case .editor: return LocalizedText(zh: "编辑器设置", en: "editor settings")
      }
    }
  }

  package struct Sourced<Value: Sendable & Hashable>: Sendable, Hashable {
    package var value: Value
    package var source: Source

    package init(value: Value, source: Source) {
      self.value = value
      self.source = source
    }
  }

  package var config: ConfigFile?
  package var language = Sourced<Language?>(value: nil, source: .builtIn)
  /// The rules some source sets (the others keep their own level).
  package var rules: [String: Sourced<Severity?>] = [:]
  package var agency = Sourced<AgencyKind?>(value: nil, source: .builtIn)
  package var deadline = Sourced<MonthDay?>(value: nil, source: .builtIn)
  /// Last year's report named by the settings, as an absolute path (else it is looked for).
  package var previous = Sourced<String?>(value: nil, source: .builtIn)

  /// The settings of `config` for the report at `absolutePath`.
  package init(config: ConfigFile?, file absolutePath: String) {
    self.config = config
    guard let config else { return }
    let path = config.path
    if let language = config.language {
      self.language = Sourced(value: language.value, source: .file(path: path, line: language.line))
    }
    if let agency = config.agency {
      self.agency = Sourced(value: agency.value, source: .file(path: path, line: agency.line))
    }
    if let deadline = config.deadline {
      self.deadline = Sourced(value: deadline.value, source: .file(path: path, line: deadline.line))
    }
    if let previous = config.previous {
      self.previous = Sourced(
        value: Glob.resolve(previous.value, from: config.directory),
        source: .file(path: path, line: previous.line)
      )
    }
    for rule in config.rules {
      rules[rule.code] = Sourced(value: rule.level, source: .file(path: path, line: rule.line))
    }
    for (number, override) in config.overrides(matching: Glob.relative(absolutePath, to: config.directory)) {
      for rule in override.rules {
        rules[rule.code] = Sourced(value: rule.level, source: .override(number: number, path: path, line: rule.line))
      }
      if let agency = override.agency {
        self.agency = Sourced(value: agency.value, source: .override(number: number, path: path, line: agency.line))
      }
      if let previous = override.previous {
        self.previous = Sourced(
          value: Glob.resolve(previous.value, from: config.directory),
          source: .override(number: number, path: path, line: previous.line)
        )
      }
      if let deadline = override.deadline {
        self.deadline = Sourced(
          value: deadline.value,
          source: .override(number: number, path: path, line: deadline.line)
        )
      }
    }
  }

  /// Takes the rule levels of the command line or the editor over the file's.
  package mutating func override(with policy: SeverityPolicy, source: (String, Severity?) -> Source) {
    for (code, level) in policy.overrides { rules[code] = Sourced(value: level, source: source(code, level)) }
  }

  package var policy: SeverityPolicy {
    var policy = SeverityPolicy()
    for (code, level) in rules { try? policy.set(code, to: level.value?.name ?? "off") }
    return policy
  }

  package var checkerOptions: CheckerOptions { CheckerOptions(agency: agency.value, deadline: deadline.value) }
}
