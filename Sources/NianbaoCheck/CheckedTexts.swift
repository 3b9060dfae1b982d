import NianbaoCore
import Synchronization

/// The texts of the reports checked, by path, for findings that point into another report (last
/// year's): each is kept as a string (or read again from its file) until a finding points there,
/// and made into a ``SourceText`` once per batch of files written together (hundreds of last
/// years' texts with their line tables are not held to the end). Shared by the cores that write
/// the findings out.
final class CheckedTexts: Sendable {
  private let texts: [String: String]
  private let onDisk: [String: TextOnDisk]
  private let sources = Mutex<[String: SourceText]>([:])

  init(_ results: [CheckCommand.FileResult]) {
    var texts: [String: String] = [:]
    var onDisk: [String: TextOnDisk] = [:]
    for result in results {
      if let text = result.text {
        texts[result.path] = text
      } else if let file = result.textOnDisk {
        onDisk[result.path] = file
      }
    }
    self.texts = texts
    self.onDisk = onDisk
  }

  func source(_ file: String) -> SourceText? {
    if let made = sources.withLock({ $0[file] }) { return made }
    let made = (texts[file] ?? onDisk[file]?.text()).map(SourceText.init)
    sources.withLock { $0[file] = made }
    return made
  }

  /// Lets the texts made so far go, when the files that pointed to them are written.
  func forgetSources() { sources.withLock { $0 = [:] } }
}
