import XCTest
@testable import PressKit

final class DOCXReferenceDocTests: XCTestCase {
    typealias T = DOCXTestDocuments

    /// A template as a German Word would save it: localised style ids, A4 with narrow margins.
    static func template() throws -> [UInt8] {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("word/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="\(w)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/><w:qFormat/></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/>
              <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="C00000"/><w:sz w:val="40"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:sz w:val="72"/></w:rPr></w:style>
            <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink &amp; more"/></w:style>
            </w:styles>
            """)
        zip.add("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document xmlns:w="\(w)"><w:body><w:p/><w:sectPr><w:headerReference w:type="default" r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>
            <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>
            """)
        return try zip.data()
    }

    func testTemplateStylesAndPageSetupReplaceTheBuiltInOnes() throws {
        var options = ConversionOptions()
        options.referenceDoc = try Self.template()
        let context = ConversionContext(options: options, resources: T.images)
        let docx = try DOCXWriter().write(T.everything(), context: context)
        let styles = try XCTUnwrap(T.part(docx, "word/styles.xml"))
        XCTAssertTrue(styles.contains("Georgia"), "the template's defaults are kept")
        XCTAssertTrue(styles.contains("<w:sz w:val=\"72\"/>"), "the template's Title is kept")
        XCTAssertEqual(T.occurrences(of: "w:styleId=\"Title\"", in: styles), 1)
        // Styles the template lacks come from the built-in set.
        for id in ["Quote", "SourceCode", "Dateline", "ContactBlock", "TableGrid", "Heading2"] {
            XCTAssertTrue(styles.contains("w:styleId=\"\(id)\""), id)
        }
        XCTAssertFalse(styles.contains("w:styleId=\"Heading1\""), "heading 1 exists under its localised id")
        XCTAssertTrue(XMLWellFormedness.check(Array(styles.utf8)))
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:pStyle w:val=\"berschrift1\"/>"))
        XCTAssertFalse(document.contains("<w:pStyle w:val=\"Heading1\"/>"))
        XCTAssertTrue(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1134\""))
        XCTAssertFalse(document.contains("headerReference"), "parts of the template that are not copied are not referred to")
        // The text column is now 11906 - 1134 - 850 twips wide: the banner is scaled to it.
        XCTAssertTrue(document.contains("<wp:extent cx=\"6300470\" cy=\"1575118\"/>"), "image scaled to the template's column")
    }

    func testUnusableTemplatesAreClearErrors() throws {
        var other = ZipArchive()
        other.add("readme.txt", "not a Word document")
        for bytes in [Array("not a zip".utf8), try other.data()] {
            var options = ConversionOptions()
            options.referenceDoc = bytes
            XCTAssertThrowsError(try DOCXWriter().write(Document(), context: ConversionContext(options: options))) { error in
                let e = error as? PressKitError
                XCTAssertEqual(e?.kind, .invalidInput)
                XCTAssertTrue(e?.message.contains("--reference-doc") ?? false, "\(error)")
            }
        }
        var zip = ZipArchive()
        zip.add("word/styles.xml", "<w:styles xmlns:w=\"x\"><broken>")
        var options = ConversionOptions()
        options.referenceDoc = try zip.data()
        XCTAssertThrowsError(try DOCXWriter().write(Document(), context: ConversionContext(options: options)))
    }

    func testZipReaderReadsEntriesBack() throws {
        var zip = ZipArchive()
        zip.add("a.txt", "alpha")
        zip.add("dir/b.bin", [0, 1, 2, 255], stored: true)
        let reader = ZipReader(try zip.data())
        XCTAssertEqual(try reader.entry("a.txt"), Array("alpha".utf8))
        XCTAssertEqual(try reader.entry("dir/b.bin"), [0, 1, 2, 255])
        XCTAssertNil(try reader.entry("missing"))
        XCTAssertThrowsError(try reader.entry("a.txt", limit: 2))
        XCTAssertThrowsError(try ZipReader([1, 2, 3]).entry("a.txt"))
    }
}
