/// Writes an RSS 2.0 feed from the same model as the Atom writer: a channel with title, link, description
/// and language, items newest first with `title`, `link`, `guid` (the source URL as a permalink, else the
/// content's `urn:uuid:`), `pubDate` in RFC 822, `dc:creator`, `category`, a summary as `description` and
/// the body as `content:encoded`. The same inputs give the same bytes.
public struct RSSWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        try write(collection: [document], context: context)
    }

    public func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        let feed = NewsFeed(collection, format: "rss", context: context)
        var xml = XMLWriter(html: false, declaration: true)
        xml.open("rss", [("version", "2.0"), ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
                         ("xmlns:dc", "http://purl.org/dc/elements/1.1/")])
        xml.newline()
        xml.open("channel")
        xml.newline()
        xml.element("title", text: feed.title)
        xml.newline()
        // RSS 2.0 requires the channel's link: --feed-link, else the newest release's web address.
        if let link = feed.link ?? feed.entries.lazy.compactMap(\.link).first {
            xml.element("link", text: link)
            xml.newline()
        } else {
            context.warn("rss: no --feed-link and no release has a web address: the channel's required link is left out")
        }
        xml.element("description", text: feed.title)
        xml.newline()
        if let language = feed.language {
            xml.element("language", text: language)
            xml.newline()
        }
        xml.element("lastBuildDate", text: feed.updated.rfc822)
        xml.newline()
        xml.element("generator", text: "presskit")
        xml.newline()
        for entry in feed.entries {
            xml.open("item")
            xml.newline()
            xml.element("title", text: NewsFeed.title(of: entry))
            xml.newline()
            if let link = entry.link {
                xml.element("link", text: link)
                xml.newline()
            }
            xml.element("guid", [("isPermaLink", entry.uriIsLink ? "true" : "false")], text: entry.uri)
            xml.newline()
            if let date = entry.published ?? entry.modified {
                xml.element("pubDate", text: date.rfc822)
                xml.newline()
            }
            for author in entry.authors.isEmpty ? [entry.organization].compactMap({ $0 }) : entry.authors {
                xml.element("dc:creator", text: author)
                xml.newline()
            }
            for keyword in entry.keywords {
                xml.element("category", text: keyword)
                xml.newline()
            }
            if let summary = entry.summary {
                xml.element("description", text: summary)
                xml.newline()
            }
            xml.element("content:encoded", text: entry.bodyHTML)
            xml.newline()
            xml.close()
            xml.newline()
        }
        xml.close()
        xml.newline()
        xml.close()
        xml.newline()
        return Array(xml.finish().utf8)
    }
}
