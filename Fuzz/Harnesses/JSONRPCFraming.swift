// The JSON-RPC framing and the JSON reader: any bytes, fed whole or cut anywhere, give the same
// messages; every message parses or is refused with an error; what parses writes back and reads
// again to the same value.
import NianbaoJSON
import NianbaoLSP

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONRPCFraming(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: count))
  var whole = MessageFramer()
  let events = whole.feed(bytes)
  // The same bytes cut at points the input itself chooses.
  var pieces = MessageFramer()
  var cutEvents: [MessageFramer.Event] = []
  var start = 0
  var step = 1
  while start < bytes.count {
    let end = min(bytes.count, start + step)
    cutEvents += pieces.feed(bytes[start..<end])
    step = Int(bytes[start]) % 97 + 1
    start = end
  }
  precondition(events == cutEvents, "framing depends on how the bytes were cut")
  for event in events {
    guard case .message(let body) = event else { continue }
    _ = IncomingMessage.parse(body)
    roundTrip(body)
  }
  // The input as a JSON document by itself.
  roundTrip(bytes)
  return 0
}

private func roundTrip(_ bytes: [UInt8]) {
  guard let value = try? JSONValue.parse(bytes) else { return }
  for pretty in [false, true] {
    let written = value.serialized(pretty: pretty)
    guard let again = try? JSONValue.parse(written) else { preconditionFailure("written JSON does not parse") }
    precondition(again == value, "JSON changed on the way out and back")
  }
}
