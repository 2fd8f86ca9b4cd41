/// Makes a page's link and image references absolute: against `<base href>`, else the page's canonical URL
/// (resolved itself against the other). `javascript:` links are dropped (their text stays), and so are
/// site-relative links of a page that gives no base URL: they would be dead outside the site. Image sources
/// stay relative then, as resources next to the page may still be found.
final class HTMLLinkResolver {
    /// The absolute URL references are resolved against, if the page gives one.
    let base: String?
    /// How many relative links were dropped for want of a base URL.
    private(set) var droppedRelativeLinks = 0
    /// Marks a target that could not be resolved: such links stay links until the article's edges are
    /// trimmed (a breadcrumb is recognised by its links), then `unwrapUnresolved` turns them into text.
    static let unresolvedMark = "\u{0}unresolved:"

    init(baseHref: String?, canonical: String?) {
        let canonicalAbsolute = canonical.flatMap { URLReference.isAbsolute($0) ? $0 : nil }
        if let baseHref, !baseHref.isEmpty {
            base = URLReference.isAbsolute(baseHref) ? baseHref
                : (canonicalAbsolute.map { URLReference.resolve(baseHref, against: $0) })
        } else {
            base = canonicalAbsolute
        }
    }

    /// The absolute target of an `href`, or nil for links that lead nowhere outside a browser.
    func linkTarget(_ href: String) -> String? {
        let trimmed = href.trimmingWhitespaceAndControls()
        if trimmed.isEmpty { return nil }
        let scheme = URLReference(trimmed).scheme
        if scheme == "javascript" || scheme == "vbscript" || scheme == "data" { return nil }
        if scheme != nil { return trimmed }
        guard base != nil else {
            droppedRelativeLinks += 1
            return Self.unresolvedMark + trimmed
        }
        return URLReference.resolve(trimmed, against: base)
    }

    /// A resource reference (an image) made absolute when a base is known, else left as it is.
    func resource(_ reference: String) -> String {
        let trimmed = reference.trimmingWhitespaceAndControls()
        return URLReference.isAbsolute(trimmed) ? trimmed : URLReference.resolve(trimmed, against: base)
    }

    /// The absolute source of an `img`, looking past lazy-loading placeholders.
    func imageSource(_ dom: HTMLDOM, _ i: Int) -> String? {
        var candidates: [String] = []
        for name in ["src", "data-src", "data-lazy-src", "data-original", "data-url"] {
            if let v = dom.attribute(name, of: i)?.trimmingWhitespaceAndControls(), !v.isEmpty { candidates.append(v) }
        }
        if let srcset = dom.attribute("srcset", of: i) ?? dom.attribute("data-srcset", of: i),
           let first = srcset.split(separator: ",").first?.split(separator: " ").first {
            candidates.append(String(first))
        }
        guard let source = candidates.first(where: { !$0.lowercased().hasPrefix("data:") }) ?? candidates.first else {
            return nil
        }
        if source.lowercased().hasPrefix("javascript:") { return nil }
        return resource(source)
    }

    /// The blocks with every link whose target is marked unresolved replaced by its content.
    static func unwrapUnresolved(_ blocks: [Block]) -> [Block] {
        blocks.map(unwrap)
    }

    private static func unwrap(_ block: Block) -> Block {
        switch block {
        case .paragraph(let c): return .paragraph(unwrap(c))
        case .heading(let level, let c, let id): return .heading(level: level, content: unwrap(c), id: id)
        case .bulletList(var l): l.items = l.items.map { ListItem(blocks: $0.blocks.map(unwrap), checked: $0.checked) }; return .bulletList(l)
        case .orderedList(var l): l.items = l.items.map { ListItem(blocks: $0.blocks.map(unwrap), checked: $0.checked) }; return .orderedList(l)
        case .blockQuote(let b): return .blockQuote(b.map(unwrap))
        case .division(let role, let b): return .division(role: role, blocks: b.map(unwrap))
        case .table(var t):
            t.caption = unwrap(t.caption)
            t.header = t.header.map { $0.map { TableCell(blocks: $0.blocks.map(unwrap), colspan: $0.colspan, rowspan: $0.rowspan) } }
            t.rows = t.rows.map { $0.map { TableCell(blocks: $0.blocks.map(unwrap), colspan: $0.colspan, rowspan: $0.rowspan) } }
            return .table(t)
        case .figure(var f): f.caption = unwrap(f.caption); return .figure(f)
        case .definitionList(let items):
            return .definitionList(items.map { DefinitionItem(term: unwrap($0.term), definitions: $0.definitions.map { $0.map(unwrap) }) })
        case .codeBlock, .thematicBreak, .raw: return block
        }
    }

    private static func unwrap(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .link(var link):
                if link.target.hasPrefix(unresolvedMark) { out += unwrap(link.content); continue }
                link.content = unwrap(link.content)
                out.append(.link(link))
            case .emphasis(let c): out.append(.emphasis(unwrap(c)))
            case .strong(let c): out.append(.strong(unwrap(c)))
            case .underline(let c): out.append(.underline(unwrap(c)))
            case .strikethrough(let c): out.append(.strikethrough(unwrap(c)))
            case .superscript(let c): out.append(.superscript(unwrap(c)))
            case .subscript(let c): out.append(.subscript(unwrap(c)))
            case .note(let b): out.append(.note(b.map(unwrap)))
            case .text, .code, .image, .softBreak, .lineBreak, .raw: out.append(inline)
            }
        }
        // Neighbouring text runs left by unwrapped links become one.
        var merged: [Inline] = []
        for inline in out {
            if case .text(let t) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + t)
            } else {
                merged.append(inline)
            }
        }
        return merged
    }
}
