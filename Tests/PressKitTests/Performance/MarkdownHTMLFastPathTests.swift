import XCTest
@testable import PressKit

/// The byte paths of the Markdown reader and the HTML writer (issue 18, sixth round) give what the String code
/// they replace or stand in front of gives.
final class MarkdownHTMLFastPathTests: XCTestCase {
    /// Pieces that exercise every branch of the escaping: the four escaped characters, controls (dropped in
    /// XML but tab, LF and CR), U+FFFE/U+FFFF (dropped in XML) next to other EF-led characters, multi-byte text.
    static let pieces = ["a", "Acme ", "&", "<", ">", "\"", "'", "\u{0}", "\u{1}", "\u{1F}", "\t", "\n", "\r", "é", "\u{FFFE}",
                         "\u{FFFF}", "\u{FFFD}", "\u{FEFF}", "\u{F000}", "日本", "😀", " ", "%", "#", "?x=1", "ä b", "\u{7F}"]

    static func randomTexts(seed: UInt64, count: Int) -> [String] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int(random.next() % 12) { text += random.pick(pieces) }
            return text
        }
    }

    func testByteEscapingMatchesTheStringEscaping() {
        for text in Self.randomTexts(seed: 18, count: 3000) + ["", "&", "\u{FFFE}", "x\u{EF}"] {
            for xml in [false, true] {
                var string = ""
                HTMLEscaping.text(text, xml: xml, into: &string)
                var bytes: [UInt8] = [0x41]
                HTMLEscaping.text(text, xml: xml, into: &bytes)
                XCTAssertEqual(bytes, [0x41] + Array(string.utf8), "\(Array(text.unicodeScalars)) xml: \(xml)")
            }
        }
    }

    func testByteHrefMatchesTheStringHref() {
        for text in Self.randomTexts(seed: 19, count: 2000) + ["https://a.example/ä b?x=1&y='2'#f"] {
            var string = ""
            HTMLEscaping.href(text, into: &string)
            var bytes: [UInt8] = []
            HTMLEscaping.href(text, into: &bytes)
            XCTAssertEqual(bytes, Array(string.utf8), text)
        }
    }

    func testScriptSafeRunsMatchTheByteLoop() {
        func naive(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            for b in bytes {
                switch b {
                case 0x3C: out += Array("\\u003c".utf8)
                case 0x3E: out += Array("\\u003e".utf8)
                case 0x26: out += Array("\\u0026".utf8)
                default: out.append(b)
                }
            }
            return out
        }
        for text in Self.randomTexts(seed: 20, count: 2000) + ["", "<", "a>", "&&"] {
            let bytes = Array(text.utf8)
            var out: [UInt8] = [10]
            NewsArticleJSONLD.scriptSafe(bytes, into: &out)
            XCTAssertEqual(out, [10] + naive(bytes), text)
            XCTAssertEqual(NewsArticleJSONLD.scriptSafe(bytes), String(decoding: naive(bytes), as: UTF8.self))
        }
    }

    /// The one-pass budget check gives what the check over the lines gives, near the budget, with LF, CR and
    /// CRLF line ends, blank lines of spaces and tabs, and no line end at the end.
    func testNeedsBoundOnBytesMatchesTheLines() {
        let pieces = ["word ", "*", "_", "[", "](x)", "`", "~", "@", "|", "<", "&", "\\", ":", " ", "\t", "\n", "\r", "\r\n",
                      "\n\n", "\n \t\n", "é", "ordinary text ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
        var random = SplitMix64(state: 21)
        var outcomes: Set<Bool> = []
        for round in 0..<400 {
            var text = ""
            let size = [10, 200, 3_000, 12_000][round % 4]
            // Markup density varies, so some documents land just above and some just below the budget.
            let markupBias = Int(random.next() % 4)
            // Every third document has long runs: no blank lines, one kind of line end.
            let dense = round % 3 == 0
            while text.utf8.count < size {
                var piece = random.pick(pieces)
                if dense, piece.contains(where: \.isNewline) { piece = ["\n", "\r\n", "\r"][round % 9 / 3] }
                text += piece
                if markupBias > 0, random.next() % 4 < UInt64(markupBias) { text += random.pick(["*", "[", "|", "`"]) }
            }
            if random.next() % 2 == 0 { text += random.pick(["\n", "\r", "\r\n", " "]) }
            let bytes = Array(text.utf8)
            let expected = MarkdownWorkBound.needsBound(MarkdownWorkBound.lines(bytes))
            XCTAssertEqual(MarkdownWorkBound.needsBound(bytes), expected, "round \(round)")
            outcomes.insert(expected)
        }
        XCTAssertEqual(outcomes, [false, true], "both answers are exercised")
    }

    /// The word count on UTF-8 bytes gives the scalar count, and both the Character split: white space of
    /// every kind, marks after spaces and after letters, joiners, four-byte scalars.
    func testWordCountOnBytesMatchesTheScalarCount() {
        let pieces = ["word", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{1680}",
                      "\u{301}", "\u{200D}", "\u{FE0F}", "ä", "日本", "😀", "👩\u{200D}💻", "-", ".", "\u{0}"]
        var random = SplitMix64(state: 22)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 10) { text += random.pick(pieces) }
            let count = NewsRelease.wordCount(of: text)
            XCTAssertEqual(count, NewsRelease.wordCount(scalars: text), "\(Array(text.unicodeScalars))")
            XCTAssertEqual(count, text.split(whereSeparator: { $0.isWhitespace }).count, "\(Array(text.unicodeScalars))")
        }
    }
}
