import XCTest
@testable import PressKit

/// `DateTokenizer` decides ASCII white space, letters and upper case without the Unicode property tables and
/// lower-cases ASCII words on bytes; these tests hold it to the tokenizer as it was, which asked the
/// properties of every scalar (kept below as the reference).
final class DateTokenizerEquivalenceTests: XCTestCase {
    /// The tokenizer before the ASCII fast paths, asking the properties of every scalar (with combining
    /// marks kept in words, as the tokenizer now does).
    private static func referenceTokens(_ text: String, limit: Int = .max) -> [DateToken] {
        var tokens: [DateToken] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var sawSpace = false
        while i < scalars.endIndex, tokens.count < limit {
            let c = scalars[i]
            if c.properties.isWhitespace {
                sawSpace = true
                i = scalars.index(after: i)
                continue
            }
            let start = i
            if DateTokenizer.digitValue(c) != nil {
                var value = 0, digits = 0
                while i < scalars.endIndex, let d = DateTokenizer.digitValue(scalars[i]) {
                    if digits < 9 { value = value * 10 + d }
                    digits += 1
                    i = scalars.index(after: i)
                }
                tokens.append(DateToken(kind: .number(value: value, digits: digits), range: start..<i, spaceBefore: sawSpace))
            } else if c.properties.isAlphabetic {
                // Combining marks continue a word (`जनवरी`: the virama is no letter).
                while i < scalars.endIndex,
                      scalars[i].properties.isAlphabetic
                        || [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalars[i].properties.generalCategory),
                      DateTokenizer.digitValue(scalars[i]) == nil {
                    i = scalars.index(after: i)
                }
                let word = String(scalars[start..<i])
                tokens.append(DateToken(kind: .word(word.lowercased(), capitalized: c.properties.isUppercase),
                                        range: start..<i, spaceBefore: sawSpace))
            } else {
                i = scalars.index(after: i)
                tokens.append(DateToken(kind: .mark(c), range: start..<i, spaceBefore: sawSpace))
            }
            sawSpace = false
        }
        return tokens
    }

    private func assertSameTokens(_ text: String, limit: Int = .max, file: StaticString = #filePath, line: UInt = #line) {
        let fast = DateTokenizer.tokens(text, limit: limit)
        let slow = Self.referenceTokens(text, limit: limit)
        XCTAssertEqual(fast.count, slow.count, text, file: file, line: line)
        for (a, b) in zip(fast, slow) {
            XCTAssertEqual(a.kind, b.kind, text, file: file, line: line)
            XCTAssertEqual(a.range, b.range, text, file: file, line: line)
            XCTAssertEqual(a.spaceBefore, b.spaceBefore, text, file: file, line: line)
        }
    }

    func testEveryASCIIScalarTokenizesAsBefore() {
        for v in 0..<128 {
            let c = Character(Unicode.Scalar(UInt8(v)))
            assertSameTokens("a\(c)b 1\(c)2 \(c)Z\(c) \(c)")
            assertSameTokens(String(c))
        }
    }

    func testDateTextsTokenizeAsBefore() {
        let texts = [
            "BERLIN, 3. März 2024 /PRNewswire/ -- Acme", "September 21, 2021", "Sept. 21st, 2021", "21.09.2021",
            "2021-09-21T06:00:00Z", "1er mars 2024", "3 de marzo de 2024", "21 сентября 2021 г.", "٢٠٢٣/٠٥/٠٦",
            "۱۴۰۲ فروردین", "२०२३", "２０２３年３月５日", "İstanbul, 5 Mart 2024", "ǅemal ǈ ǋ", "ﬁve ﬂags",
            "Straße STRASSE", "x\u{00A0}y\u{2003}z\u{0085}w\u{200B}v", "e\u{301}t\u{E9}", "ΑΒΓ αβγ", "Ⅻ ⅻ",
            "\t\n\u{0B}\u{0C}\r 12", "Q3 2026: 1,234.5 (+7%)", "Kelvin \u{212A} 2024", "🙂 2024 🙂", "",
        ]
        for text in texts {
            assertSameTokens(text)
            assertSameTokens(text, limit: 3)
        }
    }

    func testRandomTextsTokenizeAsBefore() {
        let pieces = ["March", "märz", "MAI", " ", "\t", "\n", "21", "2024", ".", ",", "/", "-", "st", "É", "ß",
                      "\u{00A0}", "сентября", "٢٠", "２", "ǅ", "\u{301}", "Ⅻ", "a", "Z", "_", "@", "é", "İ"]
        var seed = SplitMix64(state: 18)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + Int(seed.next() % 10)) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            assertSameTokens(text)
        }
    }

    /// `dates(in:)` as it was: every match over all tokens, without the digit check in front.
    private static func referenceDates(_ text: String) -> [DateMatch] {
        let tokens = DateTokenizer.tokens(text)
        var found: [DateMatch] = []
        var i = 0
        while i < tokens.count {
            if let m = DateNormalizer.match(tokens, at: i) {
                found.append(m)
                while i < tokens.count, tokens[i].range.lowerBound < m.range.upperBound { i += 1 }
            } else {
                i += 1
            }
        }
        return found
    }

    func testTextWithoutADigitHoldsNoDateAsBefore() {
        let pieces = ["March", "Sept", ".", " ", "21st", "twenty-first", "März", "de", "sentября", "сентября", "г", ",",
                      "/", "-", "Monday", "el", "٢", "۱", "२", "২", "５", "3", "2024", "Ⅻ", "¹", "½", "x"]
        var seed = SplitMix64(state: 81)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + Int(seed.next() % 9)) { text += pieces[Int(seed.next() % UInt64(pieces.count))] + " " }
            let hasDigit = text.unicodeScalars.contains { DateTokenizer.digitValue($0) != nil }
            XCTAssertEqual(DateNormalizer.mayHoldDate(text), hasDigit, text)
            XCTAssertEqual(DateNormalizer.dates(in: text), Self.referenceDates(text), text)
            if !hasDigit {
                XCTAssertEqual(Self.referenceDates(text), [], text)
                XCTAssertNil(DateNormalizer.firstDate(in: text, allowPartial: true), text)
                XCTAssertNil(DateNormalizer.isOnlyDate(text), text)
            }
        }
        XCTAssertEqual(DateNormalizer.dates(in: "٢١ سبتمبر ٢٠٢١").count, 1, "Arabic digits are digits")
        XCTAssertEqual(DateNormalizer.dates(in: "２１ September ２０２１").count, 1, "full-width digits are digits")
        XCTAssertTrue(DateNormalizer.dates(in: "Ⅻ September, ½ of ¹ twenty").isEmpty, "numerals that are no digits")
    }

    func testDatesFoundAsBefore() {
        XCTAssertEqual(DateNormalizer.normalize("Berlin, 3. März 2024"), "2024-03-03")
        XCTAssertEqual(DateNormalizer.normalize("SEPTEMBER 21, 2021"), "2021-09-21")
        XCTAssertEqual(DateNormalizer.firstDate(in: "no date here", allowPartial: true), nil)
    }
}
