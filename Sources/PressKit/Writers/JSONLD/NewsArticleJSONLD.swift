/// A release as a schema.org `NewsArticle` in JSON-LD: headline, alternativeHeadline, datePublished,
/// dateModified, dateline, inLanguage, author, publisher (an Organization with the press contacts as
/// `contactPoint`s), keywords, image, url, description and articleBody. Used on its own (`-t jsonld`) and
/// in the `<head>` of the HTML writer's full page.
struct NewsArticleJSONLD {
    let release: NewsRelease
    /// The release's images when the caller has collected them already (the HTML page's head); else
    /// `release.images` (a walk over the whole document).
    var images: [NewsImage]? = nil

    /// The JSON-LD object. Warns, naming the property, when what search engines require is missing.
    func value(context: ConversionContext) -> JSONValue {
        var m: [JSONValue.Member] = [.init("@context", .string("https://schema.org")), .init("@type", .string("NewsArticle"))]
        func put(_ key: String, _ value: JSONValue?) { if let value { m.append(.init(key, value)) } }
        func put(_ key: String, _ text: String?) { if let text, !text.isEmpty { m.append(.init(key, .string(text))) } }
        put("@id", release.uri)
        put("identifier", release.uri)
        if let headline = release.headline {
            put("headline", headline)
        } else {
            context.warn("jsonld: the release has no headline: NewsArticle headline left out")
        }
        put("alternativeHeadline", release.subtitle)
        if let published = release.published {
            put("datePublished", published.schemaOrg)
        } else {
            context.warn("jsonld: the release has no date: NewsArticle datePublished left out")
        }
        put("dateModified", release.modified?.schemaOrg)
        put("dateline", release.dateline)
        put("inLanguage", release.language)
        if !release.authors.isEmpty {
            put("author", .array(release.authors.map {
                .object([.init("@type", .string("Person")), .init("name", .string($0))])
            }))
        } else if let organization = release.organization {
            put("author", .array([.object([.init("@type", .string("Organization")), .init("name", .string(organization))])]))
        }
        let contacts = release.metadata.contacts.compactMap(Self.contactPoint)
        if release.organization != nil || !contacts.isEmpty {
            var publisher: [JSONValue.Member] = [.init("@type", .string("Organization"))]
            if let organization = release.organization { publisher.append(.init("name", .string(organization))) }
            if !contacts.isEmpty { publisher.append(.init("contactPoint", .array(contacts))) }
            put("publisher", .object(publisher))
        }
        if !release.keywords.isEmpty { put("keywords", .array(release.keywords.map(JSONValue.string))) }
        let images = self.images ?? release.images
        if !images.isEmpty {
            put("image", .array(images.map { image in
                var o: [JSONValue.Member] = [.init("@type", .string("ImageObject")), .init("url", .string(image.source))]
                if !image.alt.isEmpty { o.append(.init("name", .string(image.alt))) }
                if let caption = image.caption { o.append(.init("caption", .string(caption))) }
                if let w = image.width { o.append(.init("width", .int(w))) }
                if let h = image.height { o.append(.init("height", .int(h))) }
                return .object(o)
            }))
        }
        if let link = release.link {
            put("url", link)
            put("mainEntityOfPage", link)
        }
        put("description", release.summary)
        let body = release.bodyText
        put("articleBody", body)
        let words = NewsRelease.wordCount(of: body)
        if words > 0 { put("wordCount", .int(words)) }
        return .object(m)
    }

    /// A press contact as a schema.org `ContactPoint`, from the one contact rule (`ContactLines`): the name,
    /// e-mail address and phone number as `name`, `email` and `telephone`; every other line the contact shows
    /// (role, organisation, address) as the `description`, joined by ", ". Nil when it shows nothing.
    static func contactPoint(_ contact: Contact) -> JSONValue? {
        let shown = ContactLines(contact)
        var o: [JSONValue.Member] = [.init("@type", .string("ContactPoint")), .init("contactType", .string("press"))]
        func put(_ key: String, _ text: String?) { if let text, !text.isEmpty { o.append(.init(key, .string(text))) } }
        put("name", shown.name)
        put("email", shown.email)
        put("telephone", shown.phone)
        put("description", shown.otherLines.joined(separator: ", "))
        return o.count > 2 ? .object(o) : nil
    }

    /// The JSON text safe inside an HTML `<script>`, appended to bytes (the HTML page's head): `<`, `>` and `&`
    /// (only ever inside strings) as `\u` escapes; runs without them are copied whole.
    static func scriptSafe(_ bytes: [UInt8], into out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + 16)
        bytes.withUnsafeBufferPointer { input in
            var runStart = 0
            for (index, b) in input.enumerated() where b == 0x3C || b == 0x3E || b == 0x26 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                out += b == 0x3C ? "\\u003c".utf8 : b == 0x3E ? "\\u003e".utf8 : "\\u0026".utf8
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart...]))
        }
    }
}

/// `-t jsonld`: a release as a schema.org NewsArticle in JSON-LD; several releases as one JSON-LD
/// document whose `@graph` holds a NewsArticle each.
public struct NewsArticleJSONLDWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        NewsArticleJSONLD(release: NewsRelease(document, context: context)).value(context: context).serialized()
    }

    public func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        if collection.count == 1 { return try write(collection[0], context: context) }
        let articles: [JSONValue] = collection.map { document in
            guard case .object(let members) = NewsArticleJSONLD(release: NewsRelease(document, context: context)).value(context: context)
            else { return .null }
            return .object(members.filter { $0.key != "@context" })
        }
        return JSONValue.object([.init("@context", .string("https://schema.org")), .init("@graph", .array(articles))]).serialized()
    }
}
