/// The JSON form of the document tree, version 1.0 (the schema is `schema/presskit-document.schema.json`).
///
/// - The top level is `{"version": "1.0", "metadata": {...}, "blocks": [...]}`.
/// - Every block and inline is an object whose first key is `"type"`; type names and keys are camelCase,
///   as in the Swift tree (`bulletList`, `codeBlock`, `softBreak`, `dateSource`).
/// - Keys come in a fixed order: `type`, then the node's scalar fields, then its nested content
///   (`content` for inlines, `blocks` for blocks), as listed in `DocumentJSON`'s emitters below.
/// - A key whose value is nil, an empty string, an empty array or an empty object is left out; a reader
///   reads a missing key as that empty value. Numbers and booleans are written when they differ from the
///   default (list `start` 1, `delimiter` ".", cell `colspan`/`rowspan` 1), except that ordered lists
///   always carry `start` and `delimiter`, and lists always carry `tight`.
/// - `metadata.extra` is an object with its keys sorted; its values are kept even when empty.
public enum DocumentJSON {
    /// The version written into every document.
    public static let version = "1.0"
    /// The major version this presskit reads.
    public static let majorVersion = 1
}

extension Document {
    /// This document as a `JSONValue`, in the form the JSON writer writes.
    public var jsonValue: JSONValue {
        var builder = JSONValueBuilder()
        builder.document(self)
        return builder.result
    }

    /// This document's JSON text: pretty-printed, ending with a newline.
    public func jsonBytes() -> [UInt8] {
        var emitter = JSONEmitter(pretty: true, reserve: 4096)
        emitter.document(self)
        return emitter.finish()
    }
}

extension Metadata {
    /// Whether the JSON form of this metadata is an empty object.
    var isEmptyInJSON: Bool {
        title.isNilOrEmpty && subtitle.isNilOrEmpty && date.isNilOrEmpty && dateSource.isNilOrEmpty
            && dateline.isNilOrEmpty && organization.isNilOrEmpty && authors.isEmpty && contacts.isEmpty
            && language.isNilOrEmpty && source.isNilOrEmpty && keywords.isEmpty && description.isNilOrEmpty
            && embargo.isNilOrEmpty && image.isNilOrEmpty && extra.isEmpty
    }
}

extension Image {
    var isEmptyInJSON: Bool {
        source.isEmpty && alt.isEmpty && title.isNilOrEmpty && width == nil && height == nil
    }
}

extension Optional where Wrapped == String {
    var isNilOrEmpty: Bool { self?.isEmpty ?? true }
}

extension JSONSink {
    // MARK: - Fields that are left out when empty

    mutating func field(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func field(_ name: String, _ inlines: [Inline]) {
        guard !inlines.isEmpty else { return }
        key(name)
        inlineArray(inlines)
    }

    mutating func field(_ name: String, _ blocks: [Block]) {
        guard !blocks.isEmpty else { return }
        key(name)
        blockArray(blocks)
    }

    // MARK: - Document and metadata

    mutating func document(_ document: Document) {
        beginObject()
        key("version")
        string(DocumentJSON.version)
        if !document.metadata.isEmptyInJSON {
            key("metadata")
            metadata(document.metadata)
        }
        field("blocks", document.blocks)
        endObject()
    }

    mutating func metadata(_ m: Metadata) {
        beginObject()
        field("title", m.title)
        field("subtitle", m.subtitle)
        field("date", m.date)
        field("dateSource", m.dateSource)
        field("dateline", m.dateline)
        field("organization", m.organization)
        field("authors", m.authors)
        if !m.contacts.isEmpty {
            key("contacts")
            beginArray()
            for contact in m.contacts { self.contact(contact) }
            endArray()
        }
        field("language", m.language)
        field("source", m.source)
        field("keywords", m.keywords)
        field("description", m.description)
        field("embargo", m.embargo)
        field("image", m.image)
        if !m.extra.isEmpty {
            key("extra")
            beginObject()
            for name in m.extra.keys.sorted() {
                key(name)
                string(m.extra[name]!)
            }
            endObject()
        }
        endObject()
    }

    mutating func contact(_ c: Contact) {
        beginObject()
        field("name", c.name)
        field("role", c.role)
        field("organization", c.organization)
        field("email", c.email)
        field("phone", c.phone)
        field("text", c.text)
        endObject()
    }

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
