/// Renders blocks and inlines as HTML the way cmark-gfm does (`cmark-gfm --unsafe` with the GFM extensions),
/// plus the cases Markdown has no syntax for (figures, definition lists, divisions, underline, super- and
/// subscript). Footnotes are numbered in order of appearance and listed in a section at the end.
struct HTMLBodyRenderer {
    let settings: HTMLRenderSettings
    let context: ConversionContext
    var out = ""
    /// Footnote contents in the order their references were met.
    var notes: [[Block]] = []
    var usedIDs: Set<String> = []
    var headingCount = 0
    /// Footnotes shown in parentheses where they stand (titles, captions) instead of numbered.
    var inlineNotes = false

    init(settings: HTMLRenderSettings, context: ConversionContext) {
        self.settings = settings
        self.context = context
    }

    var xml: Bool { settings.xhtml }

    /// A newline unless the output is empty or already ends with one (cmark's `cr`).
    mutating func cr() {
        if let last = out.utf8.last, last != 10 { out += "\n" }
    }

    mutating func text(_ s: String) { HTMLEscaping.text(s, xml: xml, into: &out) }

    // MARK: blocks

    mutating func renderBlocks(_ blocks: [Block], tight: Bool = false) {
        for block in blocks { renderBlock(block, tight: tight) }
    }

    /// Renders the collected footnotes as a numbered list at the end.
    mutating func renderNotes() {
        guard !notes.isEmpty else { return }
        cr()
        out += "<section class=\"footnotes\">\n<ol>\n"
        var index = 0
        while index < notes.count {  // notes inside notes append to the list while it is rendered
            let number = index + 1
            out += "<li id=\""
            text(settings.idPrefix + "fn-\(number)")
            out += "\">\n"
            renderBlocks(notes[index])
            cr()
            out += "<p class=\"footnote-back\"><a href=\"#"
            text(settings.idPrefix + "fnref-\(number)")
            out += "\" class=\"footnote-backref\">\u{21A9}</a></p>\n</li>\n"
            index += 1
        }
        out += "</ol>\n</section>\n"
    }

    mutating func renderBlock(_ block: Block, tight: Bool) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                renderInlines(inlines)
            } else {
                cr()
                out += "<p>"
                renderInlines(inlines)
                out += "</p>\n"
            }
        case .heading(let level, let content, let id):
            let n = min(max(level, 1), 6)
            cr()
            out += "<h\(n)"
            if let anchor = headingID(id) {
                out += " id=\""
                text(anchor)
                out += "\""
            }
            out += ">"
            renderInlines(content)
            out += "</h\(n)>\n"
        case .bulletList(let list): renderList(list, ordered: false)
        case .orderedList(let list): renderList(list, ordered: true)
        case .blockQuote(let blocks):
            cr()
            out += "<blockquote>\n"
            renderBlocks(blocks)
            cr()
            out += "</blockquote>\n"
        case .codeBlock(let language, let code):
            cr()
            if let language, !language.isEmpty {
                out += "<pre><code class=\"language-"
                text(language)
                out += "\">"
            } else {
                out += "<pre><code>"
            }
            text(code)
            out += "</code></pre>\n"
        case .table(let table): renderTable(table)
        case .figure(let figure):
            cr()
            out += "<figure>\n"
            renderImage(figure.image)
            if !figure.caption.isEmpty {
                out += "\n<figcaption>"
                renderInlines(figure.caption)
                out += "</figcaption>"
            }
            out += "\n</figure>\n"
        case .thematicBreak:
            cr()
            out += "<hr />\n"
        case .definitionList(let items):
            cr()
            out += "<dl>\n"
            for item in items {
                out += "<dt>"
                renderInlines(item.term)
                out += "</dt>\n"
                for definition in item.definitions {
                    out += "<dd>"
                    renderBlocks(definition, tight: definition.count == 1)
                    out += "</dd>\n"
                }
            }
            out += "</dl>\n"
        case .raw(let format, let raw):
            guard let markup = rawHTML(format: format, raw, block: true) else { return }
            cr()
            out += markup
            cr()
        case .division(let role, let blocks):
            cr()
            if let role, !role.isEmpty {
                out += "<div class=\""
                text(role)
                out += "\">\n"
            } else {
                out += "<div>\n"
            }
            renderBlocks(blocks)
            cr()
            out += "</div>\n"
        }
    }

    mutating func renderList(_ list: ListBlock, ordered: Bool) {
        cr()
        if !ordered {
            out += "<ul>\n"
        } else if list.start == 1 {
            out += "<ol>\n"
        } else {
            out += "<ol start=\"\(list.start)\">\n"
        }
        for item in list.items {
            cr()
            out += "<li>"
            if let checked = item.checked {
                out += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                    : "<input type=\"checkbox\" disabled=\"\" /> "
            }
            renderBlocks(item.blocks, tight: list.tight)
            out += "</li>\n"
        }
        out += ordered ? "</ol>\n" : "</ul>\n"
    }

    mutating func renderTable(_ table: Table) {
        cr()
        out += "<table>\n"
        if !table.caption.isEmpty {
            out += "<caption>"
            renderInlines(table.caption)
            out += "</caption>\n"
        }
        if !table.header.isEmpty {
            out += "<thead>\n"
            for row in table.header { renderRow(row, cell: "th", alignments: table.alignments) }
            out += "</thead>\n"
        }
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows { renderRow(row, cell: "td", alignments: table.alignments) }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    mutating func renderRow(_ row: [TableCell], cell tag: String, alignments: [Table.Alignment]) {
        out += "<tr>\n"
        var column = 0
        for cell in row {
            out += "<\(tag)"
            if column < alignments.count, alignments[column] != .none {
                // XHTML (EPUB) has no `align` attribute: a style says the same.
                out += xml ? " style=\"text-align: \(alignments[column].rawValue)\"" : " align=\"\(alignments[column].rawValue)\""
            }
            if cell.colspan > 1 { out += " colspan=\"\(cell.colspan)\"" }
            if cell.rowspan > 1 { out += " rowspan=\"\(cell.rowspan)\"" }
            out += ">"
            if cell.blocks.count == 1, case .paragraph(let inlines) = cell.blocks[0] {
                renderInlines(inlines)
            } else {
                renderBlocks(cell.blocks)
            }
            out += "</\(tag)>\n"
            column += max(1, cell.colspan)
        }
        out += "</tr>\n"
    }

    /// The id a heading gets: its own (prefixed and made unique); in XHTML or with a prefix, headings
    /// without one get `h1`, `h2`, … by their order.
    mutating func headingID(_ id: String?) -> String? {
        headingCount += 1
        var base: String
        if let id, !id.isEmpty {
            base = settings.idPrefix + id
            if xml { base = Self.xmlID(base) }
        } else if xml || !settings.idPrefix.isEmpty {
            base = settings.idPrefix + "h\(headingCount)"
        } else {
            return nil
        }
        var candidate = base
        var n = 1
        while usedIDs.contains(candidate) {
            n += 1
            candidate = base + "-\(n)"
        }
        usedIDs.insert(candidate)
        return candidate
    }

    /// An id that is a valid XML name (EPUB checks them): other characters become `-`, and a name that does
    /// not start with a letter or `_` gets an `h` in front.
    static func xmlID(_ id: String) -> String {
        var out = ""
        for c in id.unicodeScalars {
            let ok = c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
            out.unicodeScalars.append(ok ? c : "-")
        }
        if let first = out.unicodeScalars.first, first.properties.isAlphabetic || first == "_" { return out }
        return "h" + out
    }

    /// Raw content: HTML passes through in HTML output; in XHTML it goes through `rawHTMLFilter` or is
    /// dropped with a warning, as are fragments of other formats.
    mutating func rawHTML(format: String, _ raw: String, block: Bool) -> String? {
        guard format.lowercased() == "html" else {
            context.warn("raw \(format) content dropped from HTML output: \(Self.excerpt(raw))")
            return nil
        }
        guard xml else { return raw }
        if let filter = settings.rawHTMLFilter, let converted = filter(raw) { return converted }
        context.warn("raw HTML left out of XHTML output: \(Self.excerpt(raw))")
        return nil
    }

    static func excerpt(_ s: String) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(60)) + "…" : flat
    }

    // MARK: inlines

    mutating func renderInlines(_ inlines: [Inline]) {
        for inline in inlines { renderInline(inline) }
    }

    mutating func wrap(_ tag: String, _ content: [Inline]) {
        out += "<\(tag)>"
        renderInlines(content)
        out += "</\(tag)>"
    }

    mutating func renderInline(_ inline: Inline) {
        switch inline {
        case .text(let s): text(s)
        case .emphasis(let c): wrap("em", c)
        case .strong(let c): wrap("strong", c)
        case .underline(let c): wrap("u", c)
        case .strikethrough(let c): wrap("del", c)
        case .superscript(let c): wrap("sup", c)
        case .subscript(let c): wrap("sub", c)
        case .code(let s):
            out += "<code>"
            text(s)
            out += "</code>"
        case .link(let link):
            let target = settings.linkTarget.map { $0(link.target) } ?? link.target
            guard let target else {
                renderInlines(link.content)
                return
            }
            out += "<a href=\""
            HTMLEscaping.href(target, into: &out)
            if let title = link.title, !title.isEmpty {
                out += "\" title=\""
                text(title)
            }
            out += "\">"
            renderInlines(link.content)
            out += "</a>"
        case .image(let image): renderImage(image)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br />\n"
        case .raw(let format, let raw):
            if let markup = rawHTML(format: format, raw, block: false) { out += markup }
        case .note(let blocks):
            if inlineNotes {
                out += " ("
                text(blocks.map(\.plainText).joined(separator: " "))
                out += ")"
                return
            }
            notes.append(blocks)
            let number = notes.count
            out += "<sup class=\"footnote-ref\"><a href=\"#"
            text(settings.idPrefix + "fn-\(number)")
            out += "\" id=\""
            text(settings.idPrefix + "fnref-\(number)")
            out += "\">\(number)</a></sup>"
        }
    }

    mutating func renderImage(_ original: Image) {
        let rewritten = settings.image.map { $0(original) } ?? original
        guard let image = rewritten else {
            // Not shown: its alt text, linked to where it lives (if `linkTarget` keeps that link).
            let label = original.alt.isEmpty ? original.source : original.alt
            guard let target = settings.linkTarget.map({ $0(original.source) }) ?? original.source else {
                text(label)
                return
            }
            out += "<a href=\""
            HTMLEscaping.href(target, into: &out)
            out += "\">"
            text(label)
            out += "</a>"
            return
        }
        out += "<img src=\""
        HTMLEscaping.href(image.source, into: &out)
        out += "\" alt=\""
        text(image.alt)
        if let title = image.title, !title.isEmpty {
            out += "\" title=\""
            text(title)
        }
        out += "\""
        if let width = image.width { out += " width=\"\(width)\"" }
        if let height = image.height { out += " height=\"\(height)\"" }
        out += " />"
    }
}
