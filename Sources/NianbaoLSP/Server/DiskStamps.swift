import Foundation

/// What the server read from the disk (settings files, last year's reports), each with the
/// state it had when read, so that a change made outside the editor is noticed even by a client
/// that reports no file changes (Neovim on Linux watches no files).
struct DiskStamps: Sendable {
  /// A file's state: nil when there is no file.
  struct Stamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
  }

  private var stamps: [String: Stamp?] = [:]

  /// Starts following a file (or the place where one may appear), as it is now.
  mutating func follow(_ path: String) {
    guard stamps[path] == nil else { return }
    stamps[path] = .some(Self.stamp(path))
  }

  /// The files that changed, appeared or went away since they were followed or last looked at.
  mutating func changed() -> [String] {
    var found: [String] = []
    for (path, old) in stamps {
      let now = Self.stamp(path)
      if now != old {
        found.append(path)
        stamps[path] = .some(now)
      }
    }
    return found.sorted()
  }

  mutating func forgetAll() { stamps.removeAll() }

  static func stamp(_ path: String) -> Stamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Stamp(
      device: UInt64(info.st_dev),
      inode: UInt64(info.st_ino),
      size: Int64(info.st_size),
      modifiedSeconds: Int(info.st_mtim.tv_sec),
      modifiedNanoseconds: Int(info.st_mtim.tv_nsec)
    )
  }
}
