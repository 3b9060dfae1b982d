import Foundation

/// A headless Chromium, for looking at the review page as a browser builds it. `.ci/run`
/// installs Debian's `chromium` and sets `NIANBAO_CHROMIUM`; elsewhere the tests that need it
/// are skipped, and say so. With `NIANBAO_REQUIRE_TOOLS=1` a missing Chromium fails instead.
public enum Chromium {
  public static let executable: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["NIANBAO_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
    for directory in (environment["PATH"] ?? "").split(separator: ":") {
      for name in ["chromium", "chromium-browser", "google-chrome"] {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    return nil
  }()

  public static var available: Bool {
    if executable != nil || ProcessInfo.processInfo.environment["NIANBAO_REQUIRE_TOOLS"] == "1" { return true }
    print(
      "⚠️  SKIPPED: chromium is not installed (set NIANBAO_CHROMIUM or put it on PATH); the review page was not checked in a browser."
    )
    return false
  }

  public struct Window: Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
      self.width = width
      self.height = height
    }
    public static let desktop = Window(width: 1280, height: 2400)
    public static let phone = Window(width: 390, height: 2400)
  }

  /// The page's DOM after it has loaded (scripts run), serialized.
  public static func dumpDOM(_ page: URL, window: Window) throws -> String {
    try run(["--dump-dom", "--window-size=\(window.width),\(window.height)", page.absoluteString])
  }

  public static func screenshot(_ page: URL, window: Window, to file: URL) throws {
    _ = try run(["--screenshot=\(file.path)", "--window-size=\(window.width),\(window.height)", page.absoluteString])
  }

  /// The page printed to PDF as a person prints it from the browser (A4, without the date and
  /// address lines a browser adds at the top and bottom).
  public static func printToPDF(_ page: URL, to file: URL) throws {
    _ = try run(["--no-pdf-header-footer", "--print-to-pdf=\(file.path)", page.absoluteString])
  }

  private static func run(_ arguments: [String]) throws -> String {
    guard let executable else {
      throw NSError(
        domain: "nianbao-tests",
        code: 1,
        userInfo: [NSLocalizedDescriptionKey: "NIANBAO_REQUIRE_TOOLS=1 but chromium was not found"]
      )
    }
    let profile = try TestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: profile) }
    // CI runs as root, where Chromium needs --no-sandbox.
    let result = try Program.run(
      executable,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(profile.path)",
      ] + arguments
    )
    guard result.status == 0 else {
      throw Program.Failure("chromium \(arguments.joined(separator: " ")) exited with \(result.status)")
    }
    return result.stdout
  }
}

/// The width and height a PNG file declares (its IHDR chunk).
public struct PNGSize: Equatable, Sendable {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

extension PNGSize {
  public init?(_ data: Data) {
    let bytes = Array(data.prefix(24))
    guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
    func integer(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    width = integer(16)
    height = integer(20)
  }
}
