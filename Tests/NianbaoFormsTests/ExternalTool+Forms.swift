import Foundation
import NianbaoTestSupport

/// What the tests of the forms ask of the tools they open nianbao's files with.
extension ExternalTool {
  /// `zipfile.testzip()` and the names and contents of every entry, as Python reads `file`.
  static func pythonReadsZip(_ file: URL) throws -> (status: Int32, output: String) {
    try Self.python.run([
      "-c",
      """
      import sys, zipfile, zlib
      z = zipfile.ZipFile(sys.argv[1])
      assert z.testzip() is None
      for i in z.infolist():
          print(i.filename, i.compress_type, zlib.crc32(z.read(i)), i.comment.decode(), i.date_time)
      print(z.comment.decode())
      """,
      file.path,
    ])
  }

  /// The text LibreOffice reads from a document (`--convert-to txt`).
  static func sofficeText(of document: URL) throws -> String? {
    let directory = document.deletingLastPathComponent()
    let profile = directory.appendingPathComponent("profile")
    let result = try Self.soffice.run([
      "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
      "--outdir", directory.path, document.path,
    ])
    guard result.status == 0 else { return nil }
    let text = directory.appendingPathComponent(document.deletingPathExtension().lastPathComponent + ".txt")
    return try? String(contentsOf: text, encoding: .utf8)
  }
}
