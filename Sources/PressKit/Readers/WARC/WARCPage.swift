/// The web page a WARC record holds: which records are HTML pages, and their HTML as the browser saw it
/// (the HTTP response's body with chunked transfer encoding and `Content-Encoding: gzip`/`deflate` undone).
public struct WARCPage: Sendable {
    /// The page's bytes as sent (in their own character encoding).
    public var html: [UInt8]
    /// The charset of the HTTP `Content-Type` (or of a `resource` record's), a hint for the HTML reader.
    public var charset: String?
    /// Things that were repaired on the way (a body cut off, chunking that was not chunking).
    public var warnings: [String] = []

    /// The HTTP head of a `response` record, or the record's own type for a `resource` record.
    struct Head {
        var status: Int?
        var contentType: String?
        var fields: [(name: String, value: String)] = []
        /// Where the body starts in the record's block.
        var bodyStart: Int

        func field(_ name: String) -> String? {
            let key = name.fastLowercased()
            return fields.first { $0.name.fastLowercased() == key }?.value
        }
    }

    /// Whether a record holds an HTML page to convert: a `response` record with a successful HTTP status
    /// and an HTML `Content-Type` (or none, with a body that starts like HTML), or a `resource` record of
    /// an HTML type. Requests, metadata, revisits, redirects, errors, images and the like are not pages.
    public static func isPage(_ record: WARCRecord) -> Bool {
        guard let head = head(of: record) else { return false }
        if let status = head.status, !(200...299).contains(status) || status == 204 { return false }
        if let type = head.contentType { return isHTML(type) }
        return looksLikeHTML(record.block[head.bodyStart...])
    }

    /// The page a record holds (see `isPage`).
    public init(_ record: WARCRecord, limit: Int = 256 << 20) throws {
        guard let head = Self.head(of: record) else {
            throw PressKitError(.invalidInput, "the record is not an HTTP response or a resource")
        }
        charset = head.contentType.flatMap(Self.charset)
        var body = Array(record.block[head.bodyStart...])
        if head.status != nil {
            if let transfer = head.field("Transfer-Encoding")?.fastLowercased(), transfer.contains("chunked") {
                switch Self.dechunk(body) {
                case .decoded(let bytes, let complete):
                    body = bytes
                    if !complete { warnings.append("the chunked body is cut off: kept what was there") }
                case .notChunked:
                    warnings.append("the body says it is chunked but is not: read as it is")
                }
            }
            if let encoding = head.field("Content-Encoding")?.fastLowercased().trimmingSpaces(), !encoding.isEmpty,
               encoding != "identity" {
                switch encoding {
                case "gzip", "x-gzip", "deflate":
                    let deflate = encoding == "deflate"
                    if deflate || Gzip.isGzip(body) {
                        guard let (bytes, complete) = Gzip.decompress(body, deflate: deflate, limit: limit) else {
                            throw PressKitError(.invalidInput, "the \(encoding)-compressed body cannot be decompressed")
                        }
                        body = bytes
                        if !complete { warnings.append("the \(encoding)-compressed body is cut off: kept what could be decompressed") }
                    }
                    // Otherwise the crawler stored the body already decompressed: read as it is.
                default:
                    if !Self.looksLikeHTML(body[...]) {
                        throw PressKitError(.invalidInput, "the body's Content-Encoding '\(encoding)' is not supported")
                    }
                }
            }
        }
        html = body
    }

    /// The HTTP head of a `response` record, or the content type of a `resource` record; nil for other
    /// records.
    static func head(of record: WARCRecord) -> Head? {
        switch record.type {
        case "resource":
            return Head(status: nil, contentType: record.contentType, bodyStart: 0)
        case "response":
            if let type = record.contentType?.fastLowercased(), !type.hasPrefix("application/http") {
                // A response record holding a bare document (some crawlers write these).
                return Head(status: nil, contentType: record.contentType, bodyStart: 0)
            }
            return httpHead(record.block)
        default:
            return nil
        }
    }

    /// Parses "HTTP/1.1 200 OK" and the header fields up to the blank line.
    static func httpHead(_ block: [UInt8]) -> Head? {
        var lines: [String] = []
        var i = 0
        var bodyStart: Int?
        while i < block.count, lines.count < 512 {
            var j = i
            while j < block.count, block[j] != 0x0A { j += 1 }
            var end = j
            if end > i, block[end - 1] == 0x0D { end -= 1 }
            let line = String(decoding: block[i..<end], as: UTF8.self)
            i = min(j + 1, block.count)
            if line.isEmpty {
                if lines.isEmpty { continue }
                bodyStart = i
                break
            }
            lines.append(line)
        }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { return nil }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        var head = Head(status: parts.count > 1 ? Int(parts[1]) : nil, contentType: nil, bodyStart: bodyStart ?? block.count)
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingSpaces()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if let last = line.first, last == " " || last == "\t", !head.fields.isEmpty { continue }
            head.fields.append((name, value))
        }
        head.contentType = head.field("Content-Type")
        return head
    }

    static func isHTML(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingSpaces().fastLowercased() } ?? ""
        return type == "text/html" || type == "application/xhtml+xml" || type == "application/xhtml"
    }

    /// The `charset` parameter of a content type.
    static func charset(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().fastLowercased() == "charset" else { continue }
            var value = pair[1].trimmingSpaces()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Whether a body without a content type starts like an HTML page.
    static func looksLikeHTML(_ body: ArraySlice<UInt8>) -> Bool {
        let head = String(decoding: body.prefix(512), as: UTF8.self)
        let lower = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.fastLowercased()
        return lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || lower.contains("<body")
            || lower.contains("<head")
    }

    enum Dechunked {
        case decoded([UInt8], complete: Bool)
        case notChunked
    }

    /// Undoes chunked transfer encoding. A body whose first chunk size cannot be read was not chunked
    /// (crawlers often store the body decoded but keep the header); a body cut off inside a chunk keeps
    /// what it has.
    static func dechunk(_ body: [UInt8]) -> Dechunked {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        var chunks = 0
        while i < body.count {
            var j = i
            while j < body.count, body[j] != 0x0A { j += 1 }
            guard j < body.count else { break }
            let line = String(decoding: body[i..<j], as: UTF8.self)
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces() } ?? ""
            guard !sizeText.isEmpty, sizeText.count <= 16, let size = Int(sizeText, radix: 16) else {
                if chunks == 0 { return .notChunked }
                return .decoded(out, complete: false)
            }
            chunks += 1
            i = j + 1
            if size == 0 { return .decoded(out, complete: true) }
            let end = min(i + size, body.count)
            out.append(contentsOf: body[i..<end])
            if end < i + size { return .decoded(out, complete: false) }
            i = end
            // The CRLF after the chunk's data.
            if i < body.count, body[i] == 0x0D { i += 1 }
            if i < body.count, body[i] == 0x0A { i += 1 }
        }
        if chunks == 0 { return .notChunked }
        return .decoded(out, complete: false)
    }
}
