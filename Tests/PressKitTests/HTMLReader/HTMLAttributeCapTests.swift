import XCTest
@testable import PressKit

/// A start tag with thousands of attributes (libxml2 compares each with all earlier ones) is cut to its first
/// `HTMLAttributeCap.limit` before parsing; ordinary pages pass through untouched.
final class HTMLAttributeCapTests: XCTestCase {
    private func text(_ html: String) throws -> String {
        let document = try HTMLReader().read(Array(html.utf8), context: ConversionContext())
        return PlainTextProjection().text(document.blocks)
    }

    func testOrdinaryPagesAreHandedBackUnchanged() throws {
        let pages = [
            "<html><head><title>T</title></head><body><p class=a id=b>x</p></body></html>",
            "<p data-x='" + String(repeating: "a > b ", count: 2000) + "'>quoted</p>",
            "<img src=\"data:image/png;base64," + String(repeating: "QUJD", count: 5000) + "\"><p>after</p>",
            "<script>if (a <b) {" + String(repeating: " x = 1;", count: 3000) + "}</script><p>text</p>",
            "<!-- " + String(repeating: "a ", count: 5000) + " --><p>text</p>",
            "<p>a < b " + String(repeating: "word ", count: 3000) + "</p>",
        ]
        for page in pages {
            XCTAssertEqual(HTMLAttributeCap.capped(Array(page.utf8)), Array(page.utf8))
        }
    }

    func testAMonsterTagKeepsItsFirstAttributesAndTheTextAfterIt() throws {
        let attributes = (0..<40_000).map { "a\($0)=\"v>\($0)\"" }.joined(separator: " ")
        let page = "<html><body><h1>Headline of the page</h1><p \(attributes)>First paragraph text.</p><p>Second paragraph.</p></body></html>"
        let capped = String(decoding: HTMLAttributeCap.capped(Array(page.utf8)), as: UTF8.self)
        XCTAssertTrue(capped.contains(#"a511="v>511""#))
        XCTAssertFalse(capped.contains(#"a512="#), String(capped.prefix(200)) + " … " + String(capped.suffix(300)))
        XCTAssertTrue(capped.hasSuffix(">First paragraph text.</p><p>Second paragraph.</p></body></html>"))
        let read = try text(page)
        XCTAssertTrue(read.contains("First paragraph text."), read)
        XCTAssertTrue(read.contains("Second paragraph."), read)
    }

    func testScriptContentIsNeverCut() {
        let fake = "<x " + (0..<2000).map { "t\($0)" }.joined(separator: " ") + ">"
        let page = "<script>var s = '\(fake)';</script><p>after</p>"
        XCTAssertEqual(HTMLAttributeCap.capped(Array(page.utf8)), Array(page.utf8))
        let outside = "<div>" + fake + "</div>"
        XCTAssertLessThan(HTMLAttributeCap.capped(Array(outside.utf8)).count, outside.utf8.count)
    }

    func testASelfClosedScriptOrAnOddProcessingInstructionDoesNotHideAMonsterTag() {
        let monster = "<div " + (0..<2000).map { "a\($0)=\"v\"" }.joined(separator: " ") + ">text</div>"
        for before in ["<script src=\"x.js\" />", "<style/>", "<?<b>", "<? >"] {
            let page = Array((before + monster + "<p>after</p>").utf8)
            XCTAssertLessThan(HTMLAttributeCap.capped(page).count, page.count, before)
        }
    }

    func testACutTagKeepsItsSelfClosingSlash() {
        let page = "<div " + (0..<600).map { "a\($0)=\"v\"" }.joined(separator: " ") + " />after"
        let capped = String(decoding: HTMLAttributeCap.capped(Array(page.utf8)), as: UTF8.self)
        XCTAssertTrue(capped.hasSuffix(#"a511="v"  />after"#), String(capped.suffix(40)))
        XCTAssertFalse(capped.contains("a512"))
    }
}
