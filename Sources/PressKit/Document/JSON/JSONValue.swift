/// A JSON value that keeps the order of object members, as presskit's JSON form of a document needs.
///
/// Numbers keep their literal text, so a value read and written again is unchanged.
/// `JSONValue(parsing:)` is a hand-written parser with a nesting limit; `serialized()` a hand-written
/// serializer whose pretty form is that of Python's `json.dumps(value, indent=2, ensure_ascii=False)`.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as its JSON literal text (e.g. `"12"`, `"-0.5e3"`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object's members in the order they were written. Keys are not deduplicated.
    case object([Member])

    /// One member of an object.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An integer value.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The value of the last member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The integer this number holds, if it is a number without fraction or exponent that fits an `Int`.
    public var intValue: Int? {
        guard case .number(let literal) = self else { return nil }
        return Int(literal)
    }

    /// The JSON text of this value: pretty-printed with a 2-space indent (the default) or compact,
    /// ending with a newline when `pretty`.
    public func serialized(pretty: Bool = true) -> [UInt8] {
        var emitter = JSONEmitter(pretty: pretty)
        emit(into: &emitter)
        return emitter.finish()
    }

    func emit<Sink: JSONSink>(into sink: inout Sink) {
        switch self {
        case .null: sink.null()
        case .bool(let b): sink.bool(b)
        case .number(let n): sink.number(n)
        case .string(let s): sink.string(s)
        case .array(let items):
            sink.beginArray()
            for item in items { item.emit(into: &sink) }
            sink.endArray()
        case .object(let members):
            sink.beginObject()
            for member in members {
                sink.key(member.key)
                member.value.emit(into: &sink)
            }
            sink.endObject()
        }
    }
}

/// Something JSON can be written into, one token at a time: the byte emitter or a `JSONValue` builder.
/// The document's JSON mapping is written once against this protocol and serves both.
protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    /// The next member's key; its value follows.
    mutating func key(_ key: String)
    mutating func beginArray()
    mutating func endArray()
    mutating func string(_ value: String)
    mutating func number(_ literal: String)
    mutating func bool(_ value: Bool)
    mutating func null()
}

extension JSONSink {
    mutating func int(_ value: Int) { number(String(value)) }
}

/// Builds a `JSONValue` from sink calls.
struct JSONValueBuilder: JSONSink {
    private enum Container {
        case array([JSONValue])
        case object([JSONValue.Member], pendingKey: String?)
    }
    private var stack: [Container] = []
    private(set) var result: JSONValue = .null

    init() {}

    private mutating func add(_ value: JSONValue) {
        guard let top = stack.popLast() else { result = value; return }
        switch top {
        case .array(var items):
            items.append(value)
            stack.append(.array(items))
        case .object(var members, let key):
            members.append(JSONValue.Member(key ?? "", value))
            stack.append(.object(members, pendingKey: nil))
        }
    }

    mutating func beginObject() { stack.append(.object([], pendingKey: nil)) }
    mutating func endObject() {
        if case .object(let members, _)? = stack.popLast() { add(.object(members)) }
    }
    mutating func key(_ key: String) {
        if case .object(let members, _)? = stack.popLast() { stack.append(.object(members, pendingKey: key)) }
    }
    mutating func beginArray() { stack.append(.array([])) }
    mutating func endArray() {
        if case .array(let items)? = stack.popLast() { add(.array(items)) }
    }
    mutating func string(_ value: String) { add(.string(value)) }
    mutating func number(_ literal: String) { add(.number(literal)) }
    mutating func bool(_ value: Bool) { add(.bool(value)) }
    mutating func null() { add(.null) }
}
