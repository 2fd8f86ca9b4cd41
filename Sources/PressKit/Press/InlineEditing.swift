/// Small edits on inline content used by the press-release pass: splitting at line breaks and dropping a
/// leading run of text (a dateline) while keeping the rest of the paragraph's markup and links.
enum InlineEditing {
    /// The inlines split at hard line breaks, and at soft ones too with `soft` (Markdown keeps a contact
    /// block's lines as soft breaks).
    static func lines(_ inlines: [Inline], soft: Bool = false) -> [[Inline]] {
        var result: [[Inline]] = [[]]
        for inline in inlines {
            if isBreak(inline, soft: soft) { result.append([]) } else { result[result.count - 1].append(inline) }
        }
        return result
    }

    private static func isBreak(_ inline: Inline, soft: Bool) -> Bool {
        switch inline {
        case .lineBreak: return true
        case .softBreak: return soft
        default: return false
        }
    }

    /// The inlines without the lines numbered in `remove` (as `lines(_:soft:)` counts them); the other
    /// lines keep the breaks that were between them.
    /// (An array, not a set: a release removes a line or two, and the first `Set<Int>` of a process cost
    /// 0.22 M instructions, the run-time's first look for `Int: Hashable`.)
    static func removingLines(_ inlines: [Inline], soft: Bool, remove: [Int]) -> [Inline] {
        var out: [Inline] = []
        var line = 0
        var pendingBreak: Inline?
        for inline in inlines {
            if isBreak(inline, soft: soft) {
                if !remove.contains(line), !out.isEmpty || pendingBreak != nil { pendingBreak = inline }
                line += 1
                continue
            }
            guard !remove.contains(line) else { continue }
            if let b = pendingBreak, !out.isEmpty { out.append(b) }
            pendingBreak = nil
            out.append(inline)
        }
        return out
    }

    /// Lines joined back with hard line breaks.
    static func join(_ lines: [[Inline]]) -> [Inline] {
        var out: [Inline] = []
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append(.lineBreak) }
            out += line
        }
        return out
    }

    /// The inlines without their first `count` Unicode scalars of plain text (as `plainText` counts them),
    /// then without leading white space and breaks.
    static func dropPrefix(_ inlines: [Inline], scalars count: Int) -> [Inline] {
        var remaining = count
        var out = drop(inlines, &remaining)
        trimLeading(&out)
        return out
    }

    private static func drop(_ inlines: [Inline], _ remaining: inout Int) -> [Inline] {
        var out: [Inline] = []
        for (index, inline) in inlines.enumerated() {
            if remaining <= 0 {
                out += inlines[index...]
                return out
            }
            switch inline {
            case .text(let s):
                let n = s.unicodeScalars.count
                if n <= remaining { remaining -= n } else {
                    let start = s.unicodeScalars.index(s.unicodeScalars.startIndex, offsetBy: remaining)
                    out.append(.text(String(s.unicodeScalars[start...])))
                    remaining = 0
                }
            case .code(let s):
                let n = s.unicodeScalars.count
                if n <= remaining { remaining -= n } else { remaining = 0; out.append(inline) }
            case .softBreak, .lineBreak:
                remaining -= 1
            case .image(let image):
                remaining -= image.alt.unicodeScalars.count
            case .raw, .note:
                break
            case .emphasis(let c): rewrap(drop(c, &remaining), Inline.emphasis, &out)
            case .strong(let c): rewrap(drop(c, &remaining), Inline.strong, &out)
            case .underline(let c): rewrap(drop(c, &remaining), Inline.underline, &out)
            case .strikethrough(let c): rewrap(drop(c, &remaining), Inline.strikethrough, &out)
            case .superscript(let c): rewrap(drop(c, &remaining), Inline.superscript, &out)
            case .subscript(let c): rewrap(drop(c, &remaining), Inline.subscript, &out)
            case .link(var link):
                let inner = drop(link.content, &remaining)
                if !inner.isEmpty { link.content = inner; out.append(.link(link)) }
            }
        }
        return out
    }

    private static func rewrap(_ inner: [Inline], _ make: ([Inline]) -> Inline, _ out: inout [Inline]) {
        if !inner.isEmpty { out.append(make(inner)) }
    }

    /// Drops leading spaces, breaks and empty texts.
    static func trimLeading(_ inlines: inout [Inline]) {
        while let first = inlines.first {
            switch first {
            case .softBreak, .lineBreak:
                inlines.removeFirst()
            case .text(let s):
                let trimmed = s.drop { $0.isWhitespace }
                if trimmed.isEmpty { inlines.removeFirst(); continue }
                inlines[0] = .text(String(trimmed))
                return
            default:
                return
            }
        }
    }

    /// The first http(s) link target in the inlines, if any.
    static func firstLinkTarget(_ inlines: [Inline]) -> String? {
        for inline in inlines {
            switch inline {
            case .link(let link):
                if link.target.hasPrefix("http://") || link.target.hasPrefix("https://") { return link.target }
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                if let t = firstLinkTarget(c) { return t }
            default:
                continue
            }
        }
        return nil
    }
}

extension String {
    /// White space runs collapsed to one space, and trimmed.
    var collapsingSpaces: String {
        if let collapsed = bytesCollapsingSpaces() { return collapsed }
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for c in self {
            if c.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(c)
        }
        return out
    }

    /// `collapsingSpaces` on bytes for ASCII or other `SimpleText` (nil otherwise), where a Character is one
    /// scalar (or CR LF, white space either way) and the white space ones are tab through carriage return and
    /// space.
    private func bytesCollapsingSpaces() -> String? {
        var source = self
        return source.withUTF8 { bytes -> String? in
            guard SimpleText.isSimple(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var n = 0
                var pendingSpace = false
                for b in bytes {
                    if b == 32 || (b >= 9 && b <= 13) { pendingSpace = n > 0; continue }
                    if pendingSpace { buffer[n] = 32; n += 1; pendingSpace = false }
                    buffer[n] = b
                    n += 1
                }
                return n
            }
        }
    }
}
