/// Finds start tags and their attributes in well-formed XML text (already checked by libxml2).
enum DOCXTagScanner {
    struct Tag {
        var attributes: [String: String]
        /// Just past the tag's `>`.
        var end: String.Index
    }

    static func startTags(named name: String, in text: String) -> [Tag] {
        var tags: [Tag] = []
        var from = text.startIndex
        while let tag = firstStartTag(named: name, in: text, from: from, before: nil) {
            tags.append(tag)
            from = tag.end
        }
        return tags
    }

    /// The first `<name …>` at or after `from` (and before the text `stop`, if given).
    static func firstStartTag(named name: String, in text: String, from: String.Index, before stop: String?) -> Tag? {
        var searchFrom = from
        let limit = stop.flatMap { text[from...].firstRange(of: $0)?.lowerBound } ?? text.endIndex
        while let found = text[searchFrom..<limit].firstRange(of: "<" + name) {
            guard found.upperBound < text.endIndex else { return nil }
            let next = text[found.upperBound]
            guard next == " " || next == ">" || next == "/" || next == "\n" || next == "\t" || next == "\r" else {
                searchFrom = found.upperBound
                continue
            }
            return parseAttributes(text, from: found.upperBound)
        }
        return nil
    }

    private static func parseAttributes(_ text: String, from start: String.Index) -> Tag {
        var attributes: [String: String] = [:]
        let u = text.utf8
        var i = start
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
        while i < u.endIndex {
            let b = u[i]
            if b == UInt8(ascii: ">") { return Tag(attributes: attributes, end: u.index(after: i)) }
            if isSpace(b) || b == UInt8(ascii: "/") { i = u.index(after: i); continue }
            // name
            let nameStart = i
            while i < u.endIndex, !isSpace(u[i]), u[i] != UInt8(ascii: "="), u[i] != UInt8(ascii: ">") { i = u.index(after: i) }
            let name = String(text[nameStart..<i])
            while i < u.endIndex, isSpace(u[i]) { i = u.index(after: i) }
            guard i < u.endIndex, u[i] == UInt8(ascii: "=") else { continue }
            i = u.index(after: i)
            while i < u.endIndex, isSpace(u[i]) { i = u.index(after: i) }
            guard i < u.endIndex, u[i] == UInt8(ascii: "\"") || u[i] == UInt8(ascii: "'") else { continue }
            let quote = u[i]
            i = u.index(after: i)
            let valueStart = i
            while i < u.endIndex, u[i] != quote { i = u.index(after: i) }
            attributes[name] = unescape(String(text[valueStart..<i]))
            if i < u.endIndex { i = u.index(after: i) }
        }
        return Tag(attributes: attributes, end: text.endIndex)
    }

    private static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacing("&lt;", with: "<").replacing("&gt;", with: ">")
            .replacing("&quot;", with: "\"").replacing("&apos;", with: "'")
            .replacing("&amp;", with: "&")
    }
}
