// Reports in their published forms: a web page's bytes rendered, every segment checked against
// the source, the rendered report checked, and every finding and fix taken back to the page.
import NianbaoCore
import NianbaoFiles
import NianbaoForms

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReadForms(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: count))
  _ = WebPage.declaredCharset(bytes)
  // `--check` hands the reader the page decoded; invalid UTF-8 is replaced as a decoder would.
  let html = Array(String(decoding: bytes, as: UTF8.self).utf8)
  let rendered = WebPage.render(html)
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
    precondition(mapped.range.lowerBound >= 0 && mapped.range.upperBound <= html.count, "finding out of the page")
    for fix in mapped.fixes {
      for edit in fix.edits { precondition(edit.range.upperBound <= html.count, "fix out of the page") }
      _ = fix.edits.applied(to: SourceText(String(decoding: html, as: UTF8.self)))
    }
  }
  var offset = 0
  while offset <= text.count {
    let source = rendered.sourceOffset(forRendered: offset)
    precondition(source >= 0 && source <= html.count, "offset out of the page")
    _ = rendered.renderedOffset(forSource: source)
    offset += max(1, text.count / 16)
  }
  return 0
}
