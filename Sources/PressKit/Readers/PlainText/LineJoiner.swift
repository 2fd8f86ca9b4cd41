/// Joins the lines of one paragraph. In hard-wrapped text (every line broken near the same width) a line
/// break where the next word would not have fitted is a wrap and becomes a space; any other break was
/// meant (an address, a contact block, a headline over a subtitle) and becomes a line break.
struct LineJoiner {
    /// The width the text was wrapped at, or nil when it was not hard-wrapped.
    let width: Int?

    /// Estimates the wrap width from the lines that are followed by another line of the same block: in
    /// wrapped text most of them end close to the width.
    static func estimate(_ lines: [TextLine]) -> LineJoiner {
        var lengths: [Int] = []
        var long: [Int] = []
        var longLine: TextLine?
        var sentenceEnds = 0
        var i = 0
        while i + 1 < lines.count {
            // Lines above a list item end where the item starts, not where a wrap would.
            if !lines[i].isBlank, !lines[i + 1].isBlank, lines[i + 1].listMarker == nil {
                lengths.append(lines[i].length)
                if let last = lines[i].content.last, ".!?\"”»".contains(last) { sentenceEnds += 1 }
                // Short lines (a contact block, an address) say nothing about the width: only lines of 40
                // characters or more are measured.
                if lines[i].length >= 40 { long.append(lines[i].length); longLine = lines[i] }
            }
            i += 1
        }
        // Wrapped lines mostly end inside a sentence; lines that mostly end sentences are one per paragraph.
        guard !lengths.isEmpty, sentenceEnds * 2 < lengths.count, let longLine else { return LineJoiner(width: nil) }
        if long.count == 1 {
            // One wrapped line in a short release: running text (lower-case words) broken at 60–80 columns.
            let lowerWords = longLine.content.split(separator: " ").filter { $0.first?.isLowercase ?? false }.count
            guard (60...80).contains(long[0]), lowerWords >= 2, let last = longLine.content.last, !".!?:;\"”»".contains(last)
            else { return LineJoiner(width: nil) }
            return LineJoiner(width: long[0])
        }
        long.sort()
        let p90 = long[(long.count - 1) * 9 / 10]
        let near = long.reduce(0) { $0 + ($1 >= p90 - 15 ? 1 : 0) }
        guard p90 >= 40, near * 2 >= long.count else { return LineJoiner(width: nil) }
        return LineJoiner(width: p90)
    }

    /// Whether the break after `line` (followed by `next`) is a wrap.
    func isWrap(_ line: TextLine, _ next: TextLine) -> Bool {
        guard let width else { return false }
        let nextWord = next.content.prefix { $0 != " " }.count
        return line.length + 1 + nextWord >= width - 1
    }

    /// Whether the break after `line` ends a paragraph although no blank line follows: text that puts one
    /// paragraph per line. A long line that ends a sentence and did not wrap into the next one.
    func isParagraphBreak(_ line: TextLine, _ next: TextLine) -> Bool {
        guard line.length >= 60, let last = line.content.last, ".!?\"”»“'’".contains(last) else { return false }
        return !isWrap(line, next)
    }

    /// The inlines of a paragraph made of `lines` (contents as given, e.g. without a list marker).
    /// A line indented to at least `continuationIndent` (a list item's text column) always continues the
    /// line above.
    func inlines(_ lines: [TextLine], contents: [String]? = nil, continuationIndent: Int? = nil) -> [Inline] {
        let texts = contents ?? lines.map(\.content)
        var result: [Inline] = []
        var current = ""
        for (index, text) in texts.enumerated() {
            if index == 0 {
                current = text
                continue
            }
            let indented = continuationIndent.map { $0 > 0 && lines[index].indent >= $0 } ?? false
            // In wrapped text a line ending inside a hyphenated word ("well-") always continues.
            let hyphenated = width != nil && endsInWordHyphen(current) && (text.first?.isLetter ?? false)
            if indented || hyphenated || isWrap(lines[index - 1], lines[index]) {
                if endsInWordHyphen(current), let f = text.first, f.isLetter {
                    current += text
                } else if Self.continuesAddress(current, text) {
                    // "https://example.org/products/" + "picker-x2": a web address broken after a slash.
                    current += text
                } else {
                    current += " " + text
                }
            } else {
                result += Autolinker.inlines(current)
                result.append(.lineBreak)
                current = text
            }
        }
        result += Autolinker.inlines(current)
        return result
    }

    /// Whether `next` continues a web address that ends `current` after a slash, `?`, `=`, `&` or `_`: its
    /// first word is a path (lower case, with a hyphen, dot, slash, digit or `=`), not an English word.
    static func continuesAddress(_ current: String, _ next: String) -> Bool {
        guard let lastChar = current.last, "/?=&_".contains(lastChar), let last = lastWord(current),
              last.contains("://") || last.fastLowercased().hasPrefix("www.") else { return false }
        let word = next.prefix { $0 != " " }
        guard let first = word.first, first.isLowercase || first.isNumber,
              word.contains(where: { "-./=_#".contains($0) || $0.isNumber }) else { return false }
        return true
    }

    /// The last word of `text` (`text.split(separator: " ").last`), found from the end: a paragraph's lines
    /// are joined one at a time, and splitting the whole paragraph so far at each of them was quadratic.
    /// A word longer than `limit` Characters is no web address anyone wrapped: nil, so that an address joined
    /// over thousands of lines (no space between them) is not walked back again at each line.
    static func lastWord(_ text: String, limit: Int = 4096) -> Substring? {
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            guard text[before] == " " else { break }
            end = before
        }
        guard end > text.startIndex else { return nil }
        var start = end
        var steps = 0
        while start > text.startIndex {
            let before = text.index(before: start)
            if text[before] == " " { break }
            steps += 1
            if steps > limit { return nil }
            start = before
        }
        return text[start..<end]
    }

    /// "well-" at a line's end (a letter before the hyphen) continues a hyphenated word: keep the hyphen and
    /// join without a space ("state-of-the-art", "co-operation"); a dash after a space is a dash.
    private func endsInWordHyphen(_ s: String) -> Bool {
        guard s.hasSuffix("-") else { return false }
        let before = s.dropLast().last
        return before?.isLetter ?? false
    }
}
