import XCTest
@testable import PressKit

/// `--fragment` with the plain-text writer: the body's text only, as an article extractor gives it.
final class PlainTextFragmentTests: XCTestCase {
    func testFragmentWritesBodyTextOnly() throws {
        var options = ConversionOptions()
        options.fragment = true
        let document = Document(
            metadata: Metadata(title: "Headline", date: "2021-09-21", dateline: "MINSK",
                               contacts: [Contact(name: "Jane Doe", email: "jane@example.org")],
                               source: "https://example.org/news/1"),
            blocks: [.paragraph([.text("Read the "), .link(Link(target: "https://itu.int", content: [.text("ITU page")])), .text(".")])])
        let text = String(decoding: try PlainTextWriter().write(document, context: ConversionContext(options: options)), as: UTF8.self)
        XCTAssertEqual(text, "Read the ITU page.\n")
        let full = String(decoding: try PlainTextWriter().write(document, context: ConversionContext()), as: UTF8.self)
        XCTAssertTrue(full.hasPrefix("Headline\nMINSK, 2021-09-21\n"))
        XCTAssertTrue(full.contains("ITU page <https://itu.int>"))
        XCTAssertTrue(full.contains("Source: https://example.org/news/1"))
    }
}
