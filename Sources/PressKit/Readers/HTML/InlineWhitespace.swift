/// Collapses whitespace in inline content as a browser renders it: runs of spaces, tabs and newlines become
/// one space, across element boundaries; none at the start or end of a block or around line breaks.
enum InlineWhitespace {
    static func normalize(_ inlines: [Inline]) -> [Inline] {
        var lastWasSpace = true
        var out = collapse(inlines, lastWasSpace: &lastWasSpace)
        trimTrailing(&out)
        return out
    }

    private static func collapse(_ inlines: [Inline], lastWasSpace: inout Bool) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let s):
                let t = HTMLText.collapseRuns(s, lastWasSpace: &lastWasSpace)
                if t.isEmpty { continue }
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + t)
                } else {
                    out.append(.text(t))
                }
            case .emphasis(let c): wrap(c, Inline.emphasis, &out, &lastWasSpace)
            case .strong(let c): wrap(c, Inline.strong, &out, &lastWasSpace)
            case .underline(let c): wrap(c, Inline.underline, &out, &lastWasSpace)
            case .strikethrough(let c): wrap(c, Inline.strikethrough, &out, &lastWasSpace)
            case .superscript(let c): wrap(c, Inline.superscript, &out, &lastWasSpace)
            case .subscript(let c): wrap(c, Inline.subscript, &out, &lastWasSpace)
            case .link(var link):
                let inner = collapse(link.content, lastWasSpace: &lastWasSpace)
                if inner.isEmpty { continue }
                link.content = inner
                out.append(.link(link))
            case .lineBreak:
                trimTrailing(&out)
                if out.isEmpty { continue }
                out.append(.lineBreak)
                lastWasSpace = true
            case .softBreak:
                if !lastWasSpace { out.append(.softBreak); lastWasSpace = true }
            case .code(let s):
                let t = HTMLText.collapse(s)
                if !t.isEmpty { out.append(.code(t)); lastWasSpace = false }
            case .image, .raw, .note:
                out.append(inline)
                lastWasSpace = false
            }
        }
        return out
    }

    private static func wrap(_ content: [Inline], _ make: ([Inline]) -> Inline, _ out: inout [Inline],
                             _ lastWasSpace: inout Bool) {
        let inner = collapse(content, lastWasSpace: &lastWasSpace)
        if !inner.isEmpty { out.append(make(inner)) }
    }

    /// Removes trailing spaces (inside nested inlines too) and trailing line breaks.
    static func trimTrailing(_ inlines: inout [Inline]) {
        while let last = inlines.last {
            switch last {
            case .text(var s):
                while s.last == " " { s.removeLast() }
                if s.isEmpty { inlines.removeLast(); continue }
                inlines[inlines.count - 1] = .text(s)
                return
            case .lineBreak, .softBreak:
                inlines.removeLast()
            case .emphasis(var c): trimTrailing(&c); if c.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .emphasis(c); return }
            case .strong(var c): trimTrailing(&c); if c.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .strong(c); return }
            case .underline(var c): trimTrailing(&c); if c.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .underline(c); return }
            case .strikethrough(var c): trimTrailing(&c); if c.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .strikethrough(c); return }
            case .superscript(var c): trimTrailing(&c); if c.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .superscript(c); return }
            case .subscript(var c): trimTrailing(&c); if c.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .subscript(c); return }
            case .link(var link):
                trimTrailing(&link.content)
                if link.content.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .link(link); return }
            case .code, .image, .raw, .note:
                return
            }
        }
    }
}
