import NianbaoCore
import Synchronization

/// The texts of the reports checked, by path, for findings that point into another report (last
/// year's): each is kept as a string until a finding points there, and made into a
/// ``SourceText`` once. Shared by the cores that write the findings out.
final class CheckedTexts: Sendable {
  private let texts: [String: String]
  private let sources = Mutex<[String: SourceText]>([:])

  init(_ results: [CheckCommand.FileResult]) {
    var texts: [String: String] = [:]
    for result in results { if let text = result.text { texts[result.path] = text } }
    self.texts = texts
  }

  func source(_ file: String) -> SourceText? {
    if let made = sources.withLock({ $0[file] }) { return made }
    let made = texts[file].map(SourceText.init)
    sources.withLock { $0[file] = made }
    return made
  }
}
