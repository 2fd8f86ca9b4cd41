import XCTest
@testable import PressKit

/// The byte-level fast paths of the fourth performance round give what the Character-level code they stand
/// in front of gives.
final class FastPathEquivalenceTests: XCTestCase {
    func testASCIITitleSplitMatchesTheCharacterSplit() {
        let pieces = ["Acme", " | ", " - ", " -- ", " :: ", "News", "a-b", "|", " ", "-", "::", "Q3 results", "\r\n", " ---", "x"]
        var seed = SplitMix64(state: 3)
        for _ in 0..<2000 {
            var title = ""
            for _ in 0..<(1 + Int(seed.next() % 8)) { title += pieces[Int(seed.next() % UInt64(pieces.count))] }
            let fast = PageTitle.splitASCII(title)
            XCTAssertNotNil(fast)
            let slow = PageTitle.splitCharacters(title)
            XCTAssertEqual(fast?.segments, slow.segments, title)
            XCTAssertEqual(fast?.separators, slow.separators, title)
        }
        XCTAssertNil(PageTitle.splitASCII("Überblick – Acme"), "a non-ASCII title goes the Character way")
        XCTAssertEqual(PageTitle.split("Überblick – Acme").segments, ["Überblick", "Acme"])
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
                XCTAssertEqual(PageTitle.asciiFirstRange(of: separator, in: text), text.firstRange(of: separator), text)
            }
        }
        XCTAssertNil(PageTitle.asciiWords("Grüße"))
    }

    func testPackedStopwordTableFindsWhatTheDictionaryHolds() {
        let table = LanguageGuesser.asciiStopwordTable
        for (key, lists) in LanguageGuesser.asciiStopwords { XCTAssertEqual(table.lists(for: key), lists) }
        var seed = SplitMix64(state: 9)
        for _ in 0..<5000 {
            let key = seed.next() | 1
            XCTAssertEqual(table.lists(for: key), LanguageGuesser.asciiStopwords[key])
        }
        XCTAssertEqual(LanguageGuesser.guess("The company said that the results for the year were strong and that it will grow."), "en")
    }
}
