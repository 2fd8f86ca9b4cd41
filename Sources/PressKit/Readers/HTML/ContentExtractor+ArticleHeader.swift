/// The article's own header: what stands between the headline and the body the extractor chose, and that a
/// reader sees as part of the article — the lead (standfirst, teaser, `<p class="lead">`, a paragraph that
/// repeats the page's description), a key-points list ("Das Wichtigste in Kürze", "Key points") and the lead
/// photo with its caption. Often it sits in a `<header>` (furniture to the extractor) or in a container of
/// its own beside the body's, so the candidate and its siblings miss it.
///
/// Only the stretch from the headline's container to the body's first text is looked at, and only blocks
/// that read as article: bylines, dates, share bars, breadcrumbs, link lists and teaser cards of other
/// articles (repeated blocks of one class, a linked heading above a short text) stay out.
extension ContentExtractor {
    func addArticleHeader(_ extraction: inout Extraction, initial: [Bool], base: HTMLPageStats, body: Int) {
        guard extraction.roots.first != body, let (start, includedHeadline) = firstText(extraction) else { return }
        guard let headline = includedHeadline ?? headline(before: start, body: body, initial: initial) else { return }
        // The walk starts at the headline's container below the element both share (a hero block holding the
        // photo, the headline and the lead), or at the headline itself when that container holds much else.
        var from = headline
        let shared = commonAncestor(headline, start)
        while dom.nodes[from].parent >= 0, Int(dom.nodes[from].parent) != shared { from = Int(dom.nodes[from].parent) }
        if base.textLength[from] > 1500 { from = headline }

        var accepted: [Int] = []
        var pendingHeading: Int?
        var hintEnd = -1  // inside a container named lead / key points / standfirst up to here
        var acceptedText = 0
        var j = from
        while j < start, acceptedText < 2500 {
            let node = dom.nodes[j]
            let end = dom.subtreeEnd(j)
            if node.isText || initial[j] { j = end; continue }
            if end > start || (j < headline && end > headline) { j += 1; continue }  // holds the body or headline
            if j == headline { j = end; continue }
            if isIncluded(j, extraction) { j += 1; continue }  // already shown: look for left-out parts inside
            switch headerBlock(j, base: base, hinted: j < hintEnd, headline: headline) {
            case .skip:
                pendingHeading = nil
                j = end
            case .look(let hinted):
                if hinted { hintEnd = max(hintEnd, end) }
                j += 1
            case .heading:
                pendingHeading = j
                j = end
            case .block(let isList):
                if isList, let heading = pendingHeading { accepted.append(heading) }
                pendingHeading = nil
                accepted.append(j)
                acceptedText += Int(base.textLength[j])
                j = end
            }
        }
        for node in accepted { include(node, in: &extraction, initial: initial, base: base) }
        extraction.roots.sort()
    }

    private enum HeaderBlock {
        case skip
        /// A container: look at its children (`hinted`: its class names a lead or key points).
        case look(hinted: Bool)
        /// A short heading that goes with the list after it.
        case heading
        case block(isList: Bool)
    }

    private func headerBlock(_ j: Int, base: HTMLPageStats, hinted: Bool, headline: Int) -> HeaderBlock {
        let tag = dom.tags[j]
        switch tag {
        case .nav, .aside, .footer, .menu, .form, .button, .time, .address, .table, .iframe, .svg: return .skip
        default: break
        }
        if let role = dom.attribute(.role, of: j)?.fastLowercased(), HTMLElementKinds.boilerplateRoles.contains(role) { return .skip }
        let words = BoilerplateHints.classAndID(dom, j)
        let leadHint = !words.isEmpty && BoilerplateHints.isLead(words)
        if isLeadFigure(j, words: words, base: base) { return .block(isList: false) }
        if tag == .figure || tag == .figcaption || tag == .picture || tag == .img
            || (BoilerplateHints.isPicture(words) && dom.first(.img, under: j) != nil) {
            return .skip  // a video's poster, a picture without its image, a caption without its picture
        }
        if !words.isEmpty, !leadHint, BoilerplateHints.isUnlikely(words) || BoilerplateHints.isSmallPrint(words)
            || BoilerplateHints.isGallery(words) {
            return .skip
        }
        let length = Int(base.textLength[j])
        if length == 0 { return .skip }
        if tag == .ul || tag == .ol { return isKeyPoints(j, base: base) ? .block(isList: true) : .skip }
        if isRepeatedCard(j, below: commonAncestor(j, headline)) { return .skip }
        let hasBlockChild = dom.children(of: j).contains { !base.hidden[$0] && base.hasBlock[$0] }
        if hasBlockChild { return .look(hinted: leadHint) }
        if let level = tag.headingLevel {
            // A summary set as a heading under the headline is the subtitle (the press pass's field), not body.
            return level > 1 && length <= 80 && base.linkDensity(j) == 0 ? .heading : .skip
        }
        return isLead(j, length: length, hinted: hinted || leadHint, base: base) ? .block(isList: false) : .skip
    }

    /// A paragraph that reads as the article's lead: named so (or inside a container named so), the page's
    /// description, or a long sentence with few links that is not a teaser of another article.
    private func isLead(_ j: Int, length: Int, hinted: Bool, base: HTMLPageStats) -> Bool {
        guard length >= 30, base.linkDensity(j) < 0.25, !followsLinkedHeading(j, base: base) else { return false }
        if hinted && length >= 50 { return true }
        let text = HTMLText.collapse(dom.textContent(j))
        if let description, HTMLReader.sameWords(text, description, prefix: true) { return true }
        guard length >= 100, text.split(separator: " ").count >= 12 else { return false }
        guard let last = text.last else { return false }
        return ".!?…\"”»“)".contains(last)
    }

    /// A bulleted summary: at least two items of running text, hardly any links.
    private func isKeyPoints(_ j: Int, base: HTMLPageStats) -> Bool {
        guard base.linkDensity(j) < 0.3, base.textLength[j] <= 2000 else { return false }
        var items = 0
        for child in dom.children(of: j) where !base.hidden[child] && dom.tags[child] == .li {
            if base.textLength[child] == 0 { continue }
            if base.textLength[child] < 15 { return false }
            items += 1
        }
        return items >= 2 && Int(base.textLength[j]) >= 25 * items
    }

    /// A photo the reader maps as a figure: a `figure`, or an element named as a picture or caption holding
    /// one image (not a logo, avatar or icon) with its caption; not a video's poster or a link to elsewhere.
    private func isLeadFigure(_ j: Int, words: String, base: HTMLPageStats) -> Bool {
        let tag = dom.tags[j]
        let named = words.hasSubstring("caption") || words.hasSubstring("figure")
        guard tag == .figure || named || BoilerplateHints.isPicture(words), !BoilerplateHints.isGallery(words),
              !BoilerplateHints.isVideo(words), base.textLength[j] <= 400, base.linkDensity(j) < 0.1 else { return false }
        var images = 0
        var captioned = tag == .figure || named
        let end = dom.subtreeEnd(j)
        var k = j + 1
        while k < end {
            if base.hidden[k] { k = dom.subtreeEnd(k); continue }
            let inner = dom.tags[k]
            switch inner {
            case .img:
                let hints = BoilerplateHints.classAndID(dom, k) + " " + (dom.attribute(.src, of: k) ?? "").fastLowercased()
                if BoilerplateHints.isIcon(hints) { return false }
                images += 1
            case .ul, .ol, .table, .h1, .h2, .h3, .video, .iframe, .button: return false
            default:
                if !captioned, !dom.nodes[k].isText {
                    let hints = BoilerplateHints.classAndID(dom, k)
                    captioned = inner == .figcaption || inner == .figure || hints.hasSubstring("caption")
                        || hints.hasSubstring("credit") || hints.hasSubstring("legend")
                }
            }
            k += 1
        }
        return images == 1 && captioned
    }

    /// Whether `j` or an element around it (below `limit`) has a sibling of the same class: a card in a
    /// row of teasers, not the article's header.
    private func isRepeatedCard(_ j: Int, below limit: Int) -> Bool {
        var node = j
        while node >= 0, node != limit {
            let parent = Int(dom.nodes[node].parent)
            guard parent >= 0 else { break }
            if let cls = dom.attribute(.class, of: node), !cls.isEmpty {
                let name = dom.nodes[node].name
                if dom.children(of: parent).contains(where: {
                    $0 != node && dom.nodes[$0].name == name && dom.attribute(.class, of: $0) == cls
                }) { return true }
            }
            node = parent
        }
        return false
    }

    /// Whether the element right before `j` is a heading that is a link: the title of a teaser card.
    private func followsLinkedHeading(_ j: Int, base: HTMLPageStats) -> Bool {
        let parent = Int(dom.nodes[j].parent)
        guard parent >= 0 else { return false }
        var previous = -1
        for child in dom.children(of: parent) {
            if child == j { break }
            if !dom.nodes[child].isText, !base.hidden[child] { previous = child }
        }
        guard previous >= 0 else { return false }
        let tag = dom.tags[previous]
        let isHeading = tag == .a || tag.headingLevel != nil
        return isHeading && tag.headingLevel != 1 && base.linkDensity(previous) > 0.5
    }

    // MARK: where the article starts

    /// The first visible text of the extraction (outside its leading `h1`), and that `h1` when the
    /// extraction starts with it.
    private func firstText(_ extraction: Extraction) -> (start: Int, headline: Int?)? {
        var headline: Int?
        for root in extraction.roots {
            let end = dom.subtreeEnd(root)
            var j = root
            while j < end {
                if extraction.excluded[j] { j = dom.subtreeEnd(j); continue }
                let node = dom.nodes[j]
                if node.isText {
                    if HTMLPageStats.measure(node.text).0 > 0 { return (j, headline) }
                } else if dom.tags[j] == .h1, headline == nil {
                    headline = j
                    j = dom.subtreeEnd(j)
                    continue
                }
                j += 1
            }
        }
        return nil
    }

    /// The nearest visible `h1` before `start` that is not the site's name in its banner.
    private func headline(before start: Int, body: Int, initial: [Bool]) -> Int? {
        var j = start - 1
        let limit = max(body, start - 4000)
        while j > limit {
            if dom.tags[j] == .h1, dom.subtreeEnd(j) <= start {
                var visible = true
                var k = j
                while k > body, visible { if initial[k] { visible = false }; k = Int(dom.nodes[k].parent) }
                if visible {
                    let words = BoilerplateHints.classAndID(dom, j) + " " + BoilerplateHints.classAndID(dom, Int(dom.nodes[j].parent))
                    return BoilerplateHints.isSiteName(words) ? nil : j
                }
            }
            j -= 1
        }
        return nil
    }

    private func commonAncestor(_ a: Int, _ b: Int) -> Int {
        var x = a
        while x >= 0 {
            if x <= b && b < dom.subtreeEnd(x) { return x }
            x = Int(dom.nodes[x].parent)
        }
        return 0
    }

    private func isIncluded(_ j: Int, _ extraction: Extraction) -> Bool {
        guard !extraction.excluded[j] else { return false }
        return extraction.roots.contains { $0 <= j && j < dom.subtreeEnd($0) }
    }

    /// Makes `node` part of the article: shown again inside a root, or a root of its own.
    private func include(_ node: Int, in extraction: inout Extraction, initial: [Bool], base: HTMLPageStats) {
        let end = dom.subtreeEnd(node)
        var k = node
        while k < end {
            // A photo's credit line inside its caption ("Alex Wong | Getty Images") stays out (not a
            // container of the picture and its credit, "image-and-copyright-container").
            if k != node, !dom.nodes[k].isText, base.textLength[k] <= 150,
               BoilerplateHints.isCredit(BoilerplateHints.classAndID(dom, k)), dom.first(.img, under: k) == nil {
                let creditEnd = dom.subtreeEnd(k)
                for c in k..<creditEnd { extraction.excluded[c] = true }
                k = creditEnd
                continue
            }
            extraction.excluded[k] = initial[k]
            k += 1
        }
        var ancestor = Int(dom.nodes[node].parent)
        var insideRoot = false
        while ancestor >= 0 {
            if extraction.roots.contains(ancestor) { insideRoot = true }
            extraction.excluded[ancestor] = initial[ancestor]
            ancestor = Int(dom.nodes[ancestor].parent)
        }
        if !insideRoot { extraction.roots.append(node) }
    }
}
