/// `Codable` for the document tree, built on its JSON form (`DocumentJSON`): encoding a `Document` with
/// any `Encoder` gives the same structure the JSON writer writes (key order is up to the encoder), and
/// decoding accepts what the JSON reader accepts.
extension JSONValue: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            let keys = keyed.allKeys.sorted { $0.stringValue < $1.stringValue }
            self = .object(try keys.map { Member($0.stringValue, try keyed.decode(JSONValue.self, forKey: $0)) })
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? single.decode(Int.self) {
            self = .number(String(i))
        } else if let d = try? single.decode(Double.self), d.isFinite {
            self = .number(String(d))
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let literal):
            var c = encoder.singleValueContainer()
            if let i = Int(literal) { try c.encode(i) } else { try c.encode(Double(literal) ?? 0) }
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let members):
            var c = encoder.container(keyedBy: AnyKey.self)
            for member in members { try c.encode(member.value, forKey: AnyKey(stringValue: member.key)) }
        }
    }
}

/// Decodes one part of the tree from a `Decoder` through its JSON form.
private func decodeTree<T>(_ decoder: any Decoder, _ body: (DocumentJSONDecoder, JSONValue) throws -> T) throws -> T {
    let value = try JSONValue(from: decoder)
    do {
        return try body(DocumentJSONDecoder(), value)
    } catch let error as DocumentJSONError {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
}

private func built(_ emit: (inout JSONValueBuilder) -> Void) -> JSONValue {
    var builder = JSONValueBuilder()
    emit(&builder)
    return builder.result
}

extension Document: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeTree(decoder) { try $0.document($1) }
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}

extension Metadata: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeTree(decoder) { try $0.metadata($1) }
    }

    public func encode(to encoder: any Encoder) throws {
        try built { $0.metadata(self) }.encode(to: encoder)
    }
}

extension Block: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeTree(decoder) { try $0.block($1) }
    }

    public func encode(to encoder: any Encoder) throws {
        try built { $0.block(self) }.encode(to: encoder)
    }
}

extension Inline: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeTree(decoder) { try $0.inline($1) }
    }

    public func encode(to encoder: any Encoder) throws {
        try built { $0.inline(self) }.encode(to: encoder)
    }
}
