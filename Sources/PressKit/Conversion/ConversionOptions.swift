/// Options that readers and writers read. Everything a reader or writer needs from outside comes through
/// here or through `ConversionContext`: they never read the clock, the environment or files themselves.
/// Options shared by every format are plain properties; each reader's and writer's own options are in its
/// struct (`html`, `text`, `markdown`, `epub`, `docx`, `htmlReader`: see FormatOptions.swift).
public struct ConversionOptions: Sendable {
    /// `--encoding`: the input's character encoding (an iconv name); nil means detect.
    public var encoding: String?
    /// `-M KEY=VALUE` pairs, applied after reading.
    public var metadata: [(key: String, value: String)] = []
    /// `--max-input-size` in bytes.
    public var maxInputSize: Int = 256 * 1024 * 1024
    /// `SOURCE_DATE_EPOCH`, read by the command line, never by a writer.
    public var sourceDateEpoch: Int?
    /// The time of the conversion in seconds since 1970: a reader takes no publication date after its day
    /// (a day of grace for time zones). nil, the library's default: no such check. The command line sets it
    /// from the clock (not from `SOURCE_DATE_EPOCH`, which dates a build, not the conversion).
    public var referenceTime: Int?
    /// pandoc JSON writer (`-t pandoc`) options: `--pandoc-api`.
    public var pandoc = PandocOptions()

    /// The HTML reader's options.
    public var htmlReader = HTMLReaderOptions()
    /// The HTML writer's options.
    public var html = HTMLWriterOptions()
    /// The plain-text writer's options.
    public var text = TextWriterOptions()
    /// The Markdown writers' options.
    public var markdown = MarkdownWriterOptions()
    /// The EPUB writer's options.
    public var epub = EPUBWriterOptions()
    /// The DOCX writer's options.
    public var docx = DOCXWriterOptions()
    /// ninjs, Atom and RSS writers: `--ninjs-version`, `--feed-title`, `--feed-id`, `--feed-link`.
    public var news = NewsOptions()
    /// JSON Lines and WARC streams: the record being converted (its id, URL and WARC fields).
    public var record = StreamRecordInfo()

    public init() {}
}

// The flat names of before the per-format options: each reads its format's option and sets the option of
// every format that has it (so `fragment = true` sets both the HTML fragment and the text body-only switch,
// as `--fragment` does). New code uses the per-format structs.
extension ConversionOptions {
    public var fullPage: Bool {
        get { htmlReader.fullPage }
        set { htmlReader.fullPage = newValue }
    }

    public var fragment: Bool {
        get { html.fragment }
        set { html.fragment = newValue; text.bodyOnly = newValue }
    }

    public var wrap: Int? {
        get { markdown.wrap ?? text.wrap }
        set { markdown.wrap = newValue; text.wrap = newValue }
    }

    public var frontMatter: Bool {
        get { markdown.frontMatter }
        set { markdown.frontMatter = newValue }
    }

    public var referenceLinks: Bool {
        get { markdown.referenceLinks }
        set { markdown.referenceLinks = newValue }
    }

    public var css: String? {
        get { html.css ?? epub.css }
        set { html.css = newValue; epub.css = newValue }
    }

    public var coverImage: (name: String, bytes: [UInt8])? {
        get { epub.coverImage }
        set { epub.coverImage = newValue }
    }

    public var referenceDoc: [UInt8]? {
        get { docx.referenceDoc }
        set { docx.referenceDoc = newValue }
    }
}
