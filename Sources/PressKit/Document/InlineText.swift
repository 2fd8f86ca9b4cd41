extension Array where Element == Inline {
    /// The plain text of these inlines: what a search index or an `alt` attribute would hold.
    public var plainText: String {
        var out = ""
        for inline in self { inline.appendPlainText(to: &out) }
        return out
    }
}

extension Inline {
    func appendPlainText(to out: inout String) {
        switch self {
        case .text(let s), .code(let s): out += s
        case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c),
             .superscript(let c), .subscript(let c):
            for i in c { i.appendPlainText(to: &out) }
        case .link(let link): for i in link.content { i.appendPlainText(to: &out) }
        case .image(let image): out += image.alt
        case .softBreak, .lineBreak: out += " "
        case .raw: break
        case .note: break
        }
    }
}

extension Block {
    /// The plain text of a block, paragraphs joined by blank lines.
    public var plainText: String {
        switch self {
        case .paragraph(let c), .heading(_, let c, _): return c.plainText
        case .bulletList(let l), .orderedList(let l):
            return l.items.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .blockQuote(let b), .division(_, let b): return b.map(\.plainText).joined(separator: "\n\n")
        case .codeBlock(_, let t): return t
        case .table(let t):
            return (t.header + t.rows).map { row in
                row.map { $0.blocks.map(\.plainText).joined(separator: " ") }.joined(separator: "\t")
            }.joined(separator: "\n")
        case .figure(let f): return f.caption.isEmpty ? f.image.alt : f.caption.plainText
        case .thematicBreak, .raw: return ""
        case .definitionList(let items):
            return items.map { item in
                ([item.term.plainText] + item.definitions.map { $0.map(\.plainText).joined(separator: "\n") })
                    .joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }
}
