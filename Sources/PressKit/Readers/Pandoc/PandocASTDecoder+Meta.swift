/// pandoc's `Meta` into presskit's metadata: the keys `PandocMeta` writes, and the usual pandoc ones
/// (`author` as a list, a string or maps with a `name`; `abstract`; `lang`; `url`). Other keys go to
/// `extra` as their plain text.
extension PandocASTDecoder {
    func metadata(_ value: JSONValue) throws -> Metadata {
        guard case .object(let members) = value else { throw fail("expected the metadata object, found \(Self.kind(value))") }
        var metadata = Metadata()
        var dateSource: String?
        for member in members {
            try at(member.key) {
                let key = member.key
                switch key.fastLowercased() {
                case "author", "authors":
                    metadata.authors = try metaList(member.value).map { try metaText($0, preferring: "name") }
                        .filter { !$0.isEmpty }
                case "keywords", "tags":
                    if case .object = member.value, member.value["t"] != .string("MetaList") {
                        metadata.keywords = try metaText(member.value).split(separator: ",")
                            .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                    } else {
                        metadata.keywords = try metaList(member.value).map { try metaText($0) }.filter { !$0.isEmpty }
                    }
                case "contacts", "contact":
                    metadata.contacts = try metaList(member.value).map { try contact($0) }
                case "date":
                    let text = try metaText(member.value)
                    metadata.date = DateNormalizer.normalize(text) ?? text
                case "date-source":
                    dateSource = try metaText(member.value)
                case "embargo":
                    let text = try metaText(member.value)
                    metadata.embargo = DateNormalizer.normalize(text) ?? text
                case "abstract", "summary":
                    if metadata.description == nil { metadata.description = try metaText(member.value) }
                case "description":
                    metadata.description = try metaText(member.value)
                case "title", "subtitle", "dateline", "place", "organization", "organisation", "publisher",
                     "lang", "language", "source", "url", "image", "cover-image":
                    MetadataOverrides.set(key, try metaText(member.value), in: &metadata)
                default:
                    metadata.extra[key] = try metaText(member.value)
                }
            }
        }
        if metadata.date != nil { metadata.dateSource = dateSource ?? "metadata" }
        return metadata
    }

    /// The items of a `MetaList`, or the value itself as a list of one.
    private func metaList(_ value: JSONValue) throws -> [JSONValue] {
        let (name, c) = try constructor(value)
        if name == "MetaList" { return try array(c, "a MetaList's items") }
        return [value]
    }

    /// A metadata value as text: `MetaString`, `MetaInlines` (line breaks kept as newlines), `MetaBlocks`
    /// (paragraphs joined by blank lines), `MetaBool`, a `MetaList` (items joined by ", "), a `MetaMap`
    /// (its `preferring` member, else `key: value` lines).
    func metaText(_ value: JSONValue, preferring: String? = nil) throws -> String {
        let (name, c) = try constructor(value)
        switch name {
        case "MetaString": return try string(c)
        case "MetaBool":
            guard case .bool(let b)? = c else { throw fail("expected MetaBool's boolean, found \(Self.kind(c))") }
            return b ? "true" : "false"
        case "MetaInlines": return Self.plain(try inlines(c))
        case "MetaBlocks": return try blocks(c).map { Self.plainText($0) }.joined(separator: "\n\n")
        case "MetaList": return try array(c, "a MetaList's items").map { try metaText($0) }.joined(separator: ", ")
        case "MetaMap":
            guard case .object(let members)? = c else { throw fail("expected MetaMap's object, found \(Self.kind(c))") }
            if let preferring, let chosen = members.last(where: { $0.key == preferring }) { return try metaText(chosen.value) }
            return try members.map { "\($0.key): \(try metaText($0.value))" }.joined(separator: "\n")
        default:
            throw fail("unknown metadata value \(name)")
        }
    }

    private static func plainText(_ block: Block) -> String {
        if case .paragraph(let content) = block { return plain(content) }
        return block.plainText
    }

    /// A contact: a `MetaMap` of fields (unknown ones go to `text`), or any other value as its text.
    private func contact(_ value: JSONValue) throws -> Contact {
        guard value["t"] == .string("MetaMap"), case .object(let members)? = value["c"] else {
            return Contact(text: try metaText(value))
        }
        return Contact(fields: try members.map { member in (member.key, try at(member.key) { try metaText(member.value) }) })
    }
}
