import XCTest
@testable import PressKit

/// The publication day of web pages built like real ministry, company, blog and newspaper pages: where it is
/// found, which wins, and which dates are never taken.
final class HTMLPublicationDateTests: XCTestCase {
    private func date(_ html: String) throws -> (String?, String?) {
        let m = try HTMLTestSupport.read(html).metadata
        return (m.date, m.dateSource)
    }

    private func page(head: String = "<title>Neue Förderrichtlinie veröffentlicht</title>", body: String) -> String {
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
    }

    private let paragraphs = """
    <p>Das Ministerium hat heute eine neue Förderrichtlinie für kommunale Klimaschutzprojekte veröffentlicht, die ab dem kommenden Quartal gilt.</p>
    <p>Gefördert werden Vorhaben von Städten, Gemeinden und Landkreisen, die Emissionen dauerhaft senken und Bürgerinnen und Bürger beteiligen.</p>
    <p>Anträge können über das Förderportal gestellt werden; die Beratungsstelle beantwortet Fragen telefonisch und per E-Mail.</p>
    """

    func testTimestampForms() {
        XCTAssertEqual(PageTimestamp.parse("2023-11-08T22:35:29-08:00")?.iso, "2023-11-08")
        XCTAssertEqual(PageTimestamp.parse("2023-11-08T22:35:29-08:00")?.offset, -480)
        XCTAssertEqual(PageTimestamp.parse("20200413T16:38:07Z")?.iso, "2020-04-13")
        XCTAssertEqual(PageTimestamp.parse("2020-12-05T23:15:0Z")?.minuteOfDay, 23 * 60 + 15)
        XCTAssertEqual(PageTimestamp.parse("2020-08-25|00h23")?.iso, "2020-08-25")
        // Unix seconds and milliseconds (UTC).
        XCTAssertEqual(PageTimestamp.parse("1588388400")?.iso, "2020-05-02")
        XCTAssertEqual(PageTimestamp.parse("1588388400000")?.iso, "2020-05-02")
        XCTAssertEqual(PageTimestamp.parse("Fri, 01 May 2020 23:00:00 -0400")?.iso, "2020-05-01")
        XCTAssertEqual(PageTimestamp.parse("Fri, 01 May 2020 23:00:00 -0400")?.offset, -240)
        XCTAssertEqual(PageTimestamp.parse("Mon Aug 24 2020 21:14:08 GMT+0000")?.isUTC, true)
        // Before 1995, impossible days and plain numbers are not publication days.
        XCTAssertNil(PageTimestamp.parse("1993-07-01"))
        XCTAssertNil(PageTimestamp.parse("2021-02-30"))
        XCTAssertNil(PageTimestamp.parse("123456"))
        // The same instant seen from New York.
        XCTAssertEqual(PageTimestamp.parse("2023-11-09T03:28:35Z")?.shifted(to: -300).iso, "2023-11-08")
    }

    func testPrintedDates() {
        XCTAssertEqual(PrintedDate.find(in: "Datum: 03.02.2022")?.date.iso, "2022-02-03")
        XCTAssertEqual(PrintedDate.find(in: "Party, 30.10.23")?.date.iso, "2023-10-30")
        XCTAssertEqual(PrintedDate.find(in: "Von Christian am 3.05.13 11:51")?.date.iso, "2013-05-03")
        XCTAssertEqual(PrintedDate.find(in: "2020年07月03日")?.date.iso, "2020-07-03")
        XCTAssertEqual(PrintedDate.find(in: "Published Nov. 8, 2023, 10:28 p.m. ET")?.cue, .published)
        XCTAssertEqual(PrintedDate.find(in: "Aktualisiert am 12. Mai 2023")?.cue, .updated)
        XCTAssertNil(PrintedDate.find(in: "© 2019 Beispiel GmbH"))
        XCTAssertNil(PrintedDate.find(in: "vor 3 Tagen"))
        XCTAssertNil(PrintedDate.find(in: "Version 1.2.3"))
    }

    /// A UTC timestamp in the metadata and the same instant in local time elsewhere: the local day.
    func testUTCTimestampTakesTheLocalDay() throws {
        let head = """
        <title>City council approves new transit plan</title>
        <meta property="article:published_time" content="2023-11-09T03:28:35+00:00">
        <meta name="sailthru.date" content="2023-11-08 22:28:35">
        """
        let (d, source) = try date(page(head: head, body: "<article><h1>City council approves new transit plan</h1>\(paragraphs)</article>"))
        XCTAssertEqual(d, "2023-11-08")
        XCTAssertEqual(source, "meta, local day")
        // The <time> under the headline gives the zone.
        let head2 = """
        <title>Two hurt in Roxbury</title><script type="application/ld+json">
        {"@type": "NewsArticle", "headline": "Two hurt in Roxbury", "datePublished": "2023-11-09T02:11:03+00:00"}</script>
        """
        let body2 = "<article><h1>Two hurt in Roxbury</h1><time datetime=\"2023-11-08T21:11:03-05:00\">November 8, 2023</time>\(paragraphs)</article>"
        XCTAssertEqual(try date(page(head: head2, body: body2)).0, "2023-11-08")
        // A UTC time alone stays on its day.
        let head3 = "<title>x</title><meta property=\"article:published_time\" content=\"2023-11-09T03:28:35Z\">"
        XCTAssertEqual(try date(page(head: head3, body: "<article><h1>x</h1>\(paragraphs)</article>")).0, "2023-11-09")
    }

    /// JSON-LD beats meta; a "published" day beats an "updated" one; other objects and Unix times are read.
    func testJSONLDForms() throws {
        let graph = """
        <script type="application/ld+json">{"@graph": [{"@type": "WebPage", "datePublished": "2018-02-28T15:07:03+00:00",
        "dateModified": "2020-01-10"}]}</script>
        """
        XCTAssertEqual(try date(page(head: graph, body: "<main>\(paragraphs)</main>")).0, "2018-02-28")
        let nested = """
        <script type="application/ld+json">{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle",
        "headline": "Neue Förderrichtlinie", "dateModified": "2023-06-01", "datePublished": 1684310400}}</script>
        <meta name="date" content="2023-06-01">
        """
        let (d, source) = try date(page(head: nested, body: "<main>\(paragraphs)</main>"))
        XCTAssertEqual(d, "2023-05-17")
        XCTAssertEqual(source, "json-ld")
        let updatedOnly = "<meta property=\"article:modified_time\" content=\"2023-06-01\"><meta property=\"og:article:published_time\" content=\"2023-05-17\">"
        XCTAssertEqual(try date(page(head: updatedOnly, body: "<main>\(paragraphs)</main>")).0, "2023-05-17")
    }

    /// The date printed next to the headline, not the ones in the sidebar, comments or related items.
    func testDatePrintedNearTheHeadline() throws {
        let body = """
        <header class="site-header"><nav><ul><li><a href="/a">Aktuelles</a> <span>02.01.2023</span></li></ul></nav></header>
        <aside class="sidebar"><h3>Termine</h3><p>15.03.2023 Bürgersprechstunde</p></aside>
        <main><article>
        <p class="kicker">Pressemitteilung Nr. 17/2023</p>
        <h1>Neue Förderrichtlinie veröffentlicht</h1>
        <div class="article-meta"><span class="author">Pressestelle</span> <span>17.05.2023</span></div>
        \(paragraphs)
        <div class="related"><h2>Das könnte Sie auch interessieren</h2><p><a href="/b">Haushalt 2024</a> 12.06.2023</p></div>
        </article></main>
        <section class="comments"><div class="comment"><span>Leser A.</span> 18.05.2023</div></section>
        """
        let (d, source) = try date(page(body: body))
        XCTAssertEqual(d, "2023-05-17")
        XCTAssertEqual(source, "byline")
        // Month names, a "Stand"/updated line above it ignored.
        let body2 = """
        <main><article><h1>Neue Förderrichtlinie veröffentlicht</h1>
        <p class="updated">Aktualisiert am 20. Juni 2023</p><p class="dateline">21. Mai 2023 | Klimaschutz</p>\(paragraphs)</article></main>
        """
        XCTAssertEqual(try date(page(body: body2)).0, "2023-05-21")
        // A post footer far below ("Dieser Artikel wurde am … veröffentlicht").
        let long = String(repeating: paragraphs, count: 6)
        let body3 = """
        <main><article><h1>Neue Förderrichtlinie veröffentlicht</h1>\(long)
        <div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 veröffentlicht.</div></article></main>
        <footer><p>© 2024 Beispielverband e.V. – Stand 01.01.2024</p></footer>
        """
        XCTAssertEqual(try date(page(body: body3)).0, "2015-12-14")
    }

    /// The first `<time>` of the page sits in a list of other articles: the marked one under the headline wins.
    func testMarkedTimeNearHeadline() throws {
        let body = """
        <div class="teaser-list"><article><a href="/x"><time datetime="2019-09-22">22.09.2019</time> Older item</a></article></div>
        <main><h1>Neue Förderrichtlinie veröffentlicht</h1>
        <p class="publication"><time datetime="2019-06-28T13:49:45+02:00">28. Juni 2019</time></p>\(paragraphs)</main>
        """
        XCTAssertEqual(try date(page(body: body)).0, "2019-06-28")
    }
}
