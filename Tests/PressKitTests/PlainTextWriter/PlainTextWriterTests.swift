import XCTest
@testable import PressKit

/// The plain-text writer: clean text for search indexes, with headline, date line, lists, links and notes.
final class PlainTextWriterTests: XCTestCase {
    private func text(_ document: Document, wrap: Int? = nil, context: ConversionContext = ConversionContext()) throws -> String {
        context.options.wrap = wrap
        return String(decoding: try PlainTextWriter().write(document, context: context), as: UTF8.self)
    }

    private func body(_ blocks: [Block], wrap: Int? = nil) throws -> String {
        try text(Document(blocks: blocks), wrap: wrap)
    }

    func testEveryKindOfNode() throws {
        let context = ConversionContext()
        XCTAssertEqual(try text(TestDocuments.allKinds, context: context), """
        Minister "Took" Part — in the Partner2Connect Meeting
        Belarus joins the ITU coalition
        MINSK, 2021-09-21 — Ministry of Communications & Informatization
        Embargoed until September 21, 2021, 10:00 UTC

        Overview
        ========

        Details here
        ------------

        Minor

        Plain, emphasis, strong, underline, struck, E=mc2, H2O, let x = "y\\n" a the ITU <https://www.itu.int/> and https://example.org Logo
        rawnote[1] — Юникод 😀  / \\  \t end

        - one
        - two
          3) nested

        - [x] done

        - [ ] todo

        -

        9. first
        10. second

        > “Quoted,” he said.
        >
        > > deeper

            print("hi")
            \tindented

        Results
        Name  Value  Mid
        ----  -----  ----  -
        a         1  wide
                 22   x    y

        [Image: A chart]
        Figure 1: growth

        [Image]

        * * *

        ITU
            International Telecommunication Union

        raw

        raw plain text

        About the Ministry

        [1] A footnote with a@b.c

        Media contacts:
        Jane Doe
        Press officer
        MPT
        press@mpt.gov.by
        +375 17 000-00-00

        Press office
        Tel. 123

        Source: https://www.mpt.gov.by/news/21-09-2021-7488

        """)
        // Raw HTML keeps its text, so nothing was left out.
        XCTAssertEqual(context.diagnostics.map(\.message), [])
    }

    func testARelease() throws {
        var release = TestDocuments.release
        release.metadata.contacts = [Contact(name: "Max Mustermann", email: "presse@acme.example")]
        XCTAssertEqual(try text(release), """
        Acme Opens New Plant
        BERLIN, 2024-03-05 — Acme GmbH

        Acme today opened its new plant in Berlin.

        - 200 jobs
        - Solar powered

        About Acme
        ----------

        Acme makes everything.

        Media contact:
        Max Mustermann
        presse@acme.example

        Source: https://acme.example/news/plant

        """)
    }

    func testDateLineTakesWhateverExists() throws {
        XCTAssertEqual(try text(Document(metadata: Metadata(title: "T", date: "2021-09-21"))), "T\n2021-09-21\n")
        XCTAssertEqual(try text(Document(metadata: Metadata(dateline: "MINSK"), blocks: [.paragraph([.text("x")])])),
                       "MINSK\n\nx\n")
        XCTAssertEqual(try text(Document(metadata: Metadata(title: "  Spaced\n title "))), "Spaced  title\n")
    }

    func testEmptyDocumentsAndEmptyBlocks() throws {
        XCTAssertEqual(try text(Document()), "")
        XCTAssertEqual(try text(Document(metadata: Metadata(contacts: [Contact(), Contact(text: " ")], source: " "))), "")
        XCTAssertEqual(try body([.paragraph([]), .division(role: nil, blocks: []), .paragraph([.text("  ")])]), "")
        XCTAssertEqual(try body([.paragraph([.text("a")]), .paragraph([]), .paragraph([.text("b")])]), "a\n\nb\n")
    }

    func testLinksKeepTheirTargets() throws {
        func link(_ text: String, _ target: String) -> Inline { .link(Link(target: target, content: [.text(text)])) }
        XCTAssertEqual(try body([.paragraph([
            link("ITU", "https://itu.int"), .text(", "), link("https://itu.int", "https://itu.int"), .text(", "),
            link("itu.int", "https://www.itu.int/"), .text(", "), link("press@x.org", "mailto:press@x.org"), .text(", "),
            link("", "https://empty.example"), .text(", "), link("anchor", ""),
        ])]), "ITU <https://itu.int>, https://itu.int, itu.int, press@x.org, <https://empty.example>, anchor\n")
    }

    func testNotesAreNumberedAndCollectedAtTheEnd() throws {
        let doc = Document(metadata: Metadata(source: "https://s.example"), blocks: [
            .paragraph([.text("One"), .note([.paragraph([.text("First"), .note([.paragraph([.text("Inner")])])])]),
                        .text(" two"), .note([.paragraph([.text("Second")]), .paragraph([.text("More")])])]),
        ])
        XCTAssertEqual(try text(doc), """
        One[1] two[2]

        [1] First[3]

        [2] Second

            More

        [3] Inner

        Source: https://s.example

        """)
    }

    func testListsNestAndNumber() throws {
        let nested = ListBlock(items: [ListItem(blocks: [.paragraph([.text("inner a")])]),
                                       ListItem(blocks: [.paragraph([.text("inner b")])])])
        XCTAssertEqual(try body([
            .orderedList(ListBlock(items: [
                ListItem(blocks: [.paragraph([.text("first")]), .bulletList(nested)]),
                ListItem(blocks: [.paragraph([.text("second"), .lineBreak, .text("line two")])]),
            ], start: 1)),
        ]), """
        1. first
           - inner a
           - inner b
        2. second
           line two

        """)
    }

    func testHostileNumbersDoNotTrap() throws {
        let items = [ListItem(blocks: [.paragraph([.text("a")])]), ListItem(blocks: [.paragraph([.text("b")])])]
        XCTAssertEqual(try body([.orderedList(ListBlock(items: items, start: Int.max))]),
                       "\(Int.max). a\n\(Int.min). b\n")
        let wide = TableCell(blocks: [.paragraph([.text("x")])], colspan: Int.max, rowspan: Int.max)
        XCTAssertEqual(try body([.table(Table(rows: [[wide, TableCell([.text("y")])]]))]).count, 1_000 * 2 + 3)
    }

    func testWrapping() throws {
        let words = "The quick brown fox jumps over the lazy dog and keeps running far away"
        XCTAssertEqual(try body([.paragraph([.text(words)])], wrap: 20), """
        The quick brown fox
        jumps over the lazy
        dog and keeps
        running far away

        """)
        XCTAssertEqual(try body([.bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text(words)])])])),
                                 .blockQuote([.paragraph([.text(words)])])], wrap: 22), """
        - The quick brown fox
          jumps over the lazy
          dog and keeps
          running far away

        > The quick brown fox
        > jumps over the lazy
        > dog and keeps
        > running far away

        """)
        // A word longer than the width stays whole; soft breaks are spaces; hard breaks stay.
        XCTAssertEqual(try body([.paragraph([.text("a https://example.org/a/very/long/path b"), .softBreak, .text("c"),
                                             .lineBreak, .text("d")])], wrap: 12), """
        a
        https://example.org/a/very/long/path
        b c
        d

        """)
        // Without --wrap, nothing is wrapped; code and tables never are.
        XCTAssertEqual(try body([.paragraph([.text(words)])]), words + "\n")
        XCTAssertEqual(try body([.codeBlock(language: nil, text: words)], wrap: 10), "    " + words + "\n")
        // Unicode counts as characters, not bytes.
        XCTAssertEqual(try body([.paragraph([.text("Юникод текст переносится здесь")])], wrap: 13),
                       "Юникод текст\nпереносится\nздесь\n")
    }

    func testHeadingsAreUnderlinedByCharacters() throws {
        XCTAssertEqual(try body([.heading(level: 1, content: [.text("Юникод 😀")], id: nil),
                                 .heading(level: 2, content: [.strong([.text("Zwei")])], id: nil),
                                 .heading(level: 4, content: [.text("Four")], id: nil)]),
                       "Юникод 😀\n========\n\nZwei\n----\n\nFour\n")
    }

    func testTablesAreAlignedColumns() throws {
        let cell = { (s: String) in TableCell([.text(s)]) }
        XCTAssertEqual(try body([.table(Table(alignments: [.left, .right],
                                              header: [[cell("Item"), cell("Price")]],
                                              rows: [[cell("Coffee"), cell("3")], [cell("Tea"), cell("12.50")]]))]), """
        Item    Price
        ------  -----
        Coffee      3
        Tea     12.50

        """)
        XCTAssertEqual(try body([.table(Table(rows: [[cell("a"), cell("b")], [cell("ccc")]]))]), "a    b\nccc\n")
    }

    func testFiguresImagesAndRaw() throws {
        XCTAssertEqual(try body([
            .figure(Figure(image: Image(source: "p.png", alt: "Plant"), caption: [.text("The new plant")])),
            .paragraph([.text("See "), .image(Image(source: "i.png", alt: "icon")), .raw(format: "text", text: " raw")]),
            .raw(format: "plain", text: "plain raw"),
            .thematicBreak,
            .definitionList([DefinitionItem(term: [.text("Term")], definitions: [[.paragraph([.text("Def")])]])]),
            .division(role: "about", blocks: [.paragraph([.text("About")])]),
        ]), "[Image: Plant]\nThe new plant\n\nSee icon raw\n\nplain raw\n\n* * *\n\nTerm\n    Def\n\nAbout\n")
    }

    func testRawMarkupKeepsItsText() throws {
        let context = ConversionContext()
        XCTAssertEqual(try text(Document(blocks: [
            .raw(format: "html", text: "<div class=\"x\">Caf&eacute; &amp; <b>bar</b>&#33; &#x263A;<!-- hidden --><script>var a = 1 < 2;</script><STYLE>p{}</style> end</div>"),
            .paragraph([.text("a "), .raw(format: "HTML", text: "<span>inline&nbsp;text</span>"), .text(" b")]),
            .raw(format: "html", text: "<img src=\"x.png\">"),
            .raw(format: "latex", text: "\\LaTeX"),
        ]), context: context), "Caf&eacute; & bar! \u{263A} end\n\na inline\u{A0}text b\n")
        XCTAssertEqual(context.diagnostics.map(\.message), [
            "plain text: an image in a raw html block was left out",
            "plain text: a raw latex block was left out",
        ])
    }

    func testCodeKeepsItsLinesWhateverTheLineEnds() throws {
        XCTAssertEqual(try body([.codeBlock(language: "sh", text: "a\r\nb\rc\n\n  d\n\n")]), "    a\n    b\n    c\n\n      d\n")
        XCTAssertEqual(try body([.raw(format: "text", text: "x\r\ny")]), "x\ny\n")
    }

    func testControlCharactersAreCleanedAndLineEndsAreSpaces() throws {
        XCTAssertEqual(try body([.paragraph([.text("a\nb\r\nc\u{0}d\u{1B}e\u{7F}f\tg")])]), "a b cdef\tg\n")
    }

    func testThroughTheRegistry() throws {
        let format = Formats.named("text")!
        let context = ConversionContext()
        context.options.wrap = 40
        let out = try Converter.write([TestDocuments.release], format: format, context: context)
        XCTAssertTrue(String(decoding: out, as: UTF8.self).hasPrefix("Acme Opens New Plant\nBERLIN, 2024-03-05 — Acme GmbH\n\n"))
    }
}
