/// The labels above a headline: "FOR IMMEDIATE RELEASE", "PRESS RELEASE", "Pressemitteilung",
/// "Communiqué de presse", "Nota de prensa", "Пресс-релиз", and embargo lines ("EMBARGOED UNTIL 00:01 GMT,
/// 5 March 2024", "Sperrfrist: 5. März 2024, 10:00 Uhr").
enum ReleaseLabels {
    static let plain: Set<String> = [
        "for immediate release", "immediate release", "for release", "press release", "news release",
        "media release", "media advisory", "press statement", "pressemitteilung",
        "presseinformation", "pressemeldung", "medienmitteilung", "zur sofortigen veröffentlichung",
        "zur sofortigen freigabe", "communiqué de presse", "communiqué", "pour diffusion immédiate",
        "nota de prensa", "comunicado de prensa", "comunicado", "para publicación inmediata",
        "пресс-релиз", "для немедленной публикации", "сообщение для прессы",
        "comunicato stampa", "persbericht", "informacja prasowa", "komunikat prasowy", "comunicado de imprensa",
        "comunicado à imprensa", "прес-реліз",
    ]

    static let embargoPrefixes = [
        "embargoed until", "embargoed till", "embargoed for release until", "under embargo until", "embargo until",
        "embargo:", "embargo", "not for release before", "not for publication before", "hold for release until",
        "sperrfrist:", "sperrfrist bis", "sperrfrist", "embargo jusqu'au", "embargo jusqu’au", "sous embargo jusqu'au",
        "embargo hasta", "embargo hasta el", "эмбарго до",
    ]

    /// Whether the line is only a release label.
    static func isLabel(_ line: String) -> Bool {
        guard line.utf8.count <= 60 else { return false }
        // Most lines are no label, and their first letter says so: a key starts with the lower-cased first
        // Character left after the trimming, so an ASCII one no label starts with rules the line out.
        if let initial = asciiInitial(line, skipping: isLabelTrim), !labelInitials.contains(initial) { return false }
        return generalIsLabel(line)
    }

    /// `isLabel` without the check of the first letter.
    static func generalIsLabel(_ line: String) -> Bool {
        guard line.utf8.count <= 60 else { return false }
        let key = line.trimmingCharacters(":.–—-*").fastLowercased()
        if plain.contains(key) { return true }
        // "Pressemitteilung 045/2024", "Press release No. 12", "Persbericht 12 2024": a label with its number.
        var words = key.split(separator: " ")
        guard let last = words.last, last.contains(where: \.isNumber) else { return false }
        while let w = words.last, w.contains(where: \.isNumber) || ["nr", "nr.", "no", "no.", "n°", "nº", "№", "#"].contains(w) {
            words.removeLast()
        }
        return !words.isEmpty && plain.contains(words.joined(separator: " "))
    }

    /// For an embargo line, the text after its label ("00:01 GMT, 5 March 2024"); nil otherwise.
    static func embargoText(_ line: String) -> String? {
        guard line.utf8.count <= 160 else { return nil }
        if let initial = asciiInitial(line, skipping: ASCIIText.isSpace), !embargoInitials.contains(initial) { return nil }
        if asciiStartsWithEmbargoPrefix(line) == false { return nil }
        return generalEmbargoText(line)
    }

    /// For an all-ASCII line (nil otherwise), whether it starts with an embargo prefix in any case after its
    /// leading white space: the general test on its bytes, where trimming and lower-casing go byte by byte
    /// and the prefixes hold no line break. (The general test lower-cases the whole line, up to 160 bytes.)
    static func asciiStartsWithEmbargoPrefix(_ line: String) -> Bool? {
        var line = line
        return line.withUTF8 { bytes -> Bool? in
            guard ASCIIText.isASCII(bytes) else { return nil }
            var start = 0
            while start < bytes.count, ASCIIText.isSpace(bytes[start]) { start += 1 }
            for prefix in asciiEmbargoPrefixes where bytes.count - start >= prefix.count {
                var same = true
                for k in 0..<prefix.count {
                    if ASCIIText.lowercased(bytes[start + k]) != prefix[k] { same = false; break }
                }
                if same { return true }
            }
            return false
        }
    }

    /// The embargo prefixes written in ASCII, as bytes.
    static let asciiEmbargoPrefixes: [[UInt8]] = embargoPrefixes.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }

    /// `embargoText` without the check of the first letter.
    static func generalEmbargoText(_ line: String) -> String? {
        guard line.utf8.count <= 160 else { return nil }
        let lower = line.trimmingSpaces().fastLowercased()
        for prefix in embargoPrefixes where lower.hasPrefix(prefix) {
            let rest = String(line.trimmingSpaces().unicodeScalars.dropFirst(prefix.unicodeScalars.count))
            return rest.trimmingCharacters(":")
        }
        return nil
    }

    // MARK: First letters, on bytes

    /// The lower-cased first byte of `line` after the bytes `skipping` accepts, when it and every byte before
    /// it are ASCII; nil otherwise (also for a line of skipped bytes alone). A Character starting with that
    /// byte lower-cases to one starting with its lower-case form (ASCII letters followed by combining marks
    /// too), so a label or prefix can only match when it starts with that byte.
    static func asciiInitial(_ line: String, skipping: (UInt8) -> Bool) -> UInt8? {
        for byte in line.utf8 {
            guard byte < 0x80 else { return nil }
            if skipping(byte) { continue }
            return ASCIIText.lowercased(byte)
        }
        return nil
    }


    /// What `trimmingCharacters(":.–—-*")` trims among ASCII bytes.
    static func isLabelTrim(_ byte: UInt8) -> Bool {
        ASCIIText.isSpace(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "*")
    }

    /// The ASCII first bytes of the labels and of the embargo prefixes.
    static let labelInitials: Set<UInt8> = Set(plain.compactMap { $0.utf8.first.flatMap { $0 < 0x80 ? $0 : nil } })
    static let embargoInitials: Set<UInt8> = Set(embargoPrefixes.compactMap { $0.utf8.first.flatMap { $0 < 0x80 ? $0 : nil } })

    /// An embargo as ISO 8601: the date, and the time (with its zone when named) if given.
    static func embargoTimestamp(_ text: String) -> String? {
        guard let date = DateNormalizer.firstDate(in: text, allowPartial: false), let iso = date.iso else { return nil }
        guard let (hour, minute, zone) = time(in: text) else { return iso }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(iso)T\(two(hour)):\(two(minute))" + (zone ?? "")
    }

    private static let zones: [String: String] = [
        "gmt": "Z", "utc": "Z", "z": "Z", "bst": "+01:00", "cet": "+01:00", "mez": "+01:00", "cest": "+02:00",
        "mesz": "+02:00", "eet": "+02:00", "eest": "+03:00", "msk": "+03:00", "мск": "+03:00", "est": "-05:00",
        "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "pst": "-08:00", "pdt": "-07:00",
    ]

    /// "00:01 GMT", "10:00 Uhr MEZ", "9:30 a.m. EDT", "12.00 CET": hours, minutes and a zone offset.
    static func time(in text: String) -> (Int, Int, String?)? {
        let t = DateTokenizer.tokens(text, limit: 64)
        var i = 0
        while i + 2 < t.count {
            if let h = t[i].number, h.digits <= 2, h.value < 24, t[i + 1].isMark(":") || t[i + 1].isMark("."),
               !t[i + 1].spaceBefore, let m = t[i + 2].number, m.digits == 2, m.value < 60, !t[i + 2].spaceBefore {
                // Not a date such as 21.09.2021.
                if i + 3 < t.count, t[i + 3].isMark("."), !t[i + 3].spaceBefore { i += 1; continue }
                var hour = h.value
                var j = i + 3
                if j < t.count, let w = t[j].word, w == "a" || w == "am" || w == "p" || w == "pm" {
                    if (w == "p" || w == "pm"), hour < 12 { hour += 12 }
                    if (w == "a" || w == "am"), hour == 12 { hour = 0 }
                    j += 1
                    while j < t.count, t[j].isMark(".") || t[j].word == "m" { j += 1 }
                }
                var zone: String?
                while j < t.count, j <= i + 9 {
                    if let w = t[j].word {
                        if let z = zones[w] { zone = z; break }
                        if w == "uhr" || w == "h" { j += 1; continue }
                    }
                    break
                }
                return (hour, m.value, zone)
            }
            i += 1
        }
        return nil
    }
}
