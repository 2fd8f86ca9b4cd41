/// Hints from `class` and `id` attributes: words that mark page furniture and words that mark content.
enum BoilerplateHints {
    /// Substrings of class/id that mark furniture to remove before scoring.
    private static let unlikelyWords: [String] = [
        "comment", "disqus", "navbar", "navigation", "menu", "footer", "sidebar", "breadcrumb", "cookie",
        "consent", "gdpr", "sharing", "share-", "-share", "social", "related", "recommend", "promo", "newsletter",
        "subscri", "signup", "sign-up", "sponsor", "advert", "popup", "modal", "pagination", "pager", "masthead",
        "outbrain", "taboola", "most-popular", "mostpopular", "trending", "skip-link", "toolbar", "login",
        "combx", "shoutbox", "agegate", "author-bio", "more-stories", "site-header", "nav-", "-nav", "ad-slot",
        "adslot", "ad-container", "inline-ad", "dfp-", "rollover", "tooltip", "popover", "hovercard",
    ]
    /// Whole class/id tokens that mark furniture to remove (too short to match as substrings).
    private static let unlikelyTokens: Set<String> = ["ad", "ads", "nav", "share", "aside", "sns", "ranking"]
    /// Further substrings that lower an element's score without removing it.
    private static let negativeWords: [String] = [
        "widget", "banner", "meta", "tools", "tags", "byline", "teaser", "latest", "rail", "print", "topic",
        "caption", "credit", "footnote", "hidden", "facebook", "header", "rss", "keyword",
        "extra", "overlay", "foot", "contact", "scroll", "shopping",
    ]

    /// Substrings of class/id of the small print around an article's text: bylines, dates, captions, tags.
    private static let smallPrintWords: [String] = [
        "byline", "author", "dateline", "timestamp", "posted", "publish", "date", "caption", "credit", "tags",
        "share", "social", "meta", "subscri", "newsletter", "related", "promo", "advert", "sponsor", "breadcrumb",
        "print", "tools", "comment", "rating", "vote", "follow",
    ]
    /// Substrings of class/id of image galleries and slideshows.
    private static let galleryWords: [String] = ["gallery", "slideshow", "carousel", "slider", "lightbox"]

    /// Whether class/id words mark small print (removed inside the article when short).
    static func isSmallPrint(_ s: String) -> Bool {
        guard s.utf8.count >= 3 else { return false }
        for w in smallPrintWords where s.hasSubstring(w) { return true }
        return false
    }

    /// Whether class/id words mark a gallery or slideshow.
    static func isGallery(_ s: String) -> Bool {
        guard s.utf8.count >= 5 else { return false }
        for w in galleryWords where s.hasSubstring(w) { return true }
        return false
    }

    /// Substrings of class/id that mark content.
    private static let positiveWords: [String] = [
        "article", "content", "story", "body", "post", "entry", "main", "text", "blog", "hentry", "prose",
        "news-detail", "release", "column",
    ]

    /// Whole tokens that keep an element even when it also has a furniture word ("article-tools" does not).
    private static let keepTokens: Set<String> = [
        "article", "body", "main", "content", "column", "story", "post", "entry", "text", "maincontent",
        "articlebody", "article-body", "story-body", "embed",
    ]

    /// readability's "unlikely candidate": furniture words and no content token.
    static func isUnlikely(_ s: String) -> Bool {
        guard isFurniture(s) else { return false }
        for token in tokens(s) where keepTokens.contains(String(token)) { return false }
        return true
    }

    /// The lower-cased `class` and `id` of an element, space-separated.
    static func classAndID(_ dom: HTMLDOM, _ i: Int) -> String {
        let c = dom.attribute("class", of: i) ?? ""
        let d = dom.attribute("id", of: i) ?? ""
        if c.isEmpty && d.isEmpty { return "" }
        return (c + " " + d).lowercased()
    }

    /// Whether class/id words mark furniture to remove.
    static func isFurniture(_ s: String) -> Bool {
        guard s.utf8.count >= 2 else { return false }
        for w in unlikelyWords where s.hasSubstring(w) { return true }
        for token in tokens(s) where unlikelyTokens.contains(String(token)) { return true }
        return false
    }

    /// Whether class/id words mark furniture or things near it (a lower score).
    static func isNegative(_ s: String) -> Bool {
        if isFurniture(s) { return true }
        for w in negativeWords where s.hasSubstring(w) { return true }
        return false
    }

    /// Whether class/id words mark content.
    static func isPositive(_ s: String) -> Bool {
        guard s.utf8.count >= 2 else { return false }
        for w in positiveWords where s.hasSubstring(w) { return true }
        return false
    }

    /// readability's class weight: -25 for furniture words, +25 for content words, for class and id each.
    static func weight(_ dom: HTMLDOM, _ i: Int) -> Int {
        var w = 0
        for value in [dom.attribute("class", of: i), dom.attribute("id", of: i)] {
            guard let v = value?.lowercased(), !v.isEmpty else { continue }
            if isNegative(v) { w -= 25 }
            if isPositive(v) { w += 25 }
        }
        if let itemprop = dom.attribute("itemprop", of: i)?.lowercased(), itemprop.hasSubstring("articlebody") { w += 50 }
        return w
    }

    static func tokens(_ s: String) -> [Substring] {
        s.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }
}

extension String {
    /// Whether `needle` occurs in the string (byte-wise; both are expected in lower case).
    func hasSubstring(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count, let first = n.first else { return n.isEmpty }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
