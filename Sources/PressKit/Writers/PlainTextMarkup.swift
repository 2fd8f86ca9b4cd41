/// The text inside raw HTML/XML fragments, for the plain-text writer: tags removed, the content of
/// `script` and `style` elements and comments left out, the common character references decoded.
enum PlainTextMarkup {
    /// Whether raw content in `format` is markup whose text can be kept.
    static func isMarkup(_ format: String) -> Bool {
        ["html", "xhtml", "xml", "html5"].contains(format.lowercased())
    }

    static func text(of markup: String) -> String {
        var out = ""
        var rest = Substring(markup)
        while let open = rest.firstIndex(of: "<") {
            out += decodeReferences(rest[..<open])
            let tag = rest[open...]
            if tag.hasPrefix("<!--") {
                rest = tag.firstRange(of: "-->").map { tag[$0.upperBound...] } ?? ""
                continue
            }
            guard let close = tag.firstIndex(of: ">") else {
                rest = ""
                break
            }
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
            rest = tag[tag.index(after: close)...]
            if name == "script" || name == "style" {
                rest = closingTag(name, in: rest).map { rest[$0...] } ?? ""
                if let end = rest.firstIndex(of: ">") { rest = rest[rest.index(after: end)...] }
            } else if ["br", "p", "div", "li", "tr"].contains(name) {
                out += " "
            }
        }
        out += decodeReferences(rest)
        return out
    }

    /// Where `</name` starts in `text`, whatever the case of the name.
    private static func closingTag(_ name: String, in text: Substring) -> Substring.Index? {
        var search = text
        while let lt = search.firstIndex(of: "<") {
            let after = search[search.index(after: lt)...]
            if after.hasPrefix("/") && after.dropFirst().prefix(name.count).lowercased() == name { return lt }
            search = after
        }
        return nil
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "laquo": "\u{AB}", "raquo": "\u{BB}",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "euro": "\u{20AC}",
    ]

    /// Decodes `&name;`, `&#123;` and `&#x1F;` references; anything else stays as written.
    static func decodeReferences(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let entity = after[..<semi]
            var decoded: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if entity.hasPrefix("#") {
                decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[String(entity)]
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }
}
