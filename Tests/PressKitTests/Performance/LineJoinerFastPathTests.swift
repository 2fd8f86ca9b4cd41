import XCTest
@testable import PressKit

/// `LineJoiner.lastWord` finds a paragraph's last word from its end; it must be the word
/// `split(separator: " ").last` gives, and long hard-wrapped paragraphs must join as before.
final class LineJoinerFastPathTests: XCTestCase {
    func testLastWordIsTheLastPieceOfASplit() {
        let cases = ["", " ", "   ", "word", "two words", "trailing space ", "trailing spaces   ", "  leading",
                     "see https://example.org/products/", "a  double  space", " \u{301}accent after a space",
                     "e\u{301} caf\u{E9}", "tab\tinside word", "flag 🇫🇷", "zwj 👩‍💻 end", "x \u{301}", "end \u{301} "]
        for text in cases {
            XCTAssertEqual(LineJoiner.lastWord(text).map(String.init), text.split(separator: " ").last.map(String.init), "\(text.debugDescription)")
        }
    }

    func testAWordLongerThanTheLimitIsNoAddress() {
        let long = "see https://example.org/" + String(repeating: "segment-of-path/", count: 300)
        XCTAssertNil(LineJoiner.lastWord(long))
        XCTAssertEqual(LineJoiner.lastWord(long, limit: 10_000).map(String.init), long.split(separator: " ").last.map(String.init))
    }

    func testAddressBrokenAfterASlashInALongWrappedParagraphStillJoins() throws {
        var lines: [String] = []
        for n in 0..<120 {
            lines.append("The agency said on Tuesday that line \(n) of this long wrapped paragraph keeps going on and")
        }
        lines.append("the full details of the programme are published at https://example.org/products/")
        lines.append("picker-x2.html and the rest of the sentence goes on after the address as usual.")
        let text = "Headline for the wrapped release\n\n" + lines.joined(separator: "\n") + "\n"
        let document = try PlainTextReader().read(Array(text.utf8), context: ConversionContext())
        let plain = PlainTextProjection().text(document.blocks)
        XCTAssertTrue(plain.contains("https://example.org/products/picker-x2.html"), plain.suffix(300).description)
    }
}

/// `Formats.hasExtension` compares bytes; it must agree with the Character comparison it replaced.
final class FormatExtensionFastPathTests: XCTestCase {
    func testByteExtensionMatchIsTheCharacterMatch() {
        let names = ["a.md", ".md", "md", "x.markdown", "release.html", "r.htm", "a.ninjs.json", "b.json", "c.warc.gz",
                     "d.gz", "caf\u{E9}.txt", "cafe\u{301}.txt", "x.md\u{301}", "x.\u{301}md", "x.m\u{301}d", "👩‍💻.md",
                     "\u{301}.md", "é.md", "a..md", "a.md.", "noext", "a.tar.gz", "a.docx", "a.epub", "ü.jsonl", "a.ndjson",
                     "a\u{200D}.md", "日本語.html", "a.txt\u{200B}"]
        let extensions = Set(Formats.all.flatMap { $0.inputExtensions + $0.extensions + [$0.outputExtension] })
        for name in names {
            for ext in extensions {
                XCTAssertEqual(Formats.hasExtension(name, ext), name.count > ext.count + 1 && name.hasSuffix("." + ext), "\(name.debugDescription) \(ext)")
            }
        }
        // A dot after a prepended mark is one Character with it; the bytes see the extension (the one difference).
        XCTAssertTrue(Formats.hasExtension("a\u{600}.md", "md"))
        XCTAssertFalse("a\u{600}.md".hasSuffix(".md"))
    }
}
