/// Writes metadata as YAML front matter that `FrontMatter`/`YAMLSubset` (and any YAML parser) reads back.
enum FrontMatterWriter {
    static func yaml(_ m: Metadata) -> String? {
        var lines: [String] = []
        func scalar(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("\(quoteKey(key)): \(quote(value))")
        }
        func list(_ key: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            lines.append("\(key):")
            for v in values { lines.append("  - \(quote(v))") }
        }
        scalar("title", m.title)
        scalar("subtitle", m.subtitle)
        scalar("date", m.date)
        scalar("dateline", m.dateline)
        scalar("organization", m.organization)
        list("authors", m.authors)
        scalar("language", m.language)
        scalar("source", m.source)
        list("keywords", m.keywords)
        scalar("description", m.description)
        scalar("embargo", m.embargo)
        scalar("image", m.image)
        if !m.contacts.isEmpty {
            lines.append("contacts:")
            for contact in m.contacts {
                let fields: [(String, String?)] = [("name", contact.name), ("role", contact.role),
                                                   ("organization", contact.organization), ("email", contact.email),
                                                   ("phone", contact.phone), ("text", contact.text)]
                var first = true
                for (key, value) in fields {
                    guard let value, !value.isEmpty else { continue }
                    lines.append((first ? "  - " : "    ") + "\(key): \(quote(value))")
                    first = false
                }
                if first { lines.append("  - \"\"") }
            }
        }
        let known: Set<String> = ["title", "subtitle", "date", "dateline", "organization", "organisation", "publisher",
                                  "author", "authors", "language", "lang", "source", "url", "keywords", "tags",
                                  "description", "embargo", "image", "contacts", "contact"]
        for key in m.extra.keys.sorted() where !known.contains(key.fastLowercased()) {
            scalar(key, m.extra[key])
        }
        guard !lines.isEmpty else { return nil }
        return "---\n" + lines.joined(separator: "\n") + "\n---\n"
    }

    static let plainWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    /// The value plain when YAML reads it back unchanged as a string, else double-quoted.
    static func quote(_ value: String) -> String {
        var needs = value.isEmpty || plainWords.contains(value.fastLowercased())
        if let first = value.first, "-?:,[]{}#&*!|>'\"%@` \t".contains(first) { needs = true }
        if let last = value.last, last == " " || last == "\t" || last == ":" { needs = true }
        // ": " (a mapping) and " #" (a comment) as YAML reads them: scalars, so bytes, whatever Characters they
        // fall in (a combining mark after the space does not hide them from a YAML parser).
        if ByteScan.firstOffset(of: ": ", inUTF8: value) != nil || ByteScan.firstOffset(of: " #", inUTF8: value) != nil {
            needs = true
        }
        // A control scalar, or a line break that is not one (NEL, LINE and PARAGRAPH SEPARATOR): each of these
        // is a Character of its own, so this is the Character test `isNewline || == "\t"` with the controls.
        if value.unicodeScalars.contains(where: {
            $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029
        }) { needs = true }
        guard needs else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func quoteKey(_ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        return plain ? key : quote(key).hasPrefix("\"") ? quote(key) : "\"\(key)\""
    }
}
