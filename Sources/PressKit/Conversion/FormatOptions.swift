// The options each reader and writer understands, one struct per format, reachable from
// `ConversionOptions` by one stored property each. The command line maps its flags onto them in one place
// (`ConversionSettings.options`).

/// HTML reader.
public struct HTMLReaderOptions: Sendable {
    /// `--full-page`: keep the whole page instead of extracting the article.
    public var fullPage = false
    public init() {}
}

/// HTML writer.
public struct HTMLWriterOptions: Sendable {
    /// `--fragment`: only the body's content, no `<html>`/`<head>`.
    public var fragment = false
    /// `--css FILE` contents: replaces the built-in stylesheet.
    public var css: String?
    public init() {}
}

/// Plain-text writer.
public struct TextWriterOptions: Sendable {
    /// `--wrap=N`: wrap lines at N columns; nil means no wrapping.
    public var wrap: Int?
    /// `--fragment`: the body only, without the title block, contacts and end mark.
    public var bodyOnly = false
    public init() {}
}

/// Markdown writers (markdown, gfm, commonmark).
public struct MarkdownWriterOptions: Sendable {
    /// `--wrap=N`: wrap lines at N columns; nil means no wrapping.
    public var wrap: Int?
    /// `--no-front-matter` clears it: YAML front matter from the metadata (the `markdown` format only).
    public var frontMatter = true
    /// `--reference-links`: reference-style links.
    public var referenceLinks = false
    public init() {}
}

/// EPUB writer.
public struct EPUBWriterOptions: Sendable {
    /// `--css FILE` contents: replaces the built-in stylesheet.
    public var css: String?
    /// `--epub-cover-image FILE`: its file name and contents.
    public var coverImage: (name: String, bytes: [UInt8])?
    public init() {}
}

/// DOCX writer.
public struct DOCXWriterOptions: Sendable {
    /// `--reference-doc FILE.docx` contents: styles are taken from it.
    public var referenceDoc: [UInt8]?
    /// The reference document's name, for its errors ("not well-formed XML" names it, not the input).
    public var referenceDocName: String?
    public init() {}
}
