#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PressKit

/// Flags that shape a conversion, shared by single-file and batch conversion. `options(metadata:)` is the
/// one place where flags become the library's per-format options.
struct ConversionSettings {
    var encoding: String?
    var fullPage = false
    var fragment = false
    var wrap: String?
    var noFrontMatter = false
    var referenceLinks = false
    var css: String?
    var epubCoverImage: String?
    var referenceDoc: String?
    var resourcePath: [String] = []
    var maxInputSize = "256M"
    var quiet = false
    var pandoc = PandocSettings()

    static let options: [OptionSpec] = [
        .value("encoding", help: "Input character encoding (e.g. windows-1251); default: detect."),
        .flag("full-page", help: "HTML input: keep the whole page instead of extracting the article."),
        .flag("fragment", help: "HTML output: only the body's content, no <html>/<head>; text output: only the body, no title block."),
        .value("wrap", help: "Markdown/text output: wrap lines at N columns, 1 to 100000 (default: no wrapping).",
               unconditional: true),
        .flag("no-front-matter", help: "Markdown output: no YAML front matter."),
        .flag("reference-links", help: "Markdown output: reference-style links."),
        .value("css", help: "EPUB/HTML output: use this stylesheet instead of the built-in one.", completion: .file),
        .value("epub-cover-image", help: "EPUB output: cover image file.", completion: .file),
        .value("reference-doc", help: "DOCX output: take styles from this .docx file.", completion: .file),
        .values("resource-path", help: "A folder images may also be read from (repeatable). By default only the input's folder.",
                completion: .directory),
        .value("max-input-size", help: "Refuse inputs larger than this (bytes, or with K/M/G; 1 to 1024G).",
               defaultValue: "256M", unconditional: true),
        .flag("quiet", short: "q", help: "No warnings on standard error."),
    ] + PandocSettings.options

    init() {}

    /// The flags' values as `ArgumentScanner` read them; what was not given keeps its default.
    init(_ parsed: ParsedArguments) {
        encoding = parsed.value("encoding")
        fullPage = parsed.flag("full-page")
        fragment = parsed.flag("fragment")
        wrap = parsed.value("wrap")
        noFrontMatter = parsed.flag("no-front-matter")
        referenceLinks = parsed.flag("reference-links")
        css = parsed.value("css")
        epubCoverImage = parsed.value("epub-cover-image")
        referenceDoc = parsed.value("reference-doc")
        resourcePath = parsed.values("resource-path")
        maxInputSize = parsed.value("max-input-size") ?? maxInputSize
        quiet = parsed.flag("quiet")
        pandoc = PandocSettings(parsed)
    }

    /// The largest `--wrap`.
    static let maxWrap = 100_000

    /// The options of this command line: `baseOptions(metadata:)` with the flags on top.
    func options(metadata: [String]) throws -> ConversionOptions {
        var options = try Self.baseOptions(metadata: metadata)
        options.encoding = encoding
        options.maxInputSize = try NumericOption.byteCount(maxInputSize)
        try PandocSettings.apply(pandocAPI: pandoc.pandocAPI, to: &options)
        let columns = try wrap.map {
            try NumericOption.integer($0, option: "--wrap", what: "a number of columns", in: 1...Self.maxWrap)
        }
        // HTML reader
        options.htmlReader.fullPage = fullPage
        // HTML writer
        options.html.fragment = fragment
        // Plain-text writer
        options.text.bodyOnly = fragment
        options.text.wrap = columns
        // Markdown writers
        options.markdown.wrap = columns
        options.markdown.frontMatter = !noFrontMatter
        options.markdown.referenceLinks = referenceLinks
        if let css {
            let stylesheet = String(decoding: try FileSystem.readInput(css, limit: 16 << 20), as: UTF8.self)
            options.html.css = stylesheet
            options.epub.css = stylesheet
        }
        // EPUB writer
        if let epubCoverImage {
            let name = String(epubCoverImage.split(separator: "/").last ?? "cover")
            options.epub.coverImage = (name, try FileSystem.readInput(epubCoverImage, limit: 64 << 20))
        }
        // DOCX writer
        if let referenceDoc {
            options.docx.referenceDoc = try FileSystem.readInput(referenceDoc, limit: 64 << 20)
            options.docx.referenceDocName = referenceDoc
        }
        return options
    }

    /// The parts of the options no flag sets (`-M` pairs, SOURCE_DATE_EPOCH, the clock) on top of the
    /// library's defaults, which are the flags' defaults (`testFlagDefaultsAreTheLibraryDefaults`).
    static func baseOptions(metadata: [String]) throws -> ConversionOptions {
        var options = ConversionOptions()
        for pair in metadata {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard !key.isEmpty else { throw PressKitError(.usage, "-M takes KEY=VALUE, not '\(pair)'") }
            options.metadata.append((key, parts.count > 1 ? String(parts[1]) : "true"))
        }
        if let epoch = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), !epoch.isEmpty {
            guard let seconds = Int(epoch), seconds >= 0 else {
                throw PressKitError(.usage, "SOURCE_DATE_EPOCH must be a number of seconds, not '\(epoch)'")
            }
            options.sourceDateEpoch = seconds
        }
        // "Now" for the readers' future-day check is the clock, never SOURCE_DATE_EPOCH: that is the time of a
        // build (often years back, or 0), and taking it as now would throw away every later publication date.
        options.referenceTime = time(nil)
        return options
    }
}
