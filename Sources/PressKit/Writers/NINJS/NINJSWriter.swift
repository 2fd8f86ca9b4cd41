/// Writes IPTC ninjs ("News in JSON"): one news item per release, in the generation `--ninjs-version`
/// picks (2.2 by default; 3.1 is 2.x in camelCase; 1.6 the flat form with `headline` and `body_html`).
/// Valid against the IPTC schema of that version; a release without headline, date or language still gives
/// a valid item, with a warning naming the field left out. Several releases make a JSON array of items.
public struct NINJSWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        item(document, context: context).serialized()
    }

    public func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        if collection.count == 1 { return try write(collection[0], context: context) }
        return JSONValue.array(collection.map { item($0, context: context) }).serialized()
    }

    /// The ninjs object of one release.
    func item(_ document: Document, context: ConversionContext) -> JSONValue {
        let release = NewsRelease(document, context: context)
        let version = context.options.news.ninjsVersion
        var item = NINJSObject(version: version)
        item.put("uri", .string(release.uri))
        item.put(version == .v1_6 ? "$standard" : "standard", .object([
            .init("name", .string("ninjs")), .init("version", .string(version.rawValue)),
            .init("schema", .string(version.schemaURI)),
        ]))
        item.put("type", .string("text"))
        item.put("profile", .string("press-release"))
        if version != .v1_6 { item.put("representationtype", .string("full")) }
        if let published = release.published {
            item.put("firstcreated", .string(published.rfc3339))
        }
        if let modified = release.modified {
            item.put("versioncreated", .string(modified.rfc3339))
        } else {
            context.warn("ninjs: the release has no date: firstcreated and versioncreated left out")
        }
        if let embargo = release.embargo {
            item.put("embargoed", .string(embargo.rfc3339))
        } else if let text = release.metadata.embargo, !text.trimmingWhitespaceScalars.isEmpty {
            context.warn("ninjs: the embargo '\(text)' is not an ISO 8601 date: embargoed left out")
        }
        if let language = release.language {
            item.put("language", .string(language))
        } else {
            context.warn("ninjs: the release's language is unknown: language left out (set it with -M language=…)")
        }
        if release.headline == nil { context.warn("ninjs: the release has no headline: headlines left out") }
        if version == .v1_6 {
            item.put("headline", release.headline.map(JSONValue.string))
            item.put("headline_sub", release.subtitle.map(JSONValue.string))
        } else {
            var headlines: [JSONValue] = []
            if let h = release.headline { headlines.append(item.text(role: "main", h)) }
            if let s = release.subtitle { headlines.append(item.text(role: "sub", s)) }
            item.put("headlines", headlines.isEmpty ? nil : .array(headlines))
        }
        if !release.authors.isEmpty {
            item.put(version == .v1_6 ? "byline" : "by", .string(release.authors.joined(separator: ", ")))
        }
        item.put("located", release.dateline.map(JSONValue.string))
        if let description = release.metadata.description?.trimmingWhitespaceScalars, !description.isEmpty {
            if version == .v1_6 {
                item.put("description_text", .string(description))
            } else {
                item.put("descriptions", .array([item.text(role: "summary", description, type: "text/plain")]))
            }
        }
        let bodyText = release.bodyText
        if bodyText.isEmpty {
            context.warn("ninjs: the release has no body text: bodies left out")
        } else {
            let words = NewsRelease.wordCount(of: bodyText), characters = bodyText.count
            if version == .v1_6 {
                item.put("body_html", .string(release.bodyHTML))
                item.put("body_text", .string(bodyText))
                item.put("wordcount", .int(words))
                item.put("charcount", .int(characters))
            } else {
                let counts: [JSONValue.Member] = [.init(item.key("charcount"), .int(characters)),
                                                  .init(item.key("wordcount"), .int(words))]
                item.put("bodies", .array([item.text(role: "main", release.bodyHTML, type: "text/html", extra: counts),
                                          item.text(role: "main", bodyText, type: "text/plain", extra: counts)]))
            }
        }
        let people = release.authors.map { item.party(name: $0, rel: "author", contact: nil) }
            + release.metadata.contacts.compactMap { item.contactParty($0) }
        item.put(version == .v1_6 ? "person" : "people", people.isEmpty ? nil : .array(people))
        if let organization = release.organization {
            item.put(version == .v1_6 ? "organisation" : "organisations",
                     .array([item.party(name: organization, rel: "issuer", contact: nil)]))
        }
        if !release.keywords.isEmpty {
            let subjects = release.keywords.map { JSONValue.object([.init("name", .string($0)), .init("rel", .string("keyword"))]) }
            item.put(version == .v1_6 ? "subject" : "subjects", .array(subjects))
        }
        let images = release.images
        if !images.isEmpty { item.put("associations", item.associations(images, of: release)) }
        return item.value
    }
}

/// A ninjs object being built, with the member names of its version.
struct NINJSObject {
    let version: NINJSVersion
    var members: [JSONValue.Member] = []

    var value: JSONValue { .object(members) }

    /// The member name in this version: 3.x writes 2.x's lower-case names in camelCase.
    func key(_ name: String) -> String {
        guard version == .v3_1 else { return name }
        switch name {
        case "firstcreated": return "firstCreated"
        case "versioncreated": return "versionCreated"
        case "embargoed": return "embargoedUntil"
        case "representationtype": return "representationType"
        case "contenttype": return "contentType"
        case "contactinfo": return "contactInfo"
        case "charcount": return "charCount"
        case "wordcount": return "wordCount"
        default: return name
        }
    }

    mutating func put(_ name: String, _ value: JSONValue?) {
        guard let value else { return }
        members.append(.init(key(name), value))
    }

    /// `{"role": …, "contenttype": …, "value": …}` (headlines, descriptions, bodies).
    func text(role: String, _ value: String, type: String? = nil, extra: [JSONValue.Member] = []) -> JSONValue {
        var m: [JSONValue.Member] = [.init("role", .string(role))]
        if let type { m.append(.init(key("contenttype"), .string(type))) }
        m.append(.init("value", .string(value)))
        return .object(m + extra)
    }

    /// A person or organisation: `{"name", "rel", "contactinfo"}` (1.6 has no contact info).
    func party(name: String, rel: String, contact: [JSONValue]?) -> JSONValue {
        var m: [JSONValue.Member] = [.init("name", .string(name)), .init("rel", .string(rel))]
        if version != .v1_6, let contact, !contact.isEmpty { m.append(.init(key("contactinfo"), .array(contact))) }
        return .object(m)
    }

    /// A press contact as a person with `rel` "contact", from the one contact rule (`ContactLines`): the name
    /// (else the organisation, else the first line) as the person's name; the e-mail address and phone number
    /// as `contactinfo` of those types; every other line the contact shows (role, organisation, address) as
    /// the lines of one `address`, in order. ninjs's `type` is a means of communication, so a job title is
    /// no type of its own.
    func contactParty(_ contact: Contact) -> JSONValue? {
        let shown = ContactLines(contact)
        let others = shown.otherLines
        guard let name = shown.name ?? contact.organization.map({ $0.trimmingSpaces() }).flatMap({ $0.isEmpty ? nil : $0 })
                ?? others.first ?? shown.plainLines.first else { return nil }
        var info: [JSONValue] = []
        if let email = shown.email { info.append(.object([.init("type", .string("email")), .init("value", .string(email))])) }
        if let phone = shown.phone { info.append(.object([.init("type", .string("phone")), .init("value", .string(phone))])) }
        let lines = others.filter { $0 != name }
        if !lines.isEmpty {
            info.append(.object([.init("type", .string("address")),
                                 .init("address", .object([.init("lines", .array(lines.map(JSONValue.string)))]))]))
        }
        return party(name: name, rel: "contact", contact: info)
    }

    /// The images as associated picture items: a stable `urn:` each, the alt text as a headline, the caption
    /// as a description, and the image itself (relative paths kept as written) as the original rendition.
    func associations(_ images: [NewsImage], of release: NewsRelease) -> JSONValue {
        var list: [(String, JSONValue)] = []
        for (index, image) in images.enumerated() {
            let name = "image\(index + 1)"
            let uri = NewsRelease.isAbsoluteURL(image.source) ? image.source
                : "urn:uuid:" + EPUBIdentifier.uuid5(namespace: EPUBIdentifier.urlNamespace,
                                                      name: Array((release.uri + "#" + image.source).utf8))
            var a = NINJSObject(version: version)
            if version != .v1_6 { a.put("name", .string(name)) }
            a.put("uri", .string(uri))
            a.put("type", .string("picture"))
            let alt = image.alt.trimmingWhitespaceScalars
            if version == .v1_6 {
                if !alt.isEmpty { a.put("headline", .string(alt)) }
                if let caption = image.caption { a.put("description_text", .string(caption)) }
            } else {
                if !alt.isEmpty { a.put("headlines", .array([text(role: "alt", alt)])) }
                if let caption = image.caption {
                    a.put("descriptions", .array([text(role: "caption", caption, type: "text/plain")]))
                }
            }
            var rendition: [JSONValue.Member] = []
            if version != .v1_6 { rendition.append(.init("name", .string("original"))) }
            rendition.append(.init("href", .string(image.source)))
            if let type = image.mediaType { rendition.append(.init(version == .v1_6 ? "mimetype" : key("contenttype"), .string(type))) }
            if let w = image.width { rendition.append(.init("width", .int(w))) }
            if let h = image.height { rendition.append(.init("height", .int(h))) }
            if version == .v1_6 {
                a.put("renditions", .object([.init("original", .object(rendition))]))
            } else {
                a.put("renditions", .array([.object(rendition)]))
            }
            list.append((name, a.value))
        }
        if version == .v1_6 { return .object(list.map { .init($0.0, $0.1) }) }
        return .array(list.map(\.1))
    }
}
