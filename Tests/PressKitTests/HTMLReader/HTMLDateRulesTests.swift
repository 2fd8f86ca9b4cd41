import XCTest
@testable import PressKit

/// The publication-day rules of the second round, each on a small page built like a real one (ministry,
/// association, newspaper, blog): the reference time, the URL, the headline's surroundings, embedded posts,
/// printed words that overrule a machine time, republished articles, month names and numeric orders of
/// more languages.
final class HTMLDateRulesTests: XCTestCase {
    private func read(_ html: String, referenceTime: Int? = nil) throws -> Metadata {
        var options = ConversionOptions()
        options.referenceTime = referenceTime
        return try HTMLReader().read(Array(html.utf8), context: ConversionContext(options: options)).metadata
    }

    private func page(lang: String = "de", head: String = "", title: String = "Radwege an Landstraßen werden ausgebaut",
                      body: String) -> String {
        """
        <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8"><title>\(title)</title>\(head)</head>
        <body>\(body)</body></html>
        """
    }

    private let text = """
    <p>Das Land stellt in diesem Jahr zusätzliche Mittel für den Bau von Radwegen an Landstraßen bereit; Vorrang haben Lücken im Alltagsnetz.</p>
    <p>Die Kommunen können ihre Vorschläge bis Ende des Quartals einreichen, die Straßenbauverwaltung prüft sie gemeinsam mit den Kreisen.</p>
    <p>Eine Übersicht der geplanten Abschnitte wird nach der Prüfung auf der Internetseite des Ministeriums veröffentlicht.</p>
    """

    /// 2024-03-01T00:00:00Z.
    private let march2024 = 1_709_251_200

    func testFutureDaysAreRejectedOnlyWithAReferenceTime() throws {
        // A mistyped year in the metadata (2042) and the real day under the headline.
        let head = "<meta property=\"article:published_time\" content=\"2042-02-12T09:30:00+01:00\">"
        let body = "<main><h1>Radwege an Landstraßen werden ausgebaut</h1><p class=\"meta\">12.02.2024</p>\(text)</main>"
        let checked = try read(page(head: head, body: body), referenceTime: march2024)
        XCTAssertEqual(checked.date, "2024-02-12")
        XCTAssertEqual(checked.dateSource, "byline")
        // The library's default: no clock, no check.
        XCTAssertEqual(try read(page(head: head, body: body)).date, "2042-02-12")
        // One day of grace for time zones ahead of the reference clock.
        let tomorrow = "<meta property=\"article:published_time\" content=\"2024-03-02T08:00:00+10:00\">"
        XCTAssertEqual(try read(page(head: tomorrow, body: "<main>\(text)</main>"), referenceTime: march2024).date,
                       "2024-03-02")
    }

    func testThePressPassRejectsFutureAndHistoricDays() throws {
        // The press pass reads text dates with the same reference time.
        let release = Document(metadata: Metadata(), blocks: [
            .paragraph([.text("Berlin, 3. März 2031 – Die Stadtwerke eröffnen ihr neues Kundenzentrum.")]),
        ])
        let checked = PressReleasePass(referenceTime: march2024).apply(to: release)
        XCTAssertNil(checked.metadata.date)
        XCTAssertEqual(PressReleasePass().apply(to: release).metadata.date, "2031-03-03")
        // Days before 1995 are history, not the release's day.
        let history = Document(metadata: Metadata(), blocks: [
            .paragraph([.text("Am 9. November 1989 fiel die Mauer; der Verein lädt zum Gedenken ein.")]),
        ])
        XCTAssertNil(PressReleasePass().apply(to: history).metadata.date)
        // A slash date in the text read in the release's language.
        var metadata = Metadata()
        metadata.language = "en-GB"
        let british = Document(metadata: metadata, blocks: [
            .paragraph([.text("The council confirmed on 05/06/2023 that the harbour ferry returns to its winter timetable.")]),
        ])
        XCTAssertEqual(PressReleasePass().apply(to: british).metadata.date, "2023-06-05")
        metadata.language = "en-US"
        let american = Document(metadata: metadata, blocks: british.blocks)
        XCTAssertEqual(PressReleasePass().apply(to: american).metadata.date, "2023-05-06")
    }

    /// A page header wrapper whose class names the breadcrumb around the headline and its date line.
    func testHeadlineInsideABreadcrumbWrapper() throws {
        let body = """
        <header><nav class="menu"><a href="/">Start</a> <span>01.01.2024</span></nav></header>
        <div class="page-intro page-intro__breadcrumbNavigation">
          <nav class="breadcrumb"><a href="/presse">Presse</a> <span>Stand 03.01.2024</span></nav>
          <h1>Radwege an Landstraßen werden ausgebaut</h1>
          <p class="caption">23. Januar 2024 | Verkehr</p>
        </div>
        <main>\(text)</main>
        """
        let m = try read(page(body: body))
        XCTAssertEqual(m.date, "2024-01-23")
        XCTAssertEqual(m.dateSource, "byline")
    }

    /// A quoted social-media post with its own `<time>` inside the article: never the page's date.
    func testEmbeddedPostsAreNotTheArticlesDate() throws {
        let body = """
        <main><article><h1>Radwege an Landstraßen werden ausgebaut</h1>
        <div class="article-date"><span>Dienstag,</span> <span>6. Februar 2024</span></div>
        \(text)
        <blockquote class="instagram-media"><p><a href="https://example.org/p/1">Ein Beitrag von Radverein</a> am
        <time datetime="2023-09-14T18:30:00+00:00">Sep 14, 2023</time></p></blockquote>
        <div class="social-embed"><p>Ein Foto <time datetime="2023-10-01T08:00:00Z">1. Oktober 2023</time></p></div>
        </article></main>
        """
        XCTAssertEqual(try read(page(body: body)).date, "2024-02-06")
    }

    /// "Publié le 29 juin 2019" printed inside a `<time>` whose machine value is days later (a re-index).
    func testPrintedPublishedWordsOverruleTheMachineTime() throws {
        let body = """
        <main><header><h1>Radwege an Landstraßen werden ausgebaut</h1>
        <div class="time"><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></div></header>\(text)</main>
        """
        XCTAssertEqual(try read(page(lang: "fr", body: body)).date, "2019-06-29")
        // A day apart is a UTC time and the local day beside it, not a conflict: the local day.
        let same = """
        <main><h1>Radwege an Landstraßen werden ausgebaut</h1>
        <time datetime="2019-06-30T01:10:00Z" pubdate>Publié le 29 juin 2019</time>\(text)</main>
        """
        let m = try read(page(lang: "fr", body: same))
        XCTAssertEqual(m.date, "2019-06-29")
        XCTAssertEqual(m.dateSource, "time, local day")
    }

    /// The page's URL names the day (`/2024/02/06/`, `-20240206`): it beats a date printed in the page's
    /// top bar (today's date on a news portal), not the metadata.
    func testURLDates() throws {
        let body = """
        <div class="topbar"><span class="date">Fri, 9 Feb 2024</span></div>
        <main><h1>Radwege an Landstraßen werden ausgebaut</h1>\(text)</main>
        """
        for url in ["https://news.example.com/world/radwege-an-landstrassen-20240206",
                    "https://news.example.com/2024/02/06/radwege-an-landstrassen/"] {
            let m = try read(page(head: "<link rel=\"canonical\" href=\"\(url)\">", body: body))
            XCTAssertEqual(m.date, "2024-02-06", url)
            XCTAssertEqual(m.dateSource, "url", url)
        }
        // An article number is not a day.
        let id = "<link rel=\"canonical\" href=\"https://news.example.com/a/120240206120908039\">"
        XCTAssertEqual(try read(page(head: id, body: body)).date, "2024-02-09")
        XCTAssertEqual(URLDates.day(in: "https://x.example/2024-02-06-radwege"), "2024-02-06")
        XCTAssertEqual(URLDates.day(in: "https://www.example.com/science/2019/11/8/20948348/air"), "2019-11-08")
        XCTAssertNil(URLDates.day(in: "https://x.example/produkt/12345678"))
        XCTAssertNil(URLDates.day(in: "https://x.example/2024/02/radwege"))
        XCTAssertEqual(URLDates.day(in: "/2021/09/21/slug"), "2021-09-21", "a path without a host")
        XCTAssertNil(URLDates.day(in: "https://2021.09.21.example/x"), "the host is not the path")
        XCTAssertNil(URLDates.day(in: "https://x.example/a?d=2021/09/21#2021-09-21"), "nor the query or fragment")
        XCTAssertEqual(URLDates.day(in: "https://x.example/über/2021_09_21.html"), "2021-09-21")
        XCTAssertEqual(URLDates.month(in: "https://x.example/2023/05/slug")?.month, 5)
        XCTAssertEqual(URLDates.month(in: "https://blog.example.org/2024/02/radwege.html")?.month, 2)
        XCTAssertNil(URLDates.month(in: "https://blog.example.org/2024/radwege.html"))
    }

    /// A month in the URL (`/2024/02/`) is no day, but picks the printed date of that month.
    func testMonthOnlyURLPicksThePrintedDateOfThatMonth() throws {
        let head = "<link rel=\"canonical\" href=\"https://blog.example.org/2024/02/radwege.html\">"
        let body = """
        <main><h1>Radwege an Landstraßen werden ausgebaut</h1><p class="note">Nachtrag vom 4. März 2024</p>
        <p class="byline">Eingestellt am 6. Februar 2024</p>\(text)</main>
        """
        let m = try read(page(head: head, body: body))
        XCTAssertEqual(m.date, "2024-02-06")
        // Alone, the month gives no day.
        XCTAssertNil(try read(page(head: head, body: "<main>\(text)</main>")).date)
    }

    /// A blog whose `h1` is the blog's name: the post's `h3` matches the title better, and the date in the
    /// headline's own words ("Ergebnisse vom 10.02.2024") is not its byline.
    func testHeadlineIsTheHeadingThatMatchesTheTitle() throws {
        let title = "Ergebnisse vom 10.02.2024: Radwege an Landstraßen - Radblog Niedersachsen"
        let body = """
        <div id="banner"><h1><a href="/">Radblog Niedersachsen</a></h1><h2>Neues vom Rad</h2></div>
        <div class="entry"><h3><a href="/e/1">Ergebnisse vom 10.02.2024: Radwege an Landstraßen</a></h3>
        <div class="entry-info"><span class="entry-time">2024年02月12日</span></div>
        <div class="entry-body">10.02.2024: Bei der Zählung am Samstag wurden an 14 Stellen Radfahrende gezählt.
        \(text)</div></div>
        """
        XCTAssertEqual(try read(page(title: title, body: body)).date, "2024-02-12")
    }

    /// A republished article: JSON-LD says it was first published years ago and modified on the day the page
    /// shows beside its headline; the shown day is the page's.
    func testRepublishedArticleShowsItsNewDay() throws {
        let head = """
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Radwege an Landstraßen werden ausgebaut",
        "datePublished": "2021-01-01T11:00:00Z", "dateModified": "2024-02-06T10:00:00Z"}</script>
        """
        let shown = "<main><h1>Radwege an Landstraßen werden ausgebaut</h1><p class=\"publishInfo\">06.02.2024, 12:00 Uhr</p>\(text)</main>"
        let m = try read(page(head: head, body: shown))
        XCTAssertEqual(m.date, "2024-02-06")
        XCTAssertEqual(m.dateSource, "byline, republished")
        // Shown as an update ("Aktualisiert am"): the first publication stays.
        let updated = "<main><h1>Radwege an Landstraßen werden ausgebaut</h1><p>Aktualisiert am 06.02.2024</p>\(text)</main>"
        XCTAssertEqual(try read(page(head: head, body: updated)).date, "2021-01-01")
        // An "Updated" label before the shown <time>: the first publication stays.
        let labelled = """
        <main><h1>Radwege an Landstraßen werden ausgebaut</h1><p class="c-byline"><span>Updated
        <time datetime="2024-02-06T10:00:00">Feb 6, 2024, 10:00am</time></span></p>\(text)</main>
        """
        XCTAssertEqual(try read(page(head: head, body: labelled)).date, "2021-01-01")
        // The URL names the first day: no republication against it.
        let url = head + "<link rel=\"canonical\" href=\"https://news.example.com/2021/1/1/radwege\">"
        XCTAssertEqual(try read(page(head: url, body: shown)).date, "2021-01-01")
        // Nothing shown: JSON-LD's datePublished.
        XCTAssertEqual(try read(page(head: head, body: "<main>\(text)</main>")).date, "2021-01-01")
    }

    /// Upload times of media pages, Unix times in meta, and last a day in the lead image's path.
    func testMoreMetadataSources() throws {
        let upload = "<meta property=\"gallery:uploaded\" content=\"2013-02-16T04:36:36-05:00\">"
        XCTAssertEqual(try read(page(head: upload, body: "<main>\(text)</main>")).date, "2013-02-16")
        let unix = "<meta name=\"parsely-pub-date\" content=\"1707213600\">"
        XCTAssertEqual(try read(page(head: unix, body: "<main>\(text)</main>")).date, "2024-02-06")
        let image = "<meta property=\"og:image\" content=\"https://www.example.org/files/2016/05/04/report-cover.png\">"
        let m = try read(page(head: image, body: "<main>\(text)</main>"))
        XCTAssertEqual(m.date, "2016-05-04")
        XCTAssertEqual(m.dateSource, "image URL")
        // A WordPress upload folder names only a month: no day.
        let month = "<meta property=\"og:image\" content=\"https://www.example.org/wp-content/uploads/2016/05/cover.png\">"
        XCTAssertNil(try read(page(head: month, body: "<main>\(text)</main>")).date)
    }

    func testMonthNamesOfMoreLanguages() {
        XCTAssertEqual(DateNormalizer.normalize("17 maggio 2023"), "2023-05-17")
        XCTAssertEqual(DateNormalizer.normalize("Pubblicato il 3 settembre 2022"), "2022-09-03")
        XCTAssertEqual(DateNormalizer.normalize("17 de maio de 2023"), "2023-05-17")
        XCTAssertEqual(DateNormalizer.normalize("Publicado em 2 de março de 2021"), "2021-03-02")
        XCTAssertEqual(DateNormalizer.normalize("17 mei 2023"), "2023-05-17")
        XCTAssertEqual(DateNormalizer.normalize("Gepubliceerd op 4 maart 2024"), "2024-03-04")
        XCTAssertEqual(DateNormalizer.normalize("17 maja 2023 r."), "2023-05-17")
        XCTAssertEqual(DateNormalizer.normalize("Opublikowano 8 października 2022"), "2022-10-08")
        XCTAssertEqual(DateNormalizer.normalize("17 травня 2023 р."), "2023-05-17")
        XCTAssertEqual(DateNormalizer.normalize("Опубліковано 1 вересня 2021"), "2021-09-01")
        XCTAssertEqual(DateNormalizer.normalize("الأربعاء، 07 أكتوبر 2020 - 12:09 م"), "2020-10-07")
        XCTAssertEqual(DateNormalizer.normalize("الجمعة 24 نيسان / أبريل 2020"), "2020-04-24")
        // Not months: words that only look like abbreviations stay words.
        XCTAssertNil(DateNormalizer.normalize("3 set 2023"))
        XCTAssertNil(DateNormalizer.normalize("5 out 2022"))
    }

    func testNumericDatesFollowThePageLanguage() throws {
        XCTAssertEqual(PrintedDate.find(in: "17.05.2023")?.date.iso, "2023-05-17")
        XCTAssertEqual(PrintedDate.find(in: "05/06/2023", slashDayFirst: true)?.date.iso, "2023-06-05")
        XCTAssertEqual(PrintedDate.find(in: "05/06/2023", slashDayFirst: false)?.date.iso, "2023-05-06")
        XCTAssertEqual(PrintedDate.find(in: "05/17/2023", slashDayFirst: true)?.date.iso, "2023-05-17")
        XCTAssertEqual(PrintedDate.find(in: "17/05/2023", slashDayFirst: false)?.date.iso, "2023-05-17")
        XCTAssertEqual(DateNormalizer.readsSlashDayFirst("en-US"), false)
        XCTAssertEqual(DateNormalizer.readsSlashDayFirst("en_GB"), true)
        XCTAssertEqual(DateNormalizer.readsSlashDayFirst("fr"), true)
        let body = "<main><h1>Radwege an Landstraßen werden ausgebaut</h1><p class=\"meta\">Posted 05/06/2023</p>\(text)</main>"
        XCTAssertEqual(try read(page(lang: "en-GB", body: body)).date, "2023-06-05")
        XCTAssertEqual(try read(page(lang: "en-US", body: body)).date, "2023-05-06")
    }

    /// Texts that cannot hold a date are not parsed; texts that can are.
    func testTextShape() {
        XCTAssertFalse(TextShape("Seite 1 von 12").mayHoldDate)
        XCTAssertFalse(TextShape.hasContent("\u{00A0} \n"))
        XCTAssertTrue(TextShape.hasContent("©"))
        XCTAssertTrue(TextShape("Stand: 2024").mayHoldDate)
        XCTAssertTrue(TextShape("am 3.5.13").mayHoldDate)
        XCTAssertEqual(PrintedDate.find(in: "Von Christian am 3.05.13 11:51")?.date.iso, "2013-05-03")
        XCTAssertEqual(PrintedDate.cue(of: "Veröffentlicht am"), .published)
        XCTAssertEqual(PrintedDate.cue(of: "Zuletzt aktualisiert"), .updated)
    }
}
