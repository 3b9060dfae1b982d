import NianbaoCore
import NianbaoJSON

/// The user's settings: message language and per-rule severity.
///
/// Read from `initializationOptions`, `workspace/configuration` (section `nianbao`) and
/// `workspace/didChangeConfiguration`, in any of these shapes:
/// `{"language": "en", "rules": {"NB307": "off"}}`, or the same under a `nianbao` key.
///
/// The sources are layered (``overlaid(by:)``): a later source changes only what it sets, so an
/// empty `{"nianbao": {}}` (Neovim's default `settings`) leaves the `initializationOptions` as
/// they were.
struct Settings: Sendable, Equatable {
  var language: Language?
  /// Whether the source chose a language: `"auto"` (follow the editor's locale) is a choice too,
  /// and an absent or empty one is not.
  var languageChosen = false
  var policy = SeverityPolicy()
  var problems: [String] = []

  init() {}

  init(_ value: JSONValue?) {
    guard var value, !value.isNull else { return }
    if let nested = value["nianbao"] { value = nested }
    if let language = value["language"]?.string ?? value["lang"]?.string {
      let code = language.lowercased()
      if code.hasPrefix("zh") {
        self.language = .zh
        languageChosen = true
      } else if code.hasPrefix("en") {
        self.language = .en
        languageChosen = true
      } else if code == "auto" {
        languageChosen = true
      } else if !code.isEmpty {
        problems.append("unknown language “\(language)”")
      }
    }
    if case .object(let rules) = value["rules"] ?? value["severity"] ?? .object([]) {
      for (code, level) in rules {
        guard let level = level.string else { continue }
        do {
          try policy.set(code, to: level)
        } catch {
          problems.append("rule setting \(code)=\(level) ignored")
        }
      }
    }
  }

  /// These settings with what `later` sets over them: its language when it chose one, and its
  /// rule levels over these rule by rule. The problems are `later`'s.
  func overlaid(by later: Settings) -> Settings {
    var result = self
    if later.languageChosen {
      result.language = later.language
      result.languageChosen = true
    }
    result.policy.merge(later.policy)
    result.problems = later.problems
    return result
  }

  /// A language from the client's `locale` (`zh-cn`, `en-US` …).
  static func language(fromLocale locale: String?) -> Language? {
    guard let locale = locale?.lowercased() else { return nil }
    if locale.hasPrefix("zh") { return .zh }
    if locale.hasPrefix("en") { return .en }
    return nil
  }
}
