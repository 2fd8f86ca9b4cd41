/// The writers' small text helpers, in one place. (`trimmingSpaces()`, shared with the readers and the
/// press pass, lives with the metadata overrides in Conversion/.)
extension String {
    /// Without leading and trailing white space, judged by Unicode scalar (a combining mark after a space
    /// does not keep the space).
    var trimmingWhitespaceScalars: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// White space runs as single spaces, trimmed.
    func collapsingWhitespace() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Without trailing newlines.
    func trimmingNewlines() -> String {
        var s = self[...]
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }

    /// The text with line breaks as spaces (DOCX inline code).
    func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }

    /// `|` as `\|` (inside a Markdown pipe-table cell, even in code).
    func replacingPipes() -> String {
        guard contains("|") else { return self }
        var out = ""
        for c in self {
            if c == "|" { out += "\\|" } else { out.append(c) }
        }
        return out
    }
}
