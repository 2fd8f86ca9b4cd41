/// Prepares one release's blocks for its chapter before the HTML writer renders them: gives every heading
/// an id that is valid and unique in the chapter (and records the outline for the contents), embeds the
/// images it can and turns the others into their alt text (with a link for web images), and fills in
/// missing alt text. A `DocumentRewriter`: it names only the nodes it changes. Nesting is bounded by the
/// readers (they flatten beyond depth 200).
struct EPUBChapterPreparer: DocumentRewriter {
    /// A heading of the chapter's outline (not inside lists, quotes, tables or notes).
    struct Heading {
        var level: Int
        var title: String
        var id: String
    }

    enum ResolvedImage {
        case embedded(Image)
        case replaced([Inline])
    }

    let documentIndex: Int
    /// Added to every heading level (a digest chapter's own title is the h1), capped at 6.
    let headingShift: Int
    let images: EPUBImageStore
    let context: ConversionContext
    private(set) var headings: [Heading] = []
    /// The source's anchor names (heading ids, and GitHub-style slugs of heading text) → chapter ids.
    private(set) var fragments: [String: String] = [:]
    private(set) var embeddedImageCount = 0
    private var usedIDs: UniqueNames
    private var linkDepth = 0
    /// Whether a heading met now belongs to the outline: not inside lists, quotes, tables or notes.
    private var inOutline = true

    init(documentIndex: Int, headingShift: Int, images: EPUBImageStore, context: ConversionContext,
         reservedIDs: Set<String>) {
        self.documentIndex = documentIndex
        self.headingShift = headingShift
        self.images = images
        self.context = context
        self.usedIDs = UniqueNames(reserved: reservedIDs)
    }

    mutating func prepare(_ blocks: [Block]) -> [Block] { rewrite(blocks: blocks) }

    /// A new id, unique in this chapter, from `base` (already safe).
    mutating func uniqueID(_ base: String) -> String {
        usedIDs.claim(base, from: 2) { base + "-\($0)" }
    }

    /// `body` with headings kept out of the outline.
    private mutating func outsideOutline<T>(_ body: (inout Self) -> T) -> T {
        let saved = inOutline
        inOutline = false
        defer { inOutline = saved }
        return body(&self)
    }

    mutating func rewrite(_ block: Block) -> [Block] {
        switch block {
        case .heading(let level, let content, let id):
            let newLevel = min(6, max(1, level + headingShift))
            let title = Self.collapsed(content.plainText)
            let newID = uniqueID("h-" + Self.slug(id.map { $0.isEmpty ? title : $0 } ?? title, fallback: "\(usedIDs.count)"))
            if let id, !id.isEmpty, fragments[id] == nil { fragments[id] = newID }
            let gitHubSlug = Self.gitHubSlug(title)
            if !gitHubSlug.isEmpty, fragments[gitHubSlug] == nil { fragments[gitHubSlug] = newID }
            if inOutline, !title.isEmpty { headings.append(Heading(level: newLevel, title: title, id: newID)) }
            return [.heading(level: newLevel, content: rewrite(inlines: content), id: newID)]
        case .table(var table):
            Self.promoteHeaderRow(&table)
            return outsideOutline { [$0.rewriteChildren(of: .table(table))] }
        case .figure(let figure):
            let captionText = Self.collapsed(figure.caption.plainText)
            let caption = rewrite(inlines: figure.caption)
            switch resolve(figure.image, caption: captionText) {
            case .embedded(let image):
                return [.figure(Figure(image: image, caption: caption))]
            case .replaced(let shown):
                if !caption.isEmpty, captionText != Self.collapsed(shown.plainText) { return [.paragraph(shown), .paragraph(caption)] }
                return [.paragraph(shown)]
            }
        case .bulletList, .orderedList, .blockQuote, .definitionList:
            return outsideOutline { [$0.rewriteChildren(of: block)] }
        case .paragraph(let inlines) where !Self.holdsLinkImageOrNote(inlines):
            // Nothing in it to change: the rewrite would rebuild the same paragraph node by node.
            return [block]
        case .paragraph, .division, .codeBlock, .thematicBreak, .raw:
            return [rewriteChildren(of: block)]
        }
    }

    mutating func rewrite(_ inline: Inline) -> [Inline] {
        switch inline {
        case .link(var link):
            linkDepth += 1
            link.content = rewrite(inlines: link.content)
            linkDepth -= 1
            if Self.collapsed(Self.textWithoutImages(link.content)).isEmpty {
                // A link must have text, not only an image's alt (epubcheck ACC-004): the alt text moves
                // beside the image (which becomes decorative), or the link shows where it leads.
                var alts: [String] = []
                link.content = Self.movingAltText(link.content, into: &alts)
                let altText = Self.collapsed(alts.joined(separator: " "))
                if !altText.isEmpty {
                    link.content.append(.text(" " + altText))
                } else {
                    let target = link.target.hasPrefix("mailto:") ? String(link.target.dropFirst(7)) : link.target
                    link.content.append(.text(Self.collapsed(target).isEmpty ? "link" : target))
                }
            }
            return [.link(link)]
        case .image(let image):
            switch resolve(image, caption: nil) {
            case .embedded(let embedded): return [.image(embedded)]
            case .replaced(let shown): return shown
            }
        case .note:
            return outsideOutline { [$0.rewriteChildren(of: inline)] }
        case .text, .code, .softBreak, .lineBreak, .raw, .emphasis, .strong, .underline, .strikethrough, .superscript,
             .subscript:
            return [rewriteChildren(of: inline)]
        }
    }

    /// Embeds the image, or says why not and gives what to show instead (one warning per image).
    private mutating func resolve(_ image: Image, caption: String?) -> ResolvedImage {
        var result = image
        let name = EPUBImageStore.displayName(image.source)
        var altNote: String? = nil
        if Self.collapsed(image.alt).isEmpty {
            let (alt, origin) = Self.fallbackAlt(image, caption: caption)
            result.alt = alt
            altNote = "it has no alt text: using \"\(alt)\" (from its \(origin))"
        }
        let key = "\(documentIndex)\u{0}\(image.source)"
        switch images.embed(source: image.source, document: documentIndex, context: context) {
        case .embedded(let href):
            if let altNote { images.warnOnce(key, "image '\(name)': " + altNote, context: context) }
            result.source = href
            embeddedImageCount += 1
            return .embedded(result)
        case .remote(let url):
            images.warnOnce(key, "image '\(name)' is not downloaded (remote images never are): shown as its alt text with a link"
                            + (altNote.map { "; " + $0 } ?? ""), context: context)
            if linkDepth > 0 { return .replaced([.text(result.alt)]) }
            return .replaced([.link(Link(target: url, title: image.title, content: [.text(result.alt)]))])
        case .notEmbedded(let reason):
            images.warnOnce(key, "image '\(name)' is not embedded (\(reason)): shown as its alt text"
                            + (altNote.map { "; " + $0 } ?? ""), context: context)
            return .replaced([.text(result.alt)])
        }
    }
}
