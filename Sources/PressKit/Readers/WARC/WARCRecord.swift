/// One WARC record (ISO 28500, WARC 1.0 and 1.1): its named fields and its block.
public struct WARCRecord: Sendable {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    /// "WARC/1.0", "WARC/1.1", ...
    public var version: String
    public var fields: [Field]
    /// The record's content block: for a `response` record, the HTTP response with its headers.
    public var block: [UInt8]
    /// Where the record starts in the file (for a gzip file, the offset of the gzip member holding it).
    public var offset: Int

    public init(version: String, fields: [Field], block: [UInt8], offset: Int) {
        self.version = version
        self.fields = fields
        self.block = block
        self.offset = offset
    }

    /// The value of the first field with this name (names are case-insensitive).
    public func field(_ name: String) -> String? {
        let key = name.fastLowercased()
        return fields.first { $0.name.fastLowercased() == key }?.value
    }

    /// `WARC-Type`, lowercased: "response", "resource", "request", "warcinfo", "revisit", ...
    public var type: String? { field("WARC-Type")?.fastLowercased() }

    /// `WARC-Record-ID` without its angle brackets ("urn:uuid:…").
    public var recordID: String? { field("WARC-Record-ID").map(Self.unbracketed) }

    /// `WARC-Date`: when the resource was crawled (never a publication date).
    public var date: String? { field("WARC-Date") }

    /// `WARC-Target-URI`, without the angle brackets some writers put around it and with spaces
    /// percent-encoded (some archives hold them as they were).
    public var targetURI: String? {
        guard let raw = field("WARC-Target-URI") else { return nil }
        let uri = Self.unbracketed(raw)
        return uri.isEmpty ? nil : uri.replacingSpaces()
    }

    /// The record's own `Content-Type` (for a `response` record: "application/http; msgtype=response").
    public var contentType: String? { field("Content-Type") }

    static func unbracketed(_ value: String) -> String {
        let trimmed = value.trimmingSpaces()
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.count >= 2 {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        guard contains(" ") else { return self }
        var out = ""
        for c in self { if c == " " { out += "%20" } else { out.append(c) } }
        return out
    }
}
