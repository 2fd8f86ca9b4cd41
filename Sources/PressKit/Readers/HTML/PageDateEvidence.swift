/// The dates a page shows in its body, gathered in one walk with where they stand: `<time>` elements,
/// dates printed in short texts (bylines, "Datum: 03.02.2022", "Published Nov. 8, 2023") and in `title`
/// attributes, and the page's `h1` headings. Dates inside navigation, footers, sidebars, comments,
/// "related" lists and calendars are marked, never chosen; so are "updated" dates. The publication date is
/// the one nearest the headline (a byline under it, a kicker above it).
struct PageDateEvidence {
    struct Dated {
        var node: Int
        /// Visible characters before the node in document order.
        var position: Int
        var date: PageTimestamp
        var isTime: Bool
        var cue: PrintedDate.Cue
        /// Another date written inside the same element (a `<time>`'s printed text).
        var printed: PageTimestamp?
    }

    private(set) var dated: [Dated] = []
    private(set) var headings: [(node: Int, position: Int, text: String)] = []
    private var furniture: [Bool]
    private var inArticle: [Bool]
    private var position = 0
    private var previousText = ""

    init(count: Int) {
        furniture = [Bool](repeating: false, count: count)
        inArticle = furniture
    }

    private static let furnitureWords = SubstringSet([
        "comment", "related", "sidebar", "breadcrumb", "calendar", "leserbrief", "reply",
        "replies", "popular", "trending", "recommend", "ticker", "archive", "menu", "navbar", "navigation",
        "more-news", "weitere", "teaserlist", "teaser-list", "mod-cal", "cal-day",
        "feed-list", "tweet", "latest",
    ])
    private static let furnitureTokens: Set<String> = ["nav", "aside", "footer", "more", "cal", "feed", "timeago"]

    /// Class words of an article's own meta block (a post footer or an aside with the post's data), which
    /// holds its date: never furniture.
    private static let articleMetaWords = SubstringSet([
        "post-footer", "entry-footer", "article-footer", "asset-footer", "news-footer", "meta", "byline", "date",
        "posted", "blogdata", "info",
    ])

    private static func isFurniture(_ dom: HTMLDOM, _ i: Int, insideArticle: Bool) -> Bool {
        let words = BoilerplateHints.classAndID(dom, i)
        if words.hasAnySubstring(articleMetaWords) { return false }
        switch dom.nodes[i].name {
        case "nav", "menu", "select", "option", "button": return true
        case "footer", "aside": return !insideArticle
        default: break
        }
        if let role = dom.attribute("role", of: i)?.lowercased(),
           ["navigation", "complementary", "contentinfo", "menu", "menubar"].contains(role) { return true }
        guard !words.isEmpty else { return false }
        return words.hasAnySubstring(furnitureWords) || BoilerplateHints.hasToken(words, in: furnitureTokens)
            || (words.hasSubstring("footer") && !insideArticle)
    }

    /// Takes in node `i` (called for every node in document order).
    /// `share`: the part of the page's visible text inside the node (a container holding most of the page is
    /// never furniture, whatever its class says: `<div class="mainwrap sidebar">`).
    mutating func visit(_ i: Int, dom: HTMLDOM, hidden: Bool, share: Double) {
        let node = dom.nodes[i]
        let p = Int(node.parent)
        if p >= 0, furniture[p] { furniture[i] = true }
        if p >= 0, inArticle[p] || dom.nodes[p].name == "article" { inArticle[i] = true }
        guard !hidden else { return }
        if node.isText {
            let text = node.text
            let count = text.utf8.count
            defer {
                position += count
                if count <= 60, !text.allSatisfy(\.isWhitespace) { previousText = text }
            }
            guard count <= 200, let found = PrintedDate.find(in: text) else { return }
            var cue = found.cue
            // A label just before it ("Published" / "Aktualisiert:" in their own element), not another date.
            if cue == .none, !previousText.utf8.contains(where: { $0 >= 48 && $0 <= 57 }),
               let context = PrintedDate.find(in: previousText + " 1.1.2000")?.cue {
                cue = context
            }
            dated.append(Dated(node: i, position: position, date: found.date, isTime: false, cue: cue,
                               printed: nil))
            return
        }
        if !furniture[i], share < 0.4 || dom.nodes[i].name == "nav", Self.isFurniture(dom, i, insideArticle: inArticle[i]) {
            furniture[i] = true
        }
        switch node.name {
        case "h1":
            if !furniture[i] { headings.append((i, position, HTMLText.collapse(dom.textContent(i)))) }
        case "time":
            guard let value = dom.attribute("datetime", of: i), let date = PageTimestamp.parse(value) else { break }
            var marks = ((dom.attribute("itemprop", of: i) ?? "") + " " + BoilerplateHints.classAndID(dom, i)).lowercased()
            // The wrapper often says what the time is: <div class="published"><span><time …>.
            var up = p
            for _ in 0..<2 where up >= 0 {
                marks += " " + BoilerplateHints.classAndID(dom, up)
                up = Int(dom.nodes[up].parent)
            }
            let text = HTMLText.collapse(dom.textContent(i))
            var cue = PrintedDate.find(in: text)?.cue ?? .none
            if dom.attribute("pubdate", of: i) != nil || marks.hasSubstring("publish")
                || marks.hasSubstring("publicat") || marks.hasSubstring("created") {
                cue = .published
            } else if marks.hasSubstring("updat") || marks.hasSubstring("modif") {
                cue = .updated
            }
            dated.append(Dated(node: i, position: position, date: date, isTime: true, cue: cue,
                               printed: PrintedDate.find(in: text)?.date))
        default:
            if let title = dom.attribute("title", of: i), title.utf8.count <= 80, let found = PrintedDate.find(in: title) {
                dated.append(Dated(node: i, position: position, date: found.date, isTime: false, cue: found.cue,
                                   printed: nil))
            }
        }
    }

    func isFurniture(_ node: Int) -> Bool { furniture[node] }

    /// The page's headline heading: the `h1` whose words match one of `titles`, else the first `h1`.
    func headline(titles: [String]) -> (node: Int, position: Int)? {
        let keys = titles.map(Self.words).filter { !$0.isEmpty }
        for h in headings {
            let w = Self.words(h.text)
            guard !w.isEmpty else { continue }
            if keys.contains(where: { $0 == w || ($0.count >= 3 && w.count >= 3 && ($0.contains(w) || w.contains($0))) }) {
                return (h.node, h.position)
            }
        }
        return headings.first { !Self.words($0.text).isEmpty }.map { ($0.node, $0.position) }
    }

    private static func words(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// The publication date shown nearest the headline (a byline under it or a kicker above it), or the
    /// first one marked as published anywhere outside the furniture. `updated` dates never count.
    func nearestHeadline(titles: [String]) -> Dated? {
        let usable = dated.filter { !furniture[$0.node] && $0.cue != .updated }
        if let h = headline(titles: titles) {
            var best: (Dated, Int)?
            for d in usable {
                let distance = d.position - h.position
                guard distance >= -400, distance <= 1500 else { continue }
                var score = distance >= 0 ? distance : -distance * 2
                if d.cue == .published { score /= 4 }
                if d.isTime { score /= 2 }
                if best == nil || score < best!.1 { best = (d, score) }
            }
            if let best { return best.0 }
            // A date in the post's footer, further down but before any other dated thing.
            if let after = usable.first(where: { $0.position > h.position && $0.position - h.position <= 8000 }) {
                return after
            }
        }
        if let published = usable.first(where: { $0.cue == .published }) { return published }
        // A page without a headline heading: the first date of its own content.
        return headings.isEmpty ? usable.first : usable.first { $0.isTime }
    }

    /// The `<time>` marked as the publication time (`pubdate`, `itemprop=datePublished`, a "published"
    /// class) outside the furniture, nearest the headline.
    func publicationTime(titles: [String]) -> Dated? {
        let marked = dated.filter { $0.isTime && $0.cue == .published && !furniture[$0.node] }
        guard let h = headline(titles: titles) else { return marked.first }
        return marked.min { abs($0.position - h.position) < abs($1.position - h.position) }
    }
}
