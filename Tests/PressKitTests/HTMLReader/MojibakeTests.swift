import XCTest
@testable import PressKit

/// Double-encoded UTF-8 repaired when the evidence is clear; correct text never "repaired".
final class MojibakeTests: XCTestCase {
    func testRepairs() {
        XCTAssertEqual(Mojibake.repair("New rules for firearmsâ€™ owners"), "New rules for firearms’ owners")
        XCTAssertEqual(Mojibake.repair("Freundliche GrÃ¼ÃŸe aus KÃ¶ln"), "Freundliche Grüße aus Köln")
        XCTAssertEqual(Mojibake.repair("the \u{00E2}\u{0080}\u{0099}quote\u{00E2}\u{0080}\u{009D}"), "the ’quote”")
        XCTAssertEqual(Mojibake.repair("CafÃ© crÃ¨me â€“ 3 â‚¬"), "Café crème – 3 €")
    }

    func testCorrectTextIsKept() {
        for text in ["Grüße aus Köln", "naïve café — ok", "Привет, мир", "SÃO PAULO", "Straße „Am Ölberg“",
                     "日本語のテキスト", "Ærø · Å", "ä°C"] {
            XCTAssertEqual(Mojibake.repair(text), text, text)
        }
    }

    func testPageTitleAndTextAreRepaired() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>MinistÃ¨re: nouvelle rÃ¨gle</title></head><body><main><article>
        <h1>MinistÃ¨re: nouvelle rÃ¨gle</h1><p>Le ministÃ¨re publie aujourdâ€™hui une rÃ¨gle pour les associations, qui entre en vigueur au printemps prochain.</p>
        </article></main></body></html>
        """
        let d = try HTMLTestSupport.read(html)
        XCTAssertEqual(d.metadata.title, "Ministère: nouvelle règle")
        XCTAssertTrue(HTMLTestSupport.text(d).contains("Le ministère publie aujourd’hui une règle"))
    }
}
