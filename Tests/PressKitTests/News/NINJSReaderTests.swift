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

    /// presskit's own ninjs contact comes back: the name, e-mail and phone as fields, the role, the
    /// organisation and an address (the `address` lines of ninjs 2.x and 3.x) as the contact's text lines.
    func testContactsWrittenAsNinjsReadBack() throws {
        var document = Document(metadata: Metadata(title: "Neue Busse"), blocks: [.paragraph([.text("Text.")])])
        document.metadata.contacts = [
            Contact(name: "Jan Wolf", role: "Pressesprecher", organization: "Stadt Verden",
                    email: "presse@verden.example", phone: "+49 4231 12-0"),
            Contact(name: "Anna Berger", email: "a.berger@example.org", phone: "+49 30 555 01 24",
                    text: "Anna Berger\nHauptstraße 5, 10115 Berlin\nTel.: +49 30 555 01 24\nE-Mail: a.berger@example.org"),
        ]
        for version in [NINJSVersion.v2_2, .v3_1] {
            var options = ConversionOptions()
            options.news.ninjsVersion = version
            let written = try NINJSWriter().write(document, context: ConversionContext(options: options, inputName: "a.md"))
            let read = try NINJSReader().read(written, context: ConversionContext(options: ConversionOptions(), inputName: "a.json"))
            XCTAssertEqual(read.metadata.contacts, [
                Contact(name: "Jan Wolf", email: "presse@verden.example", phone: "+49 4231 12-0",
                        text: "Pressesprecher\nStadt Verden"),
                Contact(name: "Anna Berger", email: "a.berger@example.org", phone: "+49 30 555 01 24",
                        text: "Hauptstraße 5, 10115 Berlin"),
            ], "\(version)")
        }
    }
}
