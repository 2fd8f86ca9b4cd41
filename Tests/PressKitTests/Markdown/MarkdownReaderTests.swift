import Foundation
import XCTest
@testable import PressKit

final class MarkdownReaderTests: XCTestCase {
    func read(_ text: String, _ flavor: MarkdownReader.Flavor = .markdown) throws -> Document {
        try MarkdownReader(flavor: flavor).read(Array(text.utf8), context: ConversionContext())
    }

    func testFrontMatterFillsMetadata() throws {
        let doc = try read("""
        ---
        title: "Acme opens a plant: 200 jobs"
        subtitle: Production starts in May
        date: 2024-03-05
        dateline: BERLIN
        organization: Acme GmbH
        authors: [Jane Roe, 'John O''Neil']
        language: de
        source: https://acme.example/news/plant
        tags: industry, jobs ,  Berlin
        description: >
          A new plant
          in Berlin.
        embargo: 2024-03-05T06:00:00Z
        image: images/plant.jpg
        contacts:
          - name: Jane Roe
            role: Press officer
            email: press@acme.example
            phone: +49 30 1234567
          - Acme press office, press@acme.example
        campaign: spring   # a comment
        ---
        Body text.
        """)
        let m = doc.metadata
        XCTAssertEqual(m.title, "Acme opens a plant: 200 jobs")
        XCTAssertEqual(m.subtitle, "Production starts in May")
        XCTAssertEqual(m.date, "2024-03-05")
        XCTAssertEqual(m.dateSource, "front-matter")
        XCTAssertEqual(m.dateline, "BERLIN")
        XCTAssertEqual(m.organization, "Acme GmbH")
        XCTAssertEqual(m.authors, ["Jane Roe", "John O'Neil"])
        XCTAssertEqual(m.language, "de")
        XCTAssertEqual(m.source, "https://acme.example/news/plant")
        XCTAssertEqual(m.keywords, ["industry", "jobs", "Berlin"])
        XCTAssertEqual(m.description, "A new plant in Berlin.")
        XCTAssertEqual(m.embargo, "2024-03-05T06:00:00Z")
        XCTAssertEqual(m.image, "images/plant.jpg")
        XCTAssertEqual(m.contacts, [
            Contact(name: "Jane Roe", role: "Press officer", email: "press@acme.example", phone: "+49 30 1234567"),
            Contact(text: "Acme press office, press@acme.example"),
        ])
        XCTAssertEqual(m.extra, ["campaign": "spring"])
        XCTAssertEqual(doc.blocks, [.paragraph([.text("Body text.")])])
    }

    func testFrontMatterWithBOMAndCRLF() throws {
        let doc = try MarkdownReader(flavor: .markdown).read(Array("\u{FEFF}---\r\ntitle: CRLF\r\ntags: [a, b]\r\n---\r\n# Head\r\n\r\nBody\r\n".utf8),
                                                             context: ConversionContext())
        XCTAssertEqual(doc.metadata.title, "CRLF")
        XCTAssertEqual(doc.metadata.keywords, ["a", "b"])
        XCTAssertEqual(doc.blocks, [.heading(level: 1, content: [.text("Head")], id: nil), .paragraph([.text("Body")])])
    }

    func testFrontMatterOnlyInTheMarkdownFormat() throws {
        let text = "---\ntitle: x\n---\nBody\n"
        XCTAssertEqual(try read(text, .gfm).metadata, Metadata())
        XCTAssertEqual(try read(text, .gfm).blocks.first, .thematicBreak)
        XCTAssertEqual(try read(text, .markdown).metadata.title, "x")
    }

    func testDashedBlockThatIsNotAMapStaysMarkdown() throws {
        let doc = try read("---\nJust a heading\n---\n\nText\n")
        XCTAssertNil(doc.metadata.title)
        XCTAssertEqual(doc.blocks.first, .thematicBreak)
        XCTAssertEqual(doc.blocks[1], .heading(level: 2, content: [.text("Just a heading")], id: nil))
    }

    func testMalformedFrontMatterIsAClearError() throws {
        XCTAssertThrowsError(try read("---\ntitle: \"unclosed\nsubtitle: x\n---\nBody\n")) { error in
            let e = error as? PressKitError
            XCTAssertEqual(e?.kind, .invalidInput)
            XCTAssertTrue("\(error)".contains("front matter line 2"), "\(error)")
        }
    }

    func testRawHTMLIsKept() throws {
        let doc = try read("<div class=\"x\">\n*hi*\n</div>\n\nA <b>bold</b> word.\n", .commonmark)
        XCTAssertEqual(doc.blocks, [
            .raw(format: "html", text: "<div class=\"x\">\n*hi*\n</div>\n"),
            .paragraph([.text("A "), .raw(format: "html", text: "<b>"), .text("bold"),
                        .raw(format: "html", text: "</b>"), .text(" word.")]),
        ])
    }

    func testGFMExtensions() throws {
        let doc = try read("""
        - [x] done
        - [ ] open

        | a | b |
        |:--|--:|
        | 1 |

        ~~gone~~ www.example.com
        """, .gfm)
        XCTAssertEqual(doc.blocks[0], .bulletList(ListBlock(items: [
            ListItem(blocks: [.paragraph([.text("done")])], checked: true),
            ListItem(blocks: [.paragraph([.text("open")])], checked: false),
        ], tight: true)))
        XCTAssertEqual(doc.blocks[1], .table(Table(alignments: [.left, .right],
                                                   header: [[TableCell([.text("a")]), TableCell([.text("b")])]],
                                                   rows: [[TableCell([.text("1")]), TableCell([])]])))
        XCTAssertEqual(doc.blocks[2], .paragraph([
            .strikethrough([.text("gone")]), .text(" "),
            .link(Link(target: "http://www.example.com", content: [.text("www.example.com")])),
        ]))
        // Strict CommonMark has none of them.
        XCTAssertEqual(try read("~~gone~~", .commonmark).blocks, [.paragraph([.text("~~gone~~")])])
    }

    func testFootnotes() throws {
        let doc = try read("A claim[^src] and another[^2].\n\n[^2]: Second.\n[^src]: The *source*.\n", .gfm)
        XCTAssertEqual(doc.blocks, [.paragraph([
            .text("A claim"), .note([.paragraph([.text("The "), .emphasis([.text("source")]), .text(".")])]),
            .text(" and another"), .note([.paragraph([.text("Second.")])]), .text("."),
        ])])
    }

    func testOrderedListAttributesAndCode() throws {
        let doc = try read("3) one\n4) two\n\n```swift extra\nlet x = 1\n```\n", .commonmark)
        XCTAssertEqual(doc.blocks, [
            .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("one")])]),
                                           ListItem(blocks: [.paragraph([.text("two")])])],
                                   tight: true, start: 3, delimiter: ")")),
            .codeBlock(language: "swift", text: "let x = 1\n"),
        ])
    }

    func testImageAltIsPlainText() throws {
        let doc = try read("![a *b* `c`](/i.png \"T\")", .commonmark)
        XCTAssertEqual(doc.blocks, [.paragraph([.image(Image(source: "/i.png", alt: "a b c", title: "T"))])])
    }

    func testHundredThousandNestedQuotesAreFlattened() throws {
        let doc = try read(String(repeating: ">", count: 100_000) + " deep\n", .gfm)
        var depth = 0
        var blocks = doc.blocks
        while case .blockQuote(let inner)? = blocks.first { depth += 1; blocks = inner }
        XCTAssertEqual(depth, CMarkParser.maxDepth - 1)
        XCTAssertEqual(blocks, [.paragraph([.text("deep")])])
        // The writers walk the capped tree without trouble.
        let context = ConversionContext()
        XCTAssertFalse(try HTMLWriter().write(doc, context: context).isEmpty)
        XCTAssertFalse(try MarkdownWriter().write(doc, context: context).isEmpty)
    }

    func testTwentyThousandNestedListsAreFlattened() throws {
        let doc = try read(String(repeating: "1. ", count: 20_000) + "x\n", .gfm)
        let html = String(decoding: try HTMLWriter().write(doc, context: {
            let c = ConversionContext(); c.options.fragment = true; return c
        }()), as: UTF8.self)
        XCTAssertTrue(html.contains("<li>x</li>"))
        XCTAssertLessThanOrEqual(html.components(separatedBy: "<ol>").count - 1, CMarkParser.maxDepth / 2)
    }

    /// cmark-gfm's thread bug: without the lock around `cmark_parser_finish`, parallel parses sometimes lose
    /// strikethrough and autolinks.
    func testParallelParsesAgree() throws {
        let text = "Some ~~struck~~ text, www.example.com and https://x.example/a?b=c, ~~more~~.\n\n| a |\n|---|\n| ~~b~~ |\n"
        let expected = try read(text, .gfm)
        let results = ParallelResults(count: 4000)
        DispatchQueue.concurrentPerform(iterations: 4000) { i in
            let doc = try? MarkdownReader(flavor: .gfm).read(text: text)
            results.set(i, doc == expected)
        }
        XCTAssertEqual(results.failures, 0)
    }

    func testMarkdownFormatRunsThePressPassAndStrictFormatsDoNot() throws {
        XCTAssertEqual(Formats.named("md")?.name, "markdown")
        XCTAssertEqual(Formats.forPath("a/b.markdown")?.name, "markdown")
        XCTAssertEqual(Formats.named("gfm")?.understandsPress, false)
        XCTAssertEqual(Formats.named("commonmark")?.understandsPress, false)
        XCTAssertEqual(Formats.named("markdown")?.understandsPress, true)
    }
}

/// Collects booleans from concurrent work.
final class ParallelResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool]
    init(count: Int) { values = Array(repeating: false, count: count) }
    func set(_ i: Int, _ value: Bool) { lock.lock(); values[i] = value; lock.unlock() }
    var failures: Int { lock.lock(); defer { lock.unlock() }; return values.filter { !$0 }.count }
}
