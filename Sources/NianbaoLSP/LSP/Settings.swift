import NianbaoCore
import NianbaoJSON

/// The user's settings: message language and per-rule severity.
///
/// Read from `initializationOptions`, `workspace/configuration` (section `nianbao`) and
/// `workspace/didChangeConfiguration`, in any of these shapes:
/// `{"language": "en", "rules": {"NB307": "off"}}`, or the same under a `nianbao` key.
struct Settings: Sendable, Equatable {
  var language: Language?
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
      } else if code.hasPrefix("en") {
        self.language = .en
      } else if code != "auto" && !code.isEmpty {
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

  /// A language from the client's `locale` (`zh-cn`, `en-US` …).
  static func language(fromLocale locale: String?) -> Language? {
    guard let locale = locale?.lowercased() else { return nil }
    if locale.hasPrefix("zh") { return .zh }
    if locale.hasPrefix("en") { return .en }
    return nil
  }
}
