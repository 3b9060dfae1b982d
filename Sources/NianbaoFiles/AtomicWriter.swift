import Foundation

/// Writes a file by writing a temporary file beside it and renaming it over the original, so
/// that a crash or a full disk never leaves half a report. The original's permissions are kept.
/// Given what the file held when it was read, it refuses to replace a file that has changed
/// since (someone saved it while it was checked): neither version is lost.
package enum AtomicWriter {
  package struct WriteError: Error {
    package var reason: String
    /// The file was changed by someone else after it was read.
    package var changedSinceRead = false
    /// The file is read-only (no write permission for its owner, or none for us): a rename
    /// could replace it all the same, so it is refused here.
    package var readOnly = false
  }

  package static func write(
    _ bytes: [UInt8],
    to givenPath: String,
    unlessChangedFrom read: ContentFingerprint? = nil
  )
    throws(WriteError)
  {
    // Through a symbolic link to the file it names: the link stays a link.
    var path = givenPath
    if let resolved = realpath(givenPath, nil) {
      path = String(cString: resolved)
      free(resolved)
    }
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (directory.isEmpty ? "." : directory) + "/.\(name).nianbao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    var mode: mode_t = 0o644
    var status = stat()
    if stat(path, &status) == 0 {
      mode = status.st_mode & 0o7777
      if mode & 0o200 == 0 || access(path, W_OK) != 0 {
        throw WriteError(reason: String(cString: strerror(EACCES)), readOnly: true)
      }
    }
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
    guard fd >= 0 else { throw WriteError(reason: String(cString: strerror(errno))) }
    var written = 0
    let ok = bytes.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += n
      }
      return true
    }
    let reason = String(cString: strerror(errno))
    fchmod(fd, mode)
    let synced = fsync(fd) == 0
    close(fd)
    guard ok, synced else {
      unlink(temporary)
      throw WriteError(reason: reason)
    }
    // The last moment to see a newer version: after it, the rename replaces the file whole.
    if let read, FileManager.default.contents(atPath: path).map(ContentFingerprint.init) != read {
      unlink(temporary)
      throw WriteError(reason: "changed since it was read", changedSinceRead: true)
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(reason: reason)
    }
  }
}
