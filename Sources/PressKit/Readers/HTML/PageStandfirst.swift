/// The standfirst under a page's headline: the subtitle a reader sees between the `h1` and the text. It is
/// the first of these after the headline (past its date, byline and photo):
/// - a `<h2>` (or `<h3>`) set directly under the `<h1>`, as its next element;
/// - an element whose class names a standfirst (`lead`, `intro`, `teaser`, `standfirst`, `subtitle`, `dek`,
///   `summary`, `chapo` …);
/// - a first paragraph that is all bold.
/// The search stops at the first paragraph of running text. A lead paragraph of several sentences or over 200
/// characters is the text's opening, not a standfirst: it stays in the body.
enum PageStandfirst {
    /// The standfirst's text and node, or nil.
    static func find(dom: HTMLDOM, stats: HTMLPageStats, headline: String?) -> (text: String, node: Int)? {
        guard let h1 = headlineNode(dom: dom, stats: stats, headline: headline) else { return nil }
        let directlyUnder = nextElement(after: h1, dom: dom)
        var i = dom.subtreeEnd(h1)
        var skipped = 0
        var steps = 0
        while i < dom.nodes.count, steps < 80 {
            steps += 1
            let node = dom.nodes[i]
            if stats.hidden[i] || node.isText { i += 1; continue }
            let words = BoilerplateHints.classAndID(dom, i)
            let length = Int(stats.textLength[i])
            if let level = dom.tags[i].headingLevel, level <= dom.tags[h1].headingLevel!,
               i != directlyUnder || level == 1 {
                return nil
            }
            let smallPrint = BoilerplateHints.isSmallPrint(words)
            if length > 0, !smallPrint, isStandfirstClass(words) || (i == directlyUnder && [.h2, .h3].contains(dom.tags[i])),
               DateNormalizer.isOnlyDate(HTMLText.collapse(dom.textContent(i))) == nil {
                let text = HTMLText.collapse(dom.textContent(i))
                // Set as a heading under the h1 it is a subtitle; a lead paragraph of several sentences is the
                // text's opening and stays in the body.
                let heading = dom.tags[i].headingLevel != nil
                return isStandfirst(text) && (heading || isOnePhrase(text)) ? (text, i) : nil
            }
            // Dates, bylines, share buttons, photos and their captions between the headline and the text.
            if length == 0 || smallPrint || [.figure, .picture, .img, .time, .ul, .aside].contains(dom.tags[i]) {
                skipped += length
                if skipped > 300 { return nil }
                i = dom.subtreeEnd(i)
                continue
            }
            if dom.tags[i] == .p {
                // The first paragraph of the text: a standfirst only when all of it is bold.
                let text = HTMLText.collapse(dom.textContent(i))
                return isAllBold(i, dom: dom, stats: stats) && isStandfirst(text) && isOnePhrase(text) ? (text, i) : nil
            }
            if dom.tags[i].headingLevel != nil { return nil }
            i += 1
        }
        return nil
    }

    /// Whether a text reads as a standfirst: a phrase or a few sentences (four words or more, 400 characters
    /// at most), not a byline ("By Jane Doe", "Von …"), a date line ("Updated: Nov. 20, 2019 1:35 a.m."),
    /// a photo credit ("Foto: …", "… / AP") or a contact label.
    static func isStandfirst(_ text: String) -> Bool {
        let words = PageTitle.words(text)
        guard words.count >= 4, text.unicodeScalars.count <= 400, ContactParser.labelRemainder(text) == nil,
              !["by", "von", "par", "por", "di", "door", "de", "av", "af"].contains(words[0]) else { return false }
        if text.unicodeScalars.count < 120, DateNormalizer.firstDate(in: text, allowPartial: false) != nil { return false }
        let lower = text.fastLowercased()
        for credit in ["foto:", "photo:", "bild:", "image:", "credit:", "associated press", "getty images", "/ ap", "reuters/", "dpa/"]
        where lower.hasSubstring(credit) {
            return false
        }
        return true
    }

    /// One sentence or phrase of 200 characters at most: a standfirst, not a lead paragraph.
    static func isOnePhrase(_ text: String) -> Bool {
        text.unicodeScalars.count <= 200 && !PressReleasePass.hasInnerSentenceBreak(text)
    }

    /// The heading that holds the headline: the first visible `h1` or `h2` with its words (an `h2` when the
    /// page's `h1` is a section's name); without a headline, the first visible `h1`.
    private static func headlineNode(dom: HTMLDOM, stats: HTMLPageStats, headline: String?) -> Int? {
        let key = headline.map(PageTitle.words)
        for i in dom.nodes.indices where (dom.tags[i] == .h1 || dom.tags[i] == .h2)
            && !stats.hidden[i] && stats.textLength[i] > 0 && stats.textLength[i] <= 300 {
            if let key { if PageTitle.words(dom.textContent(i)) == key { return i } } else if dom.tags[i] == .h1 { return i }
        }
        return nil
    }

    /// The element after `index` among its siblings (white space skipped).
    private static func nextElement(after index: Int, dom: HTMLDOM) -> Int? {
        var s = Int(dom.nodes[index].nextSibling)
        while s >= 0, dom.nodes[s].isText, HTMLText.collapse(dom.nodes[s].text).isEmpty { s = Int(dom.nodes[s].nextSibling) }
        return s >= 0 && !dom.nodes[s].isText ? s : nil
    }

    private static let standfirstParts: Set<String> = [
        "lead", "lede", "intro", "standfirst", "subtitle", "subheadline", "subhead", "subheading", "dek", "deck",
        "summary", "teaser", "abstract", "chapo", "chapeau", "sapo", "strapline", "excerpt", "vorspann", "einleitung",
        "entradilla", "sommario", "occhiello",
    ]
    /// Class parts that make a "teaser" a list of other articles, not this one's standfirst.
    private static let listParts: Set<String> = ["list", "item", "items", "box", "grid", "related", "more", "link", "links",
                                                 "image", "img", "media", "wrapper", "container", "title", "headline"]

    /// Whether class/id words name a standfirst: "lead", "article-intro", "c-article__teaser", "sub-title".
    static func isStandfirstClass(_ words: String) -> Bool {
        guard !words.isEmpty else { return false }
        for token in words.split(separator: " ") {
            if token == "sub-title" || token == "sub_title" { return true }
            let parts = token.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            if parts.contains(where: standfirstParts.contains), !parts.contains(where: listParts.contains) { return true }
        }
        return false
    }

    /// Whether all of a paragraph's visible text is inside `strong` or `b`.
    private static func isAllBold(_ p: Int, dom: HTMLDOM, stats: HTMLPageStats) -> Bool {
        var bold = 0
        for child in dom.children(of: p) where !stats.hidden[child] {
            let tag = dom.tags[child]
            if tag == .strong || tag == .b { bold += Int(stats.textLength[child]) }
            else if dom.nodes[child].isText, HTMLText.collapse(dom.nodes[child].text).isEmpty { continue }
            else if tag != .br { return false }
        }
        return bold > 0
    }
}
