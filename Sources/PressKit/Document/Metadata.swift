/// Press-release metadata: first-class fields plus free-form extras.
public struct Metadata: Hashable, Sendable {
    public var title: String?
    public var subtitle: String?
    /// ISO 8601 date, `YYYY-MM-DD` (or a full timestamp when the source gives one).
    public var date: String?
    /// Where the date came from ("dateline", "json-ld", "url", "front-matter", ...).
    public var dateSource: String?
    /// The dateline's place, e.g. "BERLIN".
    public var dateline: String?
    public var organization: String?
    public var authors: [String]
    public var contacts: [Contact]
    /// BCP 47 language tag, e.g. "en", "de-DE".
    public var language: String?
    /// The URL the release was published at.
    public var source: String?
    public var keywords: [String]
    public var description: String?
    /// Embargo date/time, ISO 8601.
    public var embargo: String?
    /// Lead image URL or path.
    public var image: String?
    /// Any other key, kept verbatim.
    public var extra: [String: String]

    public init(title: String? = nil, subtitle: String? = nil, date: String? = nil, dateSource: String? = nil,
                dateline: String? = nil, organization: String? = nil, authors: [String] = [],
                contacts: [Contact] = [], language: String? = nil, source: String? = nil,
                keywords: [String] = [], description: String? = nil, embargo: String? = nil,
                image: String? = nil, extra: [String: String] = [:]) {
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.dateSource = dateSource
        self.dateline = dateline
        self.organization = organization
        self.authors = authors
        self.contacts = contacts
        self.language = language
        self.source = source
        self.keywords = keywords
        self.description = description
        self.embargo = embargo
        self.image = image
        self.extra = extra
    }
}

/// A media or press contact.
public struct Contact: Hashable, Sendable {
    public var name: String?
    public var role: String?
    public var organization: String?
    public var email: String?
    public var phone: String?
    /// The contact block's lines as written, when they do not split cleanly into fields.
    public var text: String?

    public init(name: String? = nil, role: String? = nil, organization: String? = nil,
                email: String? = nil, phone: String? = nil, text: String? = nil) {
        self.name = name
        self.role = role
        self.organization = organization
        self.email = email
        self.phone = phone
        self.text = text
    }

    /// A contact from named fields, as front matter and pandoc metadata write one (`name`, `role`/`title`/
    /// `position`, `organization`/`org`/`company`, `email`/`mail`, `phone`/`tel`, `text`); any other field
    /// is kept in `text` as "key: value".
    init(fields: [(key: String, value: String)]) {
        self.init()
        var other: [String] = []
        for (key, value) in fields {
            switch key.fastLowercased() {
            case "name": name = value
            case "role", "title", "position": role = value
            case "organization", "organisation", "org", "company": organization = value
            case "email", "e-mail", "mail": email = value
            case "phone", "tel", "telephone": phone = value
            case "text": text = value
            default: other.append("\(key): \(value)")
            }
        }
        if !other.isEmpty { text = ([text].compactMap { $0 } + other).joined(separator: "\n") }
    }
}
