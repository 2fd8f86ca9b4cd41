/// The language tag Word gets (`w:lang`, `dc:language`): the document's, with a region added to a bare
/// language as Word expects ("en" → "en-US"), default en-US.
enum DOCXLanguage {
    private static let regions = ["en": "US", "de": "DE", "fr": "FR", "es": "ES", "ru": "RU", "it": "IT", "pt": "PT",
                                  "nl": "NL", "pl": "PL", "uk": "UA", "be": "BY", "ja": "JP", "zh": "CN", "sv": "SE",
                                  "da": "DK", "fi": "FI", "cs": "CZ", "tr": "TR", "ko": "KR", "nb": "NO", "el": "GR"]

    static func tag(_ language: String?) -> String {
        guard var tag = language?.trimmingSpaces(), !tag.isEmpty else { return "en-US" }
        tag = tag.replacingUnderscores()
        let parts = tag.split(separator: "-")
        guard let first = parts.first, first.count >= 2, first.count <= 3, first.allSatisfy(\.isLetter),
              tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return "en-US" }
        let lang = first.lowercased()
        if parts.count == 1, let region = regions[lang] { return lang + "-" + region }
        return ([lang] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }).joined(separator: "-")
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
