import Foundation
import XCTest
@testable import PressKit

/// Records converted one by one into JSON Lines: WARC pages and JSON Lines records, and their errors.
final class StreamConversionTests: XCTestCase {
    func testWARCPagesBecomeLinesWithURLRecordIdAndCrawlDate() throws {
        let outcomes = try StreamFixtures.convert(try StreamFixtures.bytes("pages.warc.gz"))
        XCTAssertEqual(outcomes.count, 4)
        XCTAssertTrue(outcomes.allSatisfy { $0.error == nil })
        let lines = try outcomes.map { try StreamFixtures.json($0.output) }
        XCTAssertEqual(lines[0]["url"]?.stringValue, "https://press.example.com/news/2024/plant.html")
        XCTAssertEqual(lines[0]["warcRecordId"]?.stringValue, "urn:uuid:00000000-0000-4000-8000-000000000001")
        XCTAssertEqual(lines[0]["warcDate"]?.stringValue, "2024-05-06T07:08:09Z")
        // The first keys are the record's, then the document as -t json writes it.
        guard case .object(let members) = lines[0] else { return XCTFail() }
        XCTAssertEqual(members.map(\.key), ["url", "warcRecordId", "warcDate", "version", "metadata", "blocks"])
        let metadata = try XCTUnwrap(lines[0]["metadata"])
        XCTAssertEqual(metadata["title"]?.stringValue, "Lumenvale opens a plant in Leipzig")
        XCTAssertEqual(metadata["date"]?.stringValue, "2024-04-02", "the dateline's date, never the crawl date")
        XCTAssertEqual(metadata["source"]?.stringValue, "https://press.example.com/news/2024/plant.html")
        // Relative links resolve against the target URI.
        let text = String(decoding: outcomes[0].output, as: UTF8.self)
        XCTAssertTrue(text.contains(#""target":"https://press.example.com/news/about/team.html""#), text)
        XCTAssertTrue(text.contains(#""target":"https://press.example.com/reports/2023.pdf""#), text)
        XCTAssertFalse(text.contains("Copyright 2024"), "the article, not the page")
    }

    func testHTTPCharsetIsUsedWhenThePageSaysNothing() throws {
        let outcomes = try StreamFixtures.convert(try StreamFixtures.bytes("pages.warc"))
        let line = try StreamFixtures.json(outcomes[1].output)
        XCTAssertEqual(line["metadata"]?["title"]?.stringValue, "Новый завод")
        XCTAssertEqual(line["metadata"]?["language"]?.stringValue, "ru")
        XCTAssertTrue(String(decoding: outcomes[1].output, as: UTF8.self).contains("двести человек"))
        // The hint gives way to the page's own declaration, and to a Latin-1 label on valid UTF-8.
        XCTAssertNil(StreamConverter.charsetHint("windows-1251", html: Array("<meta charset=utf-8><p>x".utf8)))
        XCTAssertNil(StreamConverter.charsetHint("iso-8859-1", html: Array("<p>café</p>".utf8)))
        XCTAssertNil(StreamConverter.charsetHint("no-such-charset", html: Array("<p>x</p>".utf8)))
        XCTAssertEqual(StreamConverter.charsetHint("koi8-r", html: [0x3C, 0x70, 0x3E, 0xF0]), "KOI8-R")
    }

    func testCanonicalURLIsTheSourceAndTheTargetURIStaysTheURL() throws {
        let outcomes = try StreamFixtures.convert(try StreamFixtures.bytes("pages.warc"))
        let line = try StreamFixtures.json(outcomes[3].output)
        XCTAssertEqual(line["url"]?.stringValue, "https://example.net/2024/04/v11.html")
        XCTAssertEqual(line["metadata"]?["source"]?.stringValue, "https://example.net/canonical-page")
        XCTAssertTrue(String(decoding: outcomes[3].output, as: UTF8.self).contains("https://example.net/2024/04/img/chart.png"),
                      "images resolve against the document's URL")
        XCTAssertEqual(line["warcDate"]?.stringValue, "2024-05-06T07:08:09.123456Z")
        XCTAssertNil(line["metadata"]?["date"], "the crawl date is not a publication date")
    }

    func testJudgePagesConvert() throws {
        for name in ["example.warc", "example.warc.gz", "example-bad-non-chunked.warc.gz", "example-resource.warc.gz",
                     "example-trunc.warc", "example-wrong-chunks.warc.gz"] {
            let outcomes = try StreamFixtures.convert(try StreamFixtures.bytes("judges/" + name))
            XCTAssertEqual(outcomes.count, 1, name)
            let line = try StreamFixtures.json(outcomes[0].output)
            XCTAssertEqual(line["metadata"]?["title"]?.stringValue, "Example Domain", name)
            XCTAssertTrue(String(decoding: outcomes[0].output, as: UTF8.self).contains("This domain is"), name)
        }
        XCTAssertEqual(try StreamFixtures.convert(try StreamFixtures.bytes("judges/example-digest.warc")).count, 0)
        XCTAssertEqual(try StreamFixtures.convert(try StreamFixtures.bytes("judges/example-space-in-target-uri.warc.gz")).count, 0)
    }

    func testLostRecordsBecomeErrorLinesWithTheirOffset() throws {
        let outcomes = try StreamFixtures.convert(try StreamFixtures.bytes("damaged.warc"))
        XCTAssertEqual(outcomes.map { $0.error != nil }, [false, true, false])
        let error = try StreamFixtures.json(outcomes[1].output)
        XCTAssertEqual(error["offset"]?.intValue, 446)
        XCTAssertEqual(error["url"]?.stringValue, "https://a.example/broken")
        XCTAssertEqual(error["warcRecordId"]?.stringValue, "urn:uuid:33333333-3333-4333-8333-333333333333")
        XCTAssertNotNil(error["error"]?.stringValue)
    }

    // MARK: - JSON Lines

    private func convertLines(_ text: String) -> [StreamConverter.Outcome] {
        let converter = StreamConverter(target: Formats.named("jsonl")!, options: ConversionOptions())
        var outcomes: [StreamConverter.Outcome] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let item = JSONLinesRecord.item(Array(line.utf8), number: index + 1) { outcomes.append(converter.convert(item)) }
        }
        return outcomes
    }

    func testJSONLinesRecordsOfEveryKind() throws {
        let outcomes = convertLines("""
            {"id": "h", "url": "https://x.example/a/b.html", "html": "<html><head><title>T</title></head><body><article><p>Para with a <a href='c.html'>link</a>.</p></article></body></html>"}
            {"id": 7, "text": "Headline\\n\\nBody."}
            {"id": "m", "markdown": "# Title\\n\\nText *em*."}
            {"id": "c", "content": "<!doctype html><html><head><title>Sniffed</title></head><body><p>Sniffed as HTML.</p></body></html>"}
            {"id": "f", "format": "commonmark", "content": "# Kept as written"}

            """)
        XCTAssertEqual(outcomes.count, 5, "the blank line is no record")
        XCTAssertTrue(outcomes.allSatisfy { $0.error == nil }, "\(outcomes.map(\.error))")
        let lines = try outcomes.map { try StreamFixtures.json($0.output) }
        XCTAssertEqual(lines.map { $0["id"]?.stringValue }, ["h", "7", "m", "c", "f"])
        XCTAssertTrue(String(decoding: outcomes[0].output, as: UTF8.self).contains("https://x.example/a/c.html"))
        XCTAssertEqual(lines[0]["metadata"]?["source"]?.stringValue, "https://x.example/a/b.html")
        XCTAssertEqual(lines[1]["metadata"]?["title"]?.stringValue, "Headline")
        XCTAssertEqual(lines[3]["metadata"]?["title"]?.stringValue, "Sniffed")
        XCTAssertNil(lines[4]["metadata"]?["title"], "commonmark: no press pass")
    }

    func testBadLinesGiveErrorLinesWithTheirLineNumber() throws {
        let outcomes = convertLines("""
            {"id": "ok", "text": "Fine."}
            {not json
            [1, 2]
            {"id": "x", "nothing": true}
            {"id": "y", "html": 5}
            {"id": "z", "format": "docx", "content": "x"}
            {"version": "9.0", "blocks": []}
            {"id": "ok2", "text": "Also fine."}
            """)
        XCTAssertEqual(outcomes.map { $0.error == nil }, [true, false, false, false, false, false, false, true])
        let errors = try outcomes.filter { $0.error != nil }.map { try StreamFixtures.json($0.output) }
        XCTAssertEqual(errors.map { $0["line"]?.intValue }, [2, 3, 4, 5, 6, 7])
        XCTAssertEqual(errors[2]["id"]?.stringValue, "x")
        XCTAssertTrue(errors[0]["error"]?.stringValue?.contains("invalid JSON") ?? false)
        XCTAssertTrue(errors[5]["error"]?.stringValue?.contains("version") ?? false, "\(errors[5])")
    }

    func testJSONLinesRoundTripKeepsIdURLAndDocument() throws {
        let json = Formats.named("json")!, jsonl = Formats.named("jsonl")!
        let document = try Converter.read(try StreamFixtures.bytes("../JSON/all-kinds.json"), format: json, context: ConversionContext())
        var options = ConversionOptions()
        options.record = StreamRecordInfo(id: "r1", url: "https://e.example/x", warcRecordId: "urn:uuid:1", warcDate: "2020-01-01T00:00:00Z")
        let line = try Converter.write([document], format: jsonl, context: ConversionContext(options: options))
        XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1, "one line")
        XCTAssertEqual(line.last, 0x0A)
        // The document part is the JSON writer's tree, compact.
        var value = try StreamFixtures.json(line)
        guard case .object(let members) = value else { return XCTFail() }
        value = .object(members.filter { !["id", "url", "warcRecordId", "warcDate"].contains($0.key) })
        XCTAssertEqual(value.serialized(pretty: true), try Converter.write([document], format: json, context: ConversionContext()))
        // Reading the line back and writing it again gives the same bytes.
        let item = try XCTUnwrap(JSONLinesRecord.item(line, number: 1))
        let again = StreamConverter(target: jsonl, options: ConversionOptions()).convert(item)
        XCTAssertNil(again.error)
        XCTAssertEqual(again.output, line)
    }

    func testCollectionIsOneLinePerDocument() throws {
        let jsonl = Formats.named("jsonl")!
        let a = Document(metadata: Metadata(title: "A", source: "https://a.example/"), blocks: [.paragraph([.text("x\ny")])])
        let b = Document(metadata: Metadata(title: "B"), blocks: [])
        let out = String(decoding: try Converter.write([a, b], format: jsonl, context: ConversionContext()), as: UTF8.self)
        XCTAssertEqual(out, #"{"url":"https://a.example/","version":"1.0","metadata":{"title":"A","source":"https://a.example/"},"blocks":[{"type":"paragraph","content":[{"type":"text","text":"x\ny"}]}]}"# + "\n"
                       + #"{"version":"1.0","metadata":{"title":"B"}}"# + "\n")
    }

    func testReadersOfOneRecord() throws {
        let jsonl = Formats.named("jsonl")!, warc = Formats.named("warc")!
        let one = try Converter.read(Array(#"{"text": "Headline\n\nBody."}"#.utf8), format: jsonl, context: ConversionContext())
        XCTAssertEqual(one.metadata.title, "Headline")
        XCTAssertThrowsError(try Converter.read(Array("{\"text\": \"a\"}\n{\"text\": \"b\"}\n".utf8), format: jsonl, context: ConversionContext()))
        let page = try Converter.read(try StreamFixtures.bytes("judges/example.warc"), format: warc, context: ConversionContext())
        XCTAssertEqual(page.metadata.title, "Example Domain")
        XCTAssertEqual(page.metadata.source, "http://example.com/")
        XCTAssertThrowsError(try Converter.read(try StreamFixtures.bytes("pages.warc"), format: warc, context: ConversionContext()))
        XCTAssertThrowsError(try Converter.read(try StreamFixtures.bytes("judges/example-digest.warc"), format: warc, context: ConversionContext()))
    }

    func testGzipDecompression() {
        XCTAssertNil(Gzip.decompress(Array("plain".utf8)))
        let deflated: [UInt8] = [0x78, 0x9C, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x06, 0x2C, 0x02, 0x15]
        XCTAssertEqual(Gzip.decompress(deflated, deflate: true)?.bytes, Array("hello".utf8))
        XCTAssertEqual(Gzip.decompress(Array(deflated[2..<(deflated.count - 4)]), deflate: true)?.bytes, Array("hello".utf8), "raw deflate")
    }
}
