/// Never a near-empty article when the page has text: when the best candidate is missing or holds too little
/// of the page's text (a recipe whose steps are list items, an old layout table of `<br>`-separated lines, a
/// magazine grid of short blocks), the extractor falls back step by step, as trafilatura falls back to its
/// baseline: a broader container around the candidate, then the densest run of text blocks, then the page
/// without its furniture. Each step is measured on the page with its furniture left out.
extension ContentExtractor {
    func fallback(_ best: Attempt, strict: Attempt, body: Int, base: HTMLPageStats) -> Attempt {
        let stats = strict.stats
        let page = Int(stats.textLength[body])
        // Enough: half of the page's text without furniture, up to a short article's length.
        let target = min(Self.shortArticle, page / 2)
        guard best.textLength < target || (best.top == nil && page > 0) else { return best }
        if let top = best.top ?? strict.top, let container = broaderContainer(top, target: target, body: body, strict: strict) {
            return container
        }
        if let run = densestRun(body: body, target: target, strict: strict) { return run }
        if best.top == nil { return best }
        return Attempt(extraction: Extraction(roots: [body], excluded: stats.hidden, path: "page"), textLength: page,
                       top: nil, scores: strict.scores, stats: stats)
    }

    /// The nearest ancestor of the candidate (below `body`) that holds `target` characters and is not mostly
    /// links, pruned like an article.
    private func broaderContainer(_ top: Int, target: Int, body: Int, strict: Attempt) -> Attempt? {
        let stats = strict.stats
        var node = top
        for _ in 0..<6 {
            let parent = Int(dom.nodes[node].parent)
            guard node != body, parent >= 0, parent != body, !stats.hidden[parent] else { return nil }
            node = parent
            guard Int(stats.textLength[node]) >= target else { continue }
            guard stats.linkDensity(node) < 0.5 else { return nil }
            var excluded = stats.hidden
            let length = cleaned([node], scores: strict.scores, stats: stats, excluded: &excluded)
            guard length >= target else { return nil }
            return Attempt(extraction: Extraction(roots: [node], excluded: excluded, path: "container"),
                           textLength: length, top: node, scores: strict.scores, stats: stats)
        }
        return nil
    }

    /// The run of consecutive text blocks (block elements without block children) with the most text, links
    /// counted against it and every block costing a little, so that menus and link lists split runs apart.
    /// Its roots are the largest elements that hold nothing but the run's text.
    private func densestRun(body: Int, target: Int, strict: Attempt) -> Attempt? {
        let stats = strict.stats
        let facts = stats.facts
        let end = dom.subtreeEnd(body)
        // Visible text before each node, to tell whether an element holds text outside the run.
        var before = [Int32](repeating: 0, count: end - body + 1)
        var units: [(node: Int, value: Int)] = []
        var j = body
        while j < end {
            let k = j - body
            if stats.hidden[j] {
                let skipTo = dom.subtreeEnd(j)
                for m in k..<(skipTo - body) { before[m + 1] = before[m] }
                j = skipTo
                continue
            }
            before[k + 1] = before[k] + (dom.nodes[j].isText ? facts.textLength[j] : 0)
            if !dom.nodes[j].isText, facts.isBlock[j], stats.textLength[j] > 0,
               !dom.children(of: j).contains(where: { !stats.hidden[$0] && stats.hasBlock[$0] }) {
                let text = Int(stats.textLength[j]), links = Int(stats.linkTextLength[j])
                units.append((j, text - 3 * links - 15))
            }
            j += 1
        }
        // Kadane's maximum-sum run.
        var bestSum = 0, bestStart = 0, bestEnd = -1
        var sum = 0, start = 0
        for (index, unit) in units.enumerated() {
            if sum <= 0 { sum = 0; start = index }
            sum += unit.value
            if sum > bestSum { bestSum = sum; bestStart = start; bestEnd = index }
        }
        guard bestEnd >= 0 else { return nil }
        let runStart = units[bestStart].node, runEnd = dom.subtreeEnd(units[bestEnd].node)
        func text(_ a: Int, _ b: Int) -> Int32 { before[b - body] - before[a - body] }
        var roots: [Int] = []
        for unit in units[bestStart...bestEnd] {
            if let last = roots.last, unit.node < dom.subtreeEnd(last) { continue }
            var node = unit.node
            while true {
                let parent = Int(dom.nodes[node].parent)
                guard parent > body else { break }
                let parentEnd = dom.subtreeEnd(parent)
                if (parent < runStart && text(parent, runStart) != 0) || (parentEnd > runEnd && text(runEnd, parentEnd) != 0) { break }
                node = parent
            }
            let nodeEnd = dom.subtreeEnd(node)
            while let last = roots.last, last >= node, last < nodeEnd { roots.removeLast() }
            roots.append(node)
        }
        let length = roots.reduce(0) { $0 + Int(stats.textLength[$1]) }
        guard length >= target else { return nil }
        return Attempt(extraction: Extraction(roots: roots, excluded: stats.hidden, path: "text run"), textLength: length,
                       top: nil, scores: strict.scores, stats: stats)
    }
}
