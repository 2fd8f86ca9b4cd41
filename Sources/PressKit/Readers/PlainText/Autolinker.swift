/// Turns URLs (`<https://…>`, bare `https://…` and `www.…`) and e-mail addresses in plain text into links.
/// Trailing punctuation is not part of a URL; a closing parenthesis is only when the URL opened one.
enum Autolinker {
    static func inlines(_ text: String) -> [Inline] {
        let bytes = Array(text.utf8)
        var result: [Inline] = []
        var textStart = 0
        var p = 0
        let n = bytes.count
        func flush(_ end: Int) {
            if end > textStart { result.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        while p < n {
            let b = bytes[p]
            if b == UInt8(ascii: "<"), let (end, target, shown) = angleLink(bytes, p) {
                flush(p)
                result.append(.link(Link(target: target, content: [.text(shown)])))
                p = end
                textStart = end
                continue
            }
            if (b == UInt8(ascii: "h") || b == UInt8(ascii: "H") || b == UInt8(ascii: "f") || b == UInt8(ascii: "w")
                || b == UInt8(ascii: "W")), isBoundary(bytes, p), let (end, target) = bareURL(bytes, p) {
                flush(p)
                let shown = String(decoding: bytes[p..<end], as: UTF8.self)
                result.append(.link(Link(target: target, content: [.text(shown)])))
                p = end
                textStart = end
                continue
            }
            if b == UInt8(ascii: "@"), let (start, end) = email(bytes, at: p, floor: textStart) {
                flush(start)
                let address = String(decoding: bytes[start..<end], as: UTF8.self)
                result.append(.link(Link(target: "mailto:" + address, content: [.text(address)])))
                p = end
                textStart = end
                continue
            }
            p += 1
        }
        flush(n)
        return result
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isBoundary(_ bytes: [UInt8], _ p: Int) -> Bool {
        guard p > 0 else { return true }
        let prev = bytes[p - 1]
        return prev < 0x80 && !isAlnum(prev) && prev != UInt8(ascii: "@") && prev != UInt8(ascii: ".")
            && prev != UInt8(ascii: "/")
    }

    private static func hasPrefix(_ bytes: [UInt8], _ p: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard p + count <= bytes.count else { return false }
        let ptr = prefix.utf8Start
        for k in 0..<count {
            var c = bytes[p + k]
            if c >= 0x41 && c <= 0x5A { c += 32 }
            if c != ptr[k] { return false }
        }
        return true
    }

    /// `<https://…>`, `<mailto:…>`, `<user@example.org>`: the end, the target and the text shown.
    private static func angleLink(_ bytes: [UInt8], _ p: Int) -> (Int, String, String)? {
        var q = p + 1
        while q < bytes.count, bytes[q] != UInt8(ascii: ">") {
            let c = bytes[q]
            if c == 0x20 || c == UInt8(ascii: "<") || q - p > 4096 { return nil }
            q += 1
        }
        guard q < bytes.count, q > p + 1 else { return nil }
        let inner = String(decoding: bytes[(p + 1)..<q], as: UTF8.self)
        if hasPrefix(bytes, p + 1, "http://") || hasPrefix(bytes, p + 1, "https://") || hasPrefix(bytes, p + 1, "ftp://")
            || hasPrefix(bytes, p + 1, "mailto:") {
            return (q + 1, inner, inner)
        }
        if hasPrefix(bytes, p + 1, "www.") { return (q + 1, "http://" + inner, inner) }
        if let at = bytes[(p + 1)..<q].firstIndex(of: UInt8(ascii: "@")), let (s, e) = email(bytes, at: at, floor: p + 1),
           s == p + 1, e == q {
            return (q + 1, "mailto:" + inner, inner)
        }
        return nil
    }

    /// A bare URL starting at `p`: its end (trailing punctuation excluded) and target.
    private static func bareURL(_ bytes: [UInt8], _ p: Int) -> (Int, String)? {
        let www: Bool
        if hasPrefix(bytes, p, "https://") || hasPrefix(bytes, p, "http://") || hasPrefix(bytes, p, "ftp://") {
            www = false
        } else if hasPrefix(bytes, p, "www.") {
            www = true
        } else {
            return nil
        }
        var q = p
        while q < bytes.count {
            let c = bytes[q]
            if c <= 0x20 || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "\"") { break }
            q += 1
        }
        // Trim trailing punctuation; a closing bracket only when unbalanced (counted once, then updated).
        var parens = 0, brackets = 0
        for k in p..<q {
            switch bytes[k] {
            case UInt8(ascii: "("): parens += 1
            case UInt8(ascii: ")"): parens -= 1
            case UInt8(ascii: "["): brackets += 1
            case UInt8(ascii: "]"): brackets -= 1
            default: break
            }
        }
        while q > p {
            let c = bytes[q - 1]
            if ".,;:!?'*_~".utf8.contains(c) { q -= 1; continue }
            if c == UInt8(ascii: ")"), parens < 0 { parens += 1; q -= 1; continue }
            if c == UInt8(ascii: "]"), brackets < 0 { brackets += 1; q -= 1; continue }
            break
        }
        let url = String(decoding: bytes[p..<q], as: UTF8.self)
        if www {
            // "www." must be followed by a domain with a dot.
            guard q - p > 6, bytes[(p + 4)..<q].contains(UInt8(ascii: ".")) else { return nil }
            return (q, "http://" + url)
        }
        let schemeEnd = (bytes[p..<q].firstIndex(of: UInt8(ascii: ":")) ?? p) + 3
        guard q > schemeEnd, isAlnum(bytes[schemeEnd]) else { return nil }
        return (q, url)
    }

    /// An e-mail address around the `@` at `at`, not reaching before `floor`: its start and end.
    private static func email(_ bytes: [UInt8], at: Int, floor: Int) -> (Int, Int)? {
        func isLocal(_ c: UInt8) -> Bool { isAlnum(c) || "._%+-".utf8.contains(c) }
        var s = at
        while s > floor, isLocal(bytes[s - 1]) { s -= 1 }
        while s < at, bytes[s] == UInt8(ascii: ".") { s += 1 }
        guard s < at else { return nil }
        if s > 0, bytes[s - 1] >= 0x80 { return nil }
        var e = at + 1
        var lastDot = -1
        while e < bytes.count, isAlnum(bytes[e]) || bytes[e] == UInt8(ascii: "-") || bytes[e] == UInt8(ascii: ".") {
            if bytes[e] == UInt8(ascii: ".") { lastDot = e }
            e += 1
        }
        while e > at + 1, bytes[e - 1] == UInt8(ascii: ".") || bytes[e - 1] == UInt8(ascii: "-") {
            e -= 1
            if lastDot >= e { lastDot = bytes[(at + 1)..<e].lastIndex(of: UInt8(ascii: ".")) ?? -1 }
        }
        guard lastDot > at + 1, e - lastDot - 1 >= 2 else { return nil }
        for k in (lastDot + 1)..<e where !((bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A) { return nil }
        if e < bytes.count, bytes[e] >= 0x80 { return nil }
        return (s, e)
    }
}
