/// Escaping as CommonMark renderers do it, so `--fragment` output matches cmark-gfm byte for byte.
enum HTMLEscaping {
    /// Text and attribute values: `&`, `<`, `>`, `"`. With `xml`, characters XML 1.0 forbids are dropped.
    static func text(_ string: String, xml: Bool, into out: inout String) {
        var clean = true
        for u in string.utf8 where u == 38 || u == 60 || u == 62 || u == 34 || (xml && (u < 32 || u == 0xEF)) {
            clean = false
            break
        }
        if clean {
            out += string
            return
        }
        // Clean runs are copied whole; everything replaced or dropped is ASCII except U+FFFE and U+FFFF
        // (EF BF BE, EF BF BF), so every index where a run ends is on a scalar boundary.
        let utf8 = string.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index < utf8.endIndex {
            let u = utf8[index]
            let replacement: String
            var width = 1
            switch u {
            case 38: replacement = "&amp;"
            case 60: replacement = "&lt;"
            case 62: replacement = "&gt;"
            case 34: replacement = "&quot;"
            case 0..<32 where xml && u != 9 && u != 10 && u != 13: replacement = ""
            case 0xEF where xml && isNoncharacter(utf8, after: index): replacement = ""; width = 3
            default:
                index = utf8.index(after: index)
                continue
            }
            out += string[runStart..<index]
            out += replacement
            index = utf8.index(index, offsetBy: width)
            runStart = index
        }
        out += string[runStart..<index]
    }

    /// The same escaping as `text(_:xml:into:)` on a `String`, appended to UTF-8 bytes: a scan of the
    /// contiguous UTF-8 with clean runs copied whole (`FastPathEquivalenceTests` holds it to the String code).
    static func text(_ string: String, xml: Bool, into out: inout [UInt8]) {
        var string = string
        string.withUTF8 { text($0, xml: xml, into: &out) }
    }

    static func text(_ utf8: UnsafeBufferPointer<UInt8>, xml: Bool, into out: inout [UInt8]) {
        let count = utf8.count
        var runStart = 0
        var index = 0
        while index < count {
            let u = utf8[index]
            // Most bytes are none of these: letters and non-ASCII bytes but 0xEF pass on one comparison, the
            // rest of ASCII on a bit of `specialBelow64`.
            guard u < 64 ? specialBelow64 >> UInt64(u) & 1 != 0 : u == 0xEF else {
                index += 1
                continue
            }
            let replacement: StaticString
            var width = 1
            switch u {
            case 38: replacement = "&amp;"
            case 60: replacement = "&lt;"
            case 62: replacement = "&gt;"
            case 34: replacement = "&quot;"
            case 0..<32 where xml && u != 9 && u != 10 && u != 13: replacement = ""
            case 0xEF where xml && index + 2 < count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                replacement = ""
                width = 3
            default:
                index += 1
                continue
            }
            if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            index += width
            runStart = index
        }
        if count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }

    /// Bytes below 64 that `text` may replace or drop: the C0 controls, `"`, `&`, `<` and `>` (0xEF, checked
    /// further in XML, is the only one above).
    private static let specialBelow64: UInt64 = 0xFFFF_FFFF | 1 << 34 | 1 << 38 | 1 << 60 | 1 << 62

    /// Whether the bytes after an 0xEF lead are BF BE or BF BF (U+FFFE, U+FFFF).
    private static func isNoncharacter(_ utf8: String.UTF8View, after lead: String.Index) -> Bool {
        let second = utf8.index(after: lead)
        guard second < utf8.endIndex, utf8[second] == 0xBF else { return false }
        let third = utf8.index(after: second)
        return third < utf8.endIndex && (utf8[third] == 0xBE || utf8[third] == 0xBF)
    }

    static func text(_ string: String, xml: Bool = false) -> String {
        var out = ""
        text(string, xml: xml, into: &out)
        return out
    }

    /// Bytes that stay as they are in an `href`/`src` (cmark's houdini table): alphanumerics and
    /// `-_.+!*(),%#@?=;:/$~`. `&` and `'` become entities, everything else `%XX`.
    private static let safe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(c)] = true }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(c)] = true }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(c)] = true }
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(c)] = true }
        return table
    }()

    /// A URL for an `href` or `src` attribute, escaped as cmark's `houdini_escape_href`.
    static func href(_ url: String, into out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in url.utf8 {
            if safe[Int(b)] {
                bytes.append(b)
            } else if b == UInt8(ascii: "&") {
                bytes += "&amp;".utf8
            } else if b == UInt8(ascii: "'") {
                bytes += "&#x27;".utf8
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The same escaping as `href(_:into:)` on a `String`, appended to UTF-8 bytes.
    static func href(_ url: String, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + url.utf8.count)
        for b in url.utf8 {
            if safe[Int(b)] {
                out.append(b)
            } else if b == UInt8(ascii: "&") {
                out += "&amp;".utf8
            } else if b == UInt8(ascii: "'") {
                out += "&#x27;".utf8
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 15)])
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func href(_ url: String) -> String {
        var out = ""
        href(url, into: &out)
        return out
    }
}
