/// The publication day of a page: its candidates, best source first, handed to `PublicationDate`.
extension PageMetadata {
    /// Reads the page's metadata; `now` (seconds since 1970) is the reference time after whose day no date
    /// is a publication date (nil: no such check).
    init(dom: HTMLDOM, stats: HTMLPageStats, now: Int?) {
        self.init(dom: dom, stats: stats)
        dates.now = now
    }

    /// Meta names whose content is a publication date, best first.
    static let dateNames = [
        "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
        "dcterms.date", "dcterms.issued", "dcterms.created", "citation_publication_date", "citation_date",
        "citation_online_date", "publish-date", "publish_date", "publishdate", "pubdate", "sailthru.date",
        "parsely-pub-date", "article.published", "published_time", "release_date", "created",
    ]
    private static let dateNameSet = Set(dateNames)

    /// Meta names whose content is an update, not a publication: never a publication date.
    static func isUpdateName(_ name: String) -> Bool {
        name.hasSubstring("modif") || name.hasSubstring("updat") || name.hasSubstring("revis")
    }

    /// Other meta names that say "published", "created" or "uploaded".
    private static func isPublicationName(_ name: String) -> Bool {
        name.hasSubstring("publish") || name.hasSubstring("pubdate") || name.hasSubstring("date.created")
            || name.hasSubstring("release_date") || name.hasSuffix("creationdate") || name.hasSubstring("upload")
    }

    /// The publication date, `YYYY-MM-DD`, and where it came from (see `PublicationDate`): JSON-LD, meta
    /// tags, a full date in the page's URL, the marked `<time>`, the date printed nearest the headline (of
    /// the URL's month when the URL names only a month), a date element, other JSON-LD objects, and last a
    /// full date in the path of the page's lead image.
    func publicationDate() -> (String, String)? {
        var finder = PublicationDate(now: dates.now)
        let titles = [jsonLD.headline, meta["og:title"], documentTitle].compactMap { $0 }
        let urls = [canonical, meta["og:url"]].compactMap { $0 }
        let urlDay = urls.lazy.compactMap(URLDates.day).first
        let month = urlDay == nil ? urls.lazy.compactMap(URLDates.month).first : nil
        let headline = dates.headline(titles: titles)
        let near = dates.nearestHeadline(headline, month: month)
        // A day or month in the URL is the first publication's: no republication against it.
        if let near, let shown = republication(shown: near),
           urlDay.map({ $0 == shown.iso }) ?? month.map({ $0 == (shown.year, shown.month) }) ?? true {
            finder.add(shown, source: "byline, republished")
        }
        finder.add(jsonLD.datePublished, source: "json-ld")
        for name in Self.dateNames {
            finder.add(name == "datepublished" ? meta[name] ?? dates.itemDatePublished : meta[name], source: "meta")
        }
        for name in metaAll.keys.sorted() where !Self.dateNameSet.contains(name) && !Self.isUpdateName(name)
            && Self.isPublicationName(name) {
            finder.add(metaAll[name]?.first, source: "meta")
        }
        if let urlDay, let d = CivilDate.day(urlDay) {
            finder.add(PageTimestamp(year: d.year, month: d.month, day: d.day), source: "url")
        }
        if let printed = near.map({ $0.isTime ? $0.printed : $0.date }) ?? nil { finder.addPrinted(printed) }
        if let t = dates.publicationTime(headline) { finder.add(t.date, source: "time", printed: t.printed) }
        if let near { finder.add(near.date, source: near.isTime ? "time" : "byline", printed: near.printed) }
        if let element = dates.dateElement { finder.add(element.text, source: "page") }
        for d in jsonLD.otherDatesPublished { finder.add(d, source: "json-ld") }
        // The dates the page's scripts keep: a publication key of its state (`"publishDate":"…"` outside
        // JSON-LD), a date a short script prints.
        if !finder.hasChoice {
            for value in ScriptDates.published(in: source) { finder.add(value, source: "script") }
            if !finder.hasChoice, let printed = ScriptDates.printedByScript(in: source) {
                finder.add(printed, source: "script")
            }
        }
        for image in [meta["og:image"], meta["twitter:image"], jsonLD.image].compactMap({ $0 }) {
            if let d = URLDates.day(in: image) { finder.add(d, source: "image URL") }
        }
        // The other timestamps the page gives, only to tell a UTC time's local day.
        for value in (metaAll["sailthru.date"] ?? []) + (metaAll["parsely-pub-date"] ?? []) { finder.addWitness(value) }
        for d in dates.times(headline) { finder.addWitness(d) }
        for d in jsonLD.otherDatesPublished { finder.addWitness(d) }
        return finder.best()
    }

    /// A republished article: the page shows beside its headline the day of its JSON-LD `dateModified`,
    /// not the (older) day of its `datePublished`. The shown day is the one the page presents itself with.
    private func republication(shown: PageDateEvidence.Dated) -> PageTimestamp? {
        guard shown.cue != .updated, let modified = jsonLD.dateModified.flatMap(PageTimestamp.parse),
              let published = jsonLD.datePublished.flatMap(PageTimestamp.parse) else { return nil }
        let day = shown.date.dayMinutes / 1440
        guard day == modified.dayMinutes / 1440, day - published.dayMinutes / 1440 > 1 else { return nil }
        return shown.date
    }

    /// `YYYY-MM-DD` from an ISO 8601 date or timestamp, `YYYY/MM/DD`, `YYYYMMDD`, or any form the
    /// press-release date normaliser knows.
    static func isoDate(_ text: String) -> String? {
        let s = Array(text.trimmingWhitespaceAndControls().utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count else { return nil }
            var v = 0
            for i in r { guard s[i] >= 48 && s[i] <= 57 else { return nil }; v = v * 10 + Int(s[i] - 48) }
            return v
        }
        var y: Int?, mo: Int?, d: Int?
        if let yy = digits(0..<4), s.count >= 10, s[4] == s[7], s[4] == UInt8(ascii: "-") || s[4] == UInt8(ascii: "/") || s[4] == UInt8(ascii: ".") {
            y = yy; mo = digits(5..<7); d = digits(8..<10)
        } else if s.count == 8 || (s.count > 8 && !(48...57).contains(s[8])), let yy = digits(0..<4) {
            y = yy; mo = digits(4..<6); d = digits(6..<8)
        }
        else if s.count >= 10, s[2] == UInt8(ascii: "."), s[5] == UInt8(ascii: "."), let dd = digits(0..<2),
                let mm = digits(3..<5), let yy = digits(6..<10), s.count == 10 || !(48...57).contains(s[10]) {
            y = yy; mo = mm; d = dd  // 21.09.2021, the European order
        }
        if let y, let mo, let d, (1900...2200).contains(y), (1...12).contains(mo), (1...31).contains(d) {
            return CivilDate.iso(year: y, month: mo, day: d)
        }
        return DateNormalizer.normalize(text)
    }
}
