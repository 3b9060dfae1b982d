// swift-tools-version: 6.1
import PackageDescription

// A release build links the Swift runtime and Foundation statically (as `--static-swift-stdlib`
// does): pre-commit hooks and editors start the binary often, and loading the shared libraries
// took longer than checking a report. Every module that imports Foundation must be compiled
// against the static runtime for the link to be complete.
let staticRuntime = SwiftSetting.unsafeFlags(["-static-stdlib"], .when(configuration: .release))

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  staticRuntime,
]

let package = Package(
  name: "nianbao",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "nianbao", targets: ["nianbao"])
  ],
  targets: [
    // Pure core: text in, report model, diagnostics, fixes and hover facts out. No I/O.
    .target(name: "NianbaoCore", swiftSettings: strictSettings),
    // Reports in the forms they are published in (web pages, Word documents), rendered as the
    // text the core reads, with a map back to the file. Pure: bytes in, text and map out.
    .target(name: "NianbaoForms", swiftSettings: strictSettings),
    // The LSP shape of positions and diagnostics: what the language server sends and what
    // `--format json` prints.
    .target(name: "NianbaoProtocol", dependencies: ["NianbaoCore", "NianbaoJSON"], swiftSettings: strictSettings),
    // Report files as both front ends read and write them: encodings, byte order marks, the forms
    // reports are published in (web pages, Word documents, PDFs), atomic writes.
    .target(name: "NianbaoFiles", dependencies: ["NianbaoCore", "NianbaoForms"], swiftSettings: strictSettings),
    // A small exact JSON reader and writer, shared by `--format json` and the language server.
    .target(name: "NianbaoJSON", swiftSettings: strictSettings, linkerSettings: [.linkedLibrary("m")]),
    // `nianbao.toml` and `nianbao-suppressions.json`: read by `--check` and by the language server.
    .target(name: "NianbaoConfig", dependencies: ["NianbaoCore", "NianbaoJSON"], swiftSettings: strictSettings),
    // `--check`: file walking, decoding, output formats, atomic writes.
    .target(
      name: "NianbaoCheck",
      dependencies: ["NianbaoCore", "NianbaoJSON", "NianbaoProtocol", "NianbaoConfig", "NianbaoFiles", "NianbaoForms"],
      swiftSettings: strictSettings
    ),
    // The language server: JSON-RPC framing, LSP types, the server.
    .target(
      name: "NianbaoLSP",
      dependencies: ["NianbaoCore", "NianbaoJSON", "NianbaoProtocol", "NianbaoConfig", "NianbaoFiles", "NianbaoForms"],
      swiftSettings: strictSettings
    ),
    // The thin executable.
    .executableTarget(
      name: "nianbao",
      dependencies: ["NianbaoCore", "NianbaoCheck", "NianbaoLSP", "NianbaoJSON", "NianbaoConfig"],
      swiftSettings: strictSettings,
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
    ),
    // Benchmarks (not tests): `swift run -c release nianbao-bench`.
    .executableTarget(
      name: "nianbao-bench",
      dependencies: ["NianbaoCore", "NianbaoLSP"],
      path: "Benchmarks/nianbao-bench",
      swiftSettings: strictSettings,
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
    ),
    // Paths of the repository, the fixtures and the built binary, for every test target.
    .target(name: "NianbaoTestSupport", path: "Tests/NianbaoTestSupport", swiftSettings: strictSettings),
    .testTarget(
      name: "NianbaoCoreTests",
      dependencies: ["NianbaoCore", "NianbaoTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "NianbaoFormsTests",
      dependencies: ["NianbaoForms", "NianbaoTestSupport"],
      exclude: ["Documents", "Pages"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "NianbaoConfigTests",
      dependencies: ["NianbaoCore", "NianbaoConfig", "NianbaoTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "NianbaoCheckTests",
      dependencies: ["NianbaoCore", "NianbaoCheck", "NianbaoFiles", "NianbaoJSON", "NianbaoTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "NianbaoLSPTests",
      dependencies: ["NianbaoCore", "NianbaoLSP", "NianbaoJSON", "NianbaoTestSupport"],
      swiftSettings: strictSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
