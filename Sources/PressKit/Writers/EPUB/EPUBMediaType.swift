/// Image media types for the book: what the bytes are, whatever the file is called.
enum EPUBMediaType {
    /// An image type EPUB 3.0 reading systems must support (a "core media type"), with its file extension.
    struct Core: Equatable {
        var mediaType: String
        var fileExtension: String
    }

    /// The outcome of looking at an image's bytes.
    enum Sniffed: Equatable {
        case core(Core)
        /// A known image type that EPUB 3.0 does not list as core (WebP, BMP, TIFF, AVIF, ICO).
        case unsupported(String)
        /// An SVG image that cannot be a plain image in the book, and why.
        case unsafeSVG(String)
        case unknown
    }

    static let png = Core(mediaType: "image/png", fileExtension: "png")
    static let jpeg = Core(mediaType: "image/jpeg", fileExtension: "jpg")
    static let gif = Core(mediaType: "image/gif", fileExtension: "gif")
    static let svg = Core(mediaType: "image/svg+xml", fileExtension: "svg")

    static func sniff(_ bytes: [UInt8]) -> Sniffed {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return bytes.count >= 33 && starts(Array("IHDR".utf8), at: 12) ? .core(png) : .unknown
        }
        if starts([0xFF, 0xD8, 0xFF]) { return bytes.count > 4 ? .core(jpeg) : .unknown }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return bytes.count >= 13 ? .core(gif) : .unknown }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .unsupported("WebP") }
        if starts(Array("BM".utf8)), bytes.count > 26 { return .unsupported("BMP") }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .unsupported("TIFF") }
        if starts(Array("ftypavif".utf8), at: 4) || starts(Array("ftypheic".utf8), at: 4) { return .unsupported("AVIF/HEIF") }
        if starts([0x00, 0x00, 0x01, 0x00]) { return .unsupported("ICO") }
        if isSVG(bytes) { return svgProblem(bytes).map { .unsafeSVG($0) } ?? .core(svg) }
        return .unknown
    }

    /// An SVG document: after an optional BOM, XML declaration, comments and doctype, an `svg` root element
    /// in the SVG namespace.
    static func isSVG(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        var rest = Substring(head)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") || rest.hasPrefix("<!") {
                let end = rest.hasPrefix("<?") ? "?>" : rest.hasPrefix("<!--") ? "-->" : ">"
                guard let range = rest.firstRange(of: end) else { return false }
                rest = rest[range.upperBound...]
                continue
            }
            break
        }
        guard rest.hasPrefix("<svg"), let after = rest.dropFirst(4).first,
              after.isWhitespace || after == ">" || after == "/" else { return false }
        return rest.contains("http://www.w3.org/2000/svg")
    }

    /// Why an SVG cannot go into the book as a plain image, if it cannot: scripts and embedded HTML need
    /// manifest properties and fallbacks, and references to the web are remote resources.
    static func svgProblem(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self).fastLowercased()
        if text.contains("<script") { return "an SVG image with scripts" }
        if text.contains("<foreignobject") { return "an SVG image with embedded HTML" }
        for attribute in ["href=\"http", "href='http", "href=\"//", "url(http", "url(\"http", "url('http"] where text.contains(attribute) {
            return "an SVG image that refers to the web"
        }
        return nil
    }

    /// The bytes of a `data:` URL with base64 or percent-encoded content; nil if it is not one.
    static func decodeDataURL(_ url: String) -> [UInt8]? {
        guard url.fastLowercased().hasPrefix("data:"), let comma = url.firstIndex(of: ",") else { return nil }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma].fastLowercased()
        let payload = url[url.index(after: comma)...]
        if header.hasSuffix(";base64") {
            return payload.contains("%") ? base64(Substring(percentDecoded(String(payload)))) : base64(payload)
        }
        return Array(percentDecoded(String(payload)).utf8)
    }

    static func base64(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            let v: UInt32
            switch c {
            case 65...90: v = UInt32(c - 65)
            case 97...122: v = UInt32(c - 71)
            case 48...57: v = UInt32(c + 4)
            case 43, 45: v = 62
            case 47, 95: v = 63
            case 61, 32, 9, 10, 13: continue
            default: return nil
            }
            accumulator = accumulator << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == 37, i + 2 < u.count, let v = UInt8(String(decoding: u[i + 1...i + 2], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
