import XCTest
@testable import PressKit

final class TextDecodingTests: XCTestCase {
    private let russian = "Минск, 21 сентября 2021 г."

    func testUTF8WithAndWithoutBOM() throws {
        let plain = Array("Grüße aus Berlin".utf8)
        XCTAssertEqual(try TextDecoding.decode(plain).text, "Grüße aus Berlin")
        let bom = try TextDecoding.decodeText([0xEF, 0xBB, 0xBF] + plain)
        XCTAssertEqual(bom.text, "Grüße aus Berlin")
        XCTAssertEqual(bom.how, "bom")
    }

    func testUTF16AndUTF32WithBOM() throws {
        let text = "Пресс-релиз: «Minsk» €"
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        XCTAssertEqual(try TextDecoding.decode(le).text, text)
        XCTAssertEqual(try TextDecoding.decode(be).text, text)
        var le32: [UInt8] = [0xFF, 0xFE, 0, 0]
        for s in text.unicodeScalars {
            let v = s.value
            le32 += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
        }
        XCTAssertEqual(try TextDecoding.decode(le32).text, text)
    }

    func testUTF16ReaderParagraphs() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Headline\r\n\r\nFirst paragraph.\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc = try PlainTextReader().read(bytes, context: ConversionContext())
        XCTAssertEqual(doc.blocks.count, 2)
        XCTAssertEqual(doc.blocks.last, .paragraph([.text("First paragraph.")]))
    }

    func testWindows1251DetectedWithoutEncoding() throws {
        let decoded = try TextDecoding.decodeText(try FixtureFiles.plainText("russian-windows-1251.txt"))
        XCTAssertEqual(decoded.charset, "WINDOWS-1251")
        XCTAssertTrue(decoded.text.contains(russian), decoded.text)
        XCTAssertEqual(decoded.replacements, 0)
    }

    func testKOI8RDetectedWithoutEncoding() throws {
        let decoded = try TextDecoding.decodeText(try FixtureFiles.plainText("russian-koi8-r.txt"))
        XCTAssertEqual(decoded.charset, "KOI8-R")
        XCTAssertTrue(decoded.text.contains(russian), decoded.text)
    }

    func testEncodingGivenByName() throws {
        let cp1251 = try TextDecoding.decodeText(try FixtureFiles.plainText("russian-windows-1251.txt"), declared: "windows-1251")
        XCTAssertEqual(cp1251.how, "declared")
        XCTAssertTrue(cp1251.text.contains(russian))
        let koi = try TextDecoding.decode(try FixtureFiles.plainText("russian-koi8-r.txt"), declared: "koi8-r")
        XCTAssertTrue(koi.text.contains(russian))
        // Through the reader and --encoding.
        let options = { () -> ConversionOptions in var o = ConversionOptions(); o.encoding = "KOI8-R"; return o }()
        let doc = try Converter.read(try FixtureFiles.plainText("russian-koi8-r.txt"), format: Formats.named("text")!,
                                     context: ConversionContext(options: options))
        XCTAssertEqual(doc.metadata.title, "В Минске открылся первый городской центр цифровых услуг")
        XCTAssertEqual(doc.metadata.date, "2021-09-21")
    }

    func testLatin1AndWindows1252() throws {
        let latin = try TextDecoding.decodeText(try FixtureFiles.plainText("french-latin1.txt"))
        XCTAssertTrue(latin.text.contains("Bibliothèque de la Rive"), latin.text)
        XCTAssertTrue(latin.text.contains("déclaré"))
        XCTAssertEqual(latin.replacements, 0)
        let cp1252 = try TextDecoding.decodeText(try FixtureFiles.plainText("english-cp1252.txt"))
        XCTAssertTrue(cp1252.text.contains("Acme’s new plant opens “today” – investment of €40 million in the café"), cp1252.text)
        let named = try TextDecoding.decode(try FixtureFiles.plainText("french-latin1.txt"), declared: "ISO-8859-1")
        XCTAssertTrue(named.text.contains("célèbres"))
    }

    func testNULBytesAreRefused() {
        let bytes: [UInt8] = Array("PNG\u{0}\u{0}\u{1}binary".utf8) + [0x89, 0, 0, 0, 0xFF]
        XCTAssertThrowsError(try PlainTextReader().read(bytes, context: ConversionContext())) { error in
            XCTAssertEqual((error as? PressKitError)?.kind, .invalidInput)
        }
        // Also when an 8-bit encoding is named.
        XCTAssertThrowsError(try TextDecoding.decode(bytes, declared: "latin1")) { error in
            XCTAssertEqual((error as? PressKitError)?.kind, .invalidInput)
        }
    }

    func testUnknownEncodingNameIsAUsageError() {
        XCTAssertThrowsError(try TextDecoding.decode(Array("abc".utf8), declared: "no-such-charset")) { error in
            XCTAssertEqual((error as? PressKitError)?.kind, .usage)
        }
    }

    func testInvalidBytesAreReplacedAndWarned() throws {
        let context = ConversionContext()
        var options = ConversionOptions()
        options.encoding = "UTF-8"
        context.options = options
        let doc = try PlainTextReader().read(Array("caf".utf8) + [0xE9, 0xFF] + Array(" ok".utf8), context: context)
        XCTAssertTrue(doc.blocks[0].plainText.contains("\u{FFFD}"))
        XCTAssertFalse(context.diagnostics.isEmpty)
    }
}
