extension DOCXRenderer {
    /// Renders blocks into the current story.
    func blocks(_ blocks: [Block], _ ctx: ParagraphContext, depth: Int = 0) {
        for block in blocks { self.block(block, ctx, depth: depth) }
    }

    func block(_ block: Block, _ ctx: ParagraphContext, depth: Int) {
        switch block {
        case .paragraph(let content):
            paragraph(ctx) { self.inlines(content, ctx.runs, ctx) }
        case .heading(let level, let content, let id):
            heading(level: level, content: content, id: id, ctx)
        case .bulletList(let list):
            self.list(list, kind: .bullet, ctx, depth: depth)
        case .orderedList(let list):
            self.list(list, kind: list.delimiter == ")" ? .decimalParen : .decimalPeriod, ctx, depth: depth)
        case .blockQuote(let inner):
            var quoted = ctx
            quoted.quoteDepth += 1
            if quoted.style == nil || quoted.style == "ListParagraph" { quoted.style = "Quote" }
            quoted.numbering = nil
            nested(inner, quoted, depth: depth)
        case .codeBlock(_, let text):
            var code = ctx
            code.style = "SourceCode"
            code.numbering = nil
            var lines = text
            while lines.hasSuffix("\n") { lines.removeLast() }
            paragraph(code) { self.run(lines, RunProperties(style: "VerbatimChar")) }
        case .table(let table):
            self.table(table, ctx, depth: depth)
        case .figure(let figure):
            self.figure(figure, ctx)
        case .thematicBreak:
            var rule = ctx
            rule.numbering = nil
            paragraph(rule, border: true) {}
        case .definitionList(let items):
            for item in items {
                var term = ctx
                term.style = "DefinitionTerm"
                paragraph(term) { self.inlines(item.term, ctx.runs, ctx) }
                var definition = ctx
                definition.style = "Definition"
                definition.numbering = nil
                for blocks in item.definitions { nested(blocks, definition, depth: depth) }
            }
        case .raw(let format, let text):
            rawBlock(format: format, text: text, ctx)
        case .division(_, let inner):
            nested(inner, ctx, depth: depth)
        }
    }

    /// Nested blocks, flattened beyond a depth of 200 (hostile input must not exhaust the stack).
    private func nested(_ inner: [Block], _ ctx: ParagraphContext, depth: Int) {
        if depth >= 200 {
            paragraph(ctx) { self.run(DOCXFlatText.of(inner), ctx.runs) }
            return
        }
        blocks(inner, ctx, depth: depth + 1)
    }

    private func heading(level: Int, content: [Inline], id: String?, _ ctx: ParagraphContext) {
        var heading = ctx
        heading.style = "Heading\(min(max(level, 1), 6))"
        heading.numbering = nil
        let name = id.flatMap { documentIndex < bookmarks.count ? bookmarks[documentIndex][$0] : nil }
        paragraph(heading) {
            if let name {
                self.bookmarkCount += 1
                let number = String(self.bookmarkCount)
                self.out.element("w:bookmarkStart", [("w:id", number), ("w:name", name)])
                self.inlines(content, ctx.runs, heading)
                self.out.element("w:bookmarkEnd", [("w:id", number)])
            } else {
                self.inlines(content, ctx.runs, heading)
            }
        }
    }

    private func list(_ list: ListBlock, kind: DOCXNumbering.Kind, _ ctx: ParagraphContext, depth: Int) {
        let level = min(ctx.listLevel + 1, DOCXNumbering.maxLevel)
        if depth >= 200 {
            nested(list.items.flatMap(\.blocks), ctx, depth: depth)
            return
        }
        let id = numbering.newList(kind, level: level, start: list.start)
        var itemContext = ctx
        itemContext.listLevel = level
        itemContext.loose = !list.tight
        if itemContext.style == nil || itemContext.style == "ListParagraph" { itemContext.style = "ListParagraph" }
        for item in list.items {
            var numbered = itemContext
            numbered.numbering = (id, level)
            var rest = item.blocks[...]
            let box: String? = item.checked.map { $0 ? "\u{2612} " : "\u{2610} " }
            if case .paragraph(let content)? = rest.first {
                rest = rest.dropFirst()
                paragraph(numbered) {
                    if let box { self.run(box, ctx.runs) }
                    self.inlines(content, ctx.runs, numbered)
                }
            } else {
                paragraph(numbered) { if let box { self.run(box, ctx.runs) } }
            }
            var following = itemContext
            following.numbering = nil
            nested(Array(rest), following, depth: depth)
        }
    }

    private func figure(_ figure: Figure, _ ctx: ParagraphContext) {
        var picture = ctx
        picture.numbering = nil
        if picture.style == nil { picture.style = "Figure" }
        var image = figure.image
        if image.alt.isEmpty { image.alt = DOCXFlatText.of(figure.caption) }
        paragraph(picture, keepNext: !figure.caption.isEmpty) { self.image(image, ctx.runs, picture) }
        if !figure.caption.isEmpty {
            var caption = ctx
            caption.numbering = nil
            caption.style = "Caption"
            paragraph(caption) { self.inlines(figure.caption, ctx.runs, caption) }
        }
    }

    private func rawBlock(format: String, text: String, _ ctx: ParagraphContext) {
        let name = format.fastLowercased()
        if name == "openxml" || name == "docx" {
            if let fragment = DOCXRawXML.wellFormedBlock(text) {
                out.raw(fragment)
                return
            }
            context.warn("DOCX: a raw OpenXML block is not well-formed WordprocessingML; dropped")
            return
        }
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return }
        context.warn("DOCX: a raw \(format) block cannot be shown in Word; dropped: \(Self.excerpt(trimmed))")
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
    }
}
