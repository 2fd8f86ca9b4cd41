import Foundation
import XCTest
@testable import PressKit

/// The DOM built from libxml2's SAX events (`HTMLParser.parse`) is the DOM copied from libxml2's own tree
/// (`HTMLParser.parseCopyingTree`, the way it was built before): node for node, text for text, attribute for
/// attribute, on pages written for each rule of libxml2's tree builder and on every HTML page at hand.
final class HTMLParserSAXTests: XCTestCase {
    private func assertSame(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        assertSame(Array(html.utf8), name: String(html.prefix(60)), file: file, line: line)
    }

    private func assertSame(_ bytes: [UInt8], name: String, file: StaticString = #filePath, line: UInt = #line) {
        let sax = HTMLParser.parse(utf8: bytes)
        let tree = HTMLParser.parseCopyingTree(utf8: bytes)
        guard sax != tree else { return }
        let firstDifference = zip(sax.nodes, tree.nodes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(sax.nodes.count, tree.nodes.count)
        let show = { (dom: HTMLDOM) in
            dom.nodes.indices.contains(firstDifference) ? "\(dom.nodes[firstDifference])" : "none"
        }
        XCTFail("\(name): \(sax.nodes.count) nodes from SAX, \(tree.nodes.count) from the tree; first difference at "
                + "node \(firstDifference): SAX \(show(sax)), tree \(show(tree))", file: file, line: line)
    }

    func testTextRunsMergeOnlyWhenAdjacent() {
        assertSame("<p>one &amp; two<!-- c -->three<?pi x?>four<b></b>five&nbsp;six &unknown; seven</p>")
        assertSame("<p>a<button>skipped</button>b<svg><text>x</text></svg>c<script>var x</script>d</p>")
        assertSame("<div>\n  <p>x</p>\n  \n<!-- between -->\n</div>")
    }

    func testScriptsAndCDATA() {
        assertSame("""
            <html><head><script type="application/ld+json">{"a": 1}</script><script>skip()</script>
            <script type="APPLICATION/LD+JSON">[1]</script><style>p{}</style></head><body><p>x</p></body></html>
            """)
        assertSame("<script type='application/ld+json'></script><p>after an empty script</p>")
    }

    /// libxml2 hands long text over in chunks (about 1,000 bytes) and each character reference apart: the
    /// builder gathers such a run and gives the node its text once, whole, multi-byte characters included.
    func testLongRunsArriveInPiecesAndAreKeptWhole() throws {
        let words = (0..<600).map { "wörd\($0) &amp; «€»" }.joined(separator: " ")
        let json = "{\"articleBody\": \"" + String(repeating: "Straße, 東京 & more; ", count: 800) + "\"}"
        let html = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><p>\(words)</p>"
            + "<p>short</p></body></html>"
        assertSame(html)
        let dom = HTMLParser.parse(utf8: Array(html.utf8))
        let texts = dom.nodes.filter(\.isText).map(\.text)
        XCTAssertEqual(texts, [json, words.replacingOccurrences(of: "&amp;", with: "&"), "short"])
    }

    /// The DOM's node stays compact (it is the reader's largest structure on a large page): one string for
    /// an element's name or a text node's text, and six 32-bit links.
    func testNodesAreFortyBytes() throws {
        XCTAssertEqual(MemoryLayout<HTMLDOM.Node>.stride, 40)
        let dom = HTMLParser.parse(utf8: Array("<p id=a class=b>text<br></p>".utf8))
        let p = try XCTUnwrap(dom.first(.p))
        XCTAssertEqual(dom.nodes[p].name, "p")
        XCTAssertEqual(dom.nodes[p].text, "")
        XCTAssertEqual(dom.nodes[p].attributeCount, 2)
        let text = Int(dom.nodes[p].firstChild)
        XCTAssertTrue(dom.nodes[text].isText)
        XCTAssertEqual(dom.nodes[text].name, "")
        XCTAssertEqual(dom.nodes[text].text, "text")
        XCTAssertEqual(dom.nodes[text].attributeCount, 0)
        XCTAssertEqual(dom.nodes[Int(dom.nodes[text].nextSibling)].name, "br")
    }

    func testAttributes() {
        assertSame("<input checked><option selected>x</option><div hidden data-x data-y='' id=a ID=b class=\"c d\">t</div>")
        assertSame("<p xml:lang=de xmlns:fb='x' fb:like=1>t</p><a href='/x?a=1&amp;b=2' title='&lt;&gt;'>l</a>")
    }

    func testNamesWithColons() {
        assertSame("<fb:like href=x>t</fb:like><o:p>office</o:p><:odd>x</:odd><odd:>y</odd:><a:b:c>z</a:b:c>")
    }

    func testImpliedAndMisnestedElements() {
        assertSame("bare text first<p>then a paragraph")
        assertSame("<table><tr><td>1<td>2</table><ul><li>a<li>b</ul><b><i>x</b>y</i><p><div>d</div>")
        // After the root closes, libxml2 puts a new element into the document's first child when that is the
        // root, else beside the root (after a DOCTYPE, or a comment or processing instruction before the root).
        assertSame("<html><body><p>x</p></body></html>after the end<p>more</p><!-- end -->")
        assertSame("<!DOCTYPE html><html><body><p>x</p></body></html>after the end<p>more</p>")
        assertSame("<!-- first --><html><body><p>x</p></body></html>after<p>more</p>")
        assertSame("<?xml version='1.0'?><html><body><p>x</p></body></html>after<p>more</p>")
        assertSame("<html><body><p>x</p></body></html><!DOCTYPE html>after<p>more</p>")
        assertSame("<html><body><p>x</p></body></html><!-- c -->after<div>more<b>bold</b></div></html><p>again</p>")
        assertSame("<head><title>t</title></head>text in html<body>b</body> <frameset></frameset>")
        assertSame("")
        assertSame("   ")
        assertSame("<!DOCTYPE html><html lang=en></html>")
        assertSame(String(repeating: "<div>", count: 3000) + "deep" + String(repeating: "</div>", count: 3000))
    }

    func testSamplesAndFixtures() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var folders = [root.appendingPathComponent("Samples/html"),
                       root.appendingPathComponent("Tests/PressKitTests/Fixtures/Regressions")]
        // The article-extraction development set, when it sits beside the repository (not in it).
        for shared in ["../shared/extraction/scrapinghub/html", "../../shared/extraction/scrapinghub/html"] {
            folders.append(root.appendingPathComponent(shared))
        }
        var pages = 0
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".html") || name.hasSuffix(".html.gz") || name.hasSuffix(".htm") {
                var bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                if name.hasSuffix(".gz") { bytes = try XCTUnwrap(Gzip.decompress(bytes)).bytes }
                // Pages HTMLEncoding refuses (NUL bytes) are parsed as they are: not UTF-8, the other way in.
                assertSame((try? HTMLEncoding.utf8(bytes, declared: nil).0) ?? bytes, name: name)
                // The reader's way: HTMLEncoding's output is valid UTF-8 and parsed without a second check.
                if let utf8 = try? HTMLEncoding.utf8(bytes, declared: nil).0 {
                    XCTAssertTrue(UTF8Validation.isValid(utf8), name)
                    XCTAssertTrue(HTMLParser.parse(utf8: utf8, isValidUTF8: true) == HTMLParser.parse(utf8: utf8), name)
                }
                pages += 1
            }
        }
        XCTAssertGreaterThan(pages, 5)
    }
}
