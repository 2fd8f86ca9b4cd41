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
                if isConsentPlaceholder(text) || isFileName(text) || isSignUpOrModeration(text) || isPostMeta(text)
                    || (isWhollyLinked(content) && isFurtherReading(text))
                    || isDanglingLeadIn(text, next: index + 1 < blocks.count ? blocks[index + 1] : nil) {
                    drop.append(index)
                }
            case .heading(_, let content, _):
                guard let text = shortText(content) else { continue }
                if isConsentPlaceholder(text) || isSignUpOrModeration(text)
                    || isDanglingLeadIn(text, next: index + 1 < blocks.count ? blocks[index + 1] : nil, heading: true) {
                    drop.append(index)
                }
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
        let text = HTMLText.collapse(content.plainTextWithoutImages).fastLowercased()
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
    private static let platforms = SubstringSet([
        "twitter", " x ", "instagram", "youtube", "facebook", "tiktok", "vimeo", "spotify", "mastodon", "bluesky",
        "soundcloud", "podcast", "video", "inhalt", "content", "contenu", "post", "tweet", "map", "karte",
    ])
    private static let buttonVerbs = SubstringSet([
        "freischalten", "anzeigen", "laden", "aktivieren", "einblenden", "show", "load", "view", "enable", "afficher",
        "charger", "activer", "mostrar", "cargar",
    ])

    static func isConsentPlaceholder(_ text: String) -> Bool {
        if text.hasAnySubstring(consentBytes) { return true }
        if text.utf8.count <= 100, text.hasAnySubstring(consentLabelBytes) { return true }
        // A short button label: a platform and a verb, a handful of words.
        guard text.utf8.count <= 60, text.split(separator: " ").count <= 6 else { return false }
        let padded = " " + text + " "
        return padded.hasAnySubstring(platforms) && text.hasAnySubstring(buttonVerbs)
    }

    // MARK: calls to action

    /// Words of a newsletter or magazine offer, and of the sign-up it asks for ("Get the latest updates right
    /// in your inbox. Subscribe to our newsletters.", "Newsletter abonnieren", "Inscrivez-vous à notre lettre").
    private static let offerNouns = SubstringSet([
        "newsletter", "inbox", "letterbox", "mailbox", "posteingang", "briefkasten", "lettre d'information",
        "lettre d’information", "boîte mail", "boîte de réception", "bandeja de entrada", "boletín",
    ])
    private static let signUpVerbs = SubstringSet([
        "sign up", "signup", "subscribe", "subscribing", "subscribed", "delivered", "register", "abonnieren",
        "abonniere", "anmelden", "bestellen", "registrieren", "inscrivez", "abonnez", "inscribe", "suscríbete",
        "suscribete", "iscriviti", "abonneer", "schrijf je in",
    ])
    /// Sentence openings of a sign-up ("Sign up for …", "Jetzt Newsletter abonnieren").
    private static let signUpOpenings = [
        "sign up", "subscribe", "get the", "register", "jetzt", "abonnieren", "newsletter abonnieren", "melden sie sich",
        "inscrivez", "abonnez", "suscríbete", "iscriviti",
    ]
    /// Words of a note on how comments are moderated ("Comments are moderated", "Kommentare werden vor der
    /// Freischaltung geprüft", "Comentários … não serão aprovados pelo moderador").
    private static let commentNouns = SubstringSet(["comment", "kommentar", "comentário", "comentario", "commentaire", "commento"])
    private static let moderationWords = SubstringSet([
        "moderat", "approved", "aprovad", "aprobad", "freigeschaltet", "freischaltung", "netiquette", "guidelines",
        "policy", "richtlinien", "charte", "règles", "regras", "normas",
    ])

    /// A short paragraph that offers a newsletter or subscription, or tells how comments are moderated: the
    /// site's furniture set as body text (it names a sign-up and what it brings, or comments and their rules).
    static func isSignUpOrModeration(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        // An offer is a line or two, or a few sentences of which one opens with the sign-up ("… Sign up for
        // the free daily newsletter."); a sentence of the article about a newsletter runs longer.
        if text.hasAnySubstring(offerNouns), text.hasAnySubstring(signUpVerbs),
           text.utf8.count <= 160 || signUpOpenings.contains(where: { text.hasPrefix($0) || text.hasSubstring(". " + $0) }) {
            return true
        }
        return text.utf8.count <= 250 && text.hasAnySubstring(commentNouns) && text.hasAnySubstring(moderationWords)
    }

    /// Openings and phrases of the lines that close an article on a site: following or writing to the author,
    /// sharing the story, commenting on it, its tags.
    private static let closingPhrases = SubstringSet([
        "follow me on", "follow us on", "follow her on", "follow him on", "follow them on", "have a tip?",
        "got a tip?", "like this story?", "share it with a friend", "share this article", "share this story",
        "tell us what you think", "leave a comment", "join the conversation", "check out my website",
        "folgen sie uns auf", "folgen sie mir auf", "teilen sie diesen artikel", "suivez-nous sur", "síguenos en",
        "seguici su", "siga-nos", "volg ons op",
    ])
    /// Labels of a tag list or a comment count on their own line.
    private static let closingLabels: Set<String> = [
        "tags", "tags:", "tagged", "tagged:", "schlagwörter", "schlagwörter:", "stichwörter", "stichwörter:",
        "etiquetas", "etiquetas:", "mots-clés", "mots-clés:", "comments", "comment", "kommentare", "comentários",
        "comentarios", "commentaires", "0 comments", "no comments",
    ]

    /// A line that closes an article on a site rather than its text (only at the article's end).
    static func isClosingLine(_ text: String) -> Bool {
        guard text.utf8.count <= 160 else { return false }
        if closingLabels.contains(text.trimming { " .…".contains($0) }) { return true }
        if text.hasPrefix("tags:") || text.hasPrefix("tagged:") || text.hasPrefix("schlagwörter:") { return true }
        if text.hasAnySubstring(closingPhrases) { return true }
        // "Follow Newsbeat on Instagram, Facebook and X.", "Follow our full coverage at https://…"
        if text.hasPrefix("follow "), text.hasAnySubstring(platformNames) || text.hasSubstring("coverage") { return true }
        // A news agency's credit line: "Reporting by …; Editing by …", "… contributed to this report."
        let opening = text.drop { $0 == "(" || $0 == "[" || $0 == " " }
        return creditOpenings.contains { opening.hasPrefix($0) } || text.hasAnySubstring(creditPhrases)
    }

    private static let platformNames = SubstringSet([
        "twitter", "facebook", "instagram", "linkedin", "youtube", "tiktok", "mastodon", "bluesky", "threads",
        "whatsapp", "telegram", " on x ", " on x.", "@",
    ])
    private static let creditOpenings = [
        "reporting by", "additional reporting by", "editing by", "edited by", "compiled by", "writing by",
    ]
    private static let creditPhrases = SubstringSet([
        "contributed to this report", "contributed reporting", "contributed to this story", "trug zu diesem bericht bei",
    ])

    /// Takes the closing lines off the article's end, and a heading left with nothing under it.
    static func removeClosingLines(_ blocks: inout [Block]) -> Bool {
        guard let last = blocks.last else { return false }
        switch last {
        case .heading(_, let content, _):
            // A short label ("Tags", "More:", "Tell us what you think…"), not a closing line of the text.
            guard HTMLText.collapse(content.plainText).count <= 40 else { return false }
            blocks.removeLast()
            return true
        case .paragraph(let content):
            guard let text = shortText(content), isClosingLine(text) else { return false }
            blocks.removeLast()
            return true
        default:
            return false
        }
    }

    /// Labels of a blog post's meta line ("Posted by … in News | Tags: …", "Publicado por: … - Categoria: …").
    private static let postMetaLabels: [String] = [
        "posted by", "posted in", "filed under", "published by", "written by", "category:", "categories:",
        "tags:", "tagged:", "publicado por", "categoria:", "categoría:", "categorias:", "etiquetas:",
        "veröffentlicht von", "kategorie:", "kategorien:", "schlagwörter:", "publié par", "catégorie:",
        "catégories:", "mots-clés:", "pubblicato da", "tag:",
    ]

    private static let postMetaLabelSet = SubstringSet(postMetaLabels)

    /// A short line of two or more post-meta labels: the author, category and tags of a post, not its text.
    static func isPostMeta(_ text: String) -> Bool {
        // (Most lines hold no label at all: one pass over the set's bytes says so before the count.)
        guard text.utf8.count <= 200, text.hasAnySubstring(postMetaLabelSet) else { return false }
        var labels = 0
        for label in postMetaLabels where text.hasSubstring(label) {
            labels += 1
            if labels >= 2 { return true }
        }
        return false
    }

    /// A teaser of another article set as one link ("Also on example.com: Headline", "Read more: …").
    static func isFurtherReading(_ text: String) -> Bool {
        let trimmed = text.trimming { " :.…»›>".contains($0) }
        if trimmed.hasPrefix("also on ") || trimmed.hasPrefix("more on ") { return true }
        return leadIns.contains { phrase in
            trimmed.utf8.starts(with: phrase.utf8) && trimmed.utf8.count > phrase.utf8.count
                && [UInt8(ascii: ":"), UInt8(ascii: " ")].contains(trimmed.utf8[trimmed.utf8.index(trimmed.utf8.startIndex, offsetBy: phrase.utf8.count)])
        }
    }

    /// Whether all of a paragraph's text is inside links.
    static func isWhollyLinked(_ content: [Inline]) -> Bool {
        var outside = false
        var linked = false
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let s), .code(let s):
                    if s.contains(where: { !$0.isWhitespace }) { outside = true }
                case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                     .subscript(let c):
                    walk(c)
                case .link: linked = true
                case .image, .softBreak, .lineBreak, .raw, .note: break
                }
            }
        }
        walk(content)
        return linked && !outside
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

    /// A short line ending in a colon with nothing to introduce (the article ends there), or a further-reading
    /// line that no list follows.
    /// A heading is dangling only by a further-reading phrase ("More:", "Related", "Lesen Sie auch:"): a
    /// heading ending in a colon may open the sections under it.
    static func isDanglingLeadIn(_ text: String, next: Block?, heading: Bool = false) -> Bool {
        let endsInColon = text.utf8.last == UInt8(ascii: ":")
        guard text.utf8.count <= 160, endsInColon || text.utf8.count <= 40 else { return false }
        let trimmed = text.trimming { " :.…".contains($0) }
        let nextIsList: Bool
        let nextIsEnd: Bool
        switch next {
        // (A heading after the line may be what it announces: "Here is what to know:" over the sections.)
        case .none, .thematicBreak?: nextIsList = false; nextIsEnd = true
        case .bulletList?, .orderedList?, .definitionList?, .table?: nextIsList = true; nextIsEnd = false
        default: nextIsList = false; nextIsEnd = false
        }
        if endsInColon && nextIsEnd && text.utf8.count <= 100 && !heading { return true }
        guard !nextIsList else { return false }
        // A bare "More:" whose list of links was taken out.
        if endsInColon, ["more", "mehr", "plus", "más", "altro", "meer"].contains(trimmed) { return true }
        guard endsInColon || leadIns.contains(trimmed) else { return false }
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
        guard PhotoNotes.imageExtensions.contains(ext.fastLowercased()), dot > text.startIndex else { return false }
        return text[..<dot].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "/" }
    }
}

extension HTMLBodyNoise {
    /// Whether an image's alternative text is only its file's name (a CMS's default: `IMG_1234.jpg`,
    /// `IMG_1234`, or the name in `src` without its extension and size suffix), which describes nothing.
    static func isFileNameAlt(_ alt: String, source: String) -> Bool {
        guard !alt.isEmpty, alt.utf8.count <= 200, !alt.utf8.contains(UInt8(ascii: " ")) else { return false }
        let lower = alt.fastLowercased()
        if isFileName(lower) { return true }
        // A plain word ("tower" for tower.jpg) may describe the picture; a slug or a number does not.
        guard lower.contains(where: { $0 == "-" || $0 == "_" || $0.isNumber }) else { return false }
        var file = source.split(separator: "/").last.map { $0.fastLowercased() } ?? ""
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
