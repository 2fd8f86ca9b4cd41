/// Assembles the parts of a WordprocessingML package and zips them (entries in a fixed order, one fixed
/// time), so the same document gives the same bytes.
struct DOCXPackage {
    let renderer: DOCXRenderer
    let section: DOCXSection
    let language: String
    /// `word/styles.xml`: the built-in styles for the language (`DOCXConstantParts`) or the reference document's.
    var styles: [UInt8] = []
    var properties: DOCXProperties?

    /// Parts every document relates to, with their relationship types, in the order of their ids (rId1…).
    static let fixedDocumentParts: [(String, String)] = [
        ("styles", "styles.xml"), ("numbering", "numbering.xml"), ("settings", "settings.xml"),
        ("fontTable", "fontTable.xml"), ("footnotes", "footnotes.xml"),
    ]

    private static let wordML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    init(renderer: DOCXRenderer, section: DOCXSection, language: String) {
        self.renderer = renderer
        self.section = section
        self.language = language
    }

    func zip(modificationTime: Int) throws -> [UInt8] {
        var zip = ZipArchive(modificationTime: modificationTime)
        // Parts that do not depend on this document are built once per process (`DOCXConstantParts`).
        let constant = DOCXConstantParts.shared.parts(language: language)
        zip.add("[Content_Types].xml", renderer.media.isEmpty ? DOCXConstantParts.contentTypesWithoutMedia
                                                               : Array(Self.contentTypes(media: renderer.media).utf8))
        zip.add("_rels/.rels", DOCXConstantParts.packageRelationships)
        zip.add("docProps/core.xml", properties?.core() ?? "")
        zip.add("docProps/app.xml", properties?.app() ?? "")
        zip.add("word/document.xml", document())
        let relationships = renderer.documentRelationships
        zip.add("word/_rels/document.xml.rels", relationships.entries.count == Self.fixedDocumentParts.count
                    ? DOCXConstantParts.fixedDocumentRelationships : Array(relationships.part().utf8))
        zip.add("word/styles.xml", styles)
        zip.add("word/numbering.xml", renderer.numbering.isEmpty ? DOCXConstantParts.numberingWithoutLists
                                                                 : Array(renderer.numbering.part().utf8))
        zip.add("word/settings.xml", constant.settings)
        zip.add("word/fontTable.xml", DOCXConstantParts.fontTable)
        zip.add("word/footnotes.xml", renderer.footnotesOut.isEmpty ? DOCXConstantParts.footnotesWithoutNotes
                                                                     : Array(footnotes().utf8))
        if !renderer.footnoteRelationships.entries.isEmpty {
            zip.add("word/_rels/footnotes.xml.rels", renderer.footnoteRelationships.part())
        }
        for item in renderer.media {
            // PNG, JPEG and GIF are compressed already: stored, not deflated again.
            zip.add("word/" + item.name, item.bytes, stored: true)
        }
        return try zip.data()
    }

    static func contentTypes(media: [(name: String, bytes: [UInt8], kind: DOCXImageInfo.Kind)]) -> String {
        var xml = XMLWriter(declaration: true)
        xml.open("Types", [("xmlns", DOCXNamespace.contentTypes)])
        xml.element("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        xml.element("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        var seen: Set<String> = []
        for item in media where seen.insert(item.kind.fileExtension).inserted {
            xml.element("Default", [("Extension", item.kind.fileExtension), ("ContentType", item.kind.mediaType)])
        }
        let overrides: [(String, String)] = [
            ("/word/document.xml", wordML + "document.main+xml"),
            ("/word/styles.xml", wordML + "styles+xml"),
            ("/word/numbering.xml", wordML + "numbering+xml"),
            ("/word/settings.xml", wordML + "settings+xml"),
            ("/word/fontTable.xml", wordML + "fontTable+xml"),
            ("/word/footnotes.xml", wordML + "footnotes+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        for (part, type) in overrides { xml.element("Override", [("PartName", part), ("ContentType", type)]) }
        return xml.finish()
    }

    static func packageRelationships() -> String {
        DOCXRelationships.part([
            .init(id: "rId1", type: "officeDocument", target: "word/document.xml", external: false),
            .init(id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                  target: "docProps/core.xml", external: false),
            .init(id: "rId3", type: "extended-properties", target: "docProps/app.xml", external: false),
        ])
    }

    /// The main part. The renderer's body bytes are moved into it, not copied (a large release's
    /// `document.xml` is tens of megabytes: each copy raised the writer's peak memory by as much).
    func document() -> [UInt8] {
        var xml = XMLWriter(declaration: true)
        xml.open("w:document", DOCXNamespace.wordRoot)
        xml.open("w:body")
        do {
            let body = renderer.out.finishBytes()
            xml.raw(bytes: body, reserve: 1024)
        }
        section.write(into: &xml)
        return xml.finishBytes()
    }

    func footnotes() -> String {
        var notes = renderer.footnotesOut
        return Self.footnotes(notes: notes.finish())
    }

    /// `word/footnotes.xml` holding the separators and `notes` (markup).
    static func footnotes(notes: String) -> String {
        var xml = XMLWriter(declaration: true)
        xml.open("w:footnotes", DOCXNamespace.wordRoot)
        for (id, type, mark) in [("-1", "separator", "w:separator"), ("0", "continuationSeparator", "w:continuationSeparator")] {
            xml.open("w:footnote", [("w:type", type), ("w:id", id)])
            xml.open("w:p")
            xml.open("w:pPr")
            xml.element("w:spacing", [("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")])
            xml.close()
            xml.open("w:r")
            xml.element(mark)
            xml.close()
            xml.close()
            xml.close()
        }
        xml.raw(notes)
        return xml.finish()
    }

    func settings() -> String { Self.settings(language: language) }

    static func settings(language: String) -> String {
        typealias N = DOCXNode
        var xml = XMLWriter(declaration: true)
        N("w:settings", ["xmlns:w": DOCXNamespace.w], [
            N("w:zoom", ["w:percent": "100"]),
            .val("w:defaultTabStop", "720"),
            .val("w:characterSpacingControl", "doNotCompress"),
            N("w:footnotePr", [:], [N("w:footnote", ["w:id": "-1"]), N("w:footnote", ["w:id": "0"])]),
            N("w:compat", [:], [N("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])]),
            .val("w:themeFontLang", language),
            .val("w:decimalSymbol", "."),
            .val("w:listSeparator", ","),
        ]).write(into: &xml)
        return xml.finish()
    }

    static func fontTable() -> String {
        typealias N = DOCXNode
        func font(_ name: String, panose: String, family: String, pitch: String) -> DOCXNode {
            N("w:font", ["w:name": name], [.val("w:panose1", panose), .val("w:charset", "00"),
                                           .val("w:family", family), .val("w:pitch", pitch)])
        }
        var xml = XMLWriter(declaration: true)
        N("w:fonts", ["xmlns:w": DOCXNamespace.w], [
            font(DOCXStyles.bodyFont, panose: "020F0502020204030204", family: "swiss", pitch: "variable"),
            font(DOCXStyles.headingFont, panose: "020F0302020204030204", family: "swiss", pitch: "variable"),
            font(DOCXStyles.codeFont, panose: "020B0609020204030204", family: "modern", pitch: "fixed"),
        ]).write(into: &xml)
        return xml.finish()
    }
}
