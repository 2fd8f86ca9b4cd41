import Foundation
@testable import PressKit

/// Builds small .docx packages in memory for the reader's tests: a document body, optional styles,
/// numbering, footnotes, relationships and media.
struct DOCXTestPackage {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""

    var body: String
    var styles: String?
    var numbering: String?
    var footnotes: String?
    var relationships: [(id: String, type: String, target: String, external: Bool)] = []
    var media: [String: [UInt8]] = [:]
    var core: String?
    var extra: [String: [UInt8]] = [:]

    init(body: String) { self.body = body }

    func bytes() throws -> [UInt8] {
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("_rels/.rels", """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """)
        zip.add("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(Self.w)><w:body>\(body)</w:body></w:document>")
        var rels = relationships
        if styles != nil { rels.append(("rs", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml", false)) }
        if numbering != nil { rels.append(("rn", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering", "numbering.xml", false)) }
        if footnotes != nil { rels.append(("rf", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes", "footnotes.xml", false)) }
        let relXML = rels.map { r in
            "<Relationship Id=\"\(r.id)\" Type=\"\(r.type)\" Target=\"\(r.target)\"\(r.external ? " TargetMode=\"External\"" : "")/>"
        }.joined()
        zip.add("word/_rels/document.xml.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relXML)</Relationships>")
        if let styles { zip.add("word/styles.xml", "<?xml version=\"1.0\"?><w:styles \(Self.w)>\(styles)</w:styles>") }
        if let numbering { zip.add("word/numbering.xml", "<?xml version=\"1.0\"?><w:numbering \(Self.w)>\(numbering)</w:numbering>") }
        if let footnotes { zip.add("word/footnotes.xml", "<?xml version=\"1.0\"?><w:footnotes \(Self.w)>\(footnotes)</w:footnotes>") }
        if let core {
            zip.add("docProps/core.xml", """
                <?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">\(core)</cp:coreProperties>
                """)
        }
        for (name, bytes) in media { zip.add("word/" + name, bytes) }
        for (name, bytes) in extra { zip.add(name, bytes) }
        return try zip.data()
    }

    func read() throws -> Document {
        try DOCXReader().read(try bytes(), context: ConversionContext())
    }

    static func p(_ text: String, style: String? = nil, numId: Int? = nil, ilvl: Int = 0) -> String {
        var pPr = ""
        if let style { pPr += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numId { pPr += "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>" }
        return "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }
}
