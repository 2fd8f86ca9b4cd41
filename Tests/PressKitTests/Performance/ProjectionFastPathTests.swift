import XCTest
@testable import PressKit

/// `PlainTextProjection` appends a paragraph's inlines directly instead of through its stack; the stack-only
/// walk is the reference, for every option and on random trees with nested inlines, notes, lists, tables and
/// definition lists, and on nesting past the direct appending's depth.
final class ProjectionFastPathTests: XCTestCase {
    private struct Trees {
        var seed = SplitMix64(state: 53)
        mutating func pick(_ n: Int) -> Int { Int(seed.next() % UInt64(n)) }

        mutating func inlines(_ depth: Int) -> [Inline] {
            (0..<pick(4)).map { _ in inline(depth) }
        }

        mutating func inline(_ depth: Int) -> Inline {
            let leaf = depth > 4
            switch pick(leaf ? 6 : 14) {
            case 0, 1: return .text(["a", "b c", " ", "é", ""][pick(5)])
            case 2: return .code("x")
            case 3: return pick(2) == 0 ? .softBreak : .lineBreak
            case 4: return .image(Image(source: "i.png", alt: ["alt", ""][pick(2)]))
            case 5: return .raw(format: "html", text: "<b>")
            case 6: return .emphasis(inlines(depth + 1))
            case 7: return .strong(inlines(depth + 1))
            case 8: return .underline(inlines(depth + 1))
            case 9: return .strikethrough(inlines(depth + 1))
            case 10: return .superscript(inlines(depth + 1))
            case 11: return .subscript(inlines(depth + 1))
            case 12: return .link(Link(target: "https://example.com", content: inlines(depth + 1)))
            default: return .note(blocks(depth + 1))
            }
        }

        mutating func blocks(_ depth: Int) -> [Block] {
            (0..<pick(depth > 3 ? 2 : 4)).map { _ in block(depth) }
        }

        mutating func block(_ depth: Int) -> Block {
            switch pick(depth > 3 ? 3 : 11) {
            case 0: return .paragraph(inlines(depth))
            case 1: return .heading(level: 2, content: inlines(depth), id: nil)
            case 2: return .codeBlock(language: nil, text: "code")
            case 3: return .bulletList(ListBlock(items: (0..<pick(3)).map { _ in ListItem(blocks: blocks(depth + 1)) }))
            case 4: return .orderedList(ListBlock(items: (0..<pick(3)).map { _ in ListItem(blocks: blocks(depth + 1)) }))
            case 5: return .blockQuote(blocks(depth + 1))
            case 6: return .division(role: nil, blocks: blocks(depth + 1))
            case 7:
                let row = { (t: inout Trees) in (0..<t.pick(3)).map { _ in TableCell(blocks: t.blocks(depth + 1)) } }
                var table = Table(header: [row(&self)], rows: [row(&self), row(&self)])
                table.caption = inlines(depth)
                return .table(table)
            case 8: return .figure(Figure(image: Image(source: "f.png", alt: "fig"), caption: inlines(depth)))
            case 9: return .definitionList((0..<pick(3)).map { _ in
                DefinitionItem(term: inlines(depth), definitions: (0..<pick(3)).map { _ in blocks(depth + 1) }) })
            default: return [.thematicBreak, .raw(format: "html", text: "<hr>")][pick(2)]
            }
        }
    }

    private let projections = [false, true].flatMap { a in [false, true].flatMap { b in [false, true].flatMap { c in
        [PlainTextProjection.Layout.structured, .flat].map { PlainTextProjection(layout: $0, imageText: a, notes: b, rawText: c) }
    } } }

    func testDirectInlinesMatchTheStack() {
        var trees = Trees()
        for _ in 0..<1500 {
            let blocks = trees.blocks(0)
            for projection in projections {
                XCTAssertEqual(projection.text(blocks), projection.stackOnlyText(blocks), "\(blocks)")
                for block in blocks { XCTAssertEqual(projection.text(block), projection.stackOnlyText([block])) }
            }
        }
    }

    func testNestingPastTheDirectDepth() {
        var inline = Inline.text("bottom")
        for level in 0..<200 {
            inline = level % 3 == 0 ? .link(Link(target: "#", content: [.text("<"), inline, .text(">")]))
                : .emphasis([inline, .note([.paragraph([.text("n\(level)")])])])
        }
        let blocks: [Block] = [.paragraph([.text("a "), inline, .text(" z")]), .paragraph([inline])]
        for projection in projections {
            XCTAssertEqual(projection.text(blocks), projection.stackOnlyText(blocks))
            XCTAssertEqual(projection.text([.text("a "), inline]), projection.stackOnlyText([.paragraph([.text("a "), inline])]))
        }
    }
}
