/// A small, forgiving JSON parser for JSON-LD found in web pages: raw control characters in strings,
/// trailing commas, `//` and `/* */` comments, single-quoted strings and HTML comment wrappers are accepted.
/// Nesting deeper than `maxDepth` is cut off (the value becomes null), so it cannot overflow the stack.
indirect enum TolerantJSON: Equatable {
    case object([(String, TolerantJSON)])
    case array([TolerantJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    static let maxDepth = 64

    static func == (a: TolerantJSON, b: TolerantJSON) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let x), .array(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// Parses `text`; nil when it holds no JSON value at all.
    static func parse(_ text: String) -> TolerantJSON? {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        return parser.value(depth: 0)
    }

    /// The member `key` of an object.
    subscript(key: String) -> TolerantJSON? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    /// A string, or the first string of an array, or a number as text.
    var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .array(let a): return a.lazy.compactMap(\.text).first
        default: return nil
        }
    }

    /// The value itself, or its elements if it is an array.
    var elements: [TolerantJSON] {
        if case .array(let a) = self { return a }
        return [self]
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count {
                let b = bytes[i]
                if b == 32 || b == 9 || b == 10 || b == 13 || b == 0xEF || b == 0xBB || b == 0xBF { i += 1; continue }
                if b == UInt8(ascii: "/"), i + 1 < bytes.count {
                    if bytes[i + 1] == UInt8(ascii: "/") {
                        while i < bytes.count, bytes[i] != 10 { i += 1 }
                        continue
                    }
                    if bytes[i + 1] == UInt8(ascii: "*") {
                        i += 2
                        while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                        i += 2
                        continue
                    }
                }
                if b == UInt8(ascii: "<"), bytes[i...].starts(with: Array("<!--".utf8)) { i += 4; continue }
                if b == UInt8(ascii: "-"), bytes[i...].starts(with: Array("-->".utf8)) { i += 3; continue }
                if b == UInt8(ascii: ";") { i += 1; continue }
                return
            }
        }

        mutating func value(depth: Int) -> TolerantJSON? {
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(String, TolerantJSON)] = []
                while true {
                    skipSpace()
                    guard i < bytes.count else { break }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard let key = keyString() else { return depth == 0 ? .object(members) : nil }
                    skipSpace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: ":") { i += 1 }
                    skipSpace()
                    guard let v = nested(depth) else { return .object(members) }
                    members.append((key, v))
                }
                return .object(members)
            case UInt8(ascii: "["):
                i += 1
                var items: [TolerantJSON] = []
                while true {
                    skipSpace()
                    guard i < bytes.count else { break }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard let v = nested(depth) else { return .array(items) }
                    items.append(v)
                }
                return .array(items)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return string().map { .string($0) }
            default:
                return scalar()
            }
        }

        mutating func nested(_ depth: Int) -> TolerantJSON? {
            if depth + 1 >= TolerantJSON.maxDepth {
                skipValue()
                return .null
            }
            return value(depth: depth + 1)
        }

        /// Skips one value of any depth with a bracket counter (no recursion).
        mutating func skipValue() {
            var level = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { _ = string(); if level == 0 { return }; continue }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { level += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    if level == 0 { return }
                    level -= 1
                    if level == 0 { i += 1; return }
                }
                if level == 0 && b == UInt8(ascii: ",") { return }
                i += 1
            }
        }

        mutating func keyString() -> String? {
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") { return string() }
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: ":"), bytes[i] != 32, bytes[i] != UInt8(ascii: "}") { i += 1 }
            return i > start ? String(decoding: bytes[start..<i], as: UTF8.self) : nil
        }

        mutating func string() -> String? {
            let quote = bytes[i]
            i += 1
            // Runs without the quote or a backslash are copied whole (a byte-by-byte append cost about 30
            // instructions a byte: an article body in JSON-LD is often the size of the page); a string with no
            // escape is decoded straight from the input.
            let plainEnd = plainRunEnd(from: i, quote: quote)
            if plainEnd < bytes.count, bytes[plainEnd] == quote {
                defer { i = plainEnd + 1 }
                return String(decoding: bytes[i..<plainEnd], as: UTF8.self)
            }
            var out = [UInt8]()
            while i < bytes.count {
                let end = plainRunEnd(from: i, quote: quote)
                if end > i {
                    out.append(contentsOf: bytes[i..<end])
                    i = end
                    continue
                }
                let b = bytes[i]
                if b == quote { i += 1; return String(decoding: out, as: UTF8.self) }
                if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"): out.append(32)
                    case UInt8(ascii: "u"):
                        var scalar = hex4()
                        if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                           bytes[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            let low = hex4()
                            if (0xDC00..<0xE000).contains(low) { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) }
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                    default: out.append(e)
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// Where the run of bytes from `start` that holds neither `quote` nor a backslash ends.
        func plainRunEnd(from start: Int, quote: UInt8) -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                let quoteAt = ByteScan.firstOffset(of: quote, in: buffer, from: start) ?? buffer.count
                guard quoteAt > start else { return quoteAt }
                let before = UnsafeBufferPointer(rebasing: buffer[start..<quoteAt])
                return ByteScan.firstOffset(of: UInt8(ascii: "\\"), in: before, from: 0).map { start + $0 } ?? quoteAt
            }
        }

        mutating func hex4() -> UInt32 {
            var v: UInt32 = 0
            var n = 0
            while n < 4, i < bytes.count, let d = hexDigit(bytes[i]) { v = v * 16 + d; i += 1; n += 1 }
            return v
        }

        func hexDigit(_ b: UInt8) -> UInt32? {
            switch b {
            case 48...57: return UInt32(b - 48)
            case 97...102: return UInt32(b - 87)
            case 65...70: return UInt32(b - 55)
            default: return nil
            }
        }

        mutating func scalar() -> TolerantJSON? {
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 32 || b == 10
                    || b == 13 || b == 9 { break }
                i += 1
            }
            guard i > start else { i += 1; return nil }
            let word = String(decoding: bytes[start..<i], as: UTF8.self)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null", "undefined": return .null
            default: return Double(word).map { .number($0) } ?? .string(word)
            }
        }
    }
}
