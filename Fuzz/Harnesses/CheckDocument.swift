// The whole check of a document: bytes → report → diagnostics → every fix applied, the certain
// ones checked again → hover at every finding, at table cells and at offsets all over.
import NianbaoCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckDocument(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: count)
  // The language server and `--check` only ever see valid UTF-8; invalid bytes are replaced the
  // way `String(decoding:)` does, so every input is a text.
  let text = String(decoding: bytes, as: UTF8.self)
  let (report, diagnostics) = Checker.check(text)
  let size = report.source.utf8.count
  for diagnostic in diagnostics {
    precondition(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= size, "finding out of range")
    precondition(!diagnostic.message.zh.contains("\n"), "a message with a line break")
    for note in diagnostic.related { precondition(note.range.upperBound <= size, "related range out of range") }
    for fix in diagnostic.fixes {
      for edit in fix.edits { precondition(edit.range.upperBound <= size, "edit out of range") }
      _ = fix.edits.applied(to: report.source)
    }
    _ = HoverFacts.fact(at: diagnostic.range.lowerBound, in: report)
  }
  let fixed = diagnostics.certainEdits().applied(to: report.source)
  let (_, again) = Checker.check(fixed)
  _ = again.certainEdits()
  // Hover costs as much as a small check: a few cells the input picks, and offsets all over.
  let cells = (report.table3.map { $0.rows.flatMap(\.row.cells) } ?? []) + (report.table4?.row?.cells ?? [])
  if !cells.isEmpty {
    for k in 0..<min(8, count) {
      _ = HoverFacts.fact(at: cells[Int(data[k]) % cells.count].range.lowerBound, in: report)
    }
  }
  var offset = 0
  while offset <= size {
    _ = HoverFacts.fact(at: offset, in: report)
    for encoding in [PositionEncoding.utf16, .utf8, .utf32] {
      let position = report.source.lines.position(ofUTF8Offset: offset, in: encoding)
      _ = report.source.lines.utf8Offset(of: position, in: encoding)
    }
    offset += max(1, size / 8)
  }
  return 0
}
