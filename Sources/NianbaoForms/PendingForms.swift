// Placeholder readers, replaced by the web page and Word readers.
package enum WebPage {
  package static func declaredCharset(_ bytes: [UInt8]) -> String? { nil }
  package static func render(_ html: [UInt8]) -> RenderedReport {
    var builder = RenderedTextBuilder()
    builder.appendVerbatim(html, source: 0..<html.count)
    return builder.build()
  }
}

package struct WordDocument {
  package enum ReadError: Error { case notAZip }
  package var documentXML: [UInt8]
  package var rendered: RenderedReport
  package init(archive: [UInt8]) throws(ReadError) { throw .notAZip }
  package func archive(replacingDocumentXML newXML: [UInt8]) -> [UInt8] { [] }
}
