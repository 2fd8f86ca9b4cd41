/// What the package document says about the book.
struct EPUBPackageMetadata {
    var identifier: String
    var title: String
    /// The book's languages, the main one first.
    var languages: [String]
    /// `dc:date`: `YYYY-MM-DD`.
    var date: String?
    /// `dcterms:modified`: `CCYY-MM-DDThh:mm:ssZ`.
    var modified: String
    var publisher: String?
    var creators: [String]
    var sources: [String]
    var description: String?
    var subjects: [String]
    /// Whether the content has images (they all carry alt text by then).
    var hasImages: Bool
}

/// One file of the manifest.
struct EPUBManifestItem {
    var id: String
    var href: String
    var mediaType: String
    var properties: String?
}

/// The package document (`content.opf`) and the container file that points to it.
enum EPUBPackageDocument {
    static let path = "OEBPS/content.opf"

    /// `META-INF/container.xml`, the same for every book.
    static let container: [UInt8] = {
        var xml = XMLWriter(html: false, declaration: true)
        xml.open("container", [("version", "1.0"), ("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container")])
        xml.newline()
        xml.open("rootfiles")
        xml.newline()
        xml.element("rootfile", [("full-path", path), ("media-type", "application/oebps-package+xml")])
        xml.newline()
        xml.close()
        xml.newline()
        xml.close()
        xml.newline()
        return xml.finishBytes()
    }()

    static func opf(_ metadata: EPUBPackageMetadata, manifest: [EPUBManifestItem], spine: [String],
                    coverImageID: String?) -> [UInt8] {
        var xml = XMLWriter(html: false, declaration: true)
        xml.open("package", [("xmlns", "http://www.idpf.org/2007/opf"), ("version", "3.0"),
                             ("unique-identifier", "pub-id"), ("xml:lang", metadata.languages.first)])
        xml.newline()
        xml.open("metadata", [("xmlns:dc", "http://purl.org/dc/elements/1.1/")])
        xml.newline()
        func dc(_ name: String, _ value: String?, id: String? = nil) {
            guard let value, !value.isEmpty else { return }
            xml.element("dc:" + name, [("id", id)], text: value)
            xml.newline()
        }
        func meta(_ property: String, _ value: String) {
            xml.element("meta", [("property", property)], text: value)
            xml.newline()
        }
        dc("identifier", metadata.identifier, id: "pub-id")
        dc("title", metadata.title)
        for language in metadata.languages { dc("language", language) }
        dc("date", metadata.date)
        dc("publisher", metadata.publisher)
        for (n, creator) in metadata.creators.enumerated() { dc("creator", creator, id: "creator-\(n + 1)") }
        for source in metadata.sources { dc("source", source) }
        dc("description", metadata.description)
        for subject in metadata.subjects { dc("subject", subject) }
        meta("dcterms:modified", metadata.modified)
        // EPUB Accessibility discovery metadata (schema.org, a reserved prefix in EPUB 3).
        meta("schema:accessMode", "textual")
        if metadata.hasImages { meta("schema:accessMode", "visual") }
        meta("schema:accessModeSufficient", "textual")
        if metadata.hasImages { meta("schema:accessModeSufficient", "textual,visual") }
        meta("schema:accessibilityFeature", "structuralNavigation")
        meta("schema:accessibilityFeature", "tableOfContents")
        meta("schema:accessibilityFeature", "readingOrder")
        if metadata.hasImages { meta("schema:accessibilityFeature", "alternativeText") }
        meta("schema:accessibilityHazard", "none")
        meta("schema:accessibilitySummary", summary(hasImages: metadata.hasImages))
        if let coverImageID {
            xml.element("meta", [("name", "cover"), ("content", coverImageID)])
            xml.newline()
        }
        xml.close()
        xml.newline()
        xml.open("manifest")
        xml.newline()
        for item in manifest {
            xml.element("item", [("id", item.id), ("href", item.href), ("media-type", item.mediaType),
                                 ("properties", item.properties)])
            xml.newline()
        }
        xml.close()
        xml.newline()
        xml.open("spine", [("toc", "ncx")])
        xml.newline()
        for id in spine {
            xml.element("itemref", [("idref", id)])
            xml.newline()
        }
        xml.close()
        xml.newline()
        xml.close()
        xml.newline()
        return xml.finishBytes()
    }

    static func summary(hasImages: Bool) -> String {
        var text = "Text of press releases in reading order, with a title page, a table of contents and headings "
            + "for structural navigation. The layout reflows and the stylesheet uses relative sizes."
        if hasImages {
            text += " Every image has a text alternative; where the source gave none, it was taken from the "
                + "image's caption, title or file name."
        }
        text += " No flashing, motion or sound hazards. Conformance to WCAG has not been evaluated."
        return text
    }
}
