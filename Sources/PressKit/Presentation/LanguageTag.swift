/// The one BCP 47 language-tag normaliser every writer uses (HTML `lang`, EPUB `dc:language`, DOCX `w:lang`).
///
/// It accepts what a user or a page writes: a tag (`de`, `de-DE`, `zh-Hant-TW`), a POSIX locale name
/// (`de_DE.UTF-8`, `sr_RS@latin`: the codeset and modifier are dropped, `_` becomes `-`), with any case and
/// surrounding white space, and gives the tag in BCP 47's canonical case (RFC 5646 §2.1.1): language lower
/// case, a four-letter script title case, a two-letter region upper case, everything else lower case.
/// Anything that is not a tag (`C`, `POSIX`, `english language`) gives nil.
public enum LanguageTag {
    /// The canonical tag, or nil when `value` is not a language tag.
    public static func normalized(_ value: String?) -> String? {
        guard let value else { return nil }
        if isCanonicalSimpleTag(value) { return value }
        return generalNormalized(value)
    }

    /// Whether `value` is a tag the general path gives back unchanged, checked on its bytes: two or three
    /// lower-case ASCII letters ("en", "deu"), optionally with a hyphen and two upper-case letters ("de-DE").
    /// (Every writer normalises the release's language several times a file; the general path splits and
    /// rebuilds the tag Character by Character.)
    static func isCanonicalSimpleTag(_ value: String) -> Bool {
        let utf8 = value.utf8
        let count = utf8.count
        guard count == 2 || count == 3 || count == 5 || count == 6 else { return false }
        let language = count <= 3 ? count : count - 3
        var position = 0
        for byte in utf8 {
            if position < language {
                guard byte >= 0x61, byte <= 0x7A else { return false }
            } else if position == language {
                guard byte == 0x2D else { return false }
            } else {
                guard byte >= 0x41, byte <= 0x5A else { return false }
            }
            position += 1
        }
        return true
    }

    /// `normalized` without the byte check in front of it (also what the equivalence tests compare with).
    static func generalNormalized(_ value: String) -> String? {
        var tag = value.trimmingSpaces()
        guard !tag.isEmpty else { return nil }
        if let cut = tag.firstIndex(where: { $0 == "." || $0 == "@" }) { tag = String(tag[..<cut]) }
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var out = [primary.fastLowercased()]
        for (position, part) in parts.dropFirst().enumerated() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return nil
            }
            // After a singleton (an extension or `x-` private use) nothing is a script or a region.
            let afterSingleton = out.dropFirst().contains { $0.count == 1 }
            if !afterSingleton, part.count == 4, part.allSatisfy(\.isLetter), position == 0 || out.count == 2 && out[1].count == 3 {
                out.append(part.prefix(1).uppercased() + part.dropFirst().fastLowercased())
            } else if !afterSingleton, part.count == 2, part.allSatisfy(\.isLetter) {
                out.append(part.uppercased())
            } else {
                out.append(part.fastLowercased())
            }
        }
        return out.joined(separator: "-")
    }

    /// The primary language subtag ("de" for "de-AT"), lower case; "" when `tag` is not a tag.
    public static func primary(_ tag: String?) -> String {
        guard let tag = normalized(tag) else { return "" }
        return String(tag.prefix { $0 != "-" })
    }

    /// The region subtag ("AT" for "de-AT"), if the tag has one.
    public static func region(_ tag: String?) -> String? {
        guard let tag = normalized(tag) else { return nil }
        let subtags: [Substring] = tag.split(separator: "-")
        guard let found = subtags.dropFirst().first(where: { $0.count == 2 || ($0.count == 3 && $0.allSatisfy(\.isNumber)) })
        else { return nil }
        return String(found)
    }

    /// The tag with the usual region added to a bare language, as Word expects (`en` → `en-US`,
    /// `uk` → `uk-UA`); a tag that already has more than a language is kept.
    public static func withRegion(_ tag: String) -> String {
        guard !tag.contains("-"), let region = regions[tag] else { return tag }
        return tag + "-" + region
    }

    /// The usual region of each bare language (`withRegion`); the zip seeds' tests list them (`ZipSeeds`).
    static let regions = ["en": "US", "de": "DE", "fr": "FR", "es": "ES", "ru": "RU", "it": "IT", "pt": "PT",
                          "nl": "NL", "pl": "PL", "uk": "UA", "be": "BY", "ja": "JP", "zh": "CN", "sv": "SE",
                          "da": "DK", "fi": "FI", "cs": "CZ", "tr": "TR", "ko": "KR", "nb": "NO", "el": "GR"]
}
