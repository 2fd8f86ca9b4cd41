import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PressKit

/// Flags that shape a conversion, shared by single-file and batch conversion.
struct ConversionSettings: ParsableArguments {
    @Option(help: "Input character encoding (e.g. windows-1251); default: detect.")
    var encoding: String?

    @Flag(help: "HTML input: keep the whole page instead of extracting the article.")
    var fullPage = false

    @Flag(help: "HTML output: only the body's content, no <html>/<head>.")
    var fragment = false

    @Option(help: "Markdown/text output: wrap lines at N columns (default: no wrapping).")
    var wrap: Int?

    @Flag(help: "Markdown output: no YAML front matter.")
    var noFrontMatter = false

    @Flag(help: "Markdown output: reference-style links.")
    var referenceLinks = false

    @Option(help: "EPUB/HTML output: use this stylesheet instead of the built-in one.")
    var css: String?

    @Option(help: "EPUB output: cover image file.")
    var epubCoverImage: String?

    @Option(help: "DOCX output: take styles from this .docx file.")
    var referenceDoc: String?

    @Option(help: "A folder images may also be read from (repeatable). By default only the input's folder.")
    var resourcePath: [String] = []

    @Option(help: "Refuse inputs larger than this (bytes, or with K/M/G).")
    var maxInputSize: String = "256M"

    @Flag(name: .shortAndLong, help: "No warnings on standard error.")
    var quiet = false

    func options(metadata: [String]) throws -> ConversionOptions {
        var options = ConversionOptions()
        options.encoding = encoding
        options.fullPage = fullPage
        options.fragment = fragment
        if let wrap, wrap < 1 { throw PressKitError(.usage, "--wrap takes a number of columns above 0") }
        options.wrap = wrap
        options.frontMatter = !noFrontMatter
        options.referenceLinks = referenceLinks
        options.maxInputSize = try Self.byteCount(maxInputSize)
        if let css {
            options.css = String(decoding: try FileSystem.readInput(css, limit: 16 << 20), as: UTF8.self)
        }
        if let epubCoverImage {
            let name = String(epubCoverImage.split(separator: "/").last ?? "cover")
            options.coverImage = (name, try FileSystem.readInput(epubCoverImage, limit: 64 << 20))
        }
        if let referenceDoc {
            options.referenceDoc = try FileSystem.readInput(referenceDoc, limit: 64 << 20)
        }
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
        return options
    }

    /// "10M" → 10,485,760.
    static func byteCount(_ text: String) throws -> Int {
        let upper = text.uppercased()
        var digits = upper
        var scale = 1
        if let last = upper.last, let s = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30][String(last)] {
            scale = s
            digits = String(upper.dropLast())
        }
        guard let n = Int(digits), n > 0 else {
            throw PressKitError(.usage, "--max-input-size takes a size such as 50M, not '\(text)'")
        }
        let (bytes, overflow) = n.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw PressKitError(.usage, "--max-input-size takes a size from 1 to \(Int.max) bytes, not '\(text)'") }
        return bytes
    }
}
