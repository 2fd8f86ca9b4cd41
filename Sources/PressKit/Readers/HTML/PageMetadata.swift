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
    /// The dates shown in the page's body and where they stand.
    var dates: PageDateEvidence
    var jsonLD: JSONLDArticle
    /// The page's bytes (UTF-8), read for the dates its scripts keep only when nothing better is found.
    var source: [UInt8] = []

    init(dom: HTMLDOM, stats: HTMLPageStats) {
        var scripts: [String] = []
        var dates = PageDateEvidence(count: dom.nodes.count)
        let pageText = Double(max(1, stats.textLength[dom.first(.body) ?? 0]))
        for i in dom.nodes.indices {
            dates.visit(i, dom: dom, hidden: stats.hidden[i], share: Double(stats.textLength[i]) / pageText,
                        textLength: Int(stats.textLength[i]))
            if dom.nodes[i].isText { continue }
            switch dom.tags[i] {
            case .html:
                if htmlLanguage == nil { htmlLanguage = dom.attribute(.lang, of: i) ?? dom.attribute(.xmlLang, of: i) }
            case .title:
                if documentTitle == nil { documentTitle = HTMLText.collapse(dom.textContent(i)) }
            case .base:
                if baseHref == nil { baseHref = dom.attribute(.href, of: i) }
            case .link:
                let rel = dom.attribute(.rel, of: i)?.fastLowercased() ?? ""
                if canonical == nil, rel.split(separator: " ").contains("canonical") { canonical = dom.attribute(.href, of: i) }
            case .meta:
                let key = (dom.attribute(.property, of: i) ?? dom.attribute(.name, of: i)
                    ?? dom.attribute(.itemprop, of: i) ?? dom.attribute(.httpEquiv, of: i))?.fastLowercased()
                if let key, let content = dom.attribute(.content, of: i) {
                    let value = HTMLText.collapse(content)
                    if !value.isEmpty {
                        if meta[key] == nil { meta[key] = value }
                        metaAll[key, default: []].append(value)
                    }
                }
            case .script:
                scripts.append(dom.textContent(i))
            case .h1:
                if !stats.hidden[i] {
                    let text = HTMLText.collapse(dom.textContent(i))
                    // Not a heading only screen readers see (by its own class or its parent's).
                    let parent = Int(dom.nodes[i].parent)
                    if !text.isEmpty, !dates.isFurniture(i), !ScreenReaderText.isHidden(dom, i),
                       parent < 0 || !ScreenReaderText.isHidden(dom, parent) {
                        headings.append(text)
                    }
                }
            default:
                break
            }
        }
        jsonLD = JSONLDArticle(scripts: scripts)
        dates.finish(dom: dom)
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
        m.keywords = keywords.filter { !$0.isEmpty && seen.insert($0.fastLowercased()).inserted }
        if let image = meta["og:image"] ?? jsonLD.image ?? meta["twitter:image"] ?? meta["og:image:url"] {
            m.image = links.resource(image)
        }
        if let modified = jsonLD.dateModified ?? meta["article:modified_time"], let d = Self.isoDate(modified) {
            m.extra["modified"] = d
        }
        return m
    }

    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " : "]

    /// The parts of a title split at separators (" | ", " - ", " :: "...).
    static func titleSegments(_ title: String) -> [String] {
        var parts = [title]
        for sep in separators.prefix(5) {
            parts = parts.flatMap { CharacterSearch.split($0, at: sep) }
        }
        return parts.map(HTMLText.collapse).filter { !$0.isEmpty }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
