import Foundation
import XCTest
@testable import PressKit

/// Issue 19 in the library: `--encoding` that does not fit, one NUL-byte rule for every text reader,
/// XHTML internal subsets kept out of the text, images never made into a subtitle.
final class ReliabilityTests: XCTestCase {
    func read(_ text: String, _ format: String, encoding: String? = nil) throws -> (Document, [String]) {
        try read(Array(text.utf8), format, encoding: encoding)
    }

    func read(_ bytes: [UInt8], _ format: String, encoding: String? = nil) throws -> (Document, [String]) {
        var options = ConversionOptions()
        options.encoding = encoding
        let context = ConversionContext(options: options, inputName: "in")
        let document = try Converter.read(bytes, format: Formats.named(format)!, context: context)
        return (document, context.diagnostics.map(\.message))
    }

    func assertInvalidInput(_ body: @autoclosure () throws -> Any, _ needle: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? PressKitError)?.exitCode, 4, "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(needle), "\(error)", file: file, line: line)
        }
    }

    // MARK: item 5

    func testEncodingThatDoesNotDecodeIsRefused() {
        let text = "Plain UTF-8 text, long enough to be read as UTF-32 into nothing but U+FFFD.\n"
        for format in ["markdown", "text", "json", "html"] {
            assertInvalidInput(try read(text, format, encoding: "utf-32"), "utf-32")
        }
        assertInvalidInput(try TextDecoding.decodeText(Array("abcdefgh".utf8), declared: "UTF-32LE"), "UTF-32LE")
    }

    func testEncodingThatMostlyDecodesCountsTheReplacements() throws {
        let bytes = Array("Mostly fine text, ".utf8) + [0xFF] + Array(" and more.".utf8)
        let decoded = try TextDecoding.decodeText(bytes, declared: "utf-8")
        XCTAssertEqual(decoded.replacements, 1)
        for format in ["markdown", "text"] {
            let (_, warnings) = try read(bytes, format, encoding: "utf-8")
            XCTAssertTrue(warnings.contains { $0.contains("1 byte sequence(s) are not valid UTF-8") }, "\(format): \(warnings)")
        }
        // A right encoding: no warning.
        let (_, none) = try read(Array("Привет, мир".utf8), "markdown", encoding: "utf-8")
        XCTAssertFalse(none.contains { $0.contains("U+FFFD") }, "\(none)")
        XCTAssertNoThrow(try TextDecoding.decodeText([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], declared: "windows-1251"))
    }

    // MARK: item 6: NUL bytes

    func testOneNULRuleForEveryReader() throws {
        for format in ["html", "markdown", "text", "json"] {
            let bytes = Array("<p>Some \"text".utf8) + [0] + Array("\"</p>".utf8)
            assertInvalidInput(try read(bytes, format), "NUL")
            // A UTF-8 byte-order mark does not make NUL bytes text.
            assertInvalidInput(try read([0xEF, 0xBB, 0xBF] + bytes, format), "NUL")
        }
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("Title\n\nWide text in a paragraph of its own, read from UTF-16.\n".utf16)
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for format in ["markdown", "text"] {
            let (document, _) = try read(utf16, format)
            XCTAssertTrue(document.blocks.map(\.plainText).joined().contains("Wide text"), "\(format): \(document.blocks)")
        }
        XCTAssertNoThrow(try read(utf16, "html"))
        XCTAssertNoThrow(try TextDecoding.refuseNULBytes(Array("a\u{0}b\u{0}".utf8), declared: "UTF-16LE"))
    }

    // MARK: item 7: XHTML internal subset

    func testXHTMLInternalSubsetIsNotArticleText() throws {
        let page = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [
              <!ENTITY company "Acme [Corporation]">
              <!-- a comment with ] inside -->
              <!ENTITY % param "ignored">
              <!ATTLIST p class CDATA #IMPLIED>
            ]>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Acme opens a plant</title></head>
            <body><h1>Acme opens a plant</h1><p>Acme today opened a new plant in Berlin with two hundred jobs for the region.</p>
            <p>Production starts in May and will reach full capacity next year, according to the plan.</p></body></html>
            """
        for fullPage in [false, true] {
            var options = ConversionOptions()
            options.fullPage = fullPage
            let document = try Converter.read(Array(page.utf8), format: Formats.named("html")!, context: ConversionContext(options: options))
            let text = document.blocks.map(\.plainText).joined(separator: "\n")
            for leak in ["ENTITY", "ATTLIST", "]>", "ignored", "Corporation"] {
                XCTAssertFalse(text.contains(leak), "\(leak) in: \(text)")
            }
            XCTAssertTrue(text.contains("Acme today opened a new plant"), text)
        }
        let plain = Array("<!DOCTYPE html><p>a [b] c</p>".utf8)
        XCTAssertEqual(HTMLInternalSubset.removed(from: plain), plain)
    }

    // MARK: item 6: images in the first paragraph

    func testImagesOnlyParagraphIsNeverTheSubtitle() throws {
        let (document, _) = try read("""
            # Acme opens a plant in Berlin

            ![The new plant](plant.jpg) ![The team](team.jpg)

            BERLIN, March 5, 2024 – Acme today opened a new plant with two hundred jobs for the region.
            """, "markdown")
        XCTAssertEqual(document.metadata.title, "Acme opens a plant in Berlin")
        XCTAssertNil(document.metadata.subtitle)
        var images = 0
        for block in document.blocks {
            if case .paragraph(let inlines) = block { images += inlines.filter { if case .image = $0 { return true }; return false }.count }
        }
        XCTAssertEqual(images, 2, "\(document.blocks)")
    }
}
