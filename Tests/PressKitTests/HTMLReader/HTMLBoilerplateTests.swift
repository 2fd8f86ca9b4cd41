import XCTest
@testable import PressKit

/// Each kind of page furniture is left out of the article, and kept with `fullPage`.
final class HTMLBoilerplateTests: XCTestCase {
    private func assertRemoved(_ marker: String, before: String = "", inside: String = "", after: String = "",
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let html = HTMLTestSupport.page(before: before, article: HTMLTestSupport.articleParagraphs + inside, after: after)
        let article = HTMLTestSupport.text(try HTMLTestSupport.read(html))
        XCTAssertTrue(article.contains("The city council approved the new budget"), "article kept", file: file, line: line)
        XCTAssertTrue(article.contains("renovation of 14 primary schools"), "article kept", file: file, line: line)
        XCTAssertFalse(article.contains(marker), "\(marker) removed", file: file, line: line)
        let whole = HTMLTestSupport.text(try HTMLTestSupport.read(html, fullPage: true))
        XCTAssertTrue(whole.contains(marker), "\(marker) kept with fullPage", file: file, line: line)
    }

    func testNavigation() throws {
        try assertRemoved("Sports section", before: """
        <header class="site-header"><a href="/">City Times</a><nav><ul><li><a href="/news">News section</a></li>
        <li><a href="/sport">Sports section</a></li><li><a href="/culture">Culture section</a></li></ul></nav></header>
        """)
        try assertRemoved("Weather pages", before: "<div class=\"main-menu\"><a href=\"/w\">Weather pages</a> <a href=\"/t\">Traffic pages</a></div>")
    }

    func testFooter() throws {
        try assertRemoved("All rights reserved", after: "<footer><p>© 2024 City Times Ltd. All rights reserved. Registered in Lindenau, company number 0123456.</p></footer>")
        try assertRemoved("Imprint and privacy", after: "<div id=\"footer\"><p>Imprint and privacy, terms of use, contact the newsroom, advertise with us.</p></div>")
    }

    func testCookieBanner() throws {
        try assertRemoved("We use cookies", before: """
        <div class="cookie-consent"><p>We use cookies to improve your experience, to analyse traffic and to show you personalised advertising. By clicking accept, you agree to this, as described in our cookie policy.</p><button>Accept</button></div>
        """)
        try assertRemoved("Your privacy choices", after: "<div id=\"gdpr-banner\"><p>Your privacy choices matter to us, and we and our partners store data on your device.</p></div>")
    }

    func testShareWidget() throws {
        try assertRemoved("Share on Facebook", inside: """
        <div class="share-buttons"><a href="https://facebook.com/sharer?u=x">Share on Facebook</a> <a href="https://twitter.com/intent?u=x">Share on X</a> <a href="mailto:?body=x">Share by e-mail</a></div>
        """)
        try assertRemoved("Tweet this", inside: "<ul class=\"social-links\"><li><a href=\"https://t.co/x\">Tweet this</a></li><li><a href=\"https://linkedin.com/x\">Post on LinkedIn</a></li></ul>")
    }

    func testRelatedList() throws {
        try assertRemoved("Council elects new speaker", after: """
        <section class="related-articles"><h2>Related news</h2><ul><li><a href="/a">Council elects new speaker</a></li>
        <li><a href="/b">Tram line 4 to reopen in May</a></li><li><a href="/c">Schools get new laptops</a></li></ul></section>
        """)
        // A "read more" list inside the article whose items are nothing but links.
        try assertRemoved("Tram line 4 to reopen", inside: """
        <h3>More from the city</h3><ul><li><a href="/a">Council elects new speaker</a></li><li><a href="/b">Tram line 4 to reopen in May</a></li><li><a href="/c">Schools get new laptops</a></li></ul>
        """)
    }

    func testComments() throws {
        try assertRemoved("I think the budget is too small", after: """
        <div id="comments" class="comments-area"><h2>3 comments</h2><ol class="comment-list">
        <li class="comment"><p>I think the budget is too small, given how many schools need repairs, and the parks are in a bad state.</p></li>
        <li class="comment"><p>Finally some money for public transport, the buses in our district have been late for years, every single day.</p></li>
        </ol></div>
        """)
    }

    func testBreadcrumbs() throws {
        try assertRemoved("Local politics", before: """
        <nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/politics">Local politics</a></li></ol></nav>
        """)
        try assertRemoved("City council", before: "<div class=\"crumbs\"><p><a href=\"/\">Home</a> › <a href=\"/council\">City council</a> › Budget</p></div>")
    }

    func testAsideNewsletterAndAdvert() throws {
        try assertRemoved("Most read today", after: "<aside><h2>Most read today</h2><ol><li><a href=\"/x\">Storm warning for Friday</a></li></ol></aside>")
        try assertRemoved("Sign up for our morning briefing", inside: "<div class=\"newsletter-signup\"><p>Sign up for our morning briefing and get the news first.</p></div>")
        try assertRemoved("Advertisement", inside: "<div class=\"ad\">Advertisement</div>")
    }

    func testHiddenAndScriptsAreNeverContent() throws {
        let inside = """
        <div hidden><p>Hidden paragraph one is not shown to anyone reading the page.</p></div>
        <p aria-hidden="true">Screen readers skip this sentence entirely.</p>
        <p style="display: none">Display none sentence.</p>
        <script>document.write("Script output")</script><style>p { color: red }</style>
        <noscript><p>Please enable JavaScript to see comments.</p></noscript>
        <form action="/search"><label>Search the site</label><input name="q"><button>Go</button></form>
        """
        for fullPage in [false, true] {
            let text = HTMLTestSupport.text(try HTMLTestSupport.read(
                HTMLTestSupport.page(article: HTMLTestSupport.articleParagraphs + inside), fullPage: fullPage))
            for marker in ["Hidden paragraph", "Screen readers skip", "Display none", "Script output", "color: red",
                           "enable JavaScript", "Search the site", "Go"] {
                XCTAssertFalse(text.contains(marker), "\(marker) (fullPage \(fullPage))")
            }
            XCTAssertTrue(text.contains("The city council approved"))
        }
    }

    func testFullPageKeepsEverythingVisible() throws {
        let html = HTMLTestSupport.page(before: "<nav><a href=\"/news\">News section</a></nav>",
                                        after: "<footer><p>Footer line of the page.</p></footer>")
        let document = try HTMLTestSupport.read(html, fullPage: true)
        let text = HTMLTestSupport.text(document)
        XCTAssertTrue(text.contains("News section"))
        XCTAssertTrue(text.contains("Footer line of the page."))
        XCTAssertTrue(text.contains("renovation of 14 primary schools"))
    }

    func testTableLayoutPage() throws {
        let html = """
        <html><head><title>Ministry :: Budget approved</title></head><body><table width="780"><tr>
        <td class="menu"><a href="/">Home</a><br><a href="/press">Press</a><br><a href="/about">About us</a></td>
        <td><font size="2">\(HTMLTestSupport.articleParagraphs)</font></td></tr>
        <tr><td colspan="2">Copyright Ministry of Finance, all rights reserved</td></tr></table></body></html>
        """
        let document = try HTMLTestSupport.read(html)
        let text = HTMLTestSupport.text(document)
        XCTAssertTrue(text.contains("The city council approved"))
        XCTAssertFalse(text.contains("About us"))
        XCTAssertFalse(text.contains("Copyright Ministry"))
        XCTAssertFalse(document.blocks.contains { if case .table = $0 { return true }; return false }, "layout table flattened")
    }
}
