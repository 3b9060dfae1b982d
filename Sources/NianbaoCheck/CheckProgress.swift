import Foundation
import NianbaoCore
import Synchronization

/// “files done / total” on standard error while a folder is checked, rewritten in place with
/// `\r` at most ten times a second and cleared at the end. Shown only when standard error is a
/// terminal (``CheckOptions/showsProgress``).
final class CheckProgress: Sendable {
  private struct State {
    var done = 0
    var lastShown: UInt64 = 0
    var shown = false
  }

  private let total: Int
  private let language: Language
  private let state = Mutex(State())
  static let interval: UInt64 = 100_000_000

  init(total: Int, language: Language) {
    self.total = total
    self.language = language
  }

  /// Called by the workers as each file is done; writes when the last write is old enough.
  func fileDone() {
    state.withLock { state in
      state.done += 1
      let now = DispatchTime.now().uptimeNanoseconds
      guard !state.shown || now - state.lastShown >= Self.interval, state.done < total else { return }
      state.lastShown = now
      state.shown = true
      write("\r" + line(state.done))
    }
  }

  func clear() {
    state.withLock { state in
      if state.shown { write("\r\u{1B}[K") }
      state.shown = false
    }
  }

  /// Straight to the terminal: progress is never part of what a caller of ``CheckCommand/run``
  /// collects as standard error.
  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

  private func line(_ done: Int) -> String {
    language == .zh ? "nianbao: 已检查 \(done)/\(total) 个文件" : "nianbao: checked \(done)/\(total) files"
  }
}
