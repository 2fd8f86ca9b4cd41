/// A document format: its names, file extensions, media type, and its reader and writer if it has them.
public struct Format: Sendable {
    public let name: String
    public let aliases: [String]
    public let extensions: [String]
    public let mediaType: String
    /// Binary formats are refused on a terminal unless `-o -` is given.
    public let isBinary: Bool
    public let reader: (any Reader)?
    public let writer: (any Writer)?
    /// Whether the press-release pass runs after this format's reader (not for JSON, already structured).
    public let understandsPress: Bool
    /// Whether the reader takes a zip archive (DOCX): `Converter.read` then does not refuse zip input.
    public let readsZipContainer: Bool

    public init(name: String, aliases: [String] = [], extensions: [String], mediaType: String,
                isBinary: Bool = false, reader: (any Reader)?, writer: (any Writer)?, understandsPress: Bool = true,
                readsZipContainer: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.extensions = extensions
        self.mediaType = mediaType
        self.isBinary = isBinary
        self.reader = reader
        self.writer = writer
        self.understandsPress = understandsPress
        self.readsZipContainer = readsZipContainer
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
               reader: nil, writer: EPUBWriter()),
        Format(name: "docx", extensions: ["docx"],
               mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               isBinary: true, reader: DOCXReader(), writer: DOCXWriter(), readsZipContainer: true),
    ]

    /// The format with this name or alias (case-insensitive).
    public static func named(_ name: String) -> Format? {
        let key = name.lowercased()
        return all.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// The format a file name's extension implies, for reading or writing.
    public static func forPath(_ path: String) -> Format? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        return all.first { $0.extensions.contains(ext) }
    }
}
