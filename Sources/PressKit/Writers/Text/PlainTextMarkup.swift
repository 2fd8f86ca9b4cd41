/// The text inside raw HTML/XML fragments, for the plain-text writer: tags removed, the content of
/// `script` and `style` elements and comments left out, the common character references decoded.
enum PlainTextMarkup {
    /// Whether raw content in `format` is markup whose text can be kept.
    static func isMarkup(_ format: String) -> Bool {
        ["html", "xhtml", "xml", "html5"].contains(format.fastLowercased())
    }

    static func text(of markup: String) -> String {
        var out = ""
        var rest = Substring(markup)
        while let open = rest.firstIndex(of: "<") {
            out += CharacterReferences.decode(rest[..<open])
            let tag = rest[open...]
            if tag.hasPrefix("<!--") {
                rest = tag.firstRange(of: "-->").map { tag[$0.upperBound...] } ?? ""
                continue
            }
            guard let close = tag.firstIndex(of: ">") else {
                rest = ""
                break
            }
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.fastLowercased()
            rest = tag[tag.index(after: close)...]
            if name == "script" || name == "style" {
                rest = closingTag(name, in: rest).map { rest[$0...] } ?? ""
                if let end = rest.firstIndex(of: ">") { rest = rest[rest.index(after: end)...] }
            } else if ["br", "p", "div", "li", "tr"].contains(name) {
                out += " "
            }
        }
        out += CharacterReferences.decode(rest)
        return out
    }

    /// Where `</name` starts in `text`, whatever the case of the name.
    private static func closingTag(_ name: String, in text: Substring) -> Substring.Index? {
        var search = text
        while let lt = search.firstIndex(of: "<") {
            let after = search[search.index(after: lt)...]
            if after.hasPrefix("/") && after.dropFirst().prefix(name.count).fastLowercased() == name { return lt }
            search = after
        }
        return nil
    }
}
