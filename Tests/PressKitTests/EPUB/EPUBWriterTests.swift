import Foundation
import XCTest
@testable import PressKit

final class EPUBWriterTests: XCTestCase {
    private func write(_ document: Document, _ context: ConversionContext) throws -> UnpackedEPUB {
        try UnpackedEPUB(EPUBWriter().write(document, context: context))
    }

    func testContainerLayout() throws {
        let book = try write(EPUBTestSupport.everyNodeDocument(), EPUBTestSupport.context())
        defer { book.remove() }
        let entries = try book.entries()
        XCTAssertEqual(entries.first, "mimetype")
        XCTAssertEqual(try book.text("mimetype"), "application/epub+zip")
        let mimetypeLine = try book.listing().split(separator: "\n").first { $0.hasSuffix(" mimetype") }
        XCTAssertTrue(mimetypeLine?.contains("Stored") ?? false, "mimetype must be stored: \(mimetypeLine ?? "")")
        let container = try book.text("META-INF/container.xml")
        XCTAssertTrue(container.contains("full-path=\"OEBPS/content.opf\""))
        XCTAssertTrue(container.contains("media-type=\"application/oebps-package+xml\""))
        let opf = try book.text("OEBPS/content.opf")
        for href in Self.attributeValues("href", in: opf) {
            XCTAssertTrue(entries.contains("OEBPS/" + href), "manifest item \(href) is in the zip")
        }
        for entry in entries where entry.hasPrefix("OEBPS/") && entry != "OEBPS/content.opf" {
            XCTAssertTrue(opf.contains("href=\"\(entry.dropFirst(6))\""), "\(entry) is in the manifest")
        }
        XCTAssertTrue(opf.contains("<spine toc=\"ncx\">"))
        XCTAssertTrue(opf.contains("properties=\"nav\""))
    }

    func testPackageMetadata() throws {
        let context = EPUBTestSupport.context(resources: try EPUBTestSupport.resources())
        let book = try write(EPUBTestSupport.everyNodeDocument(), context)
        defer { book.remove() }
        let opf = try book.text("OEBPS/content.opf")
        XCTAssertTrue(opf.contains("<dc:title>Acme Opens a Plant in Leipzig &amp; Expands &lt;Everything&gt;</dc:title>"))
        XCTAssertTrue(opf.contains("<dc:language>en</dc:language>"))
        // uuid5(NAMESPACE_URL, source URL), as Python's uuid.uuid5 gives it.
        XCTAssertTrue(opf.contains("<dc:identifier id=\"pub-id\">urn:uuid:610feca1-8f2f-5dfc-b287-d1a718da1e78</dc:identifier>"))
        XCTAssertTrue(opf.contains("<dc:date>2021-09-21</dc:date>"))
        XCTAssertTrue(opf.contains("<dc:publisher>Acme Corp</dc:publisher>"))
        XCTAssertTrue(opf.contains("<dc:creator id=\"creator-1\">Jane Doe</dc:creator>"))
        XCTAssertTrue(opf.contains("<dc:creator id=\"creator-2\">John Roe</dc:creator>"))
        XCTAssertTrue(opf.contains("<dc:source>https://acme.example/news/2021/leipzig-plant?ref=a b</dc:source>"))
        XCTAssertTrue(opf.contains("<dc:description>Acme opens a plant.</dc:description>"))
        for subject in ["manufacturing", "Leipzig", "jobs"] { XCTAssertTrue(opf.contains("<dc:subject>\(subject)</dc:subject>")) }
        XCTAssertTrue(opf.contains("<meta property=\"dcterms:modified\">2021-09-21T00:00:00Z</meta>"))
        for (property, value) in [("schema:accessMode", "textual"), ("schema:accessMode", "visual"),
                                  ("schema:accessModeSufficient", "textual"),
                                  ("schema:accessibilityFeature", "structuralNavigation"),
                                  ("schema:accessibilityFeature", "tableOfContents"),
                                  ("schema:accessibilityFeature", "alternativeText"),
                                  ("schema:accessibilityHazard", "none")] {
            XCTAssertTrue(opf.contains("<meta property=\"\(property)\">\(value)</meta>"), "\(property) \(value)")
        }
        XCTAssertTrue(opf.contains("<meta property=\"schema:accessibilitySummary\">"))
        let ncx = try book.text("OEBPS/toc.ncx")
        XCTAssertTrue(ncx.contains("<meta name=\"dtb:uid\" content=\"urn:uuid:610feca1-8f2f-5dfc-b287-d1a718da1e78\"/>"))
    }

    func testTextOnlyBookClaimsNoVisualMode() throws {
        let book = try write(EPUBTestSupport.release(title: "Plain", date: nil, text: "Just text."), EPUBTestSupport.context())
        defer { book.remove() }
        let opf = try book.text("OEBPS/content.opf")
        XCTAssertFalse(opf.contains(">visual<"))
        XCTAssertFalse(opf.contains("alternativeText"))
        XCTAssertFalse(opf.contains("<dc:date>"))
    }

    func testModifiedTimeComesFromSourceDateEpochThenDocumentThenFixedEpoch() throws {
        var options = ConversionOptions()
        options.sourceDateEpoch = 1_700_000_000
        let dated = EPUBTestSupport.release(title: "T", date: "2021-09-21", text: "x")
        var book = try write(dated, EPUBTestSupport.context(options))
        XCTAssertTrue(try book.text("OEBPS/content.opf").contains(">2023-11-14T22:13:20Z</meta>"))
        XCTAssertTrue(try book.listing().contains("2023-11-14 22:13"))
        book.remove()
        book = try write(dated, EPUBTestSupport.context())
        XCTAssertTrue(try book.text("OEBPS/content.opf").contains(">2021-09-21T00:00:00Z</meta>"))
        XCTAssertTrue(try book.listing().contains("2021-09-21 00:00"))
        book.remove()
        book = try write(EPUBTestSupport.release(title: "T", date: "someday", text: "x"), EPUBTestSupport.context())
        XCTAssertTrue(try book.text("OEBPS/content.opf").contains(">1980-01-01T00:00:00Z</meta>"))
        book.remove()
    }

    func testSameInputGivesSameBytes() throws {
        var options = ConversionOptions()
        options.coverImage = ("cover.png", try EPUBTestSupport.fixture("cover.png"))
        let one = try EPUBWriter().write(EPUBTestSupport.everyNodeDocument(),
                                         context: EPUBTestSupport.context(options, resources: try EPUBTestSupport.resources()))
        let two = try EPUBWriter().write(EPUBTestSupport.everyNodeDocument(),
                                         context: EPUBTestSupport.context(options, resources: try EPUBTestSupport.resources()))
        XCTAssertEqual(one, two)
        let digest = [EPUBTestSupport.release(title: "B", date: "2021-02-01", text: "b"),
                      EPUBTestSupport.release(title: "A", date: "2021-01-01", text: "a")]
        XCTAssertEqual(try EPUBWriter().write(collection: digest, context: EPUBTestSupport.context()),
                       try EPUBWriter().write(collection: digest, context: EPUBTestSupport.context()))
    }

    func testIdentifierIsStableAndDerivedFromSourceOrContent() {
        XCTAssertEqual(EPUBIdentifier.hex(SHA1.digest(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(EPUBIdentifier.hex(SHA1.digest(Array(String(repeating: "a", count: 1_000).utf8))),
                       "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        let seed = Document(metadata: Metadata(source: "https://www.mpt.gov.by/news/21-09-2021-7488"))
        XCTAssertEqual(EPUBIdentifier.identifier(for: [seed]), "urn:uuid:3ce5feb4-f47e-546c-8186-61a846d1d130")
        let a = EPUBTestSupport.release(title: "A", date: "2021-01-01", text: "one")
        let b = EPUBTestSupport.release(title: "A", date: "2021-01-01", text: "two")
        XCTAssertEqual(EPUBIdentifier.identifier(for: [a]), EPUBIdentifier.identifier(for: [a]))
        XCTAssertNotEqual(EPUBIdentifier.identifier(for: [a]), EPUBIdentifier.identifier(for: [b]))
        XCTAssertNotEqual(EPUBIdentifier.identifier(for: [a, b]), EPUBIdentifier.identifier(for: [a]))
        let id = EPUBIdentifier.identifier(for: [a])
        XCTAssertTrue(id.hasPrefix("urn:uuid:"))
        XCTAssertEqual(Array(id)[9 + 14], "5", "version 5")
    }

    func testLanguageIsValidatedAndNeverALocaleName() throws {
        XCTAssertNil(LanguageTag.normalized("C"))
        XCTAssertNil(LanguageTag.normalized("POSIX"))
        XCTAssertEqual(LanguageTag.normalized("en_US.UTF-8"), "en-US")
        XCTAssertEqual(LanguageTag.normalized(" de-DE "), "de-DE")
        XCTAssertNil(LanguageTag.normalized("english language"))
        let context = EPUBTestSupport.context()
        var doc = EPUBTestSupport.release(title: "T", date: nil, language: "C", text: "x y z")
        var book = try write(doc, context)
        XCTAssertTrue(try book.text("OEBPS/content.opf").contains("<dc:language>en</dc:language>"))
        XCTAssertTrue(try book.text("OEBPS/chapter-1.xhtml").contains("lang=\"en\" xml:lang=\"en\""))
        XCTAssertTrue(context.diagnostics.contains { $0.message.contains("no language given") })
        book.remove()
        doc = EPUBTestSupport.release(title: "Werk", date: nil, language: nil,
                                      text: "Die Firma hat heute ein neues Werk in Leipzig eröffnet. Das Werk ist "
                                          + "eines der größten in der Region und wird mit Solarstrom betrieben, "
                                          + "der auf dem Dach erzeugt wird. Die Stadt und das Land fördern den Bau.")
        book = try write(doc, EPUBTestSupport.context())
        XCTAssertTrue(try book.text("OEBPS/content.opf").contains("<dc:language>de</dc:language>"))
        book.remove()
    }

    func testTitlePageContactsSourceAndAboutAtTheEnd() throws {
        let book = try write(EPUBTestSupport.everyNodeDocument(), EPUBTestSupport.context(resources: try EPUBTestSupport.resources()))
        defer { book.remove() }
        let title = try book.text("OEBPS/titlepage.xhtml")
        XCTAssertTrue(title.contains("<h1 class=\"title\" id=\"title\">Acme Opens a Plant in Leipzig &amp; Expands &lt;Everything&gt;</h1>"))
        XCTAssertTrue(title.contains("<p class=\"subtitle\">500 new jobs by 2026</p>"))
        XCTAssertTrue(title.contains("<span class=\"place\">LEIPZIG</span>, <time datetime=\"2021-09-21\">September 21, 2021</time>"))
        XCTAssertTrue(title.contains("<p class=\"organization\">Acme Corp</p>"))
        XCTAssertTrue(title.contains("By Jane Doe, John Roe"))
        XCTAssertTrue(title.contains("Embargoed until September 21, 2021"))
        XCTAssertTrue(title.contains("epub:type=\"titlepage\""))
        let chapter = try book.text("OEBPS/chapter-1.xhtml")
        XCTAssertTrue(chapter.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\">"))
        let end = try XCTUnwrap(chapter.range(of: "The end."))
        let about = try XCTUnwrap(chapter.range(of: "About Acme: Acme makes everything."))
        let contacts = try XCTUnwrap(chapter.range(of: "<h2 id=\"contacts\">Media contacts</h2>"))
        let source = try XCTUnwrap(chapter.range(of: "<p class=\"source\">Source: <a href=\"https://acme.example/news/2021/leipzig-plant?ref=a%20b\">"))
        XCTAssertTrue(end.lowerBound < about.lowerBound && about.lowerBound < contacts.lowerBound
                      && contacts.lowerBound < source.lowerBound)
        XCTAssertTrue(chapter.contains("<span class=\"name\">Mia Press</span><br />Head of Media<br />Acme Corp<br /><a href=\"mailto:press@acme.example\">press@acme.example</a><br />+49 341 000000"))
        XCTAssertTrue(chapter.contains("Acme Investor Relations<br />ir@acme.example"), chapter)
        let nav = try book.text("OEBPS/nav.xhtml")
        XCTAssertTrue(nav.contains("<a href=\"chapter-1.xhtml#contacts\">Media contacts</a>"))
        XCTAssertTrue(nav.contains("<a epub:type=\"titlepage\" href=\"titlepage.xhtml\">"))
        XCTAssertTrue(nav.contains("<a epub:type=\"bodymatter\" href=\"chapter-1.xhtml\">"))
    }

    func testImagesAreEmbeddedOrShownAsAltTextWithWarnings() throws {
        let context = EPUBTestSupport.context(resources: try EPUBTestSupport.resources())
        let book = try write(EPUBTestSupport.everyNodeDocument(), context)
        defer { book.remove() }
        let opf = try book.text("OEBPS/content.opf")
        XCTAssertTrue(opf.contains("href=\"images/chart.png\" media-type=\"image/png\""))
        XCTAssertTrue(opf.contains("href=\"images/logo.svg\" media-type=\"image/svg+xml\""))
        XCTAssertTrue(opf.contains("href=\"images/dot.gif\" media-type=\"image/gif\""))
        XCTAssertTrue(opf.contains("href=\"images/image.gif\" media-type=\"image/gif\""), "the data: URL image")
        XCTAssertFalse(opf.contains("webp"))
        XCTAssertFalse(opf.contains("remote"))
        XCTAssertEqual(try book.data("OEBPS/images/chart.png"), try EPUBTestSupport.fixture("chart.png"))
        let messages = context.diagnostics.map(\.message)
        func warned(_ parts: String...) -> Bool { messages.contains { m in parts.allSatisfy { m.contains($0) } } }
        XCTAssertTrue(warned("https://cdn.example/remote.png", "not downloaded", "alt text with a link"), "\(messages)")
        XCTAssertTrue(warned("missing.png", "not embedded", "not found"))
        XCTAssertTrue(warned("photo.webp", "WebP is not an EPUB 3 core image type"))
        XCTAssertTrue(warned("notes.txt", "not a PNG, JPEG, GIF or SVG"))
        XCTAssertTrue(warned("logo.svg", "no alt text", "The Acme logo", "caption"))
        XCTAssertTrue(warned("dot.gif", "no alt text", "\"dot\"", "file name"))
        XCTAssertTrue(warned("big.jpg", "no alt text", "A remote figure"))
        XCTAssertEqual(messages.filter { $0.contains("remote.png") }.count, 1, "one warning per image")
        XCTAssertTrue(warned("big.jpg", "not downloaded", "no alt text", "\"A remote figure\" (from its caption)"),
                      "one warning tells both")
        XCTAssertEqual(messages.filter { $0.contains("big.jpg") }.count, 1)
        let chapter = try book.text("OEBPS/chapter-1.xhtml")
        XCTAssertTrue(chapter.contains("remote photo"))
        XCTAssertTrue(chapter.contains("missing picture"))
        XCTAssertFalse(chapter.contains("missing.png"))

        XCTAssertTrue(chapter.contains("src=\"images/chart.png\""))
        XCTAssertTrue(chapter.contains("alt=\"The Acme logo\""))
        XCTAssertTrue(chapter.contains("<a href=\"https://cdn.example/remote.png\""))
        XCTAssertTrue(chapter.contains("<a href=\"https://acme.example\">linked</a>"), "no link nested in a link")
        XCTAssertFalse(chapter.contains("cdn.example/linked.png"))
        XCTAssertTrue(chapter.contains("<a href=\"https://acme.example/logo\"><img src=\"images/logo.svg\" alt=\"\" /> Acme logo</a>"),
                      "a linked image's alt text becomes the link's text")
        XCTAssertTrue(chapter.contains("<a href=\"https://acme.example/empty\">https://acme.example/empty</a>"))
    }

    func testLinksThatWouldBeDeadBecomeText() throws {
        XCTAssertEqual(EPUBLinkPolicy.target("https://a.example/x y", fragments: [:]), "https://a.example/x%20y")
        XCTAssertEqual(EPUBLinkPolicy.target("//a.example/p", fragments: [:]), "https://a.example/p")
        XCTAssertEqual(EPUBLinkPolicy.target("mailto:a@b.example", fragments: [:]), "mailto:a@b.example")
        XCTAssertEqual(EPUBLinkPolicy.target("https://a.example/ü?q=[1]#a#b", fragments: [:]),
                       "https://a.example/%C3%BC?q=%5B1%5D#a%23b")
        XCTAssertEqual(EPUBLinkPolicy.target("#outlook", fragments: ["outlook": "h-outlook"]), "#h-outlook")
        XCTAssertNil(EPUBLinkPolicy.target("#nowhere", fragments: ["outlook": "h-outlook"]))
        XCTAssertNil(EPUBLinkPolicy.target("/about/history", fragments: [:]))
        XCTAssertNil(EPUBLinkPolicy.target("page.html", fragments: [:]))
        XCTAssertNil(EPUBLinkPolicy.target("javascript:alert(1)", fragments: [:]))
        XCTAssertNil(EPUBLinkPolicy.target("http:///nohost", fragments: [:]))
        XCTAssertNil(EPUBLinkPolicy.target("mailto:", fragments: [:]))

        let book = try write(EPUBTestSupport.everyNodeDocument(), EPUBTestSupport.context(resources: try EPUBTestSupport.resources()))
        defer { book.remove() }
        let chapter = try book.text("OEBPS/chapter-1.xhtml")
        XCTAssertTrue(chapter.contains("href=\"#h-outlook\""))
        XCTAssertTrue(chapter.contains("id=\"h-outlook\""))
        XCTAssertFalse(chapter.contains("/about/history"))
        XCTAssertTrue(chapter.contains("our history"))
        XCTAssertFalse(chapter.contains("#nowhere"))
        let nav = try book.text("OEBPS/nav.xhtml")
        XCTAssertTrue(nav.contains("<a href=\"chapter-1.xhtml#h-highlights\">Highlights</a>"))
        XCTAssertTrue(nav.contains("<a href=\"chapter-1.xhtml#h-highlights-2\">Highlights</a>"))
    }

    func testContentsNestHeadingsByLevel() {
        let entries = EPUBTOCEntry.nest([(2, "A", "a"), (4, "A.1", "a1"), (3, "A.2", "a2"), (2, "B", "b"), (1, "C", "c")])
        XCTAssertEqual(entries.map(\.label), ["A", "B", "C"])
        XCTAssertEqual(entries[0].children.map(\.label), ["A.1", "A.2"])
        XCTAssertEqual(entries[0].depth, 2)
    }

    func testCoverImageAndStylesheetOption() throws {
        var options = ConversionOptions()
        options.coverImage = ("cover.png", try EPUBTestSupport.fixture("cover.png"))
        options.css = "body { color: black; }\n"
        let book = try write(EPUBTestSupport.release(title: "T", date: "2021-01-01", text: "x"), EPUBTestSupport.context(options))
        defer { book.remove() }
        let opf = try book.text("OEBPS/content.opf")
        XCTAssertTrue(opf.contains("<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>"))
        XCTAssertTrue(opf.contains("<meta name=\"cover\" content=\"cover-image\"/>"))
        XCTAssertTrue(opf.contains("<spine toc=\"ncx\">\n<itemref idref=\"cover\"/>\n<itemref idref=\"titlepage\"/>"))
        XCTAssertTrue(try book.text("OEBPS/cover.xhtml").contains("<img src=\"images/cover.png\" alt=\"Cover: T\" />"))
        XCTAssertTrue(try book.text("OEBPS/nav.xhtml").contains("<a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a>"))
        XCTAssertEqual(try book.text("OEBPS/styles/stylesheet.css"), "body { color: black; }\n")

        options.coverImage = ("cover.webp", try EPUBTestSupport.fixture("photo.webp"))
        let context = EPUBTestSupport.context(options)
        let plain = try write(EPUBTestSupport.release(title: "T", date: nil, text: "x"), context)
        defer { plain.remove() }
        XCTAssertFalse(try plain.entries().contains("OEBPS/cover.xhtml"))
        XCTAssertTrue(context.diagnostics.contains { $0.message.contains("cover image 'cover.webp' is WebP") })
    }

    func testBuiltInStylesheetUsesRelativeSizes() throws {
        let css = EPUBStylesheet.builtIn
        XCTAssertFalse(css.contains("px;") && css.contains("font-size: 1"), "font sizes are relative")
        for line in css.split(separator: "\n") where line.contains("font-size") {
            XCTAssertTrue(line.contains("em"), "relative font size: \(line)")
        }
        XCTAssertFalse(css.contains("position: fixed"))
        XCTAssertTrue(css.contains("max-width: 100%"))
    }

    func testRegistry() {
        let format = Formats.named("epub")
        XCTAssertEqual(format?.mediaType, "application/epub+zip")
        XCTAssertEqual(format?.isBinary, true)
        XCTAssertEqual(Formats.forPath("digest.EPUB")?.name, "epub")
        XCTAssertNotNil(format?.writer as? EPUBWriter)
    }

    func testDatesAndMediaTypes() {
        XCTAssertEqual(EPUBDates.timestamp(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(EPUBDates.timestamp(951_782_400), "2000-02-29T00:00:00Z")
        XCTAssertEqual(CivilDate.isoDay(" 2021-09-21T10:00:00+02:00"), "2021-09-21")
        XCTAssertNil(CivilDate.isoDay("2021-02-30"))
        XCTAssertEqual(ReleaseTerms.forLanguage("fr").date("2021-09-21"), "21 septembre 2021")
        XCTAssertEqual(ReleaseTerms.forLanguage("ru-RU").date("2021-09-21"), "21 сентября 2021 г.")
        XCTAssertEqual(ReleaseTerms.forLanguage("nl").date("2021-09-21"), "21 september 2021")
        XCTAssertEqual(ReleaseTerms.forLanguage("sv").date("2021-09-21"), "2021-09-21")
        XCTAssertEqual(EPUBMediaType.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0x00]), .core(EPUBMediaType.jpeg))
        XCTAssertEqual(EPUBMediaType.sniff(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)), .core(EPUBMediaType.svg))
        XCTAssertEqual(EPUBMediaType.sniff(Array("<svg>no namespace</svg>".utf8)), .unknown)
        XCTAssertEqual(EPUBMediaType.sniff(Array("<html><svg".utf8)), .unknown)
        XCTAssertEqual(EPUBMediaType.sniff(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>".utf8)),
                       .unsafeSVG("an SVG image with scripts"))
        XCTAssertEqual(EPUBMediaType.sniff(Array("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"https://x.example/a.png\"/></svg>".utf8)),
                       .unsafeSVG("an SVG image that refers to the web"))
        XCTAssertEqual(EPUBMediaType.decodeDataURL("data:text/plain;base64,aGVsbG8="), Array("hello".utf8))
        XCTAssertEqual(EPUBImageStore.baseName("../Press Photos/CEO%20Portrait.final.JPG?x=1"), "ceo-portrait-final")
    }

    static func attributeValues(_ name: String, in xml: String) -> [String] {
        xml.components(separatedBy: " \(name)=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}
