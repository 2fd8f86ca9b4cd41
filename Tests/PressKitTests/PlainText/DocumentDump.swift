@testable import PressKit

/// A stable, readable text form of a document for golden tests: the metadata fields one per line, then
/// one line per block (nested list items indented), links as `[text](target)`, hard breaks as ` / `.
enum DocumentDump {
    static func dump(_ document: Document) -> String {
        var out: [String] = []
        let m = document.metadata
        func field(_ name: String, _ value: String?) { if let value { out.append("\(name): \(value)") } }
        field("title", m.title)
        field("subtitle", m.subtitle)
        field("date", m.date.map { "\($0) (\(m.dateSource ?? "?"))" })
        field("dateline", m.dateline)
        field("embargo", m.embargo)
        field("organization", m.organization)
        field("language", m.language)
        field("source", m.source)
        for c in m.contacts {
            out.append("contact: " + [c.name, c.role, c.organization, c.email, c.phone].map { $0 ?? "-" }.joined(separator: " | "))
        }
        out.append("---")
        for block in document.blocks { dump(block, indent: "", into: &out) }
        return out.joined(separator: "\n") + "\n"
    }

    static func dump(_ block: Block, indent: String, into out: inout [String]) {
        switch block {
        case .paragraph(let c): out.append(indent + "p: " + inlines(c))
        case .heading(let level, let c, _): out.append(indent + "h\(level): " + inlines(c))
        case .bulletList(let l), .orderedList(let l):
            var kind = "ul"
            if case .orderedList = block { kind = "ol start=\(l.start) delim=\(l.delimiter)" }
            out.append(indent + kind + (l.tight ? " tight" : " loose"))
            for item in l.items {
                out.append(indent + "  *")
                for b in item.blocks { dump(b, indent: indent + "    ", into: &out) }
            }
        case .blockQuote(let b):
            out.append(indent + "quote")
            for x in b { dump(x, indent: indent + "  ", into: &out) }
        case .codeBlock(_, let t): out.append(indent + "code: " + t)
        case .thematicBreak: out.append(indent + "hr")
        case .division(let role, let b):
            out.append(indent + "div \(role ?? "")")
            for x in b { dump(x, indent: indent + "  ", into: &out) }
        default: out.append(indent + "other: " + block.plainText)
        }
    }

    static func inlines(_ inlines: [Inline]) -> String {
        var s = ""
        for inline in inlines {
            switch inline {
            case .text(let t): s += t
            case .link(let l): s += "[\(l.content.plainText)](\(l.target))"
            case .lineBreak: s += " / "
            case .softBreak: s += " "
            case .emphasis(let c): s += "_" + Self.inlines(c) + "_"
            case .strong(let c): s += "**" + Self.inlines(c) + "**"
            default: s += [inline].plainText
            }
        }
        return s
    }
}
