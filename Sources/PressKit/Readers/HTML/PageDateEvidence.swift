/// The dates a page shows in its body, gathered in one walk with where they stand: `<time>` elements,
/// dates printed in short texts (bylines, "Datum: 03.02.2022", "Published Nov. 8, 2023") and in `title`
/// attributes, the page's headings, the first short element whose class says it holds a date, and the
/// `itemprop="datePublished"` of an element. Dates inside navigation, footers, sidebars, comments,
/// "related" lists, calendars and embedded posts are marked, never chosen; so are "updated" dates. The
/// publication date is the one nearest the headline (a byline under it, a kicker above it).
///
/// The walk is the hot part of reading a page's metadata, so it reads each element's attributes once,
/// lower-cases class and id only when they are asked about, and runs the date parser only on texts that
/// can hold a date (a run of four digits, or `d.m.yy`).
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

    struct Heading {
        var node: Int
        /// One past the heading's last descendant.
        var end: Int
        var position: Int
        var level: Int
        var text: String
    }

    private(set) var dated: [Dated] = []
    private(set) var headings: [Heading] = []
    /// The text of the first short element whose class or id says it holds the date ("date", "posted-on"...).
    private(set) var dateElement: (node: Int, text: String)?
    /// `itemprop="datePublished"` of an element other than `<meta>`: its `datetime`, `content` or text.
    private(set) var itemDatePublished: String?
    /// The page's `<html lang>`, as written.
    private(set) var language: String?
    /// The reference time (seconds since 1970) after whose day no date is a publication date; nil: no check.
    var now: Int?

    /// The nearest element at or above each node whose own class, name or role marks furniture (-1: none).
    private var mark: [Int32]
    /// For a marking element, the marking element above it (-1: none).
    private var markAbove: [Int32]
    private var inArticle: [Bool]
    private var position = 0
    private var previousText = ""
    /// Numeric dates with slashes are read day first (`17/05/2023`) unless the page is American English.
    private var slashDayFirst: Bool?
    /// A Persian page (`lang="fa"`): numeric dates of Solar Hijri years are read (`۱۳۹۹/۰۴/۰۲`).
    private var persian = false

    init(count: Int) {
        mark = [Int32](repeating: -1, count: count)
        markAbove = mark
        inArticle = [Bool](repeating: false, count: count)
    }

    private static let furnitureWords = SubstringSet([
        "comment", "related", "sidebar", "breadcrumb", "calendar", "leserbrief", "reply",
        "replies", "popular", "trending", "recommend", "ticker", "archive", "menu", "navbar", "navigation",
        "more-news", "weitere", "teaserlist", "teaser-list", "mod-cal", "cal-day",
        "feed-list", "tweet", "latest", "instagram", "tiktok", "fb-post", "embed",
    ])
    /// Whole class/id words (between characters other than ASCII letters and digits) that mark furniture.
    private static let furnitureTokens: [[UInt8]] = ["nav", "aside", "footer", "more", "cal", "feed", "timeago"]
        .map { Array($0.utf8) }

    private static func hasFurnitureToken(_ words: String) -> Bool {
        var words = words
        return words.withUTF8 { b in
            func isWordByte(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c &- 48 < 10) }
            var start = 0
            while start < b.count {
                while start < b.count, !isWordByte(b[start]) { start += 1 }
                var end = start
                while end < b.count, isWordByte(b[end]) { end += 1 }
                let length = end - start
                if length >= 3, length <= 7 {
                    for token in furnitureTokens where token.count == length {
                        var k = 0
                        while k < length, b[start + k] == token[k] { k += 1 }
                        if k == length { return true }
                    }
                }
                start = end
            }
            return false
        }
    }
    private static let furnitureRoles: Set<String> = ["navigation", "complementary", "contentinfo", "menu", "menubar"]

    /// Class words of an article's own meta block (a post footer or an aside with the post's data), which
    /// holds its date: never furniture.
    private static let articleMetaWords = SubstringSet([
        "post-footer", "entry-footer", "article-footer", "asset-footer", "news-footer", "meta", "byline", "date",
        "posted", "blogdata", "info",
    ])
    private static let dateElementWords = SubstringSet(["date", "posted", "publish", "time"])
    private static let updateWords = SubstringSet(["modif", "updat", "revis"])

    /// What an element says about itself, read in one pass over its attributes.
    private struct Attributes {
        var classAndID = ""
        var hasClassOrID = false
        var role: String?
        var itemprop: String?
        var title: String?
        var datetime: String?
        var content: String?
        var pubdate = false

        // Borrowed: an initializer takes its arguments owned, and a copy of the DOM is a retain of each of its
        // arrays (the date walk reads every element's attributes).
        init(_ dom: borrowing HTMLDOM, _ i: Int) {
            var a = Int(dom.nodes[i].attributeStart)
            let end = a + Int(dom.nodes[i].attributeCount)
            var cls: String?, id: String?
            while a < end {
                switch dom.attributeKinds[a] {
                case .class: cls = dom.attributeValues[a]
                case .id: id = dom.attributeValues[a]
                case .role: role = dom.attributeValues[a]
                case .itemprop: itemprop = dom.attributeValues[a]
                case .title: title = dom.attributeValues[a]
                case .datetime: datetime = dom.attributeValues[a]
                case .content: content = dom.attributeValues[a]
                case .pubdate: pubdate = true
                default: break
                }
                a += 1
            }
            let c = cls ?? "", d = id ?? ""
            if !c.isEmpty || !d.isEmpty {
                hasClassOrID = true
                // Most pages write class names in lower case: no copy then (`fastLowercased` returns the
                // string itself).
                classAndID = d.isEmpty ? c.fastLowercased() : c.isEmpty ? d.fastLowercased()
                    : c.fastLowercased() + " " + d.fastLowercased()
            }
        }
    }

    private static func isFurniture(tag: HTMLTag, _ attributes: Attributes, insideArticle: Bool) -> Bool {
        let words = attributes.classAndID
        if attributes.hasClassOrID, words.hasAnySubstring(articleMetaWords) { return false }
        switch tag {
        case .nav, .menu, .select, .option, .button, .blockquote: return true
        case .footer, .aside: return !insideArticle
        default: break
        }
        if let role = attributes.role, furnitureRoles.contains(role.fastLowercased()) { return true }
        guard attributes.hasClassOrID else { return false }
        return words.hasAnySubstring(furnitureWords) || hasFurnitureToken(words)
            || (words.hasSubstring("footer") && !insideArticle)
    }

    /// Takes in node `i` (called for every node in document order).
    /// `share`: the part of the page's visible text inside the node (a container holding most of the page is
    /// never furniture, whatever its class says: `<div class="mainwrap sidebar">`); `textLength`: the
    /// node's visible characters.
    mutating func visit(_ i: Int, dom: HTMLDOM, hidden: Bool, share: Double, textLength: Int) {
        let p = Int(dom.nodes[i].parent)
        if p >= 0 {
            mark[i] = mark[p]
            if inArticle[p] || dom.tags[p] == .article { inArticle[i] = true }
        }
        if dom.nodes[i].isText {
            guard !hidden else { return }
            visitText(i, dom.nodes[i].text)
            return
        }
        let tag = dom.tags[i]
        if tag == .html, language == nil {
            language = dom.attribute(.lang, of: i) ?? dom.attribute(.xmlLang, of: i)
            slashDayFirst = language.flatMap(DateNormalizer.readsSlashDayFirst)
            persian = language.map { $0.fastLowercased() == "fa" || $0.fastLowercased().hasPrefix("fa-") } ?? false
        }
        guard dom.nodes[i].attributeCount > 0 || Self.isInteresting(tag) else { return }
        let attributes = Attributes(dom, i)
        // Often on a hidden element (`<span itemprop="datePublished" content="…" hidden>`).
        if let itemprop = attributes.itemprop, itemDatePublished == nil, tag != .meta,
           itemprop.fastLowercased() == "datepublished" {
            itemDatePublished = attributes.datetime ?? attributes.content
                ?? HTMLText.collapse(dom.textContent(i, maxNodes: Self.maxTextNodes))
        }
        guard !hidden else { return }
        if share < 0.4 || tag == .nav, Self.isFurniture(tag: tag, attributes, insideArticle: inArticle[i]) {
            markAbove[i] = mark[i]
            mark[i] = Int32(i)
        }
        if dateElement == nil, mark[i] < 0, attributes.hasClassOrID, textLength > 0, textLength <= 80,
           attributes.classAndID.hasAnySubstring(Self.dateElementWords),
           !attributes.classAndID.hasAnySubstring(Self.updateWords) {
            let text = HTMLText.collapse(dom.textContent(i, maxNodes: Self.maxTextNodes))
            if PageMetadata.isoDate(text) != nil { dateElement = (i, text) }
        }
        switch tag {
        case .h1, .h2, .h3:
            headings.append(Heading(node: i, end: dom.subtreeEnd(i), position: position, level: tag.headingLevel!,
                                    text: HTMLText.collapse(dom.textContent(i, maxNodes: Self.maxTextNodes))))
        case .time:
            guard let value = attributes.datetime, var date = PageTimestamp.parse(value) else { break }
            var marks = ((attributes.itemprop ?? "") + " " + attributes.classAndID).fastLowercased()
            // The wrapper often says what the time is: <div class="published"><span><time …>.
            var up = p
            for _ in 0..<2 where up >= 0 {
                marks += " " + BoilerplateHints.classAndID(dom, up)
                up = Int(dom.nodes[up].parent)
            }
            let text = HTMLText.collapse(dom.textContent(i, maxNodes: Self.maxTextNodes))
            let printed = PrintedDate.find(in: text, slashDayFirst: slashDayFirst, persian: persian)
            var cue = printed?.cue ?? .none
            if attributes.pubdate || marks.hasSubstring("publish") || marks.hasSubstring("publicat")
                || marks.hasSubstring("created") {
                cue = .published
            } else if marks.hasSubstring("updat") || marks.hasSubstring("modif") {
                cue = .updated
            } else if cue == .none, !previousText.utf8.contains(where: { $0 &- 48 < 10 }) {
                // A label just before it: "Updated <time …>Nov 13, 2019</time>".
                cue = PrintedDate.cue(of: previousText)
            }
            // "Publié le 29 juin 2019" printed over a machine time days later: the words are the page's own.
            if let printed, printed.cue == .published, abs(printed.date.dayMinutes - date.dayMinutes) > 1440 {
                date = printed.date
            }
            dated.append(Dated(node: i, position: position, date: date, isTime: true, cue: cue,
                               printed: printed?.date))
        default:
            if let title = attributes.title, title.utf8.count <= 80,
               let found = PrintedDate.find(in: title, slashDayFirst: slashDayFirst, persian: persian) {
                dated.append(Dated(node: i, position: position, date: found.date, isTime: false, cue: found.cue,
                                   printed: nil))
            }
        }
    }

    /// The nodes read for the text of one heading, time or date element: the walk visits every element,
    /// so an unbounded read would be quadratic on deeply nested pages.
    private static let maxTextNodes = 256

    /// Elements looked at even without attributes.
    private static func isInteresting(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .h1, .h2, .h3, .time, .nav, .menu, .footer, .aside, .blockquote, .select, .option, .button: return true
        default: return false
        }
    }

    private mutating func visitText(_ i: Int, _ text: String) {
        // Long texts (most of a page's bytes) hold no byline and are no label: only counted.
        let count = text.utf8.count
        guard count <= 200 else { position += count; return }
        let shape = TextShape(text)
        position += shape.count
        defer { if shape.count <= 60, TextShape.hasContent(text) { previousText = text } }
        guard shape.mayHoldDate,
              let found = PrintedDate.find(in: text, slashDayFirst: slashDayFirst, persian: persian, shape: shape) else { return }
        var cue = found.cue
        // A label just before it ("Published" / "Aktualisiert:" in their own element), not another date.
        if cue == .none, !previousText.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) {
            cue = PrintedDate.cue(of: previousText)
        }
        dated.append(Dated(node: i, position: position - shape.count, date: found.date, isTime: false, cue: cue,
                           printed: nil))
    }

    /// Whether node `node` stands in page furniture. An element marked as furniture that holds the page's
    /// headline is not furniture (a page header `<div class="intro breadcrumbNavigation">` around the `h1`
    /// and its date line); what is marked inside it still is.
    func isFurniture(_ node: Int, headline: Int? = nil) -> Bool {
        var m = Int(mark[node])
        while m >= 0 {
            guard let h = headline, h >= m, h < subtreeEnd(of: m) else { return true }
            m = Int(markAbove[m])
        }
        return false
    }

    /// The marking elements in node order and where each one's subtree ends (filled by `finish(dom:)`): two
    /// sorted arrays searched by halves (a `[Int: Int]` was a dictionary type's first use on every page).
    private var markingNodes: [Int32] = []
    private var markingEnds: [Int] = []

    /// Records where the subtrees of the marking elements end (called once after the walk).
    mutating func finish(dom: HTMLDOM) {
        markingNodes.removeAll()
        markingEnds.removeAll()
        for i in mark.indices where mark[i] == Int32(i) {
            markingNodes.append(Int32(i))
            markingEnds.append(dom.subtreeEnd(i))
        }
    }

    /// Where marking element `node`'s subtree ends; Int.max before `finish(dom:)` or for another node.
    private func subtreeEnd(of node: Int) -> Int {
        let index = SortedSearch.lowerBound(count: markingNodes.count) { Int(markingNodes[$0]) < node }
        return index < markingNodes.count && Int(markingNodes[index]) == node ? markingEnds[index] : Int.max
    }

    /// The page's headline heading: the `h1` whose words are the title's (or part of it), else an `h2`/`h3`
    /// that matches a title better, else the first `h1`.
    func headline(titles: [String]) -> Heading? {
        let keys = titles.map(Self.words).filter { !$0.isEmpty }
        var best: (heading: Heading, score: Int)?
        for h in headings where h.level == 1 || mark[h.node] < 0 {
            let w = Self.words(h.text)
            guard !w.isEmpty else { continue }
            var score = 0
            for key in keys {
                if key == w { score = max(score, 100_000) }
                else if key.utf8.count >= 3, w.utf8.count >= 3, key.hasSubstring(w) || w.hasSubstring(key) {
                    score = max(score, min(key.utf8.count, w.utf8.count))
                }
            }
            guard score > 0 else { continue }
            // An h1 wins ties; an h2/h3 only by matching more of the title.
            if h.level == 1 { score += 1 }
            if best == nil || score > best!.score { best = (h, score) }
        }
        if let best { return best.heading }
        return headings.first { $0.level == 1 && mark[$0.node] < 0 && !Self.words($0.text).isEmpty }
    }

    /// Lower-cased words joined by single spaces (letters and digits only).
    static func words(_ s: String) -> String {
        if ASCIIText.isASCII(s) {
            // ASCII: a letter or number is A–Z, a–z or 0–9, each byte a Character (CR LF is neither).
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            var pendingSpace = false
            for b in s.utf8 {
                if ASCIIText.isLetterOrDigit(b) {
                    if pendingSpace, !out.isEmpty { out.append(32) }
                    pendingSpace = false
                    out.append(ASCIIText.lowercased(b))
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return charactersWords(s)
    }

    /// `words` on Characters, for any text.
    static func charactersWords(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in s.fastLowercased() {
            if c.isLetter || c.isNumber {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(c)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Whether a day is believable as a publication day: not before 1995 and not after the reference day
    /// (one day of grace for time zones).
    func believable(_ date: PageTimestamp) -> Bool {
        PublicationDay.isBelievable(year: date.year, month: date.month, day: date.day, now: now)
    }

    /// The publication date shown nearest the headline (a byline under it or a kicker above it), or the
    /// first one marked as published anywhere outside the furniture. `updated` dates never count. With
    /// `month` (from the page's URL), dates of that month are preferred.
    func nearestHeadline(_ heading: Heading?, month: (year: Int, month: Int)? = nil) -> Dated? {
        let h = heading.map { (node: $0.node, position: $0.position) }
        // A date in the headline's own words ("Results of 2020/7/11") is not its byline.
        let usable = dated.filter {
            !isFurniture($0.node, headline: h?.node) && $0.cue != .updated && believable($0.date)
                && !(heading.map { $0.node..<$0.end }?.contains($0.node) ?? false)
        }
        if let month {
            let inMonth = usable.filter { $0.date.year == month.year && $0.date.month == month.month }
            if let found = nearest(inMonth, headline: h) { return found }
        }
        return nearest(usable, headline: h)
    }

    private func nearest(_ usable: [Dated], headline h: (node: Int, position: Int)?) -> Dated? {
        if let h {
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
        // A page without a headline heading: the first date of its own content. An `h1` that holds only
        // the site's logo image (no words) is no headline.
        let hasHeadline = headings.contains { $0.level == 1 && mark[$0.node] < 0 && !Self.words($0.text).isEmpty }
        return hasHeadline ? usable.first { $0.isTime } : usable.first
    }

    /// The `<time>` marked as the publication time (`pubdate`, `itemprop=datePublished`, a "published"
    /// class) outside the furniture, nearest the headline.
    func publicationTime(_ h: Heading?) -> Dated? {
        let marked = dated.filter {
            $0.isTime && $0.cue == .published && !isFurniture($0.node, headline: h?.node) && believable($0.date)
        }
        guard let h else { return marked.first }
        return marked.min { abs($0.position - h.position) < abs($1.position - h.position) }
    }

    /// The `<time>` elements outside the furniture (to tell a UTC time's local day).
    func times(_ h: Heading?) -> [PageTimestamp] {
        dated.filter { $0.isTime && !isFurniture($0.node, headline: h?.node) }.map(\.date)
    }
}

/// What one pass over a text's bytes tells: its length, and whether it can hold a date at all (a run of
/// at least four digits, `d.m.yy`, or the digits of Arabic, Persian, Devanagari or Bengali script).
struct TextShape {
    var count: Int
    var longestDigitRun = 0
    var hasDottedDigits = false
    /// Digits other than ASCII (`۲ تیر ۱۳۹۹`, `١٦ فبراير ٢٠٢٠`, `১৬.০২.২০২০`, full-width `１６`): read by the date tokenizer.
    var hasNativeDigits = false

    var mayHoldDate: Bool { longestDigitRun >= 4 || (hasDottedDigits && count <= 60) || hasNativeDigits }

    init(_ text: String) {
        self = text.utf8.withContiguousStorageIfAvailable { TextShape(bytes: $0) } ?? TextShape(bytes: text.utf8)
    }

    private init<Bytes: Sequence<UInt8>>(bytes: Bytes) {
        var count = 0, run = 0, longest = 0, dotted = false, native = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in bytes {
            count &+= 1
            if b &- 48 < 10 {
                run &+= 1
                if run > longest { longest = run }
                if previous == 46, beforePrevious &- 48 < 10 { dotted = true }
            } else {
                run = 0
                // The digits `DateTokenizer.digitValue` reads, as UTF-8: U+0660–0669 (D9 A0–A9), U+06F0–06F9
                // (DB B0–B9), U+0966–096F (E0 A5 A6–AF), U+09E6–09EF (E0 A7 A6–AF), U+FF10–FF19 (EF BC 90–99).
                if b >= 0x80, b < 0xC0, !native {
                    native = (previous == 0xD9 && b &- 0xA0 < 10) || (previous == 0xDB && b &- 0xB0 < 10)
                        || (beforePrevious == 0xE0 && (previous == 0xA5 || previous == 0xA7) && b &- 0xA6 < 10)
                        || (beforePrevious == 0xEF && previous == 0xBC && b &- 0x90 < 10)
                }
            }
            beforePrevious = previous
            previous = b
        }
        self.count = count
        longestDigitRun = longest
        hasDottedDigits = dotted
        hasNativeDigits = native
    }

    /// Whether a text has anything but ASCII white space and no-break spaces (C2 A0).
    static func hasContent(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { hasContent(bytes: $0) } ?? hasContent(bytes: text.utf8)
    }

    private static func hasContent<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b > 32, b != 0xC2, !(b == 0xA0 && previous == 0xC2) { return true }
            previous = b
        }
        return false
    }
}
