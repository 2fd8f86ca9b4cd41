/// A JSON value that is valid JSON but not a presskit document: where (`blocks[2].content[0]`) and what.
public struct DocumentJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path to the offending value, e.g. `blocks[2].content[0].type`; empty for the top level.
    public var path: String
    public var message: String

    public var description: String {
        path.isEmpty ? message : "\(message) (at \(path.hasPrefix(".") ? String(path.dropFirst()) : path))"
    }
}

/// Turns a `JSONValue` in presskit's document form (see `DocumentJSON`) back into a `Document`.
/// Unknown keys are ignored and reported in `warnings`; unknown types, wrong value types and another
/// major version are errors.
final class DocumentJSONDecoder {
    private(set) var warnings: [String] = []

    init() {}

    // MARK: - Paths and value types

    /// Runs `body`, prefixing any error's path with `component` (".key" or "[index]").
    @inline(__always)
    func at<T>(_ component: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as DocumentJSONError {
            error.path = component() + error.path
            throw error
        }
    }

    func fail(_ message: String, path: String = "") -> DocumentJSONError {
        DocumentJSONError(path: path, message: message)
    }

    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    func string(_ value: JSONValue) throws -> String {
        guard case .string(let s) = value else { throw fail("expected a string, found \(Self.kind(value))") }
        return s
    }

    func int(_ value: JSONValue) throws -> Int {
        guard let i = value.intValue else {
            throw fail("expected an integer, found \(Self.kind(value))")
        }
        return i
    }

    /// Bounds that keep hostile input from making writers allocate or count without end (as HTML bounds
    /// colspan and rowspan, and CommonMark list numbers to nine digits).
    static let colspanRange = 0...1_000
    static let rowspanRange = 0...65_534
    static let startRange = -999_999_999...999_999_999

    func int(_ value: JSONValue, in range: ClosedRange<Int>, _ what: String) throws -> Int {
        let i = try int(value)
        guard range.contains(i) else {
            throw fail("\(what) must be from \(range.lowerBound) to \(range.upperBound), not \(i)")
        }
        return i
    }

    func bool(_ value: JSONValue) throws -> Bool {
        guard case .bool(let b) = value else { throw fail("expected true or false, found \(Self.kind(value))") }
        return b
    }

    func array(_ value: JSONValue) throws -> [JSONValue] {
        guard case .array(let items) = value else { throw fail("expected an array, found \(Self.kind(value))") }
        return items
    }

    func object(_ value: JSONValue) throws -> [JSONValue.Member] {
        guard case .object(let members) = value else { throw fail("expected an object, found \(Self.kind(value))") }
        return members
    }

    func strings(_ value: JSONValue) throws -> [String] {
        try array(value).enumerated().map { i, item in try at("[\(i)]") { try string(item) } }
    }

    func unknown(_ key: String, in what: String) {
        warnings.append("JSON: unknown key \"\(key)\" in \(what) ignored")
    }

    /// Decodes each member of an object through `handle`, which returns false for an unknown key.
    func members(_ value: JSONValue, in what: String,
                         _ handle: (String, JSONValue) throws -> Bool) throws {
        for member in try object(value) {
            let known = try at(".\(member.key)") { try handle(member.key, member.value) }
            if !known { unknown(member.key, in: what) }
        }
    }

    // MARK: - Document

    func document(_ value: JSONValue) throws -> Document {
        guard case .object = value else {
            throw fail("a presskit document is a JSON object with \"version\", \"metadata\" and \"blocks\"; found \(Self.kind(value))")
        }
        guard let versionValue = value["version"] else {
            throw fail("not a presskit document: it has no \"version\"")
        }
        let version = try at(".version") { try string(versionValue) }
        let major = version.split(separator: ".", maxSplits: 1).first.flatMap { Int($0) }
        guard major == DocumentJSON.majorVersion else {
            throw fail("presskit JSON version \"\(version)\" is not supported (this presskit reads version \(DocumentJSON.majorVersion).x)")
        }
        var document = Document()
        try members(value, in: "the document") { key, v in
            switch key {
            case "version": return true
            case "metadata": document.metadata = try metadata(v)
            case "blocks": document.blocks = try blocks(v)
            default: return false
            }
            return true
        }
        return document
    }

    func metadata(_ value: JSONValue) throws -> Metadata {
        var m = Metadata()
        try members(value, in: "metadata") { key, v in
            switch key {
            case "title": m.title = try string(v)
            case "subtitle": m.subtitle = try string(v)
            case "date": m.date = try string(v)
            case "dateSource": m.dateSource = try string(v)
            case "dateline": m.dateline = try string(v)
            case "organization": m.organization = try string(v)
            case "authors": m.authors = try strings(v)
            case "contacts":
                m.contacts = try array(v).enumerated().map { i, c in try at("[\(i)]") { try contact(c) } }
            case "language": m.language = try string(v)
            case "source": m.source = try string(v)
            case "keywords": m.keywords = try strings(v)
            case "description": m.description = try string(v)
            case "embargo": m.embargo = try string(v)
            case "image": m.image = try string(v)
            case "extra":
                for member in try object(v) {
                    m.extra[member.key] = try at(".\(member.key)") { try string(member.value) }
                }
            default: return false
            }
            return true
        }
        return m
    }

    func contact(_ value: JSONValue) throws -> Contact {
        var c = Contact()
        try members(value, in: "a contact") { key, v in
            switch key {
            case "name": c.name = try string(v)
            case "role": c.role = try string(v)
            case "organization": c.organization = try string(v)
            case "email": c.email = try string(v)
            case "phone": c.phone = try string(v)
            case "text": c.text = try string(v)
            default: return false
            }
            return true
        }
        return c
    }
}
