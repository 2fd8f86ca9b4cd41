import Foundation
import XCTest
@testable import PressKit

/// Hostile or unreadable Word files: one clear error, nothing read from outside the archive.
final class DOCXReaderSafetyTests: XCTestCase {
    typealias P = DOCXTestPackage
    let docx = Formats.named("docx")!

    private func message(_ bytes: [UInt8]) -> String? {
        do {
            _ = try Converter.read(bytes, format: docx, context: ConversionContext())
            return nil
        } catch let error as PressKitError {
            XCTAssertEqual(error.kind, .invalidInput)
            XCTAssertFalse(error.message.contains("\n"), "one line")
            return error.message
        } catch {
            XCTFail("not a PressKitError: \(error)")
            return nil
        }
    }

    func testLegacyDocAndEncryptedFilesGetAClearError() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        XCTAssertTrue(message(ole)?.contains("legacy Word .doc or a password-protected") == true)
        XCTAssertTrue(message(Array("plain text".utf8))?.contains("not a .docx") == true)
        XCTAssertTrue(message([0x50, 0x4B, 3, 4, 1, 2, 3])?.contains("not a zip archive") == true)
        var zip = ZipArchive()
        zip.add("content.xml", "<a/>")
        XCTAssertTrue(message(try! zip.data())?.contains("not a Word document") == true)
    }

    func testZipBombIsRefusedBeforeInflating() throws {
        // 2 MiB of one byte compresses about 1000:1, past the 200:1 allowed above 1 MiB.
        var package = P(body: P.p("Hello."))
        package.extra = ["word/document.xml": [UInt8](repeating: 0x20, count: 2 << 20)]
        var zip = ZipArchive()
        zip.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>")
        zip.add("word/document.xml", [UInt8](repeating: 0x20, count: 2 << 20))
        let refused = message(try zip.data())
        XCTAssertTrue(refused?.contains("zip bomb refused") == true, refused ?? "read")
        // The per-entry, total and count limits of the zip reader itself.
        var small = ZipArchive()
        small.add("a.txt", [UInt8](repeating: 65, count: 5000))
        small.add("b.txt", [UInt8](repeating: 66, count: 5000))
        let bytes = try small.data()
        XCTAssertThrowsError(try ZipReader(bytes, limits: .init(maxEntrySize: 4000)).entry("a.txt"))
        let total = ZipReader(bytes, limits: .init(maxTotalSize: 8000))
        XCTAssertNotNil(try total.entry("a.txt"))
        XCTAssertThrowsError(try total.entry("b.txt"))
        XCTAssertThrowsError(try ZipReader(bytes, limits: .init(maxEntries: 1)).entries())
    }

    func testEntitiesAndDoctypesAreRefusedAndNothingOutsideIsRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-docx-xxe-\(UUID().uuidString)")
        let marker = "DOCX-XXE-SECRET-\(UUID().uuidString)"
        try Data(marker.utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        var zip = ZipArchive()
        zip.add("word/document.xml", """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e SYSTEM "file://\(secret.path)">]>\
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>
            """)
        let refused = message(try zip.data())
        XCTAssertTrue(refused?.contains("DOCTYPE") == true || refused?.contains("well-formed") == true, refused ?? "read")
        XCTAssertFalse(refused?.contains(marker) ?? false)
        // An image relationship that climbs out of the archive names no file outside it.
        var package = P(body: "<w:p><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:imagedata r:id=\"rX\"/></v:shape></w:pict></w:r></w:p>")
        package.relationships = [("rX", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", "../../../../\(secret.path)", false)]
        let context = ConversionContext()
        let doc = try DOCXReader().read(try package.bytes(), context: context)
        let json = String(decoding: try JSONWriter().write(doc, context: context), as: UTF8.self)
        XCTAssertFalse(json.contains(marker))
    }

    func testUnsafeEntryNamesAreIgnored() throws {
        var zip = ZipArchive()
        zip.add("../evil.xml", "<a/>")
        zip.add("/abs.xml", "<a/>")
        zip.add("ok/../../up.xml", "<a/>")
        zip.add("word/fine.xml", "<a/>")
        let reader = ZipReader(try zip.data())
        XCTAssertEqual(try reader.entries().map(\.name), ["word/fine.xml"])
        XCTAssertNil(try reader.entry("../evil.xml"))
    }

    func testXMLReaderReadsNamespacesAndRefusesWhatIsNotPlainXML() throws {
        let root = try XMLReader.parse(Array("<a xmlns:x=\"urn:x\" k=\"v\"><x:b x:n=\"1\">t<![CDATA[<c>]]></x:b></a>".utf8))
        XCTAssertEqual(root.name, "a")
        XCTAssertEqual(root.attribute("k"), "v")
        XCTAssertEqual(root.child("b")?.namespace, "urn:x")
        XCTAssertEqual(root.child("b")?.attribute("n", namespace: "urn:x"), "1")
        XCTAssertEqual(root.text, "t<c>")
        XCTAssertThrowsError(try XMLReader.parse(Array("<a><b></a>".utf8)))
        XCTAssertThrowsError(try XMLReader.parse(Array("<!DOCTYPE a><a/>".utf8)))
        XCTAssertThrowsError(try XMLReader.parse(Array("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>".utf8)))
        XCTAssertThrowsError(try XMLReader.parse(Array("<a>&undefined;</a>".utf8)))
        XCTAssertThrowsError(try XMLReader.parse([]))
        // Deep nesting stops at libxml2's limit instead of exhausting the stack.
        let deep = String(repeating: "<d>", count: 100_000) + String(repeating: "</d>", count: 100_000)
        XCTAssertThrowsError(try XMLReader.parse(Array(deep.utf8)))
    }
}
