import XCTest
@testable import PressKit

/// Contact lines whose fields carry labels with or without a colon, in several languages.
final class ContactLabelTests: XCTestCase {
    private func text(_ s: String) throws -> Document {
        try Converter.read(Array(s.utf8), format: Formats.named("text")!, context: ConversionContext())
    }

    func testRoleThenLabelledPhoneAndMailOnOneLine() throws {
        let doc = try text("Titel\n\nDas Ministerium fördert neue Projekte.\n\nPressekontakt:\nPressestelle, Telefon +49 30 1234567, presse@example.gov")
        XCTAssertEqual(doc.metadata.contacts.count, 1)
        let c = try XCTUnwrap(doc.metadata.contacts.first)
        XCTAssertEqual(c.role, "Pressestelle")
        XCTAssertEqual(c.phone, "+49 30 1234567")
        XCTAssertEqual(c.email, "presse@example.gov")
        XCTAssertNil(c.organization)
    }

    func testLabelsWithoutColon() {
        XCTAssertEqual(ContactParser.stripFieldLabel("Tel. 030 1234 567"), "030 1234 567")
        XCTAssertEqual(ContactParser.stripFieldLabel("Phone +1 412 555 0100"), "+1 412 555 0100")
        XCTAssertEqual(ContactParser.stripFieldLabel("Mobil 0171 2345678"), "0171 2345678")
        XCTAssertEqual(ContactParser.stripFieldLabel("Courriel presse@mobilis.example"), "presse@mobilis.example")
        XCTAssertEqual(ContactParser.stripFieldLabel("Tél. : +33 1 23 45 67 89"), "+33 1 23 45 67 89")
        // A word that only looks like a label stays.
        XCTAssertEqual(ContactParser.stripFieldLabel("Telefonservice der Stadt"), "Telefonservice der Stadt")
        XCTAssertEqual(ContactParser.stripFieldLabel("Phone lines are open"), "Phone lines are open")
    }

    func testFaxIsNotThePhone() throws {
        let doc = try text("Title\n\nBody text of the release.\n\nContact presse :\nMarie Dupont\nFax : +33 1 23 45 67 00\nTél. : +33 1 23 45 67 89\nCourriel : presse@mobilis.example")
        let c = try XCTUnwrap(doc.metadata.contacts.first)
        XCTAssertEqual(c.name, "Marie Dupont")
        XCTAssertEqual(c.phone, "+33 1 23 45 67 89")
        XCTAssertEqual(c.email, "presse@mobilis.example")
        XCTAssertTrue(c.text?.contains("Fax : +33 1 23 45 67 00") ?? false)
    }
}
