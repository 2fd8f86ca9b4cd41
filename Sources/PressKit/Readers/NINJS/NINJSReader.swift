/// Reads IPTC ninjs news items, generations 1.x (`headline`, `body_html`, `byline`), 2.x (`headlines`,
/// `bodies`, `by`) and 3.x (the same in camelCase), as wire services deliver them: the headline and
/// subheadline, the body (HTML preferred, else plain text), dates, dateline (`located`), language, byline,
/// summary, subjects, the issuer, press contacts and the first picture. A JSON array of items is read as
/// one document of the first item (with a warning).
public struct NINJSReader: Reader {
    public init() {}

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let json: JSONValue
        do {
            json = try JSONValue.parsingInput(input, context: context, maxDepth: JSONValue.defaultMaxDepth)
        } catch let error as PressKitError where error.kind == .invalidInput {
            throw PressKitError(.invalidInput, "not ninjs: \(error.message)")
        }
        var item = json
        if case .array(let items) = json {
            guard let first = items.first else { throw PressKitError(.invalidInput, "not ninjs: an empty JSON array") }
            if items.count > 1 { context.warn("ninjs: the input holds \(items.count) items; only the first is read") }
            item = first
        }
        guard case .object = item else { throw PressKitError(.invalidInput, "not ninjs: the JSON is not an object") }
        guard item["uri"] != nil || item["headline"] != nil || item["headlines"] != nil || item["bodies"] != nil
                || item["body_html"] != nil || item["body_text"] != nil else {
            throw PressKitError(.invalidInput, "not ninjs: no uri, headline or body")
        }
        return NINJSItemReading(item: item, context: context).document()
    }
}

extension NINJSReader {
    /// A ninjs item (or an array of them): a `uri` with a headline or body in any generation's form.
    static func looksLikeNINJS(_ value: JSONValue) -> Bool {
        var item = value
        if case .array(let items) = value, let first = items.first { item = first }
        guard item["uri"] != nil, item["blocks"] == nil else { return false }
        return ["headline", "headlines", "bodies", "body_html", "body_text", "versioncreated", "versionCreated"]
            .contains { item[$0] != nil }
    }
}

/// The mapping of one ninjs object (any generation) to the tree.
struct NINJSItemReading {
    let item: JSONValue
    let context: ConversionContext

    /// The first member present among these names (1.x/2.x lower case, 3.x camelCase).
    func value(_ names: String...) -> JSONValue? {
        for name in names { if let v = item[name] { return v } }
        return nil
    }

    func string(_ names: String...) -> String? {
        for name in names {
            if case .string(let s)? = item[name] {
                let t = s.trimmingWhitespaceScalars
                if !t.isEmpty { return t }
            }
        }
        return nil
    }

    static func text(_ v: JSONValue?, _ key: String) -> String? {
        guard case .string(let s)? = v?[key] else { return nil }
        let t = s.trimmingWhitespaceScalars
        return t.isEmpty ? nil : t
    }

    static func list(_ v: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = v else { return [] }
        return items
    }

    /// An entry of `headlines`/`descriptions`/`bodies` by role (first match), else the first entry.
    static func entry(_ entries: [JSONValue], roles: [String]) -> JSONValue? {
        for role in roles {
            if let e = entries.first(where: { text($0, "role")?.fastLowercased() == role }) { return e }
        }
        return entries.first
    }

    func document() -> Document {
        var m = Metadata()
        let headlines = Self.list(value("headlines"))
        let main = Self.entry(headlines, roles: ["main", "headline", "title"])
        m.title = string("headline") ?? Self.text(main, "value") ?? string("title")
        m.subtitle = string("headline_sub", "headline_subtitle", "headline_sub_title")
            ?? headlines.first { ["sub", "subtitle", "subheadline", "kicker"].contains(Self.text($0, "role")?.fastLowercased() ?? "") }
                .flatMap { Self.text($0, "value") }
        let first = string("firstcreated", "firstCreated", "contentcreated", "contentCreated")
        let version = string("versioncreated", "versionCreated")
        m.date = first ?? version
        if m.date != nil { m.dateSource = "ninjs" }
        if let first, let version, first != version { m.extra["modified"] = version }
        m.embargo = string("embargoed", "embargoedUntil")
        m.dateline = string("located")
        m.language = string("language")
        if let by = string("by", "byline") {
            m.authors = [by]
        } else {
            m.authors = Self.list(value("people", "person")).filter { Self.text($0, "rel")?.fastLowercased() == "author" }
                .compactMap { Self.text($0, "name") }
        }
        m.description = string("description_text", "description_summary")
            ?? Self.text(Self.entry(Self.list(value("descriptions")), roles: ["summary", "text", "abstract", "lead"]), "value")
        m.keywords = Self.list(value("subjects", "subject")).compactMap { Self.text($0, "name") }
        let organisations = Self.list(value("organisations", "organisation"))
        m.organization = (organisations.first { ["issuer", "publisher", "source"].contains(Self.text($0, "rel")?.fastLowercased() ?? "") }
            ?? organisations.first).flatMap { Self.text($0, "name") }
        m.contacts = Self.list(value("people", "person")).filter { Self.text($0, "rel")?.fastLowercased() == "contact" }
            .map(Self.contact)
        let uri = string("uri")
        if let uri, NewsRelease.isAbsoluteURL(uri), uri.hasPrefix("http") {
            m.source = uri
        } else if let uri {
            m.extra["uri"] = uri
        }
        m.image = firstPicture()
        return Document(metadata: m, blocks: bodyBlocks(source: m.source))
    }

    static func contact(_ person: JSONValue) -> Contact {
        var c = Contact(name: text(person, "name"))
        var lines: [String] = []
        for info in list(person["contactinfo"] ?? person["contactInfo"]) {
            // An address (ninjs 2.x): its lines, then locality, area and country, each as one line of the
            // contact's text, as presskit's own ninjs writer puts a role, an organisation or a postal
            // address there.
            if let address = info["address"] {
                lines += list(address["lines"]).compactMap { line -> String? in
                    guard case .string(let s) = line else { return nil }
                    let t = s.trimmingWhitespaceScalars
                    return t.isEmpty ? nil : t
                }
                lines += ["locality", "area", "postalcode", "country"].compactMap { key in
                    text(address, key) ?? address[key].flatMap { text($0, "name") }
                }
                continue
            }
            guard let v = text(info, "value") else { continue }
            switch text(info, "type")?.fastLowercased() ?? "" {
            case "email", "e-mail", "mail": c.email = c.email ?? v
            case "phone", "telephone", "mobile", "tel": c.phone = c.phone ?? v
            case "role": c.role = c.role ?? v
            case "organisation", "organization": c.organization = c.organization ?? v
            default: lines.append(v)
            }
        }
        if !lines.isEmpty { c.text = lines.joined(separator: "\n") }
        return c
    }

    /// The first associated picture's first rendition (or its uri).
    func firstPicture() -> String? {
        var associations: [JSONValue] = []
        switch value("associations") {
        case .array(let items)?: associations = items
        case .object(let members)?: associations = members.map(\.value)
        default: break
        }
        for a in associations where Self.text(a, "type") == "picture" {
            switch a["renditions"] {
            case .array(let r)?: if let href = r.lazy.compactMap({ Self.text($0, "href") }).first { return href }
            case .object(let r)?: if let href = r.lazy.compactMap({ Self.text($0.value, "href") }).first { return href }
            default: break
            }
            if let uri = Self.text(a, "uri"), uri.hasPrefix("http") { return uri }
        }
        return nil
    }

    /// The body: an HTML body (1.x `body_html`/`body_xhtml`, or a 2.x/3.x body whose content type or role
    /// says HTML), else the plain-text body as paragraphs.
    func bodyBlocks(source: String?) -> [Block] {
        if let html = string("body_html", "body_xhtml") { return HTMLReader.fragmentBlocks(html, source: source, context: context) }
        let bodies = Self.list(value("bodies"))
        func kind(_ body: JSONValue) -> String {
            (Self.text(body, "contenttype") ?? Self.text(body, "contentType") ?? Self.text(body, "role") ?? "").fastLowercased()
        }
        if let body = bodies.first(where: { kind($0).contains("html") }), let html = Self.text(body, "value") {
            return HTMLReader.fragmentBlocks(html, source: source, context: context)
        }
        if let text = string("body_text") ?? bodies.lazy.compactMap({ Self.text($0, "value") }).first {
            return Self.textBlocks(text)
        }
        return []
    }

    /// Plain text: paragraphs at blank lines (or at every line when there are none), lines joined.
    static func textBlocks(_ text: String) -> [Block] {
        let normalized = text.replacingCRLF()
        let hasBlankLines = normalized.contains("\n\n")
        var paragraphs: [String] = []
        var current: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = String(line).trimmingWhitespaceScalars
            if t.isEmpty || !hasBlankLines {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
                if !t.isEmpty { paragraphs.append(t) }
            } else {
                current.append(t)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.map { .paragraph([.text($0)]) }
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = scalar == "\r"
            out.append(previousCR ? "\n" : scalar)
        }
        return String(out)
    }
}
