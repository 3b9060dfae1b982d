import NianbaoCore

public struct CheckOptions: Sendable {
  public enum OutputFormat: String, Sendable {
    case text
    case json
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

  public init() {}
}
