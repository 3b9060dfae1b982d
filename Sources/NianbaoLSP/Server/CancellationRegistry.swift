import NianbaoJSON
import Synchronization

/// Request ids the client cancelled. Filled by the reader thread as soon as `$/cancelRequest`
/// arrives, before the request itself is handled, so that a queued request is answered with
/// −32800 instead of being computed.
public final class CancellationRegistry: Sendable {
  private let ids = Mutex<Set<String>>([])

  public init() {}

  public func cancel(_ id: JSONValue) {
    ids.withLock { _ = $0.insert(id.serialized()) }
  }

  /// Whether the request was cancelled; forgets the id.
  func take(_ id: JSONValue) -> Bool {
    ids.withLock { $0.remove(id.serialized()) != nil }
  }
}
