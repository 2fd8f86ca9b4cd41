/// Maps DOM elements to the document tree: blocks for block-level elements, inlines for phrasing content.
///
/// Recursion follows the page's nesting but stops at `maxDepth` (200): deeper content is flattened into
/// paragraphs by a loop, so hostile nesting cannot overflow the stack.
struct HTMLBlockMapper {
    static let maxDepth = 200

    let dom: HTMLDOM
    /// Nodes left out: hidden, never content, or boilerplate removed by the extractor.
    let skip: [Bool]
    let stats: HTMLPageStats
    let links: HTMLLinkResolver

    init(dom: HTMLDOM, excluded: [Bool], links: HTMLLinkResolver, facts: HTMLNodeFacts? = nil) {
        self.dom = dom
        self.stats = HTMLPageStats(dom: dom, excluded: excluded, facts: facts)
        self.skip = stats.hidden
        self.links = links
    }

    /// The blocks of these elements, in order, as one flow.
    func blocks(of roots: [Int]) -> [Block] {
        var out: [Block] = []
        var pending: [Inline] = []
        for root in roots { append(root, to: &out, pending: &pending, depth: 0) }
        flush(&pending, into: &out)
        return out
    }

    /// The blocks inside one element.
    func contentBlocks(of i: Int, depth: Int) -> [Block] {
        var out: [Block] = []
        var pending: [Inline] = []
        for child in dom.children(of: i) { append(child, to: &out, pending: &pending, depth: depth + 1) }
        flush(&pending, into: &out)
        return out
    }

    func flush(_ pending: inout [Inline], into out: inout [Block]) {
        guard !pending.isEmpty else { return }
        let inlines = InlineWhitespace.normalize(pending)
        pending.removeAll()
        if !inlines.isEmpty { out.append(.paragraph(inlines)) }
    }

    func append(_ i: Int, to out: inout [Block], pending: inout [Inline], depth: Int) {
        if skip[i] { return }
        let node = dom.nodes[i]
        if node.isText { pending.append(.text(node.text)); return }
        if depth > Self.maxDepth {
            flush(&pending, into: &out)
            out.append(contentsOf: flattened(i))
            return
        }
        let tag = dom.tags[i]
        let isBlock = tag.isBlock
        if !isBlock {
            if !stats.hasBlock[i] {
                pending.append(contentsOf: inline(i, depth: depth))
            } else {
                for child in dom.children(of: i) { append(child, to: &out, pending: &pending, depth: depth + 1) }
            }
            return
        }
        flush(&pending, into: &out)
        if let level = tag.headingLevel {
            let content = InlineWhitespace.normalize(inlines(of: i, depth: depth))
            if !content.isEmpty { out.append(.heading(level: level, content: content, id: dom.attribute(.id, of: i))) }
            return
        }
        switch tag {
        case .ul, .ol, .menu, .dir:
            if let list = list(i, depth: depth) { out.append(list) }
        case .blockquote:
            let inner = contentBlocks(of: i, depth: depth)
            if !inner.isEmpty { out.append(.blockQuote(inner)) }
        case .pre, .xmp, .listing, .plaintext:
            let text = preformattedText(i)
            if !text.isEmpty { out.append(.codeBlock(language: codeLanguage(i), text: text)) }
        case .table:
            out.append(contentsOf: table(i, depth: depth))
        case .figure:
            out.append(contentsOf: figure(i, depth: depth))
        case _ where isCaptionedImage(i):
            out.append(contentsOf: figure(i, depth: depth))
        case .hr:
            out.append(.thematicBreak)
        case .dl:
            if let list = definitionList(i, depth: depth) { out.append(list) }
        default:
            out.append(contentsOf: contentBlocks(of: i, depth: depth))
        }
    }

    // MARK: inlines

    func inlines(of i: Int, depth: Int) -> [Inline] {
        var out: [Inline] = []
        for child in dom.children(of: i) { out.append(contentsOf: inline(child, depth: depth + 1)) }
        return out
    }

    private func inline(_ i: Int, depth: Int) -> [Inline] {
        if skip[i] { return [] }
        let node = dom.nodes[i]
        if node.isText { return [.text(node.text)] }
        if depth > Self.maxDepth { return [.text(" " + visibleText(i) + " ")] }
        switch dom.tags[i] {
        case .em, .i, .cite, .dfn, .var: return [.emphasis(inlines(of: i, depth: depth))]
        case .strong, .b: return [.strong(inlines(of: i, depth: depth))]
        case .u, .ins: return [.underline(inlines(of: i, depth: depth))]
        case .s, .strike, .del: return [.strikethrough(inlines(of: i, depth: depth))]
        case .sup: return [.superscript(inlines(of: i, depth: depth))]
        case .sub: return [.subscript(inlines(of: i, depth: depth))]
        case .code, .kbd, .samp, .tt:
            let text = visibleText(i)
            return text.isEmpty ? [] : [.code(text)]
        case .br: return [.lineBreak]
        case .img: return image(i).map { [.image($0)] } ?? []
        case .a: return link(i, depth: depth)
        case .q: return [.text("“")] + inlines(of: i, depth: depth) + [.text("”")]
        default:
            if dom.tags[i].isBlock {
                // A block inside phrasing content (a div in a heading): keep its words apart.
                return [.text(" ")] + inlines(of: i, depth: depth) + [.text(" ")]
            }
            return inlines(of: i, depth: depth)
        }
    }

    private func link(_ i: Int, depth: Int) -> [Inline] {
        let content = inlines(of: i, depth: depth)
        guard let href = dom.attribute(.href, of: i), let target = links.linkTarget(href) else { return content }
        if content.isEmpty { return [] }
        return [.link(Link(target: target, title: dom.attribute(.title, of: i).flatMap(nonEmpty), content: content))]
    }

    func image(_ i: Int) -> Image? {
        guard let source = links.imageSource(dom, i) else { return nil }
        let alt = HTMLText.collapse(dom.attribute(.alt, of: i) ?? "")
        return Image(source: source,
                     alt: HTMLBodyNoise.isFileNameAlt(alt, source: source) ? "" : alt,
                     title: dom.attribute(.title, of: i).flatMap(nonEmpty),
                     width: dom.attribute(.width, of: i).flatMap(pixels),
                     height: dom.attribute(.height, of: i).flatMap(pixels))
    }

    // MARK: blocks

    private func list(_ i: Int, depth: Int) -> Block? {
        var items: [ListItem] = []
        var stray: [Int] = []
        func flushStray() {
            guard !stray.isEmpty else { return }
            let blocks = blocks(of: stray)
            stray.removeAll()
            guard !blocks.isEmpty else { return }
            if items.isEmpty { items.append(ListItem(blocks: blocks)) } else { items[items.count - 1].blocks += blocks }
        }
        for child in dom.children(of: i) where !skip[child] {
            if dom.tags[child] == .li {
                flushStray()
                let blocks = contentBlocks(of: child, depth: depth + 1)
                if !blocks.isEmpty { items.append(ListItem(blocks: blocks)) }
            } else {
                stray.append(child)
            }
        }
        flushStray()
        guard !items.isEmpty else { return nil }
        let tight = items.allSatisfy { $0.blocks.count <= 1 || !$0.blocks.dropFirst().contains { if case .paragraph = $0 { return true }; return false } }
        if dom.tags[i] == .ol {
            let start = dom.attribute(.start, of: i).flatMap { Int($0.trimmingWhitespaceAndControls()) } ?? 1
            return .orderedList(ListBlock(items: items, tight: tight, start: start))
        }
        return .bulletList(ListBlock(items: items, tight: tight))
    }

    private func definitionList(_ i: Int, depth: Int) -> Block? {
        var items: [DefinitionItem] = []
        for child in dom.children(of: i) where !skip[child] && !dom.nodes[child].isText {
            switch dom.tags[child] {
            case .dt:
                items.append(DefinitionItem(term: InlineWhitespace.normalize(inlines(of: child, depth: depth + 1)), definitions: []))
            case .dd:
                let blocks = contentBlocks(of: child, depth: depth + 1)
                if items.isEmpty { items.append(DefinitionItem(term: [], definitions: [])) }
                items[items.count - 1].definitions.append(blocks)
            case .div:  // <dl><div><dt/><dd/></div></dl> (HTML 5.2)
                if case .definitionList(let inner)? = definitionList(child, depth: depth + 1) { items += inner }
            default:
                break
            }
        }
        return items.isEmpty ? nil : .definitionList(items)
    }

    private func preformattedText(_ i: Int) -> String {
        var out = ""
        let end = dom.subtreeEnd(i)
        var j = i + 1
        while j < end {
            if skip[j] { j = dom.subtreeEnd(j); continue }
            let n = dom.nodes[j]
            if n.isText { out += n.text } else if dom.tags[j] == .br { out += "\n" }
            j += 1
        }
        if out.hasPrefix("\r\n") { out.removeFirst(2) } else if out.hasPrefix("\n") { out.removeFirst() }
        while let last = out.last, last.isWhitespace { out.removeLast() }
        return out
    }

    private func codeLanguage(_ i: Int) -> String? {
        var classes = dom.attribute(.class, of: i) ?? ""
        if let code = dom.first(.code, under: i), code != i { classes += " " + (dom.attribute(.class, of: code) ?? "") }
        for token in classes.split(separator: " ") {
            for prefix in ["language-", "lang-"] where token.hasPrefix(prefix) {
                let name = token.dropFirst(prefix.count)
                if !name.isEmpty { return String(name) }
            }
        }
        return nil
    }

    /// Text of a subtree with whitespace collapsed, skipping left-out nodes, without recursion.
    func visibleText(_ i: Int) -> String {
        var out = ""
        let end = dom.subtreeEnd(i)
        var j = i
        while j < end {
            if skip[j] { j = dom.subtreeEnd(j); continue }
            if dom.nodes[j].isText { out += dom.nodes[j].text }
            j += 1
        }
        return HTMLText.collapse(out)
    }

    /// Content nested deeper than `maxDepth`: paragraphs of text, split where block elements start.
    private func flattened(_ i: Int) -> [Block] {
        var out: [Block] = []
        var text = ""
        func flushText() {
            let t = HTMLText.collapse(text)
            if !t.isEmpty { out.append(.paragraph([.text(t)])) }
            text = ""
        }
        let end = dom.subtreeEnd(i)
        var j = i
        while j < end {
            if skip[j] { j = dom.subtreeEnd(j); continue }
            let n = dom.nodes[j]
            if n.isText { text += n.text } else if dom.tags[j].isBlock { flushText() } else if dom.tags[j] == .br { text += " " }
            j += 1
        }
        flushText()
        return out
    }
}

private func nonEmpty(_ s: String) -> String? {
    let t = HTMLText.collapse(s)
    return t.isEmpty ? nil : t
}

private func pixels(_ s: String) -> Int? {
    let digits = s.trimmingWhitespaceAndControls().prefix { ($0.isASCII && $0.isNumber) }
    return digits.isEmpty ? nil : Int(digits)
}
