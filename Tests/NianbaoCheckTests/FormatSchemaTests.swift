import Foundation
import NianbaoTestSupport
import Testing

/// `--format sarif` and `--format junit` from the real binary, validated against the published
/// schemas kept in `Tests/Schemas/` (sources in its README) with Python's `jsonschema` and
/// `xmlschema`.
@Suite struct FormatSchemaTests {
  static let schemas = TestPaths.repository.appendingPathComponent("Tests/Schemas")

  /// Fixtures with every kind of finding (fixes, related cells, warnings, info), real reports, a
  /// file that cannot be read, and standard input.
  static let inputs: [[String]] = [
    [Paths.fixture("nb201-row-total.txt")],
    [Paths.fixture("nb114-blank.txt"), Paths.fixture("nb105-labels.txt"), Paths.fixture("nb307-no-period.txt")],
    [Paths.fixture("cross-year")],
    [TestPaths.fixtures.path],
    [TestPaths.repository.appendingPathComponent("Tests/RealReports").path],
  ]

  @Test(.enabled(if: PythonTools.available(importing: ["jsonschema"])))
  func sarifIsValid() throws {
    let python = try #require(PythonTools.python(importing: ["jsonschema"]), "no python3 with jsonschema")
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = folder.appendingPathComponent("binary.txt")
    try Data([0x00, 0x01, 0xFF]).write(to: binary)
    var documents: [String] = []
    for (index, paths) in (Self.inputs + [[binary.path, Paths.fixture("nb204-review-total.txt")]]).enumerated() {
      for language in ["zh", "en"] {
        let result = try Binary.run(["--check", "--format", "sarif", "--lang", language] + paths)
        #expect(result.status <= 2)
        let file = folder.appendingPathComponent("\(index)-\(language).sarif")
        try Data(result.stdout.utf8).write(to: file)
        documents.append(file.path)
      }
    }
    let stdin = try Binary.run(
      ["--check", "--format", "sarif", "-"],
      stdin: try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("nb301-period-wrong-year.txt")))
    )
    let stdinFile = folder.appendingPathComponent("stdin.sarif")
    try Data(stdin.stdout.utf8).write(to: stdinFile)
    documents.append(stdinFile.path)

    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
      failed = 0
      for path in sys.argv[2:]:
          document = json.load(open(path, encoding="utf-8"))
          for error in validator.iter_errors(document):
              failed += 1
              print(path, "/".join(map(str, error.absolute_path)), error.message[:300])
          print(path, len(document["runs"][0]["results"]), "results")
      sys.exit(1 if failed else 0)
      """
    let result = try PythonTools.run(
      python,
      ["-c", script, Self.schemas.appendingPathComponent("sarif-schema-2.1.0.json").path] + documents
    )
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(.enabled(if: PythonTools.available(importing: ["xmlschema"])))
  func junitIsValid() throws {
    let python = try #require(PythonTools.python(importing: ["xmlschema"]), "no python3 with xmlschema")
    let folder = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = folder.appendingPathComponent("binary.txt")
    try Data([0x00, 0x01, 0xFF]).write(to: binary)
    var documents: [String] = []
    for (index, paths) in (Self.inputs + [[binary.path, Paths.fixture("nb204-review-total.txt")]]).enumerated() {
      for options in [["--lang", "zh"], ["--lang", "en", "--strict"]] {
        let result = try Binary.run(["--check", "--format", "junit"] + options + paths)
        let file = folder.appendingPathComponent("\(index)-\(options[1]).xml")
        try Data(result.stdout.utf8).write(to: file)
        documents.append(file.path)
      }
    }
    // Markup characters in a name and in quoted report text.
    let text = TestPaths.fixtureText("nb105-labels.txt").replacingOccurrences(of: "本年度止件数", with: "本年度止<件&数>")
    let stdin = try Binary.run(
      ["--check", "--format", "junit", "--stdin-filename", "a&b<\"c\">'.txt", "-"],
      stdin: Data(text.utf8)
    )
    #expect(stdin.stdout.contains("name=\"a&amp;b&lt;&quot;c&quot;&gt;&apos;.txt\""))
    let stdinFile = folder.appendingPathComponent("stdin.xml")
    try Data(stdin.stdout.utf8).write(to: stdinFile)
    documents.append(stdinFile.path)

    let script = """
      import sys, xmlschema
      schema = xmlschema.XMLSchema(sys.argv[1])
      failed = 0
      for path in sys.argv[2:]:
          for error in schema.iter_errors(path):
              failed += 1
              print(path, str(error)[:300])
      sys.exit(1 if failed else 0)
      """
    let result = try PythonTools.run(
      python,
      ["-c", script, Self.schemas.appendingPathComponent("junit-10.xsd").path] + documents
    )
    #expect(result.status == 0, "\(result.output)")
  }
}
