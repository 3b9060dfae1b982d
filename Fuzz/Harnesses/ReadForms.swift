// Reports in their published forms: a web page's bytes, or a PDF's layout text and word boxes,
// rendered; every segment checked against the source, the rendered report checked, and every
// finding and fix taken back to the source.
import NianbaoCore
import NianbaoFiles
import NianbaoForms

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReadForms(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: count))
  // A PDF's two readings, its layout text and the boxes of its words, joined by a NUL byte.
  if let split = bytes.firstIndex(of: 0) {
    let layout = Array(String(decoding: bytes[..<split], as: UTF8.self).utf8)
    let words = PDFWord.parse(Array(bytes[(split + 1)...]))
    if let rendered = PDFText.render(layout: layout, words: words) { check(rendered, source: layout) }
    return 0
  }
  _ = WebPage.declaredCharset(bytes)
  // `--check` hands the reader the page decoded; invalid UTF-8 is replaced as a decoder would.
  let html = Array(String(decoding: bytes, as: UTF8.self).utf8)
  check(WebPage.render(html), source: html)
  return 0
}

/// Every segment against the source, the rendered report checked, and every finding and fix
/// taken back to the source.
private func check(_ rendered: RenderedReport, source html: [UInt8]) {
  let text = Array(rendered.text.utf8)
  var previousEnd = 0
  for segment in rendered.segments {
    precondition(segment.rendered.lowerBound >= previousEnd, "segments overlap or run backwards")
    precondition(segment.rendered.upperBound <= text.count, "segment past the rendered text")
    precondition(segment.source.lowerBound >= 0 && segment.source.upperBound <= html.count, "source out of range")
    if segment.kind == .verbatim {
      precondition(text[segment.rendered].elementsEqual(html[segment.source]), "verbatim bytes differ")
    }
    previousEnd = segment.rendered.upperBound
  }
  let (_, diagnostics) = Checker.check(rendered.text)
  for diagnostic in diagnostics {
    let mapped = diagnostic.mapped(through: rendered)
    precondition(mapped.range.lowerBound >= 0 && mapped.range.upperBound <= html.count, "finding out of the source")
    for fix in mapped.fixes {
      for edit in fix.edits { precondition(edit.range.upperBound <= html.count, "fix out of the source") }
      _ = fix.edits.applied(to: SourceText(String(decoding: html, as: UTF8.self)))
    }
  }
  var offset = 0
  while offset <= text.count {
    let source = rendered.sourceOffset(forRendered: offset)
    precondition(source >= 0 && source <= html.count, "offset out of the source")
    _ = rendered.renderedOffset(forSource: source)
    offset += max(1, text.count / 16)
  }
}
