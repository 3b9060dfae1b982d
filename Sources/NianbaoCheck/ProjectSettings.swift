import Foundation
import NianbaoConfig
import NianbaoCore

/// The settings of one file of a `--check` run: its `nianbao.toml` (if any) with the command
/// line over it, and where its suppressions live.
struct FileSettings: Sendable {
  var applied: AppliedSettings
  /// The file's path, absolute, or the name given to standard input.
  var absolutePath: String
  var suppressionsPath: String

  var policy: SeverityPolicy { applied.policy }
  /// The language of the file's findings: `--lang`, else its `nianbao.toml`'s.
  var language: Language? { applied.language.value }
  /// The file's path as its suppressions file names it.
  var suppressionKey: String { Glob.relative(absolutePath, to: Glob.parent(of: suppressionsPath)) }
}

/// Finds and applies `nianbao.toml` for the files of a `--check` run.
struct ProjectSettings {
  let store = ConfigStore()
  let options: CheckOptions

  /// The settings for a file (or for standard input read under `name`), or for the reports in a
  /// folder (`--show-settings .`).
  func settings(for path: String) -> Result<FileSettings, ConfigError> {
    let absolute = ConfigStore.absolute(path)
    var isDirectory: ObjCBool = false
    let folder =
      path == "<stdin>"
      ? "."
      : FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        ? absolute : Glob.parent(of: absolute)
    return store.config(forDirectory: folder).map { config in
      var applied = AppliedSettings(config: config, file: absolute)
      applied.override(with: options.policy) { code, level in .commandLine("--rule \(code)=\(level?.name ?? "off")") }
      if options.languageGiven { applied.language = .init(value: options.language, source: .commandLine("--lang")) }
      return FileSettings(
        applied: applied,
        absolutePath: absolute,
        suppressionsPath: store.suppressionsPath(for: config, folder: folder)
      )
    }
  }

  /// The settings of every entry, leaving out the files a folder walk found that `exclude` /
  /// `include` leave out. Nil after printing the errors of settings files that cannot be used.
  func settings(for entries: inout [FileWalker.Entry], errorOutput: (String) -> Void) -> [FileSettings]? {
    var kept: [FileWalker.Entry] = []
    var settings: [FileSettings] = []
    var errors: [ConfigError] = []
    for entry in entries {
      switch self.settings(for: entry.path) {
      case .failure(let error):
        if !errors.contains(error) { errors.append(error) }
      case .success(let found):
        guard entry.explicitlyNamed || !excludes(found) else { continue }
        kept.append(entry)
        settings.append(found)
      }
    }
    let language = runLanguage()
    for error in errors { errorOutput("nianbao: \(error.text(language))\n") }
    guard errors.isEmpty else { return nil }
    // Last year's report named in a settings file that is not there: no comparison can be made.
    var missing: [String] = []
    for setting in settings {
      guard let previous = setting.applied.previous.value, !missing.contains(previous),
        !FileManager.default.fileExists(atPath: previous)
      else { continue }
      missing.append(previous)
      let place = setting.applied.previous.source.text.text(language)
      errorOutput(
        language == .zh
          ? "nianbao: \(place): warning: previous 指向的文件 \(previous) 不存在，未与上年报告比较\n"
          : "nianbao: \(place): warning: previous names \(previous), which does not exist; nothing was compared with last year's report\n"
      )
    }
    entries = kept
    return settings
  }

  /// Whether a file found by walking a folder is left out by its `exclude` / `include`.
  func excludes(_ settings: FileSettings) -> Bool {
    guard let config = settings.applied.config else { return false }
    return config.excludes(Glob.relative(settings.absolutePath, to: config.directory))
  }

  /// The language of the run's own lines (summary, errors): `--lang`, else that of the
  /// `nianbao.toml` of the current folder, else Chinese.
  func runLanguage() -> Language {
    if options.languageGiven { return options.language }
    if case .success(let config?) = store.config(forDirectory: "."), let language = config.language {
      return language.value
    }
    return options.language
  }
}
