/// The one presentation of a release's metadata that every writer renders: the title block (title,
/// subtitle, dateline and date, organization, authors, embargo), the contacts, the source, and the terms
/// (labels, date forms) of the release's language. Writers differ only in markup; what is shown, in which
/// order, with which words, is decided here.
///
/// Every value is trimmed; empty values are nil. Dates are shown by `terms.date` ("5. März 2024") in EPUB
/// and DOCX, whose header is for reading; the text, Markdown and HTML headers show the ISO date as the
/// release gives it (`datelineText(localizedDate: false)`), since search indexes and scripts read them.
public struct ReleasePresentation: Hashable, Sendable {
    /// The release's language as a canonical BCP 47 tag (see `LanguageTag`), nil when it has none.
    public var language: String?
    /// The labels and date forms: of `language`, or of the language the writer asked for.
    public var terms: ReleaseTerms
    public var title: String?
    public var subtitle: String?
    /// The dateline's place ("BERLIN").
    public var place: String?
    /// The date as the metadata gives it (ISO 8601).
    public var date: String?
    public var organization: String?
    public var authors: [String]
    /// The embargo as the metadata gives it (ISO 8601).
    public var embargo: String?
    /// The contacts with anything to show, each by the one contact rule (`ContactLines`).
    public var contacts: [ContactLines]
    public var source: String?

    /// The presentation of `metadata`; `language` (a tag or locale name) overrides the release's own
    /// language for the labels, e.g. a book's language.
    public init(_ metadata: Metadata, language: String? = nil) {
        let clean = Self.clean
        self.language = LanguageTag.normalized(metadata.language)
        self.terms = ReleaseTerms.forLanguage(LanguageTag.normalized(language) ?? self.language)
        title = clean(metadata.title)
        subtitle = clean(metadata.subtitle)
        place = clean(metadata.dateline)
        date = clean(metadata.date)
        organization = clean(metadata.organization)
        authors = metadata.authors.compactMap(clean)
        embargo = clean(metadata.embargo)
        contacts = metadata.contacts.map(ContactLines.init).filter { !$0.lines.isEmpty }
        source = clean(metadata.source)
    }

    /// The one headline rule every writer uses (HTML `<title>`, EPUB, ninjs, JSON-LD, Atom, RSS): the title,
    /// else the first heading with any text, trimmed; nil when the release has neither. A writer adds only
    /// its own fallback (`terms.untitled`, `terms.pressRelease`).
    public func headline(blocks: [Block]) -> String? {
        Self.headline(title: title, blocks: blocks)
    }

    /// `headline(blocks:)` of the presentation of `metadata`, without building the rest of it (contacts,
    /// terms), which a writer asking only for the headline or the organisation does not need.
    static func headline(_ metadata: Metadata, blocks: [Block]) -> String? {
        headline(title: clean(metadata.title), blocks: blocks)
    }

    private static func headline(title: String?, blocks: [Block]) -> String? {
        if let title { return title }
        for block in blocks {
            guard case .heading(_, let content, _) = block else { continue }
            let text = content.plainText.trimmingSpaces()
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// A value trimmed, nil when empty (`trimmingSpaces` hands back an already trimmed value as it is).
    static func clean(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingSpaces(), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// What a collection of releases shares (a digest's or a feed's organisation, a feed's language): the
    /// value every release gives, when all give one and it is the same; nil otherwise or for no releases.
    public static func shared(_ values: [String?]) -> String? {
        guard let first = values.first ?? nil, values.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// The date for people to read, in the terms' language (the day only).
    public var displayDate: String? { date.map { terms.date($0) } }

    /// "BERLIN, 5. März 2024": the place and the date, whichever exist, joined by a comma; the date
    /// localised or as given.
    public func datelineText(localizedDate: Bool) -> String? {
        let parts = [place, localizedDate ? displayDate : date].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The dateline followed by the organization: "BERLIN, 2024-03-05 — ACME AG".
    public func datelineWithOrganization(localizedDate: Bool) -> String? {
        let parts = [datelineText(localizedDate: localizedDate), organization].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " \u{2014} ")
    }

    /// "Sperrfrist bis 5. März 2024, 10:00 +01:00", if the release is under embargo.
    public var embargoLine: String? { embargo.map { terms.embargoedUntil + " " + terms.date($0, time: true) } }

    /// "By Jane Doe, John Roe", if the release names authors.
    public var authorsLine: String? { authors.isEmpty ? nil : terms.by + " " + authors.joined(separator: ", ") }

    /// The heading over the contacts ("Pressekontakt", "Pressekontakte").
    public var contactsHeading: String { terms.contactsHeading(count: contacts.count) }

    /// "Quelle:" / "Source :", before the source URL.
    public var sourceLabel: String { terms.labeled(terms.source) }
}
