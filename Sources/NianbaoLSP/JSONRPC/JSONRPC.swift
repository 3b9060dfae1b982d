import NianbaoJSON

/// JSON-RPC 2.0 error codes, with the numbers the specifications give them.
public struct ErrorCode: RawRepresentable, Sendable, Hashable {
  public var rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let parseError = ErrorCode(rawValue: -32700)
  public static let invalidRequest = ErrorCode(rawValue: -32600)
  public static let methodNotFound = ErrorCode(rawValue: -32601)
  public static let invalidParams = ErrorCode(rawValue: -32602)
  public static let internalError = ErrorCode(rawValue: -32603)
  /// LSP: a request before `initialize`.
  public static let serverNotInitialized = ErrorCode(rawValue: -32002)
  /// LSP: the request was cancelled by the client.
  public static let requestCancelled = ErrorCode(rawValue: -32800)
  /// LSP: the document changed while the request was pending.
  public static let contentModified = ErrorCode(rawValue: -32801)
  /// LSP: the request failed (a valid request the server could not serve).
  public static let requestFailed = ErrorCode(rawValue: -32803)
}

public struct ResponseError: Error, Sendable {
  public var code: ErrorCode
  public var message: String
  public init(_ code: ErrorCode, _ message: String) {
    self.code = code
    self.message = message
  }
}

/// A message received, classified.
public enum IncomingMessage: Sendable {
  case request(id: JSONValue, method: String, params: JSONValue)
  case notification(method: String, params: JSONValue)
  case response(id: JSONValue, result: JSONValue?, error: JSONValue?)

  /// Classifies a message body, or returns the error to answer with (and the id, when it can be
  /// recovered).
  public static func parse(_ body: [UInt8]) -> Result<IncomingMessage, MessageError> {
    let value: JSONValue
    do {
      value = try JSONValue.parse(body)
    } catch {
      return .failure(MessageError(id: .null, error: ResponseError(.parseError, "Parse error: \(error.description)")))
    }
    guard case .object = value else {
      return .failure(
        MessageError(id: .null, error: ResponseError(.invalidRequest, "Invalid Request: a message is a JSON object"))
      )
    }
    let id = value["id"]
    if let id, !isValidID(id) {
      return .failure(
        MessageError(
          id: .null,
          error: ResponseError(.invalidRequest, "Invalid Request: id must be a number or a string")
        )
      )
    }
    if let method = value["method"] {
      guard let name = method.string else {
        return .failure(
          MessageError(
            id: id ?? .null,
            error: ResponseError(.invalidRequest, "Invalid Request: method must be a string")
          )
        )
      }
      let params = value["params"] ?? .null
      if let params = value["params"], params.array == nil, !isObject(params), !params.isNull {
        return .failure(
          MessageError(
            id: id ?? .null,
            error: ResponseError(.invalidRequest, "Invalid Request: params must be an object or an array")
          )
        )
      }
      if let id { return .success(.request(id: id, method: name, params: params)) }
      return .success(.notification(method: name, params: params))
    }
    if let id, value["result"] != nil || value["error"] != nil {
      return .success(.response(id: id, result: value["result"], error: value["error"]))
    }
    return .failure(
      MessageError(
        id: id ?? .null,
        error: ResponseError(.invalidRequest, "Invalid Request: neither a request, a notification nor a response")
      )
    )
  }

  private static func isValidID(_ id: JSONValue) -> Bool {
    switch id {
    case .int, .string: return true
    case .double(let d): return d.isFinite
    default: return false
    }
  }

  private static func isObject(_ value: JSONValue) -> Bool {
    if case .object = value { return true }
    return false
  }
}

public struct MessageError: Error, Sendable {
  public var id: JSONValue
  public var error: ResponseError
}

/// Outgoing JSON-RPC messages.
public enum Outgoing {
  public static func response(id: JSONValue, result: JSONValue) -> JSONValue {
    .object([("jsonrpc", "2.0"), ("id", id), ("result", result)])
  }

  public static func error(id: JSONValue, _ error: ResponseError) -> JSONValue {
    .object([
      ("jsonrpc", "2.0"), ("id", id),
      ("error", .object([("code", .int(error.code.rawValue)), ("message", .string(error.message))])),
    ])
  }

  public static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
    .object([("jsonrpc", "2.0"), ("method", .string(method)), ("params", params)])
  }

  public static func request(id: JSONValue, _ method: String, _ params: JSONValue?) -> JSONValue {
    .object([("jsonrpc", "2.0"), ("id", id), ("method", .string(method)), ("params", params)])
  }

  /// The bytes of a framed message.
  public static func frame(_ message: JSONValue) -> [UInt8] {
    let body = message.serializedBytes()
    return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}
