/// Reads a web page: finds its encoding, parses it with libxml2, extracts the article (unless
/// `options.fullPage`), maps it to the document tree with links made absolute, and gathers the page's
/// metadata (JSON-LD, OpenGraph, `<meta>`, `<title>`, canonical link, language).
public struct HTMLReader: Reader {
    public init() {}

    public var libraries: [CLibrary] { [.libxml2] }

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        try XMLLibrary.load()
        let fullPage = context.options.htmlReader.fullPage
        // The page's DOM and statistics live only inside `analyse`: they are released before the blocks are
        // trimmed and rewritten (holding them through that was the reader's peak on large pages).
        guard var page = Self.analyse(try HTMLEncoding.utf8(input, declared: context.options.encoding).bytes,
                                      context: context) else { return Document() }
        if input.count >= HeapTrim.threshold { HeapTrim.releaseFreePages() }
        if !fullPage {
            HTMLEdgeTrimmer.trim(&page.blocks)
            HTMLImageAlts.clean(&page.blocks, title: page.metadata.title)
        }
        var path = fullPage ? "full page" : page.path
        // Never an empty article when the page has text: the whole page without what is hidden. The DOM is
        // built again for that (rare) case rather than kept for it.
        if !fullPage, page.bodyHasText, Self.isEmpty(page.blocks) {
            page.blocks = Self.wholePage(try HTMLEncoding.utf8(input, declared: context.options.encoding).bytes,
                                         links: page.links)
            HTMLEdgeTrimmer.trim(&page.blocks)
            path = "page fallback"
        }
        var metadata = page.metadata
        var blocks = page.blocks
        page.blocks = []
        // The usual path (the best candidate, or --full-page as asked) goes unrecorded; a fallback is named.
        if path != "article", path != "full page" { metadata.extra["extraction"] = path }
        Self.unwrapUnresolvedLinks(&blocks, links: page.links, context: context)
        Self.removeTitleHeading(&blocks, metadata: &metadata)
        return Document(metadata: metadata, blocks: blocks)
    }

    /// What the reader takes from a page's DOM before the blocks are finished.
    private struct AnalysedPage {
        var metadata: Metadata
        var blocks: [Block]
        /// How the article was found (`ContentExtractor.Extraction.path`).
        var path: String
        var links: HTMLLinkResolver
        /// The page's body has visible text (the whole-page fallback has something to show).
        var bodyHasText: Bool
    }

    /// Parses the page, gathers its metadata, finds the article and maps it to blocks; nil for an empty
    /// page. Each stage's working set ends with it: the statistics and the metadata's evidence are released
    /// before the blocks are mapped, the DOM when this returns.
    private static func analyse(_ utf8: [UInt8], context: ConversionContext) -> AnalysedPage? {
        // `utf8` is `HTMLEncoding.utf8`'s output: valid UTF-8.
        var dom = HTMLParser.parse(utf8: utf8, isValidUTF8: true)
        Mojibake.repair(&dom)
        guard !dom.nodes.isEmpty else { return nil }
        let found = Self.find(in: dom, source: utf8, context: context)
        let mapper = HTMLBlockMapper(dom: dom, excluded: found.extraction.excluded, links: found.links, facts: found.facts)
        return AnalysedPage(metadata: found.metadata, blocks: mapper.blocks(of: found.extraction.roots),
                            path: found.extraction.path, links: found.links, bodyHasText: found.bodyHasText)
    }

    /// The metadata, the article and what the block mapping needs of the page's statistics.
    private struct FoundArticle {
        var metadata: Metadata
        var extraction: ContentExtractor.Extraction
        var links: HTMLLinkResolver
        var facts: HTMLNodeFacts
        var bodyHasText: Bool
    }

    private static func find(in dom: HTMLDOM, source: [UInt8], context: ConversionContext) -> FoundArticle {
        let fullPage = context.options.htmlReader.fullPage
        let stats = HTMLPageStats(dom: dom)
        var page = PageMetadata(dom: dom, stats: stats, now: context.options.referenceTime)
        page.source = source
        // A stream record's URL (a WARC target URI) is the document's URL: links resolve against it.
        let documentURL = context.options.record.url.flatMap { URLReference.isAbsolute($0) ? $0 : nil }
        let links = HTMLLinkResolver(baseHref: page.baseHref, canonical: documentURL ?? page.pageURL)
        var metadata = page.metadata(links: links)
        if metadata.source == nil { metadata.source = documentURL }

        let extraction: ContentExtractor.Extraction
        if fullPage {
            extraction = .init(roots: [dom.first(.body) ?? dom.root], excluded: stats.hidden)
        } else {
            extraction = ContentExtractor(dom: dom, description: metadata.description).extract(base: stats)
        }
        if metadata.subtitle == nil, let standfirst = PageStandfirst.find(dom: dom, stats: stats, headline: metadata.title) {
            metadata.subtitle = standfirst.text
        }
        if !fullPage {
            PressReleasePass.merge(PageContacts.find(dom: dom, stats: stats, extraction: extraction), into: &metadata.contacts)
        }
        let bodyHasText = dom.first(.body).map { stats.textLength[$0] > 0 } ?? false
        return FoundArticle(metadata: metadata, extraction: extraction, links: links, facts: stats.facts,
                            bodyHasText: bodyHasText)
    }

    /// The whole page's body without what is hidden, mapped to blocks (the fallback for an empty article).
    private static func wholePage(_ utf8: [UInt8], links: HTMLLinkResolver) -> [Block] {
        var dom = HTMLParser.parse(utf8: utf8, isValidUTF8: true)
        Mojibake.repair(&dom)
        guard let body = dom.first(.body) else { return [] }
        let stats = HTMLPageStats(dom: dom)
        let fallback = HTMLBlockMapper(dom: dom, excluded: stats.hidden, links: links, facts: stats.facts)
        return fallback.blocks(of: [body])
    }

    /// An HTML fragment (a ninjs item's body) read as a page's body is with `--full-page`: no extraction,
    /// double-encoded UTF-8 repaired, links resolved against `source`.
    static func fragmentBlocks(_ html: String, source: String?, context: ConversionContext) -> [Block] {
        // A String's UTF-8 is valid: no second check.
        var dom = HTMLParser.parse(utf8: Array(("<html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>").utf8),
                                   isValidUTF8: true)
        Mojibake.repair(&dom)
        guard !dom.nodes.isEmpty else { return [] }
        let stats = HTMLPageStats(dom: dom)
        let links = HTMLLinkResolver(baseHref: nil, canonical: source)
        let mapper = HTMLBlockMapper(dom: dom, excluded: stats.hidden, links: links, facts: stats.facts)
        var blocks = mapper.blocks(of: [dom.first(.body) ?? dom.root])
        unwrapUnresolvedLinks(&blocks, links: links, context: context)
        return blocks
    }

    /// Site-relative links with nothing to resolve them against are kept as their text, with a warning.
    private static func unwrapUnresolvedLinks(_ blocks: inout [Block], links: HTMLLinkResolver, context: ConversionContext) {
        guard links.droppedRelativeLinks > 0 else { return }
        blocks = HTMLLinkResolver.unwrapUnresolved(blocks)
        context.warn("site-relative links kept as text only: the page gives no base or canonical URL to resolve them against")
    }

    private static func isEmpty(_ blocks: [Block]) -> Bool {
        blocks.allSatisfy { HTMLText.collapse($0.plainText).isEmpty }
    }

    /// Takes the article's leading heading out when it repeats the title (the title is in the metadata);
    /// when the page had no better title, the leading `h1` becomes it.
    static func removeTitleHeading(_ blocks: inout [Block], metadata: inout Metadata) {
        // A page title "Site :: Headline" whose headline part starts the article.
        if let title = metadata.title {
            let parts = PageMetadata.titleSegments(title)
            if parts.count > 1 {
                for (index, block) in blocks.prefix(4).enumerated() {
                    let text: String
                    switch block {
                    case .heading(_, let c, _), .paragraph(let c): text = c.plainText
                    default: continue
                    }
                    // Only the title's main (longest) part: the title has already lost the site's name.
                    let longest = parts.map(\.count).max() ?? 0
                    if let part = parts.first(where: { $0.count == longest && sameWords($0, text) }) {
                        metadata.title = part
                        blocks.remove(at: index)
                        removeSubtitle(&blocks, metadata: metadata)
                        return
                    }
                }
            }
        }
        defer { removeSubtitle(&blocks, metadata: metadata) }
        for (index, block) in blocks.prefix(6).enumerated() {
            // The title set as a plain paragraph (a styled div) near the top.
            if index < 3, case .paragraph(let content) = block, let title = metadata.title,
               sameWords(content.plainText, title) {
                blocks.remove(at: index)
                return
            }
            guard case .heading(let level, let content, _) = block else { continue }
            let text = content.plainText
            if let title = metadata.title, sameWords(text, title) || (level == 1 && sameWords(text, title, prefix: true)) {
                blocks.remove(at: index)
                if level == 1, text.count > title.count { metadata.title = HTMLText.collapse(text) }
                return
            }
            if level == 1 {
                if metadata.title == nil { metadata.title = HTMLText.collapse(text); blocks.remove(at: index) }
                return
            }
        }
    }

    /// Takes out a leading paragraph that repeats the subtitle.
    static func removeSubtitle(_ blocks: inout [Block], metadata: Metadata) {
        guard let subtitle = metadata.subtitle else { return }
        for (index, block) in blocks.prefix(3).enumerated() {
            switch block {
            case .paragraph(let c), .heading(_, let c, _):
                if sameWords(c.plainText, subtitle) { blocks.remove(at: index); return }
            default:
                continue
            }
        }
    }

    /// Whether two texts have the same words (case, punctuation and spacing aside); with `prefix`, whether
    /// one is the start of the other.
    static func sameWords(_ a: String, _ b: String, prefix: Bool = false) -> Bool {
        // Texts of very different lengths do not hold the same words (unless one is mostly punctuation):
        // a paragraph is not split into words just to be told apart from a title.
        if !prefix {
            let m = a.utf8.count, n = b.utf8.count
            if m > 2 * n + 32 || n > 2 * m + 32 { return false }
        }
        let x = PageTitle.words(a), y = PageTitle.words(b)
        if x.isEmpty || y.isEmpty { return false }
        if x == y { return true }
        guard prefix, min(x.count, y.count) >= 4 else { return false }
        return x.starts(with: y) || y.starts(with: x)
    }
}

extension HTMLReader {
    /// The article's text as the extraction benchmark scores it: the blocks' plain text separated by blank
    /// lines, without the metadata (title, date) that a writer would add and without figure captions and
    /// image descriptions (not the article's running text).
    public static func articleText(_ document: Document) -> String {
        var out: [String] = []
        for block in document.blocks { appendText(block, to: &out) }
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func appendText(_ block: Block, to out: inout [String]) {
        switch block {
        case .figure, .thematicBreak, .raw: return
        case .paragraph(let c), .heading(_, let c, _):
            let text = c.plainTextWithoutImages
            if !HTMLText.collapse(text).isEmpty { out.append(text) }
        case .bulletList(let l), .orderedList(let l):
            for item in l.items { for b in item.blocks { appendText(b, to: &out) } }
        case .blockQuote(let blocks), .division(_, let blocks):
            for b in blocks { appendText(b, to: &out) }
        case .definitionList(let items):
            for item in items {
                out.append(item.term.plainTextWithoutImages)
                for d in item.definitions { for b in d { appendText(b, to: &out) } }
            }
        case .table, .codeBlock:
            out.append(block.plainText)
        }
    }
}

extension Array where Element == Inline {
    /// The plain text without images' alternative text (`PlainTextProjection`).
    var plainTextWithoutImages: String { PlainTextProjection(imageText: false).text(self) }
}
