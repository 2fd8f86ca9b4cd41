import XCTest
@testable import PressKit

/// Element and attribute names as small integers (`HTMLTag`, `HTMLAttribute`) say what the names they stand
/// for say: the name sets the reader compared strings against before are the reference.
final class HTMLTagTests: XCTestCase {
    /// Elements that start a new block, as the reader listed them by name.
    private static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "caption",
        "colgroup", "col", "legend", "frameset", "noframes", "search",
    ]

    /// Elements dropped with their content wherever they are, by name.
    private static let dropped: Set<String> = [
        "head", "script", "style", "noscript", "template", "title", "meta", "link", "base",
        "input", "button", "select", "textarea", "option", "optgroup", "label", "datalist", "output",
        "progress", "meter", "area", "param", "source", "track", "wbr",
    ]

    private static func headingLevel(_ name: String) -> Int? {
        guard name.utf8.count == 2, name.utf8.first == UInt8(ascii: "h") else { return nil }
        let d = Int(name.utf8.last!) - 48
        return (1...6).contains(d) ? d : nil
    }

    private static let otherNames = ["", "h0", "h7", "h10", "hh", "header2", "custom-element", "o:p", "fb:like", "P",
                                     "DIV", "blink", "marquee", "nobr", "figure ", " a", "ａ", "é", "section-x"]

    func testEveryNameHasItsOwnTag() {
        XCTAssertEqual(HTMLTag.names.count, HTMLTag.allCases.count - 2)
        XCTAssertEqual(Set(HTMLTag.names).count, HTMLTag.names.count)
        for (k, name) in HTMLTag.names.enumerated() {
            let tag = HTMLTag(name: name)
            XCTAssertEqual(Int(tag.rawValue), k + 2, name)
            XCTAssertNotEqual(tag, .other, name)
            XCTAssertEqual("\(tag)".replacingOccurrences(of: "`", with: ""), name)
        }
        for name in Self.otherNames { XCTAssertEqual(HTMLTag(name: name), .other, name) }
    }

    func testKindsMatchTheNameSets() {
        for name in HTMLTag.names + Self.otherNames {
            let tag = HTMLTag(name: name)
            XCTAssertEqual(tag.isBlock, Self.block.contains(name), name)
            XCTAssertEqual(tag.isDropped, Self.dropped.contains(name), name)
            XCTAssertEqual(tag.isSkipped, HTMLParser.skippedElements.contains(name), name)
            XCTAssertEqual(tag.headingLevel, Self.headingLevel(name), name)
        }
        // Every named element of the sets has a tag, so no name in them is `.other`.
        for name in Self.block.union(Self.dropped).union(HTMLParser.skippedElements) {
            XCTAssertNotEqual(HTMLTag(name: name), .other, name)
        }
        XCTAssertFalse(HTMLTag.text.isBlock || HTMLTag.text.isDropped || HTMLTag.text.isSkipped)
        XCTAssertFalse(HTMLTag.other.isBlock || HTMLTag.other.isDropped || HTMLTag.other.isSkipped)
    }

    func testAttributeKinds() {
        XCTAssertEqual(HTMLAttribute.names.count, HTMLAttribute.allCases.count - 1)
        for (k, name) in HTMLAttribute.names.enumerated() {
            XCTAssertEqual(Int(HTMLAttribute(name: name).rawValue), k + 1, name)
        }
        for name in ["", "data-x", "CLASS", "classes", "aria-label", "xlink:href"] {
            XCTAssertEqual(HTMLAttribute(name: name), .other, name)
        }
        XCTAssertEqual(HTMLAttribute(name: "class"), .class)
        XCTAssertEqual(HTMLAttribute(name: "aria-hidden"), .ariaHidden)
        XCTAssertEqual(HTMLAttribute(name: "xml:lang"), .xmlLang)
    }

    /// The parser's tags and attribute kinds are those of the names it stored, and the lookups by tag and by
    /// kind find what the lookups by name find.
    func testTheDOMKeepsTagsBesideNames() {
        let html = """
        <!DOCTYPE html><html lang=en><head><title>T</title><meta name=description content=d></head>
        <BODY><Div ID=a Class="x y" data-x=1 hidden><p aria-hidden=true style="display:none">one<br>two</p></div>
        <custom-element role=main>c</custom-element><o:p>w</o:p><svg><g/></svg><figure><img src=a.png alt=A></figure>
        <h2 itemprop=headline>H</h2><p>a<p>b<script type="application/ld+json">{}</script></body></html>
        """
        let dom = HTMLParser.parse(utf8: Array(html.utf8))
        XCTAssertEqual(dom.tags.count, dom.nodes.count)
        XCTAssertEqual(dom.attributeKinds.count, dom.attributeNames.count)
        for i in dom.nodes.indices {
            XCTAssertEqual(dom.tags[i], dom.nodes[i].isText ? .text : HTMLTag(name: dom.nodes[i].name), "node \(i)")
        }
        for a in dom.attributeNames.indices {
            XCTAssertEqual(dom.attributeKinds[a], HTMLAttribute(name: dom.attributeNames[a]))
        }
        for (k, name) in HTMLAttribute.names.enumerated() {
            let kind = HTMLAttribute(rawValue: UInt8(k + 1))!
            for i in dom.nodes.indices { XCTAssertEqual(dom.attribute(kind, of: i), dom.attribute(name, of: i), name) }
        }
        for tag in HTMLTag.allCases where tag != .text && tag != .other {
            let name = HTMLTag.names[Int(tag.rawValue) - 2]
            XCTAssertEqual(dom.tags.indices.filter { dom.tags[$0] == tag }, dom.nodes.indices.filter { dom.nodes[$0].name == name }, name)
            XCTAssertEqual(dom.first(tag), dom.nodes.indices.first { dom.nodes[$0].name == name }, name)
        }
        XCTAssertEqual(dom.tags[dom.first(.div)!], .div)
        XCTAssertEqual(dom.attribute(.class, of: dom.first(.div)!), "x y")
        XCTAssertEqual(dom.tags[dom.first(.h2)!].headingLevel, 2)
        XCTAssertEqual(dom.tags.filter { $0 == .p }.count, 4, "o:p is a p, as libxml2's tree names it")
        XCTAssertNil(dom.first(.svg), "skipped with its content")
        XCTAssertNotNil(dom.first(.script), "JSON-LD kept")
        XCTAssertTrue(dom.nodes.indices.contains { dom.nodes[$0].name == "custom-element" && dom.tags[$0] == .other })
    }
}
