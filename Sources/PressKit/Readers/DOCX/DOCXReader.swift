/// Reads Word documents (.docx, Office Open XML) through `ZipReader` and `XMLReader`: structure from
/// styles (with inheritance and localised names), lists from numbering, tables, links, notes, images as
/// figures, fields, text boxes, tracked changes accepted, comments left out, and the core and custom
/// document properties as metadata. A legacy .doc or an encrypted document is refused with a clear error.
public struct DOCXReader: Reader {
    public init() {}

    public var libraries: [CLibrary] { [.libzip, .libxml2] }

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        if input.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw PressKitError(.invalidInput,
                                "is a legacy Word .doc or a password-protected .docx (an OLE compound file): presskit reads only unencrypted .docx; save it from Word as .docx without a password")
        }
        guard input.starts(with: [0x50, 0x4B]) else {
            throw PressKitError(.invalidInput, "is not a .docx file (not a zip archive)")
        }
        let zip = ZipReader(input)
        let package = try DOCXSourcePackage(zip)
        var body = DOCXBodyReader(package: package)
        let blocks = body.readBody()
        if let failure = body.failure { throw failure }
        for warning in body.warnings { context.warn("DOCX: " + warning) }
        var metadata = DOCXPropertiesReader.metadata(core: package.core, custom: package.custom)
        let found = body.metadata
        // The document's own Title/Subtitle paragraphs are what the reader sees; the properties fill gaps.
        if let title = found.title { metadata.title = title }
        if let subtitle = found.subtitle { metadata.subtitle = subtitle }
        if !found.authors.isEmpty { metadata.authors = found.authors }
        if let description = found.description { metadata.description = description }
        if let organization = found.organization { metadata.organization = organization }
        if let dateline = found.dateline { metadata.dateline = dateline }
        if let date = found.date {
            metadata.date = date
            metadata.dateSource = found.dateSource
        }
        metadata.contacts += found.contacts
        if let embargo = found.embargo { metadata.embargo = embargo }
        // presskit's DOCX writer names the organisation as creator and the subtitle as subject when it has
        // nothing else: those are not authors or a subject of their own.
        if found.authors.isEmpty, let organization = metadata.organization, metadata.authors == [organization] {
            metadata.authors = []
        }
        if let subject = metadata.extra["subject"], subject == metadata.subtitle || subject == metadata.description {
            metadata.extra["subject"] = nil
        }
        if metadata.language == nil, let lang = package.styles.defaultLanguage, !lang.isEmpty {
            metadata.language = lang
        }
        return Document(metadata: metadata, blocks: blocks)
    }

    /// Whether these bytes are a Word document: a zip archive whose first entries name `word/` parts
    /// (a local file header's name is stored uncompressed) — for content detection on standard input.
    public static func looksLikeDOCX(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        let needle = Array("word/".utf8)
        let window = bytes.prefix(1 << 16)
        guard window.count >= needle.count else { return false }
        var i = window.startIndex
        while i + needle.count <= window.endIndex {
            if window[i] == needle[0], window[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
