/// Renders the document tree as WordprocessingML: the body of `word/document.xml`, the footnotes, and what
/// they need (relationships, list instances, media, bookmarks). One renderer per output file.
final class DOCXRenderer {
    /// How a paragraph is styled where it stands (in a list, a quote, a table cell, a footnote).
    struct ParagraphContext {
        /// The built-in style id (mapped through `styleMap` when written); nil means Normal.
        var style: String?
        /// The list number this paragraph carries: `w:numId` and level.
        var numbering: (id: Int, level: Int)?
        /// The list level the paragraph stands in (-1: not in a list).
        var listLevel = -1
        /// Block quotes around the paragraph.
        var quoteDepth = 0
        /// `w:jc` (table columns).
        var alignment: String?
        /// A loose list's paragraphs keep their spacing.
        var loose = false
        /// Run properties every run starts from (table header cells are bold).
        var runs = RunProperties()
        /// The widest an image may be here, in EMU.
        var maxImageWidth: Int

        /// Left indentation in twips that lists and quotes add, when the style alone does not give it.
        var indent: Int? {
            let list = listLevel >= 0 ? 720 * (min(listLevel, DOCXNumbering.maxLevel) + 1) : 0
            let quote = quoteDepth > 0 ? 576 * quoteDepth : 0
            if numbering != nil { return quoteDepth > 0 ? list + quote : nil }
            if list == 0 && quoteDepth <= 1 { return nil }
            return list + quote
        }
    }

    /// Character formatting of a run.
    struct RunProperties {
        var style: String?
        var bold = false
        var italic = false
        var underline = false
        var strike = false
        /// "superscript" or "subscript".
        var verticalAlign: String?
    }

    /// The language of a release whose language differs from the document's (a digest), for its runs.
    var runLanguage: String?

    let context: ConversionContext
    /// Built-in style id → the id in the styles part (a reference document may name them differently).
    let styleMap: [String: String]
    /// Width of the text column, EMU.
    let textWidth: Int

    /// The story being written: the body, or a footnote while one is rendered.
    var out = XMLWriter()
    var footnotesOut = XMLWriter()
    var documentRelationships = DOCXRelationships()
    var footnoteRelationships = DOCXRelationships()
    var numbering = DOCXNumbering()
    /// Embedded images in order: part name (`media/image1.png`), bytes, kind.
    var media: [(name: String, bytes: [UInt8], kind: DOCXImageInfo.Kind)] = []
    var mediaByKey: [String: Int] = [:]
    var footnoteCount = 0
    var inFootnote = false
    /// Pending: the next paragraph starts a footnote and carries its mark.
    var pendingFootnoteMark = false
    /// Pending: the next body paragraph starts on a new page (the next release of a digest).
    var pendingPageBreak = false
    var linkDepth = 0
    var drawingCount = 0
    /// Whether the last block-level element written was a paragraph (a table cell must end with one).
    var lastWasParagraph = false
    /// Whether tables may merge cells vertically here (not inside a table tree that holds footnotes).
    var rowSpansAllowed = true
    var bookmarkCount = 0
    /// For each document: heading id → bookmark name.
    var bookmarks: [[String: String]] = []
    private var bookmarkNames = UniqueNames()
    /// The document being rendered (index in the original input order, for resource lookups).
    var documentIndex = 0

    init(context: ConversionContext, styleMap: [String: String], textWidth: Int) {
        self.context = context
        self.styleMap = styleMap
        self.textWidth = textWidth
        for (type, target) in DOCXPackage.fixedDocumentParts {
            _ = documentRelationships.id(type: type, target: target)
        }
    }

    func styleID(_ builtin: String) -> String { styleMap[builtin] ?? builtin }

    /// The context of a top-level body paragraph.
    var bodyContext: ParagraphContext { ParagraphContext(maxImageWidth: textWidth) }

    /// The id of a relationship from the part being written.
    func relationship(type: String, target: String, external: Bool = false) -> String {
        if inFootnote { return footnoteRelationships.id(type: type, target: target, external: external) }
        return documentRelationships.id(type: type, target: target, external: external)
    }

    // MARK: Bookmarks

    /// Collects the heading ids of every document first, so links to `#id` can point at their bookmark.
    func collectBookmarks(_ documents: [Document]) {
        bookmarks = documents.map { document in
            var map: [String: String] = [:]
            collectHeadingIDs(document.blocks, into: &map)
            return map
        }
    }

    private func collectHeadingIDs(_ blocks: [Block], into map: inout [String: String], depth: Int = 0) {
        guard depth < 200 else { return }
        for block in blocks {
            switch block {
            case .heading(_, _, let id?):
                if map[id] == nil { map[id] = uniqueBookmarkName(id) }
            case .heading, .paragraph, .codeBlock, .table, .figure, .thematicBreak, .raw, .definitionList:
                break
            case .bulletList(let list), .orderedList(let list):
                for item in list.items { collectHeadingIDs(item.blocks, into: &map, depth: depth + 1) }
            case .blockQuote(let inner), .division(_, let inner):
                collectHeadingIDs(inner, into: &map, depth: depth + 1)
            }
        }
    }

    /// Bookmark names: letters, digits, `_`, `-` and `.` (as pandoc writes them), starting with a letter, at most
    /// 40 characters (Word's limit); anything else becomes `_`.
    private func uniqueBookmarkName(_ id: String) -> String {
        var name = ""
        for scalar in id.unicodeScalars {
            let c = Character(scalar)
            name.append(c.isLetter || c.isNumber || c == "-" || c == "." ? c : "_")
        }
        if !(name.first?.isLetter ?? false) { name = "h_" + name }
        name = String(name.prefix(36))
        return bookmarkNames.claim(name, from: 2) { name + "_\($0)" }
    }

    // MARK: Paragraphs

    /// Writes one paragraph: its properties from `ctx`, then whatever `content` writes.
    func paragraph(_ ctx: ParagraphContext, border: Bool = false, keepNext: Bool = false,
                   _ content: () -> Void) {
        out.open("w:p")
        var properties: [() -> Void] = []
        if let style = ctx.style { properties.append { self.out.element("w:pStyle", [("w:val", self.styleID(style))]) } }
        if keepNext { properties.append { self.out.element("w:keepNext") } }
        if pendingPageBreak && !inFootnote {
            pendingPageBreak = false
            properties.append { self.out.element("w:pageBreakBefore") }
        }
        if let num = ctx.numbering {
            properties.append {
                self.out.open("w:numPr")
                self.out.element("w:ilvl", [("w:val", String(num.level))])
                self.out.element("w:numId", [("w:val", String(num.id))])
                self.out.close()
            }
        }
        if border {
            properties.append {
                self.out.open("w:pBdr")
                self.out.element("w:bottom", [("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "A6A6A6")])
                self.out.close()
            }
        }
        if let indent = ctx.indent {
            properties.append { self.out.element("w:ind", [("w:left", String(indent))]) }
        }
        if ctx.loose && ctx.listLevel >= 0 {
            properties.append { self.out.element("w:contextualSpacing", [("w:val", "0")]) }
        }
        if let alignment = ctx.alignment { properties.append { self.out.element("w:jc", [("w:val", alignment)]) } }
        if !properties.isEmpty {
            out.open("w:pPr")
            for write in properties { write() }
            out.close()
        }
        if pendingFootnoteMark && inFootnote {
            pendingFootnoteMark = false
            out.open("w:r")
            out.open("w:rPr")
            out.element("w:rStyle", [("w:val", styleID("FootnoteReference"))])
            out.close()
            out.element("w:footnoteRef")
            out.close()
            run(" ", RunProperties())
        }
        content()
        out.close()
        lastWasParagraph = true
    }

    /// Writes an empty paragraph when a page break is still pending before a block that is not a paragraph.
    func flushPageBreak() {
        if pendingPageBreak && !inFootnote { paragraph(bodyContext) {} }
    }

    // MARK: Runs

    func runProperties(_ props: RunProperties) {
        guard props.style != nil || props.bold || props.italic || props.underline || props.strike
                || props.verticalAlign != nil || runLanguage != nil else { return }
        out.open("w:rPr")
        if let style = props.style { out.element("w:rStyle", [("w:val", styleID(style))]) }
        if props.bold { out.element("w:b"); out.element("w:bCs") }
        if props.italic { out.element("w:i"); out.element("w:iCs") }
        if props.strike { out.element("w:strike") }
        if props.underline { out.element("w:u", [("w:val", "single")]) }
        if let align = props.verticalAlign { out.element("w:vertAlign", [("w:val", align)]) }
        if let runLanguage { out.element("w:lang", [("w:val", runLanguage)]) }
        out.close()
    }

    /// A run of text; tabs become `w:tab` and newlines `w:br`.
    func run(_ text: String, _ props: RunProperties) {
        guard !text.isEmpty else { return }
        out.open("w:r")
        runProperties(props)
        if !Self.hasTabOrLineBreak(text) {
            // No tab or line break: the whole text is one piece.
            out.element("w:t", [("xml:space", "preserve")], text: text)
            out.close()
            return
        }
        var piece = ""
        func flush() {
            if !piece.isEmpty {
                out.element("w:t", [("xml:space", "preserve")], text: piece)
                piece = ""
            }
        }
        for ch in text {
            switch ch {
            case "\t": flush(); out.element("w:tab")
            case "\n", "\r\n", "\r": flush(); out.element("w:br")
            default: piece.append(ch)
            }
        }
        flush()
        out.close()
    }

    /// Whether the text holds a tab, line feed or carriage return (a byte loop over contiguous UTF-8).
    static func hasTabOrLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte <= 13 && (byte == 9 || byte == 10 || byte == 13) { return true }
            return false
        }
    }

    func lineBreakRun() {
        out.open("w:r")
        out.element("w:br")
        out.close()
    }
}
