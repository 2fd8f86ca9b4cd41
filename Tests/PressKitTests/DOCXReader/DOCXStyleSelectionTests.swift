import Foundation
import XCTest
@testable import PressKit

/// The reader parses only the styles a document uses (`DOCXStyleSelection`): the same reading as the whole
/// `styles.xml`, and the whole part when the scan is unsure.
final class DOCXStyleSelectionTests: XCTestCase {
    typealias P = DOCXTestPackage

    static let styles = """
        <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault></w:docDefaults>\
        <w:latentStyles w:count="2"><w:lsdException w:name="heading 1"/><w:lsdException w:name="Title"/></w:latentStyles>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Pressetitel" w:customStyle="1"><w:name w:val="Presse &gt; Titel"/>\
        <w:basedOn w:val="berschrift1"/></w:style>\
        <w:style w:type='paragraph' w:styleId='Unused' w:note='a > b'><w:name w:val='Unused'/><w:pPr><w:outlineLvl w:val='0'/></w:pPr></w:style>\
        <w:style w:type="character" w:styleId="Fett"><w:name w:val="Fett"/><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="character" w:styleId="Empty"/>\
        <w:style w:type="table" w:styleId="Tabelle"><w:name w:val="Table Grid"/><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>
        """

    func testOnlyTheUsedStylesTheirParentsAndTheDefaultAreKept() throws {
        let bytes = Array("<?xml version=\"1.0\"?><w:styles \(P.w)>\(Self.styles)</w:styles>".utf8)
        let selection = try XCTUnwrap(DOCXStyleSelection(bytes))
        XCTAssertEqual(selection.entries.map(\.id), ["Standard", "berschrift1", "Pressetitel", "Unused", "Fett", "Empty", "Tabelle"])
        XCTAssertEqual(selection.defaultParagraphIds, ["Standard"])
        let sheet = try DOCXStyleSheet.read(bytes, name: "styles.xml", used: ["Pressetitel", "Fett"])
        XCTAssertEqual(sheet.styles.keys.sorted(), ["Fett", "Pressetitel", "Standard", "berschrift1"])
        XCTAssertEqual(sheet.role("Pressetitel"), .heading(1))
        XCTAssertEqual(sheet.styles["Pressetitel"]?.name, "Presse > Titel")
        XCTAssertTrue(sheet.runFormat("Fett").bold)
        XCTAssertEqual(sheet.defaultParagraph, "Standard")
        XCTAssertEqual(sheet.defaultLanguage, "de-DE")

        let document = try P(body: """
            <w:p><w:pPr><w:pStyle w:val="Pressetitel"/></w:pPr><w:r><w:t>Neue Anlage</w:t></w:r></w:p>\
            <w:p><w:r><w:t xml:space="preserve">Heute </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Fett"/></w:rPr><w:t>eröffnet</w:t></w:r></w:p>
            """).with(styles: Self.styles).read()
        XCTAssertEqual(document.blocks.first, .heading(level: 1, content: [.text("Neue Anlage")], id: nil))
        XCTAssertEqual(document.blocks.last, .paragraph([.text("Heute "), .strong([.text("eröffnet")])]))
        XCTAssertEqual(document.metadata.language, "de-DE")
    }

    /// A batch from one template reuses the template's scan (`DOCXStylesCache`); a changed style in the
    /// same template is a different part and reads as itself.
    func testABatchFromOneTemplateReadsEachDocumentAsItself() throws {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="Pressetitel"/></w:pPr><w:r><w:t>Titel</w:t></w:r></w:p>            <w:p><w:pPr><w:pStyle w:val="Unused"/></w:pPr><w:r><w:t>Zweite</w:t></w:r></w:p>
            """
        let changed = Self.styles.replacingOccurrences(of: "<w:outlineLvl w:val='0'/>", with: "<w:outlineLvl w:val='2'/>")
        for _ in 0..<3 {
            let a = try P(body: body).with(styles: Self.styles).read()
            XCTAssertEqual(a.blocks, [.heading(level: 1, content: [.text("Titel")], id: nil),
                                      .heading(level: 1, content: [.text("Zweite")], id: nil)])
            let b = try P(body: body).with(styles: changed).read()
            XCTAssertEqual(b.blocks.last, .heading(level: 3, content: [.text("Zweite")], id: nil))
            let c = try P(body: "<w:p><w:r><w:t>Nur Text</w:t></w:r></w:p>").with(styles: Self.styles).read()
            XCTAssertEqual(c.blocks, [.paragraph([.text("Nur Text")])])
        }
    }

    func testWhatTheScanDoesNotUnderstandIsParsedWhole() throws {
        for odd in ["<!-- a comment -->", "<![CDATA[x]]>", "<?pi data?>"] {
            let text = "<?xml version=\"1.0\"?><w:styles \(P.w)>\(odd)\(Self.styles)</w:styles>"
            XCTAssertNil(DOCXStyleSelection(Array(text.utf8)), odd)
            let sheet = try DOCXStyleSheet.read(Array(text.utf8), name: "styles.xml", used: ["Pressetitel"])
            XCTAssertEqual(sheet.role("Pressetitel"), .heading(1), odd)
            XCTAssertNotNil(sheet.styles["Unused"], "parsed whole: \(odd)")
        }
        // An id with an entity, an end tag the scan cannot find, another root: the whole part.
        let entity = "<w:styles \(P.w)><w:style w:styleId=\"A&amp;B\"><w:name w:val=\"Title\"/></w:style></w:styles>"
        XCTAssertNil(DOCXStyleSelection(Array(entity.utf8)))
        XCTAssertEqual(try DOCXStyleSheet.read(Array(entity.utf8), name: "styles.xml", used: ["A&B"]).role("A&B"), .title)
        XCTAssertNil(DOCXStyleSelection(Array("<w:styles \(P.w)><w:style w:styleId=\"A\"></w:style ></w:styles>".utf8)))
        XCTAssertNil(DOCXStyleSelection(Array("<w:other \(P.w)><w:style w:styleId=\"A\"/></w:other>".utf8)))
        XCTAssertNil(DOCXStyleSelection(Array("<w:styles \(P.w)><w:style w:styleId=\"A\"/>".utf8)))
        // An entity in a style's type, or a basedOn under another prefix: the whole part, which libxml2 reads.
        XCTAssertNil(DOCXStyleSelection(Array("<w:styles \(P.w)><w:style w:type=\"&#112;aragraph\" w:styleId=\"A\"/></w:styles>".utf8)))
        let otherPrefix = "<w:styles \(P.w) xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:style w:styleId=\"Top\"><w:name w:val=\"Title\"/></w:style>"
            + "<w:style w:styleId=\"Child\"><w:name w:val=\"Child\"/><x:basedOn x:val=\"Top\"/></w:style></w:styles>"
        XCTAssertNil(DOCXStyleSelection(Array(otherPrefix.utf8)))
        XCTAssertEqual(try DOCXStyleSheet.read(Array(otherPrefix.utf8), name: "styles.xml", used: ["Child"]).styles["Child"]?.basedOn, "Top")
        // A DOCTYPE is still refused: the whole part goes to XMLReader.
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE w:styles><w:styles \(P.w)></w:styles>"
        XCTAssertThrowsError(try DOCXStyleSheet.read(Array(doctype.utf8), name: "styles.xml", used: []))
    }

    /// On every file of the pandoc judge (Word, LibreOffice, Google Docs and others), the selection reads
    /// every used style as the whole part does.
    func testTheSelectionReadsLikeTheWholePartOnThePandocFiles() throws {
        let folder = DOCXPandocJudge.root.appendingPathComponent("pandoc")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".docx") }.sorted()
        XCTAssertGreaterThan(names.count, 80)
        var selected = 0
        for name in names {
            let zip = ZipReader(try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))))
            guard let package = try? DOCXSourcePackage(zip), let bytes = try zip.entry("word/styles.xml") else { continue }
            if DOCXStyleSelection(bytes) != nil { selected += 1 }
            let whole = DOCXStyleSheet(try XMLReader.parse(bytes))
            var used = DOCXStyleSheet.referencedStyles(in: [package.document])
            for note in Array(package.footnotes.values) + Array(package.endnotes.values) {
                used.formUnion(DOCXStyleSheet.referencedStyles(in: [note]))
            }
            let part = package.styles
            XCTAssertEqual(part.defaultParagraph, whole.defaultParagraph, name)
            XCTAssertEqual(part.defaultLanguage, whole.defaultLanguage, name)
            for id in used.sorted() + [whole.defaultParagraph].compactMap({ $0 }) {
                XCTAssertEqual(part.role(id), whole.role(id), "\(name) \(id)")
                XCTAssertEqual(part.runFormat(id), whole.runFormat(id), "\(name) \(id)")
                XCTAssertEqual(part.numbering(id)?.numId, whole.numbering(id)?.numId, "\(name) \(id)")
                XCTAssertEqual(part.numbering(id)?.ilvl, whole.numbering(id)?.ilvl, "\(name) \(id)")
                XCTAssertEqual(part.indentation(id).left, whole.indentation(id).left, "\(name) \(id)")
                XCTAssertEqual(part.indentation(id).hanging, whole.indentation(id).hanging, "\(name) \(id)")
                XCTAssertEqual(part.chain(id).map(\.id), whole.chain(id).map(\.id), "\(name) \(id)")
            }
        }
        XCTAssertGreaterThan(selected, names.count / 2, "the scan should understand most real styles.xml parts")
    }
}

extension DOCXTestPackage {
    func with(styles: String) -> DOCXTestPackage {
        var copy = self
        copy.styles = styles
        return copy
    }
}
