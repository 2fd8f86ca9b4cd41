/// Writes EPUB 3 e-books (with an EPUB 2 `toc.ncx` for older readers): one release, or a digest with a
/// chapter per release in date order. Chapters are the HTML writer's output as XHTML; images are embedded
/// from the context's resources; nothing reads the clock, so the same input and options give the same bytes.
public struct EPUBWriter: Writer {
    public init() {}

    public var libraries: [CLibrary] { [.libzip] }

    /// The book's language when no release names one and the text gives no clear guess. (epubcheck 4.2.6
    /// flags BCP 47's `und` as an invalid language, so it is not used.)
    static let fallbackLanguage = "en"

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        try build([(0, document)], digest: false, context: context)
    }

    /// One book with a chapter per release, ordered by date (undated releases last; equal dates keep the
    /// input order). Resource lookups use each release's place in `documents`.
    public func write(collection documents: [Document], context: ConversionContext) throws -> [UInt8] {
        if documents.count <= 1 { return try write(documents.first ?? Document(), context: context) }
        return try build(Self.releaseOrder(documents), digest: true, context: context)
    }

    /// The releases with their input positions, in the one release order (`ReleaseOrder`).
    static func releaseOrder(_ documents: [Document]) -> [(Int, Document)] {
        ReleaseOrder.indices(documents).map { ($0, documents[$0]) }
    }

    private func build(_ releases: [(Int, Document)], digest: Bool, context: ConversionContext) throws -> [UInt8] {
        let documents = releases.map(\.1)
        var languages = Self.languages(documents)
        if languages.isEmpty {
            if let guessed = LanguageGuesser.guess(documents) {
                languages = [guessed]
                context.warn("no language given: the book's language is '\(guessed)', guessed from the text (set it with -M language=xx)")
            } else {
                languages = [Self.fallbackLanguage]
                context.warn("no language given: the book's language is '\(Self.fallbackLanguage)' (set it with -M language=xx)")
            }
        }
        let bookLanguage = languages[0]
        let labels = ReleaseTerms.forLanguage(bookLanguage)
        let organization = ReleasePresentation.shared(documents.map { ReleasePresentation.clean($0.metadata.organization) })
        let title = digest
            ? (organization.map { $0 + " – " + labels.pressReleases } ?? labels.pressReleases)
            : Self.title(of: documents[0], number: 0, labels: labels)
        let images = EPUBImageStore()
        let cover = context.options.epub.coverImage.flatMap { images.addCover(name: $0.name, bytes: $0.bytes, context: context) }

        var chapters: [EPUBChapter] = []
        for (number, (index, document)) in releases.enumerated() {
            let language = LanguageTag.normalized(document.metadata.language) ?? bookLanguage
            let chapterTitle = Self.title(of: document, number: digest ? number + 1 : 0,
                                          labels: ReleaseTerms.forLanguage(language))
            chapters.append(EPUBChapter.build(document, index: index, number: number + 1, digest: digest,
                                              title: chapterTitle, language: language, images: images,
                                              context: context))
        }

        let titlePage = digest
            ? EPUBPages.titlePage(digestTitle: title, documents: documents, organization: organization,
                                  language: bookLanguage, labels: labels)
            : EPUBPages.titlePage(release: documents[0].metadata, title: title, language: bookLanguage)

        var toc = [EPUBTOCEntry(label: labels.titlePage, href: "titlepage.xhtml")]
        for chapter in chapters {
            var label = chapter.title
            if digest, let date = chapter.date.map({ labels.date($0) }), !date.isEmpty { label += " (" + date + ")" }
            toc.append(EPUBTOCEntry(label: label, href: chapter.fileName, children: chapter.outline))
        }
        var landmarks: [EPUBLandmark] = []
        if cover != nil { landmarks.append(EPUBLandmark(type: "cover", label: labels.cover, href: "cover.xhtml")) }
        landmarks.append(EPUBLandmark(type: "titlepage", label: labels.titlePage, href: "titlepage.xhtml"))
        landmarks.append(EPUBLandmark(type: "bodymatter", label: labels.startOfText, href: chapters[0].fileName))

        let modifiedSeconds = EPUBDates.modificationTime(options: context.options, documents: documents)
        let identifier = EPUBIdentifier.identifier(for: documents)
        let metadata = EPUBPackageMetadata(
            identifier: identifier, title: title, languages: languages,
            date: documents.compactMap { CivilDate.isoDay($0.metadata.date) }.max(),
            modified: EPUBDates.timestamp(modifiedSeconds),
            publisher: digest ? organization : EPUBPages.nonEmpty(documents[0].metadata.organization),
            creators: Self.unique(documents.flatMap(\.metadata.authors)),
            sources: Self.unique(documents.compactMap(\.metadata.source)),
            description: digest ? nil : EPUBPages.nonEmpty(documents[0].metadata.description),
            subjects: Self.unique(documents.flatMap(\.metadata.keywords)),
            hasImages: images.resources.contains { $0.properties == nil } || cover != nil)

        var manifest = [
            EPUBManifestItem(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav"),
            EPUBManifestItem(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"),
            EPUBManifestItem(id: "css", href: EPUBPages.stylesheetHref, mediaType: "text/css"),
        ]
        var spine: [String] = []
        var zip = ZipArchive(modificationTime: modifiedSeconds)
        zip.add("mimetype", "application/epub+zip", stored: true)
        zip.add("META-INF/container.xml", EPUBPackageDocument.container)
        var files: [(String, [UInt8])] = []
        if let cover {
            manifest.append(EPUBManifestItem(id: "cover", href: "cover.xhtml", mediaType: "application/xhtml+xml"))
            spine.append("cover")
            files.append(("cover.xhtml", EPUBPages.cover(image: cover, title: title, language: bookLanguage, labels: labels)))
        }
        manifest.append(EPUBManifestItem(id: "titlepage", href: "titlepage.xhtml", mediaType: "application/xhtml+xml"))
        spine.append("titlepage")
        files.append(("titlepage.xhtml", titlePage))
        for chapter in chapters {
            manifest.append(EPUBManifestItem(id: chapter.manifestID, href: chapter.fileName,
                                             mediaType: "application/xhtml+xml"))
            spine.append(chapter.manifestID)
            files.append((chapter.fileName, chapter.xhtml))
        }
        for resource in images.resources {
            manifest.append(EPUBManifestItem(id: resource.id, href: resource.href, mediaType: resource.mediaType,
                                             properties: resource.properties))
        }
        zip.add(EPUBPackageDocument.path, EPUBPackageDocument.opf(metadata, manifest: manifest, spine: spine,
                                                                  coverImageID: cover?.id))
        zip.add("OEBPS/nav.xhtml", EPUBNavigation.navDocument(toc: toc, landmarks: landmarks, language: bookLanguage,
                                                              labels: labels))
        zip.add("OEBPS/toc.ncx", EPUBNavigation.ncx(toc: toc, identifier: identifier, title: title,
                                                    language: bookLanguage))
        zip.add("OEBPS/" + EPUBPages.stylesheetHref, context.options.epub.css ?? EPUBStylesheet.builtIn)
        for (name, text) in files { zip.add("OEBPS/" + name, text) }
        for resource in images.resources { zip.add("OEBPS/" + resource.href, resource.bytes) }
        return try zip.data()
    }

    /// The releases' valid language tags without repeats, the most common first (ties: first seen first).
    static func languages(_ documents: [Document]) -> [String] {
        let tags = documents.compactMap { LanguageTag.normalized($0.metadata.language) }
        let distinct = unique(tags)
        let counts = distinct.map { tag in tags.filter { $0 == tag }.count }
        return distinct.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }.map { distinct[$0] }
    }

    /// The release's headline (`ReleasePresentation.headline`), else "Press release" (numbered in a digest).
    static func title(of document: Document, number: Int, labels: ReleaseTerms) -> String {
        if let headline = ReleasePresentation.headline(document.metadata, blocks: document.blocks) { return headline }
        return number > 0 ? "\(labels.pressRelease) \(number)" : labels.pressRelease
    }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for value in values {
            guard let v = EPUBPages.nonEmpty(value), seen.insert(v).inserted else { continue }
            out.append(v)
        }
        return out
    }
}
