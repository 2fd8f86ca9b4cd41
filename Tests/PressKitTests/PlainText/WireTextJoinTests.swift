import XCTest
@testable import PressKit

/// Hard-wrapped releases whose wrapping was misread: a short release with one wrapped line, a contact block
/// that outweighs the prose, a wrapped line that starts with "1. Juni" or a dash, a URL broken after a slash.
final class WireTextJoinTests: XCTestCase {
    private func text(_ s: String) throws -> Document {
        try Converter.read(Array(s.utf8), format: Formats.named("text")!, context: ConversionContext())
    }

    private func paragraphs(_ d: Document) -> [[Inline]] {
        d.blocks.compactMap { if case .paragraph(let c) = $0 { return c } else { return nil } }
    }

    func testShortReleaseWithOneWrappedLine() throws {
        let d = try text("""
        Bluefin Software Names New Chief Financial Officer

        SAN JOSE, Calif., /GLOBE NEWSWIRE/ -- Bluefin Software, Inc. today named
        Maria Chen as chief financial officer, effective November 1, 2024.
        """)
        XCTAssertEqual(d.metadata.dateline, "SAN JOSE, Calif.")
        let paras = paragraphs(d)
        XCTAssertEqual(paras.count, 1)
        XCTAssertEqual(paras.first?.plainText, "Bluefin Software, Inc. today named Maria Chen as chief financial officer, effective November 1, 2024.")
    }

    func testSpanishReleaseWithContactBlockIsJoined() throws {
        let d = try text("""
        La Fundación Aguaviva lanza un programa de becas para estudiantes rurales

        MADRID, 14 de febrero de 2024 – La Fundación Aguaviva ha presentado hoy un
        programa de becas dotado con 2 millones de euros para estudiantes de zonas
        rurales que quieran cursar estudios universitarios de ingeniería, según ha
        informado la entidad en un comunicado.

        Contacto de prensa:
        Lucía Gómez
        Responsable de Comunicación
        Tel.: +34 91 555 12 34
        lucia.gomez@aguaviva.example

        # # #
        """)
        XCTAssertEqual(d.metadata.dateline, "MADRID")
        XCTAssertEqual(d.metadata.date, "2024-02-14")
        let paras = paragraphs(d)
        XCTAssertEqual(paras.count, 1)
        XCTAssertFalse(paras[0].contains(.lineBreak), "\(paras[0])")
        XCTAssertTrue(paras[0].plainText.hasPrefix("La Fundación Aguaviva ha presentado hoy un programa de becas"))
        XCTAssertEqual(d.metadata.contacts.first?.name, "Lucía Gómez")
        XCTAssertEqual(d.metadata.contacts.first?.phone, "+34 91 555 12 34")
    }

    func testWrappedLinesStartingWithNumberOrDashContinue() throws {
        let d = try text("""
        Stadtbibliothek Verden erweitert Öffnungszeiten

        Verden an der Aller, 3. Mai 2024 – Die Stadtbibliothek Verden öffnet ab dem
        1. Juni auch sonntags. Zwischen 11 und 17 Uhr können Besucherinnen und
        Besucher dann Medien ausleihen, im Lesecafé arbeiten oder an Führungen
        teilnehmen. Die Ausweitung wird durch ehrenamtliche Helferinnen und Helfer
        möglich, die der Förderverein gewonnen hat – so die Leiterin der Bibliothek
        – und soll zunächst ein Jahr lang erprobt werden.

        Pressekontakt:
        Stadt Verden, Pressestelle, Telefon +49 4231 12345, presse@verden.example

        - Ende -
        """)
        XCTAssertEqual(d.metadata.dateline, "Verden an der Aller")
        XCTAssertEqual(d.blocks.count, 1, "\(d.blocks)")
        let text = paragraphs(d).first?.plainText ?? ""
        XCTAssertTrue(text.contains("öffnet ab dem 1. Juni auch sonntags"), text)
        XCTAssertTrue(text.contains("Leiterin der Bibliothek – und soll"), text)
        let contact = try XCTUnwrap(d.metadata.contacts.first)
        XCTAssertEqual(contact.organization, "Stadt Verden")
        XCTAssertEqual(contact.role, "Pressestelle")
        XCTAssertEqual(contact.phone, "+49 4231 12345")
        XCTAssertEqual(contact.email, "presse@verden.example")
        // A list after a colon still is a list.
        let list = try self.text("""
        Headline of the release

        The programme has three parts, which the council will put in place over
        the next two years, as follows:
        1. New bus lanes on the ring road
        2. Cheaper tickets for students
        """)
        XCTAssertTrue(list.blocks.contains { if case .orderedList = $0 { return true }; return false })
    }

    func testURLBrokenAfterSlashIsRejoined() throws {
        let d = try text("""
        Acme Robotics Introduces Picker X2

        PITTSBURGH, Oct. 2, 2024 /PRNewswire/ -- Acme Robotics, Inc. today announced
        the Picker X2. Details and photos are available at https://www.acme.example/products/
        picker-x2 and in the investor presentation the company published today on
        its website for shareholders and analysts.

        SOURCE Acme Robotics, Inc.
        """)
        let para = try XCTUnwrap(paragraphs(d).first)
        let targets = para.compactMap { if case .link(let l) = $0 { return l.target } else { return nil } }
        XCTAssertEqual(targets, ["https://www.acme.example/products/picker-x2"])
        XCTAssertTrue(para.plainText.contains("products/picker-x2 and in the investor"), para.plainText)
        // The issuer named by "SOURCE" keeps its "Inc.".
        XCTAssertEqual(d.metadata.organization, "Acme Robotics, Inc.")
    }

    func testGermanPlaceDateline() throws {
        let d = try text("""
        Windpark Nordheide liefert ersten Strom

        Karlsruhe/Nordheide. Der Windpark Nordheide ist am Montag ans Netz gegangen.
        Die zwölf Anlagen erzeugen im Jahr rund 160 Millionen Kilowattstunden Strom.
        """)
        XCTAssertEqual(d.metadata.dateline, "Karlsruhe/Nordheide")
        XCTAssertTrue(paragraphs(d).first?.plainText.hasPrefix("Der Windpark Nordheide") ?? false)
        // A sentence opening with a word of its own is no dateline.
        for opening in ["Update. Der Windpark ist am Montag ans Netz gegangen, teilte der Betreiber mit.",
                        "Finally. The wind farm went online on Monday, the operator said in a statement.",
                        "The U.S. economy added 200,000 jobs in March, the Labor Department said on Friday."] {
            XCTAssertNil(DatelineParser.parse(opening), opening)
        }
    }

    func testMojibakeNeverChangesCorrectFrenchSpacing() {
        // "aggravé »" with a no-break space before the guillemet is correct text, not mojibake.
        XCTAssertEqual(Mojibake.repair("« vol aggravé\u{00A0}» : la vidéo"), "« vol aggravé\u{00A0}» : la vidéo")
        XCTAssertEqual(Mojibake.repair("caf\u{00E9}\u{00A0}\u{00BB}"), "caf\u{00E9}\u{00A0}\u{00BB}")
        // Real mojibake around it is still repaired.
        XCTAssertEqual(Mojibake.repair("firearmsâ€™ owners"), "firearms’ owners")
        XCTAssertEqual(Mojibake.repair("æ—¥æœ¬èªž"), "日本語")
    }
}
