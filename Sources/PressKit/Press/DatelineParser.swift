/// A dateline opening a paragraph: "BERLIN, March 3, 2024 –", "MINSK, 21 September 2021 —",
/// "NEW YORK--(BUSINESS WIRE)--", "NEW YORK, March 3, 2024 /PRNewswire/ --", "Paris, le 3 mars 2024 –",
/// "Минск, 21 сентября 2021 г. –", or a date alone ("March 3, 2024 –").
struct Dateline {
    /// The place as written ("BERLIN", "SAN FRANCISCO, Calif."), if any.
    var place: String?
    var date: DateMatch?
    /// How many Unicode scalars of the paragraph's plain text the dateline and its separator take.
    var length: Int
}

enum DatelineParser {
    /// Longest dateline considered, in characters.
    static let maxPrefix = 140

    static func parse(_ text: String) -> Dateline? {
        let head = String(text.unicodeScalars.prefix(maxPrefix + 40))
        guard let first = head.unicodeScalars.first, first.properties.isUppercase || (first.value >= 48 && first.value <= 57)
        else { return nil }
        guard let (sepStart, sepEnd) = separator(in: head) else { return dateThenStop(head) ?? placeThenStop(head) }
        var prefix = String(head[..<sepStart])
        // "NEW YORK, March 3, 2024 /PRNewswire/ --": the wire's name is not part of the place.
        let wireTagged = isWireTagged(prefix)
        prefix = stripWire(prefix)
        prefix = prefix.trimmingSpaces()
        guard !prefix.isEmpty, prefix.unicodeScalars.count <= maxPrefix else { return nil }
        var end = sepEnd
        // "NEW YORK--(BUSINESS WIRE)--Acme": skip the parenthesised wire and its closing dashes.
        if head[sepEnd...].hasPrefix("("), let close = head[sepEnd...].firstIndex(of: ")"),
           head.distance(from: sepEnd, to: close) < 40 {
            var e = head.index(after: close)
            var dashes = 0
            while e < head.endIndex, " -\u{2013}\u{2014}\u{00A0}".contains(head[e]) {
                if head[e] != " " && head[e] != "\u{00A0}" { dashes += 1 }
                e = head.index(after: e)
            }
            if dashes > 0 { end = e }
        }
        guard let (place, date) = analyse(prefix, wireTagged: wireTagged) else { return nil }
        let length = head[..<end].unicodeScalars.count
        return Dateline(place: place, date: date, length: length)
    }

    /// The first dash separator (" – ", " — ", " - ", "--", an unspaced em or en dash) in the first
    /// `maxPrefix` characters: its start and end (white space after it included).
    static func separator(in text: String) -> (String.Index, String.Index)? {
        var i = text.startIndex
        var count = 0
        while i < text.endIndex, count <= maxPrefix {
            let c = text[i]
            var sepEnd: String.Index?
            if c == "\u{2013}" || c == "\u{2014}" {
                sepEnd = text.index(after: i)
            } else if c == "-" {
                let next = text.index(after: i)
                if next < text.endIndex, text[next] == "-" {
                    sepEnd = text.index(after: next)
                } else if i > text.startIndex, text[text.index(before: i)] == " ", next < text.endIndex, text[next] == " " {
                    sepEnd = next
                }
            }
            if var e = sepEnd {
                while e < text.endIndex, text[e] == " " || text[e] == "\u{00A0}" || text[e] == "-" { e = text.index(after: e) }
                var s = i
                while s > text.startIndex, text[text.index(before: s)] == " " { s = text.index(before: s) }
                return (s, e)
            }
            // A sentence ends before any dateline separator could come.
            if c == "." || c == "!" || c == "?", let n = text.index(i, offsetBy: 1, limitedBy: text.endIndex),
               n < text.endIndex, text[n] == " ", !endsAbbreviation(text[..<i]) {
                return nil
            }
            i = text.index(after: i)
            count += 1
        }
        return nil
    }

    /// "Calif.", "Mass.", "Sept.", "г." and initials end with a dot without ending a sentence.
    private static func endsAbbreviation(_ s: Substring) -> Bool {
        // "3. März": a German ordinal day.
        let digits = s.reversed().prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty { return digits.count <= 2 }
        let word = s.reversed().prefix { $0.isLetter }
        return word.count <= 5 && !word.isEmpty
    }

    /// "BERLIN, 3 March 2024. Acme ..." or "BERLIN, 3 March 2024: Acme": a place and full date ended by a
    /// dot or colon instead of a dash.
    private static func dateThenStop(_ head: String) -> Dateline? {
        guard let date = DateNormalizer.firstDate(in: head, allowPartial: false),
              head.distance(from: head.startIndex, to: date.range.lowerBound) <= 60 else { return nil }
        var e = date.range.upperBound
        guard e < head.endIndex, head[e] == "." || head[e] == ":" else { return nil }
        e = head.index(after: e)
        guard e < head.endIndex, head[e] == " " else { return nil }
        while e < head.endIndex, head[e] == " " { e = head.index(after: e) }
        let placePart = cleanPlace(String(head[..<date.range.lowerBound]))
        guard let placePart, isAllCapsPlace(placePart) else { return nil }
        return Dateline(place: placePart, date: date, length: head[..<e].unicodeScalars.count)
    }

    /// Words that open a text as a sentence of their own ("Update.", "Fazit.") and are no place.
    private static let notPlaces: Set<String> = [
        "update", "updates", "fazit", "achtung", "hinweis", "anzeige", "werbung", "breaking", "note", "hallo", "danke",
        "ja", "nein", "okay", "ok", "wow", "hi", "hello", "yes", "no", "finally", "first", "again", "today", "heute",
        "gestern", "morgen", "yesterday", "tomorrow", "sorry", "thanks", "warum", "why", "how", "what", "so", "also",
        "und", "and", "but", "aber", "background", "introduction", "summary", "overview", "einleitung", "hintergrund",
        "zusammenfassung", "context", "abstract", "korrektur", "correction", "berichtigung", "ergänzung", "eilmeldung",
        "exklusiv", "exclusive", "kommentar", "analyse", "analysis", "interview", "video", "foto", "photo", "live",
    ]

    private static let articles: Set<String> = ["the", "a", "an", "der", "die", "das", "ein", "eine", "le", "la", "les",
                                                "un", "une", "el", "los", "las", "il", "lo", "de", "het", "een"]

    /// "Karlsruhe/Nordheide. Der Windpark …", "Frankfurt am Main. Die …": the German press habit of a place
    /// ending with a full stop before the first sentence.
    private static func placeThenStop(_ head: String) -> Dateline? {
        guard let dot = head.prefix(45).firstRange(of: ". ") else { return nil }
        let place = String(head[..<dot.lowerBound])
        let words = place.split(separator: " ")
        guard (1...3).contains(words.count), place.unicodeScalars.count >= 3,
              !notPlaces.contains(place.fastLowercased()), !DateNormalizer.isWeekday(place.fastLowercased()),
              place.allSatisfy({ $0.isLetter || $0 == " " || $0 == "/" || $0 == "-" }),
              let firstWord = words.first, !articles.contains(firstWord.fastLowercased()),
              let lastWord = words.last, lastWord.count >= 3, isPlace(place) else { return nil }
        var e = dot.upperBound
        while e < head.endIndex, head[e] == " " { e = head.index(after: e) }
        guard e < head.endIndex, head[e].isUppercase || head[e] == "„" || head[e] == "\"",
              head[e...].unicodeScalars.count >= 40 else { return nil }
        return Dateline(place: place, date: nil, length: head[..<e].unicodeScalars.count)
    }

    /// News agencies' and wire services' tags after the place: "(ots)", "(dpa-AFX)", "/PRNewswire/", "(CNW)".
    private static let wireTags: Set<String> = [
        "ots", "dpa", "dpa-afx", "afx", "apa", "apa-ots", "sda", "awp", "kna", "epd", "afp", "ap", "reuters",
        "prnewswire", "prnewswire-usnewswire", "globe newswire", "business wire", "cnw", "marketwired", "prweb",
        "accesswire", "newsfile corp.", "pts", "ddp", "idw", "openpr", "ansa", "efe", "europa press", "belga",
        "anp", "tass", "ria novosti", "interfax", "ukrinform", "pap", "ctk", "mti",
    ]

    /// Whether the dateline's place part ends in a known wire tag.
    static func isWireTagged(_ prefix: String) -> Bool {
        let p = prefix.trimmingSpaces()
        var tag: Substring?
        if p.hasSuffix("/"), let open = p.dropLast().lastIndex(of: "/") { tag = p[p.index(after: open)..<p.index(before: p.endIndex)] }
        if p.hasSuffix(")"), let open = p.lastIndex(of: "(") { tag = p[p.index(after: open)..<p.index(before: p.endIndex)] }
        guard let tag else { return false }
        return wireTags.contains(tag.trimmingSpaces().fastLowercased())
    }

    private static func stripWire(_ prefix: String) -> String {
        var p = prefix.trimmingSpaces()
        if p.hasSuffix("/"), let open = p.dropLast().lastIndex(of: "/") {
            p = String(p[..<open])
        }
        if p.hasSuffix(")"), let open = p.lastIndex(of: "("), p.distance(from: open, to: p.endIndex) <= 30 {
            p = String(p[..<open])
        }
        return p
    }

    /// The place and date in a dateline's text, or nil if it does not read as one.
    private static func analyse(_ prefix: String, wireTagged: Bool = false) -> (String?, DateMatch?)? {
        if let date = DateNormalizer.firstDate(in: prefix, allowPartial: true) {
            // The date must end the dateline (allowing a trailing "г." or a time zone is not needed).
            let tail = prefix[date.range.upperBound...].trimmingSpaces()
            guard tail.isEmpty || tail == "г." || tail == "г" || tail.count <= 2 else { return nil }
            let before = String(prefix[..<date.range.lowerBound])
            if before.trimmingSpaces().isEmpty { return (nil, date) }
            guard let place = cleanPlace(before), isPlace(place) else { return nil }
            return (place, date)
        }
        // "Berlin (ots) -": after a news agency's tag the place may be written in lower case.
        guard let place = cleanPlace(prefix), wireTagged ? isPlace(place) : isAllCapsPlace(place) else { return nil }
        return (place, nil)
    }

    /// The place without trailing commas, weekdays and the words that introduce a date ("le", "den", "am").
    private static func cleanPlace(_ raw: String) -> String? {
        var words = raw.split(separator: " ").map(String.init)
        while let last = words.last {
            let bare = last.trimmingCharacters(",.")
            if bare.isEmpty || DateNormalizer.isWeekday(bare.fastLowercased())
                || ["le", "den", "am", "on", "el", "de", "the"].contains(bare.fastLowercased()) {
                words.removeLast()
            } else {
                break
            }
        }
        let place = words.joined(separator: " ").trimmingCharacters(",")
        return place.isEmpty ? nil : place
    }

    /// A place: at most six words, each capitalised or a small connecting word, no digits.
    private static func isPlace(_ place: String) -> Bool {
        let words = place.split(separator: " ")
        guard words.count <= 6, place.count <= 60 else { return false }
        let connectors: Set<String> = ["de", "del", "la", "le", "am", "an", "der", "sur", "upon", "on", "im", "en", "y", "и", "na"]
        for word in words {
            guard let f = word.first else { continue }
            if f.isNumber { return false }
            if !f.isUppercase && !connectors.contains(word.fastLowercased()) { return false }
        }
        return true
    }

    /// A place written in capitals: "BERLIN", "NEW YORK", "SAN FRANCISCO, Calif.".
    private static func isAllCapsPlace(_ place: String) -> Bool {
        guard isPlace(place) else { return false }
        let firstPart = place.split(separator: ",").first ?? Substring(place)
        var upper = 0
        for s in firstPart.unicodeScalars {
            if s.properties.isLowercase { return false }
            if s.properties.isUppercase { upper += 1 }
        }
        return upper >= 2
    }
}

extension String {
    /// The string without leading and trailing characters from `set` (and white space).
    func trimmingCharacters(_ set: String) -> String {
        if ASCIIText.isASCII(set), ASCIIText.hasPlainEnds(self, trimmed: { $0 < 0x21 || ByteScan.contains($0, inUTF8: set) }) {
            return self
        }
        return characterTrimming(set)
    }

    /// The same, Character by Character.
    func characterTrimming(_ set: String) -> String {
        trimming { set.contains($0) || $0.isWhitespace }
    }
}
