import XCTest
@testable import PressKit

/// HTML elements map to the document tree as the issue lists them (through `fullPage`, so that the
/// extractor does not choose among the test's few elements).
final class HTMLMappingTests: XCTestCase {
    private func blocks(_ body: String) throws -> [Block] {
        try HTMLTestSupport.read("<html><body>\(body)</body></html>", fullPage: true).blocks
    }

    func testHeadingsParagraphsAndInlines() throws {
        let result = try blocks("""
        <h2 id="intro">Intro  text</h2>
        <p>A <em>b</em> <i>c</i> <strong>d</strong> <b>e</b> <u>f</u> <s>g</s> <del>h</del> x<sub>2</sub> y<sup>3</sup>
        <code>let  x</code> line<br>two &amp; &eacute; &#8364;</p>
        """)
        XCTAssertEqual(result[0], .heading(level: 2, content: [.text("Intro text")], id: "intro"))
        XCTAssertEqual(result[1], .paragraph([
            .text("A "), .emphasis([.text("b")]), .text(" "), .emphasis([.text("c")]), .text(" "), .strong([.text("d")]),
            .text(" "), .strong([.text("e")]), .text(" "), .underline([.text("f")]), .text(" "), .strikethrough([.text("g")]),
            .text(" "), .strikethrough([.text("h")]), .text(" x"), .subscript([.text("2")]), .text(" y"),
            .superscript([.text("3")]), .text(" "), .code("let x"), .text(" line"), .lineBreak, .text("two & é €"),
        ]))
    }

    func testWhitespaceCollapsedAcrossElements() throws {
        let result = try blocks("<p>\n  Hello   <b> bold </b>\n\t world  </p><div>  loose   text  <p>para</p> tail </div>")
        XCTAssertEqual(result, [
            .paragraph([.text("Hello "), .strong([.text("bold ")]), .text("world")]),
            .paragraph([.text("loose text")]), .paragraph([.text("para")]), .paragraph([.text("tail")]),
        ])
    }

    func testNestedListsWithStart() throws {
        let result = try blocks("<ol start=\"3\"><li>three<ul><li>inner</li></ul></li><li>four</li></ol>")
        XCTAssertEqual(result, [.orderedList(ListBlock(items: [
            ListItem(blocks: [.paragraph([.text("three")]), .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("inner")])])]))]),
            ListItem(blocks: [.paragraph([.text("four")])]),
        ], start: 3))])
    }

    func testTable() throws {
        let result = try blocks("""
        <table><caption>Results</caption><thead><tr><th>Name</th><th>Q1</th><th>Q2</th></tr></thead>
        <tbody><tr><td rowspan="2">North</td><td>1</td><td>2</td></tr><tr><td colspan="2">n/a</td></tr></tbody></table>
        """)
        guard case .table(let table) = result.first else { return XCTFail("no table: \(result)") }
        XCTAssertEqual(table.caption, [.text("Results")])
        XCTAssertEqual(table.header.first?.map { $0.blocks.map(\.plainText).joined() }, ["Name", "Q1", "Q2"])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[0][0].rowspan, 2)
        XCTAssertEqual(table.rows[1][0].colspan, 2)
        XCTAssertEqual(table.alignments.count, 3)
    }

    func testTableWithHeaderCellsInFirstRow() throws {
        let result = try blocks("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>")
        guard case .table(let table) = result.first else { return XCTFail("no table") }
        XCTAssertEqual(table.header.count, 1)
        XCTAssertEqual(table.rows.count, 1)
    }

    func testQuotePreFigureImageHrDefinitionList() throws {
        let result = try blocks("""
        <blockquote><p>Quoted</p></blockquote>
        <pre class="language-swift"><code>let a = 1
          let b = 2</code></pre>
        <figure><img src="https://x.example/a.png" alt="A chart" width="640" height="480px"><figcaption>Sales <em>grew</em></figcaption></figure>
        <hr>
        <dl><dt>Term</dt><dd>Definition</dd></dl>
        <p><img src="https://x.example/b.png" alt="inline"></p>
        """)
        XCTAssertEqual(result[0], .blockQuote([.paragraph([.text("Quoted")])]))
        XCTAssertEqual(result[1], .codeBlock(language: "swift", text: "let a = 1\n  let b = 2"))
        XCTAssertEqual(result[2], .figure(Figure(image: Image(source: "https://x.example/a.png", alt: "A chart", width: 640, height: 480),
                                                 caption: [.text("Sales "), .emphasis([.text("grew")])])))
        XCTAssertEqual(result[3], .thematicBreak)
        XCTAssertEqual(result[4], .definitionList([DefinitionItem(term: [.text("Term")], definitions: [[.paragraph([.text("Definition")])]])]))
        XCTAssertEqual(result[5], .paragraph([.image(Image(source: "https://x.example/b.png", alt: "inline"))]))
    }

    func testLazyImageSource() throws {
        let result = try blocks("<p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"https://x.example/real.jpg\" alt=\"real\"></p>")
        XCTAssertEqual(result, [.paragraph([.image(Image(source: "https://x.example/real.jpg", alt: "real"))])])
    }

    func testBlockInsideInlineAndUnknownElements() throws {
        let result = try blocks("<a href=\"https://x.example/\"><div>Card title</div><p>Card text</p></a><custom-el>Custom text</custom-el>")
        XCTAssertEqual(HTMLTestSupport.text(Document(blocks: result)), "Card title\nCard text\nCustom text")
    }

    func testDeepNestingIsFlattenedNotCrashing() throws {
        let depth = 100_000
        let divs = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        for fullPage in [true, false] {
            let document = try HTMLTestSupport.read("<html><body><p>start</p>\(divs)</body></html>", fullPage: fullPage)
            XCTAssertTrue(HTMLTestSupport.text(document).contains("deep text"), "fullPage \(fullPage)")
        }
        let inline = String(repeating: "<span><b>", count: depth / 2) + "deep inline" + String(repeating: "</b></span>", count: depth / 2)
        let document = try HTMLTestSupport.read("<html><body><p>\(inline)</p></body></html>", fullPage: true)
        XCTAssertTrue(HTMLTestSupport.text(document).contains("deep inline"))
        let lists = String(repeating: "<ul><li>", count: 20_000) + "deep item" + String(repeating: "</li></ul>", count: 20_000)
        XCTAssertTrue(HTMLTestSupport.text(try HTMLTestSupport.read("<html><body>\(lists)</body></html>", fullPage: true)).contains("deep item"))
    }

    func testEmptyAndBrokenInput() throws {
        XCTAssertEqual(try HTMLTestSupport.read("").blocks, [])
        // NUL bytes: one rule for every reader (TextDecoding.refuseNULBytes): not a text file.
        XCTAssertThrowsError(try HTMLTestSupport.read([0, 0, 0]))
        let broken = try HTMLTestSupport.read("<p>unclosed <b>bold <i>both</p><p>next", fullPage: true)
        XCTAssertEqual(HTMLTestSupport.text(broken), "unclosed bold both\nnext")
    }
}
