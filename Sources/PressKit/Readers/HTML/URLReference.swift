/// Resolves URL references against a base URL as RFC 3986 section 5.2 says (no Foundation needed).
struct URLReference {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits a reference into its five parts (RFC 3986 appendix B). The delimiters are ASCII, so the
    /// search runs over UTF-8 bytes: a URL is a sequence of code points, not of user-perceived characters.
    init(_ string: String) {
        var rest = Substring(string)
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let q = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(rest[rest.utf8.index(after: q)...])
            rest = rest[..<q]
        }
        if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), colon != rest.startIndex {
            let candidate = rest.utf8[..<colon]
            if Self.isASCIILetter(candidate.first!),
               candidate.allSatisfy({ Self.isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) {
                scheme = String(Substring(candidate)).fastLowercased()
                rest = rest[rest.utf8.index(after: colon)...]
            }
        }
        if rest.utf8.starts(with: "//".utf8) {
            let afterSlashes = rest[rest.utf8.index(rest.startIndex, offsetBy: 2)...]
            let end = afterSlashes.utf8.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            authority = String(afterSlashes[..<end])
            rest = afterSlashes[end...]
        }
        path = String(rest)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    var string: String {
        var out = ""
        if let scheme { out += scheme + ":" }
        if let authority { out += "//" + authority }
        out += path
        if let query { out += "?" + query }
        if let fragment { out += "#" + fragment }
        return out
    }

    /// Whether the string is an absolute URL (has a scheme).
    static func isAbsolute(_ s: String) -> Bool { URLReference(s).scheme != nil }

    /// `reference` resolved against `base`; `reference` unchanged when `base` is not absolute.
    static func resolve(_ reference: String, against base: String?) -> String {
        resolve(URLReference(reference.trimmingWhitespaceAndControls()), against: base.map(URLReference.init))
    }

    /// The same for references already split (a page's links are resolved against one base, split once).
    static func resolve(_ ref: URLReference, against base: URLReference?) -> String {
        guard let b = base, b.scheme != nil else { return ref.string }
        var t = URLReference("")
        if let scheme = ref.scheme {
            t = ref
            t.scheme = scheme
            t.path = removeDotSegments(ref.path)
        } else {
            if ref.authority != nil {
                t.authority = ref.authority
                t.path = removeDotSegments(ref.path)
                t.query = ref.query
            } else {
                if ref.path.isEmpty {
                    t.path = b.path
                    t.query = ref.query ?? b.query
                } else {
                    if ref.path.hasPrefix("/") {
                        t.path = removeDotSegments(ref.path)
                    } else {
                        t.path = removeDotSegments(merge(base: b, path: ref.path))
                    }
                    t.query = ref.query
                }
                t.authority = b.authority
            }
            t.scheme = b.scheme
        }
        t.fragment = ref.fragment
        return t.string
    }

    private static func merge(base: URLReference, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = input.dropFirst(2) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." { input = "" }
            else {
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}

extension String {
    /// Without leading/trailing whitespace and control characters (as the URL standard strips them).
    func trimmingWhitespaceAndControls() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }) else { return "" }
        let last = scalars.lastIndex(where: { $0.value > 0x20 })!
        var out = String(scalars[first...last])
        // Tabs and line breaks inside are removed too, as bytes: "\r\n" is one Character, equal to neither.
        if out.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
            out = String(decoding: out.utf8.filter { $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }, as: UTF8.self)
        }
        return out
    }
}
