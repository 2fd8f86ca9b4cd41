import Foundation
import XCTest
@testable import PressKit

/// A site's furniture set as the article's own text is left out: author boxes, newsletter offers, comment
/// rules, post-meta lines, "Also on …" teasers, the closing lines of a news site (follow the author, share,
/// agency credits, tags), photo credits in the lead figure, and image descriptions that only repeat text.
/// What the article says stays, and so do its lead and lead photo with the caption.
final class HTMLSiteFurnitureTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/HTMLArticles")

    private func page(_ id: String) throws -> Document {
        try HTMLTestSupport.read([UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(id + ".html"))))
    }

    private func figures(_ document: Document) -> [Figure] {
        document.blocks.compactMap { if case .figure(let f) = $0 { return f }; return nil }
    }

    private func images(_ document: Document) -> [Image] {
        var out: [Image] = []
        DocumentWalker.walk(document.blocks) { node in
            if case .inline(.image(let image)) = node { out.append(image) }
            return .visitChildren
        }
        return out
    }

    func testNewsSiteFurnitureInsideTheArticle() throws {
        let d = try page("news-furniture")
        let all = HTMLTestSupport.text(d)
        // The lead and the lead photo with its caption stay; the credit inside the caption goes.
        // (The lead is the release's subtitle, shown above the body.)
        XCTAssertEqual(d.metadata.subtitle?.hasPrefix("The bridge carries 40,000 vehicles a day"), true)
        XCTAssertEqual(figures(d).map(\.caption.plainText), ["Cracks in the eastern pier of the Harbour Bridge were found during an inspection in March."])
        XCTAssertEqual(figures(d).first?.image.source, "https://img.courier.example/2024/harbour-bridge.jpg")
        // The title as the lead photo's alt, and one alt on every photo of the story: emptied, the images kept.
        XCTAssertEqual(figures(d).first?.image.alt, "")
        XCTAssertEqual(images(d).map(\.alt), ["", ""])
        XCTAssertTrue(all.contains("The bridge will reopen on 27 May"))
        XCTAssertTrue(all.contains("Shops on Quay Street"))
        for gone in ["Tom Weller", "Also on courier.example", "Ferry timetable cut", "More:", "Mill Street crossing to get",
                     "Subscribe to the Courier", "right in your inbox", "Posted by", "Have a tip?", "Follow her on X",
                     "Reporting by", "Tags", "covers transport and city hall", "Comments are moderated", "All rights reserved"] {
            XCTAssertFalse(all.contains(gone), gone)
        }
    }

    /// A lead photo whose picture sits in a container named after its copyright line keeps the picture;
    /// only the credit goes.
    func testLeadPhotoInACopyrightContainer() throws {
        let html = HTMLTestSupport.page(before: """
        <div class="story"><h1>Budget approved</h1>
        <figure class="media-landscape no-caption lead"><span class="image-and-copyright-container"><img alt="Mayor Anna Berg" src="https://img.courier.example/berg.jpg"> <span class="story-image-copyright">Getty Images</span></span></figure>
        <div class="story-body">\(HTMLTestSupport.articleParagraphs)</div></div>
        """, article: "").replacingOccurrences(of: "<main><article><h1>Budget approved</h1></article></main>", with: "")
        let d = try HTMLTestSupport.read(html)
        XCTAssertEqual(HTMLTestSupport.references(d).filter { $0.hasSuffix(".jpg") }, ["https://img.courier.example/berg.jpg"])
        XCTAssertFalse(HTMLTestSupport.text(d).contains("Getty Images"))
        XCTAssertTrue(HTMLTestSupport.text(d).contains("renovation of 14 primary schools"))
    }

    func testBlogFurnitureInGerman() throws {
        let d = try page("blog-furniture-de")
        let all = HTMLTestSupport.text(d)
        XCTAssertTrue(all.contains("Bis Ende 2026 sollen alle 48 Stadtbusse"))
        XCTAssertTrue(all.contains("Die Umstellung kostet insgesamt 31 Millionen Euro"))
        // The figure stays with its caption; its alt only repeated the caption.
        XCTAssertEqual(figures(d).map(\.caption.plainText), ["Die ersten zwölf Elektrobusse auf dem Betriebshof an der Hafenstraße."])
        XCTAssertEqual(figures(d).map(\.image.alt), [""])
        for gone in ["Lesen Sie auch", "Windpark Nord liefert", "Newsletter abonnieren", "Posteingang", "Folgen Sie uns",
                     "Redaktionsteam", "Netiquette", "Impressum"] {
            XCTAssertFalse(all.contains(gone), gone)
        }
    }

    /// The rules look at short lines only, and the closing lines only at the article's end: running text
    /// that mentions a newsletter, comments or following someone stays.
    func testRunningTextWithTheSameWordsStays() throws {
        let article = HTMLTestSupport.articleParagraphs + """
        <p>Follow the money, the mayor told the council: the new budget puts more into schools than any budget since 2009.</p>
        <p>The council's own newsletter, which residents can subscribe to at the town hall, will print the full budget next month, together with a list of every school that is to be renovated and the dates of the works.</p>
        <p>Readers who leave a comment on the council's website are asked to keep to the point, and the clerk said that every comment would be read and answered before the final vote on the budget in the summer, as the rules require.</p>
        """
        let d = try HTMLTestSupport.read(HTMLTestSupport.page(article: article))
        let all = HTMLTestSupport.text(d)
        XCTAssertTrue(all.contains("Follow the money"))
        XCTAssertTrue(all.contains("The council's own newsletter"))
        XCTAssertTrue(all.contains("Readers who leave a comment"))
    }

    /// A heading or paragraph ending in a colon may open the sections under it; a paragraph ending in one
    /// at the article's end had its list taken away. A bare "More:" heading goes either way.
    func testHeadingsEndingInAColon() {
        let tips: Block = .heading(level: 2, content: [.text("5 Tips for a Healthy Game Day Party:")], id: nil)
        let first: Block = .heading(level: 3, content: [.text("1. Plan your plate")], id: nil)
        let body: Block = .paragraph([.text("Fill half of your plate with vegetables before anything else, and keep the chips on the other side of the room.")])
        var blocks = [body, tips, first, body]
        HTMLBodyNoise.remove(&blocks)
        XCTAssertEqual(blocks, [body, tips, first, body])
        // A paragraph ending in a colon over a heading may announce the sections; at the article's end it
        // announces nothing.
        let announce: Block = .paragraph([.text("Here is what to know:")])
        var sections = [body, announce, first, body]
        HTMLBodyNoise.remove(&sections)
        XCTAssertEqual(sections, [body, announce, first, body])
        var dangling: [Block] = [body, .paragraph([.text("Our earlier reports on the subject:")])]
        HTMLBodyNoise.remove(&dangling)
        XCTAssertEqual(dangling, [body])
        var more: [Block] = [body, .heading(level: 4, content: [.text("More:")], id: nil), body]
        HTMLBodyNoise.remove(&more)
        XCTAssertEqual(more, [body, body])
    }

    func testClosingLinesAndLabels() {
        XCTAssertTrue(HTMLBodyNoise.isClosingLine("follow newsbeat on instagram, facebook and youtube."))
        XCTAssertTrue(HTMLBodyNoise.isClosingLine("like this story? share it with a friend!"))
        XCTAssertTrue(HTMLBodyNoise.isClosingLine("(reporting by anna berg; editing by tom lind)"))
        XCTAssertTrue(HTMLBodyNoise.isClosingLine("associated press writers ann lee and bo kim contributed to this report."))
        XCTAssertTrue(HTMLBodyNoise.isClosingLine("schlagwörter: radwege, haushalt"))
        XCTAssertTrue(HTMLBodyNoise.isClosingLine("comments"))
        XCTAssertFalse(HTMLBodyNoise.isClosingLine("the minister will follow up on the report in may."))
        XCTAssertTrue(HTMLBodyNoise.isSignUpOrModeration("subscribe to the morning briefing newsletter"))
        XCTAssertTrue(HTMLBodyNoise.isSignUpOrModeration("inscrivez-vous à notre newsletter pour recevoir nos communiqués."))
        XCTAssertTrue(HTMLBodyNoise.isSignUpOrModeration("atenção: comentários ofensivos não serão aprovados pelo moderador."))
        XCTAssertFalse(HTMLBodyNoise.isSignUpOrModeration("the ministry's newsletter reached 40,000 readers last year."))
        XCTAssertTrue(HTMLBodyNoise.isSignUpOrModeration("start your week with the harbour briefing, the courier's round-up of shipping news, port jobs and ferry times, written by our transport desk. sign up for the free weekly newsletter."))
        XCTAssertTrue(HTMLBodyNoise.isPostMeta("posted by jane moss in transport | tags: bridge, buses"))
        XCTAssertTrue(HTMLBodyNoise.isPostMeta("publicado por: ana lima - categoria: saúde - tags: vacina"))
        XCTAssertFalse(HTMLBodyNoise.isPostMeta("the report, published by the ministry, lists 40 projects."))
    }

    /// An author box is furniture even inside an element named as the article's content; a long text
    /// under such a name (a whole profile page) is not.
    func testAuthorBox() throws {
        let bio = "<div class=\"author-bio-box\"><p>Anna Berg is the Courier's city hall reporter. She has covered the council, its budgets and its elections since 2011, and before that she worked for the regional radio station.</p></div>"
        let d = try HTMLTestSupport.read(HTMLTestSupport.page(article: HTMLTestSupport.articleParagraphs + bio))
        XCTAssertFalse(HTMLTestSupport.text(d).contains("city hall reporter"))
        XCTAssertTrue(HTMLTestSupport.text(d).contains("renovation of 14 primary schools"))
        XCTAssertTrue(BoilerplateHints.isAuthorBox("articlepage-authorinfo"))
        XCTAssertTrue(BoilerplateHints.isAuthorBox("contrib-bio"))
        XCTAssertTrue(BoilerplateHints.isAuthorBox("post-author"))
        XCTAssertFalse(BoilerplateHints.isAuthorBox("biology-news article-body"))
        XCTAssertFalse(BoilerplateHints.isAuthorBox("author-name"))
    }

    /// Alternative texts: a distinct description stays; one repeated on several images, the page's title,
    /// or the figure's caption again is emptied (the image itself stays).
    func testImageAltTexts() {
        var blocks: [Block] = [
            .paragraph([.image(Image(source: "a.jpg", alt: "Budget approved"))]),
            .paragraph([.text("The council met on Tuesday.")]),
            .paragraph([.image(Image(source: "b.jpg", alt: "Mayor Anna Berg at the council meeting"))]),
            .paragraph([.image(Image(source: "c.jpg", alt: "Council chamber image")), .image(Image(source: "d.jpg", alt: "Council chamber image"))]),
            .figure(Figure(image: Image(source: "e.jpg", alt: "School on Linden Street"), caption: [.text("School on Linden Street, to be renovated in 2025.")])),
            .figure(Figure(image: Image(source: "f.jpg", alt: "A tram at the depot"), caption: [.text("Line 4 reopens in May.")])),
        ]
        HTMLImageAlts.clean(&blocks, title: "Budget approved")
        var alts: [String] = []
        DocumentWalker.walk(blocks) { node in
            if case .inline(.image(let image)) = node { alts.append(image.alt) }
            if case .block(.figure(let figure)) = node { alts.append(figure.image.alt) }
            return .visitChildren
        }
        XCTAssertEqual(alts, ["", "Mayor Anna Berg at the council meeting", "", "", "", "A tram at the depot"])
    }
}
