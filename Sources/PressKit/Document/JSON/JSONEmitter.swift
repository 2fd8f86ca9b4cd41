/// Writes JSON text into a byte buffer, token by token.
///
/// The pretty form is exactly Python's `json.dumps(value, indent=2, ensure_ascii=False)`: every array
/// element and object member on its own line, `"key": value`, empty containers as `[]` and `{}`; a final
/// newline is added. Strings escape `"`, `\` and control characters (`\n`, `\t`, ... and `\u00XX` for the
/// others); non-ASCII characters and `/` are written as they are. Lines are indented at most
/// `maxIndentLevels` levels (64 spaces): deeper lines keep that indent, so hostile depth times many nodes
/// cannot blow the output up (250 KB of nested Markdown emphasis gave 323 MB of JSON before this cap, 29 MB
/// with it).
struct JSONEmitter: JSONSink {
    /// The deepest indentation written; documents nested less deep match Python byte for byte.
    static let maxIndentLevels = 32
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// For each open container, the number of elements written so far.
    private var counts: [Int] = []
    /// A key was just written: the next value follows it directly.
    private var afterKey = false

    init(pretty: Bool = true, reserve: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(reserve)
    }

    /// The finished text (with a final newline when pretty).
    mutating func finish() -> [UInt8] {
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        let spaces = min(counts.count, Self.maxIndentLevels) * 2
        if spaces > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
    }

    /// Separator and indentation before an element of an array (or before a key in an object).
    private mutating func beforeElement() {
        guard !counts.isEmpty else { return }
        if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] += 1
        if pretty { newline() }
    }

    private mutating func beforeValue() {
        if afterKey { afterKey = false } else { beforeElement() }
    }

    mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        counts.append(0)
    }

    mutating func endObject() {
        let count = counts.removeLast()
        if pretty && count > 0 { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func key(_ key: String) {
        beforeElement()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        counts.append(0)
    }

    mutating func endArray() {
        let count = counts.removeLast()
        if pretty && count > 0 { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String) {
        beforeValue()
        appendQuoted(value)
    }

    mutating func number(_ literal: String) {
        beforeValue()
        bytes.append(contentsOf: literal.utf8)
    }

    mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `value` as a JSON string literal.
    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
