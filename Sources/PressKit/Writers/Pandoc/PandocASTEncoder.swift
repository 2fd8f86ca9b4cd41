/// Writes presskit's tree as pandoc's AST into a JSON sink: the emitter for output, or a `JSONValue`
/// builder for metadata values. Every block and inline case is handled, with no `default:`.
struct PandocASTEncoder<Sink: JSONSink> {
    var sink: Sink
    let api: PandocAPI

    init(sink: Sink, api: PandocAPI) {
        self.sink = sink
        self.api = api
    }

    mutating func document(_ document: Document) {
        sink.beginObject()
        sink.key("pandoc-api-version")
        sink.beginArray()
        for n in api.versionNumbers { sink.int(n) }
        sink.endArray()
        sink.key("meta")
        sink.beginObject()
        for (key, value) in PandocMeta.entries(document.metadata, api: api) {
            sink.key(key)
            value.emit(into: &sink)
        }
        sink.endObject()
        sink.key("blocks")
        blocks(document.blocks)
        sink.endObject()
    }

    // MARK: - Constructors

    /// `{"t": name, "c": ...}`: opens the object and writes `"c"`'s key; the caller writes the content
    /// and calls `end()`.
    private mutating func begin(_ name: String) {
        sink.beginObject()
        sink.key("t")
        sink.string(name)
        sink.key("c")
    }

    private mutating func end() { sink.endObject() }

    /// A constructor with no arguments: `{"t": name}`.
    private mutating func nullary(_ name: String) {
        sink.beginObject()
        sink.key("t")
        sink.string(name)
        sink.endObject()
    }

    /// `[id, [classes], [[key, value]]]`.
    private mutating func attr(id: String = "", classes: [String] = [], pairs: [(String, String)] = []) {
        sink.beginArray()
        sink.string(id)
        sink.beginArray()
        for c in classes { sink.string(c) }
        sink.endArray()
        sink.beginArray()
        for (k, v) in pairs {
            sink.beginArray()
            sink.string(k)
            sink.string(v)
            sink.endArray()
        }
        sink.endArray()
        sink.endArray()
    }

    // MARK: - Blocks

    /// A list of blocks; with `plain`, paragraphs become `Plain` (tight list items, table cells).
    mutating func blocks(_ blocks: [Block], plain: Bool = false) {
        sink.beginArray()
        for b in blocks { block(b, plain: plain) }
        sink.endArray()
    }

    mutating func block(_ block: Block, plain: Bool = false) {
        switch block {
        case .paragraph(let content):
            begin(plain ? "Plain" : "Para")
            inlines(content)
            end()
        case .heading(let level, let content, let id):
            begin("Header")
            sink.beginArray()
            sink.int(min(max(level, 1), 6))
            attr(id: id ?? "")
            inlines(content)
            sink.endArray()
            end()
        case .bulletList(let list):
            begin("BulletList")
            listItems(list)
            end()
        case .orderedList(let list):
            begin("OrderedList")
            sink.beginArray()
            sink.beginArray()
            sink.int(list.start)
            nullary("Decimal")
            nullary(list.delimiter == ")" ? "OneParen" : "Period")
            sink.endArray()
            listItems(list)
            sink.endArray()
            end()
        case .blockQuote(let content):
            begin("BlockQuote")
            blocks(content)
            end()
        case .codeBlock(let language, let text):
            begin("CodeBlock")
            sink.beginArray()
            attr(classes: language.map { [$0] } ?? [])
            sink.string(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            sink.endArray()
            end()
        case .table(let table):
            self.table(table)
        case .figure(let figure):
            self.figure(figure)
        case .thematicBreak:
            nullary("HorizontalRule")
        case .definitionList(let items):
            begin("DefinitionList")
            sink.beginArray()
            for item in items {
                sink.beginArray()
                inlines(item.term)
                sink.beginArray()
                for definition in item.definitions { blocks(definition, plain: definition.count == 1) }
                sink.endArray()
                sink.endArray()
            }
            sink.endArray()
            end()
        case .raw(let format, let text):
            begin("RawBlock")
            sink.beginArray()
            sink.string(format)
            sink.string(text)
            sink.endArray()
            end()
        case .division(let role, let content):
            begin("Div")
            sink.beginArray()
            attr(classes: role.map { [$0] } ?? [])
            blocks(content)
            sink.endArray()
            end()
        }
    }

    /// The items of a list; a task item starts with pandoc's ballot boxes.
    private mutating func listItems(_ list: ListBlock) {
        sink.beginArray()
        for item in list.items {
            var content = item.blocks
            if let checked = item.checked {
                let box: [Inline] = [.text(checked ? "☒" : "☐")]
                if case .paragraph(let first)? = content.first {
                    content[0] = .paragraph(box + [.text(" ")] + first)
                } else {
                    content.insert(.paragraph(box), at: 0)
                }
            }
            blocks(content, plain: list.tight)
        }
        sink.endArray()
    }

    private mutating func table(_ table: Table) {
        begin("Table")
        sink.beginArray()
        attr()
        caption(table.caption)
        sink.beginArray()
        for column in 0..<table.columnCount {
            sink.beginArray()
            let alignment = column < table.alignments.count ? table.alignments[column] : .none
            switch alignment {
            case .none: nullary("AlignDefault")
            case .left: nullary("AlignLeft")
            case .center: nullary("AlignCenter")
            case .right: nullary("AlignRight")
            }
            nullary("ColWidthDefault")
            sink.endArray()
        }
        sink.endArray()
        // TableHead attr [Row]
        sink.beginArray()
        attr()
        rows(table.header)
        sink.endArray()
        // [TableBody attr (RowHeadColumns 0) [] [Row]]
        sink.beginArray()
        sink.beginArray()
        attr()
        sink.int(0)
        sink.beginArray()
        sink.endArray()
        rows(table.rows)
        sink.endArray()
        sink.endArray()
        // TableFoot attr []
        sink.beginArray()
        attr()
        sink.beginArray()
        sink.endArray()
        sink.endArray()
        sink.endArray()
        end()
    }

    /// `Caption Nothing [Plain caption]` (no blocks when the caption is empty).
    private mutating func caption(_ content: [Inline]) {
        sink.beginArray()
        sink.null()
        sink.beginArray()
        if !content.isEmpty {
            begin("Plain")
            inlines(content)
            end()
        }
        sink.endArray()
        sink.endArray()
    }

    private mutating func rows(_ rows: [[TableCell]]) {
        sink.beginArray()
        for row in rows {
            sink.beginArray()
            attr()
            sink.beginArray()
            for cell in row {
                sink.beginArray()
                attr()
                nullary("AlignDefault")
                sink.int(max(1, cell.rowspan))
                sink.int(max(1, cell.colspan))
                blocks(cell.blocks, plain: true)
                sink.endArray()
            }
            sink.endArray()
            sink.endArray()
        }
        sink.endArray()
    }

    private mutating func figure(_ figure: Figure) {
        switch api {
        case .v1_22:
            // pandoc 2.x: a paragraph holding one image whose title starts with "fig:"; its inlines are the caption.
            begin("Para")
            sink.beginArray()
            var image = figure.image
            image.title = "fig:" + (image.title ?? "")
            self.image(image, content: figure.caption.isEmpty ? Self.words(figure.image.alt) : figure.caption)
            sink.endArray()
            end()
        case .v1_23:
            begin("Figure")
            sink.beginArray()
            attr()
            caption(figure.caption)
            sink.beginArray()
            begin("Plain")
            sink.beginArray()
            image(figure.image, content: Self.words(figure.image.alt))
            sink.endArray()
            end()
            sink.endArray()
            sink.endArray()
            end()
        }
    }

    // MARK: - Inlines

    mutating func inlines(_ content: [Inline]) {
        sink.beginArray()
        var pendingText = ""
        for node in content {
            if case .text(let s) = node {
                pendingText += s
                continue
            }
            if !pendingText.isEmpty {
                text(pendingText)
                pendingText = ""
            }
            inline(node)
        }
        if !pendingText.isEmpty { text(pendingText) }
        sink.endArray()
    }

    /// Text as pandoc's `Str` words and `Space`s (one `Space` per space character).
    private mutating func text(_ s: String) {
        for piece in Self.wordsAndSpaces(s) {
            if let word = piece { strNode(word) } else { nullary("Space") }
        }
    }

    private mutating func strNode(_ word: String) {
        begin("Str")
        sink.string(word)
        end()
    }

    /// The words of `s` (nil for each space).
    static func wordsAndSpaces(_ s: String) -> [String?] {
        var pieces: [String?] = []
        var word = ""
        for scalar in s.unicodeScalars {
            if scalar == " " {
                if !word.isEmpty { pieces.append(word); word = "" }
                pieces.append(nil)
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
        if !word.isEmpty { pieces.append(word) }
        return pieces
    }

    static func words(_ s: String) -> [Inline] { s.isEmpty ? [] : [.text(s)] }

    mutating func inline(_ node: Inline) {
        switch node {
        case .text(let s):
            text(s)
        case .emphasis(let c): wrapped("Emph", c)
        case .strong(let c): wrapped("Strong", c)
        case .underline(let c): wrapped("Underline", c)
        case .strikethrough(let c): wrapped("Strikeout", c)
        case .superscript(let c): wrapped("Superscript", c)
        case .subscript(let c): wrapped("Subscript", c)
        case .code(let s):
            begin("Code")
            sink.beginArray()
            attr()
            sink.string(s)
            sink.endArray()
            end()
        case .link(let link):
            begin("Link")
            sink.beginArray()
            attr()
            inlines(link.content)
            target(link.target, link.title ?? "")
            sink.endArray()
            end()
        case .image(let image):
            self.image(image, content: Self.words(image.alt))
        case .softBreak:
            nullary("SoftBreak")
        case .lineBreak:
            nullary("LineBreak")
        case .raw(let format, let text):
            begin("RawInline")
            sink.beginArray()
            sink.string(format)
            sink.string(text)
            sink.endArray()
            end()
        case .note(let content):
            begin("Note")
            blocks(content)
            end()
        }
    }

    private mutating func wrapped(_ name: String, _ content: [Inline]) {
        begin(name)
        inlines(content)
        end()
    }

    private mutating func target(_ url: String, _ title: String) {
        sink.beginArray()
        sink.string(url)
        sink.string(title)
        sink.endArray()
    }

    private mutating func image(_ image: Image, content: [Inline]) {
        begin("Image")
        sink.beginArray()
        var pairs: [(String, String)] = []
        if let width = image.width { pairs.append(("width", String(width))) }
        if let height = image.height { pairs.append(("height", String(height))) }
        attr(pairs: pairs)
        inlines(content)
        target(image.source, image.title ?? "")
        sink.endArray()
        end()
    }
}
