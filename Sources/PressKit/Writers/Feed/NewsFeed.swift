/// The model Atom and RSS are both written from: the feed's title, id, link, date and author, and its
/// entries newest first (releases without a date last, in input order).
struct NewsFeed {
    let title: String
    let id: String
    let link: String?
    /// The newest release's time, else `SOURCE_DATE_EPOCH`, else 1970-01-01 (with a warning).
    let updated: ReleaseTimestamp
    /// The organisation all releases share, if they share one.
    let organization: String?
    /// The language all releases share, if they share one.
    let language: String?
    let entries: [NewsRelease]
    /// An entry's date when it has none of its own: `SOURCE_DATE_EPOCH`, else 1970-01-01.
    let fallbackDate: ReleaseTimestamp

    /// An entry's title: its headline, else "Untitled" in the entry's language.
    static func title(of entry: NewsRelease) -> String { entry.headline ?? entry.presentation.terms.untitled }

    init(_ documents: [Document], format: String, context: ConversionContext) {
        let options = context.options.news
        let releases = documents.map { NewsRelease($0, context: context) }
        entries = releases.enumerated().sorted { a, b in
            switch (a.element.modified?.epochSeconds, b.element.modified?.epochSeconds) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        organization = ReleasePresentation.shared(releases.map(\.organization))
        language = ReleasePresentation.shared(releases.map(\.language))
        // The labels of the feed's language (English when the releases do not share one), as EPUB's digest.
        let terms = ReleaseTerms.forLanguage(language)
        let title = options.feedTitle?.trimmingWhitespaceScalars ?? ""
        self.title = !title.isEmpty ? title : organization.map { $0 + " \u{2013} " + terms.pressReleases } ?? terms.pressReleases
        let link = options.feedLink?.trimmingWhitespaceScalars ?? ""
        self.link = link.isEmpty ? nil : link
        let id = options.feedID?.trimmingWhitespaceScalars ?? ""
        self.id = !id.isEmpty ? id : self.link ?? "urn:uuid:" + EPUBIdentifier.uuid5(
            namespace: EPUBIdentifier.urlNamespace, name: Array(("presskit-feed\n" + self.title).utf8))
        fallbackDate = ReleaseTimestamp(epochSeconds: context.options.sourceDateEpoch ?? 0)
        if let newest = entries.first?.modified {
            updated = newest
        } else {
            updated = fallbackDate
            if context.options.sourceDateEpoch == nil {
                context.warn("\(format): no release has a date and SOURCE_DATE_EPOCH is not set: the feed's updated is 1970-01-01")
            }
        }
        for (index, entry) in entries.enumerated() {
            let which = "entry \(index + 1)" + (entry.headline.map { " ('\($0.prefix(60))')" } ?? "")
            if entry.headline == nil { context.warn("\(format): \(which) has no headline: its title is '\(Self.title(of: entry))'") }
            if entry.modified == nil {
                context.warn("\(format): \(which) has no date: "
                    + (format == "atom" ? "its updated is \(fallbackDate.rfc3339)" : "pubDate left out"))
            }
        }
    }
}
