import XCTest
@testable import PressKit

/// References resolve against `<base href>`, else the canonical URL (RFC 3986 section 5).
final class HTMLLinkResolutionTests: XCTestCase {
    func testRFC3986Examples() {
        let base = "http://a/b/c/d;p?q"
        let cases: [(String, String)] = [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"),
            ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"),
            // Abnormal examples (5.4.2).
            ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
        ]
        for (reference, expected) in cases {
            XCTAssertEqual(URLReference.resolve(reference, against: base), expected, reference)
        }
    }

    func testReferencesWithNonASCIIAndLineBreaks() {
        let base = "https://www.example.org/news/2024/"
        XCTAssertEqual(URLReference.resolve("../presse/überblick?q=été#teil-2", against: base),
                       "https://www.example.org/news/presse/überblick?q=été#teil-2")
        XCTAssertEqual(URLReference.resolve("HTTPS://例え.jp/パス/./a", against: base), "https://例え.jp/パス/a")
        XCTAssertEqual(URLReference.resolve("/a\r\nb\tc", against: base), "https://www.example.org/abc",
                       "tabs and line breaks inside a URL are removed, CR LF too")
        XCTAssertEqual(URLReference.resolve("  /a?x=1#f  ", against: base), "https://www.example.org/a?x=1#f")
        XCTAssertNil(URLReference("1a:b").scheme, "a scheme starts with a letter")
        XCTAssertNil(URLReference("é:b").scheme, "a scheme is ASCII")
        XCTAssertEqual(URLReference("mailto:press@example.org").scheme, "mailto")
    }

    private let body = """
    <p>See the <a href="../reports/2024.pdf">report</a>, the <a href="/contact">contact page</a>,
    <a href="//cdn.example/x.js">a CDN</a>, <a href="#top">the top</a>, <a href="mailto:press@example.org">us</a>
    and <a href="javascript:void(0)">a script link</a>.</p><p><img src="img/chart.png" alt="chart"></p>
    """

    func testBaseHref() throws {
        let html = "<html><head><base href=\"https://www.example.org/news/2024/\"><link rel=\"canonical\" href=\"https://other.example/\"></head><body>\(body)</body></html>"
        let document = try HTMLTestSupport.read(html, fullPage: true)
        XCTAssertEqual(HTMLTestSupport.references(document), [
            "https://www.example.org/news/reports/2024.pdf", "https://www.example.org/contact", "https://cdn.example/x.js",
            "https://www.example.org/news/2024/#top", "mailto:press@example.org", "https://www.example.org/news/2024/img/chart.png",
        ])
        XCTAssertTrue(HTMLTestSupport.text(document).contains("and a script link."), "javascript: link keeps its text")
    }

    func testCanonicalURLWhenNoBase() throws {
        let html = "<html><head><link rel=\"canonical\" href=\"https://www.example.org/press/release.html\"></head><body>\(body)</body></html>"
        let document = try HTMLTestSupport.read(html, fullPage: true)
        XCTAssertEqual(HTMLTestSupport.references(document).first, "https://www.example.org/reports/2024.pdf")
        XCTAssertEqual(HTMLTestSupport.references(document).last, "https://www.example.org/press/img/chart.png")
    }

    func testRelativeBaseResolvedAgainstCanonical() throws {
        let html = "<html><head><base href=\"/media/\"><link rel=\"canonical\" href=\"https://port.example/media/press/x.html\"></head><body>\(body)</body></html>"
        let document = try HTMLTestSupport.read(html, fullPage: true)
        XCTAssertEqual(HTMLTestSupport.references(document).last, "https://port.example/media/img/chart.png")
    }

    func testNoBaseDropsSiteRelativeLinksWithAWarning() throws {
        let context = ConversionContext(options: { var o = ConversionOptions(); o.fullPage = true; return o }())
        let page = "<html><head><meta property=\"og:image\" content=\"/img/lead.jpg\"></head><body>\(body)</body></html>"
        let document = try HTMLReader().read(Array(page.utf8), context: context)
        XCTAssertEqual(document.metadata.image, "/img/lead.jpg")
        XCTAssertEqual(HTMLTestSupport.references(document), ["mailto:press@example.org", "img/chart.png"])
        XCTAssertTrue(HTMLTestSupport.text(document).contains("See the report, the contact page, a CDN, the top, us"))
        XCTAssertEqual(context.diagnostics.count, 1)
    }
}
