import Foundation
import NianbaoJSON
import Synchronization

/// Writes framed messages to a file descriptor, one at a time.
final class FrameWriter: Sendable {
  private let fd: Int32
  private let lock = Mutex<Void>(())

  init(fd: Int32) { self.fd = fd }

  func write(_ message: JSONValue) {
    let bytes = Outgoing.frame(message)
    lock.withLock { _ in
      bytes.withUnsafeBytes { buffer in
        var written = 0
        while written < buffer.count {
          let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
          if n < 0 {
            if errno == EINTR { continue }
            return  // the client is gone; reading will see the end of input
          }
          written += n
        }
      }
    }
  }
}

/// Where the server's own log lines go: standard error, or a file (`--log-file`).
final class LogSink: Sendable {
  private let fd: Int32
  private let lock = Mutex<Void>(())

  init(path: String?) {
    if let path, case let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644), fd >= 0 {
      self.fd = fd
    } else {
      self.fd = 2
    }
  }

  func write(_ line: String) {
    let bytes = Array("[nianbao] \(line)\n".utf8)
    lock.withLock { _ in _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) } }
  }
}

/// Reads framed messages from a file descriptor on its own thread and hands them over in
/// batches (what one read returned), in order.
///
/// At most ``maximumWaitingBatches`` batches wait to be handled: when the server cannot keep up
/// (or the client stops reading what the server writes, so that the server waits on its
/// output), the reader stops reading, and the client's writes wait in turn. Memory stays bounded
/// whatever the client does.
enum StdioReader {
  struct Batch: Sendable {
    var messages: [Result<IncomingMessage, MessageError>]
  }

  static let maximumWaitingBatches = 64

  /// `handled` is signalled by the consumer once for every batch it has handled.
  static func start(
    fd: Int32,
    cancellations: CancellationRegistry,
    log: LogSink,
    handled: DispatchSemaphore
  ) -> AsyncStream<Batch> {
    let (stream, continuation) = AsyncStream<Batch>.makeStream(bufferingPolicy: .unbounded)
    let thread = Thread {
      var framer = MessageFramer()
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { break }
        var batch = Batch(messages: [])
        for event in framer.feed(buffer[0..<n]) {
          switch event {
          case .message(let body):
            let parsed = IncomingMessage.parse(body)
            // Cancellation takes effect at once, before the request it cancels is handled.
            if case .success(.notification("$/cancelRequest", let params)) = parsed, let id = params["id"] {
              cancellations.cancel(id)
            }
            batch.messages.append(parsed)
          case .framingError(let reason):
            log.write("framing error: \(reason)")
            batch.messages.append(
              .failure(MessageError(id: .null, error: ResponseError(.parseError, "Parse error: \(reason)")))
            )
          }
        }
        if !batch.messages.isEmpty {
          handled.wait()
          continuation.yield(batch)
        }
      }
      continuation.finish()
    }
    thread.name = "nianbao-reader"
    thread.start()
    return stream
  }
}

/// `nianbao` / `nianbao --stdio`.
public enum LanguageServerMain {
  /// Serves until `exit` or the end of input; returns the exit status.
  public static func run(logFile: String?) -> Int32 {
    signal(SIGPIPE, SIG_IGN)
    // Keep standard output for the protocol alone: anything else printed goes to standard error.
    let protocolOutput = dup(1)
    dup2(2, 1)
    let writer = FrameWriter(fd: protocolOutput)
    let log = LogSink(path: logFile)
    let cancellations = CancellationRegistry()
    let server = LanguageServer(cancellations: cancellations, log: { log.write($0) }, send: { writer.write($0) })
    let handled = DispatchSemaphore(value: StdioReader.maximumWaitingBatches)
    let batches = StdioReader.start(fd: 0, cancellations: cancellations, log: log, handled: handled)
    let status = Mutex<Int32>(0)
    let done = DispatchSemaphore(value: 0)
    Task {
      defer { done.signal() }
      for await batch in batches {
        for message in batch.messages {
          switch message {
          case .success(let message): await server.handle(message)
          case .failure(let error): await server.reject(error)
          }
          if let code = await server.exitCode {
            status.withLock { $0 = code }
            return
          }
        }
        await server.flush()
        handled.signal()
      }
      log.write("end of input")
    }
    done.wait()
    return status.withLock { $0 }
  }
}
