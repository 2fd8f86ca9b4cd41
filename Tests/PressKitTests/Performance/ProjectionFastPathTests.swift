import XCTest
@testable import PressKit

/// `PlainTextProjection` appends a paragraph's inlines directly instead of through its stack; the stack-only
/// walk is the reference, for every option, on random trees that nest every kind of block and inline in every
/// other (`DOCXRandomDocuments`), and on nesting past the direct appending's depth.
final class ProjectionFastPathTests: XCTestCase {
    private let projections = [false, true].flatMap { a in [false, true].flatMap { b in [false, true].flatMap { c in
        [PlainTextProjection.Layout.structured, .flat].map { PlainTextProjection(layout: $0, imageText: a, notes: b, rawText: c) }
    } } }

    func testDirectInlinesMatchTheStack() {
        var trees = DOCXRandomDocuments(seed: 53)
        for _ in 0..<300 {
            let blocks = trees.document().blocks
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
