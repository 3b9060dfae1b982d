/// Facts about nianbao itself.
public enum About {
  public static let version = "0.1.0"
  public static let homepage = "https://github.com/nianbao/nianbao"

  /// Where a rule is documented: its section in the README.
  public static func documentationURL(for rule: Rule) -> String {
    "\(homepage)/blob/main/README.md#\(rule.documentationAnchor)"
  }
}
