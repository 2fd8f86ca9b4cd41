/// The line layout under the Markdown writer: container prefixes (`> `, list indentation), blank lines that
/// collapse inside tight list items, escaping of every character that would change meaning where it stands,
/// and optional wrapping at a width. Modelled on cmark's `render.c`.
struct MarkdownLayout {
    enum Mode {
        /// Written as is (markers, code, raw HTML).
        case literal
        /// Text: Markdown syntax characters escaped.
        case normal
        /// A link title in double quotes.
        case title
    }

    private(set) var out: [UInt8] = []
    var prefix: [UInt8] = []
    /// 0: nothing pending, 1: end the line, 2: end the line and leave a blank one.
    private var needCR = 0
    private var atLineStart = true
    private var lastLineBlank = true
    /// At the start of a block's content: line-start syntax (`-`, `+`, `=`, `1.`) must be escaped.
    var beginContent = true
    private var column = 0
    /// Where the current line may be broken (index of a space in `out`), when wrapping.
    private var lastBreakable: Int?
    /// Wrap width; 0 means no wrapping.
    let width: Int
    /// In a tight list item, blank lines between blocks become plain line ends.
    var tight = false
    /// Inside a pipe table cell: `|` is escaped everywhere.
    var inTable = false
    /// Whether `~` is escaped (GFM strikethrough).
    let escapeTilde: Bool

    init(width: Int, escapeTilde: Bool) {
        self.width = max(0, width)
        self.escapeTilde = escapeTilde
    }

    var isEmpty: Bool { out.isEmpty }

    /// The last character written on this line (nil at a line start), for choosing delimiters.
    var lastCharacter: Character? {
        guard !atLineStart, needCR == 0, !out.isEmpty else { return nil }
        var start = out.count - 1
        while start > 0, out[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: out[start...], as: UTF8.self).first
    }

    /// The list marker this line holds when nothing follows it yet (`-` in `- `), else nil.
    var markerBeforeContent: UInt8? {
        guard !atLineStart, needCR == 0, column == prefix.count, out.last == 32 else { return nil }
        var i = out.count - 1
        while i >= 0, out[i] == 32 { i -= 1 }
        return i >= 0 ? out[i] : nil
    }

    mutating func cr() { needCR = max(needCR, 1) }
    mutating func blankLine() { needCR = max(needCR, 2) }

    /// Writes pending line ends now.
    mutating func flush() {
        guard needCR > 0 else { return }
        var pending = tight ? min(needCR, 1) : needCR
        needCR = 0
        if out.isEmpty { return }
        if !atLineStart {
            trimTrailingSpaces()
            out.append(10)
            atLineStart = true
            lastLineBlank = false
        }
        pending -= 1
        if pending > 0, !lastLineBlank {
            out += trimmedPrefix
            out.append(10)
            lastLineBlank = true
        }
        beginContent = true
        column = 0
        lastBreakable = nil
    }

    private var trimmedPrefix: [UInt8] {
        var p = prefix
        while p.last == 32 { p.removeLast() }
        return p
    }

    private mutating func trimTrailingSpaces() {
        while let last = out.last, last == 32 || last == 9 {
            if out.count <= prefix.count { break }
            out.removeLast()
        }
    }

    /// Ends the current line inside a block (a soft break or a line of code).
    mutating func newline() {
        if atLineStart {
            out += trimmedPrefix
            lastLineBlank = true
        } else {
            lastLineBlank = false
        }
        out.append(10)
        atLineStart = true
        beginContent = true
        column = 0
        lastBreakable = nil
    }

    /// Removes spaces at the end of the line (before a soft break: two would make a hard break).
    mutating func trimLineEnd() {
        guard !atLineStart else { return }
        trimTrailingSpaces()
    }

    private mutating func startLine() {
        flush()
        if atLineStart {
            out += prefix
            atLineStart = false
            lastLineBlank = false
            column = prefix.count
            lastBreakable = nil
        }
    }

    static func isPunctuation(_ c: UInt8) -> Bool {
        (33...47).contains(c) || (58...64).contains(c) || (91...96).contains(c) || (123...126).contains(c)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }

    /// Writes `s`; `\n` ends a line (and starts the next with the prefix).
    mutating func put(_ s: String, _ mode: Mode, wrap: Bool = false) {
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            i += 1
            if c == 10 {
                if mode == .normal {
                    // A newline inside text: a soft break, never a blank line.
                    if !atLineStart { trimLineEnd(); newline() }
                } else {
                    flush()
                    newline()
                }
                continue
            }
            if mode == .normal, c == 32 || c == 9, needCR > 0 || atLineStart || column == prefix.count {
                // White space at the start of a line would be dropped by a reader (or start a code block).
                continue
            }
            startLine()
            if c == 32, wrap, width > 0 {
                out.append(32)
                column += 1
                beginContent = false
                if Self.isLetter(next) || next >= 0x80 { lastBreakable = out.count - 1 }
                continue
            }
            switch mode {
            case .literal:
                out.append(c)
            case .normal:
                if needsEscape(c, next: next) {
                    if c < 32 || c == 127 {
                        out += Array("&#\(c);".utf8)
                        column += 4
                    } else {
                        out.append(92)
                        out.append(c)
                        column += 1
                    }
                } else {
                    out.append(c)
                }
            case .title:
                if c == 34 || c == 92 || c == 96 || c == 60 || c == 62 || (c == 38 && (Self.isLetter(next) || next == 35)) {
                    out.append(92)
                    column += 1
                }
                out.append(c)
            }
            if c & 0xC0 != 0x80 { column += 1 }
            beginContent = beginContent && Self.isDigit(c)
            if wrap, width > 0, column > width, let breakAt = lastBreakable {
                let remainder = Array(out[(breakAt + 1)...])
                out.removeSubrange(breakAt...)
                out.append(10)
                out += prefix
                out += remainder
                column = prefix.count + remainder.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                lastBreakable = nil
            }
        }
    }

    /// Whether the output ends with `word` (ASCII, any case) that starts a word.
    private func endsWith(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard out.count >= w.count else { return false }
        for (k, c) in w.enumerated() where out[out.count - w.count + k] | 0x20 != c { return false }
        let before = out.count - w.count - 1
        return before < 0 || !(Self.isLetter(out[before]) || Self.isDigit(out[before]))
    }

    private func needsEscape(_ c: UInt8, next: UInt8) -> Bool {
        guard c < 0x80 else { return false }
        let followsDigit = out.last.map(Self.isDigit) ?? false
        switch c {
        case 0..<32, 127: return true
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "`"):
            return true
        case UInt8(ascii: "~"): return escapeTilde || beginContent
        case UInt8(ascii: "|"): return inTable
        case UInt8(ascii: "&"): return Self.isLetter(next) || next == 35
        case UInt8(ascii: "!"): return next == UInt8(ascii: "[")
        // GFM extended autolinks: `http://`, `https://`, `ftp://` and `www.` in text would become links.
        case UInt8(ascii: ":"): return escapeTilde && next == UInt8(ascii: "/") && (endsWith("http") || endsWith("https") || endsWith("ftp"))
        case UInt8(ascii: "."): 
            if escapeTilde, endsWith("www") { return true }
            return beginContent && followsDigit && (next == 0 || next == 32 || next == 9 || next == 10)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
            // List markers (`- `, `+ `), thematic breaks and setext underlines (`---`, `===`).
            guard beginContent, !followsDigit else { return false }
            return next == 0 || next == 32 || next == 9 || next == 10 || (c != UInt8(ascii: "+") && next == c)
        case UInt8(ascii: ")"):
            return beginContent && followsDigit && (next == 0 || next == 32 || next == 9 || next == 10)
        default: return false
        }
    }

    /// Before a `[` written as syntax: a `!` just written would turn a link into an image.
    mutating func escapeTrailingBang() {
        guard !atLineStart, needCR == 0, out.last == UInt8(ascii: "!") else { return }
        var backslashes = 0
        var i = out.count - 2
        while i >= 0, out[i] == 92 { backslashes += 1; i -= 1 }
        if backslashes % 2 == 0 { out.insert(92, at: out.count - 1) }
    }

    /// The finished text, ending with one newline.
    mutating func finish() -> [UInt8] {
        needCR = 0
        while let last = out.last, last == 10 || last == 32 { out.removeLast() }
        if !out.isEmpty { out.append(10) }
        return out
    }
}
