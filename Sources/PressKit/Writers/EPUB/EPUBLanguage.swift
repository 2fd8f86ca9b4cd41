/// The book's language: what the releases say, else a guess from their most common words, else English.
/// (epubcheck 4.2.6 flags BCP 47's `und` as an invalid language, so it is not used.)
enum EPUBLanguage {
    static let fallback = "en"

    /// A BCP 47 tag from what a document says (`en`, `de-DE`, `en_US.UTF-8` → `en-US`); nil for locale
    /// names such as `C` or `POSIX` and anything else that is not a tag.
    static func tag(_ value: String?) -> String? {
        guard var tag = value.map({ $0.epubTrimmed }), !tag.isEmpty else { return nil }
        if let cut = tag.firstIndex(where: { $0 == "." || $0 == "@" }) { tag = String(tag[..<cut]) }
        tag = String(tag.map { $0 == "_" ? "-" : $0 })
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return nil
            }
        }
        return tag
    }

    /// Very common short words of the languages press releases here come in.
    static let markers: [(String, Set<String>)] = [
        ("en", ["the", "and", "of", "to", "in", "is", "for", "with", "that", "on", "was", "are", "by", "this"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "von", "den", "für", "auf", "ein", "eine", "wird"]),
        ("fr", ["le", "la", "les", "et", "des", "est", "une", "pour", "dans", "du", "sur", "avec", "qui", "au"]),
        ("es", ["el", "los", "las", "y", "del", "que", "para", "con", "una", "por", "es", "se", "como", "su"]),
        ("ru", ["и", "в", "на", "не", "что", "с", "по", "для", "из", "о", "это", "как", "к", "от"]),
    ]

    /// The language whose common words clearly dominate the first few thousand words; nil when unsure.
    static func guess(_ documents: [Document]) -> String? {
        var counts = [Int](repeating: 0, count: markers.count)
        var words = 0
        outer: for document in documents {
            for block in document.blocks {
                for word in block.plainText.lowercased().split(whereSeparator: { !$0.isLetter }) {
                    words += 1
                    let w = String(word)
                    for (i, marker) in markers.enumerated() where marker.1.contains(w) { counts[i] += 1 }
                    if words >= 5000 { break outer }
                }
            }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }) else { return nil }
        let second = counts.enumerated().filter { $0.offset != best }.map(\.element).max() ?? 0
        guard counts[best] >= 5, counts[best] * 10 >= words, counts[best] >= second * 2 else { return nil }
        return markers[best].0
    }
}
