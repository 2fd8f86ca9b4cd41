/// A page's headline, without the site's name or a section label, chosen by agreement among what the page
/// says about itself: JSON-LD `headline`, `og:title`, `twitter:title`, `<title>` and the article's own `h1`.
///
/// - Each metadata title loses the affixes that name the site (`og:site_name`, the JSON-LD publisher, the
///   host name, a segment that several of the titles share at the same end), a section label left beside
///   such a name ("… - Committees - UK Parliament") and a release label ("Pressemitteilung: …").
/// - An `h1` that matches one of those titles (the same words, one of its segments, or the title with a
///   kicker in front) is the headline as the article prints it.
/// - Otherwise two metadata titles that agree win, then the first by trust; one that is only a section
///   label ("Pressemitteilungen", "Quicklink", "News") or the site's name ("EnBW") is never chosen while an
///   `h1` with a real headline exists.
struct PageTitle {
    /// Metadata titles, most trusted first (JSON-LD headline, og:title, twitter:title, `<title>`).
    var candidates: [String]
    /// Visible `h1` texts outside navigation, in document order.
    var headings: [String]
    /// The site's names as the page gives them (og:site_name, publisher, application-name) and its URL.
    var siteNames: [String]
    var pageURL: String?

    /// `candidates`: the metadata titles, most trusted first; one equal to the one before it (twitter:title
    /// copying og:title) is one source, not a second opinion.
    init(candidates: [String?], headings: [String], siteNames: [String?], pageURL: String?) {
        var titles: [String] = []
        for case let text? in candidates.map({ $0.map(HTMLText.collapse) }) where !text.isEmpty && titles.last != text {
            titles.append(text)
        }
        self.candidates = titles
        self.headings = headings.map(HTMLText.collapse).filter { !$0.isEmpty && $0.unicodeScalars.count <= 300 }
        self.siteNames = siteNames.compactMap { $0.map(HTMLText.collapse) }.filter { !$0.isEmpty }
        self.pageURL = pageURL
    }

    /// The headline, or nil when the page gives none.
    var title: String? {
        let sites = siteKeys()
        let allCores = candidates.map { core(of: $0, sites: sites) }.filter { !$0.isEmpty }
        let cores = allCores.filter { !isLabel($0, sites: sites) }
        let headings = self.headings.filter { !isLabel($0, sites: sites) && !Self.isByline($0) }
        // Agreement: the text most sources give (a heading's spelling first: it is what the reader sees).
        var votes: [(key: [String], text: String, count: Int)] = []
        // Word lists keyed as one string (words hold no space): a `Set<[String]>` cost a conformance lookup.
        var seen = Set<String>()
        let distinctHeadings = headings.filter { seen.insert(Self.words($0).joined(separator: " ")).inserted }
        for text in distinctHeadings + cores {
            let key = Self.words(text)
            if let i = votes.firstIndex(where: { $0.key == key }) { votes[i].count += 1 } else { votes.append((key, text, 1)) }
        }
        let coreKeys = cores.map(Self.words), headingKeys = headings.map(Self.words)
        if let best = votes.filter({ $0.count >= 2 }).max(by: { a, b in
            a.count != b.count ? a.count < b.count : rank(a.key, coreKeys, headingKeys) > rank(b.key, coreKeys, headingKeys)
        }) {
            return Self.withoutReleaseLabel(best.text)
        }
        // A heading that is the most trusted title's main segment, or that title behind a kicker.
        for core in cores {
            for heading in headings {
                if let agreed = Self.agreement(heading: heading, title: core) { return Self.withoutReleaseLabel(agreed) }
            }
        }
        // A lone short word ("EnBW", "MEDEF") is a site's name while the page has a headline.
        if let first = cores.first, Self.words(first).count == 1, let heading = headings.first(where: { Self.words($0).count >= 4 }) {
            return Self.withoutReleaseLabel(heading)
        }
        return (cores.first ?? headings.first ?? allCores.first).map(Self.withoutReleaseLabel)
    }

    /// Where a text stands among the sources (given by their words): the most trusted title first, headings
    /// after the titles.
    private func rank(_ key: [String], _ cores: [[String]], _ headings: [[String]]) -> Int {
        if let i = cores.firstIndex(of: key) { return i }
        return cores.count + (headings.firstIndex(of: key) ?? headings.count)
    }

    /// "By Jane Doe", "Von Max Muster": a byline set as a heading.
    static func isByline(_ text: String) -> Bool {
        let w = words(text)
        return (2...5).contains(w.count) && ["by", "von", "par", "por", "di", "door"].contains(w[0])
    }

    // MARK: - Agreement

    /// What a heading and a metadata title agree on: the heading when it has the title's words, or is the
    /// title's opening segments ("Headline - Site") or its longest part ("Kicker - Headline | Site"); the
    /// title without its last segment when the heading is that shorter segment (the site's name set as
    /// `h1`); the title when the heading is the title with a kicker in front ("Frain Incendie …").
    static func agreement(heading: String, title: String) -> String? {
        let h = words(heading), t = words(title)
        guard !h.isEmpty, !t.isEmpty else { return nil }
        if h == t { return heading }
        let (segments, separators) = split(title)
        if h.count < t.count, segments.count > 1 {
            let longest = segments.map(\.unicodeScalars.count).max() ?? 0
            for (start, end, run) in segmentRuns(segments, separators) where words(run) == h {
                if start == 0 || run.unicodeScalars.count >= longest { return heading }
                if start == end, end == segments.count - 1 {
                    var rest = segments[0]
                    for i in 1..<end { rest += separators[i - 1] + segments[i] }
                    return HTMLText.collapse(rest)
                }
            }
        }
        // "The Space Review: Headline" over "Headline".
        if let colon = CharacterSearch.firstRange(of: ": ", in: title), words(String(title[colon.upperBound...])) == h,
           words(String(title[..<colon.lowerBound])).count <= 4, h.count >= 3 {
            return heading
        }
        if t.count >= 4, h.count > t.count, h.count <= t.count + 6,
           Array(h.suffix(t.count)) == t || Array(h.prefix(t.count)) == t {
            return title
        }
        return nil
    }

    /// Every run of consecutive segments of a title but the whole ("A - B | C" gives A, A - B, B, B | C, C),
    /// with the indices of its first and last segment.
    private static func segmentRuns(_ segments: [String], _ separators: [String]) -> [(Int, Int, String)] {
        var runs: [(Int, Int, String)] = []
        for start in segments.indices {
            var run = segments[start]
            for end in start..<segments.count {
                if end > start { run += separators[end - 1] + segments[end] }
                if !(start == 0 && end == segments.count - 1) { runs.append((start, end, run)) }
            }
        }
        return runs
    }

    // MARK: - Affixes

    /// Separators between a headline and the site's name or a section.
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " • ", " ‹ ", " › ", " ｜ ", "｜", " -- "]

    /// The separators as bytes, in the order of `separators` (which decides a tie).
    private static let separatorBytes: [(String, [UInt8])] = separators.map { ($0, Array($0.utf8)) }

    /// A title cut at its separators: the segments and the separators between them. On UTF-8 bytes (the
    /// Character search of `firstRange(of:)` cost 0.65 M instructions a title,
    /// 0.8 M for one with a non-ASCII character). A byte match is a Character match when it starts and ends
    /// on Character boundaries: each separator's characters stand alone (spaces, dashes, bars, guillemets),
    /// so between two boundaries they are the separator's Characters. In ASCII text every byte boundary is
    /// one (CR LF, the one two-byte Character, is in no separator), so only a match in a title with
    /// non-ASCII text has its two ends checked.
    static func split(_ title: String) -> (segments: [String], separators: [String]) {
        let bytes = Array(title.utf8)
        let ascii = bytes.withUnsafeBufferPointer(ASCIIText.isASCII)
        func isBoundary(_ offset: Int) -> Bool { ascii || CharacterSearch.isBoundary(offset, in: title) }
        var segments: [String] = []
        var separators: [String] = []
        var start = 0
        var i = 0
        scan: while i < bytes.count {
            for (separator, pattern) in separatorBytes where i + pattern.count <= bytes.count && bytes[i] == pattern[0] {
                var matches = true
                for k in 1..<pattern.count where bytes[i + k] != pattern[k] { matches = false; break }
                if matches, isBoundary(i), isBoundary(i + pattern.count) {
                    segments.append(String(decoding: bytes[start..<i], as: UTF8.self))
                    separators.append(separator)
                    i += pattern.count
                    start = i
                    continue scan
                }
            }
            i += 1
        }
        segments.append(String(decoding: bytes[start...], as: UTF8.self))
        return (segments, separators)
    }

    /// A metadata title without the site's name, a section label beside it and a release label in front.
    func core(of title: String, sites: Set<String>) -> String {
        var title = title
        var cutEnd = false, cutStart = false
        // A site's name that itself holds a separator ("Consett Magazine - Local News for Consett").
        for name in siteNames where name.unicodeScalars.count < title.unicodeScalars.count {
            for sep in Self.separators {
                if title.hasSuffix(sep + name) { title = String(title.dropLast(sep.count + name.count)); cutEnd = true }
                if title.hasPrefix(name + sep) { title = String(title.dropFirst(sep.count + name.count)); cutStart = true }
            }
        }
        var (segments, separators) = Self.split(title)
        // Empty segments ("Headline |") are separators' leftovers.
        while segments.count > 1, HTMLText.collapse(segments.last!).isEmpty { segments.removeLast(); separators.removeLast() }
        while segments.count > 1, HTMLText.collapse(segments.first!).isEmpty { segments.removeFirst(); separators.removeFirst() }
        while segments.count > 1, isSite(segments.last!, sites: sites) {
            segments.removeLast(); separators.removeLast(); cutEnd = true
        }
        while segments.count > 1, isSite(segments.first!, sites: sites) {
            segments.removeFirst(); separators.removeFirst(); cutStart = true
        }
        // "Headline - Section - Site": the section beside the site's name.
        if segments.count > 1, isSectionLabel(segments.last!) || cutEnd && Self.isShortLabel(segments.last!, rest: segments.dropLast()) {
            segments.removeLast(); separators.removeLast()
        }
        if segments.count > 1, isSectionLabel(segments.first!) || cutStart && Self.isShortLabel(segments.first!, rest: segments.dropFirst()) {
            segments.removeFirst(); separators.removeFirst()
        }
        if segments.count > 1, ReleaseLabels.isLabel(segments[0]) { segments.removeFirst(); separators.removeFirst() }
        var out = segments[0]
        for (index, segment) in segments.dropFirst().enumerated() { out += separators[index] + segment }
        out = HTMLText.collapse(out)
        // "Site: Headline", "Pressemitteilung: Headline".
        if let colon = CharacterSearch.firstRange(of: ": ", in: out) ?? CharacterSearch.firstRange(of: " : ", in: out),
           case let head = String(out[..<colon.lowerBound]), isSite(head, sites: sites) || isSectionLabel(head) {
            let rest = HTMLText.collapse(String(out[colon.upperBound...]))
            if Self.words(rest).count >= 2 { out = rest }
        }
        // No known site name: short last segments after a separator are the site when the rest is a headline.
        if sites.isEmpty, !cutEnd {
            var kept = segments.count
            while kept > 1, kept >= segments.count - 1, Self.words(segments[kept - 1]).count <= 4,
                  Self.words(segments[0..<(kept - 1)].joined(separator: " ")).count >= 3 {
                kept -= 1
            }
            if kept < segments.count {
                out = segments[0]
                for i in 1..<kept { out += separators[i - 1] + segments[i] }
                out = HTMLText.collapse(out)
            }
        }
        return Self.withoutReleaseLabel(out)
    }

    /// "Pressemitteilung: Headline", "Press release – Headline" → "Headline".
    static func withoutReleaseLabel(_ title: String) -> String {
        for sep in [": ", " : ", " – ", " - ", " | "] {
            guard let r = CharacterSearch.firstRange(of: sep, in: title) else { continue }
            let head = String(title[..<r.lowerBound])
            if ReleaseLabels.isLabel(head) {
                let rest = HTMLText.collapse(String(title[r.upperBound...]))
                if words(rest).count >= 2 { return rest }
            }
        }
        return title
    }

    /// A short segment beside the site's name: a section ("Committees", "News", "Politik").
    private static func isShortLabel(_ segment: String, rest: ArraySlice<String>) -> Bool {
        let w = words(segment)
        guard (1...3).contains(w.count), segment.unicodeScalars.count <= 30,
              !segment.contains(where: { $0.isNumber || $0 == "?" || $0 == "!" || $0 == "\"" || $0 == "“" }) else { return false }
        return rest.reduce(0) { $0 + words($1).count } >= 4
    }

    // MARK: - Site names and labels

    /// The word keys of the site's names: each name, without a legal suffix, and the host name with and
    /// without its top-level domain.
    func siteKeys() -> Set<String> {
        var keys = Set<String>()
        let titles = Set(candidates.map { Self.words($0).joined(separator: " ") })
        for name in siteNames {
            let w = Self.words(name)
            let key = w.joined(separator: " ")
            // A "site name" of three words or more that is the page's whole title is its title.
            guard !w.isEmpty, w.count < 3 || !titles.contains(key) else { continue }
            keys.insert(key)
            if w.count > 1, Self.legalSuffixes.contains(w.last!) { keys.insert(w.dropLast().joined(separator: " ")) }
            // "Bundesministerium für Bildung (BMBF)": the short form in brackets.
            if let open = name.lastIndex(of: "("), name.hasSuffix(")") {
                let short = Self.words(String(name[name.index(after: open)...]))
                if short.count == 1 { keys.insert(short[0]) }
            }
        }
        if let url = pageURL, let authority = URLReference(url).authority?.fastLowercased() {
            var labels = authority.split(separator: ".").map(String.init)
            if labels.first == "www" { labels.removeFirst() }
            if labels.count >= 2 {
                keys.insert(labels.joined(separator: " "))
                keys.insert(labels.dropLast().joined(separator: " "))
                keys.insert(labels[labels.count - 2])
            }
        }
        keys.remove("")
        return keys
    }

    private static let legalSuffixes: Set<String> = ["inc", "ltd", "llc", "corp", "gmbh", "ag", "se", "plc", "sa", "ev", "co", "kg"]

    /// Whether a segment names the site: one of its names, or a host name ("soypuertomontt.cl").
    func isSite(_ segment: String, sites: Set<String>) -> Bool {
        let w = Self.words(segment)
        guard !w.isEmpty else { return false }
        let key = w.joined(separator: " ")
        if sites.contains(key) { return true }
        // "Acme Robotics Newsroom" beside the site "Acme Robotics, Inc."; "BMBF" for "… (BMBF)".
        for site in sites where site.contains(" ") {
            let siteWords = site.split(separator: " ").count
            if (key.hasPrefix(site + " ") || key.hasSuffix(" " + site)), w.count <= siteWords + 2,
               !segment.contains(where: \.isNumber) {
                return true
            }
        }
        let trimmed = segment.trimmingSpaces()
        if !trimmed.contains(" "), trimmed.contains("."), let tld = trimmed.split(separator: ".").last,
           (2...6).contains(tld.count), tld.allSatisfy({ $0.isLetter }), trimmed.first?.isLetter ?? false,
           !trimmed.hasSuffix(".") {
            return true
        }
        return false
    }

    /// A whole title or heading that is only a label: a section's name or the site's name.
    func isLabel(_ text: String, sites: Set<String>) -> Bool {
        let key = Self.words(text).joined(separator: " ")
        if key.isEmpty { return true }
        return Self.sectionLabels.contains(key) || sites.contains(key) || ReleaseLabels.isLabel(text)
    }

    private func isSectionLabel(_ segment: String) -> Bool {
        Self.sectionLabels.contains(Self.words(segment).joined(separator: " "))
    }

    /// Names of sections and navigation that pages put in their `<title>` or `h1` instead of the headline.
    static let sectionLabels: Set<String> = [
        "news", "newsroom", "press", "press releases", "press release", "news releases", "news release",
        "media", "media centre", "media center", "media releases", "latest news", "press room", "pressroom",
        "home", "homepage", "blog", "archive", "menu", "navigation", "main navigation", "search", "quicklink",
        "quicklinks", "opinion", "editorial", "commentary", "analysis", "column", "statements", "announcements",
        "presse", "pressemitteilungen", "pressemitteilung", "presseinformationen", "presseinformation",
        "pressemeldungen", "medienmitteilungen", "medienmitteilung", "mitteilungen", "meldungen", "aktuelles",
        "aktuelle meldungen", "neuigkeiten", "nachrichten", "startseite", "archiv", "suche", "metanavigation",
        "hauptnavigation", "hauptmenü", "hauptmenue", "kommentar", "meinung", "pressebereich", "presseportal",
        "communiqués de presse", "communiqués", "communiqué de presse", "actualités", "espace presse",
        "salle de presse", "accueil", "noticias", "notas de prensa", "sala de prensa", "comunicados",
        "comunicados de prensa", "actualidad", "inicio", "новости", "пресс релизы", "пресс центр", "главная",
        "persberichten", "nieuws", "comunicati stampa", "notizie", "aktualności", "komunikaty prasowe",
        "wiadomości", "notícias", "comunicados de imprensa", "новини", "прес релізи",
    ]

    /// Lower-cased words (letters and digits), the rest as separators.
    static func words(_ s: String) -> [String] {
        if let ascii = asciiWords(s) { return ascii }
        let lower = s.fastLowercased()
        if let simple = SimpleText.words(lower) { return simple }
        return lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// `words` for an ASCII text, on bytes (an ASCII Character is a letter or number only as A–Z, a–z, 0–9);
    /// nil for any other text.
    static func asciiWords(_ s: String) -> [String]? {
        guard ASCIIText.isASCII(s) else { return nil }
        var words: [String] = []
        ASCIIText.forEachWord(in: s) { word in
            words.append(ASCIIText.lowercased(word))
            return true
        }
        return words
    }
}
