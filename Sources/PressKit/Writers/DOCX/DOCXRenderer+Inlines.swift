extension DOCXRenderer {
    /// Renders inlines as runs (and hyperlinks, drawings, footnote references) inside a paragraph.
    func inlines(_ content: [Inline], _ props: RunProperties, _ ctx: ParagraphContext, depth: Int = 0) {
        for inline in content { self.inline(inline, props, ctx, depth: depth) }
    }

    private func styled(_ content: [Inline], _ props: RunProperties, _ ctx: ParagraphContext, depth: Int) {
        if depth >= 200 {
            run(DOCXFlatText.of(content), props)
        } else {
            inlines(content, props, ctx, depth: depth + 1)
        }
    }

    func inline(_ inline: Inline, _ props: RunProperties, _ ctx: ParagraphContext, depth: Int) {
        var p = props
        switch inline {
        case .text(let text):
            run(text, props)
        case .emphasis(let content):
            p.italic = true
            styled(content, p, ctx, depth: depth)
        case .strong(let content):
            p.bold = true
            styled(content, p, ctx, depth: depth)
        case .underline(let content):
            p.underline = true
            styled(content, p, ctx, depth: depth)
        case .strikethrough(let content):
            p.strike = true
            styled(content, p, ctx, depth: depth)
        case .superscript(let content):
            p.verticalAlign = "superscript"
            styled(content, p, ctx, depth: depth)
        case .subscript(let content):
            p.verticalAlign = "subscript"
            styled(content, p, ctx, depth: depth)
        case .code(let text):
            if p.style == nil { p.style = "VerbatimChar" }
            run(text.replacingNewlines(), p)
        case .link(let link):
            self.link(link, props, ctx, depth: depth)
        case .image(let image):
            self.image(image, props, ctx)
        case .softBreak:
            run(" ", props)
        case .lineBreak:
            lineBreakRun()
        case .raw(let format, let text):
            rawInline(format: format, text: text)
        case .note(let blocks):
            note(blocks, props, ctx, depth: depth)
        }
    }

    private func link(_ link: Link, _ props: RunProperties, _ ctx: ParagraphContext, depth: Int) {
        let content = link.content.isEmpty ? [Inline.text(link.target)] : link.content
        // A hyperlink cannot hold another one: an inner link keeps only its text.
        guard linkDepth == 0 else {
            styled(content, props, ctx, depth: depth)
            return
        }
        let target = link.target.trimmingSpaces()
        var attributes: [(String, String?)] = []
        if target.hasPrefix("#") {
            let fragment = String(target.dropFirst())
            guard documentIndex < bookmarks.count, let name = bookmarks[documentIndex][fragment] else {
                // No bookmark to go to: the text stays, without a link.
                styled(content, props, ctx, depth: depth)
                return
            }
            attributes.append(("w:anchor", name))
        } else if target.isEmpty {
            styled(content, props, ctx, depth: depth)
            return
        } else if let scheme = Self.scheme(of: target), Self.refusedSchemes.contains(scheme) {
            context.warn("DOCX: a \(scheme): link is not kept; its text stays")
            styled(content, props, ctx, depth: depth)
            return
        } else {
            let id = relationship(type: "hyperlink", target: DOCXRelationships.uriEscaped(target), external: true)
            attributes.append(("r:id", id))
        }
        if let title = link.title, !title.isEmpty { attributes.append(("w:tooltip", title)) }
        attributes.append(("w:history", "1"))
        var p = props
        p.style = "Hyperlink"
        out.open("w:hyperlink", attributes)
        linkDepth += 1
        styled(content, p, ctx, depth: depth)
        linkDepth -= 1
        out.close()
    }

    /// Link schemes that a Word document must not carry (script, local files, inline data).
    static let refusedSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    /// The scheme of an absolute URI, lowercased; nil for a relative reference.
    static func scheme(of target: String) -> String? {
        guard let colon = target.firstIndex(of: ":") else { return nil }
        let scheme = target[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.fastLowercased()
    }

    private func rawInline(format: String, text: String) {
        let name = format.fastLowercased()
        if name == "openxml" || name == "docx" {
            if let fragment = DOCXRawXML.wellFormedInline(text) {
                out.raw(fragment)
                return
            }
            context.warn("DOCX: raw OpenXML inline content is not well-formed WordprocessingML; dropped")
            return
        }
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return }
        context.warn("DOCX: raw \(format) cannot be shown in Word; dropped: \(Self.excerpt(trimmed))")
    }

    /// A footnote: a reference mark here, the content in `word/footnotes.xml`.
    private func note(_ blocks: [Block], _ props: RunProperties, _ ctx: ParagraphContext, depth: Int) {
        if inFootnote {
            // Word has no footnotes inside footnotes: the inner note's text follows in brackets.
            context.warn("DOCX: a footnote inside a footnote is shown in brackets")
            run(" [" + DOCXFlatText.of(blocks) + "]", props)
            return
        }
        footnoteCount += 1
        let id = String(footnoteCount)
        out.open("w:r")
        runProperties(RunProperties(style: "FootnoteReference"))
        out.element("w:footnoteReference", [("w:id", id)])
        out.close()

        swap(&out, &footnotesOut)
        inFootnote = true
        let savedLinkDepth = linkDepth
        linkDepth = 0
        out.open("w:footnote", [("w:id", id)])
        pendingFootnoteMark = true
        var noteContext = ParagraphContext(maxImageWidth: textWidth)
        noteContext.style = "FootnoteText"
        if blocks.isEmpty || depth >= 200 {
            paragraph(noteContext) { self.run(DOCXFlatText.of(blocks), RunProperties()) }
        } else {
            self.blocks(blocks, noteContext, depth: depth + 1)
        }
        if pendingFootnoteMark { paragraph(noteContext) {} }
        out.close()
        inFootnote = false
        linkDepth = savedLinkDepth
        swap(&out, &footnotesOut)
    }
}
