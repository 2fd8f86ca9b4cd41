/// One release as the news formats (ninjs, NewsArticle JSON-LD, Atom, RSS) present it, worked out once from
/// the tree: a stable identifier, headline, dates, the body as clean HTML and as plain text, a summary, the
/// images with their alt text and captions. Each writer maps these fields to its own vocabulary.
struct NewsRelease {
    let document: Document
    /// The source URL when it is an absolute URL, else the identifier a ninjs item came with, else
    /// `urn:uuid:` of a name-based UUID from the content's digest (the same input gives the same id).
    let uri: String
    /// Whether `uri` is the release's own web address.
    let uriIsLink: Bool
    /// The headline (`ReleasePresentation.headline`): the title, else the first heading with text; nil when
    /// the release has neither.
    let headline: String?
    let published: ReleaseTimestamp?
    /// When this version was made: `-M modified=…` or a ninjs item's `versioncreated`, else `published`.
    let modified: ReleaseTimestamp?
    let embargo: ReleaseTimestamp?
    let context: ConversionContext
    /// Each block's plain text, when the identifier needed it already (a release without a web address).
    private let blockTexts: [String]?

    /// The release's cleaned fields and its normalised language tag, as every writer shows them.
    let presentation: ReleasePresentation

    var metadata: Metadata { document.metadata }

    /// `presentation`: the release's presentation when the caller has built it already (the HTML page).
    init(_ document: Document, presentation: ReleasePresentation? = nil, context: ConversionContext) {
        self.document = document
        let m = document.metadata
        self.presentation = presentation ?? ReleasePresentation(m)
        if let source = m.source?.trimmingWhitespaceScalars, Self.isAbsoluteURL(source) {
            uri = source
            uriIsLink = true
            blockTexts = nil
        } else if let given = m.extra["uri"]?.trimmingWhitespaceScalars, Self.isAbsoluteURL(given) || given.hasPrefix("urn:") {
            uri = given
            uriIsLink = false
            blockTexts = nil
        } else {
            let texts = document.blocks.map(\.plainText)
            uri = Self.contentURN(document.metadata, blockTexts: texts)
            uriIsLink = false
            blockTexts = texts
        }
        headline = self.presentation.headline(blocks: document.blocks)
        published = m.date.flatMap { ReleaseTimestamp(iso: $0) }
        if let date = m.date, published == nil, !date.trimmingWhitespaceScalars.isEmpty {
            context.warn("the date '\(date)' is not an ISO 8601 date: left out")
        }
        modified = m.extra["modified"].flatMap { ReleaseTimestamp(iso: $0) } ?? published
        embargo = m.embargo.flatMap { ReleaseTimestamp(iso: $0) }
        self.context = context
    }

    /// The body's plain text, blocks separated by blank lines: worked out on each call (Atom and RSS never
    /// ask), from the blocks' text the identifier computed when it did. Bind it once.
    var bodyText: String {
        (blockTexts ?? document.blocks.map(\.plainText)).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The images (`NewsImage.collect`), collected on each call: bind them once.
    var images: [NewsImage] { NewsImage.collect(document) }

    /// The body as the HTML writer's fragment (what `--fragment` writes), rendered on each call.
    var bodyHTML: String {
        var xml = XMLWriter(html: true)
        HTMLWriter().renderBody(document.blocks, into: &xml, settings: HTMLRenderSettings(), context: context)
        return xml.finish()
    }

    /// The summary given in the metadata, else the lead paragraph cut at a word near 300 characters. Images
    /// are left out of it (no "Foto" from an alt text), as the HTML reader's and EPUB's descriptions do.
    var summary: String? {
        if let d = metadata.description?.trimmingWhitespaceScalars, !d.isEmpty { return d }
        let projection = PlainTextProjection(imageText: false)
        for block in document.blocks {
            guard case .paragraph(let content) = block else { continue }
            let text = projection.text(content).trimmingWhitespaceScalars
            guard !text.isEmpty else { continue }
            guard text.count > 300 else { return text }
            let cut = text.prefix(300)
            let end = cut.lastIndex(of: " ") ?? cut.endIndex
            return String(cut[..<end]) + "\u{2026}"
        }
        return nil
    }

    var subtitle: String? { presentation.subtitle }
    var dateline: String? { presentation.place }
    var organization: String? { presentation.organization }
    var authors: [String] { presentation.authors }
    var keywords: [String] { metadata.keywords.map(\.trimmingWhitespaceScalars).filter { !$0.isEmpty } }
    /// The BCP 47 tag (`LanguageTag.normalized`: `de_DE.UTF-8` → `de-DE`), or nil.
    var language: String? { presentation.language }
    /// The web address, if the release has one.
    var link: String? { uriIsLink ? uri : nil }
    /// Runs of non-white-space characters, counted on scalars (splitting the body into `Character`s cost 1.4 G
    /// instructions on a 1 MB release). A mark that extends a white-space character joins it, as
    /// `Character.isWhitespace` sees it, so the count is the same as splitting on white-space characters.
    static func wordCount(of text: String) -> Int {
        var text = text
        // On the contiguous UTF-8 (the scalar iterator cost 27 M instructions for a 1 MB body, the bytes 5 M):
        // ASCII bytes directly, other scalars decoded from their (valid) UTF-8 and read as a count over the
        // string's scalars reads them (`MarkdownHTMLFastPathTests` compares the two).
        return text.withUTF8 { utf8 in
            var count = 0
            var inWord = false
            var afterSpace = false
            var i = 0
            let end = utf8.count
            while i < end {
                let b = utf8[i]
                if b < 0x80 {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        inWord = false
                        afterSpace = b == 0x20
                    } else {
                        if !inWord { count += 1 }
                        inWord = true
                        afterSpace = false
                    }
                    i += 1
                    continue
                }
                var value: UInt32
                let width: Int
                if b < 0xE0 {
                    value = UInt32(b & 0x1F); width = 2
                } else if b < 0xF0 {
                    value = UInt32(b & 0x0F); width = 3
                } else {
                    value = UInt32(b & 0x07); width = 4
                }
                for k in 1..<width where i + k < end { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                i += width
                Self.countNonASCII(Unicode.Scalar(value) ?? "\u{FFFD}", count: &count, inWord: &inWord, afterSpace: &afterSpace)
            }
            return count
        }
    }

    /// One scalar of `wordCount(of:)` at or above U+0080.
    @inline(__always)
    private static func countNonASCII(_ scalar: Unicode.Scalar, count: inout Int, inWord: inout Bool, afterSpace: inout Bool) {
        let properties = scalar.properties
        if properties.isWhitespace {
            inWord = false
            // Marks extend a space, never a control or line break (grapheme rules GB4/GB9).
            switch properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: afterSpace = false
            default: afterSpace = true
            }
        } else if afterSpace, !inWord, properties.isGraphemeExtend || scalar == "\u{200D}" {
            return
        } else {
            if !inWord { count += 1 }
            inWord = true
            afterSpace = false
        }
    }

    /// `scheme://…` with a letter-led scheme.
    static func isAbsoluteURL(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), s[colon...].hasPrefix("://"),
              let first = s.first, first.isASCII, first.isLetter,
              s[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }),
              !s.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" })
        else { return false }
        return true
    }

    /// `urn:uuid:` of a version-5 UUID named by the release's content (title, date, text).
    static func contentURN(_ metadata: Metadata, blockTexts: [String]) -> String {
        var name = Array("presskit-release\n".utf8)
        name += EPUBIdentifier.fingerprint(metadata, blockTexts: blockTexts)
        return "urn:uuid:" + EPUBIdentifier.uuid5(namespace: EPUBIdentifier.urlNamespace, name: name)
    }
}

/// An image of the release: the lead image from the metadata, figures and inline images, each once.
struct NewsImage: Hashable {
    var source: String
    var alt: String
    var caption: String?
    var width: Int?
    var height: Int?

    /// A media type from the file name's extension, if it is a known image type.
    var mediaType: String? {
        let path = source.split(separator: "?").first.map(String.init) ?? source
        guard let dot = path.lastIndex(of: ".") else { return nil }
        switch path[path.index(after: dot)...].fastLowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        case "avif": return "image/avif"
        default: return nil
        }
    }

    static func collect(_ document: Document) -> [NewsImage] {
        var images: [NewsImage] = []
        if let lead = document.metadata.image?.trimmingWhitespaceScalars, !lead.isEmpty {
            images.append(NewsImage(source: lead, alt: ""))
        }
        func add(_ image: Image, caption: String?) {
            let source = image.source.trimmingWhitespaceScalars
            guard !source.isEmpty, !source.hasPrefix("data:") else { return }
            let caption = caption.flatMap { $0.isEmpty ? nil : $0 } ?? image.title
            if let i = images.firstIndex(where: { $0.source == source }) {
                if images[i].alt.isEmpty { images[i].alt = image.alt }
                if images[i].caption == nil { images[i].caption = caption }
                if images[i].width == nil { images[i].width = image.width; images[i].height = image.height }
                return
            }
            images.append(NewsImage(source: source, alt: image.alt, caption: caption, width: image.width, height: image.height))
        }
        // The one walk (`DocumentWalker`): inline images and figures, in document order. A figure's caption is
        // its image's caption, not a place to look for more images.
        DocumentWalker.walk(document.blocks) { node in
            switch node {
            case .inline(.image(let image)):
                add(image, caption: nil)
            case .block(.figure(let figure)):
                add(figure.image, caption: figure.caption.plainText.trimmingWhitespaceScalars)
                return .skipChildren
            case .block, .inline:
                break
            }
            return .visitChildren
        }
        return images
    }
}
