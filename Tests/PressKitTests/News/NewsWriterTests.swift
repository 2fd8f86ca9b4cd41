import XCTest
@testable import PressKit

/// The news-industry writers and the ninjs reader on small trees: dates, ids, version differences, ordering,
/// escaping and the warnings that name missing fields. The judges run in presskitTests/NewsCommandTests.
final class NewsWriterTests: XCTestCase {
    func context(_ configure: (inout ConversionOptions) -> Void = { _ in }) -> ConversionContext {
        var options = ConversionOptions()
        configure(&options)
        return ConversionContext(options: options, inputName: "test")
    }

    func release(_ title: String?, date: String?, source: String? = nil, text: String = "Body text.") -> Document {
        Document(metadata: Metadata(title: title, date: date, language: "en", source: source),
                 blocks: [.paragraph([.text(text)])])
    }

    func object(_ bytes: [UInt8]) throws -> JSONValue { try JSONValue(parsing: bytes) }

    func testTimestampsParseISOFormsAndWriteRFC3339AndRFC822() throws {
        let day = try XCTUnwrap(ReleaseTimestamp(iso: "2024-03-05"))
        XCTAssertEqual(day.rfc3339, "2024-03-05T00:00:00Z")
        XCTAssertEqual(day.rfc822, "Tue, 05 Mar 2024 00:00:00 +0000")
        XCTAssertEqual(day.schemaOrg, "2024-03-05")
        let zoned = try XCTUnwrap(ReleaseTimestamp(iso: "2019-05-10T16:02:28.123+02:00"))
        XCTAssertEqual(zoned.rfc3339, "2019-05-10T16:02:28+02:00")
        XCTAssertEqual(zoned.rfc822, "Fri, 10 May 2019 16:02:28 +0200")
        XCTAssertEqual(zoned.epochSeconds, ReleaseTimestamp(iso: "2019-05-10T14:02:28Z")?.epochSeconds)
        XCTAssertEqual(ReleaseTimestamp(iso: "2024-03-05 09:30")?.rfc3339, "2024-03-05T09:30:00Z")
        XCTAssertEqual(ReleaseTimestamp(epochSeconds: 1_700_000_000).rfc3339, "2023-11-14T22:13:20Z")
        XCTAssertNil(ReleaseTimestamp(iso: "2024-02-30"))
        XCTAssertNil(ReleaseTimestamp(iso: "March 2024"))
        XCTAssertNil(ReleaseTimestamp(iso: "2024-03-05T25:00"))
    }

    func testNinjsIdsAreTheSourceURLElseAStableContentURN() throws {
        let withURL = try object(NINJSWriter().write(release("A", date: "2024-01-02", source: "https://x.example/a"), context: context()))
        XCTAssertEqual(withURL["uri"], .string("https://x.example/a"))
        let a = try object(NINJSWriter().write(release("A", date: "2024-01-02"), context: context()))
        let b = try object(NINJSWriter().write(release("A", date: "2024-01-02"), context: context()))
        let c = try object(NINJSWriter().write(release("A", date: "2024-01-02", text: "Other."), context: context()))
        guard case .string(let id)? = a["uri"] else { return XCTFail("no uri") }
        XCTAssertTrue(id.hasPrefix("urn:uuid:"), id)
        XCTAssertEqual(a["uri"], b["uri"])
        XCTAssertNotEqual(a["uri"], c["uri"])
    }

    func testNinjsVersionsNameTheirMembers() throws {
        let document = release("Headline", date: "2024-01-02T10:00:00+01:00")
        let v2 = try object(NINJSWriter().write(document, context: context()))
        XCTAssertEqual(v2["versioncreated"], .string("2024-01-02T10:00:00+01:00"))
        XCTAssertNotNil(v2["headlines"])
        let v3 = try object(NINJSWriter().write(document, context: context { $0.news.ninjsVersion = .v3_1 }))
        XCTAssertEqual(v3["versionCreated"], .string("2024-01-02T10:00:00+01:00"))
        XCTAssertNil(v3["versioncreated"])
        let v1 = try object(NINJSWriter().write(document, context: context { $0.news.ninjsVersion = .v1_6 }))
        XCTAssertEqual(v1["headline"], .string("Headline"))
        XCTAssertNotNil(v1["body_html"])
        XCTAssertNil(v1["headlines"])
    }

    func testNinjsReaderReadsFlatAndCamelCaseItems() throws {
        let flat = #"{"uri": "urn:x:1", "headline": "Flat", "byline": "A. Writer", "firstcreated": "2014-01-01T10:00:00Z", "versioncreated": "2014-01-02T10:00:00Z", "located": "OSLO", "language": "nb", "body_text": "One.\n\nTwo."}"#
        let doc = try NINJSReader().read(Array(flat.utf8), context: context())
        XCTAssertEqual(doc.metadata.title, "Flat")
        XCTAssertEqual(doc.metadata.authors, ["A. Writer"])
        XCTAssertEqual(doc.metadata.date, "2014-01-01T10:00:00Z")
        XCTAssertEqual(doc.metadata.extra["modified"], "2014-01-02T10:00:00Z")
        XCTAssertEqual(doc.metadata.dateline, "OSLO")
        XCTAssertEqual(doc.blocks, [.paragraph([.text("One.")]), .paragraph([.text("Two.")])])
        // Written again, the item keeps its uri and both dates.
        let again = try object(NINJSWriter().write(doc, context: context()))
        XCTAssertEqual(again["uri"], .string("urn:x:1"))
        XCTAssertEqual(again["firstcreated"], .string("2014-01-01T10:00:00Z"))
        XCTAssertEqual(again["versioncreated"], .string("2014-01-02T10:00:00Z"))

        let camel = #"{"uri": "https://wire.example/1", "headlines": [{"role": "main", "value": "Camel"}], "versionCreated": "2024-05-01T08:00:00Z", "embargoedUntil": "2024-05-02T00:00:00Z", "bodies": [{"contentType": "text/html", "value": "<p>Hello <b>there</b></p>"}]}"#
        let doc3 = try NINJSReader().read(Array(camel.utf8), context: context())
        XCTAssertEqual(doc3.metadata.title, "Camel")
        XCTAssertEqual(doc3.metadata.source, "https://wire.example/1")
        XCTAssertEqual(doc3.metadata.embargo, "2024-05-02T00:00:00Z")
        XCTAssertEqual(doc3.blocks, [.paragraph([.text("Hello "), .strong([.text("there")])])])

        XCTAssertThrowsError(try NINJSReader().read(Array(#"{"a": 1}"#.utf8), context: context()))
        XCTAssertThrowsError(try NINJSReader().read(Array("not json".utf8), context: context()))
    }

    func testFeedsPutTheNewestFirstAndAreDeterministic() throws {
        let docs = [release("Old", date: "2020-01-01"), release("Undated", date: nil),
                    release("New", date: "2024-06-01T09:00:00+02:00"), release("Mid", date: "2022-03-03")]
        let ctx = context { $0.sourceDateEpoch = 86_400 }
        let atom = String(decoding: try AtomWriter().write(collection: docs, context: ctx), as: UTF8.self)
        let titles = atom.components(separatedBy: "<entry").dropFirst().compactMap {
            $0.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first
        }
        XCTAssertEqual(titles, ["New", "Mid", "Old", "Undated"])
        XCTAssertTrue(atom.contains("<updated>2024-06-01T09:00:00+02:00</updated>"))
        XCTAssertTrue(atom.contains("<updated>1970-01-02T00:00:00Z</updated>"), "the undated entry takes SOURCE_DATE_EPOCH")
        XCTAssertTrue(ctx.diagnostics.contains { $0.message.contains("entry 4 ('Undated') has no date") })
        XCTAssertEqual(try AtomWriter().write(collection: docs, context: context { $0.sourceDateEpoch = 86_400 }), Array(atom.utf8))
        let rss = String(decoding: try RSSWriter().write(collection: docs, context: context()), as: UTF8.self)
        XCTAssertTrue(rss.contains("<pubDate>Sat, 01 Jun 2024 09:00:00 +0200</pubDate>"))
        XCTAssertTrue(rss.contains("<guid isPermaLink=\"false\">urn:uuid:"))
    }

    func testFeedOptionsSetTitleIdAndLink() throws {
        let ctx = context {
            $0.news.feedTitle = "Acme newsroom"
            $0.news.feedID = "tag:acme.example,2024:feed"
            $0.news.feedLink = "https://acme.example/news"
        }
        let atom = String(decoding: try AtomWriter().write(collection: [release("A", date: "2024-01-01")], context: ctx), as: UTF8.self)
        XCTAssertTrue(atom.contains("<id>tag:acme.example,2024:feed</id>"))
        XCTAssertTrue(atom.contains("<title>Acme newsroom</title>"))
        XCTAssertTrue(atom.contains("<link rel=\"alternate\" href=\"https://acme.example/news\"/>"))
    }

    func testTheHTMLPageEmbedsJSONLDThatCannotCloseItsScript() throws {
        var doc = release("Breaking </script><b>news</b>", date: "2024-01-01")
        doc.metadata.description = "Summary & more"
        let html = String(decoding: try HTMLWriter().write(doc, context: context()), as: UTF8.self)
        let script = try XCTUnwrap(html.components(separatedBy: "<script type=\"application/ld+json\">").last?
            .components(separatedBy: "</script>").first)
        XCTAssertFalse(script.contains("<"))
        let json = try JSONValue(parsing: script)
        XCTAssertEqual(json["@type"], .string("NewsArticle"))
        XCTAssertEqual(json["headline"], .string("Breaking </script><b>news</b>"))
        XCTAssertEqual(json["datePublished"], .string("2024-01-01"))
        XCTAssertTrue(html.contains("<meta property=\"article:published_time\" content=\"2024-01-01\" />"))
        XCTAssertEqual(html.components(separatedBy: "<meta name=\"description\"").count, 2, "one description")
        // --fragment stays the body alone.
        let fragment = String(decoding: try HTMLWriter().write(doc, context: context { $0.fragment = true }), as: UTF8.self)
        XCTAssertFalse(fragment.contains("ld+json"))
    }

    /// The scalar word count equals splitting on white-space `Character`s, also with marks, ZWJ and CRLF.
    func testWordCountMatchesCharacterSplit() {
        let pieces = ["word", " ", "  ", "\n", "\r\n", "\u{301}", "\u{200D}", "é", "\u{A0}", "\u{2003}", "👍🏽", "\t", "東京", "\u{FE0F}", "-", "\u{2028}", "\u{85}", "\u{B}"]
        var seed = SplitMix64(state: 42)
        for _ in 0..<5_000 {
            let text = (0..<Int(seed.next() % 12)).map { _ in pieces[Int(seed.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(NewsRelease.wordCount(of: text), text.split(whereSeparator: { $0.isWhitespace }).count,
                           text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    /// A contact block whose name, e-mail and phone were parsed keeps its address line in ninjs and JSON-LD,
    /// as the text, Markdown, HTML, EPUB and DOCX writers show it.
    func testAContactsAddressLineIsKeptInNinjsAndJSONLD() throws {
        var document = release("Neue Busse", date: "2024-03-05")
        document.metadata.contacts = [Contact(name: "Anna Berger", email: "a.berger@example.org", phone: "+49 30 555 01 24",
                                              text: "Anna Berger\nHauptstraße 5, 10115 Berlin\nTel.: +49 30 555 01 24\nE-Mail: a.berger@example.org")]
        for version in [NINJSVersion.v2_2, .v3_1] {
            let item = try object(NINJSWriter().write(document, context: context { $0.news.ninjsVersion = version }))
            guard case .array(let people)? = item["people"], case .array(let info)? = people.first?[version == .v3_1 ? "contactInfo" : "contactinfo"]
            else { return XCTFail("no contact info") }
            XCTAssertEqual(info.count, 3)
            XCTAssertEqual(info[2]["type"], .string("address"))
            XCTAssertEqual(info[2]["address"]?["lines"], .array([.string("Hauptstraße 5, 10115 Berlin")]))
        }
        let jsonld = try object(NewsArticleJSONLDWriter().write(document, context: context()))
        guard case .array(let points)? = jsonld["publisher"]?["contactPoint"] else { return XCTFail("no contact point") }
        XCTAssertEqual(points.first?["description"], .string("Hauptstraße 5, 10115 Berlin"))
        XCTAssertEqual(points.first?["telephone"], .string("+49 30 555 01 24"))
    }

    /// One parser of a timestamp for every writer: the embargo `…T10:00+01` is "10:00 +01:00" in the
    /// embargo line as in ninjs's `embargoed`; W3CDTF (EPUB, DOCX) is the same epoch-to-UTC conversion.
    func testTheEmbargoLineAndNinjsReadTheTimeAlike() throws {
        let terms = ReleaseTerms.forLanguage("de")
        XCTAssertEqual(terms.date("2024-03-05T10:00+01", time: true), "5. März 2024, 10:00 +01:00")
        XCTAssertEqual(terms.date("2024-03-05T10:00:30.5-0430", time: true), "5. März 2024, 10:00 -04:30")
        XCTAssertEqual(terms.date("2024-03-05T00:01Z", time: true), "5. März 2024, 00:01 UTC")
        XCTAssertEqual(terms.date("2024-03-05 09:30", time: true), "5. März 2024, 09:30")
        XCTAssertEqual(terms.date("2024-03-05T25:00", time: true), "5. März 2024")
        XCTAssertEqual(terms.date("2024-03-05T10:00+01", time: false), "5. März 2024")
        var document = release("Sperrfrist", date: "2024-03-04")
        document.metadata.embargo = "2024-03-05T10:00+01"
        let item = try object(NINJSWriter().write(document, context: context()))
        XCTAssertEqual(item["embargoed"], .string("2024-03-05T10:00:00+01:00"))
        XCTAssertEqual(ReleasePresentation(document.metadata).embargoLine, "Embargoed until March 5, 2024, 10:00 +01:00")
        XCTAssertEqual(CivilDate.w3cdtf(-1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(CivilDate.w3cdtf(1_700_000_000), ReleaseTimestamp(epochSeconds: 1_700_000_000).rfc3339)
    }

    /// The body's plain text is worked out once for the content id and reused for the body: the id is the
    /// same as from the tree, and ninjs's plain body and counts match the text.
    func testTheContentIdAndTheBodyShareOnePlainText() throws {
        let document = release("Ohne Adresse", date: "2024-03-05", text: "Zwei Wörter")
        let fromTree = EPUBIdentifier.fingerprint(document)
        XCTAssertEqual(EPUBIdentifier.fingerprint(document.metadata, blockTexts: document.blocks.map(\.plainText)), fromTree)
        let news = NewsRelease(document, context: context())
        XCTAssertEqual(news.uri, NewsRelease.contentURN(document.metadata, blockTexts: ["Zwei Wörter"]))
        XCTAssertEqual(news.bodyText, "Zwei Wörter")
        let item = try object(NINJSWriter().write(document, context: context()))
        guard case .array(let bodies)? = item["bodies"] else { return XCTFail("no bodies") }
        XCTAssertEqual(bodies.last?["value"], .string("Zwei Wörter"))
        XCTAssertEqual(bodies.last?["wordcount"], .int(2))
        XCTAssertEqual(bodies.last?["charcount"], .int(11))
        XCTAssertEqual(item["uri"], .string(news.uri))
    }

    /// The images in document order from the one walk: the lead image, then images in a list, a table, a
    /// note and a link, a figure with its caption; each source once, the data: URIs left out.
    func testImagesAreCollectedInDocumentOrderOnce() {
        func image(_ source: String, _ alt: String) -> Inline { .image(Image(source: source, alt: alt)) }
        var document = Document()
        document.metadata.image = "lead.jpg"
        document.blocks = [
            .paragraph([.text("Text "), image("a.png", "A")]),
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([image("b.png", "B")])])])),
            .figure(Figure(image: Image(source: "c.jpg", alt: "C"), caption: [.text(" Bildunterschrift "), image("x.png", "X")])),
            .paragraph([.note([.paragraph([image("d.gif", "D")])]), .link(Link(target: "https://example.org", content: [image("a.png", "again")]))]),
            .paragraph([image("data:image/png;base64,AAAA", "inline"), image("lead.jpg", "Lead")]),
        ]
        let images = NewsImage.collect(document)
        XCTAssertEqual(images.map(\.source), ["lead.jpg", "a.png", "b.png", "c.jpg", "d.gif"])
        XCTAssertEqual(images.map(\.alt), ["Lead", "A", "B", "C", "D"])
        XCTAssertEqual(images[3].caption, "Bildunterschrift X")
    }

    /// A summary from the lead paragraph leaves images out, as the HTML reader and EPUB do: no alt text
    /// ("Foto") at the end of a description.
    func testTheSummaryLeavesImagesOut() throws {
        var document = release("Eröffnung", date: "2024-03-05")
        document.blocks = [.paragraph([.text("Das neue Werk ist eröffnet. "), .image(Image(source: "werk.jpg", alt: "Foto"))])]
        let news = NewsRelease(document, context: context())
        XCTAssertEqual(news.summary, "Das neue Werk ist eröffnet.")
        let jsonld = try object(NewsArticleJSONLDWriter().write(document, context: context()))
        XCTAssertEqual(jsonld["description"], .string("Das neue Werk ist eröffnet."))
    }
}
