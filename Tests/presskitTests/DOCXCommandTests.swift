import Foundation
import PressKit
import XCTest

/// The DOCX writer through the command line: digests of several inputs, `-o -`, `--reference-doc`.
final class DOCXCommandTests: XCTestCase {
    private func folder() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        try "Plant Opens\n\nThe plant opens today in Minsk.\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Plant Expands\n\nThe plant doubles its output.\n".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    func testDigestOfSeveralInputsIsOneDocumentAndReproducible() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CommandRunner.run(["a.txt", "b.txt", "-o", "digest.docx"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        let bytes = try Data(contentsOf: dir.appendingPathComponent("digest.docx"))
        XCTAssertEqual(Array(bytes.prefix(2)), Array("PK".utf8))
        let document = try XCTUnwrap(try ZipReader([UInt8](bytes)).entry("word/document.xml"))
        let xml = String(decoding: document, as: UTF8.self)
        XCTAssertTrue(xml.contains("The plant opens today"))
        XCTAssertTrue(xml.contains("The plant doubles its output"))
        XCTAssertTrue(xml.contains("<w:pageBreakBefore/>"))

        let again = try CommandRunner.run(["a.txt", "b.txt", "-o", "again.docx"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("again.docx")), bytes, "two runs, same bytes")
        let stdout = try CommandRunner.run(["a.txt", "b.txt", "-t", "docx", "-o", "-"], in: dir)
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertEqual(stdout.stdout, bytes, "-o - writes the same bytes as the file")
    }

    func testReferenceDocOption() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var template = ZipArchive()
        template.add("word/styles.xml", """
            <?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>\
            <w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/></w:rPr></w:style></w:styles>
            """)
        try Data(try template.data()).write(to: dir.appendingPathComponent("template.docx"))
        let result = try CommandRunner.run(["a.txt", "--reference-doc", "template.docx", "-o", "out.docx"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = [UInt8](try Data(contentsOf: dir.appendingPathComponent("out.docx")))
        let styles = String(decoding: try XCTUnwrap(try ZipReader(out).entry("word/styles.xml")), as: UTF8.self)
        XCTAssertTrue(styles.contains("Garamond"))
        XCTAssertTrue(styles.contains("w:styleId=\"Title\""), "missing built-in styles are added")

        try Data("not a docx".utf8).write(to: dir.appendingPathComponent("bad.docx"))
        let bad = try CommandRunner.run(["a.txt", "--reference-doc", "bad.docx", "-o", "bad-out.docx"], in: dir)
        XCTAssertEqual(bad.status, 4)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--reference-doc"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad-out.docx").path))
    }
}
