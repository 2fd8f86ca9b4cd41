/// The press contacts a page shows outside the article's text: a contact box in an aside or a column beside
/// the article ("Pressekontakt", "Media contact", "Ansprechpartnerin", "Contact presse", "Контакты для
/// СМИ"), read with the press pass's `ContactParser`. Site-wide furniture (footer, navigation, the page
/// header) is never searched: its "Kontakt" is the site's switchboard, not the release's contact. A block
/// inside the extracted article is left to the press pass, which takes it out of the body.
enum PageContacts {
    /// The contact blocks outside the extracted article (`extraction`'s roots, less what it excludes).
    static func find(dom: HTMLDOM, stats: HTMLPageStats, extraction: ContentExtractor.Extraction) -> [Contact] {
        let roots = Set(extraction.roots)
        return find(dom: dom, stats: stats) { node in
            var i = node
            while i >= 0 {
                if i < extraction.excluded.count, extraction.excluded[i] { return false }
                if roots.contains(i) { return true }
                i = Int(dom.nodes[i].parent)
            }
            return false
        }
    }

    /// The contacts of every contact block outside `inBody` and outside site furniture, in page order.
    static func find(dom: HTMLDOM, stats: HTMLPageStats, inBody: (Int) -> Bool) -> [Contact] {
        var found: [Contact] = []
        var i = 0
        let n = dom.nodes.count
        while i < n {
            defer { i += 1 }
            let node = dom.nodes[i]
            guard !node.isText, !stats.hidden[i], stats.textLength[i] > 0, stats.textLength[i] <= 60,
                  dom.subtreeEnd(i) - i <= Self.maxLabelNodes, isLabelTag(dom.tags[i]) else { continue }
            let text = HTMLText.collapse(dom.textContent(i))
            guard let remainder = ContactParser.labelRemainder(text), !isSiteFurniture(dom, i), !inBody(i) else { continue }
            var lines = remainder.isEmpty ? [] : [remainder]
            lines += following(i, dom: dom, stats: stats)
            guard ContactParser.looksLikeContact(lines) else { continue }
            let contacts = ContactParser.contacts(lines)
            // Under a bare "Kontakt" / "Contact" a box beside the text may be the site's switchboard: only a
            // block with an e-mail address counts; a press label ("Pressekontakt") takes a phone alone.
            let generic = genericLabels.contains(text.trimmingCharacters(":").fastLowercased())
            guard contacts.contains(where: { $0.email != nil || !generic && $0.phone != nil }) else { continue }
            for contact in contacts where !found.contains(contact) { found.append(contact) }
            i = dom.subtreeEnd(Int(node.parent) >= 0 ? Int(node.parent) : i) - 1
        }
        return found
    }

    /// A label's element with its descendants: more nodes than this is a container, not a label.
    private static let maxLabelNodes = 64

    private static let genericLabels: Set<String> = ["kontakt", "contact", "contacts", "контакты", "контакт", "contacto",
                                                     "contactos", "контакти", "contact information", "contact details"]

    /// Elements that may hold a contact block's label on their own.
    private static func isLabelTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .h2, .h3, .h4, .h5, .h6, .p, .div, .span, .strong, .b, .dt, .th, .header, .legend, .caption: return true
        default: return false
        }
    }

    /// The lines after a label: the rest of its block when the label is inline ("<p><strong>Contact:</strong>
    /// <br>Jane Doe…"), then its following siblings up to the next heading of the same or a higher level.
    private static func following(_ label: Int, dom: HTMLDOM, stats: HTMLPageStats) -> [String] {
        var start = label
        var lines: [String] = []
        let parent = Int(dom.nodes[label].parent)
        if !dom.tags[label].isBlock, parent >= 0 {
            // The label's own block: what follows the label inside it.
            lines += Self.lines(from: dom.subtreeEnd(label), to: dom.subtreeEnd(parent), dom: dom, stats: stats)
            start = parent
        }
        let level = dom.tags[start].headingLevel ?? 7
        var sibling = Int(dom.nodes[start].nextSibling)
        while sibling >= 0, lines.count <= 12 {
            let tag = dom.tags[sibling]
            if let l = tag.headingLevel, l <= level { break }
            lines += Self.lines(from: sibling, to: dom.subtreeEnd(sibling), dom: dom, stats: stats)
            sibling = Int(dom.nodes[sibling].nextSibling)
        }
        // "Pressekontakt" alone in a box's header: the details are in the box's next block.
        if lines.isEmpty, parent >= 0, dom.nodes[start].nextSibling < 0 {
            var next = Int(dom.nodes[parent].nextSibling)
            while next >= 0, dom.nodes[next].isText, HTMLText.collapse(dom.nodes[next].text).isEmpty {
                next = Int(dom.nodes[next].nextSibling)
            }
            if next >= 0 { lines = Self.lines(from: next, to: dom.subtreeEnd(next), dom: dom, stats: stats) }
        }
        return lines
    }

    /// The visible text of nodes `start..<end` as lines: a line ends at `<br>` and at every block's start
    /// and end. A `mailto:` link whose text is not the address ("E-Mail schreiben") gives the address.
    static func lines(from start: Int, to end: Int, dom: HTMLDOM, stats: HTMLPageStats) -> [String] {
        var lines: [String] = []
        var current = ""
        var blockEnds: [Int] = []
        func breakLine() {
            let line = HTMLText.collapse(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        var i = start
        while i < end {
            while let last = blockEnds.last, i >= last { blockEnds.removeLast(); breakLine() }
            if stats.hidden[i] { i = dom.subtreeEnd(i); continue }
            let node = dom.nodes[i]
            if node.isText {
                current += node.text
            } else if dom.tags[i] == .br {
                breakLine()
            } else if dom.tags[i].isBlock {
                breakLine()
                blockEnds.append(dom.subtreeEnd(i))
            } else if dom.tags[i] == .a, let href = dom.attribute(.href, of: i), href.fastLowercased().hasPrefix("mailto:"),
                      !dom.textContent(i).contains("@") {
                let address = String(href.dropFirst(7).prefix { $0 != "?" })
                current += " " + address + " "
                i = dom.subtreeEnd(i)
                continue
            }
            i += 1
        }
        breakLine()
        return lines
    }

    private static let furnitureWords = SubstringSet([
        "footer", "navbar", "navigation", "menu", "breadcrumb", "cookie", "masthead", "site-header", "topbar",
        "offcanvas", "off-canvas", "metanav", "meta-nav", "service-nav", "skip",
    ])

    /// Whether the node sits in the site's furniture: a footer, navigation or page header outside the
    /// article, by element, ARIA role or class.
    static func isSiteFurniture(_ dom: HTMLDOM, _ index: Int) -> Bool {
        var chain: [Int] = []
        var i = index
        while i >= 0 { chain.append(i); i = Int(dom.nodes[i].parent) }
        let insideArticle = chain.contains { dom.tags[$0] == .article || dom.tags[$0] == .main }
        for node in chain {
            switch dom.tags[node] {
            case .nav, .menu: return true
            case .footer, .header: if !insideArticle { return true }
            default: break
            }
            if let role = dom.attribute(.role, of: node)?.fastLowercased(), ["navigation", "contentinfo", "banner", "menu"].contains(role) {
                return true
            }
            let words = BoilerplateHints.classAndID(dom, node)
            if !words.isEmpty, words.hasAnySubstring(furnitureWords), !(insideArticle && words.hasSubstring("footer")) {
                return true
            }
        }
        return false
    }
}
