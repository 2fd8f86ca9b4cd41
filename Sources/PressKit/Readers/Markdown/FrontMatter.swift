/// YAML front matter: a `---` line at the very start, YAML, and a closing `---` (or `...`) line.
///
/// A block whose first content line is not `key: value` is not front matter: it stays Markdown (a thematic
/// break, then text). A block that starts as a map but breaks the YAML subset later is an error naming the
/// line, so a typo never silently turns metadata into body text.
enum FrontMatter {
    /// Splits front matter from the body. Returns nil when the text does not start with front matter.
    /// `bodyOffsetLines` is the number of lines the front matter took (for messages).
    static func split(_ original: String) -> (yaml: String, body: String)? {
        var text = original
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard text.utf8.starts(with: "---".utf8) else { return nil }
        // "\r\n" is one Character in Swift: make line ends plain "\n" before splitting (cmark reads both alike).
        // (The check by memchr: the UTF-8 view's generic `contains` cost about 30 instructions a byte.)
        if ByteScan.contains(13, inUTF8: text) {
            var scalars = String.UnicodeScalarView()
            var pendingCR = false
            for scalar in text.unicodeScalars {
                if pendingCR, scalar != "\n" { scalars.append("\r") }
                pendingCR = scalar == "\r"
                if !pendingCR { scalars.append(scalar) }
            }
            if pendingCR { scalars.append("\r") }
            text = String(scalars)
        }
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard lines.count == 2, lines[0].trimmingTrailingCR().trimmed == "---" else { return nil }
        let rest = lines.removeLast()
        // Find the closing line. Line feeds are found as bytes: with "\r\n" made "\n" above, each is a Character of
        // its own, and a Character walk of every line cost as much as parsing the YAML.
        var yamlEnd = rest.startIndex
        var cursor = rest.startIndex
        while cursor < rest.endIndex {
            let lineEnd = rest.utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[cursor..<lineEnd].trimmingTrailingCR()
            if line == "---" || line == "..." {
                yamlEnd = cursor
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
                let yaml = String(rest[rest.startIndex..<yamlEnd])
                guard looksLikeMap(yaml) else { return nil }
                return (yaml, String(rest[bodyStart...]))
            }
            cursor = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
        }
        return nil
    }

    /// Whether the first non-blank, non-comment line is `key: …` (or the block is empty). `yaml` has plain
    /// "\n" line ends (`split` made them so): lines are cut at the byte, and only up to the first that counts.
    static func looksLikeMap(_ yaml: String) -> Bool {
        let bytes = yaml.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            defer { start = end < bytes.endIndex ? bytes.index(after: end) : bytes.endIndex }
            let line = yaml[start..<end].trimmingTrailingCR()
            let t = line.trimmed
            if t.isEmpty || t.hasPrefix("#") { continue }
            return line.first != " " && YAMLSubset.looksLikeMapEntry(line)
        }
        return true
    }

    /// Fills metadata from parsed front matter. Known keys set fields; unknown keys go to `extra`.
    static func apply(_ pairs: [YAMLPair], to metadata: inout Metadata) {
        for original in pairs {
            let pair = YAMLPair(key: original.key, value: trimmed(original.value))
            let key = pair.key.fastLowercased()
            switch key {
            case "author", "authors":
                metadata.authors = strings(pair.value)
            case "keywords", "tags":
                if case .scalar(let s) = pair.value {
                    metadata.keywords = s.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
                } else {
                    metadata.keywords = strings(pair.value)
                }
            case "contacts", "contact":
                metadata.contacts = contacts(pair.value)
            case "date":
                MetadataOverrides.set("date", pair.value.flattened, in: &metadata)
                metadata.dateSource = "front-matter"
            case "title", "subtitle", "dateline", "organization", "organisation", "publisher", "language", "lang",
                 "source", "url", "description", "embargo", "image":
                MetadataOverrides.set(key, pair.value.flattened, in: &metadata)
            default:
                metadata.extra[pair.key] = pair.value.flattened
            }
        }
    }

    /// Block scalars end with a newline; metadata fields do not.
    private static func trimmed(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .scalar(let s):
            var t = s[...]
            while let last = t.last, last.isNewline { t = t.dropLast() }
            return .scalar(String(t))
        case .list(let items): return .list(items.map(trimmed))
        case .map(let pairs): return .map(pairs.map { YAMLPair(key: $0.key, value: trimmed($0.value)) })
        }
    }

    private static func strings(_ value: YAMLValue) -> [String] {
        switch value {
        case .scalar(let s): return s.isEmpty ? [] : [s]
        case .list(let items): return items.map(\.flattened).filter { !$0.isEmpty }
        case .map: return [value.flattened]
        }
    }

    private static func contacts(_ value: YAMLValue) -> [Contact] {
        switch value {
        case .scalar(let s): return s.isEmpty ? [] : [Contact(text: s)]
        case .map(let pairs): return [contact(pairs)]
        case .list(let items):
            return items.compactMap { item in
                switch item {
                case .scalar(let s): return s.isEmpty ? nil : Contact(text: s)
                case .map(let pairs): return contact(pairs)
                case .list: return Contact(text: item.flattened)
                }
            }
        }
    }

    private static func contact(_ pairs: [YAMLPair]) -> Contact {
        Contact(fields: pairs.map { ($0.key, $0.value.flattened) })
    }
}

extension Substring {
    func trimmingTrailingCR() -> Substring { last == "\r" ? dropLast() : self }
}
