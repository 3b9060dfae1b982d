import NianbaoCore
import NianbaoJSON
import NianbaoProtocol

extension LanguageServer {
  func inlayHints(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let uri = try uri(params)
    guard let (document, analysis) = analysis(uri) else { return [] }
    let converter = PositionConverter(source: document.source, encoding: encoding)
    let requested = converter.offsets(params["range"]) ?? 0..<document.source.utf8.count
    let sums: Set<String> = ["NB201", "NB202", "NB203", "NB204", "NB205"]
    var hints: [JSONValue] = []
    for diagnostic in analysis.diagnostics where sums.contains(diagnostic.code) {
      guard let edit = diagnostic.fixes.first?.edits.first, diagnostic.fixes.first?.edits.count == 1,
        requested.contains(edit.range.upperBound) || requested.upperBound == edit.range.upperBound
      else { continue }
      hints.append(
        .object([
          ("position", converter.position(edit.range.upperBound)), ("label", .string("≠ \(edit.replacement)")),
          ("kind", 1), ("paddingLeft", true),
          (
            "tooltip", .string(language == .zh ? "按合计关系应为 \(edit.replacement)" : "The sums make it \(edit.replacement)")
          ),
        ])
      )
    }
    return .array(hints)
  }
}
