import NianbaoCore

public struct CheckOptions: Sendable {
  public enum OutputFormat: String, Sendable {
    case text
    case json
  }

  public var paths: [String] = []
  public var format: OutputFormat = .text
  public var fix = false
  public var diff = false
  public var language: Language = .zh
  public var strict = false
  public var stdinFilename: String?
  public var policy = SeverityPolicy()
  /// `--lang` was given: it wins over `language` in `nianbao.toml`.
  public var languageGiven = false
  /// `--add-suppressions`: accept every finding shown, in `nianbao-suppressions.json`.
  public var addSuppressions = false
  /// `--show-suppressed`: print suppressed findings too, marked (never counted).
  public var showSuppressed = false

  public init() {}
}
