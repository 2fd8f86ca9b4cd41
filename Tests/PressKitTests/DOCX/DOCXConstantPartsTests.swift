import XCTest
@testable import PressKit

/// The DOCX parts built once per process (`DOCXConstantParts`) are the bytes the package built for every
/// file before, and a document that has notes, lists, links or media still gets its own parts.
final class DOCXConstantPartsTests: XCTestCase {
    typealias T = DOCXTestDocuments

    func testCachedPartsAreTheBuiltParts() {
        for language in ["en-US", "de-DE", "fr-FR", "ru-RU", "ar-SA", "zh-CN", "en-US"] {
            let parts = DOCXConstantParts.shared.parts(language: language)
            XCTAssertEqual(parts.styles, Array(DOCXStyles.part(language: language).utf8), language)
            XCTAssertEqual(parts.settings, Array(DOCXPackage.settings(language: language).utf8), language)
            XCTAssertTrue(String(decoding: parts.styles, as: UTF8.self).contains("w:val=\"\(language)\""), language)
        }
        XCTAssertEqual(DOCXConstantParts.fontTable, Array(DOCXPackage.fontTable().utf8))
        XCTAssertEqual(DOCXConstantParts.packageRelationships, Array(DOCXPackage.packageRelationships().utf8))
        XCTAssertEqual(DOCXConstantParts.footnotesWithoutNotes, Array(DOCXPackage.footnotes(notes: "").utf8))
        XCTAssertEqual(DOCXConstantParts.numberingWithoutLists, Array(DOCXNumbering().part().utf8))
        XCTAssertEqual(DOCXConstantParts.contentTypesWithoutMedia, Array(DOCXPackage.contentTypes(media: []).utf8))
        var fixed = DOCXRelationships()
        for (type, target) in DOCXPackage.fixedDocumentParts { _ = fixed.id(type: type, target: target) }
        XCTAssertEqual(DOCXConstantParts.fixedDocumentRelationships, Array(fixed.part().utf8))
    }

    func testAPlainReleaseGetsTheConstantParts() throws {
        let plain = Document(metadata: Metadata(title: "Plant Opens", date: "2021-09-21", language: "de"),
                             blocks: [.paragraph([.text("Das Werk öffnet heute.")])])
        let docx = try DOCXWriter().write(plain, context: ConversionContext())
        let expected: [(String, [UInt8])] = [
            ("word/styles.xml", Array(DOCXStyles.part(language: "de-DE").utf8)),
            ("word/settings.xml", Array(DOCXPackage.settings(language: "de-DE").utf8)),
            ("word/fontTable.xml", DOCXConstantParts.fontTable),
            ("word/footnotes.xml", DOCXConstantParts.footnotesWithoutNotes),
            ("word/numbering.xml", DOCXConstantParts.numberingWithoutLists),
            ("word/_rels/document.xml.rels", DOCXConstantParts.fixedDocumentRelationships),
            ("[Content_Types].xml", DOCXConstantParts.contentTypesWithoutMedia),
            ("_rels/.rels", DOCXConstantParts.packageRelationships),
        ]
        for (name, bytes) in expected {
            XCTAssertEqual(try ZipReader(docx).entry(name), bytes, name)
        }
    }

    func testAReleaseWithNotesListsLinksAndMediaGetsItsOwnParts() throws {
        let docx = try DOCXWriter().write(T.everything(), context: ConversionContext(resources: T.images))
        for name in ["word/footnotes.xml", "word/numbering.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"] {
            let part = try XCTUnwrap(try ZipReader(docx).entry(name), name)
            XCTAssertNotEqual(part, [
                "word/footnotes.xml": DOCXConstantParts.footnotesWithoutNotes,
                "word/numbering.xml": DOCXConstantParts.numberingWithoutLists,
                "word/_rels/document.xml.rels": DOCXConstantParts.fixedDocumentRelationships,
                "[Content_Types].xml": DOCXConstantParts.contentTypesWithoutMedia,
            ][name], name)
        }
        XCTAssertTrue(T.part(docx, "word/numbering.xml")?.contains("<w:num w:numId=\"1\">") == true)
        XCTAssertTrue(T.part(docx, "word/_rels/document.xml.rels")?.contains("hyperlink") == true)
    }
}
