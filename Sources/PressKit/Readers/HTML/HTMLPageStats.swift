/// Per-node facts about a page, computed in two linear passes over the flat DOM: which nodes are hidden or
/// never content, and how much text (and linked text) each subtree holds.
struct HTMLPageStats {
    /// Nodes that are never content: scripts, forms controls, `[hidden]`, `aria-hidden`, `display:none`…
    var hidden: [Bool]
    /// Visible characters in the subtree, whitespace runs counted once.
    var textLength: [Int32]
    /// Visible characters inside links in the subtree.
    var linkTextLength: [Int32]
    /// Commas (Latin and CJK) in the subtree's visible text.
    var commas: [Int32]
    /// Whether the subtree holds a block-level element.
    var hasBlock: [Bool]
    /// Visible characters of text directly in the element or in inline children without blocks.
    var inlineTextLength: [Int32]
    /// The per-node facts that do not depend on exclusion, shared by every stats of the same page.
    let facts: HTMLNodeFacts

    /// Computes the facts; nodes marked in `excluded` (and their subtrees) count as hidden. `facts` (from
    /// another stats of the same DOM) saves measuring the page's text again.
    init(dom: HTMLDOM, excluded: [Bool]? = nil, facts: HTMLNodeFacts? = nil) {
        let facts = facts ?? HTMLNodeFacts(dom: dom)
        self.facts = facts
        let n = dom.nodes.count
        hidden = [Bool](repeating: false, count: n)
        textLength = [Int32](repeating: 0, count: n)
        linkTextLength = [Int32](repeating: 0, count: n)
        commas = [Int32](repeating: 0, count: n)
        hasBlock = [Bool](repeating: false, count: n)
        inlineTextLength = [Int32](repeating: 0, count: n)
        var inLink = [Bool](repeating: false, count: n)
        // Top-down: hidden, inside a link.
        for i in 0..<n {
            let p = Int(dom.nodes[i].parent)
            if p >= 0 {
                if hidden[p] { hidden[i] = true; continue }
                inLink[i] = inLink[p]
            }
            if let excluded, excluded[i] { hidden[i] = true; continue }
            if dom.nodes[i].isText { continue }
            if facts.isLink[i] { inLink[i] = true }
            if facts.hiddenSelf[i] { hidden[i] = true }
        }
        // Bottom-up: text sums.
        var i = n - 1
        while i >= 0 {
            if !hidden[i] {
                if dom.nodes[i].isText {
                    let length = facts.textLength[i]
                    textLength[i] = length
                    commas[i] = facts.commas[i]
                    if inLink[i] { linkTextLength[i] = length }
                    inlineTextLength[i] = length
                } else if facts.isBlock[i] {
                    hasBlock[i] = true
                }
                let p = Int(dom.nodes[i].parent)
                if p >= 0 {
                    textLength[p] += textLength[i]
                    linkTextLength[p] += linkTextLength[i]
                    commas[p] += commas[i]
                    if hasBlock[i] { hasBlock[p] = true }
                    if !hasBlock[i] { inlineTextLength[p] += textLength[i] }
                }
            }
            i -= 1
        }
    }

    /// Link density of a subtree: linked characters over all characters.
    func linkDensity(_ i: Int) -> Double {
        let t = textLength[i]
        return t == 0 ? 0 : Double(linkTextLength[i]) / Double(t)
    }

    fileprivate static func isHiddenByAttributes(_ dom: HTMLDOM, _ i: Int) -> Bool {
        var a = Int(dom.nodes[i].attributeStart)
        let end = a + Int(dom.nodes[i].attributeCount)
        while a < end {
            let kind = dom.attributeKinds[a]
            if kind == .hidden { return true }
            if kind == .ariaHidden, dom.attributeValues[a].fastLowercased() == "true" { return true }
            if kind == .style {
                let style = String(decoding: dom.attributeValues[a].fastLowercased().utf8.filter { $0 != 32 }, as: UTF8.self)
                if style.hasSubstring("display:none") || style.hasSubstring("visibility:hidden") { return true }
            }
            if kind == .type, dom.tags[i] == .input { return true }
            a += 1
        }
        return false
    }

    /// Characters with whitespace runs counted once (no leading/trailing), and commas.
    static func measure(_ text: String) -> (Int32, Int32) {
        var count: Int32 = 0
        var commas: Int32 = 0
        var space = true
        var wide = false
        // On the contiguous UTF-8 (a byte loop over a buffer, not the UTF8View's iterator).
        var contiguous = text
        contiguous.withUTF8 { bytes in
            for b in bytes {
                if b == 32 || b == 10 || b == 9 || b == 13 || b == 12 {
                    if !space { count += 1; space = true }
                    continue
                }
                if b & 0xC0 == 0x80 { continue }  // UTF-8 continuation byte
                space = false
                count += 1
                if b == 44 { commas += 1 }
                if b == 0xEF || b == 0xE3 { wide = true }
            }
        }
        if space && count > 0 { count -= 1 }
        if wide {
            commas += Int32(text.filter { $0 == "，" || $0 == "、" }.count)
        }
        return (count, commas)
    }
}

/// What each node of a page is by itself, whatever is excluded around it: computed once per page and
/// shared by the `HTMLPageStats` the reader builds (text is measured once, attributes read once).
struct HTMLNodeFacts {
    /// Elements never content by their name or attributes (`HTMLTag.isDropped`, `hidden`, …).
    var hiddenSelf: [Bool]
    /// `a` elements.
    var isLink: [Bool]
    /// Block-level elements (`HTMLTag.isBlock`).
    var isBlock: [Bool]
    /// Text nodes' visible characters and commas (`HTMLPageStats.measure`).
    var textLength: [Int32]
    var commas: [Int32]

    init(dom: HTMLDOM) {
        let n = dom.nodes.count
        hiddenSelf = [Bool](repeating: false, count: n)
        isLink = [Bool](repeating: false, count: n)
        isBlock = [Bool](repeating: false, count: n)
        textLength = [Int32](repeating: 0, count: n)
        commas = [Int32](repeating: 0, count: n)
        // Text under an element hidden by itself is hidden in every stats of the page (exclusion only hides
        // more) and never read: it is not measured (a page's JSON-LD script can be as long as its text).
        var underHidden = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let p = Int(dom.nodes[i].parent)
            if p >= 0, underHidden[p] {
                underHidden[i] = true
                if dom.nodes[i].isText { continue }
            }
            if dom.nodes[i].isText {
                (textLength[i], commas[i]) = HTMLPageStats.measure(dom.nodes[i].text)
                continue
            }
            let tag = dom.tags[i]
            isLink[i] = tag == .a
            isBlock[i] = tag.isBlock
            hiddenSelf[i] = tag.isDropped || HTMLPageStats.isHiddenByAttributes(dom, i)
            if hiddenSelf[i] { underHidden[i] = true }
        }
    }
}
