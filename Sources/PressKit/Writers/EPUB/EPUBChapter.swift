/// One release as a content document of the book.
struct EPUBChapter {
    var manifestID: String
    var fileName: String
    var title: String
    var date: String?
    var language: String
    /// The content document's UTF-8 bytes.
    var xhtml: [UInt8]
    /// The chapter's outline for the contents: its headings, then its contacts.
    var outline: [EPUBTOCEntry]
    var embeddedImages: Int

    /// Boilerplate divisions ("About …") and contact blocks the reader left in the body move to the end.
    static let endRoles: Set<String> = ["about", "boilerplate", "contact", "contacts"]

    /// Builds chapter `number` from `document` (number `index` in the input order, for resource lookups).
    /// A digest chapter starts with the release's own header; a single release has it on the title page.
    static func build(_ document: Document, index: Int, number: Int, digest: Bool, title: String, language: String,
                      images: EPUBImageStore, context: ConversionContext) -> EPUBChapter {
        let fileName = "chapter-\(number).xhtml"
        let release = ReleasePresentation(document.metadata, language: language)
        var main: [Block] = []
        var end: [Block] = []
        for block in document.blocks {
            if case .division(let role?, _) = block, endRoles.contains(role.fastLowercased()) {
                end.append(block)
            } else {
                main.append(block)
            }
        }
        var preparer = EPUBChapterPreparer(documentIndex: index, headingShift: digest ? 1 : 0, images: images,
                                           context: context, reservedIDs: ["title", "contacts"])
        let blocks = preparer.prepare(main + end)
        let source = EPUBPages.nonEmpty(release.source)

        func render(fragments: [String: String], emitted: FragmentRecorder, context: ConversionContext) -> [UInt8] {
            var settings = HTMLRenderSettings()
            settings.xhtml = true
            settings.idPrefix = ""
            settings.image = { image in images.isEmbedded(image.source) ? image : nil }
            settings.linkTarget = { target in
                let kept = EPUBLinkPolicy.target(target, fragments: fragments)
                if let kept, kept.hasPrefix("#") { emitted.ids.insert(String(kept.dropFirst())) }
                return kept
            }
            return EPUBPages.document(title: title, language: language, bodyType: "bodymatter") { xml in
                xml.open("section", [("class", "release"), ("epub:type", "chapter"),
                                     ("aria-labelledby", digest ? "title" : nil),
                                     ("aria-label", digest ? nil : title)])
                xml.newline()
                if digest {
                    xml.open("header")
                    xml.newline()
                    EPUBPages.header(release, title: title, headingID: "title", into: &xml)
                    xml.close()
                    xml.newline()
                }
                HTMLWriter().renderBody(blocks, into: &xml, settings: settings, context: context)
                if !release.contacts.isEmpty {
                    EPUBPages.contacts(release, id: "contacts", level: 2, into: &xml)
                }
                if let source { EPUBPages.source(source, release: release, into: &xml) }
                xml.close()
                xml.newline()
            }
        }

        // Render; if a fragment link points at an id the HTML writer did not write, render again without it
        // (its warnings were already reported by the first rendering).
        let emitted = FragmentRecorder()
        var xhtml = render(fragments: preparer.fragments, emitted: emitted, context: context)
        var ids = Self.ids(in: xhtml)
        if !emitted.ids.isSubset(of: ids) {
            let scratch = ConversionContext(options: context.options, resources: context.resources,
                                            inputName: context.inputName)
            xhtml = render(fragments: preparer.fragments.filter { ids.contains($0.value) }, emitted: FragmentRecorder(),
                           context: scratch)
            ids = Self.ids(in: xhtml)
        }

        var outline = EPUBTOCEntry.nest(preparer.headings.map { heading in
            (heading.level, heading.title, ids.contains(heading.id) ? fileName + "#" + heading.id : fileName)
        })
        if !release.contacts.isEmpty {
            outline.append(EPUBTOCEntry(label: release.contactsHeading, href: fileName + "#contacts"))
        }
        return EPUBChapter(manifestID: "chapter-\(number)", fileName: fileName, title: title,
                           date: document.metadata.date, language: language, xhtml: xhtml, outline: outline,
                           embeddedImages: preparer.embeddedImageCount)
    }

    /// The values of all `id` attributes in `xhtml` (UTF-8): each ` id="` found from its `=` (rare in text, so
    /// `memchr` skips most bytes; a space-first search stopped at every word), its value up to the next `"`.
    static func ids(in xhtml: [UInt8]) -> Set<String> {
        xhtml.withUnsafeBufferPointer { bytes -> Set<String> in
            var result: Set<String> = []
            let n = bytes.count
            var from = 0
            while let j = ByteScan.firstOffset(of: UInt8(ascii: "="), in: bytes, from: from) {
                from = j + 1
                guard j >= 3, j + 1 < n, bytes[j - 3] == 32, bytes[j - 2] == 105, bytes[j - 1] == 100, bytes[j + 1] == 34
                else { continue }
                let end = ByteScan.firstOffset(of: UInt8(ascii: "\""), in: bytes, from: j + 2) ?? n
                result.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(j + 2)..<end]), as: UTF8.self))
                from = end
            }
            return result
        }
    }
}

/// Collects the fragment ids the link policy kept while a chapter was rendered.
final class FragmentRecorder {
    var ids: Set<String> = []
}
