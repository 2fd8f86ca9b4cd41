/// An XHTML page's DOCTYPE may carry an internal subset (`<!DOCTYPE html [ <!ENTITY x "y"> ]>`). libxml2's
/// HTML parser ends the DOCTYPE at its first `>`, so the rest of the subset became article text (issue 19).
/// The subset is removed before parsing: its entities are never expanded anyway (no XXE, SECURITY.md).
enum HTMLInternalSubset {
    /// The bytes without the DOCTYPE's internal subset (unchanged when there is none).
    static func removed(from bytes: [UInt8]) -> [UInt8] {
        let limit = min(bytes.count, 4096)
        let doctype = Array("<!doctype".utf8)
        var start = -1
        var i = 0
        while i + doctype.count <= limit {
            if bytes[i] == UInt8(ascii: "<") {
                var match = true
                for (k, c) in doctype.enumerated() where bytes[i + k] | (k >= 2 ? 0x20 : 0) != c {
                    match = false
                    break
                }
                if match { start = i + doctype.count; break }
            }
            i += 1
        }
        guard start >= 0 else { return bytes }
        // Up to the subset's `[`, outside quoted identifiers; a `>` first means there is no subset.
        var quote: UInt8 = 0
        var open = -1
        i = start
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return bytes
            } else if b == UInt8(ascii: "[") {
                open = i
                break
            }
            i += 1
        }
        guard open >= 0 else { return bytes }
        // The matching `]`, skipping quoted literals and comments.
        i = open + 1
        quote = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "<"), bytes[i...].starts(with: Array("<!--".utf8)) {
                var j = i + 4
                while j + 2 < bytes.count, !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                i = j + 2
            } else if b == UInt8(ascii: "]") {
                return Array(bytes[..<open]) + Array(bytes[(i + 1)...])
            }
            i += 1
        }
        return bytes
    }
}
