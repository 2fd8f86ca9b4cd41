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
    private static let unlikelyTokens: TokenSet = ["ad", "ads", "nav", "share", "aside", "sns", "ranking"]
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
    /// Substrings of class/id of a box about the article's author (photo, short biography, links to the
    /// author's profiles), furniture even inside an element named as article or content.
    private static let authorBoxWords: [String] = [
        "authorinfo", "author-info", "author_info", "authorbio", "author-bio", "author_bio", "authorbox", "author-box",
        "author_box", "about-author", "about-the-author", "aboutauthor", "abouttheauthor", "author-about",
        "authorcard", "author-card", "author-profile", "author-details", "author-description", "post-author",
        "entry-author", "short-bio", "shortbio", "shortbiography", "contributor-bio", "writer-bio", "bio-box", "biobox",
    ]
    /// Whether class/id words name a box about the author.
    static func isAuthorBox(_ s: String) -> Bool {
        s.utf8.count >= 3 && (s.hasAnySubstring(authorBoxBytes) || hasToken(s, in: authorBoxTokens))
    }

    private static let authorBoxTokens: TokenSet = ["bio", "biography", "authorbio"]

    /// Substrings of class/id of a photo's credit line.
    private static let creditWords: [String] = [
        "credit", "copyright", "photographer", "caption-source", "image-source", "photo-source", "imagesource",
        "bildnachweis", "bildquelle", "fotonachweis", "photo-by", "courtesy",
    ]
    /// Whether class/id words name a photo's credit line.
    static func isCredit(_ s: String) -> Bool { s.utf8.count >= 6 && s.hasAnySubstring(creditBytes) }

    /// Substrings of class/id of image galleries and slideshows.
    private static let galleryWords: [String] = ["gallery", "slideshow", "carousel", "slider", "lightbox"]

    /// Whether class/id words mark small print (removed inside the article when short).
    static func isSmallPrint(_ s: String) -> Bool {
        guard s.utf8.count >= 3 else { return false }
        return s.hasAnySubstring(smallPrintBytes)
    }

    /// Whether class/id words mark a gallery or slideshow.
    static func isGallery(_ s: String) -> Bool {
        guard s.utf8.count >= 5 else { return false }
        return s.hasAnySubstring(galleryBytes)
    }

    /// Substrings of class/id of an article's lead or summary: a standfirst, teaser, intro, key points.
    private static let leadWords: [String] = [
        "lead", "intro", "standfirst", "teaser", "summary", "abstract", "excerpt", "description", "deck", "dek",
        "subline", "subtitle", "sub-title", "subheadline", "sub-headline", "chapo", "chapeau", "vorspann",
        "einleitung", "kurztext", "strapline", "synopsis", "key-points", "keypoints", "key-facts", "keyfacts",
        "highlights", "takeaways", "auf-einen-blick", "kernpunkte", "wichtigste", "essentiel",
    ]
    /// Substrings of class/id of a picture and its caption.
    private static let pictureWords: [String] = [
        "image", "photo", "picture", "figure", "media", "visual", "foto", "bild", "img", "hero", "caption",
    ]
    /// Substrings of class/id/src of images that are not a photo of the story.
    private static let iconWords: [String] = [
        "logo", "avatar", "icon", "sprite", "emoji", "badge", "gravatar", "author", "spacer", "pixel", "spinner",
        "loader",
    ]
    /// Substrings of class/id of a video player or an embedded post.
    private static let videoWords: [String] = ["video", "player", "embed", "playlist", "youtube", "vimeo", "podcast", "audio"]
    /// Substrings of class/id of a site's name in its banner.
    private static let siteNameWords: [String] = [
        "logo", "brand", "site-title", "site-name", "sitename", "sitetitle", "masthead",
    ]

    /// Whether class/id words name an article's lead, standfirst or key points.
    static func isLead(_ s: String) -> Bool { s.utf8.count >= 3 && s.hasAnySubstring(leadBytes) }
    /// Whether class/id words name a picture or its caption.
    static func isPicture(_ s: String) -> Bool { s.utf8.count >= 3 && s.hasAnySubstring(pictureBytes) }
    /// Whether class/id words name a video player or an embedded post.
    static func isVideo(_ s: String) -> Bool { s.utf8.count >= 4 && s.hasAnySubstring(videoBytes) }
    /// Whether class/id/src words name a logo, avatar or icon.
    static func isIcon(_ s: String) -> Bool { s.utf8.count >= 4 && s.hasAnySubstring(iconBytes) }
    /// Whether class/id words name the site's own title.
    static func isSiteName(_ s: String) -> Bool { s.utf8.count >= 4 && s.hasAnySubstring(siteNameBytes) }

    /// Substrings of class/id that mark content.
    private static let positiveWords: [String] = [
        "article", "content", "story", "body", "post", "entry", "main", "text", "blog", "hentry", "prose",
        "news-detail", "release", "column",
    ]

    /// Whole tokens that keep an element even when it also has a furniture word ("article-tools" does not).
    private static let keepTokens: TokenSet = [
        "article", "body", "main", "content", "column", "story", "post", "entry", "text", "maincontent",
        "articlebody", "article-body", "story-body", "embed",
    ]

    /// readability's "unlikely candidate": furniture words and no content token.
    static func isUnlikely(_ s: String) -> Bool {
        guard isFurniture(s) else { return false }
        return !hasToken(s, in: keepTokens)
    }

    /// The lower-cased `class` and `id` of an element, space-separated.
    static func classAndID(_ dom: HTMLDOM, _ i: Int) -> String {
        let c = dom.attribute(.class, of: i) ?? ""
        let d = dom.attribute(.id, of: i) ?? ""
        if c.isEmpty && d.isEmpty { return "" }
        return (c + " " + d).fastLowercased()
    }

    /// Whether class/id words mark furniture to remove.
    static func isFurniture(_ s: String) -> Bool {
        guard s.utf8.count >= 2 else { return false }
        if s.hasAnySubstring(unlikelyBytes) { return true }
        return hasToken(s, in: unlikelyTokens)
    }

    /// Whether class/id words mark furniture or things near it (a lower score).
    static func isNegative(_ s: String) -> Bool {
        if isFurniture(s) { return true }
        return s.hasAnySubstring(negativeBytes)
    }

    /// Whether class/id words mark content.
    static func isPositive(_ s: String) -> Bool {
        guard s.utf8.count >= 2 else { return false }
        return s.hasAnySubstring(positiveBytes)
    }

    /// readability's class weight: -25 for furniture words, +25 for content words, for class and id each.
    static func weight(_ dom: HTMLDOM, _ i: Int) -> Int {
        var w = 0
        for value in [dom.attribute(.class, of: i), dom.attribute(.id, of: i)] {
            guard let v = value?.fastLowercased(), !v.isEmpty else { continue }
            if isNegative(v) { w -= 25 }
            if isPositive(v) { w += 25 }
        }
        if let itemprop = dom.attribute(.itemprop, of: i)?.fastLowercased(), itemprop.hasSubstring("articlebody") { w += 50 }
        return w
    }

    static func tokens(_ s: String) -> [Substring] {
        s.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    // The word lists grouped by first byte, so that one pass over a class/id string checks them all.
    private static let unlikelyBytes = SubstringSet(unlikelyWords)
    private static let negativeBytes = SubstringSet(negativeWords)
    private static let positiveBytes = SubstringSet(positiveWords)
    private static let smallPrintBytes = SubstringSet(smallPrintWords)
    private static let galleryBytes = SubstringSet(galleryWords)
    private static let authorBoxBytes = SubstringSet(authorBoxWords)
    private static let creditBytes = SubstringSet(creditWords)
    private static let leadBytes = SubstringSet(leadWords)
    private static let pictureBytes = SubstringSet(pictureWords)
    private static let iconBytes = SubstringSet(iconWords)
    private static let siteNameBytes = SubstringSet(siteNameWords)
    private static let videoBytes = SubstringSet(videoWords)

    /// Whether one of the letter-and-digit tokens of `s` is in `set`. ASCII strings are split on bytes
    /// (for ASCII, `isLetter || isNumber` is exactly A–Z, a–z, 0–9); others take `tokens(_:)`.
    static func hasToken(_ s: String, in set: TokenSet) -> Bool {
        guard ASCIIText.isASCII(s) else {
            for token in tokens(s) where set.words.contains(String(token)) { return true }
            return false
        }
        var found = false
        ASCIIText.forEachWord(in: s) { word in
            found = set.containsASCII(word)
            return !found
        }
        return found
    }
}

/// Whole words for `BoilerplateHints.hasToken`: a set of Strings for any text, and the same words as bytes
/// for the tokens of ASCII text (compared without making a String of each token).
struct TokenSet: ExpressibleByArrayLiteral {
    let words: Set<String>
    private let bytes: [[UInt8]]

    init(arrayLiteral elements: String...) {
        words = Set(elements)
        bytes = elements.map { Array($0.utf8) }
    }

    /// Whether the ASCII bytes `word` are one of the words (for ASCII, String equality is byte equality).
    func containsASCII(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        for w in bytes where w.count == word.count && w.elementsEqual(word) { return true }
        return false
    }
}

extension String {
    /// Whether one of `needles` occurs in the string (byte-wise): `hasSubstring` for each, in one pass
    /// over the string that tries only the needles starting with the byte at hand.
    func hasAnySubstring(_ needles: SubstringSet) -> Bool {
        var haystack = self
        return haystack.withUTF8 { h in
            let count = h.count
            guard count > 0 else { return false }
            // On the set's flat buffers: no array is retained or released per position tried.
            return needles.groupStart.withUnsafeBufferPointer { groups in
                needles.words.withUnsafeBufferPointer { words in
                    needles.bytes.withUnsafeBufferPointer { bytes in
                        func matches(at i: Int) -> Bool {
                            let first = Int(h[i])
                            var w = Int(groups[first])
                            let last = Int(groups[first + 1])
                            while w < last {
                                let start = Int(words[w].start), length = Int(words[w].count)
                                w += 1
                                guard length <= count - i else { continue }
                                var k = 1
                                while k < length, h[i + k] == bytes[start + k] { k += 1 }
                                if k == length { return true }
                            }
                            return false
                        }
                        // Every position but the last is tried only when its two bytes may start a word
                        // (`firstTwoBytes`); the last always (one-byte words).
                        let found = needles.firstTwoBytes.withUnsafeBufferPointer { bits in
                            var i = 0
                            while i + 1 < count {
                                let key = Int(h[i]) &<< 8 | Int(h[i + 1])
                                if bits[key &>> 6] & (1 &<< UInt64(key & 63)) != 0, matches(at: i) { return true }
                                i += 1
                            }
                            return false
                        }
                        return found || matches(at: count - 1)
                    }
                }
            }
        }
    }

    /// Whether `needle` occurs in the string (byte-wise; both are expected in lower case).
    func hasSubstring(_ needle: String) -> Bool {
        ByteScan.firstOffset(of: needle, inUTF8: self) != nil
    }
}

/// Non-empty words as UTF-8 bytes, grouped by their first byte (for `String.hasAnySubstring`), in flat
/// buffers.
struct SubstringSet {
    /// The words' bytes, one after another.
    let bytes: [UInt8]
    /// Each word's place in `bytes`, grouped by first byte: the words starting with byte b are
    /// `words[groupStart[b]..<groupStart[b + 1]]`.
    let words: [(start: Int32, count: Int32)]
    let groupStart: [Int32]
    /// Bit `a << 8 | b` is set when a word starts with the bytes a b, or is the one byte a (then for every
    /// b): a text position whose two bytes have no bit set starts no word, and most positions are such.
    let firstTwoBytes: [UInt64]

    /// Built by a counting sort on the first byte (words keep their order within a group): about 30 sets are
    /// made on a page's first use, and 256 nested arrays per set cost 1.6 M instructions there.
    init(_ words: [String]) {
        var bits = [UInt64](repeating: 0, count: 1024)
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(words.count)
        var starts = [Int32](repeating: 0, count: 257)
        for word in words {
            let bytes = Array(word.utf8)
            guard let first = bytes.first else { continue }
            encoded.append(bytes)
            starts[Int(first) + 1] += 1
            if bytes.count > 1 {
                let key = Int(first) << 8 | Int(bytes[1])
                bits[key >> 6] |= 1 << UInt64(key & 63)
            } else {
                for key in Int(first) << 8 ..< (Int(first) + 1) << 8 { bits[key >> 6] |= 1 << UInt64(key & 63) }
            }
        }
        for byte in 0..<256 { starts[byte + 1] += starts[byte] }
        var next = starts
        var order = [Int](repeating: 0, count: encoded.count)
        for (index, bytes) in encoded.enumerated() {
            let first = Int(bytes[0])
            order[Int(next[first])] = index
            next[first] += 1
        }
        var flat: [UInt8] = [], places: [(start: Int32, count: Int32)] = []
        places.reserveCapacity(encoded.count)
        for index in order {
            places.append((Int32(flat.count), Int32(encoded[index].count)))
            flat.append(contentsOf: encoded[index])
        }
        bytes = flat
        self.words = places
        groupStart = starts
        firstTwoBytes = bits
    }
}
