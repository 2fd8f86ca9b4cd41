import PressKit

/// Flags of the news-industry outputs: ninjs's schema generation and the Atom/RSS feed's title, id and link.
struct NewsSettings {
    var ninjsVersion = "2.2"
    var feedTitle: String?
    var feedId: String?
    var feedLink: String?

    static let options: [OptionSpec] = [
        .value("ninjs-version", help: "ninjs output: the IPTC ninjs version, 1.6, 2.2 or 3.1 (default: 2.2).",
               completion: .list { NINJSVersion.allCases.map(\.rawValue) }),
        .value("feed-title", help: "Atom/RSS output: the feed's title (default: from the releases' organisation)."),
        .value("feed-id", help: "Atom/RSS output: the feed's id (default: the feed link, else a urn:uuid from the title)."),
        .value("feed-link", help: "Atom/RSS output: the newsroom page the feed belongs to."),
    ]

    init() {}

    init(_ parsed: ParsedArguments) {
        ninjsVersion = parsed.value("ninjs-version") ?? ninjsVersion
        feedTitle = parsed.value("feed-title")
        feedId = parsed.value("feed-id")
        feedLink = parsed.value("feed-link")
    }

    /// The news options from the flags' values (`NewsOptions()` holds the same defaults).
    func options() throws -> NewsOptions {
        var news = NewsOptions()
        guard let version = NINJSVersion(rawValue: ninjsVersion) else {
            let known = NINJSVersion.allCases.map(\.rawValue).joined(separator: ", ")
            throw PressKitError(.usage, "--ninjs-version takes \(known), not '\(ninjsVersion)'")
        }
        news.ninjsVersion = version
        news.feedTitle = feedTitle
        news.feedID = feedId
        news.feedLink = feedLink
        return news
    }
}
