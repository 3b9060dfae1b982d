/// Per-rule severity chosen by the user (`--rule NB307=off`, the editor's settings). The rules
/// carry their own default severity; the frontends apply this policy at the edge.
public struct SeverityPolicy: Sendable, Hashable {
  /// Rule code → severity, or nil for "off".
  public private(set) var overrides: [String: Severity?] = [:]

  public init() {}

  public enum SettingError: Error, Equatable {
    case unknownRule(String)
    case unknownSeverity(String)
  }

  /// Sets a rule to `error`, `warning`, `info`, `hint` or `off`.
  public mutating func set(_ code: String, to value: String) throws(SettingError) {
    guard let rule = Rule.named(code) else { throw .unknownRule(code) }
    if value.lowercased() == "off" || value.lowercased() == "none" {
      overrides[rule.code] = .some(nil)
    } else if let severity = Severity(name: value) {
      overrides[rule.code] = .some(severity)
    } else {
      throw .unknownSeverity(value)
    }
  }

  /// Takes every setting of `other` over this one's (the command line over a settings file).
  public mutating func merge(_ other: SeverityPolicy) {
    overrides.merge(other.overrides) { _, new in new }
  }

  public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard !overrides.isEmpty else { return diagnostics }
    return diagnostics.compactMap { diagnostic in
      guard let override = overrides[diagnostic.code] else { return diagnostic }
      guard let severity = override else { return nil }
      var changed = diagnostic
      changed.severity = severity
      return changed
    }
  }
}
