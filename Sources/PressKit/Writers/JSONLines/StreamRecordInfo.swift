/// What a stream knows about one record besides its content: written as the first keys of its JSON Lines
/// output, and the page's URL for the HTML reader (links are resolved against it, and it is the source
/// when the page names no canonical URL). Reached through `ConversionOptions.record`.
public struct StreamRecordInfo: Sendable, Hashable {
    /// The record's `id` in a JSON Lines input.
    public var id: String?
    /// The page's URL: `url` of a JSON Lines record, `WARC-Target-URI` of a WARC record.
    public var url: String?
    /// `WARC-Record-ID` (without angle brackets).
    public var warcRecordId: String?
    /// `WARC-Date`: the crawl time, never taken as the publication date.
    public var warcDate: String?

    public init(id: String? = nil, url: String? = nil, warcRecordId: String? = nil, warcDate: String? = nil) {
        self.id = id
        self.url = url
        self.warcRecordId = warcRecordId
        self.warcDate = warcDate
    }

    public var isEmpty: Bool { id == nil && url == nil && warcRecordId == nil && warcDate == nil }
}
