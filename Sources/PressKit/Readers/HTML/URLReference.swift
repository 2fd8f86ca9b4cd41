/// Resolves URL references against a base URL as RFC 3986 section 5.2 says (no Foundation needed).
struct URLReference {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits a reference into its five parts (RFC 3986 appendix B).
    init(_ string: String) {
        var rest = Substring(string)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex {
            let candidate = rest[..<colon]
            if candidate.first!.isASCIILetter,
               candidate.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "+" || $0 == "-" || $0 == "." }) {
                scheme = candidate.lowercased()
                rest = rest[rest.index(after: colon)...]
            }
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = String(afterSlashes[..<end])
            rest = afterSlashes[end...]
        }
        path = String(rest)
    }

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
        let ref = URLReference(reference.trimmingWhitespaceAndControls())
        guard let base, case let b = URLReference(base), b.scheme != nil else { return ref.string }
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
        guard path.contains(".") else { return path }
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

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Without leading/trailing whitespace and control characters (as the URL standard strips them).
    func trimmingWhitespaceAndControls() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }) else { return "" }
        let last = scalars.lastIndex(where: { $0.value > 0x20 })!
        var out = String(scalars[first...last])
        if out.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            out.removeAll { $0 == "\n" || $0 == "\t" || $0 == "\r" }
        }
        return out
    }
}
