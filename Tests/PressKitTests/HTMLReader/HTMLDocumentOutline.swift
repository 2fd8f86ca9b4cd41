@testable import PressKit

/// A compact outline of a document for tests and for looking at what the HTML reader made of a page.
enum HTMLDocumentOutline {
    static func render(_ document: Document) -> String {
        var out: [String] = []
        let m = document.metadata
        out.append("title: \(m.title ?? "-") | subtitle: \(m.subtitle ?? "-") | date: \(m.date ?? "-") (\(m.dateSource ?? "-"))")
        out.append("org: \(m.organization ?? "-") | authors: \(m.authors) | lang: \(m.language ?? "-") | source: \(m.source ?? "-")")
        out.append("image: \(m.image ?? "-") | keywords: \(m.keywords) | description: \(m.description ?? "-")")
        for block in document.blocks { render(block, indent: "", into: &out) }
        return out.joined(separator: "\n")
    }

    static func render(_ block: Block, indent: String, into out: inout [String]) {
        switch block {
        case .paragraph(let c): out.append(indent + "P: " + inline(c))
        case .heading(let level, let c, _): out.append(indent + "H\(level): " + inline(c))
        case .bulletList(let l), .orderedList(let l):
            if case .orderedList = block { out.append(indent + "OL start=\(l.start)") } else { out.append(indent + "UL") }
            for item in l.items {
                out.append(indent + "  - item")
                for b in item.blocks { render(b, indent: indent + "    ", into: &out) }
            }
        case .blockQuote(let blocks):
            out.append(indent + "QUOTE")
            for b in blocks { render(b, indent: indent + "  ", into: &out) }
        case .codeBlock(let lang, let text): out.append(indent + "CODE(\(lang ?? "")): " + text)
        case .table(let t):
            out.append(indent + "TABLE caption=\(inline(t.caption))")
            for row in t.header { out.append(indent + "  TH " + row.map { cell($0) }.joined(separator: " | ")) }
            for row in t.rows { out.append(indent + "  TR " + row.map { cell($0) }.joined(separator: " | ")) }
        case .figure(let f): out.append(indent + "FIGURE \(f.image.source) alt=\(f.image.alt) caption=\(inline(f.caption))")
        case .thematicBreak: out.append(indent + "HR")
        case .definitionList(let items):
            out.append(indent + "DL")
            for item in items {
                out.append(indent + "  DT " + inline(item.term))
                for d in item.definitions { for b in d { render(b, indent: indent + "    ", into: &out) } }
            }
        case .raw(let f, let t): out.append(indent + "RAW(\(f)): " + t)
        case .division(let role, let blocks):
            out.append(indent + "DIV \(role ?? "")")
            for b in blocks { render(b, indent: indent + "  ", into: &out) }
        }
    }

    static func cell(_ c: TableCell) -> String {
        var s = c.blocks.map { $0.plainText }.joined(separator: " ")
        if c.colspan > 1 { s += " (colspan \(c.colspan))" }
        if c.rowspan > 1 { s += " (rowspan \(c.rowspan))" }
        return s
    }

    static func inline(_ inlines: [Inline]) -> String {
        inlines.map { i -> String in
            switch i {
            case .text(let s): return s
            case .emphasis(let c): return "_" + inline(c) + "_"
            case .strong(let c): return "**" + inline(c) + "**"
            case .underline(let c): return "<u>" + inline(c) + "</u>"
            case .strikethrough(let c): return "~~" + inline(c) + "~~"
            case .superscript(let c): return "^" + inline(c) + "^"
            case .subscript(let c): return "~" + inline(c) + "~"
            case .code(let s): return "`" + s + "`"
            case .link(let l): return "[" + inline(l.content) + "](" + l.target + ")"
            case .image(let img): return "![" + img.alt + "](" + img.source + ")"
            case .softBreak: return " "
            case .lineBreak: return "\\n"
            case .raw(_, let t): return t
            case .note: return "[note]"
            }
        }.joined()
    }
}
