/// Boilerplate inside the chosen article: readability's conditional cleaning (link-heavy lists and boxes,
/// image-heavy and input-heavy blocks) plus small print (bylines, dates, captions, share bars), galleries and
/// short paragraphs that are mostly a link.
extension ContentExtractor {
    func cleanConditionally(_ root: Int, scores: [Double?], stats: HTMLPageStats, excluded: inout [Bool]) {
        let end = dom.subtreeEnd(root)
        var i = root + 1
        while i < end {
            let node = dom.nodes[i]
            let p = Int(node.parent)
            if p >= 0, excluded[p] { excluded[i] = true; i += 1; continue }
            if excluded[i] || node.isText { i += 1; continue }
            if shouldRemove(i, scores: scores, stats: stats) { excluded[i] = true }
            i += 1
        }
    }

    private func shouldRemove(_ i: Int, scores: [Double?], stats: HTMLPageStats) -> Bool {
        let tag = dom.tags[i]
        let words = BoilerplateHints.classAndID(dom, i)
        let length = Int(stats.textLength[i])
        if !words.isEmpty, !BoilerplateHints.isPositive(words) || length < 80 {
            if length <= 250, BoilerplateHints.isSmallPrint(words) { return true }
            if length < 1500, BoilerplateHints.isGallery(words) { return true }
        }
        if tag == .p, length < 250, stats.linkDensity(i) >= 0.75 { return true }
        let weight = Double(BoilerplateHints.weight(dom, i))
        if tag.headingLevel != nil {
            return weight < 0 || stats.linkDensity(i) > 0.33
        }
        guard [.table, .ul, .ol, .div, .section, .aside, .dl, .figure].contains(tag) else { return false }
        if weight + (scores[i] ?? 0) < 0 { return true }
        if stats.commas[i] >= 10 { return false }
        var paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0
        let end = dom.subtreeEnd(i)
        for j in i..<end where !stats.hidden[j] {
            switch dom.tags[j] {
            case .p: paragraphs += 1
            case .img: images += 1
            case .li: items += 1
            case .input: inputs += 1
            case .embed, .iframe, .object, .video: embeds += 1
            default: break
            }
        }
        let density = stats.linkDensity(i)
        if tag == .figure { return length > 0 && density > 0.5 }
        if images > 1 && paragraphs > 0 && Double(paragraphs) / Double(images) < 0.5 { return true }
        if tag != .ul && tag != .ol && items > paragraphs + 100 { return true }
        if inputs > paragraphs / 3 { return true }
        if length < 25 && (images == 0 || images > 2) && tag != .table && tag != .dl { return length > 0 || images > 2 }
        if tag == .ul || tag == .ol {
            // A list is navigation when most of its items are nothing but a link.
            var linkOnly = 0, total = 0
            for item in dom.children(of: i) where dom.tags[item] == .li && !stats.hidden[item] {
                total += 1
                if stats.linkDensity(item) > 0.8 { linkOnly += 1 }
            }
            if total > 0 && Double(linkOnly) / Double(total) >= 0.6 { return true }
            if density > 0.35 { return true }
        } else if weight < 25 && density > 0.2 { return true }
        if weight >= 25 && density > 0.5 { return true }
        if (embeds == 1 && length < 75) || embeds > 1 { return true }
        return false
    }
}
