/// Paragraphs of an extracted article that are no part of its text, recognised by their words: the
/// placeholders a consent tool leaves for an embedded post or video ("Twitter freischalten", "Inhalte von X
/// anzeigen", "Accept cookies to view this content", "Ce contenu est bloqué"), a lead-in line whose list of
/// links was removed as furniture ("Lesen Sie dazu auch die Pressemitteilungen:", "See also:"), and an
/// image's file name left as text (`IMG_1234.jpg`).
enum HTMLBodyNoise {
    static func remove(_ blocks: inout [Block]) {
        var drop: [Int] = []
        for index in blocks.indices {
            switch blocks[index] {
            case .paragraph(let content):
                guard let text = shortText(content) else { continue }
                if isConsentPlaceholder(text) || isFileName(text)
                    || isDanglingLeadIn(text, next: index + 1 < blocks.count ? blocks[index + 1] : nil) {
                    drop.append(index)
                }
            case .heading(_, let content, _):
                if let text = shortText(content), isConsentPlaceholder(text) { drop.append(index) }
            case .figure(var figure):
                if let text = shortText(figure.caption), isFileName(text) {
                    figure.caption = []
                    blocks[index] = .figure(figure)
                }
            default:
                continue
            }
        }
        for index in drop.reversed() { blocks.remove(at: index) }
    }

    /// The collapsed, lower-cased text of a paragraph of at most 400 bytes of text (else nil: longer
    /// paragraphs are running text whatever words they hold).
    private static func shortText(_ content: [Inline]) -> String? {
        var budget = 0
        guard !content.isEmpty, isShort(content, budget: &budget) else { return nil }
        let text = HTMLText.collapse(content.plainTextWithoutImages).lowercased()
        return text.isEmpty ? nil : text
    }

    private static func isShort(_ inlines: [Inline], budget: inout Int) -> Bool {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s):
                budget += s.utf8.count
                if budget > 400 { return false }
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                if !isShort(c, budget: &budget) { return false }
            case .link(let link):
                if !isShort(link.content, budget: &budget) { return false }
            case .image, .softBreak, .lineBreak, .raw, .note: break
            }
        }
        return true
    }

    // MARK: consent placeholders

    /// Phrases that only a consent placeholder says, in a paragraph of any short length.
    private static let consentPhrases: [String] = [
        // German
        "externen inhalt laden", "externe inhalte laden", "externe inhalte anzeigen", "externen inhalt anzeigen",
        "empfohlener redaktioneller inhalt", "um diesen inhalt zu sehen", "um diesen inhalt anzuzeigen",
        "um den inhalt anzuzeigen", "ich bin damit einverstanden, dass mir externe inhalte",
        "daten an twitter übertragen", "daten an youtube übertragen", "daten an instagram übertragen",
        "daten an facebook übertragen", "daten an x übertragen", "daten an drittanbieter übertragen",
        // English
        "accept cookies to view", "accept cookies to see", "enable cookies to view", "enable cookies to see",
        "accept cookies to watch", "to view this content, please", "this content is blocked",
        "content is hosted by a third party", "click to load the content", "consent to view this",
        // French, Spanish, Italian, Dutch
        "ce contenu est bloqué", "acceptez les cookies pour", "accepter les cookies pour", "contenido bloqueado",
        "acepta las cookies para", "accetta i cookie per", "contenuto bloccato", "accepteer cookies om",
    ]
    /// Labels of a consent tool's buttons and links, in a paragraph of a few words only.
    private static let consentLabels: [String] = [
        "datenschutzeinstellungen", "datenschutz-einstellungen", "cookie-einstellungen", "cookie einstellungen",
        "manage cookie", "manage consent", "cookie preferences", "cookie settings", "privacy settings",
        "load external content", "show external content", "gérer mes cookies", "gérer les cookies",
        "paramétrer les cookies", "afficher le contenu", "contenu externe", "aceptar cookies", "inhoud laden",
    ]
    private static let consentBytes = SubstringSet(consentPhrases)
    private static let consentLabelBytes = SubstringSet(consentLabels)
    /// Platforms whose posts are embedded, and the verbs of a placeholder's button ("Twitter freischalten",
    /// "Inhalte von Instagram anzeigen", "Load YouTube video").
    private static let platforms = ["twitter", " x ", "instagram", "youtube", "facebook", "tiktok", "vimeo", "spotify",
                                    "mastodon", "bluesky", "soundcloud", "podcast", "video", "inhalt", "content",
                                    "contenu", "post", "tweet", "map", "karte"]
    private static let buttonVerbs = ["freischalten", "anzeigen", "laden", "aktivieren", "einblenden", "show", "load",
                                      "view", "enable", "afficher", "charger", "activer", "mostrar", "cargar"]

    static func isConsentPlaceholder(_ text: String) -> Bool {
        if text.hasAnySubstring(consentBytes) { return true }
        if text.utf8.count <= 100, text.hasAnySubstring(consentLabelBytes) { return true }
        // A short button label: a platform and a verb, a handful of words.
        guard text.utf8.count <= 60, text.split(separator: " ").count <= 6 else { return false }
        let padded = " " + text + " "
        return platforms.contains { padded.hasSubstring($0) } && buttonVerbs.contains { text.hasSubstring($0) }
    }

    // MARK: lead-in lines

    /// Openings of a line that introduces a list of further reading.
    private static let leadIns: [String] = [
        "lesen sie dazu auch", "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema",
        "weiterführende links", "mehr dazu", "siehe auch", "das könnte sie auch interessieren", "related",
        "see also", "read more", "read also", "more on this", "further reading", "you may also like",
        "lire aussi", "à lire aussi", "voir aussi", "pour aller plus loin", "sur le même sujet", "leer más",
        "lea también", "ver también", "leggi anche", "zie ook", "lees ook", "czytaj też", "czytaj także",
        "читайте также", "читайте також", "дивіться також", "см. также",
    ]

    /// A short line ending in a colon with nothing to introduce (the article ends, or a heading follows), or
    /// a further-reading line that no list follows.
    static func isDanglingLeadIn(_ text: String, next: Block?) -> Bool {
        let endsInColon = text.utf8.last == UInt8(ascii: ":")
        guard text.utf8.count <= 160, endsInColon || text.utf8.count <= 40 else { return false }
        let trimmed = text.trimmingCharacters(in: " :.…")
        let nextIsList: Bool
        let nextIsEnd: Bool
        switch next {
        case .none, .heading?, .thematicBreak?: nextIsList = false; nextIsEnd = true
        case .bulletList?, .orderedList?, .definitionList?, .table?: nextIsList = true; nextIsEnd = false
        default: nextIsList = false; nextIsEnd = false
        }
        if endsInColon && nextIsEnd && text.utf8.count <= 100 { return true }
        guard !nextIsList, endsInColon || leadIns.contains(trimmed) else { return false }
        // The phrase, and at most a few words naming what was listed ("… die Pressemitteilungen:").
        return leadIns.contains { phrase in
            trimmed.utf8.starts(with: phrase.utf8)
                && trimmed.utf8.dropFirst(phrase.utf8.count).split(separator: UInt8(ascii: " ")).count <= 4
        }
    }

    // MARK: file names

    /// A paragraph that is nothing but an image's file name: `IMG_1234.jpg`, `photo-ceo-2024.png`.
    static func isFileName(_ text: String) -> Bool {
        guard text.utf8.count <= 120, !text.utf8.contains(UInt8(ascii: " ")), let dot = text.lastIndex(of: ".") else { return false }
        let ext = text[text.index(after: dot)...]
        guard PhotoNotes.imageExtensions.contains(ext.lowercased()), dot > text.startIndex else { return false }
        return text[..<dot].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "/" }
    }
}

extension HTMLBodyNoise {
    /// Whether an image's alternative text is only its file's name (a CMS's default: `IMG_1234.jpg`,
    /// `IMG_1234`, or the name in `src` without its extension and size suffix), which describes nothing.
    static func isFileNameAlt(_ alt: String, source: String) -> Bool {
        guard !alt.isEmpty, alt.utf8.count <= 200, !alt.utf8.contains(UInt8(ascii: " ")) else { return false }
        let lower = alt.lowercased()
        if isFileName(lower) { return true }
        // A plain word ("tower" for tower.jpg) may describe the picture; a slug or a number does not.
        guard lower.contains(where: { $0 == "-" || $0 == "_" || $0.isNumber }) else { return false }
        var file = source.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if let cut = file.firstIndex(where: { $0 == "?" || $0 == "#" }) { file = String(file[..<cut]) }
        if let dot = file.lastIndex(of: ".") { file = String(file[..<dot]) }
        if file == lower { return true }
        // WordPress's resized copies: name-1024x768.
        if let dash = file.lastIndex(of: "-"), file[file.index(after: dash)...].contains("x"),
           file[file.index(after: dash)...].allSatisfy({ $0 == "x" || $0.isNumber }) {
            return String(file[..<dash]) == lower
        }
        // A camera's name: IMG_1234, DSC01234, P1010234.
        let letters = lower.prefix { $0.isLetter }
        let rest = lower.dropFirst(letters.count).drop { $0 == "_" || $0 == "-" }
        return ["img", "dsc", "dscn", "dscf", "pict", "p", "photo", "image"].contains(String(letters))
            && rest.count >= 3 && rest.allSatisfy(\.isNumber)
    }
}

extension String {
    /// The string without the given characters at either end.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
