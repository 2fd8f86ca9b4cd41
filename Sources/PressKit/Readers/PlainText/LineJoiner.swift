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
        var sentenceEnds = 0
        var i = 0
        while i + 1 < lines.count {
            // Lines above a list item end where the item starts, not where a wrap would.
            if !lines[i].isBlank, !lines[i + 1].isBlank, lines[i + 1].listMarker == nil {
                lengths.append(lines[i].length)
                if let last = lines[i].content.last, ".!?\"”»".contains(last) { sentenceEnds += 1 }
            }
            i += 1
        }
        // Wrapped lines mostly end inside a sentence; lines that mostly end sentences are one per paragraph.
        guard lengths.count >= 2, sentenceEnds * 2 < lengths.count else { return LineJoiner(width: nil) }
        lengths.sort()
        let p90 = lengths[(lengths.count - 1) * 9 / 10]
        let near = lengths.reduce(0) { $0 + ($1 >= p90 - 15 ? 1 : 0) }
        guard p90 >= 40, near * 2 >= lengths.count else { return LineJoiner(width: nil) }
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

    /// "well-" at a line's end (a letter before the hyphen) continues a hyphenated word: keep the hyphen and
    /// join without a space ("state-of-the-art", "co-operation"); a dash after a space is a dash.
    private func endsInWordHyphen(_ s: String) -> Bool {
        guard s.hasSuffix("-") else { return false }
        let before = s.dropLast().last
        return before?.isLetter ?? false
    }
}
