import ArgumentParser
import PressKit

/// Flags of the news-industry outputs: ninjs's schema generation and the Atom/RSS feed's title, id and link.
struct NewsSettings: ParsableArguments {
    @Option(help: "ninjs output: the IPTC ninjs version, 1.6, 2.2 or 3.1 (default: 2.2).")
    var ninjsVersion: String = "2.2"

    @Option(help: "Atom/RSS output: the feed's title (default: from the releases' organisation).")
    var feedTitle: String?

    @Option(help: "Atom/RSS output: the feed's id (default: the feed link, else a urn:uuid from the title).")
    var feedId: String?

    @Option(help: "Atom/RSS output: the newsroom page the feed belongs to.")
    var feedLink: String?

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
