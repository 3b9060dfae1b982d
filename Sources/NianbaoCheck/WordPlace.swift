import NianbaoCore
import NianbaoFiles
import NianbaoForms
import NianbaoJSON

/// Where a finding is in a Word document, in the terms its reader follows: the table, row and
/// column of a cell, and the paragraph (counting every paragraph of the body, those in tables
/// too). A Word document has no lines a person could go to.
struct WordPlace: Equatable {
  var paragraph: Int
  var table: Int?
  var row: Int?
  var column: Int?

  func text(_ language: Language) -> String {
    if let table, let row, let column {
      return language == .zh
        ? "第 \(table) 个表格第 \(row) 行第 \(column) 列，第 \(paragraph) 段"
        : "table \(table), row \(row), column \(column); paragraph \(paragraph)"
    }
    return language == .zh ? "第 \(paragraph) 段" : "paragraph \(paragraph)"
  }

  /// For JSON: `{"paragraph": 12, "table": 2, "row": 5, "column": 8}`.
  var json: JSONValue {
    .object([
      ("paragraph", .int(paragraph)),
      ("table", table.map { .int($0) }),
      ("row", row.map { .int($0) }),
      ("column", column.map { .int($0) }),
    ])
  }
}

extension CheckCommand.FileResult {
  /// The place of an offset when the file is a Word document; nil for forms with lines.
  func wordPlace(of offset: Int) -> WordPlace? {
    guard let place = wordPlaces?.place(at: offset) else { return nil }
    return WordPlace(
      paragraph: place.paragraph,
      table: place.cell?.table,
      row: place.cell?.row,
      column: place.cell?.column
    )
  }

  /// A finding's place as the text output and JUnit begin their lines: `path:line:column` for
  /// files with lines, `path（第 2 个表格第 5 行第 8 列，第 40 段）` for a Word document.
  func textLocation(of offset: Int, source: SourceText, language: Language) -> String {
    if let place = wordPlace(of: offset) {
      return language == .zh ? "\(path)（\(place.text(language))）" : "\(path) (\(place.text(language)))"
    }
    let start = source.lines.position(ofUTF8Offset: offset, in: .utf32)
    return "\(path):\(start.line + 1):\(start.column + 1)"
  }
}
