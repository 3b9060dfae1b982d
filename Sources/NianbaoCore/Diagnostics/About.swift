/// Facts about nianbao itself.
public enum About {
  public static let version = "0.1.0"
  public static let homepage = "https://github.com/nianbao/nianbao"

  /// Where a rule's page is kept in the repository, relative to its top.
  public static func documentationPath(for rule: Rule) -> String { "docs/rules/\(rule.code).md" }

  /// Where a rule is documented: its page under `docs/rules/`, as the code host shows it.
  public static func documentationURL(for rule: Rule) -> String {
    documentationURLs[rule.code] ?? "\(homepage)/blob/main/\(documentationPath(for: rule))"
  }

  /// Every rule's page, made once: each finding an output writes names its rule's page.
  private static let documentationURLs = Dictionary(
    Rule.all.map { ($0.code, "\(homepage)/blob/main/\(documentationPath(for: $0))") },
    uniquingKeysWith: { first, _ in first }
  )
}
