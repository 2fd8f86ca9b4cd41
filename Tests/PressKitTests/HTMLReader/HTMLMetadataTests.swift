import XCTest
@testable import PressKit

/// Each metadata source a page can give, and the order they win in.
final class HTMLMetadataTests: XCTestCase {
    private func metadata(head: String, lang: String = "en", article: String = HTMLTestSupport.articleParagraphs,
                          before: String = "") throws -> Metadata {
        try HTMLTestSupport.read(HTMLTestSupport.page(head: head, before: before, article: article, lang: lang)).metadata
    }

    func testJSONLDArticle() throws {
        let head = """
        <title>Something else | Example News</title>
        <meta property="og:title" content="OpenGraph title">
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Example News"},
          {"@type": ["NewsArticle"], "headline": "Budget approved after long debate",
           "datePublished": "2024-02-27T18:05:00+01:00", "dateModified": "2024-02-28",
           "author": [{"@type": "Person", "name": "Lea Fischer"}, {"@type": "Person", "name": "Tom Berg"}],
           "publisher": {"@type": "Organization", "name": "Example Media Group"},
           "keywords": ["budget", "council"], "description": "The council passed the budget.",
           "image": {"@type": "ImageObject", "url": "/img/council.jpg"}, "inLanguage": "en-GB",
           "url": "https://news.example/2024/02/27/budget"},
        ]}
        </script>
        """
        let m = try metadata(head: head)
        XCTAssertEqual(m.title, "Budget approved after long debate")
        XCTAssertEqual(m.date, "2024-02-27")
        XCTAssertEqual(m.dateSource, "json-ld")
        XCTAssertEqual(m.authors, ["Lea Fischer", "Tom Berg"])
        XCTAssertEqual(m.organization, "Example Media Group")
        XCTAssertEqual(m.keywords, ["budget", "council"])
        XCTAssertEqual(m.description, "The council passed the budget.")
        XCTAssertEqual(m.source, "https://news.example/2024/02/27/budget")
        XCTAssertEqual(m.image, "https://news.example/img/council.jpg")
        XCTAssertEqual(m.extra["modified"], "2024-02-28")
    }

    func testTolerantJSONLD() throws {
        // Raw newlines in strings, a trailing comma, a comment and an HTML comment wrapper.
        let head = """
        <script type="application/ld+json"><!--
        {"@type": "PressRelease", // the release
         "headline": "Two-line
        headline", "datePublished": "2023-05-04", "author": "Press Office",}
        --></script>
        """
        let m = try metadata(head: head)
        XCTAssertEqual(m.title, "Two-line headline")
        XCTAssertEqual(m.date, "2023-05-04")
        XCTAssertEqual(m.authors, ["Press Office"])
        XCTAssertEqual(TolerantJSON.parse("[1, 'two', {\"a\": true}]"), .array([.number(1), .string("two"), .object([("a", .bool(true))])]))
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertNotNil(TolerantJSON.parse(deep))
    }

    func testOpenGraphAndArticleMeta() throws {
        let head = """
        <title>Budget approved | City Times</title>
        <meta property="og:title" content="Budget approved by the council">
        <meta property="og:site_name" content="City Times">
        <meta property="og:url" content="https://citytimes.example/news/budget">
        <meta property="og:image" content="https://citytimes.example/img/budget.jpg">
        <meta property="og:description" content="The council approved the budget.">
        <meta property="article:published_time" content="2024-03-05T07:00:00Z">
        <meta property="article:author" content="Nina Roth">
        <meta property="article:tag" content="budget"><meta property="article:tag" content="schools">
        """
        let m = try metadata(head: head)
        // The page's h1 and its <title> (without the site's name) agree, against og:title alone.
        XCTAssertEqual(m.title, "Budget approved")
        XCTAssertEqual(m.organization, "City Times")
        XCTAssertEqual(m.source, "https://citytimes.example/news/budget")
        XCTAssertEqual(m.image, "https://citytimes.example/img/budget.jpg")
        XCTAssertEqual(m.description, "The council approved the budget.")
        XCTAssertEqual(m.date, "2024-03-05")
        XCTAssertEqual(m.dateSource, "meta")
        XCTAssertEqual(m.authors, ["Nina Roth"])
        XCTAssertEqual(m.keywords, ["budget", "schools"])
    }

    func testMetaDateNames() throws {
        for (name, value, expected) in [("date", "2021-09-21", "2021-09-21"), ("dc.date", "2021/09/22", "2021-09-22"),
                                         ("DC.date.issued", "20210923", "2021-09-23"), ("citation_date", "2021-09-24", "2021-09-24"),
                                         ("citation_publication_date", "2021/09/25", "2021-09-25"),
                                         ("pubdate", "2021-09-26T10:00:00Z", "2021-09-26")] {
            let m = try metadata(head: "<meta name=\"\(name)\" content=\"\(value)\">")
            XCTAssertEqual(m.date, expected, name)
        }
    }

    func testTimeElementAndURLDate() throws {
        let article = "<p class=\"meta\"><time datetime=\"2022-06-30T09:00\">30 June</time></p>" + HTMLTestSupport.articleParagraphs
        XCTAssertEqual(try metadata(head: "", article: article).date, "2022-06-30")
        XCTAssertEqual(try metadata(head: "", article: article).dateSource, "time")
        let m = try metadata(head: "<link rel=\"canonical\" href=\"https://www.mpt.example/news/2021/09/21/partner2connect\">")
        XCTAssertEqual(m.date, "2021-09-21")
        XCTAssertEqual(m.dateSource, "url")
        XCTAssertEqual(URLDates.day(in: "https://www.mpt.gov.by/news/2021-09-21-7488"), "2021-09-21")
        XCTAssertEqual(PageMetadata.isoDate("21.09.2021"), "2021-09-21")
    }

    func testLanguageSources() throws {
        XCTAssertEqual(try metadata(head: "", lang: "de-AT").language, "de-AT")
        let page = "<html><head><meta http-equiv=\"content-language\" content=\"fr\"></head><body>\(HTMLTestSupport.articleParagraphs)</body></html>"
        XCTAssertEqual(try HTMLTestSupport.read(page).metadata.language, "fr")
        let locale = "<html><head><meta property=\"og:locale\" content=\"pt_BR\"></head><body>\(HTMLTestSupport.articleParagraphs)</body></html>"
        XCTAssertEqual(try HTMLTestSupport.read(locale).metadata.language, "pt-BR")
    }

    func testCanonicalDescriptionKeywords() throws {
        let head = """
        <link rel="canonical" href="https://www.example.org/press/budget.html">
        <meta name="description" content="The budget in brief.">
        <meta name="keywords" content="budget, council , schools">
        """
        let m = try metadata(head: head)
        XCTAssertEqual(m.source, "https://www.example.org/press/budget.html")
        XCTAssertEqual(m.description, "The budget in brief.")
        XCTAssertEqual(m.keywords, ["budget", "council", "schools"])
    }

    func testTitleFromTitleElementWithoutSiteName() throws {
        func title(_ t: String, site: String?) -> String? {
            PageTitle(candidates: [t], headings: [], siteNames: [site], pageURL: nil).title
        }
        XCTAssertEqual(title("Budget approved by the council | City Times", site: "City Times"), "Budget approved by the council")
        XCTAssertEqual(title("City Times - Budget approved by the council", site: "City Times"), "Budget approved by the council")
        XCTAssertEqual(title("Budget approved by the council – City Times", site: nil), "Budget approved by the council")
        // No og/JSON-LD title: the article's h1 wins over <title>, and is taken out of the body.
        let document = try HTMLTestSupport.read(HTMLTestSupport.page(head: "<title>Budget approved - City Times</title>"))
        XCTAssertEqual(document.metadata.title, "Budget approved")
        XCTAssertFalse(document.blocks.contains { if case .heading(1, _, _) = $0 { return true }; return false })
    }

    func testLeadingHeadingEqualToTitleIsDropped() throws {
        let article = "<h2>Budget Approved!</h2>" + HTMLTestSupport.articleParagraphs + "<h2>Next steps</h2><p>More to come, the mayor said.</p>"
        let html = HTMLTestSupport.page(head: "<meta property=\"og:title\" content=\"Budget approved\">", article: article)
            .replacingOccurrences(of: "<h1>Budget approved</h1>", with: "")
        let document = try HTMLTestSupport.read(html)
        XCTAssertEqual(document.metadata.title, "Budget approved")
        let headings = document.blocks.compactMap { block -> String? in
            if case .heading(_, let c, _) = block { return c.plainText }
            return nil
        }
        XCTAssertEqual(headings, ["Next steps"])
    }
}
