/// Metadata a web page states about itself: `<title>`, `<meta>` (OpenGraph, Dublin Core, citation, article:),
/// JSON-LD, `<html lang>`, canonical link, `<base href>`, `<time datetime>`, the page's `h1` headings.
struct PageMetadata {
    var documentTitle: String?
    /// The visible `h1` texts outside navigation and screen-reader-only text, in document order.
    var headings: [String] = []
    var baseHref: String?
    var canonical: String?
    var htmlLanguage: String?
    var meta: [String: String] = [:]
    var metaAll: [String: [String]] = [:]
    /// The text of a short element whose class or id says it holds the date ("date", "posted-on"...).
    var dateElementText: String?
    var dateElementNode: Int?
    /// The dates shown in the page's body and where they stand.
    var dates: PageDateEvidence
    var jsonLD: JSONLDArticle

    /// Meta names whose content is a publication date, best first.
    private static let dateNames = [
        "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
        "dcterms.date", "dcterms.issued", "dcterms.created", "citation_publication_date", "citation_date",
        "citation_online_date", "publish-date", "publish_date", "publishdate", "pubdate", "sailthru.date",
        "parsely-pub-date", "article.published", "published_time", "release_date", "created",
    ]

    init(dom: HTMLDOM, stats: HTMLPageStats) {
        var scripts: [String] = []
        var dates = PageDateEvidence(count: dom.nodes.count)
        let pageText = Double(max(1, stats.textLength[dom.first("body") ?? 0]))
        for i in dom.nodes.indices {
            dates.visit(i, dom: dom, hidden: stats.hidden[i], share: Double(stats.textLength[i]) / pageText)
            if dom.nodes[i].isText { continue }
            switch dom.nodes[i].name {
            case "html":
                if htmlLanguage == nil { htmlLanguage = dom.attribute("lang", of: i) ?? dom.attribute("xml:lang", of: i) }
            case "title":
                if documentTitle == nil { documentTitle = HTMLText.collapse(dom.textContent(i)) }
            case "base":
                if baseHref == nil { baseHref = dom.attribute("href", of: i) }
            case "link":
                let rel = dom.attribute("rel", of: i)?.lowercased() ?? ""
                if canonical == nil, rel.split(separator: " ").contains("canonical") { canonical = dom.attribute("href", of: i) }
            case "meta":
                let key = (dom.attribute("property", of: i) ?? dom.attribute("name", of: i)
                    ?? dom.attribute("itemprop", of: i) ?? dom.attribute("http-equiv", of: i))?.lowercased()
                if let key, let content = dom.attribute("content", of: i) {
                    let value = HTMLText.collapse(content)
                    if !value.isEmpty {
                        if meta[key] == nil { meta[key] = value }
                        metaAll[key, default: []].append(value)
                    }
                }
            case "script":
                scripts.append(dom.textContent(i))
            case "h1":
                if !stats.hidden[i] {
                    let text = HTMLText.collapse(dom.textContent(i))
                    if !text.isEmpty, !dates.isFurniture(i), !PageTitle.isScreenReaderOnly(dom, i) { headings.append(text) }
                }
            default:
                break
            }
            if dateElementText == nil, !stats.hidden[i], !dates.isFurniture(i), stats.textLength[i] > 0, stats.textLength[i] <= 80,
               case let words = BoilerplateHints.classAndID(dom, i), !words.isEmpty,
               words.hasSubstring("date") || words.hasSubstring("posted") || words.hasSubstring("publish")
                || words.hasSubstring("time"), !Self.isUpdateName(words) {
                let text = HTMLText.collapse(dom.textContent(i))
                if Self.isoDate(text) != nil { dateElementText = text; dateElementNode = i }
            }
            if dom.nodes[i].name != "meta", let itemprop = dom.attribute("itemprop", of: i)?.lowercased(),
               itemprop == "datepublished", meta["datepublished"] == nil {
                meta["datepublished"] = dom.attribute("datetime", of: i) ?? dom.attribute("content", of: i) ?? HTMLText.collapse(dom.textContent(i))
            }
        }
        jsonLD = JSONLDArticle(scripts: scripts)
        self.dates = dates
    }

    /// The URL the page says it lives at: canonical link, `og:url`, JSON-LD `url`.
    var pageURL: String? {
        [canonical, meta["og:url"], jsonLD.url].lazy.compactMap { $0?.trimmingWhitespaceAndControls() }
            .first { !$0.isEmpty }
    }

    /// The site's name as the page gives it.
    var siteName: String? { meta["og:site_name"] ?? jsonLD.siteName ?? meta["application-name"] }

    /// The page's metadata mapped to the document's, links resolved with `links`.
    func metadata(links: HTMLLinkResolver) -> Metadata {
        var m = Metadata()
        let site = siteName.map { CharacterReferences.decode($0) }
        let decode: (String?) -> String? = { $0.map { CharacterReferences.decode($0) } }
        m.title = PageTitle(candidates: [jsonLD.headline, meta["og:title"], meta["twitter:title"], documentTitle].map(decode),
                            headings: headings.map { CharacterReferences.decode($0) },
                            siteNames: [site, decode(jsonLD.publisher), decode(meta["application-name"])], pageURL: pageURL).title
        if let alt = decode(jsonLD.alternativeHeadline), !alt.isEmpty, alt != m.title { m.subtitle = alt }
        if let (date, source) = publicationDate() { m.date = date; m.dateSource = source }
        m.organization = jsonLD.publisher ?? site
        m.authors = jsonLD.authors
        if m.authors.isEmpty {
            for key in ["author", "article:author", "dc.creator", "citation_author", "sailthru.author", "parsely-author"] {
                for value in metaAll[key] ?? [] where !value.hasSubstring("://") && !m.authors.contains(value) {
                    m.authors.append(value)
                }
                if !m.authors.isEmpty { break }
            }
        }
        m.language = [htmlLanguage, meta["content-language"], meta["dc.language"], meta["language"],
                      jsonLD.language, meta["og:locale"]]
            .lazy.compactMap { $0?.trimmingWhitespaceAndControls() }.first { !$0.isEmpty }
            .map { $0.replacingUnderscores() }
        m.source = pageURL.map { URLReference.isAbsolute($0) ? $0 : URLReference.resolve($0, against: links.base) }
        m.description = (meta["description"] ?? meta["og:description"] ?? jsonLD.description ?? meta["twitter:description"])
            .map { CharacterReferences.decode($0) }
        m.organization = m.organization.map { CharacterReferences.decode($0) }
        var keywords: [String] = []
        for value in (metaAll["keywords"] ?? []) + (metaAll["news_keywords"] ?? []) {
            keywords += value.split(separator: ",").map { HTMLText.collapse(String($0)) }
        }
        keywords += metaAll["article:tag"] ?? []
        if keywords.isEmpty { keywords = jsonLD.keywords }
        var seen = Set<String>()
        m.keywords = keywords.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
        if let image = meta["og:image"] ?? jsonLD.image ?? meta["twitter:image"] ?? meta["og:image:url"] {
            m.image = links.resource(image)
        }
        if let modified = jsonLD.dateModified ?? meta["article:modified_time"], let d = Self.isoDate(modified) {
            m.extra["modified"] = d
        }
        return m
    }

    /// Meta names whose content is an update, not a publication: never a publication date.
    private static func isUpdateName(_ name: String) -> Bool {
        name.hasSubstring("modif") || name.hasSubstring("updat") || name.hasSubstring("revis")
    }

    /// The publication date, `YYYY-MM-DD`, and where it came from (see `PublicationDate`).
    func publicationDate() -> (String, String)? {
        var finder = PublicationDate()
        let titles = [jsonLD.headline, meta["og:title"], documentTitle].compactMap { $0 }
        finder.add(jsonLD.datePublished, source: "json-ld")
        for name in Self.dateNames { finder.add(meta[name], source: "meta") }
        for name in metaAll.keys.sorted() where !Self.dateNames.contains(name) && !Self.isUpdateName(name)
            && (name.hasSubstring("publish") || name.hasSubstring("pubdate") || name.hasSubstring("date.created")
                || name.hasSubstring("release_date") || name.hasSuffix("creationdate")) {
            finder.add(metaAll[name]?.first, source: "meta")
        }
        let near = dates.nearestHeadline(titles: titles)
        if let printed = near.map({ $0.isTime ? $0.printed : $0.date }) ?? nil { finder.addPrinted(printed) }
        if let t = dates.publicationTime(titles: titles) { finder.add(t.date, source: "time", printed: t.printed) }
        if let near { finder.add(near.date, source: near.isTime ? "time" : "byline", printed: near.printed) }
        if let node = dateElementNode, let text = dateElementText { finder.add(text, source: "page", node: node) }
        for d in jsonLD.otherDatesPublished { finder.add(d, source: "json-ld") }
        for url in [canonical, meta["og:url"]].compactMap({ $0 }) {
            if let d = Self.dateInURL(url) { finder.add(d, source: "url") }
        }
        // The other timestamps the page gives, only to tell a UTC time's local day.
        for value in (metaAll["sailthru.date"] ?? []) + (metaAll["parsely-pub-date"] ?? []) { finder.addWitness(value) }
        for d in dates.dated where d.isTime && !dates.isFurniture(d.node) { finder.addWitness(d.date) }
        for d in jsonLD.otherDatesPublished { finder.addWitness(d) }
        return finder.best()
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

    /// A date written into a URL path: `/2021/09/21/` or `2021-09-21`.
    static func dateInURL(_ url: String) -> String? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
        guard parts.count >= 3 else { return nil }
        for k in 0..<(parts.count - 2) {
            guard parts[k].count == 4, let y = Int(parts[k]), (1990...2100).contains(y),
                  parts[k + 1].count == 2, let m = Int(parts[k + 1]), (1...12).contains(m),
                  parts[k + 2].count == 2, let d = Int(parts[k + 2]), (1...31).contains(d) else { continue }
            return CivilDate.iso(year: y, month: m, day: d)
        }
        return nil
    }

    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " : "]

    /// The parts of a title split at separators (" | ", " - ", " :: "...).
    static func titleSegments(_ title: String) -> [String] {
        var parts = [title]
        for sep in separators.prefix(5) {
            parts = parts.flatMap { $0.split(separator: sep, omittingEmptySubsequences: false).map(String.init) }
        }
        return parts.map(HTMLText.collapse).filter { !$0.isEmpty }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
