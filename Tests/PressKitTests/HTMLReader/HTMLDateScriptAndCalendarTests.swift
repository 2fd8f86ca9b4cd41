import XCTest
@testable import PressKit

/// Publication days that pages keep outside the usual markup: a logo `h1` above a post whose byline ends
/// in `8.5.12`, a date printed by a short inline script, the publication key of a script's page state,
/// the digits of Arabic, Persian, Devanagari and Bengali text, and the Solar Hijri calendar.
final class HTMLDateScriptAndCalendarTests: XCTestCase {
    private func read(_ html: String) throws -> Metadata {
        try HTMLReader().read(Array(html.utf8), context: ConversionContext(options: ConversionOptions())).metadata
    }

    private let prose = """
    <p>The committee met on Tuesday evening to discuss the new timetable for the regional buses and trains.</p>
    <p>Members agreed that the changes should be published well before the start of the school year in autumn.</p>
    <p>A public hearing is planned for the coming weeks; written comments can be sent to the district office.</p>
    """

    /// A WordPress blog whose `<title>` is the site's name, whose `h1` holds only the logo, and whose post
    /// title is an `h2`: the byline's date is the post's, the sidebar's later dates are not.
    func testALogoHeadingIsNoHeadline() throws {
        let html = """
        <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>debatte.info</title></head><body>
        <header><h1><a href="/" rel="home"><img src="/logo.svg" alt="debatte.info"></a></h1></header>
        <main><div class="posttitle"><p><a href="/tag/wahlen/">#Wahlen</a></p><h2>Der neue Trend: Koalitionen aus Not</h2></div>
        <p class="morespace">von <a href="/author/k-peters/" rel="author">Klaus Peters</a>, 8.5.12 </p>
        \(prose)</main>
        <div class="widget-area"><h3>Neueste Beiträge</h3><ul><li>Wahlabend in Kiel <span>9.5.12</span></li></ul></div>
        </body></html>
        """
        let m = try read(html)
        XCTAssertEqual(m.date, "2012-05-08")
        XCTAssertEqual(m.dateSource, "byline")
    }

    /// An old community portal that writes the post's time with a script in a table cell; a countdown's
    /// `new Date(…)` is no printed date.
    func testAShortScriptPrintsTheDate() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>城市論壇 - 文章</title></head><body><table><tr>
        <td class="main-title">Weekend walks along the old harbour</td>
        <td align="right" class="main-text" nowrap><script>showDate("2020/04/17 01:43:09")</script> views <strong>7</strong></td>
        </tr></table>\(prose)</body></html>
        """
        XCTAssertEqual(try read(html).date, "2020-04-17")
        let countdown = """
        <html><head><meta charset="utf-8"><title>Advent market</title></head><body>
        <div class="countdown"><script>var opening = new Date("2020-11-27T16:00:00");</script></div>\(prose)</body></html>
        """
        XCTAssertNil(try read(countdown).date)
        XCTAssertNil(ScriptDates.printed(in: "trackEvent('2020-04-17', 'view')"))
        XCTAssertEqual(ScriptDates.printed(in: "document.write(formatTime('2019-12-02T10:00:00+01:00'))")?.iso, "2019-12-02")
    }

    /// A single-page app's state in a script (not JSON-LD): its publication key is read when the page has
    /// no better source, in plain and in escaped JSON; it never overrules the page's metadata.
    func testPublicationKeyInPageState() throws {
        let state = """
        <script>window.__INITIAL_STATE__ = {"navigation":{"items":[{"title":"Politics","url":"/politics"}]},
        "article":{"id":4411,"title":"Harbour ferry returns to its winter timetable","lastModified":"2021-03-09T10:00:00+01:00",
        "publishDate":"2021-03-04T09:15:00+01:00","related":[{"publishDate":"2021-02-11T08:00:00+01:00"}]}};</script>
        """
        let page = { (head: String, body: String) in
            """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour ferry returns</title>\(head)</head>
            <body><div id="app"><h1>Harbour ferry returns to its winter timetable</h1>\(self.prose)</div>\(body)</body></html>
            """
        }
        let m = try read(page("", state))
        XCTAssertEqual(m.date, "2021-03-04")
        XCTAssertEqual(m.dateSource, "script")
        let escaped = #"<script>self.__next_f.push([1,"{\"slug\":\"ferry\",\"publishedAt\":\"2022-11-30T08:00:00.000Z\"}"])</script>"#
        XCTAssertEqual(try read(page("", escaped)).date, "2022-11-30")
        // A component's props kept as JSON in an attribute, quotes written `&quot;`.
        let props = #"<div data-component="ArticleHeader" data-props="{&quot;slug&quot;:&quot;ferry&quot;,&quot;datePublished&quot;:&quot;2023-10-17T06:30:00+02:00&quot;}"></div>"#
        XCTAssertEqual(try read(page("", props)).date, "2023-10-17")
        XCTAssertEqual(ScriptDates.published(in: Array(#"x &quot;pubDate&quot; : &quot;2019-04-02&quot; y"#.utf8)), ["2019-04-02"])
        XCTAssertEqual(ScriptDates.published(in: Array(#"&quot;publishDate&quot;:&quot;&quot;"#.utf8)), [])
        let unix = "<script>var article = { id: 12, published_at: 1588388400, subscribers: 20 };</script>"
        XCTAssertEqual(try read(page("", unix)).date, "2020-05-02")
        let meta = "<meta property=\"article:published_time\" content=\"2021-03-05T07:00:00+01:00\">"
        XCTAssertEqual(try read(page(meta, state)).date, "2021-03-05")
        // Only a publication key's value: other dates in scripts are no evidence.
        let other = "<script>var config = {\"buildDate\":\"2021-01-01\",\"expires\":\"2021-06-01\"};</script>"
        XCTAssertNil(try read(page("", other)).date)
    }

    /// Dates written with the digits of Arabic, Persian, Devanagari and Bengali text.
    func testNativeDigits() throws {
        let arabic = """
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>افتتاح مكتبة عامة جديدة</title></head><body><main>
        <h1>افتتاح مكتبة عامة جديدة</h1><p class="date">نشر في ١٦ فبراير ٢٠٢٠</p>\(prose)</main></body></html>
        """
        XCTAssertEqual(try read(arabic).date, "2020-02-16")
        let hindi = """
        <html lang="hi"><head><meta charset="utf-8"><title>नई बस सेवा शुरू</title></head><body><main>
        <h1>नई बस सेवा शुरू</h1><span class="byline">प्रकाशित: १६.०२.२०२०</span>\(prose)</main></body></html>
        """
        XCTAssertEqual(try read(hindi).date, "2020-02-16")
        XCTAssertEqual(DateNormalizer.normalize("১৬.০২.২০২০"), "2020-02-16")
        XCTAssertEqual(DateNormalizer.normalize("٢٠٢٣/٠٥/١٧"), "2023-05-17")
        XCTAssertTrue(TextShape("١٦ فبراير").mayHoldDate)
        XCTAssertTrue(TextShape("१६.०२").hasNativeDigits)
        // Every digit the tokenizer reads counts, full-width ones too.
        XCTAssertTrue(TextShape("２０２０．２．１６").hasNativeDigits)
        for scalar in (0x600...0xFFFF).compactMap(Unicode.Scalar.init) where DateTokenizer.digitValue(scalar) != nil {
            XCTAssertTrue(TextShape(String(scalar)).hasNativeDigits, String(scalar.value, radix: 16))
        }
        XCTAssertFalse(TextShape("Ölpreis: Brent über Vorjahr").mayHoldDate)
    }

    /// Persian pages print the Solar Hijri day (`۲ تیر ۱۳۹۹`, also with Arabic `ي`): read as its Gregorian day.
    func testSolarHijriDates() throws {
        XCTAssertEqual(SolarHijri.gregorian(year: 1399, month: 4, day: 2)?.iso, "2020-06-22")
        XCTAssertEqual(SolarHijri.gregorian(year: 1402, month: 1, day: 1)?.iso, "2023-03-21")
        XCTAssertEqual(SolarHijri.gregorian(year: 1403, month: 1, day: 1)?.iso, "2024-03-20")
        XCTAssertEqual(SolarHijri.gregorian(year: 1403, month: 12, day: 30)?.iso, "2025-03-20")
        XCTAssertEqual(SolarHijri.gregorian(year: 1375, month: 1, day: 1)?.iso, "1996-03-20")
        XCTAssertNil(SolarHijri.gregorian(year: 1399, month: 7, day: 31))
        XCTAssertEqual(SolarHijri.firstDate(in: "دوشنبه ۲ تير ۱۳۹۹")?.iso, "2020-06-22")
        let page = """
        <html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>افزایش نقدینگی در بورس</title></head><body>
        <div class="top-date">امروز: دوشنبه ۲۰ مرداد ۱۳۹۹</div><main><h1>افزایش نقدینگی در بورس</h1>
        <span class="news-date">2 تير 1399 - 12:09:08 ب.ظ</span>\(prose)</main></body></html>
        """
        let m = try read(page)
        XCTAssertEqual(m.date, "2020-06-22")
        XCTAssertEqual(m.dateSource, "byline")
    }
}
