import XCTest
@testable import PressKit

/// The walker visits every node once in document order; the rewriter changes only what it names; the
/// plain-text projection follows its documented options.
final class TreeWalkTests: XCTestCase {
    /// Every text run, by plain recursion written out case by case: the reference the walker must match.
    private static func texts(_ blocks: [Block]) -> [String] { blocks.flatMap(texts) }

    private static func texts(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let c), .heading(_, let c, _): return texts(c)
        case .bulletList(let l), .orderedList(let l): return l.items.flatMap { texts($0.blocks) }
        case .blockQuote(let b), .division(_, let b): return texts(b)
        case .table(let t): return texts(t.caption) + (t.header + t.rows).flatMap { $0.flatMap { texts($0.blocks) } }
        case .figure(let f): return texts(f.caption)
        case .definitionList(let items): return items.flatMap { texts($0.term) + $0.definitions.flatMap(texts) }
        case .codeBlock, .thematicBreak, .raw: return []
        }
    }

    private static func texts(_ inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .text(let s): return [s]
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                return texts(c)
            case .link(let l): return texts(l.content)
            case .note(let b): return texts(b)
            case .code, .image, .softBreak, .lineBreak, .raw: return []
            }
        }
    }

    func testTheWalkerVisitsEveryNodeInDocumentOrder() {
        var texts: [String] = []
        var blocks = 0
        DocumentWalker.walk(TestDocuments.allKinds.blocks) { node in
            if case .inline(.text(let s)) = node { texts.append(s) }
            if case .block = node { blocks += 1 }
            return .visitChildren
        }
        XCTAssertEqual(texts, Self.texts(TestDocuments.allKinds.blocks))
        XCTAssertGreaterThan(texts.count, 20)
        XCTAssertGreaterThan(blocks, TestDocuments.allKinds.blocks.count)
    }

    func testSkippingChildrenAndStopping() {
        let blocks: [Block] = [
            .blockQuote([.paragraph([.text("inside")])]),
            .paragraph([.emphasis([.text("a")]), .text("b")]),
            .paragraph([.text("after the stop")]),
        ]
        var seen: [String] = []
        DocumentWalker.walk(blocks) { node in
            switch node {
            case .block(.blockQuote): return .skipChildren
            case .inline(.text(let s)):
                seen.append(s)
                return s == "b" ? .stop : .visitChildren
            default: return .visitChildren
            }
        }
        XCTAssertEqual(seen, ["a", "b"])
        XCTAssertTrue(DocumentWalker.contains([.paragraph([.note([.paragraph([.text("x")])])])]) {
            if case .inline(.note) = $0 { return true }
            return false
        })
    }

    func testTheWalkerSurvivesHostileDepth() {
        var block: Block = .paragraph([.text("bottom")])
        // Deeper than any recursive walk would survive in a debug build with its large frames, yet shallow enough
        // for Swift to free the tree (freeing is itself recursive).
        for _ in 0..<20_000 { block = .blockQuote([block]) }
        var found = false
        DocumentWalker.walk([block]) { node in
            if case .inline(.text("bottom")) = node { found = true }
            return .visitChildren
        }
        XCTAssertTrue(found)
        XCTAssertEqual(PlainTextProjection.standard.text(block), "bottom")
    }

    /// Upper-cases text everywhere, drops images, and splits every strong run into its content.
    struct Shouter: DocumentRewriter {
        var images = 0
        mutating func rewrite(_ inline: Inline) -> [Inline] {
            switch inline {
            case .text(let s): return [.text(s.uppercased())]
            case .image:
                images += 1
                return []
            case .strong(let content): return rewrite(inlines: content)
            case .code, .softBreak, .lineBreak, .raw, .emphasis, .underline, .strikethrough, .superscript, .subscript,
                 .link, .note:
                return [rewriteChildren(of: inline)]
            }
        }
    }

    func testTheRewriterChangesOnlyWhatItNames() {
        let table = Table(caption: [.text("cap")], header: [[TableCell([.text("h")])]],
                          rows: [[TableCell([.strong([.text("c")]), .image(Image(source: "x.png", alt: "alt"))])]])
        let blocks: [Block] = [
            .heading(level: 2, content: [.text("title")], id: "t"),
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.link(Link(target: "https://a.example", content: [.text("l")]))])], checked: true)], tight: false, start: 3, delimiter: ")")),
            .table(table),
            .definitionList([DefinitionItem(term: [.text("term")], definitions: [[.paragraph([.note([.paragraph([.text("n")])])])]])]),
            .codeBlock(language: "sh", text: "keep me"),
            .figure(Figure(image: Image(source: "f.png", alt: "fig"), caption: [.text("fc")])),
        ]
        var shouter = Shouter()
        let out = shouter.rewrite(blocks: blocks)
        XCTAssertEqual(shouter.images, 1)
        XCTAssertEqual(out, [
            .heading(level: 2, content: [.text("TITLE")], id: "t"),
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.link(Link(target: "https://a.example", content: [.text("L")]))])], checked: true)], tight: false, start: 3, delimiter: ")")),
            .table(Table(caption: [.text("CAP")], header: [[TableCell([.text("H")])]], rows: [[TableCell([.text("C")])]])),
            .definitionList([DefinitionItem(term: [.text("TERM")], definitions: [[.paragraph([.note([.paragraph([.text("N")])])])]])]),
            .codeBlock(language: "sh", text: "keep me"),
            // The figure's image is not an inline: only its caption is rewritten.
            .figure(Figure(image: Image(source: "f.png", alt: "fig"), caption: [.text("FC")])),
        ])
        // A closure rewriter for one-off rewrites: every thematic break removed.
        var remover = ClosureRewriter(block: { block in
            if case .thematicBreak = block { return [] }
            return nil
        })
        XCTAssertEqual(remover.rewrite(blocks: [.thematicBreak, .blockQuote([.thematicBreak, .paragraph([.text("p")])])]),
                       [.blockQuote([.paragraph([.text("p")])])])
    }

    func testTheProjectionOptions() {
        let blocks: [Block] = [
            .paragraph([.text("a"), .softBreak, .emphasis([.text("b")]), .image(Image(source: "i", alt: "img")),
                        .note([.paragraph([.text("note")])]), .raw(format: "html", text: "<b>raw</b>"), .lineBreak,
                        .code("c")]),
            .blockQuote([.paragraph([.text("q1")]), .paragraph([.text("q2")])]),
            .table(Table(header: [[TableCell([.text("h1")]), TableCell([.text("h2")])]],
                         rows: [[TableCell([.text("r1")]), TableCell(blocks: [])]])),
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("i1")])]), ListItem(blocks: [])])),
            .figure(Figure(image: Image(source: "f", alt: "falt"))),
            .thematicBreak,
        ]
        XCTAssertEqual(PlainTextProjection.standard.text(blocks),
                       "a bimg c\n\nq1\n\nq2\n\nh1\th2\nr1\t\n\ni1\n\n\nfalt\n\n")
        XCTAssertEqual(PlainTextProjection(layout: .flat, imageText: false, notes: true).text(blocks),
                       "a bnote c\nq1\nq2\nh1\nh2\nr1\ni1\nfalt\n")
        // cmark's alt text: raw inline fragments keep their text.
        XCTAssertEqual(PlainTextProjection(rawText: true).text([.text("a "), .raw(format: "html", text: "<b>"), .code("c")]),
                       "a <b>c")
        // `Block.plainText` and `[Inline].plainText` are the standard projection.
        XCTAssertEqual(blocks.map(\.plainText).joined(separator: "\n\n"), PlainTextProjection.standard.text(blocks))
        XCTAssertEqual(blocks[1].plainText, "q1\n\nq2")
    }
}
