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
    /// Depth from the root.
    var depth: [Int32]

    /// Computes the facts; nodes marked in `excluded` (and their subtrees) count as hidden.
    init(dom: HTMLDOM, excluded: [Bool]? = nil) {
        let n = dom.nodes.count
        hidden = [Bool](repeating: false, count: n)
        textLength = [Int32](repeating: 0, count: n)
        linkTextLength = [Int32](repeating: 0, count: n)
        commas = [Int32](repeating: 0, count: n)
        hasBlock = [Bool](repeating: false, count: n)
        inlineTextLength = [Int32](repeating: 0, count: n)
        depth = [Int32](repeating: 0, count: n)
        var inLink = [Bool](repeating: false, count: n)
        // Top-down: hidden, depth, inside a link.
        for i in 0..<n {
            let node = dom.nodes[i]
            let p = Int(node.parent)
            if p >= 0 {
                depth[i] = depth[p] + 1
                if hidden[p] { hidden[i] = true; continue }
                inLink[i] = inLink[p]
            }
            if let excluded, excluded[i] { hidden[i] = true; continue }
            if node.isText { continue }
            if node.name == "a" { inLink[i] = true }
            if HTMLElementKinds.dropped.contains(node.name) || Self.isHiddenByAttributes(dom, i) { hidden[i] = true }
        }
        // Bottom-up: text sums.
        var i = n - 1
        while i >= 0 {
            let node = dom.nodes[i]
            if !hidden[i] {
                if node.isText {
                    let (length, c) = Self.measure(node.text)
                    textLength[i] = length
                    commas[i] = c
                    if inLink[i] { linkTextLength[i] = length }
                    inlineTextLength[i] = length
                } else if HTMLElementKinds.block.contains(node.name) {
                    hasBlock[i] = true
                }
                let p = Int(node.parent)
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

    private static func isHiddenByAttributes(_ dom: HTMLDOM, _ i: Int) -> Bool {
        let node = dom.nodes[i]
        var a = Int(node.attributeStart)
        let end = a + Int(node.attributeCount)
        while a < end {
            let name = dom.attributeNames[a]
            if name == "hidden" { return true }
            if name == "aria-hidden", dom.attributeValues[a].lowercased() == "true" { return true }
            if name == "style" {
                let style = dom.attributeValues[a].lowercased().filter { $0 != " " }
                if style.hasSubstring("display:none") || style.hasSubstring("visibility:hidden") { return true }
            }
            if name == "type", node.name == "input" { return true }
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
        for b in text.utf8 {
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
        if space && count > 0 { count -= 1 }
        if wide {
            commas += Int32(text.filter { $0 == "，" || $0 == "、" }.count)
        }
        return (count, commas)
    }
}
