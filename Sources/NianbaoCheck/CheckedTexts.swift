import NianbaoCore

/// The texts of the reports checked, by path, for findings that point into another report (last
/// year's): each is kept as a string until a finding points there, and made into a
/// ``SourceText`` once.
final class CheckedTexts {
  private let texts: [String: String]
  private var sources: [String: SourceText] = [:]

  init(_ results: [CheckCommand.FileResult]) {
    var texts: [String: String] = [:]
    for result in results { if let text = result.text { texts[result.path] = text } }
    self.texts = texts
  }

  func source(_ file: String) -> SourceText? {
    if let made = sources[file] { return made }
    let made = texts[file].map(SourceText.init)
    sources[file] = made
    return made
  }
}
