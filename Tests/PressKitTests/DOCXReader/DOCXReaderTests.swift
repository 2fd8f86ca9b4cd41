import Foundation
import XCTest
@testable import PressKit

/// The DOCX reader on small packages built for each feature of the issue.
final class DOCXReaderTests: XCTestCase {
    typealias P = DOCXTestPackage

    func testLocalisedHeadingStylesThroughBasedOnAndOutlineLevels() throws {
        var package = P(body: P.p("Titel der Mitteilung", style: "Titel") + P.p("Erster Abschnitt", style: "berschrift1")
                        + P.p("Abgeleitet", style: "MeineUeberschrift") + P.p("Gliederung", style: "Outline3")
                        + P.p("Titre deux", style: "Titre2") + P.p("Заголовок", style: "ru1") + P.p("Body text."))
        package.styles = """
            <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="Überschrift 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="MeineUeberschrift"><w:name w:val="Meine"/><w:basedOn w:val="berschrift1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="Gliederung"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="Titre 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="ru1"><w:name w:val="Заголовок 4"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
            """
        let doc = try package.read()
        XCTAssertEqual(doc.metadata.title, "Titel der Mitteilung")
        XCTAssertEqual(doc.blocks, [
            .heading(level: 1, content: [.text("Erster Abschnitt")], id: nil),
            .heading(level: 1, content: [.text("Abgeleitet")], id: nil),
            .heading(level: 3, content: [.text("Gliederung")], id: nil),
            .heading(level: 2, content: [.text("Titre deux")], id: nil),
            .heading(level: 4, content: [.text("Заголовок")], id: nil),
            .paragraph([.text("Body text.")]),
        ])
    }

    func testListsFromNumberingWithNestingStartAndKinds() throws {
        var package = P(body: P.p("one", numId: 1) + P.p("nested", numId: 1, ilvl: 1) + P.p("two", numId: 1)
                        + P.p("Between.") + P.p("bullet", numId: 2) + P.p("restart", numId: 3))
        package.numbering = """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            """
        let doc = try package.read()
        let nested = Block.bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("nested")])])]))
        XCTAssertEqual(doc.blocks, [
            .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("one")]), nested]),
                                           ListItem(blocks: [.paragraph([.text("two")])])], start: 5, delimiter: ")")),
            .paragraph([.text("Between.")]),
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("bullet")])])])),
            .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("restart")])])], start: 1, delimiter: ")")),
        ])
    }

    func testTablesWithHeaderRowsColumnAndRowSpans() throws {
        func cell(_ text: String, _ tcPr: String = "") -> String { "<w:tc>\(tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>")\(P.p(text))</w:tc>" }
        let body = "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>\(cell("A", "<w:gridSpan w:val=\"2\"/>"))\(cell("B"))</w:tr>"
            + "<w:tr>\(cell("x", "<w:vMerge w:val=\"restart\"/>"))\(cell("y"))\(cell("z"))</w:tr>"
            + "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>\(cell("v"))\(cell("w"))</w:tr></w:tbl>"
        let doc = try P(body: body).read()
        guard case .table(let table)? = doc.blocks.first else { return XCTFail("no table: \(doc.blocks)") }
        XCTAssertEqual(table.header.count, 1)
        XCTAssertEqual(table.header[0].map(\.colspan), [2, 1])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[0].map(\.rowspan), [2, 1, 1])
        XCTAssertEqual(table.rows[1].count, 2, "the merged cell is not repeated")
    }

    func testLinksNotesTrackedChangesCommentsFieldsAndContentControls() throws {
        var package = P(body: """
            <w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rL"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>our site</w:t></w:r></w:hyperlink>\
            <w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>\
            <w:p><w:ins><w:r><w:t>Kept </w:t></w:r></w:ins><w:del><w:r><w:delText>gone </w:delText></w:r></w:del>\
            <w:commentRangeStart w:id="0"/><w:r><w:t>text</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>\
            <w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> in a control</w:t></w:r></w:sdtContent></w:sdt></w:p>\
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/a" </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>field link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:t xml:space="preserve"> and </w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>3 May</w:t></w:r></w:fldSimple></w:p>
            """)
        package.relationships = [("rL", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", "https://example.com/press", true)]
        package.footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p/></w:footnote><w:footnote w:id=\"1\">\(P.p("A note."))</w:footnote>"
        let doc = try package.read()
        XCTAssertEqual(doc.blocks, [
            .paragraph([.text("See "), .link(Link(target: "https://example.com/press", content: [.text("our site")])), .text("."),
                        .note([.paragraph([.text("A note.")])])]),
            .paragraph([.text("Kept text in a control")]),
            .paragraph([.link(Link(target: "https://example.org/a", content: [.text("field link")])), .text(" and 3 May")]),
        ])
    }

    func testRunsMergeAndFormattingNests() throws {
        func r(_ t: String, _ rPr: String) -> String { "<w:r><w:rPr>\(rPr)</w:rPr><w:t xml:space=\"preserve\">\(t)</w:t></w:r>" }
        let body = "<w:p>" + r("Hel", "<w:b/>") + r("lo", "<w:b/>") + r(" world ", "<w:b/><w:i/>") + r("x", "<w:vertAlign w:val=\"superscript\"/>")
            + r(" code", "<w:rFonts w:ascii=\"Courier New\"/>") + r(" plain", "") + r("gone", "<w:b w:val=\"0\"/><w:strike/>") + "</w:p>"
        let doc = try P(body: body).read()
        XCTAssertEqual(doc.blocks, [.paragraph([
            .strong([.text("Hello "), .emphasis([.text("world")])]), .text(" "), .superscript([.text("x")]),
            .text(" "), .code("code"), .text(" plain"), .strikethrough([.text("gone")]),
        ])])
    }

    func testImagesBecomeFiguresWithAltTextAndDataURIs() throws {
        let png: [UInt8] = DOCXTestPackage.png
        var package = P(body: """
            <w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="476250"/><wp:docPr id="1" name="Picture 1" descr="The new plant"/>\
            <a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rI"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>\
            </wp:inline></w:drawing></w:r></w:p>
            """)
        package.relationships = [("rI", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", "media/image1.png", false)]
        package.media = ["media/image1.png": png]
        let doc = try package.read()
        guard case .figure(let figure)? = doc.blocks.first else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(figure.image.alt, "The new plant")
        XCTAssertEqual(figure.image.width, 100)
        XCTAssertEqual(figure.image.height, 50)
        XCTAssertEqual(figure.image.source, "data:image/png;base64," + DOCXBase64.encode(png))
    }

    func testCoreAndCustomPropertiesAndThePressPass() throws {
        var package = P(body: P.p("FOR IMMEDIATE RELEASE") + P.p("Acme Opens a Plant in Lyon", style: "Heading1")
                        + P.p("LYON, France, March 3, 2024 – Acme today opened its plant.") + P.p("###"))
        package.core = "<dc:title>Props title</dc:title><dc:creator>Ana Ruiz; Bo Li</dc:creator><cp:keywords>energy, plants</cp:keywords>"
            + "<dc:description>A plant.</dc:description><dc:language>fr-FR</dc:language><dcterms:created>2024-03-01T10:00:00Z</dcterms:created>"
        package.extra = ["docProps/custom.xml": Array("""
            <?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Desk"><vt:lpwstr>Business</vt:lpwstr></property></Properties>
            """.utf8)]
        let raw = try package.read()
        XCTAssertEqual(raw.metadata.authors, ["Ana Ruiz", "Bo Li"])
        XCTAssertEqual(raw.metadata.keywords, ["energy", "plants"])
        XCTAssertEqual(raw.metadata.language, "fr-FR")
        XCTAssertEqual(raw.metadata.extra["Desk"], "Business")
        XCTAssertEqual(raw.metadata.extra["created"], "2024-03-01T10:00:00Z")
        // Through the pipeline, the press pass runs as for text and HTML.
        let doc = try Converter.read(try package.bytes(), format: Formats.named("docx")!, context: ConversionContext())
        XCTAssertEqual(doc.metadata.dateline, "LYON, France")
        XCTAssertEqual(doc.metadata.date, "2024-03-03")
        XCTAssertFalse(doc.blocks.contains { if case .paragraph(let i) = $0 { return i.plainText.contains("###") || i.plainText.contains("IMMEDIATE") } else { return false } })
    }

    func testSymbolFontCharactersReadAsTheirUnicodeCharacters() throws {
        let document = try P(body: """
            <w:p><w:r><w:t xml:space="preserve">a </w:t><w:sym w:font="Symbol" w:char="F0DA"/><w:sym w:font="Symbol" w:char="00DA"/>            <w:sym w:font="Symbol" w:char="F061"/><w:sym w:font="Symbol" w:char="F0B3"/><w:sym w:font="Symbol" w:char="F028"/>            <w:sym w:font="Wingdings" w:char="F041"/><w:t xml:space="preserve"> b</w:t></w:r>            <w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>\u{F028}\u{F070}\u{F029}</w:t></w:r></w:p>
            """).read()
        XCTAssertEqual(document.blocks, [.paragraph([.text("a ∨∨α≥(A b(π)")])])
    }

    func testWordDocumentIsDetectedOnStandardInput() throws {
        let bytes = try P(body: P.p("Hello.")).bytes()
        XCTAssertEqual(Formats.sniff(bytes).name, "docx")
        XCTAssertEqual(Formats.forPath("release.DOCX")?.name, "docx")
        XCTAssertTrue(Formats.named("docx")!.readsZipContainer)
        var epub = ZipArchive()
        epub.add("mimetype", "application/epub+zip", stored: true)
        XCTAssertNotEqual(Formats.sniff(try epub.data()).name, "docx")
    }
}

extension DOCXTestPackage {
    /// A 1×1 PNG.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
                               0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A,
                               0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D,
                               0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
}
