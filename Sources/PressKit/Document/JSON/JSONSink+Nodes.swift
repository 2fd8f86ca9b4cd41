/// The JSON form of blocks and inlines (see `DocumentJSON`): `"type"` first, then scalar fields, then content.
extension JSONSink {
    // MARK: - Blocks

    mutating func blockArray(_ blocks: [Block]) {
        beginArray()
        for block in blocks { self.block(block) }
        endArray()
    }

    private mutating func type(_ name: String) {
        key("type")
        string(name)
    }

    mutating func block(_ block: Block) {
        beginObject()
        switch block {
        case .paragraph(let content):
            type("paragraph")
            field("content", content)
        case .heading(let level, let content, let id):
            type("heading")
            field("level", level)
            field("id", id)
            field("content", content)
        case .bulletList(let list):
            type("bulletList")
            if list.start != 1 { field("start", list.start) }
            if list.delimiter != "." { key("delimiter"); string(list.delimiter) }
            listBody(list)
        case .orderedList(let list):
            type("orderedList")
            field("start", list.start)
            key("delimiter")
            string(list.delimiter)
            listBody(list)
        case .blockQuote(let blocks):
            type("blockQuote")
            field("blocks", blocks)
        case .codeBlock(let language, let text):
            type("codeBlock")
            field("language", language)
            field("text", text)
        case .table(let table):
            type("table")
            self.table(table)
        case .figure(let figure):
            type("figure")
            if !figure.image.isEmptyInJSON {
                key("image")
                beginObject()
                imageFields(figure.image)
                endObject()
            }
            field("caption", figure.caption)
        case .thematicBreak:
            type("thematicBreak")
        case .definitionList(let items):
            type("definitionList")
            if !items.isEmpty {
                key("items")
                beginArray()
                for item in items {
                    beginObject()
                    field("term", item.term)
                    if !item.definitions.isEmpty {
                        key("definitions")
                        beginArray()
                        for definition in item.definitions { blockArray(definition) }
                        endArray()
                    }
                    endObject()
                }
                endArray()
            }
        case .raw(let format, let text):
            type("raw")
            field("format", format)
            field("text", text)
        case .division(let role, let blocks):
            type("division")
            field("role", role)
            field("blocks", blocks)
        }
        endObject()
    }

    private mutating func listBody(_ list: ListBlock) {
        field("tight", list.tight)
        guard !list.items.isEmpty else { return }
        key("items")
        beginArray()
        for item in list.items {
            beginObject()
            field("checked", item.checked)
            field("blocks", item.blocks)
            endObject()
        }
        endArray()
    }

    private mutating func table(_ table: Table) {
        field("caption", table.caption)
        if !table.alignments.isEmpty {
            key("alignments")
            beginArray()
            for alignment in table.alignments { string(alignment.rawValue) }
            endArray()
        }
        rows("header", table.header)
        rows("rows", table.rows)
    }

    private mutating func rows(_ name: String, _ rows: [[TableCell]]) {
        guard !rows.isEmpty else { return }
        key(name)
        beginArray()
        for row in rows {
            beginArray()
            for cell in row {
                beginObject()
                if cell.colspan != 1 { field("colspan", cell.colspan) }
                if cell.rowspan != 1 { field("rowspan", cell.rowspan) }
                field("blocks", cell.blocks)
                endObject()
            }
            endArray()
        }
        endArray()
    }

    private mutating func imageFields(_ image: Image) {
        field("source", image.source)
        field("alt", image.alt)
        field("title", image.title)
        field("width", image.width)
        field("height", image.height)
    }

    // MARK: - Inlines

    mutating func inlineArray(_ inlines: [Inline]) {
        beginArray()
        for inline in inlines { self.inline(inline) }
        endArray()
    }

    mutating func inline(_ inline: Inline) {
        beginObject()
        switch inline {
        case .text(let text):
            type("text")
            field("text", text)
        case .emphasis(let content):
            type("emphasis")
            field("content", content)
        case .strong(let content):
            type("strong")
            field("content", content)
        case .underline(let content):
            type("underline")
            field("content", content)
        case .strikethrough(let content):
            type("strikethrough")
            field("content", content)
        case .superscript(let content):
            type("superscript")
            field("content", content)
        case .subscript(let content):
            type("subscript")
            field("content", content)
        case .code(let text):
            type("code")
            field("text", text)
        case .link(let link):
            type("link")
            field("target", link.target)
            field("title", link.title)
            field("content", link.content)
        case .image(let image):
            type("image")
            imageFields(image)
        case .softBreak:
            type("softBreak")
        case .lineBreak:
            type("lineBreak")
        case .raw(let format, let text):
            type("raw")
            field("format", format)
            field("text", text)
        case .note(let blocks):
            type("note")
            field("blocks", blocks)
        }
        endObject()
    }
}
