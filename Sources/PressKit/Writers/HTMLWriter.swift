// SCAFFOLD: the Markdown/HTML-writer work replaces the bodies; the API below is a contract that the EPUB
// writer codes against (keep the names and meanings).

/// How the HTML body renderer treats what it meets; EPUB sets these for XHTML chapters.
public struct HTMLRenderSettings {
    /// XHTML for EPUB: raw HTML fragments are not passed through (they may be ill-formed): they are dropped
    /// with a warning unless `rawHTMLFilter` turns them into well-formed XHTML.
    public var xhtml: Bool = false
    /// Rewrites an image before it is rendered (EPUB: the path inside the book). Returning nil renders the
    /// image as its alt text with a link to its source instead.
    public var image: ((Image) -> Image?)? = nil
    /// Rewrites a link target (EPUB: drop links that would be dead inside the book). Nil keeps the link's
    /// content without the link.
    public var linkTarget: ((String) -> String?)? = nil
    /// Heading ids are made unique with this prefix (EPUB chapters: "c1-").
    public var idPrefix: String = ""

    public init() {}
}

/// Writes HTML5 (a whole document, or `--fragment` body content only).
public struct HTMLWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        var xml = XMLWriter(html: true)
        renderBody(document.blocks, into: &xml, settings: HTMLRenderSettings(), context: context)
        return Array(xml.finish().utf8)
    }

    /// Renders blocks as body content into `xml`; footnotes, if any, follow at the end.
    public func renderBody(_ blocks: [Block], into xml: inout XMLWriter, settings: HTMLRenderSettings,
                           context: ConversionContext) {
        for block in blocks { xml.element("p", text: block.plainText); xml.newline() }
    }

    /// Renders inlines into `xml` (for titles and captions).
    public func renderInlines(_ inlines: [Inline], into xml: inout XMLWriter, settings: HTMLRenderSettings,
                              context: ConversionContext) {
        xml.text(inlines.plainText)
    }
}
