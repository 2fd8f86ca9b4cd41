/// Options of the news-industry writers (ninjs, Atom, RSS), reached through `ConversionOptions.news`.
public struct NewsOptions: Sendable, Hashable {
    /// `--ninjs-version`: the ninjs schema generation written.
    public var ninjsVersion: NINJSVersion = .v2_2
    /// `--feed-title`; default: "<organisation> – Press releases" when all releases share one, else "Press releases",
    /// in the language the releases share (`ReleaseTerms.pressReleases`), as the EPUB digest's title.
    public var feedTitle: String?
    /// `--feed-id`; default: the feed link, else a `urn:uuid:` named by the feed title.
    public var feedID: String?
    /// `--feed-link`: the newsroom's web page for the feed; default: none (RSS then takes the newest release's URL).
    public var feedLink: String?

    public init() {}
}

/// The ninjs generations presskit writes: 1.6 (flat `headline`, `body_html`), 2.2 (arrays of `headlines`,
/// `bodies`), 3.1 (2.x in camelCase).
public enum NINJSVersion: String, Sendable, Hashable, CaseIterable {
    case v1_6 = "1.6"
    case v2_2 = "2.2"
    case v3_1 = "3.1"

    /// The IPTC schema's URI, as ninjs's `standard.schema` gives it.
    var schemaURI: String { "http://www.iptc.org/std/ninjs/ninjs-schema_\(rawValue).json#" }
}
