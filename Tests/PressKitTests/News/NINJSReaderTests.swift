import XCTest
@testable import PressKit

/// The ninjs reader takes its JSON as every JSON reader does and its HTML body as the HTML reader reads a
/// page's body.
final class NINJSReaderTests: XCTestCase {
    func testByteOrderMarkAndBodyHTMLAsThePageReaderReadsIt() throws {
        let item = #"{"headline": "Werk eröffnet", "body_html": "<p>Die Anlage ist fÃ¼r 200 Menschen. <a href=\"/mehr\">Mehr</a></p>"}"#
        let context = ConversionContext(options: ConversionOptions(), inputName: "item.ninjs.json")
        let document = try NINJSReader().read([0xEF, 0xBB, 0xBF] + Array(item.utf8), context: context)
        XCTAssertEqual(document.metadata.title, "Werk eröffnet")
        // Double-encoded UTF-8 repaired; a site-relative link with nothing to resolve it kept as text, said so.
        XCTAssertEqual(document.blocks, [.paragraph([.text("Die Anlage ist für 200 Menschen. Mehr")])])
        XCTAssertTrue(context.diagnostics.contains { $0.message.contains("site-relative links kept as text only") })
        XCTAssertThrowsError(try NINJSReader().read(Array("{\"headline\": \"a\u{0}\"}".utf8), context: context))
    }
}
