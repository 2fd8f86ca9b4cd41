/// Options that readers and writers read. Everything a reader or writer needs from outside comes through
/// here or through `ConversionContext`: they never read the clock, the environment or files themselves.
public struct ConversionOptions: Sendable {
    /// `--encoding`: the input's character encoding (an iconv name); nil means detect.
    public var encoding: String?
    /// `--full-page` (HTML reader): keep the whole page instead of extracting the article.
    public var fullPage: Bool = false
    /// `--fragment` (HTML writer): only the body's content.
    public var fragment: Bool = false
    /// `--wrap=N` (Markdown/text writers): wrap lines at N columns; nil means no wrapping.
    public var wrap: Int?
    /// Markdown writer: emit YAML front matter from the metadata.
    public var frontMatter: Bool = true
    /// Markdown writer: reference-style links.
    public var referenceLinks: Bool = false
    /// `--css FILE` contents (EPUB, HTML): replaces the built-in stylesheet.
    public var css: String?
    /// `--epub-cover-image FILE` contents and file name.
    public var coverImage: (name: String, bytes: [UInt8])?
    /// `--reference-doc FILE.docx` contents.
    public var referenceDoc: [UInt8]?
    /// `-M KEY=VALUE` pairs, applied after reading.
    public var metadata: [(key: String, value: String)] = []
    /// `--max-input-size` in bytes.
    public var maxInputSize: Int = 256 * 1024 * 1024
    /// `SOURCE_DATE_EPOCH`, read by the command line, never by a writer.
    public var sourceDateEpoch: Int?
    /// JSON Lines and WARC streams: the record being converted (its id, URL and WARC fields).
    public var record = StreamRecordInfo()

    public init() {}
}
