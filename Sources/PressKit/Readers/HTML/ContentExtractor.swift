/// Finds a page's main content: readability's paragraph scoring (text length, commas, link density,
/// class/id hints, tag weights) over a page already stripped of furniture (navigation, headers, footers,
/// asides, banners, share bars, comments, related lists…), then the best candidate with its qualifying
/// siblings, then boilerplate pruned inside it; then the article's own header above it (lead, key points,
/// lead photo). When the candidate is missing or too short for the page, it falls back step by step.
struct ContentExtractor {
    /// The article: the elements to map, in document order, and the nodes to leave out inside them.
    struct Extraction {
        var roots: [Int]
        var excluded: [Bool]
        /// How the article was found, for the metadata's provenance (`extra["extraction"]`): "article" (the
        /// best-scoring candidate with its siblings), "relaxed" (the same with the page's furniture kept, when
        /// the strict pass found too little), "container" (a broader container around a candidate too short
        /// for the page), "text run" (the densest run of text blocks), "page" (the page without its
        /// furniture).
        var path = "article"
    }

    /// One way of finding the article, with what the fallbacks need from it.
    struct Attempt {
        var extraction: Extraction
        /// Visible characters in the article's roots.
        var textLength: Int
        /// The candidate the roots were grown from (nil: none stood out).
        var top: Int?
        /// The scores and the page's stats with the furniture left out (before pruning inside the article).
        var scores: [Double?]
        var stats: HTMLPageStats
    }

    let dom: HTMLDOM
    /// The page's description (`<meta name=description>`, og:description): a paragraph above the body that
    /// repeats it is the article's lead.
    var description: String? = nil

    /// Below this many characters, an article is short enough to look for more.
    static let shortArticle = 250

    /// The article of the page, or the whole body when no candidate stands out. `base`: the page's stats
    /// without exclusions, when the caller has them already.
    func extract(base: HTMLPageStats? = nil) -> Extraction {
        let body = dom.first(.body) ?? 0
        let base = base ?? HTMLPageStats(dom: dom)
        let (markers, initial) = pageMarks(base, body: body)
        let strict = extract(body: body, base: base, ruthless: true, markers: markers, initial: initial)
        var best = strict
        if strict.textLength < Self.shortArticle {
            var relaxed = extract(body: body, base: base, ruthless: false, markers: markers, initial: initial)
            if relaxed.extraction.path == "article" { relaxed.extraction.path = "relaxed" }
            if relaxed.textLength > strict.textLength { best = relaxed }
            best = fallback(best, strict: strict, body: body, base: base)
        }
        var extraction = best.extraction
        addArticleHeader(&extraction, initial: initial, base: base, body: body)
        return extraction
    }

    private func extract(body: Int, base: HTMLPageStats, ruthless: Bool, markers: [Bool], initial: [Bool]) -> Attempt {
        var excluded = initial
        if ruthless { removeFurniture(body: body, base: base, markers: markers, excluded: &excluded) }
        let stats = HTMLPageStats(dom: dom, excluded: excluded, facts: base.facts)
        let scores = scoreParagraphs(body: body, stats: stats)
        guard let top = bestCandidate(body: body, scores: scores, stats: stats) else {
            return Attempt(extraction: Extraction(roots: [body], excluded: excluded, path: "page"),
                           textLength: Int(stats.textLength[body]), top: nil, scores: scores, stats: stats)
        }
        let roots = withSiblings(top, scores: scores, stats: stats, body: body)
        let length = cleaned(roots, scores: scores, stats: stats, excluded: &excluded)
        return Attempt(extraction: Extraction(roots: roots, excluded: excluded), textLength: length, top: top,
                       scores: scores, stats: stats)
    }

    /// Prunes boilerplate inside `roots` and returns the text length left in them.
    func cleaned(_ roots: [Int], scores: [Double?], stats: HTMLPageStats, excluded: inout [Bool]) -> Int {
        for root in roots { cleanConditionally(root, scores: scores, stats: stats, excluded: &excluded) }
        let finalStats = HTMLPageStats(dom: dom, excluded: excluded, facts: stats.facts)
        return roots.reduce(0) { $0 + Int(finalStats.textLength[$1]) }
    }

    // MARK: furniture

    /// In one pass over the page: the nodes that contain the article by the page's own markup (`article`,
    /// `main`, `role=main`, `itemprop=articleBody`), and the nodes never shown: `base.hidden` plus text
    /// meant for screen readers only (`sr-only`, `visually-hidden`, `hidden`…; `ScreenReaderText`).
    private func pageMarks(_ stats: HTMLPageStats, body: Int) -> (markers: [Bool], initial: [Bool]) {
        var marks = [Bool](repeating: false, count: dom.nodes.count)
        var initial = stats.hidden
        let bodyText = body < stats.textLength.count ? stats.textLength[body] : 0
        var i = dom.nodes.count - 1
        while i >= 0 {
            let node = dom.nodes[i]
            if !node.isText, !stats.hidden[i] {
                if dom.tags[i] == .article || dom.tags[i] == .main || dom.attribute(.role, of: i) == "main"
                    || (dom.attribute(.itemprop, of: i)?.fastLowercased().hasSubstring("articlebody") ?? false) {
                    if stats.textLength[i] >= 200 { marks[i] = true }
                }
                // Never the bulk of the page: a whole article behind a class that a script removes stays.
                if ScreenReaderText.isHidden(dom, i), !marks[i], stats.textLength[i] * 2 <= bodyText || stats.textLength[i] < 500 {
                    initial[i] = true
                }
                if marks[i], node.parent >= 0 { marks[Int(node.parent)] = true }
            }
            i -= 1
        }
        return (marks, initial)
    }

    private func removeFurniture(body: Int, base: HTMLPageStats, markers: [Bool], excluded: inout [Bool]) {
        let end = dom.subtreeEnd(body)
        var inArticle = [Bool](repeating: false, count: dom.nodes.count)
        var i = body + 1
        while i < end {
            let node = dom.nodes[i]
            let p = Int(node.parent)
            if p >= 0, excluded[p] { excluded[i] = true; i += 1; continue }
            if node.isText { i += 1; continue }
            if p >= 0 { inArticle[i] = inArticle[p] }
            if dom.tags[i] == .article || dom.tags[i] == .main { inArticle[i] = true }
            if !markers[i], isFurniture(i, base: base, insideArticle: inArticle[i]) {
                excluded[i] = true
            }
            i += 1
        }
    }

    private func isFurniture(_ i: Int, base: HTMLPageStats, insideArticle: Bool) -> Bool {
        let tag = dom.tags[i]
        switch tag {
        case .nav, .aside, .footer, .menu: return true
        case .header: return !insideArticle || base.textLength[i] < 400
        case .form: return base.textLength[i] < 1000 || base.linkDensity(i) > 0.5
        default: break
        }
        if let role = dom.attribute(.role, of: i)?.fastLowercased(), HTMLElementKinds.boilerplateRoles.contains(role) {
            return true
        }
        let words = BoilerplateHints.classAndID(dom, i)
        if words.isEmpty || tag == .body || tag == .html || tag == .a { return false }
        if base.textLength[i] < 1500, BoilerplateHints.isAuthorBox(words) { return true }
        return BoilerplateHints.isUnlikely(words)
    }

    // MARK: scoring

    private static func isParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .blockquote: return true
        default: return false
        }
    }

    private static func isInlineContainer(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .span, .a, .b, .i, .em, .strong, .font, .u, .small, .big, .sup, .sub, .abbr, .cite, .code, .time, .mark,
             .s, .strike, .q, .label, .img, .br: return true
        default: return false
        }
    }

    private func scoreParagraphs(body: Int, stats: HTMLPageStats) -> [Double?] {
        var scores = [Double?](repeating: nil, count: dom.nodes.count)
        let end = dom.subtreeEnd(body)
        for i in body..<end where !stats.hidden[i] && !dom.nodes[i].isText {
            let tag = dom.tags[i]
            if Self.isInlineContainer(tag) || tag == .li { continue }
            let isParagraph = Self.isParagraph(tag)
            let length = Int(isParagraph ? stats.textLength[i] : stats.inlineTextLength[i])
            if length < 25 { continue }
            let score = 1.0 + Double(isParagraph ? stats.commas[i] : directCommas(i, stats: stats))
                + min(Double(length) / 100.0, 3.0)
            var ancestor = isParagraph ? Int(dom.nodes[i].parent) : i
            var level = 0
            while ancestor >= 0, level < 5 {
                if scores[ancestor] == nil { scores[ancestor] = initialScore(ancestor) }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * 3.0)
                scores[ancestor]! += score / divider
                if ancestor == body { break }
                ancestor = Int(dom.nodes[ancestor].parent)
                level += 1
            }
        }
        for i in scores.indices where scores[i] != nil {
            scores[i]! *= 1.0 - stats.linkDensity(i)
        }
        return scores
    }

    private func directCommas(_ i: Int, stats: HTMLPageStats) -> Int32 {
        var c: Int32 = 0
        for child in dom.children(of: i) where !stats.hidden[child] && !stats.hasBlock[child] { c += stats.commas[child] }
        return c
    }

    private func initialScore(_ i: Int) -> Double {
        var score: Double
        switch dom.tags[i] {
        case .div, .article, .main: score = 5
        case .pre, .td, .blockquote, .section: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        return score + Double(BoilerplateHints.weight(dom, i))
    }

    private func bestCandidate(body: Int, scores: [Double?], stats: HTMLPageStats) -> Int? {
        var best = -1
        var bestScore = -Double.infinity
        for (i, s) in scores.enumerated() {
            if let s, s > bestScore { best = i; bestScore = s }
        }
        guard best >= 0 else { return nil }
        var top = best
        // When several near-best candidates share an ancestor, the article is that ancestor (readability.js).
        // Only scored nodes: with a negative best score, an unscored node's stand-in (-1) passed the
        // threshold and the sort below unwrapped nil (found by fuzzing).
        let alternatives = scores.indices.filter { $0 != best && (scores[$0].map { $0 >= bestScore * 0.75 } ?? false) }
            .sorted { scores[$0]! > scores[$1]! }.prefix(4)
        if alternatives.count >= 3 {
            var ancestor = Int(dom.nodes[best].parent)
            while ancestor >= 0 && ancestor != body {
                let end = dom.subtreeEnd(ancestor)
                let contained = alternatives.filter { $0 > ancestor && $0 < end }.count
                if contained >= 3 { top = ancestor; break }
                ancestor = Int(dom.nodes[ancestor].parent)
            }
        }
        // A parent that scores higher than the candidate holds more of the article.
        // (A lone child stands for its parent, below.)
        var lastScore = scores[top] ?? bestScore
        var parent = Int(dom.nodes[top].parent)
        while parent >= 0, top != body {
            guard let ps = scores[parent] else { parent = Int(dom.nodes[parent].parent); continue }
            if ps < lastScore / 3 { break }
            if ps > lastScore { top = parent; break }
            lastScore = ps
            parent = Int(dom.nodes[parent].parent)
        }
        while top != body, dom.nodes[top].parent >= 0 {
            let p = Int(dom.nodes[top].parent)
            let visibleChildren = dom.children(of: p).filter { !stats.hidden[$0] && (stats.textLength[$0] > 0 || !dom.nodes[$0].isText) }
            if visibleChildren.count == 1 { top = p } else { break }
        }
        // An article cut into sections of one class (a CMS's content blocks): the section holding the
        // candidate stands for it when a sibling section of the same class holds more text.
        var ancestor = top
        for _ in 0..<8 {
            guard ancestor != body, dom.nodes[ancestor].parent >= 0 else { break }
            if ancestor != top, let cls = dom.attribute(.class, of: ancestor), !cls.isEmpty {
                let parent = Int(dom.nodes[ancestor].parent)
                let hasTwin = dom.children(of: parent).contains {
                    $0 != ancestor && dom.attribute(.class, of: $0) == cls && stats.textLength[$0] >= 200
                        && stats.linkDensity($0) < 0.3
                }
                if hasTwin { top = ancestor; break }
            }
            ancestor = Int(dom.nodes[ancestor].parent)
        }
        return top
    }

    private func withSiblings(_ top: Int, scores: [Double?], stats: HTMLPageStats, body: Int) -> [Int] {
        guard top != body, dom.nodes[top].parent >= 0 else { return [top] }
        let topScore = scores[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = dom.attribute(.class, of: top) ?? ""
        var roots: [Int] = []
        for sibling in dom.children(of: Int(dom.nodes[top].parent)) {
            if sibling == top { roots.append(sibling); continue }
            if stats.hidden[sibling] || dom.nodes[sibling].isText { continue }
            var bonus = 0.0
            if !topClass.isEmpty, dom.attribute(.class, of: sibling) == topClass { bonus = topScore * 0.2 }
            if let s = scores[sibling], s + bonus >= threshold { roots.append(sibling); continue }
            if bonus > 0, stats.textLength[sibling] >= 200, stats.linkDensity(sibling) < 0.3 { roots.append(sibling); continue }
            if dom.tags[sibling] == .p {
                let length = stats.textLength[sibling]
                let density = stats.linkDensity(sibling)
                if length > 80 && density < 0.25 { roots.append(sibling); continue }
                if length <= 80 && length > 0 && density == 0 && endsSentence(sibling) { roots.append(sibling) }
            }
        }
        return roots
    }

    private func endsSentence(_ i: Int) -> Bool {
        let text = dom.textContent(i)
        return text.hasSubstring(". ") || text.trimmingSuffixWhitespace().hasSuffix(".")
    }
}

extension String {
    fileprivate func trimmingSuffixWhitespace() -> Substring {
        var s = self[...]
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }
}
