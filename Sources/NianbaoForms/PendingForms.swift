// Placeholder reader, replaced by the Word reader.

package struct WordDocument {
  package enum ReadError: Error { case notAZip }
  package var documentXML: [UInt8]
  package var rendered: RenderedReport
  package init(archive: [UInt8]) throws(ReadError) { throw .notAZip }
  package func archive(replacingDocumentXML newXML: [UInt8]) -> [UInt8] { [] }
}
