/// Reads the body of a .docx (and of its notes, table cells and text boxes) into blocks.
struct DOCXBodyReader {
    /// What one paragraph or table becomes before lists, quotes and code runs are grouped.
    enum Item {
        case block(Block)
        case listItem(numId: String, level: Int, block: Block)
        case code(String)
        case quote(Block)
        /// A paragraph whose numbering was taken away (`w:numId` 0): the next paragraph of the list item
        /// before it, or a plain paragraph when no list is open.
        case continuation(Block)
        case term([Inline])
        case definition(Block)
        /// A caption above a table: the table's caption if one follows, else a paragraph.
        case caption([Inline])
    }

    let package: DOCXSourcePackage
    let styles: DOCXStyleSheet
    /// The relationships of the part being read (the main document or a notes part).
    var relationships: [String: DOCXRelationship]
    var metadata = Metadata()
    var media: [String: String] = [:]
    var lists = DOCXListCounter()
    /// Notes being read inside notes (a hostile document may nest references).
    var noteDepth = 0
    /// Hyperlinks being read (their runs' underline is the link style's, not emphasis).
    var linkDepth = 0
    /// Messages for the conversion's diagnostics.
    var warnings: [String] = []
    /// Pieces of a paragraph that runs on into the next (a drop cap, a deleted paragraph mark).
    var carry: [DOCXPieces.Piece] = []
    /// Whether body text has begun (Title, Author, Abstract … paragraphs after it stay in the body).
    var bodyStarted = false
    /// Bookmark name → the id of the heading it marks; heading ids given so far.
    var headingAnchors: [String: String] = [:]
    var headingIds = UniqueNames()
    /// Whether the contact block's label paragraph has been read.
    var contactLabelSeen = false
    /// Bookmark → the bookmark it shares its place with (the first there names the place).
    var bookmarkAliases: [String: String] = [:]
    /// A limit the zip reader refused (a zip bomb among the media): the reader throws it.
    var failure: PressKitError?

    init(package: DOCXSourcePackage) {
        self.package = package
        self.styles = package.styles
        self.relationships = package.relationships
    }

    mutating func readBody() -> [Block] {
        guard let body = package.document.child("body") else { return [] }
        let blocks = blocks(of: body)
        var anchors = headingAnchors
        for (alias, first) in bookmarkAliases where anchors[alias] == nil { anchors[alias] = headingAnchors[first] ?? first }
        return anchors.isEmpty ? blocks : DOCXAnchors.retarget(blocks, anchors)
    }

    /// The blocks of a container (the body, a cell, a note, a text box).
    mutating func blocks(of container: XMLTreeElement) -> [Block] {
        var items: [Item] = []
        for child in container.elements { blockElement(child, into: &items) }
        return assemble(items)
    }

    mutating func blockElement(_ e: XMLTreeElement, into items: inout [Item]) {
        switch e.name {
        case "p": paragraph(e, into: &items)
        case "tbl": table(e, into: &items)
        case "sdt": for c in e.child("sdtContent")?.elements ?? [] { blockElement(c, into: &items) }
        case "customXml", "smartTag", "ins", "moveTo", "txbxContent", "sdtContent":
            for c in e.elements { blockElement(c, into: &items) }
        case "AlternateContent":
            if let chosen = e.child("Choice") ?? e.child("Fallback") {
                for c in chosen.elements { blockElement(c, into: &items) }
            }
        default: break
        }
    }

    // MARK: - Paragraphs

    mutating func paragraph(_ p: XMLTreeElement, into items: inout [Item]) {
        let pPr = p.child("pPr")
        let styleId = pPr?.child("pStyle")?.attribute("val") ?? styles.defaultParagraph
        let role = styles.role(styleId)
        var sink = DOCXPieces()
        inlineChildren(of: p, format: .plain, into: &sink)
        var pieces = carry + sink.finish()
        carry = []
        // A drop cap's frame and a paragraph whose mark was deleted run on into the next paragraph.
        if pPr?.child("framePr")?.attribute("dropCap").map({ $0 != "none" }) == true {
            carry = pieces
            for block in sink.pendingBlocks { items.append(.block(block)) }
            return
        }
        if pPr?.child("rPr")?.child("del") != nil {
            carry = pieces + [DOCXPieces.Piece(format: .plain, inline: .text(" "))]
            for block in sink.pendingBlocks { items.append(.block(block)) }
            return
        }
        if role != .code {
            // A tab between words reads as a space (its width is layout).
            for i in pieces.indices {
                if case .text(let t) = pieces[i].inline, t.contains("\t") {
                    pieces[i].inline = .text(t.replacingTabs)
                }
            }
        }
        var inlines = Self.trimmed(DOCXPieces.inlines(pieces))
        defer { for block in sink.pendingBlocks { items.append(.block(block)) } }

        if role == .code {
            items.append(.code(Self.codeText(pieces)))
            return
        }
        for (alias, first) in sink.aliases { bookmarkAliases[alias] = first }
        if inlines.isEmpty, case .heading(let level) = role {
            // pandoc keeps an empty heading (Word users leave them as spacing); so does presskit.
            items.append(.block(.heading(level: level, content: [], id: nil)))
            return
        }
        guard !inlines.isEmpty else { return }
        var numbering: (numId: String, ilvl: Int)?
        if let numPr = pPr?.child("numPr") {
            if let numId = numPr.child("numId")?.attribute("val") {
                numbering = (numId, numPr.child("ilvl")?.attribute("val").flatMap { Int($0) } ?? 0)
            } else if let fromStyle = styles.numbering(styleId) {
                numbering = (fromStyle.numId, numPr.child("ilvl")?.attribute("val").flatMap { Int($0) } ?? fromStyle.ilvl)
            }
        } else {
            numbering = styles.numbering(styleId)
        }
        let removedNumbering = numbering?.numId == "0"
        if let n = numbering, n.numId == "0" || package.numbering.instance(n.numId) == nil { numbering = nil }
        // The paragraph's text, for the roles that take it (most paragraphs never need it).
        var collapsed: String?
        func text() -> String {
            if let collapsed { return collapsed }
            let t = inlines.plainText.docxCollapsed
            collapsed = t
            return t
        }
        let leading = !bodyStarted
        bodyStarted = true
        if role != .contact { contactLabelSeen = false }

        switch role {
        case .heading(let level):
            var id: String?
            let marks = sink.bookmarks.filter { $0 != "_GoBack" }
            if !marks.isEmpty {
                let slug = DOCXAnchors.identifier(text(), taken: &headingIds)
                for mark in marks { headingAnchors[mark] = slug }
                id = slug
            }
            items.append(.block(.heading(level: level, content: inlines, id: id)))
            return
        case .title where metadata.title == nil && leading:
            metadata.title = text()
            bodyStarted = false
            return
        case .subtitle where metadata.subtitle == nil && leading:
            metadata.subtitle = text()
            bodyStarted = false
            return
        case .date where metadata.date == nil && leading:
            if let iso = DateNormalizer.normalize(text()) {
                metadata.date = iso
                metadata.dateSource = "docx"
                bodyStarted = false
                return
            }
        case .dateline where leading:
            readDateline(text())
            bodyStarted = false
            return
        case .contact:
            if contactLabelSeen {
                let lines = Self.lines(inlines)
                metadata.contacts += ContactParser.looksLikeContact(lines) || lines.count > 1
                    ? ContactParser.contacts(lines) : [Contact(text: lines.joined(separator: "\n"))]
            }
            contactLabelSeen = true
            return
        case .author where leading:
            metadata.authors.append(text())
            bodyStarted = false
            return
        case .abstract where leading:
            metadata.description = [metadata.description, text()].compactMap { $0 }.joined(separator: "\n")
            bodyStarted = false
            return
        case .caption:
            if attachCaption(inlines, to: &items) { return }
            items.append(.caption(inlines))
            return
        case .quote:
            items.append(.quote(.paragraph(inlines)))
            return
        case .definitionTerm:
            items.append(.term(inlines))
            return
        case .definition:
            items.append(.definition(.paragraph(inlines)))
            return
        default:
            break
        }
        if removedNumbering, role == .normal {
            items.append(.continuation(.paragraph(inlines)))
            return
        }
        if let n = numbering {
            items.append(.listItem(numId: n.numId, level: n.ilvl, block: .paragraph(inlines)))
            return
        }
        if inlines.count == 1, case .image(let image) = inlines[0] {
            items.append(.block(.figure(Figure(image: image))))
            return
        }
        // A paragraph indented beyond its style, outside a list: a block quote, as most people write one.
        if role == .normal, let ind = pPr?.child("ind") {
            let styleIndent = styles.indentation(styleId)
            let left = (ind.attribute("left") ?? ind.attribute("start")).flatMap { Int($0) } ?? styleIndent.left ?? 0
            let hanging = ind.attribute("hanging").flatMap { Int($0) } ?? styleIndent.hanging ?? 0
            if left - hanging > (styleIndent.left ?? 0) - (styleIndent.hanging ?? 0) {
                items.append(.quote(.paragraph(inlines)))
                return
            }
        }
        inlines = Self.trimmed(inlines)
        items.append(.block(.paragraph(inlines)))
    }

    /// A Dateline-style paragraph of the title block (as presskit's DOCX writer makes it): "PLACE — date",
    /// a date alone, or the organisation.
    private mutating func readDateline(_ text: String) {
        if let dash = text.lastRange(of: " \u{2014} "),
           let iso = DateNormalizer.normalize(String(text[dash.upperBound...])) {
            metadata.dateline = String(text[..<dash.lowerBound])
            metadata.date = iso
            metadata.dateSource = "dateline"
        } else if metadata.date == nil, let (place, iso) = Self.placeAndDate(text) {
            // "PLACE, localised date", as the writer's release presentation joins them.
            metadata.dateline = place
            metadata.date = iso
            metadata.dateSource = "dateline"
        } else if let iso = DateNormalizer.normalize(text) {
            // A second dated line under the dateline is the embargo line.
            if metadata.date != nil { metadata.embargo = iso; return }
            metadata.date = iso
            metadata.dateSource = "dateline"
        } else if metadata.dateline == nil, metadata.organization == nil {
            metadata.organization = text
        } else {
            metadata.dateline = text
        }
    }

    /// "CAMBRIDGE, England, March 3, 2024" → ("CAMBRIDGE, England", "2024-03-03"): the shortest tail after a
    /// comma that is a whole date, the rest the place.
    static func placeAndDate(_ text: String) -> (String, String)? {
        var head = text
        while let comma = head.lastRange(of: ", ") {
            let place = String(head[..<comma.lowerBound])
            let tail = String(text.dropFirst(place.count + 2))
            if tail.count > 4, let iso = DateNormalizer.normalize(tail), iso.count >= 10 {
                return place.isEmpty ? nil : (place, iso)
            }
            head = place
        }
        return nil
    }

    /// A paragraph's lines, split at its line breaks.
    static func lines(_ inlines: [Inline]) -> [String] {
        var out: [String] = []
        var current: [Inline] = []
        for inline in inlines + [.lineBreak] {
            if case .lineBreak = inline {
                let text = current.plainText.docxCollapsed
                if !text.isEmpty { out.append(text) }
                current = []
            } else {
                current.append(inline)
            }
        }
        return out
    }

    /// A caption after a table or figure becomes its caption; false when there is none to take it.
    private func attachCaption(_ caption: [Inline], to items: inout [Item]) -> Bool {
        guard case .block(let last)? = items.last else { return false }
        switch last {
        case .table(var table) where table.caption.isEmpty:
            table.caption = caption
            items[items.count - 1] = .block(.table(table))
            return true
        case .figure(var figure) where figure.caption.isEmpty:
            figure.caption = caption
            items[items.count - 1] = .block(.figure(figure))
            return true
        default:
            return false
        }
    }

    /// A code paragraph's text: tabs kept, line breaks as newlines.
    static func codeText(_ pieces: [DOCXPieces.Piece]) -> String {
        var out = ""
        for piece in pieces {
            switch piece.inline {
            case .text(let t): out += t
            case .lineBreak, .softBreak: out += "\n"
            default: out += [piece.inline].plainText
            }
        }
        return out
    }

    /// Inlines with white space and breaks trimmed at both ends.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var out = inlines
        while let first = out.first {
            switch first {
            case .lineBreak, .softBreak: out.removeFirst(); continue
            case .text(let t):
                let s = String(t.drop { $0 == " " || $0 == "\t" })
                if s.isEmpty { out.removeFirst(); continue }
                out[0] = .text(s)
            default: break
            }
            break
        }
        while let last = out.last {
            switch last {
            case .lineBreak, .softBreak: out.removeLast(); continue
            case .text(let t):
                var s = Substring(t)
                while s.last == " " || s.last == "\t" { s.removeLast() }
                if s.isEmpty { out.removeLast(); continue }
                out[out.count - 1] = .text(String(s))
            default: break
            }
            break
        }
        return out
    }

    // MARK: - Grouping

    /// Lists from consecutive list paragraphs (nested by level), block quotes and code blocks from
    /// consecutive paragraphs of those styles, definition lists from terms and definitions.
    mutating func assemble(_ items: [Item]) -> [Block] {
        var out: [Block] = []
        var builder = DOCXListBuilder()
        var index = 0
        while index < items.count {
            let item = items[index]
            if case .listItem(let numId, let level, let block) = item {
                let instance = package.numbering.instance(numId)
                let definition = instance?.levels[level]
                let number = lists.next(numId: numId, level: level, instance: instance)
                let ordered = definition?.ordered ?? false
                builder.add(block, numId: instance?.abstractId ?? numId, level: level, ordered: ordered,
                            start: ordered ? number : 1, delimiter: definition?.delimiter ?? ".")
                index += 1
                continue
            }
            if case .continuation(let block) = item, builder.isOpen {
                builder.continueItem(block)
                index += 1
                continue
            }
            out += builder.finish()
            switch item {
            case .listItem:
                break
            case .block(let block):
                out.append(block)
                index += 1
            case .code:
                var lines: [String] = []
                while index < items.count, case .code(let t) = items[index] {
                    lines.append(t)
                    index += 1
                }
                // Ends with a newline, as code blocks from the other readers do.
                out.append(.codeBlock(language: nil, text: lines.joined(separator: "\n") + "\n"))
            case .continuation(let block):
                out.append(block)
                index += 1
            case .caption(let inlines):
                out.append(.paragraph(inlines))
                index += 1
            case .quote:
                var blocks: [Block] = []
                while index < items.count, case .quote(let b) = items[index] {
                    blocks.append(b)
                    index += 1
                }
                out.append(.blockQuote(blocks))
            case .term, .definition:
                var entries: [DefinitionItem] = []
                while index < items.count {
                    if case .term(let t) = items[index] {
                        entries.append(DefinitionItem(term: t, definitions: []))
                    } else if case .definition(let d) = items[index] {
                        if entries.isEmpty { entries.append(DefinitionItem(term: [], definitions: [])) }
                        entries[entries.count - 1].definitions.append([d])
                    } else {
                        break
                    }
                    index += 1
                }
                out.append(.definitionList(entries))
            }
        }
        out += builder.finish()
        return out
    }
}

extension String {
    var replacingTabs: String { String(map { $0 == "\t" ? " " : $0 }) }

    /// White space runs collapsed to one space, ends trimmed.
    var docxCollapsed: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
