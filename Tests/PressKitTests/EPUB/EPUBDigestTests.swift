import Foundation
import XCTest
@testable import PressKit

/// Several releases in one book: order, contents, titles, languages, resource lookups.
final class EPUBDigestTests: XCTestCase {
    func testDigestHasAChapterPerReleaseInDateOrder() throws {
        let recorder = EPUBRecordingResources()
        let releases = [
            Document(metadata: Metadata(title: "Third", date: "2021-03-01", organization: "Acme Corp", language: "en"),
                     blocks: [.figure(Figure(image: Image(source: "c.png", alt: "C"), caption: []))]),
            Document(metadata: Metadata(title: "Undated", organization: "Acme Corp", language: "en"),
                     blocks: [.paragraph([.text("no date")])]),
            Document(metadata: Metadata(title: "First", date: "2021-01-05", organization: "Acme Corp", language: "de"),
                     blocks: [.paragraph([.image(Image(source: "a.png", alt: "A"))])]),
            Document(metadata: Metadata(title: "Also first", date: "2021-01-05", organization: "Acme Corp", language: "en"),
                     blocks: [.heading(level: 1, content: [.text("Inside")], id: nil), .paragraph([.text("x")])]),
        ]
        let context = EPUBTestSupport.context(resources: recorder)
        let book = try UnpackedEPUB(EPUBWriter().write(collection: releases, context: context))
        defer { book.remove() }
        XCTAssertEqual(recorder.lookups.sorted { $0.1 < $1.1 }.map { "\($0.0)@\($0.1)" }, ["c.png@0", "a.png@2"])
        let nav = try book.text("OEBPS/nav.xhtml")
        let order = ["First (January 5, 2021)", "Also first (January 5, 2021)", "Third (March 1, 2021)", ">Undated<"]
        let positions = try order.map { try XCTUnwrap(nav.range(of: $0), $0).lowerBound }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertTrue(nav.contains("<a href=\"chapter-1.xhtml\">First (January 5, 2021)</a>"))
        XCTAssertTrue(nav.contains("<a href=\"chapter-4.xhtml\">Undated</a>"))
        let ncx = try book.text("OEBPS/toc.ncx")
        XCTAssertTrue(ncx.contains("<text>First (January 5, 2021)</text>"))
        XCTAssertTrue(ncx.contains("<text>Third (March 1, 2021)</text>"))
        let opf = try book.text("OEBPS/content.opf")
        XCTAssertTrue(opf.contains("<dc:title>Acme Corp – Press releases</dc:title>"))
        XCTAssertTrue(opf.contains("<dc:language>en</dc:language>\n<dc:language>de</dc:language>"), "most common first")
        XCTAssertTrue(opf.contains("<dc:date>2021-03-01</dc:date>"))
        XCTAssertTrue(opf.contains("<dc:publisher>Acme Corp</dc:publisher>"))
        let first = try book.text("OEBPS/chapter-1.xhtml")
        XCTAssertTrue(first.contains("lang=\"de\" xml:lang=\"de\""))
        XCTAssertTrue(first.contains("<h1 class=\"title\" id=\"title\">First</h1>"))
        XCTAssertTrue(first.contains("<time datetime=\"2021-01-05\">5. Januar 2021</time>"))
        let title = try book.text("OEBPS/titlepage.xhtml")
        XCTAssertTrue(title.contains("<time datetime=\"2021-01-05\">January 5, 2021</time> – <time datetime=\"2021-03-01\">March 1, 2021</time>"))
        XCTAssertEqual(try book.entries().filter { $0.hasPrefix("OEBPS/chapter-") }.count, 4)
        XCTAssertEqual(EPUBWriter.releaseOrder(releases).map(\.0), [2, 3, 0, 1])
    }

    func testDigestOfDifferentOrganizationsIsCalledPressReleases() throws {
        let releases = [EPUBTestSupport.release(title: "A", date: "2021-01-01", organization: "One", text: "a"),
                        EPUBTestSupport.release(title: "B", date: "2021-01-02", organization: "Two", text: "b")]
        let book = try UnpackedEPUB(EPUBWriter().write(collection: releases, context: EPUBTestSupport.context()))
        defer { book.remove() }
        let opf = try book.text("OEBPS/content.opf")
        XCTAssertTrue(opf.contains("<dc:title>Press releases</dc:title>"))
        XCTAssertFalse(opf.contains("<dc:publisher>"))
        XCTAssertTrue(try book.text("OEBPS/chapter-2.xhtml").contains("<h2"), "body headings move below the chapter title")
    }
}

/// Records which references were looked up for which document, and serves a PNG for each.
final class EPUBRecordingResources: ResourceResolver, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [(String, Int)] = []
    var lookups: [(String, Int)] { lock.withLock { recorded } }

    func lookup(_ reference: String, document: Int) -> ResourceLookup {
        lock.withLock { recorded.append((reference, document)) }
        return (try? EPUBTestSupport.fixture("chart.png")).map { .found($0) } ?? .refused("no fixture")
    }
}
