import XCTest
@testable import PressKit

/// The language-tag normaliser, the localisation table, the contact rule and the release order.
final class PresentationTests: XCTestCase {
    func testLanguageTags() {
        XCTAssertEqual(LanguageTag.normalized("de_DE.UTF-8"), "de-DE")
        XCTAssertEqual(LanguageTag.normalized(" en-us "), "en-US")
        XCTAssertEqual(LanguageTag.normalized("EN"), "en")
        XCTAssertEqual(LanguageTag.normalized("zh_hant_tw"), "zh-Hant-TW")
        XCTAssertEqual(LanguageTag.normalized("sr_RS@latin"), "sr-RS")
        XCTAssertEqual(LanguageTag.normalized("es-419"), "es-419")
        XCTAssertEqual(LanguageTag.normalized("de-CH-x-phonebk"), "de-CH-x-phonebk")
        XCTAssertNil(LanguageTag.normalized("C"))
        XCTAssertNil(LanguageTag.normalized("POSIX"))
        XCTAssertNil(LanguageTag.normalized("english language"))
        XCTAssertNil(LanguageTag.normalized(""))
        XCTAssertNil(LanguageTag.normalized(nil))
        XCTAssertEqual(LanguageTag.primary("pt_BR"), "pt")
        XCTAssertEqual(LanguageTag.region("pt_BR"), "BR")
        XCTAssertEqual(LanguageTag.withRegion("uk"), "uk-UA")
        XCTAssertEqual(LanguageTag.withRegion("de-AT"), "de-AT")
        // The three writers agree.
        for (given, lang) in [("de_DE.UTF-8", "de-DE"), ("C", "und")] {
            let page = Document(metadata: Metadata(language: given), blocks: [.paragraph([.text("x")])])
            let html = String(decoding: (try? HTMLWriter().write(page, context: ConversionContext(options: ConversionOptions()))) ?? [],
                              as: UTF8.self)
            XCTAssertTrue(html.contains("<html lang=\"\(lang)\">"), html)
        }
        XCTAssertEqual(DOCXWriter.wordLanguage("de_DE.UTF-8"), "de-DE")
        XCTAssertEqual(DOCXWriter.wordLanguage("de"), "de-DE")
        XCTAssertEqual(DOCXWriter.wordLanguage(nil), "en-US")
    }

    func testEveryLanguageHasEveryLabel() {
        XCTAssertEqual(ReleaseTerms.languages, ["de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru", "uk"])
        let english = ReleaseTerms.forLanguage("en")
        for language in ReleaseTerms.languages {
            let terms = ReleaseTerms.forLanguage(language)
            XCTAssertEqual(terms.language, language)
            let labels = [terms.mediaContact, terms.mediaContacts, terms.source, terms.embargoedUntil, terms.by,
                          terms.pressRelease, terms.pressReleases, terms.untitled, terms.image, terms.contents,
                          terms.landmarks, terms.cover, terms.titlePage, terms.startOfText]
            XCTAssertFalse(labels.contains { $0.isEmpty }, language)
            XCTAssertNotEqual(terms.mediaContact, terms.mediaContacts, language)
            if language != "en" { XCTAssertNotEqual(terms.mediaContacts, english.mediaContacts, language) }
            // Every language writes a day with its own month names.
            XCTAssertFalse(terms.day(year: 2024, month: 3, day: 5).contains("2024-03"), language)
        }
        XCTAssertEqual(ReleaseTerms.forLanguage("de_AT").embargoedUntil, "Sperrfrist bis")
        XCTAssertEqual(ReleaseTerms.forLanguage("fr").labeled("Source"), "Source :")
        XCTAssertEqual(ReleaseTerms.forLanguage(nil).day(year: 2024, month: 3, day: 5), "March 5, 2024")
        // A language not in the table: English words, ISO days.
        XCTAssertEqual(ReleaseTerms.forLanguage("sv").mediaContact, "Media contact")
        XCTAssertEqual(ReleaseTerms.forLanguage("sv").day(year: 2024, month: 3, day: 5), "2024-03-05")
        XCTAssertEqual(ReleaseTerms.forLanguage("fr").day(year: 2024, month: 3, day: 1), "1er mars 2024")
        XCTAssertEqual(ReleaseTerms.forLanguage("uk").day(year: 2024, month: 3, day: 5), "5 березня 2024 р.")
    }

    func testDatesWithTimes() {
        let de = ReleaseTerms.forLanguage("de")
        XCTAssertEqual(de.date("2024-03-05T10:00+01:00", time: true), "5. März 2024, 10:00 +01:00")
        XCTAssertEqual(de.date("2024-03-05T00:01:00Z", time: true), "5. März 2024, 00:01 UTC")
        XCTAssertEqual(de.date("2024-03-05T10:00+01:00"), "5. März 2024")
        XCTAssertEqual(de.date("2024-03-05", time: true), "5. März 2024")
        XCTAssertEqual(de.date(" next week "), "next week")
    }

    func testTheContactRule() {
        // Parsed from a block: the text as written, once, with the fields recognised inside it.
        let parsed = ContactLines(Contact(name: "Jane Doe", role: "Press", email: "j@x.example", phone: "+1 555",
                                          text: "Jane Doe, Press\nTel.: +1 555\nE-Mail: j@x.example"))
        XCTAssertEqual(parsed.lines, [
            [.name("Jane Doe"), .text(", Press")],
            [.text("Tel.: "), .phone("+1 555")],
            [.text("E-Mail: "), .email("j@x.example")],
        ])
        // Fields only: one line each, in the fixed order.
        let fields = ContactLines(Contact(name: "Max", role: "Sprecher", organization: "ACME", email: "m@a.example",
                                          phone: "030 1"))
        XCTAssertEqual(fields.plainLines, ["Max", "Sprecher", "ACME", "m@a.example", "030 1"])
        // Fields the text lacks come first, then the text (front matter with extra keys).
        let mixed = ContactLines(Contact(name: "Max", email: "m@a.example", text: "fax: 030 2"))
        XCTAssertEqual(mixed.lines, [[.name("Max")], [.email("m@a.example")], [.text("fax: 030 2")]])
        XCTAssertTrue(ContactLines(Contact(text: " \n ")).lines.isEmpty)
        let release = ReleasePresentation(Metadata(contacts: [Contact(), Contact(name: "A")], language: "de"))
        XCTAssertEqual(release.contacts.count, 1)
        XCTAssertEqual(release.contactsHeading, "Pressekontakt")
    }

    func testOneReleaseOrder() {
        let documents = ["2024-03-05", nil, "2024-01-01T10:00Z", "2024-03-05", "not a date", " 2023-12-31 "].map {
            Document(metadata: Metadata(date: $0))
        }
        XCTAssertEqual(ReleaseOrder.indices(documents), [5, 2, 0, 3, 1, 4])
        XCTAssertEqual(DOCXWriter.dateOrder(documents), ReleaseOrder.indices(documents))
        XCTAssertEqual(EPUBWriter.releaseOrder(documents).map(\.0), ReleaseOrder.indices(documents))
    }

    func testOneLanguageGuesser() {
        let german = Document(blocks: [.paragraph([.text(
            "Die Stadtwerke testen ab April sechs Busse. Die Fahrzeuge sind mit einer Begleitperson unterwegs, und der Test wird von der Universität ausgewertet, die auch die Daten für den Bericht sammelt.")])])
        XCTAssertEqual(LanguageGuesser.guess([german]), "de")
        XCTAssertNil(LanguageGuesser.guess([Document(blocks: [.paragraph([.text("ok")])])]))
    }
}
