import NianbaoForms
import Testing

@Suite struct RenderedReportTests {
  /// `<td>258</td><td>&nbsp;</td><td>1&#48;</td>` rendered as `258\t\t10`.
  private func sample() -> (source: String, rendered: RenderedReport) {
    let source = "<td>258</td><td>&nbsp;</td><td>1&#48;</td>"
    var builder = RenderedTextBuilder()
    builder.appendVerbatim(Array("258".utf8), source: 4..<7)
    builder.appendStructure("\t")
    builder.appendBlankCell(source: 16..<22)
    builder.appendStructure("\t")
    builder.appendVerbatim(Array("1".utf8), source: 31..<32)
    builder.appendRespelled("0", source: 32..<37)
    return (source, builder.build())
  }

  @Test func rendersTheTextAndMapsOffsetsBack() {
    let (source, rendered) = sample()
    #expect(rendered.text == "258\t\t10")
    #expect(rendered.sourceOffset(forRendered: 1) == 5)
    #expect(rendered.sourceOffset(forRendered: 5) == 31)
    #expect(rendered.sourceOffset(forRendered: 6) == 32)
    #expect(Array(source.utf8)[16..<22].elementsEqual("&nbsp;".utf8))
  }

  @Test func editsLandInTheSource() {
    let (_, rendered) = sample()
    #expect(rendered.sourceEdit(forRendered: 0..<3, replacement: "272")! == (4..<7, "272"))
    #expect(rendered.sourceEdit(forRendered: 4..<4, replacement: "0")! == (16..<22, "0"))
    #expect(rendered.sourceEdit(forRendered: 6..<7, replacement: "1")! == (32..<37, "1"))
    // An edit across markup the renderer dropped has no single place in the source.
    #expect(rendered.sourceEdit(forRendered: 5..<7, replacement: "11") == nil)
  }
}
