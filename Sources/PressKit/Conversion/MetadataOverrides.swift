/// Applies `-M KEY=VALUE` pairs to metadata. Known keys set fields; list keys take comma-separated values.
public enum MetadataOverrides {
    public static func apply(_ pairs: [(key: String, value: String)], to metadata: inout Metadata) {
        for (key, value) in pairs {
            set(key, value, in: &metadata)
        }
    }

    /// Sets one field by its key; unknown keys go to `extra`. Returns false if `value` was not usable.
    @discardableResult
    public static func set(_ key: String, _ value: String, in metadata: inout Metadata) -> Bool {
        // The comma-separated list, made only for the keys that take one (a Character split of every value
        // cost a sixth of a small release's front matter).
        var list: [String] { value.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty } }
        switch key.fastLowercased() {
        case "title": metadata.title = value
        case "subtitle": metadata.subtitle = value
        case "date":
            metadata.date = DateNormalizer.normalize(value) ?? value
            metadata.dateSource = "metadata"
        case "dateline", "place", "location": metadata.dateline = value
        case "organization", "organisation", "publisher": metadata.organization = value
        case "author", "authors": metadata.authors = list
        case "language", "lang": metadata.language = value
        case "source", "url", "source-url": metadata.source = value
        case "keywords", "tags": metadata.keywords = list
        case "description", "abstract", "summary": metadata.description = value
        case "embargo": metadata.embargo = DateNormalizer.normalize(value) ?? value
        case "image", "cover-image": metadata.image = value
        default: metadata.extra[key] = value
        }
        return true
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}

extension String {
    /// The string without leading and trailing white space (including newlines and NBSP).
    func trimmingSpaces() -> String {
        if ASCIIText.hasPlainEnds(self, trimmed: { $0 < 0x21 }) { return self }
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
