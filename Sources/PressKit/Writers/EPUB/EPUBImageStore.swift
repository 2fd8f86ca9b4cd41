/// A file inside the book besides the XHTML documents: an image.
struct EPUBResource {
    var id: String
    /// Path relative to the package document (`images/photo.png`).
    var href: String
    var mediaType: String
    var bytes: [UInt8]
    /// Manifest properties (`cover-image`).
    var properties: String?
}

/// The images of the book: each source looked up once through the context's resources, sniffed, named
/// after its file and its real type, and kept in first-use order.
final class EPUBImageStore {
    enum Outcome {
        case embedded(href: String)
        /// A web address: never downloaded, shown as a link.
        case remote(url: String)
        case notEmbedded(reason: String)
    }

    private(set) var resources: [EPUBResource] = []
    private var outcomes: [String: Outcome] = [:]
    private var embeddedHrefs: Set<String> = []
    private var usedNames = UniqueNames()
    private var warned: Set<String> = []
    private var imageCount = 0

    /// Looks `source` up as written in document number `document` (its place in the input order).
    func embed(source: String, document: Int, context: ConversionContext) -> Outcome {
        let key = "\(document)\u{0}\(source)"
        if let known = outcomes[key] { return known }
        let outcome = lookUp(source: source, document: document, context: context)
        outcomes[key] = outcome
        return outcome
    }

    /// Whether `href` names an image this store embedded.
    func isEmbedded(_ href: String) -> Bool { embeddedHrefs.contains(href) }

    /// Adds the cover image (`--epub-cover-image`); nil, with a warning, if it is not a core image type.
    func addCover(name: String, bytes: [UInt8], context: ConversionContext) -> EPUBResource? {
        switch EPUBMediaType.sniff(bytes) {
        case .core(let type):
            let resource = EPUBResource(id: "cover-image", href: "images/" + uniqueName("cover", type.fileExtension),
                                        mediaType: type.mediaType, bytes: bytes, properties: "cover-image")
            resources.insert(resource, at: 0)
            embeddedHrefs.insert(resource.href)
            return resource
        case .unsupported(let kind):
            context.warn("cover image '\(name)' is \(kind), not an EPUB 3 core image type (PNG, JPEG, GIF, SVG): the book has no cover")
        case .unsafeSVG(let problem):
            context.warn("cover image '\(name)' is \(problem): the book has no cover")
        case .unknown:
            context.warn("cover image '\(name)' is not a PNG, JPEG, GIF or SVG image: the book has no cover")
        }
        return nil
    }

    /// Reports `message` once per `key` for the whole book.
    func warnOnce(_ key: String, _ message: String, context: ConversionContext) {
        if warned.insert(key).inserted { context.warn(message) }
    }

    private func lookUp(source: String, document: Int, context: ConversionContext) -> Outcome {
        let trimmed = source.trimmingWhitespaceScalars
        let lower = trimmed.fastLowercased()
        if trimmed.isEmpty { return .notEmbedded(reason: "it has no source") }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            let url = lower.hasPrefix("//") ? "https:" + trimmed : trimmed
            return .remote(url: url)
        }
        let bytes: [UInt8]
        if lower.hasPrefix("data:") {
            guard let decoded = EPUBMediaType.decodeDataURL(trimmed) else {
                return .notEmbedded(reason: "its data: URL cannot be decoded")
            }
            bytes = decoded
        } else {
            switch context.resources.lookup(trimmed, document: document) {
            case .found(let found): bytes = found
            case .refused(let reason): return .notEmbedded(reason: reason)
            }
        }
        switch EPUBMediaType.sniff(bytes) {
        case .core(let type):
            let base = lower.hasPrefix("data:") ? "image" : Self.baseName(trimmed)
            let href = "images/" + uniqueName(base, type.fileExtension)
            imageCount += 1
            resources.append(EPUBResource(id: "img-\(imageCount)", href: href, mediaType: type.mediaType,
                                          bytes: bytes, properties: nil))
            embeddedHrefs.insert(href)
            return .embedded(href: href)
        case .unsupported(let kind):
            return .notEmbedded(reason: "\(kind) is not an EPUB 3 core image type")
        case .unsafeSVG(let problem):
            return .notEmbedded(reason: "it is \(problem)")
        case .unknown:
            return .notEmbedded(reason: "it is not a PNG, JPEG, GIF or SVG image")
        }
    }

    private func uniqueName(_ base: String, _ ext: String) -> String {
        usedNames.claim(base + "." + ext, from: 2) { base + "-\($0)." + ext }
    }

    /// A safe file name stem from a path or URL: its last component without query, fragment or extension,
    /// lower-case ASCII letters, digits, `-` and `_` only.
    static func baseName(_ source: String) -> String {
        var path = Substring(source)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        var last = String(path.split(separator: "/").last ?? "")
        last = EPUBMediaType.percentDecoded(last)
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { last = String(last[..<dot]) }
        var out = ""
        for scalar in last.fastLowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "_": out.unicodeScalars.append(scalar)
            case "-", " ", ".": if !out.isEmpty, !out.hasSuffix("-") { out += "-" }
            default: break
            }
            if out.count >= 40 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "image" : out
    }

    /// How an image is named in messages: its source, shortened.
    static func displayName(_ source: String) -> String {
        let s = source.trimmingWhitespaceScalars
        if s.fastLowercased().hasPrefix("data:") { return "data:…(\(s.utf8.count) characters)" }
        return s.count > 100 ? String(s.prefix(97)) + "…" : s
    }
}
