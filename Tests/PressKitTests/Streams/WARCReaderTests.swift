import Foundation
import XCTest
@testable import PressKit

/// WARC records, read one at a time, on the real-world edge cases of ../shared/judges/warc (copied into
/// Fixtures/WARC/judges) and on archives written with warcio (Fixtures/WARC/make_fixtures.py).
final class WARCReaderTests: XCTestCase {
    func testPlainGzipPerRecordAndWholeFileGzipGiveTheSameRecords() throws {
        let plain = StreamFixtures.records(try StreamFixtures.events(try StreamFixtures.bytes("pages.warc")))
        let perRecord = StreamFixtures.records(try StreamFixtures.events(try StreamFixtures.bytes("pages.warc.gz")))
        let whole = StreamFixtures.records(try StreamFixtures.events(try StreamFixtures.bytes("pages-whole.warc.gz")))
        XCTAssertEqual(plain.map(\.type), ["warcinfo", "request", "response", "response", "response", "response",
                                           "revisit", "resource", "response", "metadata"])
        XCTAssertEqual(plain.map(\.block), perRecord.map(\.block))
        XCTAssertEqual(plain.map(\.block), whole.map(\.block))
        XCTAssertEqual(plain.map(\.targetURI), perRecord.map(\.targetURI))
        // Offsets: the byte offset in the file, for gzip the offset of the record's member (as in a CDX index).
        XCTAssertEqual(perRecord.map(\.offset), [0, 257, 589, 1413, 1916, 2268, 2605, 2982, 3319, 3801])
        XCTAssertEqual(plain[0].offset, 0)
        let data = try StreamFixtures.bytes("pages.warc")
        for record in plain { XCTAssertTrue(data[record.offset...].starts(with: Array("WARC/1.".utf8))) }
        XCTAssertEqual(plain[8].version, "WARC/1.1")
        XCTAssertEqual(whole.map(\.offset), [Int](repeating: 0, count: 10), "one member: every record is in it")
    }

    func testPagesAreHTMLResponsesAndResourcesOnly() throws {
        let records = StreamFixtures.records(try StreamFixtures.events(try StreamFixtures.bytes("pages.warc.gz")))
        let pages = records.filter(WARCPage.isPage)
        XCTAssertEqual(pages.map(\.targetURI), ["https://press.example.com/news/2024/plant.html",
                                                "http://example.ru/news/zavod", "http://static.example.org/page.html",
                                                "https://example.net/2024/04/v11.html"],
                       "no request, 404, image, revisit or metadata record")
    }

    func testChunkedAndGzipBodiesAreDecoded() throws {
        let records = StreamFixtures.records(try StreamFixtures.events(try StreamFixtures.bytes("pages.warc.gz")))
        let page = try WARCPage(records[2])
        XCTAssertTrue(String(decoding: page.html, as: UTF8.self).hasPrefix("<!doctype html>"))
        XCTAssertTrue(String(decoding: page.html, as: UTF8.self).contains("Production starts in June"))
        XCTAssertEqual(page.charset, "utf-8")
        XCTAssertEqual(page.warnings, [])
        // iana.org: chunked, not compressed.
        let iana = StreamFixtures.records(try StreamFixtures.events(try StreamFixtures.bytes("judges/example-iana.org-chunked.warc")))
        let response = try XCTUnwrap(iana.first { $0.type == "response" })
        let ianaPage = try WARCPage(response)
        XCTAssertEqual(ianaPage.html.count, 7223, "the size warcio decodes")
        XCTAssertTrue(String(decoding: ianaPage.html, as: UTF8.self).hasSuffix("</html>\n"))
    }

    func testDechunkingFallsBackWhenTheBodyIsNotChunked() {
        XCTAssertEqual(WARCPage.dechunk(Array("<html>hello</html>".utf8)).bytes, nil)
        XCTAssertEqual(WARCPage.dechunk(Array("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".utf8)).bytes, Array("hello world".utf8))
        XCTAssertEqual(WARCPage.dechunk(Array("5;ext=1\r\nhello\r\nA\r\n worl".utf8)).bytes, Array("hello worl".utf8))
    }

    func testJudgeArchives() throws {
        // Every judge archive reads to its end; the pages are the ones warcio finds (and the two it cannot).
        let expected: [String: [String]] = [
            "example.warc": ["http://example.com/"],
            "example.warc.gz": ["http://example.com/"],
            "example-bad-non-chunked.warc.gz": ["http://example.com/"], // one gzip member for the whole file
            "example-digest.warc": [], // requests only
            "example-iana.org-chunked.warc": ["http://www.iana.org/"],
            "example-resource.warc.gz": ["http://example.com/"],
            "example-space-in-target-uri.warc.gz": [], // an image resource
            "example-trunc.warc": ["http://example.com/"],
            "example-wrong-chunks.warc.gz": ["http://example.com/"], // gzip members cut across records
        ]
        for (name, urls) in expected {
            let events = try StreamFixtures.events(try StreamFixtures.bytes("judges/" + name))
            let records = StreamFixtures.records(events)
            XCTAssertEqual(records.filter(WARCPage.isPage).compactMap(\.targetURI), urls, name)
            XCTAssertFalse(StreamFixtures.problems(events).contains { $0.lostRecord }, name)
        }
    }

    func testSpaceInTargetURIIsEncoded() throws {
        let records = StreamFixtures.records(try StreamFixtures.events(try StreamFixtures.bytes("judges/example-space-in-target-uri.warc.gz")))
        XCTAssertEqual(records.last?.targetURI, "file:///example%20with%20spaces.png")
        XCTAssertFalse(WARCPage.isPage(records.last!))
    }

    func testWrongContentLengthIsReportedAndTheNextRecordIsFound() throws {
        // example-trunc.warc: the response's Content-Length is 2 bytes short (its gzip body loses its last
        // bytes); the request after it is still read.
        let events = try StreamFixtures.events(try StreamFixtures.bytes("judges/example-trunc.warc"))
        XCTAssertEqual(StreamFixtures.records(events).map(\.type), ["warcinfo", "warcinfo", "response", "request"])
        let problems = StreamFixtures.problems(events)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.offset, 2560)
        XCTAssertEqual(problems.first?.lostRecord, false)
        XCTAssertTrue(problems.first?.message.contains("stray bytes") ?? false)
        // The cut gzip body is decompressed as far as it goes.
        let response = StreamFixtures.records(events)[2]
        let page = try WARCPage(response)
        XCTAssertEqual(page.html.count, 1270)
        XCTAssertEqual(page.warnings.count, 1)
    }

    func testTruncatedFileReportsTheCutRecordWithItsOffset() throws {
        let events = try StreamFixtures.events(try StreamFixtures.bytes("truncated.warc"))
        XCTAssertEqual(StreamFixtures.records(events).count, 1)
        let problem = try XCTUnwrap(StreamFixtures.problems(events).first)
        XCTAssertEqual(problem.offset, 446)
        XCTAssertTrue(problem.lostRecord)
        XCTAssertEqual(problem.recordID, "urn:uuid:22222222-2222-4222-8222-222222222222")
        XCTAssertEqual(problem.targetURI, "https://a.example/two")
        XCTAssertTrue(problem.message.contains("cut off"), problem.message)
        // Cut inside the header too.
        let data = try StreamFixtures.bytes("truncated.warc")
        let headerCut = try StreamFixtures.events(Array(data[0..<500]))
        XCTAssertEqual(StreamFixtures.problems(headerCut).map(\.offset), [446])
    }

    func testMalformedRecordIsSkippedAndTheStreamGoesOn() throws {
        let events = try StreamFixtures.events(try StreamFixtures.bytes("damaged.warc"))
        XCTAssertEqual(StreamFixtures.records(events).compactMap(\.targetURI), ["https://a.example/one", "https://a.example/two"])
        let problems = StreamFixtures.problems(events)
        XCTAssertEqual(problems.count, 1, "the broken record is reported once, not again as stray bytes")
        XCTAssertEqual(problems[0].offset, 446)
        XCTAssertTrue(problems[0].message.contains("Content-Length"))
    }

    func testCorruptGzipMemberLosesOnlyItsRecord() throws {
        let events = try StreamFixtures.events(try StreamFixtures.bytes("corrupt.warc.gz"))
        let problems = StreamFixtures.problems(events)
        XCTAssertEqual(problems.map(\.offset), [1413])
        XCTAssertTrue(problems[0].message.contains("corrupt compressed data"))
        let uris = StreamFixtures.records(events).filter(WARCPage.isPage).compactMap(\.targetURI)
        XCTAssertEqual(uris, ["https://press.example.com/news/2024/plant.html", "http://static.example.org/page.html",
                              "https://example.net/2024/04/v11.html"])
    }

    func testGzipCutOffEndsTheStreamWithOneProblem() throws {
        let data = try StreamFixtures.bytes("pages.warc.gz")
        let events = try StreamFixtures.events(Array(data[0..<2000]))
        XCTAssertEqual(StreamFixtures.problems(events).map(\.offset), [1916])
        XCTAssertEqual(StreamFixtures.records(events).count, 4)
    }

    func testOversizedRecordIsSkippedAndReported() throws {
        let events = try StreamFixtures.events(try StreamFixtures.bytes("pages.warc"), maxRecordSize: 500)
        let lost = StreamFixtures.problems(events).filter(\.lostRecord)
        XCTAssertEqual(lost.count, 1)
        XCTAssertTrue(lost.first?.message.contains("--max-input-size") ?? false)
        XCTAssertEqual(StreamFixtures.records(events).count, 9)
    }

    func testEmptyAndNonWARCInput() throws {
        XCTAssertTrue(try StreamFixtures.events([]).isEmpty)
        let events = try StreamFixtures.events(Array("hello\nworld\n".utf8))
        XCTAssertEqual(StreamFixtures.records(events).count, 0)
        XCTAssertEqual(StreamFixtures.problems(events).count, 1)
        let gzipGarbage = try StreamFixtures.events([0x1F, 0x8B, 0x08, 0, 1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual(StreamFixtures.problems(gzipGarbage).count, 1)
    }
}

extension WARCPage.Dechunked {
    var bytes: [UInt8]? { if case .decoded(let b, _) = self { return b } else { return nil } }
}
