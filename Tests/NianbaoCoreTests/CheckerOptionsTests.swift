import NianbaoCore
import Testing

/// NB308 with the agency kind and the local deadline a team's settings give.
@Suite struct CheckerOptionsTests {
  /// The NB308 messages of a fixture, in English.
  func signatureFindings(_ fixture: String, _ options: CheckerOptions) -> [String] {
    Checker.check(Fixtures.text(fixture), options: options).1.filter { $0.code == "NB308" }.map(\.message.en)
  }

  @Test func agencyChoosesTheLegalDeadline() {
    // A department signed on 2026-02-15: late for a department, in time for a government.
    #expect(
      signatureFindings("nb308-signature-late.txt", CheckerOptions())
        == ["The date “2026年2月15日” is later than the legal deadline 2026-01-31 (Art. 49 of the 条例, a department)."]
    )
    #expect(signatureFindings("nb308-signature-late.txt", CheckerOptions(agency: .government)).isEmpty)
    // A town government signed on 2026-03-10: in time, unless it is taken for a department.
    #expect(signatureFindings("clean-2025-signed.txt", CheckerOptions()).isEmpty)
    #expect(
      signatureFindings("clean-2025-signed.txt", CheckerOptions(agency: .department))
        == ["The date “2026年3月10日” is later than the legal deadline 2026-01-31 (Art. 49 of the 条例, a department)."]
    )
  }

  @Test func localDeadlineReplacesTheLegalOne() {
    let early = CheckerOptions(deadline: MonthDay(month: 3, day: 1))
    #expect(
      signatureFindings("clean-2025-signed.txt", early)
        == ["The date “2026年3月10日” is later than the local deadline 2026-03-01 (deadline in nianbao.toml)."]
    )
    #expect(signatureFindings("nb308-signature-late.txt", early).isEmpty)
    #expect(signatureFindings("clean-2025-signed.txt", CheckerOptions(deadline: MonthDay("03-10"))).isEmpty)
    // A date before the report year's end is wrong whatever the deadline.
    #expect(signatureFindings("nb308-signature-early.txt", early).count == 1)
  }

  @Test(arguments: [
    ("03-31", true), ("02-29", true), ("12-31", true), ("02-30", false), ("3-31", false), ("13-01", false),
    ("00-10", false), ("03/31", false), ("+3-31", false), ("03-31-", false),
  ])
  func monthDays(_ text: String, _ valid: Bool) {
    #expect((MonthDay(text) != nil) == valid, "\(text)")
    if valid { #expect(MonthDay(text)?.description == text) }
  }
}
