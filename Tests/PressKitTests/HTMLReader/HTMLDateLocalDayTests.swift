import XCTest
@testable import PressKit

/// A machine timestamp in UTC (or with no zone at all) is often the publisher's local time converted; the
/// day printed beside the headline is the publisher's own. The printed day wins when it is one day off and
/// its printed clock time, if any, is the same instant in some zone.
final class HTMLDateLocalDayTests: XCTestCase {
    private func read(_ html: String) throws -> Metadata {
        try HTMLReader().read(Array(html.utf8), context: ConversionContext(options: ConversionOptions())).metadata
    }

    private let prose = """
    <p>The county board voted five to two on Thursday night to extend the emergency shelter contract by a year.</p>
    <p>Supporters said the shelter had been full on most nights since the first frost in the middle of October.</p>
    <p>The contract now goes to the state housing office, which has thirty days to approve or reject the change.</p>
    """

    private func page(lang: String = "en-US", head: String = "", title: String, byline: String) -> String {
        """
        <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8"><title>\(title)</title>\(head)</head><body>
        <header class="site-header"><a href="/">The County Ledger</a></header>
        <main><article><h1>\(title)</h1>\(byline)\(prose)</article></main>
        <footer>© 2024 The County Ledger</footer></body></html>
        """
    }

    private func jsonLD(_ published: String, headline: String) -> String {
        """
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "\(headline)", "datePublished": "\(published)"}</script>
        """
    }

    func testClockTimes() {
        XCTAssertEqual(PrintedDate.clockTime("march 5, 2021, 9:10 p.m. et"), 21 * 60 + 10)
        XCTAssertEqual(PrintedDate.clockTime("november 8, 2023, 11:15 pm"), 23 * 60 + 15)
        XCTAssertEqual(PrintedDate.clockTime("jan 3, 2022 12:05 am"), 5)
        XCTAssertEqual(PrintedDate.clockTime("apr 13, 2020 at 4:38\u{A0}pm"), 16 * 60 + 38)
        XCTAssertEqual(PrintedDate.clockTime("apr 13, 2020 at 4:38\u{202F}pm"), 16 * 60 + 38)
        XCTAssertEqual(PrintedDate.clockTime("publié le 5 mars 2021 à 23h15"), 23 * 60 + 15)
        XCTAssertEqual(PrintedDate.clockTime("02.06.2021, 00:30 uhr"), 30)
        XCTAssertEqual(PrintedDate.clockTime("2021-06-02 07:45:12"), 7 * 60 + 45)
        XCTAssertEqual(PrintedDate.clockTime("10:15 amtlich bestätigt"), 10 * 60 + 15)
        XCTAssertNil(PrintedDate.clockTime("02.06.2021"))
        XCTAssertNil(PrintedDate.clockTime("13:30 pm"))
        XCTAssertNil(PrintedDate.clockTime("score 3:1, 12.5.2021"))
        XCTAssertEqual(PrintedDate.find(in: "By Dana Ruiz | March 5, 2021, 9:10 p.m. ET")?.date.minuteOfDay, 21 * 60 + 10)
    }

    /// `<time datetime>` in UTC around the publisher's own words: the visible day is the publication day.
    func testTimeElementInUTCWithLocalText() throws {
        let title = "County extends emergency shelter contract"
        let byline = """
        <p class="byline">By Dana Ruiz · <time datetime="2021-03-06T02:10:00Z">March 5, 2021, 9:10 p.m. ET</time></p>
        """
        let m = try read(page(title: title, byline: byline))
        XCTAssertEqual(m.date, "2021-03-05")
        XCTAssertEqual(m.dateSource, "time, local day")
    }

    /// JSON-LD in UTC and the byline's day and clock time: the same instant five hours west, so the byline's day.
    func testUTCJSONLDAndPrintedClockTime() throws {
        let title = "County extends emergency shelter contract"
        let head = jsonLD("2022-10-14T03:40:00Z", headline: title)
        let m = try read(page(head: head, title: title,
                              byline: "<div class=\"meta\">Dana Ruiz, Staff writer<br>October 13, 2022 at 11:40 PM</div>"))
        XCTAssertEqual(m.date, "2022-10-13")
        XCTAssertEqual(m.dateSource, "json-ld, local day")
        // The printed clock time is not that instant in any zone (it is the time of the vote, or an update):
        // the day stays the timestamp's.
        let other = try read(page(head: head, title: title,
                                  byline: "<div class=\"meta\">Dana Ruiz, Staff writer<br>October 13, 2022 at 9:05 PM</div>"))
        XCTAssertEqual(other.date, "2022-10-14")
        XCTAssertEqual(other.dateSource, "json-ld")
    }

    /// A German page: `22:30Z` is half past midnight in Berlin, as its date line prints.
    func testUTCTimestampEastOfGreenwich() throws {
        let title = "Kreistag verlängert Vertrag für Notunterkunft"
        let head = "<meta property=\"article:published_time\" content=\"2021-06-01T22:30:00+00:00\">"
        let m = try read(page(lang: "de", head: head, title: title,
                              byline: "<p class=\"date\">Veröffentlicht: 02.06.2021, 00:30 Uhr</p>"))
        XCTAssertEqual(m.date, "2021-06-02")
        XCTAssertEqual(m.dateSource, "meta, local day")
    }

    /// A timestamp with no zone (a CMS that leaves off the `Z`): the printed day wins only with a printed
    /// clock time that makes it the same instant; a printed day alone does not move it.
    func testTimestampWithoutZone() throws {
        let title = "Overnight closure for station cleaning"
        let head = jsonLD("2020-05-02T02:54:29", headline: title)
        let withClock = try read(page(head: head, title: title,
                                      byline: "<p class=\"byline\">By Lee Tran · May 1, 2020, 10:54 PM</p>"))
        XCTAssertEqual(withClock.date, "2020-05-01")
        XCTAssertEqual(withClock.dateSource, "json-ld, local day")
        let dayOnly = try read(page(head: head, title: title, byline: "<p class=\"byline\">By Lee Tran · May 1, 2020</p>"))
        XCTAssertEqual(dayOnly.date, "2020-05-02")
        XCTAssertEqual(dayOnly.dateSource, "json-ld")
        // A timestamp with its own zone is the publisher's time: a printed day beside it changes nothing.
        let zoned = try read(page(head: jsonLD("2020-05-02T02:54:29+02:00", headline: title), title: title,
                                  byline: "<p class=\"byline\">By Lee Tran · May 1, 2020, 8:54 PM</p>"))
        XCTAssertEqual(zoned.date, "2020-05-02")
    }
}
