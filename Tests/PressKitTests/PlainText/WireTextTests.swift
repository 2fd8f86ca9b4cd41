import XCTest
@testable import PressKit

/// Wire-service releases as agencies send them: hard-wrapped at 60–80 columns, datelines with the
/// service's tag, photo notes and end marks.
final class WireTextTests: XCTestCase {
    private func text(_ s: String) throws -> Document {
        try Converter.read(Array(s.utf8), format: Formats.named("text")!, context: ConversionContext())
    }

    private func paragraphs(_ d: Document) -> [String] {
        d.blocks.compactMap { if case .paragraph(let c) = $0 { return c.plainText } else { return nil } }
    }

    func testPRNewswireWrappedAt72() throws {
        let release = """
        Acme Robotics Opens Second Assembly Plant in Western Pennsylvania

        PITTSBURGH, PA, October 2, 2024 /PRNewswire/ -- Acme Robotics, Inc.
        (NASDAQ: ACMR) today announced the opening of its second assembly plant
        in Westmoreland County, adding 240 jobs over the next two years. The
        plant will build the company's warehouse robots for customers in North
        America; details are at (https://acme-
        robotics.example/plant2).

        "This plant doubles our capacity," said Jane Doe, chief executive officer
        of Acme Robotics. "We chose the region for its engineering talent and its
        long history of manufacturing."

        [Photo: The new plant in Westmoreland County – img/plant.png]

        # # #
        """
        let d = try text(release)
        XCTAssertEqual(d.metadata.title, "Acme Robotics Opens Second Assembly Plant in Western Pennsylvania")
        XCTAssertEqual(d.metadata.date, "2024-10-02")
        XCTAssertEqual(d.metadata.dateline, "PITTSBURGH, PA")
        let paras = paragraphs(d)
        XCTAssertEqual(paras.count, 2)
        XCTAssertTrue(paras[0].hasPrefix("Acme Robotics, Inc. (NASDAQ: ACMR) today announced"))
        XCTAssertTrue(paras[0].contains("(https://acme-robotics.example/plant2)"))
        XCTAssertFalse(d.blocks.contains { if case .paragraph(let c) = $0 { return c.contains(.lineBreak) } else { return false } })
        guard case .figure(let figure)? = d.blocks.last else { return XCTFail("photo note is not a figure: \(d.blocks)") }
        XCTAssertEqual(figure.image.source, "img/plant.png")
        XCTAssertEqual(figure.caption.plainText, "The new plant in Westmoreland County")
    }

    func testOtherWireDatelines() throws {
        let cases: [(String, String?, String)] = [
            ("SAN JOSE, Calif.--(BUSINESS WIRE)--Beta Corp (NYSE: BETA) today reported revenue of $1.2 billion.",
             "SAN JOSE, Calif.", "Beta Corp"),
            ("TORONTO, March 4, 2024 /CNW/ - Maple Foods Inc. today announced a new plant in Ontario.", "TORONTO", "Maple Foods"),
            ("NEW YORK, March 4, 2024 /GLOBE NEWSWIRE/ -- Gamma Ltd. today announced its annual results.", "NEW YORK", "Gamma"),
            ("Berlin (ots) - Das Bundesministerium hat heute eine neue Förderrichtlinie veröffentlicht.", "Berlin", "Das Bundes"),
            ("Frankfurt (dpa-AFX) - Die Aktie legte am Vormittag um drei Prozent zu.", "Frankfurt", "Die Aktie"),
            ("Verden an der Aller (ots) - Die Polizei sucht Zeugen eines Unfalls.", "Verden an der Aller", "Die Polizei"),
            ("WASHINGTON, May 6, 2024 /PRNewswire-USNewswire/ -- The foundation today released its report.", "WASHINGTON", "The foundation"),
        ]
        for (line, place, start) in cases {
            let d = try text("Headline of the release\n\n" + line)
            XCTAssertEqual(d.metadata.dateline, place, line)
            XCTAssertTrue(paragraphs(d).first?.hasPrefix(start) ?? false, "\(line) → \(paragraphs(d))")
        }
        // A company name in parentheses is no wire tag: the sentence stays whole.
        let d = try text("Headline of the release\n\nAcme (NASDAQ: ACMR) - the robot maker - grew again this year.")
        XCTAssertNil(d.metadata.dateline)
    }

    func testWrappedFrenchAndGermanJoin() throws {
        let fr = """
        Lancement d'un nouveau service de transport à la demande

        PARIS, le 3 mars 2024 /GLOBE NEWSWIRE/ -- La société Mobilis annonce
        aujourd'hui le lancement d'un service de transport à la demande dans
        douze communes de la métropole, disponible sept jours sur sept et
        accessible aux personnes à mobilité réduite. Les réservations se font
        par téléphone ou sur l'application mobile de l'entreprise.

        -30-
        """
        let d = try text(fr)
        XCTAssertEqual(d.metadata.date, "2024-03-03")
        XCTAssertEqual(d.metadata.dateline, "PARIS")
        XCTAssertEqual(paragraphs(d).count, 1)
        XCTAssertTrue(paragraphs(d)[0].hasPrefix("La société Mobilis annonce aujourd'hui le lancement"))
        XCTAssertFalse(paragraphs(d)[0].contains("\n"))
    }

    func testPhotoNoteForms() {
        XCTAssertEqual(PhotoNotes.figure("[Foto: Ministerin beim Besuch (foto/besuch.jpg)]")?.image.source, "foto/besuch.jpg")
        XCTAssertEqual(PhotoNotes.figure("[Image: https://cdn.example.com/a.webp]")?.image.source, "https://cdn.example.com/a.webp")
        XCTAssertNil(PhotoNotes.figure("[Photo: available on request]"))
        XCTAssertNil(PhotoNotes.figure("[Note: see img/a.png]"))
    }
}
