extension DOCXRenderer {
    /// An image: embedded as an inline drawing at its real size (scaled to fit), or, when it cannot be
    /// embedded, its alt text linked to its source, with a warning.
    func image(_ image: Image, _ props: RunProperties, _ ctx: ParagraphContext) {
        let alt = Self.altText(image)
        switch embed(image) {
        case .success(let (id, info, name)):
            let size = info.displaySize(requestedWidth: image.width, requestedHeight: image.height,
                                        maxWidth: ctx.maxImageWidth)
            drawing(relationship: id, name: name, alt: alt, title: image.title, cx: size.cx, cy: size.cy, props)
        case .failure(let reason):
            context.warn("DOCX: image \(image.source) not embedded (\(reason.message)); shown as its alt text with a link")
            let text = alt.isEmpty ? image.source : alt
            let isLink = !image.source.isEmpty && !image.source.hasPrefix("data:")
            if isLink && linkDepth == 0 {
                inline(.link(Link(target: image.source, title: image.title, content: [.text(text)])), props, ctx, depth: 0)
            } else {
                run(text, props)
            }
        }
    }

    struct EmbedFailure: Error { var message: String }

    /// Reads the image through the resource resolver and adds it to the media (once per document and
    /// source); returns its relationship id, header information and file name.
    private func embed(_ image: Image) -> Result<(String, DOCXImageInfo, String), EmbedFailure> {
        let key = String(documentIndex) + "\u{0}" + image.source
        if let index = mediaByKey[key] {
            let entry = media[index]
            guard let info = DOCXImageInfo(entry.bytes) else { return .failure(EmbedFailure(message: "unreadable")) }
            let id = relationship(type: "image", target: entry.name)
            return .success((id, info, String(entry.name.dropFirst("media/".count))))
        }
        guard !image.source.isEmpty else { return .failure(EmbedFailure(message: "no source")) }
        // A picture carried in the tree itself (a `data:` URL, as the DOCX reader makes them) needs no lookup.
        let lookup = EPUBMediaType.decodeDataURL(image.source).map { ResourceLookup.found($0) }
            ?? context.resources.lookup(image.source, document: documentIndex)
        switch lookup {
        case .refused(let reason):
            return .failure(EmbedFailure(message: reason))
        case .found(let bytes):
            guard let info = DOCXImageInfo(bytes) else {
                return .failure(EmbedFailure(message: "not a PNG, JPEG or GIF image"))
            }
            let name = "media/image\(media.count + 1).\(info.kind.fileExtension)"
            mediaByKey[key] = media.count
            media.append((name, bytes, info.kind))
            let id = relationship(type: "image", target: name)
            return .success((id, info, String(name.dropFirst("media/".count))))
        }
    }

    /// Alt text: the image's own, else its title, else its file name.
    static func altText(_ image: Image) -> String {
        let alt = image.alt.trimmingSpaces()
        if !alt.isEmpty { return alt }
        if let title = image.title?.trimmingSpaces(), !title.isEmpty { return title }
        var name = image.source
        if let cut = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = String(name[..<cut]) }
        return name.split(separator: "/").last.map(String.init) ?? ""
    }

    /// `w:drawing` with an inline picture (`wp:inline` / `a:graphic` / `pic:pic`).
    private func drawing(relationship id: String, name: String, alt: String, title: String?, cx: Int, cy: Int,
                         _ props: RunProperties) {
        drawingCount += 1
        let number = String(drawingCount)
        let width = String(cx), height = String(cy)
        out.open("w:r")
        runProperties(props)
        out.open("w:drawing")
        out.open("wp:inline", [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")])
        out.element("wp:extent", [("cx", width), ("cy", height)])
        out.element("wp:effectExtent", [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")])
        out.element("wp:docPr", [("id", number), ("name", "Picture \(number)"), ("descr", alt),
                                 ("title", title.flatMap { $0.isEmpty ? nil : $0 })])
        out.open("wp:cNvGraphicFramePr")
        out.element("a:graphicFrameLocks", [("noChangeAspect", "1")])
        out.close()
        out.open("a:graphic")
        out.open("a:graphicData", [("uri", DOCXNamespace.pic)])
        out.open("pic:pic")
        out.open("pic:nvPicPr")
        out.element("pic:cNvPr", [("id", "0"), ("name", name), ("descr", alt)])
        out.open("pic:cNvPicPr")
        out.element("a:picLocks", [("noChangeAspect", "1"), ("noChangeArrowheads", "1")])
        out.close()
        out.close()
        out.open("pic:blipFill")
        out.element("a:blip", [("r:embed", id)])
        out.open("a:stretch")
        out.element("a:fillRect")
        out.close()
        out.close()
        out.open("pic:spPr", [("bwMode", "auto")])
        out.open("a:xfrm")
        out.element("a:off", [("x", "0"), ("y", "0")])
        out.element("a:ext", [("cx", width), ("cy", height)])
        out.close()
        out.open("a:prstGeom", [("prst", "rect")])
        out.element("a:avLst")
        out.close()
        out.close()
        out.close() // pic:pic
        out.close() // a:graphicData
        out.close() // a:graphic
        out.close() // wp:inline
        out.close() // w:drawing
        out.close() // w:r
    }
}
