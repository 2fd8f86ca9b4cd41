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
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if xml {
                    let v = scalar.value
                    if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF { continue }
                }
                out.unicodeScalars.append(scalar)
            }
        }
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

    static func href(_ url: String) -> String {
        var out = ""
        href(url, into: &out)
        return out
    }
}
