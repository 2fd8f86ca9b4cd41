/// Removes link-heavy short paragraphs at the start and end of an extracted article: breadcrumbs
/// ("Home > News > Press releases"), "Back | Print" lines, tag lists that the extractor's element rules
/// could not see because they were bare text in a layout cell. Also takes out the paragraphs that are no
/// part of the text anywhere in it (`HTMLBodyNoise`: consent placeholders, dangling lead-ins, file names,
/// newsletter offers, comment rules), and the site's closing lines at its end (follow the author, share the
/// story, tags, comment counts) with a heading left bare by them.
enum HTMLEdgeTrimmer {
    static func trim(_ blocks: inout [Block]) {
        trimLinkLines(&blocks)
        HTMLBodyNoise.remove(&blocks)
        trimLinkLines(&blocks)
    }

    private static func trimLinkLines(_ blocks: inout [Block]) {
        while let first = blocks.first, isLinkLine(first) { blocks.removeFirst() }
        while true {
            if let last = blocks.last, isLinkLine(last) { blocks.removeLast(); continue }
            // The site's closing lines (follow the author, share, tags, comments) and a heading left bare.
            if blocks.count > 1, HTMLBodyNoise.removeClosingLines(&blocks) { continue }
            break
        }
    }

    static func isLinkLine(_ block: Block) -> Bool {
        guard case .paragraph(let content) = block else { return false }
        var total = 0, linked = 0, links = 0
        count(content, inLink: false, total: &total, linked: &linked, links: &links)
        guard total > 0 && total < 200 else { return false }
        if Double(linked) / Double(total) > 0.6 { return true }
        // A breadcrumb trail: links chained by arrows.
        let text = content.plainText
        return links >= 2 && total < 150 && ["›", "»", " > ", "→"].contains { text.hasSubstring($0) }
    }

    private static func count(_ inlines: [Inline], inLink: Bool, total: inout Int, linked: inout Int, links: inout Int) {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s):
                let n = ASCIIText.nonSpaceScalarCount(s)
                total += n
                if inLink { linked += n }
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                count(c, inLink: inLink, total: &total, linked: &linked, links: &links)
            case .link(let link):
                links += 1
                count(link.content, inLink: true, total: &total, linked: &linked, links: &links)
            case .image, .softBreak, .lineBreak, .raw, .note: break
            }
        }
    }
}
