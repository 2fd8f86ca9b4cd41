/// Writes an Atom 1.0 feed (RFC 4287) of one or several releases: entries newest first, each with a stable
/// `id` (the source URL, else a `urn:uuid:` from the content's digest), `title`, `updated` and `published`,
/// `author`, `link rel="alternate"`, `category` per keyword, `summary`, and the body as `content type="html"`,
/// with `xml:lang`. Feed-level title, id and link from `--feed-title`, `--feed-id`, `--feed-link`, else from
/// the releases' organisation. The same inputs give the same bytes.
public struct AtomWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        try write(collection: [document], context: context)
    }

    public func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        let feed = NewsFeed(collection, format: "atom", context: context)
        var xml = XMLWriter(html: false, declaration: true)
        xml.open("feed", [("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", feed.language)])
        xml.newline()
        xml.element("id", text: feed.id)
        xml.newline()
        xml.element("title", text: feed.title)
        xml.newline()
        xml.element("updated", text: feed.updated.rfc3339)
        xml.newline()
        if let link = feed.link {
            xml.element("link", [("rel", "alternate"), ("href", link)])
            xml.newline()
        }
        // RFC 4287 4.1.1: a feed without an author needs one in every entry.
        let everyEntryHasAuthor = feed.entries.allSatisfy { !$0.authors.isEmpty || $0.organization != nil }
        if !everyEntryHasAuthor || feed.organization != nil {
            if feed.organization == nil {
                context.warn("atom: not every release has an author or organisation: the feed's author is '\(feed.title)'")
            }
            xml.open("author")
            xml.element("name", text: feed.organization ?? feed.title)
            xml.close()
            xml.newline()
        }
        xml.element("generator", [("uri", "https://github.com/presskit/presskit")], text: "presskit")
        xml.newline()
        for entry in feed.entries { writeEntry(entry, feed: feed, into: &xml) }
        xml.close()
        xml.newline()
        return Array(xml.finish().utf8)
    }

    private func writeEntry(_ entry: NewsRelease, feed: NewsFeed, into xml: inout XMLWriter) {
        xml.open("entry", [("xml:lang", entry.language == feed.language ? nil : entry.language)])
        xml.newline()
        xml.element("id", text: entry.uri)
        xml.newline()
        xml.element("title", text: NewsFeed.title(of: entry))
        xml.newline()
        xml.element("updated", text: (entry.modified ?? feed.fallbackDate).rfc3339)
        xml.newline()
        if let published = entry.published {
            xml.element("published", text: published.rfc3339)
            xml.newline()
        }
        let names = entry.authors.isEmpty ? [entry.organization].compactMap { $0 } : entry.authors
        for name in names where !(entry.authors.isEmpty && name == feed.organization) {
            xml.open("author")
            xml.element("name", text: name)
            xml.close()
            xml.newline()
        }
        if let link = entry.link {
            xml.element("link", [("rel", "alternate"), ("type", "text/html"), ("href", link)])
            xml.newline()
        }
        for keyword in entry.keywords {
            xml.element("category", [("term", keyword)])
            xml.newline()
        }
        if let summary = entry.summary {
            xml.element("summary", text: summary)
            xml.newline()
        }
        xml.element("content", [("type", "html")], text: entry.bodyHTML)
        xml.newline()
        xml.close()
        xml.newline()
    }
}
