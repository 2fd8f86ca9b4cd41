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
                StringReference.text(text, xml: xml, into: &string)
                var bytes: [UInt8] = [0x41]
                HTMLEscaping.text(text, xml: xml, into: &bytes)
                XCTAssertEqual(bytes, [0x41] + Array(string.utf8), "\(Array(text.unicodeScalars)) xml: \(xml)")
            }
        }
    }

    func testByteHrefMatchesTheStringHref() {
        for text in Self.randomTexts(seed: 19, count: 2000) + ["https://a.example/ä b?x=1&y='2'#f"] {
            var string = ""
            StringReference.href(text, into: &string)
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
            var fresh: [UInt8] = []
            NewsArticleJSONLD.scriptSafe(bytes, into: &fresh)
            XCTAssertEqual(fresh, naive(bytes))
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
            XCTAssertEqual(count, StringReference.wordCount(scalars: text), "\(Array(text.unicodeScalars))")
            XCTAssertEqual(count, text.split(whereSeparator: { $0.isWhitespace }).count, "\(Array(text.unicodeScalars))")
        }
    }
}

/// The String code the byte paths replaced, kept here as their reference.
enum StringReference {
    /// Text and attribute values: `&`, `<`, `>`, `"`. With `xml`, characters XML 1.0 forbids are dropped.
    static func text(_ string: String, xml: Bool, into out: inout String) {
        var clean = true
        for u in string.utf8 where u == 38 || u == 60 || u == 62 || u == 34 || (xml && (u < 32 || u == 0xEF)) {
            clean = false
            break
        }
        if clean {
            out += string
            return
        }
        // Clean runs are copied whole; everything replaced or dropped is ASCII except U+FFFE and U+FFFF
        // (EF BF BE, EF BF BF), so every index where a run ends is on a scalar boundary.
        let utf8 = string.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index < utf8.endIndex {
            let u = utf8[index]
            let replacement: String
            var width = 1
            switch u {
            case 38: replacement = "&amp;"
            case 60: replacement = "&lt;"
            case 62: replacement = "&gt;"
            case 34: replacement = "&quot;"
            case 0..<32 where xml && u != 9 && u != 10 && u != 13: replacement = ""
            case 0xEF where xml && isNoncharacter(utf8, after: index): replacement = ""; width = 3
            default:
                index = utf8.index(after: index)
                continue
            }
            out += string[runStart..<index]
            out += replacement
            index = utf8.index(index, offsetBy: width)
            runStart = index
        }
        out += string[runStart..<index]
    }

    static func isNoncharacter(_ utf8: String.UTF8View, after lead: String.Index) -> Bool {
        let second = utf8.index(after: lead)
        guard second < utf8.endIndex, utf8[second] == 0xBF else { return false }
        let third = utf8.index(after: second)
        return third < utf8.endIndex && (utf8[third] == 0xBE || utf8[third] == 0xBF)
    }

    /// A URL for an `href` or `src` attribute, escaped as cmark's `houdini_escape_href`.
    static func href(_ url: String, into out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in url.utf8 {
            if Self.safe[Int(b)] {
                bytes.append(b)
            } else if b == UInt8(ascii: "&") {
                bytes += "&amp;".utf8
            } else if b == UInt8(ascii: "'") {
                bytes += "&#x27;".utf8
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
    }

    static let safe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(c)] = true }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(c)] = true }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(c)] = true }
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(c)] = true }
        return table
    }()

    /// The same count over the string's Unicode scalars: the general code `wordCount(of:)` stands in for.
    static func wordCount(scalars text: String) -> Int {
        var count = 0
        var inWord = false
        var afterSpace = false
        for scalar in text.unicodeScalars {
            // ASCII without the Unicode property tables (300 instructions a scalar): white space is tab to
            // carriage return and the space; no ASCII character is a mark.
            if scalar.value < 0x80 {
                let value = scalar.value
                if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
                    inWord = false
                    afterSpace = value == 0x20
                } else {
                    if !inWord { count += 1 }
                    inWord = true
                    afterSpace = false
                }
                continue
            }
            let properties = scalar.properties
            if properties.isWhitespace {
                inWord = false
                // Marks extend a space, never a control or line break (grapheme rules GB4/GB9).
                switch properties.generalCategory {
                case .control, .lineSeparator, .paragraphSeparator: afterSpace = false
                default: afterSpace = true
                }
            } else if afterSpace, !inWord, properties.isGraphemeExtend || scalar == "\u{200D}" {
                continue
            } else {
                if !inWord { count += 1 }
                inWord = true
                afterSpace = false
            }
        }
        return count
    }
}
