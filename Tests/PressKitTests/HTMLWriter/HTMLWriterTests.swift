import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import PressKit

final class HTMLWriterTests: XCTestCase {
    let release = Document(
        metadata: Metadata(title: "Acme opens a plant", subtitle: "200 jobs & more", date: "2024-03-05",
                           dateline: "BERLIN", organization: "Acme GmbH", authors: ["Jane Roe"],
                           contacts: [Contact(name: "Jane Roe", role: "Press officer", email: "press@acme.example",
                                              phone: "+49 30 123")],
                           language: "de-DE", source: "https://acme.example/news?id=1&x=2",
                           keywords: ["industry", "jobs"], description: "A new plant.", extra: ["campaign": "spring"]),
        blocks: [
            .paragraph([.text("Acme "), .emphasis([.text("today")]), .text(" said"),
                        .note([.paragraph([.text("At the press conference.")])]), .text(".")]),
            .heading(level: 2, content: [.text("About Acme")], id: nil),
            .heading(level: 2, content: [.text("About Acme")], id: "about"),
            .heading(level: 3, content: [.text("Again")], id: "about"),
            .raw(format: "html", text: "<div class=\"embed\"><iframe src=x></div>\n"),
            .paragraph([.image(Image(source: "img/plant.png", alt: "The plant")),
                        .link(Link(target: "https://acme.example/", content: [.text("site")])),
                        .raw(format: "html", text: "<br>"), .text("\u{1}ctrl")]),
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("task")])], checked: false)])),
            .figure(Figure(image: Image(source: "a.jpg", alt: "A", width: 10, height: 20), caption: [.text("Cap")])),
            .definitionList([DefinitionItem(term: [.text("T")], definitions: [[.paragraph([.text("D")])]])]),
            .division(role: "boilerplate", blocks: [.paragraph([.underline([.text("u")]), .superscript([.text("2")])])]),
            .table(Table(caption: [.text("Numbers")], alignments: [.right],
                         header: [[TableCell([.text("n")])]], rows: [[TableCell(blocks: [.paragraph([.text("1")])], rowspan: 2)]])),
        ])

    func render(_ document: Document, configure: (inout ConversionOptions) -> Void = { _ in }) throws -> (String, ConversionContext) {
        let context = ConversionContext()
        configure(&context.options)
        return (String(decoding: try HTMLWriter().write(document, context: context), as: UTF8.self), context)
    }

    func testFullDocument() throws {
        let (html, _) = try render(release)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de-DE\">\n<head>\n<meta charset=\"utf-8\" />"), html)
        for expected in [
            "<title>Acme opens a plant</title>",
            "<meta name=\"description\" content=\"A new plant.\" />",
            "<meta name=\"keywords\" content=\"industry, jobs\" />",
            "<meta name=\"author\" content=\"Jane Roe\" />",
            "<meta name=\"date\" content=\"2024-03-05\" />",
            "<meta name=\"dcterms.publisher\" content=\"Acme GmbH\" />",
            "<meta name=\"campaign\" content=\"spring\" />",
            "<link rel=\"canonical\" href=\"https://acme.example/news?id=1&amp;x=2\" />",
            "<style>\nbody {",
            "<h1 class=\"title\">Acme opens a plant</h1>",
            "<p class=\"subtitle\">200 jobs &amp; more</p>",
            "<span class=\"place\">BERLIN</span>, <time datetime=\"2024-03-05\">2024-03-05</time>",
            "<strong>Jane Roe</strong><br />Press officer<br /><a href=\"mailto:press@acme.example\">",
            // The labels in the release's language (de-DE).
            "<h2>Pressekontakt</h2>",
            "<p class=\"source\">Quelle: <a href=\"https://acme.example/news?id=1&amp;x=2\">",
            "<section class=\"footnotes\">",
            "</article>\n</body>\n</html>\n",
        ] {
            XCTAssertTrue(html.contains(expected), "missing \(expected)\n\(html)")
        }
    }

    func testLanguageFallbackAndStylesheetOption() throws {
        let (html, _) = try render(Document(blocks: [.heading(level: 1, content: [.text("Head")], id: nil)])) {
            $0.css = "p { color: red }"
        }
        XCTAssertTrue(html.contains("<html lang=\"und\">"))
        XCTAssertTrue(html.contains("<title>Head</title>"))
        XCTAssertTrue(html.contains("<style>\np { color: red }\n</style>"))
        XCTAssertFalse(html.contains("<header>"))
    }

    func testFragmentIsBodyOnlyAsCmarkRendersIt() throws {
        let markdown = """
        # Title

        Text with *em*, **strong**, `code`, [a link](/u "T") & <span>raw</span>.\\
        Next line ~~old~~ ![img](/i.png)

        1. one
        2. two

        - [ ] task

        > quote

        ```js
        let x = "<y>";
        ```

        | a | b |
        |:-:|--:|
        | 1 | 2 |

        <div>
        block
        </div>

        ***
        """
        let document = try MarkdownReader(flavor: .gfm).read(text: markdown)
        let (ours, _) = try render(document) { $0.fragment = true }
        XCTAssertFalse(ours.contains("<html"))
        guard SpecSupport.which("cmark-gfm") else { throw XCTSkip("cmark-gfm is not installed") }
        let cmark = try SpecSupport.cmarkGFM([markdown])[0]
        XCTAssertEqual(ours, cmark)
    }

    func testXHTMLModeForEPUB() throws {
        var settings = HTMLRenderSettings()
        settings.xhtml = true
        settings.idPrefix = "c1-"
        settings.image = { image in image.source.hasPrefix("img/") ? Image(source: "images/" + image.source, alt: image.alt) : nil }
        var remoteSettings = HTMLRenderSettings()
        remoteSettings.image = { _ in nil }
        var refused = HTMLBodyRenderer(settings: remoteSettings, context: ConversionContext())
        refused.renderImage(Image(source: "https://x.example/a.png", alt: "Remote"))
        XCTAssertEqual(refused.out, "<a href=\"https://x.example/a.png\">Remote</a>")
        settings.linkTarget = { $0.hasPrefix("https://") ? $0 : nil }
        let context = ConversionContext()
        var xml = XMLWriter(html: false)
        xml.open("body")
        HTMLWriter().renderBody(release.blocks, into: &xml, settings: settings, context: context)
        xml.close()
        let body = xml.finish()
        XCTAssertFalse(body.contains("iframe"), body)
        XCTAssertFalse(body.contains("\u{1}"))
        XCTAssertEqual(context.diagnostics.count, 2, "\(context.diagnostics)")
        XCTAssertTrue(body.contains("<h2 id=\"c1-h1\">About Acme</h2>"), body)
        XCTAssertTrue(body.contains("<h2 id=\"c1-about\">About Acme</h2>"), body)
        XCTAssertTrue(body.contains("<h3 id=\"c1-about-2\">Again</h3>"), body)
        XCTAssertTrue(body.contains("<img src=\"images/img/plant.png\" alt=\"The plant\" />"), body)
        XCTAssertTrue(body.contains("<figure>\nA\n<figcaption>"), body)  // refused local image: its alt text
        XCTAssertTrue(body.contains("href=\"#c1-fn-1\" id=\"c1-fnref-1\""), body)
        XCTAssertTrue(body.contains("<li id=\"c1-fn-1\">"), body)
        XCTAssertTrue(body.contains("<th style=\"text-align: right\">n</th>"), body)
        XCTAssertFalse(body.contains(" align="), body)
        XCTAssertEqual(HTMLBodyRenderer.xmlID("2 Über uns?"), "h2-Über-uns-")
        // The ASCII shortcut keeps exactly the letters Unicode calls alphabetic.
        for value in UInt8(0)..<0x80 {
            let c = Unicode.Scalar(value)
            let kept = c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
            let expected = (c.properties.isAlphabetic || c == "_" ? "" : "h") + (kept ? String(c) : "-")
            XCTAssertEqual(HTMLBodyRenderer.xmlID(String(c)), expected, "\(value)")
        }
        // Well-formed XML.
        let parser = XMLParser(data: Data(body.utf8))
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))\n\(body)")
        // Raw HTML can be kept through the filter.
        settings.rawHTMLFilter = { _ in "<div class=\"embed\"/>" }
        var again = XMLWriter(html: false)
        HTMLWriter().renderBody([.raw(format: "html", text: "<iframe>")], into: &again, settings: settings, context: context)
        XCTAssertEqual(again.finish(), "<div class=\"embed\"/>\n")
    }

    func testRenderInlinesForTitles() throws {
        var xml = XMLWriter(html: true)
        HTMLWriter().renderInlines([.text("A & B"), .emphasis([.text("x")]), .note([.paragraph([.text("n")])])],
                                   into: &xml, settings: HTMLRenderSettings(), context: ConversionContext())
        XCTAssertEqual(xml.finish(), "A &amp; B<em>x</em> (n)")
    }

    func testXMLEscapingDropsNoncharactersAndControls() {
        XCTAssertEqual(XMLWriter.escape("a\u{FFFE}b\u{FFFF}c\u{1}d é\u{FEFF}"), "abcd é\u{FEFF}")
        XCTAssertEqual(XMLWriter.escape("x\"y", attribute: true), "x&quot;y")
    }

    func testHrefEscapingMatchesCmark() {
        XCTAssertEqual(HTMLEscaping.href("https://a.example/ä b?x=1&y='2'#f"),
                       "https://a.example/%C3%A4%20b?x=1&amp;y=&#x27;2&#x27;#f")
    }

    /// The dateline's date is a `<time>` only when it is a real date (the W3C checker rejects
    /// `datetime="Frühjahr 2024"`); its `datetime` is a valid HTML date or date and time.
    func testTheDatelineTimeOnlyForARealDate() throws {
        func page(_ date: String) throws -> String {
            try render(Document(metadata: Metadata(title: "T", date: date), blocks: [.paragraph([.text("x")])])).0
        }
        var html = try page("Frühjahr 2024")
        XCTAssertFalse(html.contains("<time"), html)
        XCTAssertTrue(html.contains("Frühjahr 2024"), html)
        html = try page("2024-03-05")
        XCTAssertTrue(html.contains("<time datetime=\"2024-03-05\">2024-03-05</time>"), html)
        html = try page("2024-03-05T10:00+01")
        XCTAssertTrue(html.contains("<time datetime=\"2024-03-05T10:00:00+01:00\">2024-03-05T10:00+01</time>"), html)
        html = try page("2024-03-05T10:00")
        XCTAssertTrue(html.contains("<time datetime=\"2024-03-05T10:00:00\">"), html)
    }
}
