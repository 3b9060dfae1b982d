/// An optional value kept on the heap, so that the struct holding it stays small: a walk keeps a
/// result for each of thousands of files, and copies of them.
@propertyWrapper
struct OutOfLine<Value: Sendable>: Sendable {
  private final class Box: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  private var box: Box?

  init(wrappedValue: Value?) { box = wrappedValue.map(Box.init) }

  var wrappedValue: Value? {
    get { box?.value }
    set { box = newValue.map(Box.init) }
  }
}
