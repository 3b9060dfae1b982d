import NianbaoCore

public struct CheckOptions: Sendable {
  public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case github
    case gitlab
    case junit
    case html
  }

  public var paths: [String] = []
  public var format: OutputFormat = .text
  public var fix = false
  public var diff = false
  public var language: Language = .zh
  public var strict = false
  public var stdinFilename: String?
  public var policy = SeverityPolicy()
  /// Files done / total on standard error while checking (when it is a terminal).
  public var showsProgress = false
  /// `--lang` was given: it wins over `language` in `nianbao.toml`.
  public var languageGiven = false
  /// `--add-suppressions`: accept every finding shown, in `nianbao-suppressions.json`.
  public var addSuppressions = false
  /// `--show-suppressed`: print suppressed findings too, marked (never counted).
  public var showSuppressed = false
  /// `--only-reports` (the pre-commit hook, which names every staged `.txt` and `.md`): a file
  /// named on the command line is taken as a folder walk takes it, so that one that is not a
  /// report (a README, notes) is passed over without a word instead of getting NB100.
  public var onlyReports = false

  public init() {}
}
