/// The JSON form of the document tree, version 1.0 (the schema is `schema/presskit-document.schema.json`).
///
/// - The top level is `{"version": "1.0", "metadata": {...}, "blocks": [...]}`, pretty-printed with a
///   2-space indent (the layout of Python's `json.dumps(indent=2, ensure_ascii=False)`), ending with a newline.
/// - Every block and inline is an object whose first key is `"type"`; type names and keys are camelCase,
///   as in the Swift tree (`bulletList`, `codeBlock`, `softBreak`, `dateSource`).
/// - Keys come in this fixed order (scalar fields before nested content):
///   - metadata: title, subtitle, date, dateSource, dateline, organization, authors, contacts, language,
///     source, keywords, description, embargo, image, extra; a contact: name, role, organization, email,
///     phone, text
///   - paragraph: content · heading: level, id, content · bulletList / orderedList: start, delimiter,
///     tight, items (an item: checked, blocks) · blockQuote: blocks · codeBlock: language, text ·
///     table: caption, alignments, header, rows (rows of cells: colspan, rowspan, blocks) ·
///     figure: image (source, alt, title, width, height), caption · thematicBreak ·
///     definitionList: items (term, definitions) · raw: format, text · division: role, blocks
///   - text / code: text · emphasis, strong, underline, strikethrough, superscript, subscript: content ·
///     link: target, title, content · image: source, alt, title, width, height · softBreak · lineBreak ·
///     raw: format, text · note: blocks
/// - A key whose value is nil, an empty string, an empty array or an empty object is left out, and a
///   reader reads a missing key as that empty value (so an optional field holding "" reads back as nil).
///   Defaults are left out too: list `start` 1 and `delimiter` "." (except on ordered lists, which always
///   carry both), cell `colspan`/`rowspan` 1. Lists always carry `tight`; `checked` appears on task items.
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
}
