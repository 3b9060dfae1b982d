import NianbaoCore
import Testing

@Suite struct RuleCatalogTests {
  @Test func codesAreUniqueAndOrdered() {
    let codes = Rule.all.map(\.code)
    #expect(Set(codes).count == codes.count)
    #expect(codes == codes.sorted())
    #expect(codes.allSatisfy { $0.count == 5 && $0.hasPrefix("NB") })
  }

  /// SARIF's `name` is an identifier, one per rule.
  @Test func namesAreUniqueIdentifiers() {
    let names = Rule.all.map(\.name)
    #expect(Set(names).count == names.count)
    for name in names {
      #expect(
        name.first?.isUppercase == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) },
        "\(name)"
      )
    }
  }

  @Test func everyRuleBelongsToTheGroupOfItsHundreds() {
    #expect(Rule.named("NB117")?.group == .structure)
    #expect(Rule.named("NB205")?.group == .sums)
    #expect(Rule.named("NB313")?.group == .dates)
    #expect(Rule.named("NB408")?.group == .content)
    #expect(Rule.named("NB501")?.group == .text)
    #expect(Set(Rule.all.map(\.group)) == Set(Rule.Group.allCases))
  }

  @Test func issueCodesKeepTheirSeverity() {
    let expected: [String: Severity] = [
      "NB101": .error, "NB102": .warning, "NB103": .error, "NB104": .error, "NB105": .warning, "NB106": .error,
      "NB107": .error, "NB108": .error, "NB109": .error, "NB201": .error, "NB202": .error, "NB203": .error,
      "NB204": .error, "NB301": .error, "NB302": .error, "NB303": .error, "NB304": .error, "NB305": .warning,
      "NB306": .warning,
    ]
    for (code, severity) in expected { #expect(Rule.named(code)?.severity == severity, "\(code)") }
  }

  @Test func everyRuleIsExplainedInBothLanguages() {
    for rule in Rule.all {
      #expect(!rule.title.zh.isEmpty && !rule.title.en.isEmpty)
      #expect(!rule.explanation.zh.isEmpty && !rule.explanation.en.isEmpty)
      #expect(!rule.basis.zh.isEmpty && !rule.basis.en.isEmpty)
    }
  }

  @Test func severityPolicy() throws {
    var policy = SeverityPolicy()
    try policy.set("nb307", to: "off")
    try policy.set("NB105", to: "error")
    #expect(throws: SeverityPolicy.SettingError.unknownRule("NB999")) { try policy.set("NB999", to: "off") }
    let (_, diagnostics) = Checker.check(Fixtures.text("nb105-labels.txt"))
    #expect(policy.apply(diagnostics).allSatisfy { $0.severity == .error })
    let (_, none) = Checker.check(Fixtures.text("nb307-no-period.txt"))
    #expect(policy.apply(none).isEmpty)
  }
}
