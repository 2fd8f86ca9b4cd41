/// Text as a browser shows it.
enum HTMLText {
    /// Runs of HTML whitespace (space, tab, newline, carriage return, form feed) as one space, none at the
    /// ends. Other spaces (no-break space) are kept.
    static func collapse(_ s: String) -> String {
        var out = ""
        var space = true
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" || ch == "\u{0C}" {
                if !space { out.unicodeScalars.append(" "); space = true }
            } else {
                out.unicodeScalars.append(ch)
                space = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}
