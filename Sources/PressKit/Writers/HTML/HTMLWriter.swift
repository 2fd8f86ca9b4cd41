/// How the HTML body renderer treats what it meets; EPUB sets these for XHTML chapters.
public struct HTMLRenderSettings {
    /// XHTML for EPUB: output is well-formed XML. Raw HTML fragments are not passed through (they may be
    /// ill-formed): they are dropped with a warning unless `rawHTMLFilter` turns them into well-formed XHTML.
    /// Characters XML forbids are dropped. Every heading gets an id (see `idPrefix`).
    public var xhtml: Bool = false
    /// Rewrites an image before it is rendered (EPUB: the path inside the book). Returning nil renders the
    /// image as its alt text with a link to its source instead (the link goes through `linkTarget` too).
    public var image: ((Image) -> Image?)? = nil
    /// Rewrites a link target (EPUB: drop links that would be dead inside the book). Nil keeps the link's
    /// content without the link.
    public var linkTarget: ((String) -> String?)? = nil
    /// Heading ids are made unique with this prefix (EPUB chapters: "c1-"). A heading with an id gets
    /// `idPrefix + id` (with `-2`, `-3`… added when taken); in XHTML or with a non-empty prefix a heading
    /// without an id gets `idPrefix + "h" + n`, n counting headings from 1 in document order. Footnotes use
    /// `idPrefix + "fn-n"` and `idPrefix + "fnref-n"`.
    public var idPrefix: String = ""
    /// XHTML only: turns a raw HTML fragment into well-formed XHTML, or returns nil to drop it (with a warning).
    public var rawHTMLFilter: ((String) -> String?)? = nil

    public init() {}
}

/// Writes HTML5: a whole document (title, language, metadata as `<meta>`, a small stylesheet, a header with
/// headline, subtitle, dateline and date, the body, then contacts and the source link), or with
/// `--fragment` only the body's content exactly as a CommonMark renderer writes it (`cmark-gfm --unsafe`).
public struct HTMLWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        var xml = XMLWriter(html: true)
        if context.options.html.fragment {
            renderBody(document.blocks, into: &xml, settings: HTMLRenderSettings(), context: context)
        } else {
            HTMLDocumentShell(writer: self, document: document, context: context).render(into: &xml)
        }
        return xml.finishBytes()
    }

    /// Renders blocks as body content into `xml`; footnotes, if any, follow at the end as a numbered list.
    public func renderBody(_ blocks: [Block], into xml: inout XMLWriter, settings: HTMLRenderSettings,
                           context: ConversionContext) {
        var renderer = HTMLBodyRenderer(settings: settings, context: context)
        renderer.renderBlocks(blocks)
        renderer.renderNotes()
        xml.raw(bytes: renderer.bytes)
    }

    /// Renders inlines into `xml` (for titles and captions). Footnotes here are shown in parentheses.
    public func renderInlines(_ inlines: [Inline], into xml: inout XMLWriter, settings: HTMLRenderSettings,
                              context: ConversionContext) {
        var renderer = HTMLBodyRenderer(settings: settings, context: context)
        renderer.inlineNotes = true
        renderer.renderInlines(inlines)
        xml.raw(bytes: renderer.bytes)
    }
}
