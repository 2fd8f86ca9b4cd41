import XCTest
@testable import PressKit

/// Random documents built from the pieces press releases are made of (datelines, dashes, list markers,
/// labels, URLs, dates, Cyrillic, CR/LF/FF) must never crash the reader or the pass, and the pass must be
/// idempotent on what it produces.
final class PlainTextRobustnessTests: XCTestCase {
    private let pieces = [
        "BERLIN, ", "March 3, 2024", " – ", "--", "(BUSINESS WIRE)", "/PRNewswire/", "21 сентября 2021 г.", "3. März",
        "\n", "\n\n", "\r\n", "\r", "\u{0C}", "- ", "* ", "• ", "1. ", "12) ", "  ", "    ", "###", "-30-", "- END -",
        "Media contact:", "Contact: ", "Pressekontakt", "About ", "Acme Corp", "Source URL: ", "Source: ",
        "<https://example.org/a>", "https://x.example/(a)", "www.example.org.", "a@b.example", "@", "<", ">",
        "+49 30 555 0100", "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL 00:01 GMT, 5 March 2024", "====", "----",
        "ABOUT US", "Today, on September 21, ", "© 2021", "the", "Минск", "„quoted“", "\"", ".", ":", ",", "é", "\u{0301}",
        "well-", "known", "\t", "\u{00A0}", "ß", "🇧🇾", "Sept.", "29.02.2021", "2021-09-21T10:00",
    ]

    func testRandomDocumentsDoNotCrash() throws {
        var rng = SplitMix64(state: 20_240_303)
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) { text += rng.pick(pieces) }
            let doc = try Converter.read(Array(text.utf8), format: Formats.named("text")!, context: ConversionContext())
            let again = PressReleasePass().apply(to: doc)
            XCTAssertEqual(again.blocks.count <= doc.blocks.count + 1, true)
            if let date = doc.metadata.date { XCTAssertNotNil(DateNormalizer.normalize(date), date) }
        }
    }

    func testRandomBytesDoNotCrash() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<500 {
            let bytes = (0..<Int(rng.next() % 400)).map { _ in UInt8(truncatingIfNeeded: rng.next() % 256) }
            _ = try? Converter.read(bytes, format: Formats.named("text")!, context: ConversionContext())
        }
    }
}
