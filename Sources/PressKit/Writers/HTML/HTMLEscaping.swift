/// Escaping as CommonMark renderers do it, so `--fragment` output matches cmark-gfm byte for byte.
enum HTMLEscaping {
    /// Text and attribute values: `&`, `<`, `>`, `"`. With `xml`, characters XML 1.0 forbids are dropped.
    /// Appended to UTF-8 bytes: a scan of the contiguous UTF-8 with clean runs copied whole
    /// (`MarkdownHTMLFastPathTests` holds it to the String code it replaced).
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

    /// A URL for an `href` or `src` attribute, escaped as cmark's `houdini_escape_href`, appended to UTF-8 bytes.
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
        var out: [UInt8] = []
        href(url, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
