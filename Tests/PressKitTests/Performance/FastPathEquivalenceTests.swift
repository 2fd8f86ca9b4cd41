import XCTest
@testable import PressKit

/// The byte-level fast paths of the fourth performance round give what the Character-level code they stand
/// in front of gives.
final class FastPathEquivalenceTests: XCTestCase {
    func testTitleByteSplitMatchesTheCharacterSplit() {
        // The Character split `PageTitle.split` replaced, as the reference.
        func splitCharacters(_ title: String) -> (segments: [String], separators: [String]) {
            var segments: [String] = []
            var separators: [String] = []
            var rest = Substring(title)
            while true {
                var best: (Range<Substring.Index>, String)?
                for sep in PageTitle.separators {
                    if let r = rest.firstRange(of: sep), best == nil || r.lowerBound < best!.0.lowerBound { best = (r, sep) }
                }
                guard let (range, sep) = best else { break }
                segments.append(String(rest[..<range.lowerBound]))
                separators.append(sep)
                rest = rest[range.upperBound...]
            }
            segments.append(String(rest))
            return (segments, separators)
        }
        let pieces = ["Acme", " | ", " - ", " -- ", " :: ", "News", "a-b", "|", " ", "-", "::", "Q3 results", "\r\n", " ---", "x",
                      " – ", " — ", "｜", " ｜ ", " » ", "Überblick", "\u{301}", "\u{200D}", "\u{FE0F}", "é", "🇩🇪", "\u{0600}",
                      " · ", " • ", "\r", "\n"]
        var seed = SplitMix64(state: 3)
        for _ in 0..<4000 {
            var title = ""
            for _ in 0..<(1 + Int(seed.next() % 8)) { title += pieces[Int(seed.next() % UInt64(pieces.count))] }
            let fast = PageTitle.split(title)
            let slow = splitCharacters(title)
            XCTAssertEqual(fast.segments, slow.segments, title.debugDescription)
            XCTAssertEqual(fast.separators, slow.separators, title.debugDescription)
        }
        XCTAssertEqual(PageTitle.split("Überblick – Acme").segments, ["Überblick", "Acme"])
        XCTAssertEqual(PageTitle.split("A - \u{301}B").segments, ["A - \u{301}B"], "a combining mark joins the space before it")
    }

    func testHeadingWordsOnBytesMatchTheCharacterWords() {
        let pieces = ["Acme", " ", "NEWS", "\r\n", "\t", "Q3", "-", "2024", "'s", ".", "x", "  ", "!?", "\r", "\n"]
        var seed = SplitMix64(state: 5)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 8) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(PageDateEvidence.words(text), PageDateEvidence.charactersWords(text), text.debugDescription)
        }
    }

    func testTrimmingSpacesWithTheTrimmedCheck() {
        func reference(_ s: String) -> String {
            var start = s.startIndex, end = s.endIndex
            while start < end, s[start].isWhitespace { start = s.index(after: start) }
            while end > start, s[s.index(before: end)].isWhitespace { end = s.index(before: end) }
            return String(s[start..<end])
        }
        let pieces = ["a", " ", "\u{00A0}", "\r\n", "\t", "\u{301}", "\u{0600}", "é", "\u{200D}", "~", "\u{7F}", "\u{1}", "Z", "\u{2003}"]
        var seed = SplitMix64(state: 9)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 6) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(text.trimmingSpaces(), reference(text), text.debugDescription)
        }
    }

    func testContactFieldSplitOnBytesMatchesTheCharacterSplit() {
        // The Character-level split, as `fields` had it before its byte path.
        func reference(_ line: String) -> [String] {
            var parts: [String] = []
            var current = ""
            var line = line
            for dash in [" – ", " — "] where line.contains(dash) { line = line.replacing(dash, with: ", ") }
            for c in line {
                if c == "," || c == ";" || c == "|" || c == "\u{2022}" || c == "\u{00B7}" {
                    parts.append(current.trimmingSpaces()); current = ""
                } else {
                    current.append(c)
                }
            }
            parts.append(current.trimmingSpaces())
            return parts
        }
        let pieces = ["Jane Doe", ", ", ";", "|", " – ", " — ", "•", "·", "+49 30 1234", "jane@example.org", "\r\n", " ",
                      "Inc.", "Ltd", "\u{301}", "é", ",,"]
        var seed = SplitMix64(state: 13)
        for _ in 0..<3000 {
            var line = ""
            for _ in 0..<Int(seed.next() % 7) { line += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(ContactParser.fields(line), reference(line), line.debugDescription)
        }
    }

    func testContactLabelsAfterTheByteChecks() {
        XCTAssertEqual(ContactParser.labelRemainder("Media contact: Jane Doe"), "Jane Doe")
        XCTAssertEqual(ContactParser.labelRemainder("  PRESSEKONTAKT:  "), "")
        XCTAssertEqual(ContactParser.labelRemainder("Contacts"), "")
        XCTAssertEqual(ContactParser.labelRemainder("\u{212A}ontakt"), "", "the Kelvin sign lower-cases to k")
        XCTAssertNil(ContactParser.labelRemainder("Jane Doe, Head of Communications"))
        XCTAssertNil(ContactParser.labelRemainder(String(repeating: "contact ", count: 20)))
        XCTAssertEqual(ContactParser.labelRemainder("For more information, please contact: press@example.com"), "press@example.com")
    }

    func testWordCountMatchesCharacterSplitting() {
        let texts = ["", "one", "  two words ", "tab\there\nnew line\r\nCRLF", "a \u{301}b", "x\u{00A0}y", "ä ö ü", "end. "]
        for text in texts {
            XCTAssertEqual(NewsRelease.wordCount(of: text), text.split(whereSeparator: { $0.isWhitespace }).count, text)
        }
    }

    func testWalkerPushesEachNodesChildrenInReverse() {
        var count = 0
        DocumentWalker.walk(TestDocuments.allKinds.blocks) { node in
            var pushed: [DocumentNode] = []
            DocumentWalker.pushChildren(node, onto: &pushed)
            XCTAssertEqual(pushed, DocumentWalker.children(node).reversed())
            count += 1
            return .visitChildren
        }
        XCTAssertGreaterThan(count, 40)
    }

    func testASCIITitleWordsAndSeparatorSearchMatchTheCharacterCode() {
        let pieces = ["Press", "Release", ": ", " : ", " - ", " | ", "Q3", "2026", "x-y", "\r\n", "!", " ", "A1b2"]
        var seed = SplitMix64(state: 5)
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(1 + Int(seed.next() % 7)) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(PageTitle.asciiWords(text),
                           text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init), text)
            for separator in [": ", " : ", " – ", " - ", " | "] {
                XCTAssertEqual(CharacterSearch.firstRange(of: separator, in: text), text.firstRange(of: separator), text)
            }
        }
        // Any text: a byte match inside a Character (a space and a combining mark, a prepended mark) is skipped.
        let others = ["Grüße", ": ", " : ", " – ", " - ", "\u{301}", "\u{0600}", "é", "\u{200D}", "🇩🇪", "\r\n", "x", " "]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + Int(seed.next() % 7)) { text += others[Int(seed.next() % UInt64(others.count))] }
            for separator in [": ", " : ", " – ", " - ", " | "] {
                XCTAssertEqual(CharacterSearch.firstRange(of: separator, in: text), text.firstRange(of: separator), text.debugDescription)
                XCTAssertEqual(CharacterSearch.split(text, at: separator),
                               text.split(separator: separator, omittingEmptySubsequences: false).map(String.init), text.debugDescription)
            }
        }
        // The split of titles with several separators, back to back and at both ends.
        for text in ["A | B | C", " | A |  | B | ", "A - B - C - D", " -  - ", "A :: B", "x", "", " | ", "A  |  B"] {
            for separator in [" | ", " - ", " :: ", " – "] {
                XCTAssertEqual(CharacterSearch.split(text, at: separator),
                               text.split(separator: separator, omittingEmptySubsequences: false).map(String.init), text)
            }
        }
        XCTAssertNil(PageTitle.asciiWords("Grüße"))
    }

    func testSimpleTitleWordsMatchTheCharacterSplit() {
        let pieces = ["Press", "Grüße", "Москва", "Ωmega", "É", "é", "–", "“x”", "…", "€5", "²", "½", "Ⅻ", "ǅ", "ß",
                      "\u{00A0}", "\u{301}", "\u{2028}", "\u{200D}", "İ", "東京", "\r\n", " ", ": ", "x-y", "№", "ʼ", "Ϗ",
                      "\u{0483}", "‰", "ª", "º", "µ"]
        var seed = SplitMix64(state: 23)
        var simple = 0
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<(1 + Int(seed.next() % 7)) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            let reference = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            XCTAssertEqual(PageTitle.words(text), reference, text.debugDescription)
            if let words = SimpleText.words(text.lowercased()) {
                simple += 1
                XCTAssertEqual(words, reference, text.debugDescription)
            }
        }
        XCTAssertGreaterThan(simple, 500)
        XCTAssertNil(SimpleText.words("a\u{301}"))
        // Every scalar of the ranges, alone and between letters.
        for range in SimpleText.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for text in [String(scalar), "a" + String(scalar) + "b", "1 " + String(scalar) + String(scalar)] {
                    XCTAssertEqual(SimpleText.words(text), text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init), text)
                }
            }
        }
    }

    func testPackedStopwordTableFindsWhatTheDictionaryHolds() {
        let table = LanguageGuesser.asciiStopwordTable
        // The ASCII stopwords packed into integers with the lists holding each, built from the sets.
        var dictionary: [UInt64: [Int]] = [:]
        for (index, set) in LanguageGuesser.stopwordLists.enumerated() {
            for word in set where word.utf8.allSatisfy({ $0 < 0x80 }) {
                dictionary[word.utf8.reduce(0) { $0 << 8 | UInt64($1) }, default: []].append(index)
            }
        }
        XCTAssertEqual(dictionary.count, 72)
        for (key, lists) in dictionary { XCTAssertEqual(table.lists(for: key), lists) }
        var seed = SplitMix64(state: 9)
        for _ in 0..<5000 {
            let key = seed.next() | 1
            XCTAssertEqual(table.lists(for: key), dictionary[key])
        }
        XCTAssertEqual(LanguageGuesser.guess("The company said that the results for the year were strong and that it will grow."), "en")
    }
    func testByteScanMatchesTheByteLoops() {
        let samples: [[UInt8]] = [[], [0], [60], Array("<p>a<b>c</b></p>".utf8), Array(repeating: 60, count: 1000),
                                  Array("x\u{0}y<".utf8), Array("Ã¼ber <i>".utf8), (0..<4096).map { UInt8($0 % 256) }]
        for bytes in samples {
            for byte: UInt8 in [0, 60, 0xC3, 0xFF] {
                XCTAssertEqual(ByteScan.contains(byte, in: bytes), bytes.contains(byte))
                XCTAssertEqual(ByteScan.count(of: byte, in: bytes), bytes.filter { $0 == byte }.count)
                let text = String(decoding: bytes, as: UTF8.self)
                XCTAssertEqual(ByteScan.contains(byte, inUTF8: text), text.utf8.contains(byte))
            }
        }
        // The mojibake check's byte gate keeps every text the scalar scan finds.
        for text in ["fÃ¼r", "Ã©tÃ©", "naÃ¯ve", "â€™", "plain", "für", "Â£5"] {
            XCTAssertEqual(Mojibake.mayNeedRepair(text), text.contains("Ã") || text.contains("â") || text.contains("Â"), text)
        }
    }
    func testSubstringSetMatchesANaiveSearch() {
        let words = ["nav", "navigation", "comment", "ab", "a", "über", "b-c", "zz"]
        let set = SubstringSet(words)
        let texts = ["", "a", "n", "na", "nav", "main-navigation", "x comments", "bc", "b-c", "grÜber", "grüber", "z", "zz",
                     "xyz", "über", "commen", String(repeating: "q", count: 300) + "zz"]
        for text in texts {
            XCTAssertEqual(text.hasAnySubstring(set), words.contains { text.contains($0) }, text)
        }
        // Random texts against word sets with and without one-byte words (the two-byte filter's edge).
        let pieces = ["na", "v", "-", "x", "com", "ment", "ü", "ber", " ", "z", "q", "b", "c", "Z"]
        var seed = SplitMix64(state: 21)
        for words in [["nav", "comment", "über", "b-c"], ["zz", "q", "ment"], ["z"], ["über", "x"]] {
            let set = SubstringSet(words)
            for _ in 0..<1500 {
                var text = ""
                for _ in 0..<Int(seed.next() % 7) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
                XCTAssertEqual(text.hasAnySubstring(set), words.contains { text.contains($0) }, "\(words) in \(text)")
            }
        }
        XCTAssertFalse("anything".hasAnySubstring(SubstringSet([])))
        XCTAssertFalse("nav".hasAnySubstring(SubstringSet([""])))
    }
    func testASCIIContactLabelsMatchTheCharacterReading() {
        // The Character-level reading, written out as labelRemainder had it before its ASCII path.
        func characterReading(_ line: String) -> String? {
            let trimmed = line.trimmingSpaces()
            let bare = trimmed.trimmingCharacters(":").lowercased()
            if ContactParser.labels.contains(bare) { return "" }
            guard let colon = trimmed.firstIndex(of: ":") else { return nil }
            guard ContactParser.labels.contains(trimmed[..<colon].trimmingSpaces().lowercased()) else { return nil }
            return trimmed[trimmed.index(after: colon)...].trimmingSpaces()
        }
        let lines = ["Media contact: Jane Doe", "  PRESSEKONTAKT:  ", "Contacts", "contact", ":: Contact ::", "Contact:",
                     "Press Office:\tpress@example.org\r\n", "For more information, please contact: a@b.c",
                     "Jane Doe, Head of Communications", "Tel.: +49 30 1234", "", "   ", ":", "contact: : x",
                     "MEDIA RELATIONS :  +1 555 0100 ", "Kontakt\u{0B}", "Contact\u{1F}", "x: contact"]
        for line in lines {
            XCTAssertNotNil(ContactParser.asciiLabelRemainder(line), line)
            XCTAssertEqual(ContactParser.labelRemainder(line), characterReading(line), line)
        }
        XCTAssertNil(ContactParser.asciiLabelRemainder("Contact presse : Éloïse"), "not ASCII: the Character path reads it")
        XCTAssertEqual(ContactParser.labelRemainder("Contact presse : Éloïse"), "Éloïse")
    }

    func testSharedASCIIHelpersMatchTheCharacterCode() {
        // Byte substring search: the first match of a naive search, at the offset and range the Character search
        // finds when both texts are ASCII without CR.
        let pieces = ["a", "ab", "b", "nav", "-", " ", "x", "\r\n", "\n", "Q3", "é", "e\u{301}", "--"]
        var seed = SplitMix64(state: 11)
        for _ in 0..<1500 {
            var text = "", needle = ""
            for _ in 0..<Int(seed.next() % 9) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            for _ in 0..<Int(seed.next() % 3) { needle += pieces[Int(seed.next() % UInt64(pieces.count))] }
            let h = Array(text.utf8), n = Array(needle.utf8)
            let naive = n.isEmpty ? 0 : n.count > h.count ? nil : (0...(h.count - n.count)).first { Array(h[$0..<($0 + n.count)]) == n }
            XCTAssertEqual(ByteScan.firstOffset(of: needle, inUTF8: text), naive, "\(text.debugDescription) \(needle.debugDescription)")
            XCTAssertEqual(text.hasSubstring(needle), naive != nil)
            if !needle.isEmpty, ASCIIText.isOneByteCharacters(text), ASCIIText.isOneByteCharacters(needle) {
                XCTAssertEqual(ByteScan.firstRange(of: needle, inUTF8: text), text.firstRange(of: needle), text.debugDescription)
            }
            XCTAssertEqual(ASCIIText.isASCII(text), text.unicodeScalars.allSatisfy(\.isASCII))
            XCTAssertEqual(ASCIIText.isOneByteCharacters(text), text.unicodeScalars.allSatisfy(\.isASCII) && !text.contains("\r\n")
                && !text.unicodeScalars.contains("\r"))
            if ASCIIText.isASCII(text) {
                var words: [String] = []
                ASCIIText.forEachWord(in: text) { words.append(ASCIIText.lowercased($0)); return true }
                XCTAssertEqual(words, text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
            }
        }
        var first: [String] = []
        ASCIIText.forEachWord(in: "one, two three") { first.append(String(decoding: $0, as: UTF8.self)); return false }
        XCTAssertEqual(first, ["one"], "the walk stops when the body returns false")
        for byte in UInt8(0)...UInt8(127) {
            let c = Character(Unicode.Scalar(byte))
            XCTAssertEqual(ASCIIText.isSpace(byte), c.isWhitespace, "\(byte)")
            XCTAssertEqual(ASCIIText.isLetterOrDigit(byte), c.isLetter || c.isNumber, "\(byte)")
            XCTAssertEqual(ASCIIText.lowercased(byte), Array(String(c).lowercased().utf8)[0], "\(byte)")
        }
        // The one trim: what the three trimmingCharacters-style helpers and YAML's `trimmed` did.
        for text in ["", "  ", " .x. ", "…More:", "»Also on x›", "\t a\tb \t", ". e\u{301}.", "\r\nx\r\n"] {
            func reference(_ set: (Character) -> Bool) -> String {
                var s = Substring(text)
                while let f = s.first, set(f) { s = s.dropFirst() }
                while let l = s.last, set(l) { s = s.dropLast() }
                return String(s)
            }
            XCTAssertEqual(text.trimming { " .…".contains($0) }, reference { " .…".contains($0) }, text)
            XCTAssertEqual(text.trimmingCharacters(",."), reference { ",.".contains($0) || $0.isWhitespace }, text)
            XCTAssertEqual(text.trimmed, reference { $0 == " " || $0 == "\t" }, text)
            XCTAssertEqual(text[...].trimmed, text.trimmed, text)
        }
    }

    func testNonSpaceScalarCountMatchesTheScalarFilter() {
        let reference = { (s: String) in s.unicodeScalars.filter { !$0.properties.isWhitespace }.count }
        // Every white space scalar and its neighbours, alone and between ASCII letters.
        for v in Array(0..<0x3100) + [0xFEFF, 0x1F600, 0x10FFFF, 0xE0020] {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(Character(scalar))
            XCTAssertEqual(ASCIIText.nonSpaceScalarCount(s), reference(s), "U+\(String(v, radix: 16))")
            XCTAssertEqual(ASCIIText.nonSpaceScalarCount("a" + s + "b"), reference("a" + s + "b"), "U+\(String(v, radix: 16))")
        }
        let pieces = ["a", " ", "\t", "\r\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "é", "e\u{301}", "🇩🇪", "中", "\u{200B}", "\u{2028}", "x y"]
        var seed = SplitMix64(state: 11)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 10) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(ASCIIText.nonSpaceScalarCount(text), reference(text), text.debugDescription)
        }
    }

    func testTokenSetMatchesTheSetOfTokens() {
        let words = ["ad", "ads", "nav", "share", "bio", "authorbio", "article-body", "ranking"]
        let set: TokenSet = ["ad", "ads", "nav", "share", "bio", "authorbio", "article-body", "ranking"]
        // The reference: the tokens of the text (runs of letters and numbers) looked up in a Set of Strings.
        let reference = { (s: String) in BoilerplateHints.tokens(s).contains { Set(words).contains(String($0)) } }
        let pieces = ["ad", "ads", "a", "d", "nav", "navbar", "-", " ", "_", "share", "shares", "bio", "authorbio", "author",
                      "é", "ad\u{301}", "ранking", "article", "body", "1", "ranking", "\u{212A}", "\u{A0}", "Ad"]
        var seed = SplitMix64(state: 13)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 8) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(BoilerplateHints.hasToken(text, in: set), reference(text), text.debugDescription)
        }
        XCTAssertTrue(BoilerplateHints.hasToken("top-nav bar", in: set))
        XCTAssertFalse(BoilerplateHints.hasToken("navbar adsense", in: set))
    }

    /// `EPUBChapter.ids` finds ` id="` from its `=` with `memchr`; the byte-by-byte loop it replaced is the
    /// reference.
    func testIdScanMatchesTheByteLoop() {
        func reference(_ xhtml: [UInt8]) -> Set<String> {
            var result: Set<String> = []
            let n = xhtml.count
            var i = 0
            while i + 5 <= n {
                if xhtml[i] == 32, xhtml[i + 1] == 105, xhtml[i + 2] == 100, xhtml[i + 3] == 61, xhtml[i + 4] == 34 {
                    var end = i + 5
                    while end < n, xhtml[end] != 34 { end += 1 }
                    result.insert(String(decoding: xhtml[(i + 5)..<end], as: UTF8.self))
                    i = end
                } else {
                    i += 1
                }
            }
            return result
        }
        let pieces = [" id=\"", "=", "\"", " ", "i", "d", "id", "x", "é", " id=", "\" id=\"", "<p", ">"]
        var seed = SplitMix64(state: 31)
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 12) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(EPUBChapter.ids(in: Array(text.utf8)), reference(Array(text.utf8)), text.debugDescription)
        }
        XCTAssertEqual(EPUBChapter.ids(in: Array("<h2 id=\"a\">x = y</h2><p id=\"b\">".utf8)), ["a", "b"])
    }

    /// `trimmed` cuts spaces and tabs on bytes where the bytes next to the cuts are ASCII; `characterTrimmed`
    /// (Character by Character) is the reference, on whole strings and on substrings cut out of longer ones.
    func testTrimmedOnBytesMatchesTheCharacterTrim() {
        let pieces = [" ", "\t", "a", "é", "\u{301}", "\u{0600}", "\u{200D}", "\r\n", "\r", "\u{00A0}", "#", "🇩🇪", "\u{1}"]
        var seed = SplitMix64(state: 41)
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 7) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(text.trimmed, text.characterTrimmed, text.debugDescription)
            let scalars = text.unicodeScalars
            let from = scalars.index(scalars.startIndex, offsetBy: Int(seed.next() % UInt64(scalars.count + 1)))
            let sub = text[from...]
            XCTAssertEqual(sub.trimmed, sub.characterTrimmed, "\(text.debugDescription) from \(scalars.distance(from: scalars.startIndex, to: from))")
        }
    }

    /// `TolerantJSON` copies a string's runs without a quote or backslash whole; the byte-by-byte decoding it
    /// replaced is the reference (unterminated strings, escapes, surrogate pairs, the other quote inside).
    func testJSONStringRunsMatchTheByteLoop() {
        func reference(_ bytes: [UInt8]) -> String {
            let quote = bytes[0]
            var i = 1
            var out = [UInt8]()
            func hex4() -> UInt32 {
                var v: UInt32 = 0, n = 0
                while n < 4, i < bytes.count, let d = UInt32(String(UnicodeScalar(bytes[i])), radix: 16) { v = v * 16 + d; i += 1; n += 1 }
                return v
            }
            while i < bytes.count {
                let b = bytes[i]
                if b == quote { return String(decoding: out, as: UTF8.self) }
                if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"): out.append(32)
                    case UInt8(ascii: "u"):
                        var scalar = hex4()
                        if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                           bytes[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            let low = hex4()
                            if (0xDC00..<0xE000).contains(low) { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) }
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                    default: out.append(e)
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        let pieces = ["a", "bc d", "\"", "'", "\\", "\\n", "\\t", "\\\"", "\\u00e9", "\\uD83D\\uDE00", "\\uD83D",
                      "\\u12", "é", "—", "\n", "\\/", "x\\"]
        var seed = SplitMix64(state: 61)
        for _ in 0..<5000 {
            let quote = seed.next() % 2 == 0 ? "\"" : "'"
            var text = quote
            for _ in 0..<Int(seed.next() % 8) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            guard case .string(let parsed)? = TolerantJSON.parse(text) else { XCTFail(text.debugDescription); continue }
            XCTAssertEqual(parsed, reference(Array(text.utf8)), text.debugDescription)
        }
    }

    /// A source line's first word is read on bytes while the text is ASCII; the Character reading is the
    /// reference.
    func testSourceLineFirstWordOnBytesMatchesTheCharacterReading() {
        let pieces = ["Source", "SOURCE", "source", "url", "Quelle", "Fuente", "-", ":", " ", "x", "\u{301}", "é", "Источник",
                      "\r\n", "1", "read", "More", "\u{212A}", String(repeating: "a", count: 22)]
        var seed = SplitMix64(state: 67)
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 5) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(PressReleasePass.mightBeSourceLine(text), PressReleasePass.generalMightBeSourceLine(text), text.debugDescription)
        }
        XCTAssertTrue(PressReleasePass.mightBeSourceLine("SOURCE Acme Corp"))
        XCTAssertTrue(PressReleasePass.mightBeSourceLine("Source URL: https://example.com"))
        XCTAssertFalse(PressReleasePass.mightBeSourceLine("Sources say"))
    }
}

