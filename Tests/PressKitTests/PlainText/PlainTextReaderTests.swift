import XCTest
@testable import PressKit

final class PlainTextReaderTests: XCTestCase {
    private func read(_ text: String) throws -> [Block] {
        try PlainTextReader().read(Array(text.utf8), context: ConversionContext()).blocks
    }

    private func dump(_ text: String) throws -> [String] {
        var out: [String] = []
        for block in try read(text) { DocumentDump.dump(block, indent: "", into: &out) }
        return out
    }

    func testBlankLinesSeparateParagraphs() throws {
        XCTAssertEqual(try dump("First.\n\nSecond one.\n\n\n\nThird."), ["p: First.", "p: Second one.", "p: Third."])
    }

    func testCRLFAndLoneCR() throws {
        XCTAssertEqual(try dump("One.\r\n\r\nTwo.\rstill two?\r\r\nThree.\r\n"),
                       ["p: One.", "p: Two. / still two?", "p: Three."])
    }

    func testBOMAndFormFeed() throws {
        let text = "\u{FEFF}Page one text.\n\u{0C}Page two text.\n"
        XCTAssertEqual(try dump(text), ["p: Page one text.", "p: Page two text."])
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Title\n".utf8)
        XCTAssertEqual(try PlainTextReader().read(bytes, context: ConversionContext()).blocks, [.paragraph([.text("Title")])])
    }

    func testHardWrappedLinesAreJoined() throws {
        let text = """
        The ministry said on Tuesday that the new broadband programme would reach
        every village with more than two hundred inhabitants by the end of 2026,
        and that the state-of-the-art network would be open to all operators on
        equal terms. A well-
        known analyst called the plan ambitious but realistic for the region.

        Second paragraph.
        """
        let blocks = try read(text)
        XCTAssertEqual(blocks.count, 2)
        XCTAssertEqual(blocks[0], .paragraph([.text("The ministry said on Tuesday that the new broadband programme would reach every village with more than two hundred inhabitants by the end of 2026, and that the state-of-the-art network would be open to all operators on equal terms. A well-known analyst called the plan ambitious but realistic for the region.")]))
    }

    func testShortLinesKeepTheirBreaks() throws {
        XCTAssertEqual(try dump("Jane Doe\nAcme Corp\n+1 555 0100\n\nText."),
                       ["p: Jane Doe / Acme Corp / +1 555 0100", "p: Text."])
    }

    func testOneParagraphPerLine() throws {
        let text = "In-car infotainment comes courtesy of an 8-inch touchscreen display with navigation.\nIt comes standard with Apple CarPlay and Android Auto, as well as Nissan Connect today.\nShort line\nnext"
        XCTAssertEqual(try dump(text), [
            "p: In-car infotainment comes courtesy of an 8-inch touchscreen display with navigation.",
            "p: It comes standard with Apple CarPlay and Android Auto, as well as Nissan Connect today.",
            "p: Short line / next",
        ])
    }

    func testBulletLists() throws {
        XCTAssertEqual(try dump("Features:\n- one\n* two\n• three\n\nAfter."), [
            "p: Features:", "ul tight", "  *", "    p: one", "  *", "    p: two", "  *", "    p: three", "p: After.",
        ])
    }

    func testOrderedListsWithStartAndDelimiter() throws {
        XCTAssertEqual(try dump("3. three\n4. four\n\n1) a\n2) b"), [
            "ol start=3 delim=. tight", "  *", "    p: three", "  *", "    p: four",
            "ol start=1 delim=) tight", "  *", "    p: a", "  *", "    p: b",
        ])
    }

    func testNestedListsByIndentation() throws {
        let text = "- fruit\n  - apples\n    1. green\n    2. red\n  - pears\n- vegetables\n"
        XCTAssertEqual(try dump(text), [
            "ul tight",
            "  *", "    p: fruit", "    ul tight",
            "      *", "        p: apples", "        ol start=1 delim=. tight",
            "          *", "            p: green", "          *", "            p: red",
            "      *", "        p: pears",
            "  *", "    p: vegetables",
        ])
    }

    func testIndentedContinuationAndLooseList() throws {
        let text = "- an app that reports charge level, outage history and savings\n  per billing period\n\n- second\n"
        XCTAssertEqual(try dump(text), [
            "ul loose", "  *", "    p: an app that reports charge level, outage history and savings per billing period",
            "  *", "    p: second",
        ])
    }

    func testLongNumbersAreNotListMarkers() throws {
        // Found by fuzzing: a digit run longer than Int overflowed the list-marker parser.
        let digits = String(repeating: "9", count: 40)
        XCTAssertEqual(try dump("\(digits). text\n1234. more"), ["p: \(digits). text / 1234. more"])
    }

    func testDeepListNestingIsCapped() throws {
        var text = ""
        for depth in 0..<400 { text += String(repeating: " ", count: depth * 2) + "- level \(depth)\n" }
        let blocks = try read(text)
        XCTAssertEqual(blocks.count, 1)
        var depth = 0
        var block = blocks[0]
        while case .bulletList(let list) = block, let last = list.items.last?.blocks.last {
            depth += 1
            block = last
            if case .paragraph = last { break }
        }
        XCTAssertLessThanOrEqual(depth, TextListParser.maxDepth)
        XCTAssertTrue(blocks[0].plainText.contains("level 399"))
    }

    func testCapsAndUnderlinedHeadings() throws {
        let text = "Main Title\n==========\n\nSection\n-------\n\nABOUT ACME\nAcme makes things.\n\n=====\nOVER AND UNDER\n=====\n"
        XCTAssertEqual(try dump(text), [
            "h1: Main Title", "h2: Section", "h2: ABOUT ACME", "p: Acme makes things.", "h1: OVER AND UNDER",
        ])
    }

    func testMixedCaseSubheadBetweenBodyParagraphs() throws {
        let body = "The board adopted the plan on Tuesday after a year of consultation with customers and councils."
        let blocks = try dump("Headline\n\n\(body)\n\n\(body)\n\nCost and bills\n\n\(body)\n")
        XCTAssertEqual(blocks, ["p: Headline", "p: \(body)", "p: \(body)", "h2: Cost and bills", "p: \(body)"])
        // Not a subhead: a sentence, a label, a name before a short line, a line before a list, too early.
        for text in [
            "Headline\n\n\(body)\n\n\(body)\n\nThe figures follow.\n\n\(body)",
            "Headline\n\n\(body)\n\n\(body)\n\nMedia contact:\n\n\(body)",
            "Headline\n\n\(body)\n\n\(body)\n\nJonas Berger\n\nPress Officer",
            "Headline\n\n\(body)\n\n\(body)\n\nHighlights\n\n- one\n- two",
            "Headline\n\nShort subtitle\n\n\(body)",
            "Headline\n\n\(body)\n\n\(body)\n\nSee www.example.org\n\n\(body)",
            "Headline\n\n\(body)\n\n\(body)\n\nJane Doe, CEO of Acme\n\n\(body)",
            "Headline\n\n\(body)\n\n\(body)\n\nVisit acme.com\n\n\(body)",
            "Headline\n\n\(body)\n\n\(body)\n\nThank you\n\n\(body)",
        ] {
            XCTAssertFalse(try dump(text).contains { $0.hasPrefix("h2") }, text)
        }
    }

    func testCapsDatelineIsNotAHeading() throws {
        XCTAssertEqual(try dump("BERLIN –\nThe ministry said.\n\nNEW YORK--(BUSINESS WIRE)--\nAcme said."),
                       ["p: BERLIN – / The ministry said.", "p: NEW YORK--(BUSINESS WIRE)-- / Acme said."])
        // A caps line that starts a wrapped sentence is not a heading either.
        XCTAssertEqual(try dump("NASA AND ESA\nannounced today.")[0], "p: NASA AND ESA / announced today.")
    }

    func testThematicBreakAndEndMarks() throws {
        XCTAssertEqual(try dump("One.\n\n* * *\n\nTwo.\n- END -\n\n###\n"),
                       ["p: One.", "hr", "p: Two.", "p: - END -", "p: ###"])
    }

    func testLinks() throws {
        let blocks = try read("See <https://example.org/a?b=1>, https://example.com/path. Mail press@acme.example or (www.acme.example/x).")
        XCTAssertEqual(blocks, [.paragraph([
            .text("See "),
            .link(Link(target: "https://example.org/a?b=1", content: [.text("https://example.org/a?b=1")])),
            .text(", "),
            .link(Link(target: "https://example.com/path", content: [.text("https://example.com/path")])),
            .text(". Mail "),
            .link(Link(target: "mailto:press@acme.example", content: [.text("press@acme.example")])),
            .text(" or ("),
            .link(Link(target: "http://www.acme.example/x", content: [.text("www.acme.example/x")])),
            .text(")."),
        ])])
    }

    func testURLWithBalancedParentheses() throws {
        let blocks = try read("Read https://en.wikipedia.org/wiki/Mercury_(planet)!")
        XCTAssertEqual(blocks, [.paragraph([
            .text("Read "),
            .link(Link(target: "https://en.wikipedia.org/wiki/Mercury_(planet)", content: [.text("https://en.wikipedia.org/wiki/Mercury_(planet)")])),
            .text("!"),
        ])])
    }

    func testURLWithManyClosingParenthesesIsLinear() throws {
        let blocks = try read("(see https://example.org/a" + String(repeating: ")", count: 200_000))
        guard case .paragraph(let inlines)? = blocks.first, inlines.count == 3,
              case .link(let link) = inlines[1] else { return XCTFail("\(blocks.count) blocks") }
        XCTAssertEqual(link.target, "https://example.org/a")
    }

    func testLineThatIsOnlyAnAngleLink() throws {
        XCTAssertEqual(try read("<https://www.itu.int/en/Pages/R2A.aspx>"), [.paragraph([
            .link(Link(target: "https://www.itu.int/en/Pages/R2A.aspx", content: [.text("https://www.itu.int/en/Pages/R2A.aspx")])),
        ])])
    }

    func testNotLinks() throws {
        XCTAssertEqual(try read("user@localhost and a@b.c and foo@ and http:// alone"),
                       [.paragraph([.text("user@localhost and a@b.c and foo@ and http:// alone")])])
    }

    func testQuoteParagraphsStayParagraphs() throws {
        XCTAssertEqual(try dump("\"We are proud,\" said the CEO.\n\n„Wir sind stolz“, sagte sie."),
                       ["p: \"We are proud,\" said the CEO.", "p: „Wir sind stolz“, sagte sie."])
    }

    func testLargeInputIsLinear() throws {
        // 1 MB of wrapped paragraphs and lists converts (a quadratic step would make this test crawl).
        var text = "HEADLINE OF THE DAY\n\n"
        let paragraph = "The quick brown fox jumps over the lazy dog near https://example.org/x and\nwrites to fox@example.org about the 21 September 2021 meeting in Minsk.\n\n- item one\n- item two\n\n"
        while text.utf8.count < 1_000_000 { text += paragraph }
        let doc = try Converter.read(Array(text.utf8), format: Formats.named("text")!, context: ConversionContext())
        XCTAssertEqual(doc.metadata.title, "HEADLINE OF THE DAY")
        XCTAssertGreaterThan(doc.blocks.count, 10_000)
    }
}
