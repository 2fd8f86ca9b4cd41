extension HTMLBlockMapper {
    /// A `figure`, or an element marked as an image caption holding one image and a little text: one
    /// `Figure` per image (the caption goes with the last), or plain blocks when it holds more than images.
    func figure(_ i: Int, depth: Int) -> [Block] {
        var imageNodes: [Int] = []
        var caption: Int?
        var other = false
        let end = dom.subtreeEnd(i)
        var j = i + 1
        while j < end {
            if skip[j] { j = dom.subtreeEnd(j); continue }
            if dom.tags[j] == .img { imageNodes.append(j) }
            if dom.tags[j] == .figcaption { caption = j; j = dom.subtreeEnd(j); continue }
            switch dom.tags[j] {
            case .table, .pre, .blockquote, .ul, .ol: other = true
            default: break
            }
            j += 1
        }
        if dom.tags[i] == .figure, caption == nil, stats.textLength[i] > 0 { other = true }
        let images = imageNodes.compactMap(image)
        if images.isEmpty {
            // The picture is loaded by script: its caption alone describes nothing that is shown.
            var out: [Block] = []
            var pending: [Inline] = []
            for child in dom.children(of: i) where dom.tags[child] != .figcaption {
                append(child, to: &out, pending: &pending, depth: depth + 1)
            }
            flush(&pending, into: &out)
            return out
        }
        guard !other else { return contentBlocks(of: i, depth: depth) }
        var text: [Inline]
        if let caption {
            text = InlineWhitespace.normalize(inlines(of: caption, depth: depth + 1))
        } else {
            text = InlineWhitespace.normalize(Self.withoutImages(inlines(of: i, depth: depth)))
        }
        var out: [Block] = []
        for (index, image) in images.enumerated() {
            out.append(.figure(Figure(image: image, caption: index == images.count - 1 ? text : [])))
        }
        return out
    }

    /// Whether an element is a captioned image that is not a `figure` (WordPress's `wp-caption`, a
    /// `div.image-caption` around an `img`, a `div.hero__image` holding an `img` and a `p.hero__caption`).
    func isCaptionedImage(_ i: Int) -> Bool {
        guard stats.textLength[i] <= 400 else { return false }
        let words = BoilerplateHints.classAndID(dom, i)
        guard !words.isEmpty else { return false }
        let named = words.hasSubstring("caption") || words.hasSubstring("figure")
        guard named || BoilerplateHints.isPicture(words) else { return false }
        var images = 0
        var captioned = named
        let end = dom.subtreeEnd(i)
        var j = i + 1
        while j < end {
            if skip[j] { j = dom.subtreeEnd(j); continue }
            let tag = dom.tags[j]
            if tag == .img { images += 1 }
            if tag == .table || tag == .ul || tag == .ol || tag == .pre || tag == .blockquote { return false }
            if !captioned, !dom.nodes[j].isText, tag != .img {
                let inner = BoilerplateHints.classAndID(dom, j)
                captioned = inner.hasSubstring("caption") || inner.hasSubstring("credit") || inner.hasSubstring("legend")
            }
            j += 1
        }
        return images == 1 && captioned
    }

    static func withoutImages(_ inlines: [Inline]) -> [Inline] {
        inlines.compactMap { inline in
            switch inline {
            case .image: return nil
            case .link(var link):
                link.content = withoutImages(link.content)
                return link.content.isEmpty ? nil : .link(link)
            default: return inline
            }
        }
    }
}
