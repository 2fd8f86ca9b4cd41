import Foundation
import XCTest
@testable import PressKit

final class MarkdownWriterTests: XCTestCase {
    func write(_ document: Document, flavor: MarkdownWriter.Flavor = .gfm, frontMatter: Bool = false,
               configure: (inout ConversionOptions) -> Void = { _ in }) throws -> (String, ConversionContext) {
        let context = ConversionContext()
        configure(&context.options)
        let bytes = try MarkdownWriter(flavor: flavor, frontMatter: frontMatter).write(document, context: context)
        return (String(decoding: bytes, as: UTF8.self), context)
    }

    func md(_ blocks: [Block], flavor: MarkdownWriter.Flavor = .gfm,
            configure: (inout ConversionOptions) -> Void = { _ in }) throws -> String {
        try write(Document(blocks: blocks), flavor: flavor, configure: configure).0
    }

    func html(_ blocks: [Block]) throws -> String {
        let context = ConversionContext()
        context.options.fragment = true
        return String(decoding: try HTMLWriter().write(Document(blocks: blocks), context: context), as: UTF8.self)
    }

    /// Written Markdown read back renders as the original tree does.
    func assertRoundTrip(_ blocks: [Block], flavor: MarkdownWriter.Flavor = .gfm, file: StaticString = #filePath,
                         line: UInt = #line) throws {
        let text = try md(blocks, flavor: flavor)
        let back = try MarkdownReader(flavor: flavor == .gfm ? .gfm : .commonmark).read(text: text)
        XCTAssertEqual(try html(back.blocks), try html(blocks), "Markdown was:\n\(text)", file: file, line: line)
    }

    func testEscapesEverythingThatWouldChangeMeaning() throws {
        let tricky = [
            "1. not a list", "2) nor this", "- no", "+ no", "* no", "# no heading", "> no quote", "=== no",
            "--- no", "*not em*", "_not em_", "a_b_c", "`not code`", "<div>not html</div>", "&amp; stays",
            "&#35; stays", "![not image](x)", "[not link](x)", "a | b", "~~not struck~~", "\\ backslash",
            "tab\there", "http://x.example is text", "www.example.com too", "~~~", "```", "1986. A great year", "<http://not.auto>",
            "[^1] not a note", "!", "100%",
        ]
        for text in tricky {
            try assertRoundTrip([.paragraph([.text(text)])])
            try assertRoundTrip([.paragraph([.text(text)])], flavor: .commonmark)
        }
        // Leading and trailing white space cannot be written; it never becomes code or a hard break.
        XCTAssertEqual(try md([.paragraph([.text("    four"), .softBreak, .text("  x  "), .softBreak, .text("y")])]),
                       "four\nx\ny\n")
        // Inside other constructs too.
        try assertRoundTrip([.bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("1. x")])])]))])
        try assertRoundTrip([.heading(level: 2, content: [.text("Ends with # hash #")], id: nil)])
        try assertRoundTrip([.paragraph([.text("!"), .link(Link(target: "/u", content: [.text("x")]))])])
    }

    func testBasicSyntax() throws {
        let doc: [Block] = [
            .heading(level: 1, content: [.text("Title")], id: nil),
            .paragraph([.text("A "), .strong([.text("bold")]), .text(" and "), .emphasis([.text("em")]),
                        .text(" "), .code("c`d"), .text(" "),
                        .link(Link(target: "https://example.com/a b", title: "T \"q\"", content: [.text("link")]))]),
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("one")])]),
                                          ListItem(blocks: [.paragraph([.text("two")])])])),
            .codeBlock(language: "sh", text: "echo ```\n"),
            .thematicBreak,
        ]
        let text = try md(doc)
        XCTAssertEqual(text, """
        # Title

        A **bold** and *em* ``c`d`` [link](<https://example.com/a b> "T \\"q\\"")

        - one
        - two

        ````sh
        echo ```
        ````

        ***

        """)
        try assertRoundTrip(doc)
    }

    func testAdjacentListsStaySeparate() throws {
        let item = ListItem(blocks: [.paragraph([.text("x")])])
        let doc: [Block] = [
            .bulletList(ListBlock(items: [item])), .bulletList(ListBlock(items: [item])),
            .orderedList(ListBlock(items: [item])), .orderedList(ListBlock(items: [item])),
        ]
        XCTAssertEqual(try md(doc), "- x\n\n* x\n\n1. x\n\n1) x\n")
        try assertRoundTrip(doc)
    }

    func testTablesPipeOrHTML() throws {
        let table = Table(alignments: [.left, .center, .right, .none],
                          header: [[TableCell([.text("a")]), TableCell([.text("b|c")]), TableCell([.code("x|y")]),
                                    TableCell([])]],
                          rows: [[TableCell([.text("1")]), TableCell([]), TableCell([]), TableCell([])]])
        XCTAssertEqual(try md([.table(table)]), """
        | a | b\\|c | `x\\|y` |  |
        | :-- | :-: | --: | --- |
        | 1 |  |  |  |

        """)
        try assertRoundTrip([.table(table)])
        // CommonMark has no tables; spans do not fit pipe syntax: raw HTML, rendered the same.
        let commonmark = try md([.table(table)], flavor: .commonmark)
        XCTAssertTrue(commonmark.hasPrefix("<table>"), commonmark)
        try assertRoundTrip([.table(table)], flavor: .commonmark)
        var spanned = table
        spanned.rows = [[TableCell(blocks: [.paragraph([.text("wide")])], colspan: 4)]]
        XCTAssertTrue(try md([.table(spanned)]).contains("colspan=\"4\""))
        try assertRoundTrip([.table(spanned)])
    }

    func testTaskListsStrikethroughAndFootnotes() throws {
        let doc: [Block] = [
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("done")])], checked: true),
                                          ListItem(blocks: [.paragraph([.text("open")])], checked: false)])),
            .paragraph([.strikethrough([.text("old")]), .text(" claim"), .note([.paragraph([.text("A source.")])])]),
        ]
        let text = try md(doc)
        XCTAssertEqual(text, "- [x] done\n- [ ] open\n\n~~old~~ claim[^1]\n\n[^1]:\n    A source.\n")
        try assertRoundTrip(doc)
        XCTAssertTrue(try md(doc, flavor: .commonmark).contains("<del>old</del>"))
    }

    func testReferenceLinks() throws {
        let doc: [Block] = [.paragraph([
            .link(Link(target: "https://a.example", content: [.text("A")])), .text(" "),
            .link(Link(target: "https://b.example", title: "B", content: [.text("B")])), .text(" "),
            .link(Link(target: "https://a.example", content: [.text("again")])),
        ])]
        let text = try md(doc) { $0.referenceLinks = true }
        XCTAssertEqual(text, "[A][1] [B][2] [again][1]\n\n[1]: https://a.example\n[2]: https://b.example \"B\"\n")
        let back = try MarkdownReader(flavor: .gfm).read(text: text)
        XCTAssertEqual(try html(back.blocks), try html(doc))
    }

    func testWrapping() throws {
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        let doc: [Block] = [.blockQuote([.paragraph([.text(words + " "), .emphasis([.text("end of it")])])])]
        let text = try md(doc) { $0.wrap = 30 }
        for line in text.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 30, String(line))
            XCTAssertTrue(line.hasPrefix("> "))
        }
        let back = try MarkdownReader(flavor: .gfm).read(text: text)
        XCTAssertEqual(try html(back.blocks).replacingOccurrences(of: "\n", with: " "),
                       try html(doc).replacingOccurrences(of: "\n", with: " "))
        // No wrapping by default.
        XCTAssertEqual(try md(doc).split(separator: "\n").count, 1)
    }

    func testFrontMatterRoundTrip() throws {
        var m = Metadata(title: "Acme: a \"new\" plant", subtitle: "# not a comment", date: "2024-03-05",
                         dateline: "BERLIN", organization: "Acme", authors: ["Jane Roe", "- Dash"],
                         contacts: [Contact(name: "Jane", email: "j@acme.example", phone: "+49 30 1"),
                                    Contact(text: "Press office\nsecond line")],
                         language: "de", source: "https://acme.example/x", keywords: ["a", "yes"],
                         description: "Multi\nline", embargo: "2024-03-05T06:00", image: "i.png",
                         extra: ["campaign": "spring", "weird key": "[x]"])
        m.dateSource = "front-matter"
        let doc = Document(metadata: m, blocks: [.paragraph([.text("Body")])])
        let (text, _) = try write(doc, frontMatter: true)
        XCTAssertTrue(text.hasPrefix("---\ntitle: \"Acme: a \\\"new\\\" plant\"\n"), text)
        let back = try MarkdownReader(flavor: .markdown).read(text: text)
        XCTAssertEqual(back.metadata, m)
        XCTAssertEqual(back.blocks, doc.blocks)
        // Turned off: the headline and the rest show as Markdown.
        let (plain, _) = try write(doc, frontMatter: true) { $0.frontMatter = false }
        XCTAssertTrue(plain.hasPrefix("# Acme: a \"new\" plant\n\n*\\# not a comment*\n\nBERLIN, 2024-03-05 — Acme\n"), plain)
        // The labels in the release's language (de).
        XCTAssertTrue(plain.contains("Quelle: <https://acme.example/x>"), plain)
        XCTAssertTrue(plain.contains("**Pressekontakte:**\\\nJane\\\n<j@acme.example>\\\n+49 30 1\\\nPress office\\\nsecond line\n"), plain)
    }

    func testRawContent() throws {
        let (text, context) = try write(Document(blocks: [
            .raw(format: "html", text: "<aside>\nnote\n</aside>\n"),
            .raw(format: "latex", text: "\\newpage"),
            .paragraph([.text("a "), .raw(format: "html", text: "<kbd>"), .text("k"), .raw(format: "html", text: "</kbd>"),
                        .raw(format: "rtf", text: "{\\b}")]),
        ]))
        XCTAssertEqual(text, "<aside>\nnote\n</aside>\n\na <kbd>k</kbd>\n")
        XCTAssertEqual(context.diagnostics.count, 2)
        XCTAssertTrue(context.diagnostics[0].message.contains("latex"))
    }

    func testOtherTreeCases() throws {
        let doc: [Block] = [
            .figure(Figure(image: Image(source: "a.png", alt: "Alt", title: "T"), caption: [.text("Caption")])),
            .definitionList([DefinitionItem(term: [.text("Term")], definitions: [[.paragraph([.text("Def")])]])]),
            .division(role: "about", blocks: [.paragraph([.underline([.text("u")]), .superscript([.text("2")]),
                                                          .subscript([.text("i")])])]),
            .paragraph([.text("line"), .lineBreak, .text("next"), .lineBreak]),
        ]
        XCTAssertEqual(try md(doc), """
        ![Alt](a.png "T")

        *Caption*

        **Term**

        Def

        <u>u</u><sup>2</sup><sub>i</sub>

        line\\
        next

        """)
    }

    func testMarkdownToMarkdownIsIdempotentOnSamples() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/markdown")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        XCTAssertGreaterThanOrEqual(files.count, 5)
        let format = try XCTUnwrap(Formats.named("markdown"))
        for file in files.sorted() {
            let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
            let once = try Converter.convert(input, from: format, to: format, context: ConversionContext())
            let twice = try Converter.convert(once, from: format, to: format, context: ConversionContext())
            XCTAssertEqual(String(decoding: twice, as: UTF8.self), String(decoding: once, as: UTF8.self), file)
        }
    }
}
