/// Renders blocks and inlines as HTML the way cmark-gfm does (`cmark-gfm --unsafe` with the GFM extensions),
/// plus the cases Markdown has no syntax for (figures, definition lists, divisions, underline, super- and
/// subscript). Footnotes are numbered in order of appearance and listed in a section at the end.
struct HTMLBodyRenderer {
    let settings: HTMLRenderSettings
    let context: ConversionContext
    /// The markup so far, as UTF-8 bytes: appending bytes and escaping on bytes cost a fraction of
    /// appending to a String (1 MB of Markdown: 91 M instructions as a String).
    var bytes: [UInt8] = []
    /// The markup so far as text.
    var out: String { String(decoding: bytes, as: UTF8.self) }
    /// Footnote contents in the order their references were met.
    var notes: [[Block]] = []
    var usedIDs = UniqueNames()
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
        if let last = bytes.last, last != 10 { bytes.append(10) }
    }

    mutating func text(_ s: String) { HTMLEscaping.text(s, xml: xml, into: &bytes) }

    // MARK: blocks

    mutating func renderBlocks(_ blocks: [Block], tight: Bool = false) {
        for block in blocks { renderBlock(block, tight: tight) }
    }

    /// Renders the collected footnotes as a numbered list at the end.
    mutating func renderNotes() {
        guard !notes.isEmpty else { return }
        cr()
        bytes += "<section class=\"footnotes\">\n<ol>\n"
        var index = 0
        while index < notes.count {  // notes inside notes append to the list while it is rendered
            let number = index + 1
            bytes += "<li id=\""
            text(settings.idPrefix + "fn-\(number)")
            bytes += "\">\n"
            renderBlocks(notes[index])
            cr()
            bytes += "<p class=\"footnote-back\"><a href=\"#"
            text(settings.idPrefix + "fnref-\(number)")
            bytes += "\" class=\"footnote-backref\">\u{21A9}</a></p>\n</li>\n"
            index += 1
        }
        bytes += "</ol>\n</section>\n"
    }

    mutating func renderBlock(_ block: Block, tight: Bool) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                renderInlines(inlines)
            } else {
                cr()
                bytes += "<p>"
                renderInlines(inlines)
                bytes += "</p>\n"
            }
        case .heading(let level, let content, let id):
            let n = min(max(level, 1), 6)
            cr()
            bytes += "<h"
            bytes.append(UInt8(ascii: "0") + UInt8(n))
            if let anchor = headingID(id) {
                bytes += " id=\""
                text(anchor)
                bytes += "\""
            }
            bytes += ">"
            renderInlines(content)
            bytes += "</h"
            bytes.append(UInt8(ascii: "0") + UInt8(n))
            bytes += ">\n"
        case .bulletList(let list): renderList(list, ordered: false)
        case .orderedList(let list): renderList(list, ordered: true)
        case .blockQuote(let blocks):
            cr()
            bytes += "<blockquote>\n"
            renderBlocks(blocks)
            cr()
            bytes += "</blockquote>\n"
        case .codeBlock(let language, let code):
            cr()
            if let language, !language.isEmpty {
                bytes += "<pre><code class=\"language-"
                text(language)
                bytes += "\">"
            } else {
                bytes += "<pre><code>"
            }
            text(code)
            bytes += "</code></pre>\n"
        case .table(let table): renderTable(table)
        case .figure(let figure):
            cr()
            bytes += "<figure>\n"
            renderImage(figure.image)
            if !figure.caption.isEmpty {
                bytes += "\n<figcaption>"
                renderInlines(figure.caption)
                bytes += "</figcaption>"
            }
            bytes += "\n</figure>\n"
        case .thematicBreak:
            cr()
            bytes += "<hr />\n"
        case .definitionList(let items):
            cr()
            bytes += "<dl>\n"
            for item in items {
                bytes += "<dt>"
                renderInlines(item.term)
                bytes += "</dt>\n"
                for definition in item.definitions {
                    bytes += "<dd>"
                    renderBlocks(definition, tight: definition.count == 1)
                    bytes += "</dd>\n"
                }
            }
            bytes += "</dl>\n"
        case .raw(let format, let raw):
            guard let markup = rawHTML(format: format, raw, block: true) else { return }
            cr()
            bytes += markup
            cr()
        case .division(let role, let blocks):
            cr()
            if let role, !role.isEmpty {
                bytes += "<div class=\""
                text(role)
                bytes += "\">\n"
            } else {
                bytes += "<div>\n"
            }
            renderBlocks(blocks)
            cr()
            bytes += "</div>\n"
        }
    }

    mutating func renderList(_ list: ListBlock, ordered: Bool) {
        cr()
        if !ordered {
            bytes += "<ul>\n"
        } else if list.start == 1 {
            bytes += "<ol>\n"
        } else {
            bytes += "<ol start=\"\(list.start)\">\n"
        }
        for item in list.items {
            cr()
            bytes += "<li>"
            if let checked = item.checked {
                bytes += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                    : "<input type=\"checkbox\" disabled=\"\" /> "
            }
            renderBlocks(item.blocks, tight: list.tight)
            bytes += "</li>\n"
        }
        bytes += ordered ? "</ol>\n" : "</ul>\n"
    }

    mutating func renderTable(_ table: Table) {
        cr()
        bytes += "<table>\n"
        if !table.caption.isEmpty {
            bytes += "<caption>"
            renderInlines(table.caption)
            bytes += "</caption>\n"
        }
        if !table.header.isEmpty {
            bytes += "<thead>\n"
            for row in table.header { renderRow(row, cell: "th", alignments: table.alignments) }
            bytes += "</thead>\n"
        }
        if !table.rows.isEmpty {
            bytes += "<tbody>\n"
            for row in table.rows { renderRow(row, cell: "td", alignments: table.alignments) }
            bytes += "</tbody>\n"
        }
        bytes += "</table>\n"
    }

    mutating func renderRow(_ row: [TableCell], cell tag: String, alignments: [Table.Alignment]) {
        bytes += "<tr>\n"
        var column = 0
        for cell in row {
            bytes.append(UInt8(ascii: "<"))
            bytes += tag
            if column < alignments.count, alignments[column] != .none {
                // XHTML (EPUB) has no `align` attribute: a style says the same.
                bytes += xml ? " style=\"text-align: " : " align=\""
                bytes += alignments[column].rawValue
                bytes.append(UInt8(ascii: "\""))
            }
            if cell.colspan > 1 { bytes += " colspan=\"\(cell.colspan)\"" }
            if cell.rowspan > 1 { bytes += " rowspan=\"\(cell.rowspan)\"" }
            bytes += ">"
            if cell.blocks.count == 1, case .paragraph(let inlines) = cell.blocks[0] {
                renderInlines(inlines)
            } else {
                renderBlocks(cell.blocks)
            }
            bytes += "</"
            bytes += tag
            bytes += ">\n"
            column += max(1, cell.colspan)
        }
        bytes += "</tr>\n"
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
        return usedIDs.claim(base, from: 2) { base + "-\($0)" }
    }

    /// An id that is a valid XML name (EPUB checks them): other characters become `-`, and a name that does
    /// not start with a letter or `_` gets an `h` in front.
    static func xmlID(_ id: String) -> String {
        var out = ""
        for c in id.unicodeScalars {
            let ok = isAlphabetic(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
            out.unicodeScalars.append(ok ? c : "-")
        }
        if let first = out.unicodeScalars.first, isAlphabetic(first) || first == "_" { return out }
        return "h" + out
    }

    /// `properties.isAlphabetic`, answered for ASCII without the Unicode property table (ids are mostly ASCII
    /// heading slugs: the table lookup was 1 % of an EPUB).
    private static func isAlphabetic(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        return c.properties.isAlphabetic
    }

    /// Raw content: HTML passes through in HTML output; in XHTML it goes through `rawHTMLFilter` or is
    /// dropped with a warning, as are fragments of other formats.
    mutating func rawHTML(format: String, _ raw: String, block: Bool) -> String? {
        guard format.fastLowercased() == "html" else {
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
        bytes.append(UInt8(ascii: "<"))
        bytes += tag
        bytes.append(UInt8(ascii: ">"))
        renderInlines(content)
        bytes += "</"
        bytes += tag
        bytes.append(UInt8(ascii: ">"))
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
            bytes += "<code>"
            text(s)
            bytes += "</code>"
        case .link(let link):
            let target = settings.linkTarget.map { $0(link.target) } ?? link.target
            guard let target else {
                renderInlines(link.content)
                return
            }
            bytes += "<a href=\""
            HTMLEscaping.href(target, into: &bytes)
            if let title = link.title, !title.isEmpty {
                bytes += "\" title=\""
                text(title)
            }
            bytes += "\">"
            renderInlines(link.content)
            bytes += "</a>"
        case .image(let image): renderImage(image)
        case .softBreak: bytes += "\n"
        case .lineBreak: bytes += "<br />\n"
        case .raw(let format, let raw):
            if let markup = rawHTML(format: format, raw, block: false) { bytes += markup }
        case .note(let blocks):
            if inlineNotes {
                bytes += " ("
                text(blocks.map(\.plainText).joined(separator: " "))
                bytes += ")"
                return
            }
            notes.append(blocks)
            let number = notes.count
            bytes += "<sup class=\"footnote-ref\"><a href=\"#"
            text(settings.idPrefix + "fn-\(number)")
            bytes += "\" id=\""
            text(settings.idPrefix + "fnref-\(number)")
            bytes += "\">\(number)</a></sup>"
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
            bytes += "<a href=\""
            HTMLEscaping.href(target, into: &bytes)
            bytes += "\">"
            text(label)
            bytes += "</a>"
            return
        }
        bytes += "<img src=\""
        HTMLEscaping.href(image.source, into: &bytes)
        bytes += "\" alt=\""
        text(image.alt)
        if let title = image.title, !title.isEmpty {
            bytes += "\" title=\""
            text(title)
        }
        bytes += "\""
        if let width = image.width { bytes += " width=\"\(width)\"" }
        if let height = image.height { bytes += " height=\"\(height)\"" }
        bytes += " />"
    }
}

/// Appends a string's UTF-8 to the renderer's byte buffer.
fileprivate func += (bytes: inout [UInt8], string: String) {
    bytes.append(contentsOf: string.utf8)
}
