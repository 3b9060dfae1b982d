import Foundation
import NianbaoCore
import NianbaoFiles

/// A checked text file whose text a folder walk does not keep: it is read again, as it was, when
/// its findings are written out or compared with another year's. A walk of thousands of reports
/// would otherwise hold every text to its end.
struct TextOnDisk: Sendable {
  var path: String
  var fingerprint: ContentFingerprint
  private var stamp: Stamp?

  /// The size and modification time of a file, to tell cheaply that it changed.
  private struct Stamp: Equatable, Sendable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init?(_ path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      size = Int(info.st_size)
      seconds = Int(info.st_mtim.tv_sec)
      nanoseconds = Int(info.st_mtim.tv_nsec)
    }
  }

  init(path: String, fingerprint: ContentFingerprint) {
    self.path = path
    self.fingerprint = fingerprint
    stamp = Stamp(path)
  }

  /// Whether the file still looks as it was read (its size and modification time).
  var looksUnchanged: Bool { stamp != nil && Stamp(path) == stamp }

  /// The text as it was checked; nil when the file no longer holds it.
  func text() -> String? { ReportInput.reread(textFile: path, fingerprint: fingerprint) }

  /// What is said of a file that changed between its check and the output of its findings.
  static func changedMessage(_ path: String, _ language: Language) -> String {
    language == .zh
      ? "\(path): 文件在检查期间被修改过，发现的问题无法定位；请再运行一次"
      : "\(path): the file changed while it was checked, so its findings cannot be placed; run again"
  }
}
