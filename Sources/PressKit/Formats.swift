/// A document format: its names, file extensions, media type, and its reader and writer if it has them.
public struct Format: Sendable {
    public let name: String
    public let aliases: [String]
    /// Every extension the format is known by (`presskit formats` lists them).
    public let extensions: [String]
    /// The extensions that make a file an input of this format (default: `extensions`). A longer match wins,
    /// so a format may claim `ninjs.json` without taking `.json` from JSON.
    public let inputExtensions: [String]
    /// The extension of the files a batch writes in this format (default: the first of `extensions`).
    public let outputExtension: String
    public let mediaType: String
    /// Binary formats are refused on a terminal unless `-o -` is given.
    public let isBinary: Bool
    /// Whether this format's reader takes zip containers (DOCX, EPUB): `Converter.read` then lets a zip
    /// through to the reader instead of refusing it as binary.
    public let readsZipContainer: Bool
    /// Whether this format's reader takes gzip-compressed input itself (`.warc.gz`, `.jsonl.gz`).
    public let readsGzip: Bool
    public let reader: (any Reader)?
    public let writer: (any Writer)?
    /// Whether the press-release pass runs after this format's reader (not for JSON, already structured).
    public let understandsPress: Bool
    /// Whether the writer makes one output from many inputs (`Writer.write(collection:context:)`: an EPUB or
    /// DOCX digest, a feed, a JSON Lines stream): a folder converted with `-o FILE` in this format becomes
    /// one output made from all its inputs.
    public let writesCollections: Bool

    public init(name: String, aliases: [String] = [], extensions: [String], inputExtensions: [String]? = nil,
                outputExtension: String? = nil, mediaType: String, isBinary: Bool = false,
                readsZipContainer: Bool = false, readsGzip: Bool = false, reader: (any Reader)?, writer: (any Writer)?,
                understandsPress: Bool = true, writesCollections: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.extensions = extensions
        self.inputExtensions = inputExtensions ?? extensions
        self.outputExtension = outputExtension ?? extensions.first ?? name
        self.mediaType = mediaType
        self.isBinary = isBinary
        self.readsZipContainer = readsZipContainer
        self.readsGzip = readsGzip
        self.reader = reader
        self.writer = writer
        self.understandsPress = understandsPress
        self.writesCollections = writesCollections
    }
}

/// The registry: a plain list of formats. A new format is one file and one line here.
public enum Formats {
    public static let all: [Format] = [
        Format(name: "text", aliases: ["txt", "plain"], extensions: ["txt", "text"], mediaType: "text/plain",
               reader: PlainTextReader(), writer: PlainTextWriter()),
        Format(name: "json", extensions: ["json"], mediaType: "application/json",
               reader: JSONReader(), writer: JSONWriter(), understandsPress: false),
        Format(name: "html", aliases: ["htm", "xhtml"], extensions: ["html", "htm", "xhtml"], mediaType: "text/html",
               reader: HTMLReader(), writer: HTMLWriter()),
        Format(name: "markdown", aliases: ["md"], extensions: ["md", "markdown"], mediaType: "text/markdown",
               reader: MarkdownReader(flavor: .markdown), writer: MarkdownWriter(flavor: .gfm, frontMatter: true)),
        Format(name: "gfm", extensions: [], mediaType: "text/markdown",
               reader: MarkdownReader(flavor: .gfm), writer: MarkdownWriter(flavor: .gfm, frontMatter: false), understandsPress: false),
        Format(name: "commonmark", extensions: [], mediaType: "text/markdown",
               reader: MarkdownReader(flavor: .commonmark),
               writer: MarkdownWriter(flavor: .commonmark, frontMatter: false), understandsPress: false),
        Format(name: "epub", extensions: ["epub"], mediaType: "application/epub+zip", isBinary: true,
               reader: nil, writer: EPUBWriter(), writesCollections: true),
        Format(name: "docx", extensions: ["docx"],
               mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               isBinary: true, readsZipContainer: true, reader: DOCXReader(), writer: DOCXWriter(),
               writesCollections: true),
        Format(name: "pandoc", aliases: ["pandoc-json"], extensions: [], outputExtension: "pandoc",
               mediaType: "application/json", reader: PandocReader(), writer: PandocWriter()),
        Format(name: "ninjs", extensions: ["ninjs.json"], mediaType: "application/json",
               reader: NINJSReader(), writer: NINJSWriter(), understandsPress: false, writesCollections: true),
        Format(name: "jsonld", aliases: ["json-ld"], extensions: ["jsonld"], mediaType: "application/ld+json",
               reader: nil, writer: NewsArticleJSONLDWriter(), writesCollections: true),
        Format(name: "atom", extensions: ["atom"], mediaType: "application/atom+xml",
               reader: nil, writer: AtomWriter(), writesCollections: true),
        Format(name: "rss", extensions: ["rss"], mediaType: "application/rss+xml",
               reader: nil, writer: RSSWriter(), writesCollections: true),
        // `.jsonl.gz` is read (decompressed as read), never inferred as an output name: the writer does not compress.
        Format(name: "jsonl", aliases: ["ndjson", "jsonlines"], extensions: ["jsonl", "ndjson"],
               inputExtensions: ["jsonl", "ndjson", "jsonl.gz", "ndjson.gz"],
               mediaType: "application/jsonl", readsGzip: true, reader: JSONLinesReader(), writer: JSONLinesWriter(),
               understandsPress: false, writesCollections: true),
        Format(name: "warc", extensions: ["warc", "warc.gz"], mediaType: "application/warc", readsGzip: true, reader: WARCReader(), writer: nil,
               understandsPress: false),
    ]

    /// The format with this name or alias (case-insensitive).
    public static func named(_ name: String) -> Format? {
        let key = name.fastLowercased()
        return all.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// The format a file name's extension implies: for reading when one reads it, else for writing.
    /// (`inputGuess(forName:)` and `outputFormat(forName:)` are the precise questions.)
    public static func forPath(_ path: String) -> Format? {
        switch inputGuess(forName: path) {
        case .readable(let format), .notReadable(let format): return format
        case .unknown: return try? outputFormat(forName: path)
        }
    }
}
