/// Converts the records of a stream one at a time, each through `Converter.read` and `Converter.write`
/// with its own `ConversionContext`: safe to call from several threads at once. A record that fails
/// gives an error line (`JSONLinesWriter.errorLine`) instead of stopping the stream.
public struct StreamConverter: Sendable {
    /// What one record became.
    public struct Outcome: Sendable {
        /// The target format's bytes for the record (one line for JSON Lines), or its error line.
        public var output: [UInt8]
        /// Why the record failed; nil when it was converted.
        public var error: String?
        public var warnings: [String]
        /// The record's id, URL and WARC fields, and where it was in the input.
        public var info: StreamRecordInfo
        public var position: StreamItem.Position
    }

    public var target: Format
    public var options: ConversionOptions

    public init(target: Format, options: ConversionOptions) {
        self.target = target
        self.options = options
    }

    public func convert(_ item: StreamItem) -> Outcome {
        var options = self.options
        options.record = item.info
        let context = ConversionContext(options: options, inputName: item.position.description)
        var outcome = Outcome(output: [], error: nil, warnings: [], info: item.info, position: item.position)
        do {
            let document = try Self.read(item, context: context)
            outcome.output = try Converter.write([document], format: target, context: context)
        } catch let error as PressKitError {
            outcome.error = error.message
        } catch {
            outcome.error = "\(error)"
        }
        outcome.warnings = context.diagnostics.map(\.message)
        if let message = outcome.error {
            switch item.position {
            case .line(let n): outcome.output = JSONLinesWriter.errorLine(record: item.info, line: n, message: message)
            case .offset(let n): outcome.output = JSONLinesWriter.errorLine(record: item.info, offset: n, message: message)
            case .whole: outcome.output = JSONLinesWriter.errorLine(record: item.info, message: message)
            }
        }
        return outcome
    }

    /// The document a record holds, read through `Converter.read` in the record's own format. The record's
    /// URL is the page URL for the HTML reader and the document's source when it names none.
    public static func read(_ item: StreamItem, context: ConversionContext) throws -> Document {
        context.options.record = item.info
        var document: Document
        switch item.payload {
        case .failure(let message):
            throw PressKitError(.invalidInput, message)
        case .content(let bytes, let name):
            let format: Format
            if let name {
                guard let named = Formats.named(name), named.reader != nil, !isStreamFormat(named) else {
                    throw PressKitError(.invalidInput, "unknown or unreadable format '\(name)' in the record")
                }
                format = named
            } else {
                format = Formats.sniff(bytes)
            }
            document = try Converter.read(bytes, format: format, context: context)
        case .document(let bytes):
            guard let json = Formats.named("json") else { throw PressKitError(.internal, "no JSON reader") }
            document = try Converter.read(bytes, format: json, context: context)
        case .warc(let record):
            guard let html = Formats.named("html") else { throw PressKitError(.internal, "no HTML reader") }
            let page = try WARCPage(record, limit: context.options.maxInputSize)
            for warning in page.warnings { context.warn(warning) }
            if context.options.encoding == nil {
                context.options.encoding = charsetHint(page.charset, html: page.html)
            }
            document = try Converter.read(page.html, format: html, context: context)
        }
        if document.metadata.source == nil, let url = item.info.url { document.metadata.source = url }
        return document
    }

    /// JSON Lines and WARC are streams of records, not formats a record can be in.
    static func isStreamFormat(_ format: Format) -> Bool {
        format.name == "jsonl" || format.name == "warc"
    }

    /// The HTTP charset as a hint: used when the page itself says nothing (no byte-order mark, no
    /// `<meta charset>`), when iconv knows it, and not when a page labelled Latin-1 is valid UTF-8
    /// (servers' default label is often wrong).
    static func charsetHint(_ charset: String?, html: [UInt8]) -> String? {
        guard let charset, let canonical = HTMLEncoding.canonical(charset) else { return nil }
        if TextDecoding.bomCharset(html) != nil || HTMLEncoding.prescan(html) != nil { return nil }
        if canonical == "UTF-16" { return nil }
        if canonical == "WINDOWS-1252", html.contains(where: { $0 >= 0x80 }), UTF8Validation.isValid(html) { return nil }
        if canonical != "UTF-8", Iconv.toUTF8([], from: canonical) == nil { return nil }
        return canonical
    }
}
