/// presskit's metadata as pandoc's `Meta`, under the keys pandoc's templates and writers read:
/// `title`, `subtitle`, `date`, `author` (a `MetaList`), `lang`, `keywords` (a `MetaList`), `description`
/// (pandoc's HTML writer makes `<meta name="description">` of it), and the press fields `dateline`,
/// `organization`, `contacts` (a `MetaList` of `MetaMap`s with `name`, `role`, `organization`, `email`,
/// `phone`, `text`), `source`, `embargo`, `image`, `date-source`, plus every extra key. Text values are
/// `MetaInlines` (a line break in them is a `LineBreak`), as pandoc's own YAML reading makes them. Keys are
/// sorted as pandoc sorts them (by code point).
enum PandocMeta {
    /// The `Meta` members, sorted.
    static func entries(_ m: Metadata, api: PandocAPI) -> [(String, JSONValue)] {
        var members: [String: JSONValue] = [:]
        func put(_ key: String, _ text: String?) {
            if let text { members[key] = inlines(text, api: api) }
        }
        put("title", m.title)
        put("subtitle", m.subtitle)
        put("date", m.date)
        put("date-source", m.dateSource)
        put("dateline", m.dateline)
        put("organization", m.organization)
        put("lang", LanguageTag.normalized(m.language))
        put("source", m.source)
        put("description", m.description)
        put("embargo", m.embargo)
        put("image", m.image)
        if !m.authors.isEmpty { members["author"] = list(m.authors.map { inlines($0, api: api) }) }
        if !m.keywords.isEmpty { members["keywords"] = list(m.keywords.map { inlines($0, api: api) }) }
        if !m.contacts.isEmpty {
            members["contacts"] = list(m.contacts.map { contact in
                var fields: [String: JSONValue] = [:]
                let pairs: [(String, String?)] = [("name", contact.name), ("role", contact.role),
                                                  ("organization", contact.organization), ("email", contact.email),
                                                  ("phone", contact.phone), ("text", contact.text)]
                for (key, value) in pairs { if let value { fields[key] = inlines(value, api: api) } }
                return constructor("MetaMap", .object(sorted(fields).map { JSONValue.Member($0.0, $0.1) }))
            })
        }
        for (key, value) in m.extra where members[key] == nil && !Self.reservedKeys.contains(key) {
            members[key] = inlines(value, api: api)
        }
        return sorted(members)
    }

    /// Keys the reader maps to first-class fields under another name; an extra key with one of these names
    /// is not written, so it cannot change a field on the way back.
    static let reservedKeys: Set<String> = ["authors", "abstract", "language", "keywords", "contact"]

    static func sorted(_ members: [String: JSONValue]) -> [(String, JSONValue)] {
        members.sorted { codePointsPrecede($0.key, $1.key) }.map { ($0.key, $0.value) }
    }

    /// Whether `a` sorts before `b` by Unicode code points, as Haskell's `Text` compares.
    static func codePointsPrecede(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }

    static func constructor(_ name: String, _ content: JSONValue) -> JSONValue {
        .object([JSONValue.Member("t", .string(name)), JSONValue.Member("c", content)])
    }

    static func list(_ items: [JSONValue]) -> JSONValue { constructor("MetaList", .array(items)) }

    /// `MetaInlines` of a text: words, spaces, and a `LineBreak` for each line break.
    static func inlines(_ text: String, api: PandocAPI) -> JSONValue {
        var content: [Inline] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { content.append(.lineBreak) }
            if !line.isEmpty { content.append(.text(String(line))) }
        }
        var encoder = PandocASTEncoder(sink: JSONValueBuilder(), api: api)
        encoder.inlines(content)
        return constructor("MetaInlines", encoder.sink.result)
    }
}
