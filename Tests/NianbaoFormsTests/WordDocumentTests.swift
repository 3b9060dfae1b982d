import NianbaoForms
import Testing

@Suite struct WordDocumentTests {
  @Test func debugPrint() throws {
    for name in ["tracked-changes.docx", "table3-libreoffice.docx"] {
      let document = try WordDocument(archive: FormsTestFiles.bytes(name))
      print(document.rendered.text.replacing("\t", with: "→"))
      for place in document.rendered.places { print(place.paragraph, place.cell.map { "\($0)" } ?? "-", place.rendered) }
      for segment in document.rendered.segments { print(segment) }
    }
  }
}
