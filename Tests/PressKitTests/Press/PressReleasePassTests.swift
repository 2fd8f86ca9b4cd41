import XCTest
@testable import PressKit

final class PressReleasePassTests: XCTestCase {
    private func text(_ s: String) throws -> Document {
        try Converter.read(Array(s.utf8), format: Formats.named("text")!, context: ConversionContext())
    }

    private func p(_ s: String) -> Block { .paragraph([.text(s)]) }

    // MARK: Headline and subtitle

    func testHeadlineAndSubtitle() throws {
        let doc = try text("Acme Opens Plant\n\nNew factory employs 300 people\n\nBERLIN, March 3, 2024 – Acme opened a plant.")
        XCTAssertEqual(doc.metadata.title, "Acme Opens Plant")
        XCTAssertEqual(doc.metadata.subtitle, "New factory employs 300 people")
        XCTAssertEqual(doc.blocks, [p("Acme opened a plant.")])
    }

    func testHeadlineAndSubtitleOnConsecutiveLines() throws {
        let doc = try text("Acme Opens Plant\nNew factory employs 300 people\n\nThe text.")
        XCTAssertEqual(doc.metadata.title, "Acme Opens Plant")
        XCTAssertEqual(doc.metadata.subtitle, "New factory employs 300 people")
    }

    func testTitleFromReaderIsKeptAndItsCopyRemoved() {
        var doc = Document(metadata: Metadata(title: "Acme Opens Plant"),
                           blocks: [.heading(level: 1, content: [.text("Acme  Opens Plant")], id: nil),
                                    .heading(level: 2, content: [.text("A subtitle")], id: nil), p("Body.")])
        doc = PressReleasePass().apply(to: doc)
        XCTAssertEqual(doc.metadata.title, "Acme Opens Plant")
        XCTAssertEqual(doc.metadata.subtitle, "A subtitle")
        XCTAssertEqual(doc.blocks, [p("Body.")])
        // A different first heading stays.
        let other = PressReleasePass().apply(to: Document(metadata: Metadata(title: "Site name"),
                                                          blocks: [.heading(level: 1, content: [.text("News")], id: nil)]))
        XCTAssertEqual(other.metadata.title, "Site name")
        XCTAssertEqual(other.blocks.count, 1)
    }

    func testSentencesAreNotHeadlines() throws {
        XCTAssertNil(try text("Time is not on the minister's side.\n\nMore.").metadata.title)
        XCTAssertNil(try text("Good morning! This is the news you need\n\nMore.").metadata.title)
        XCTAssertNil(try text("Tested by: John Milbank, more info: www.example.org\n\nMore.").metadata.title)
        XCTAssertEqual(try text("Acme Acquires Beta Corp.\n\nMore.").metadata.title, "Acme Acquires Beta Corp.")
        XCTAssertEqual(try text("Is This the End of Cash?\n\nMore.").metadata.title, "Is This the End of Cash?")
    }

    func testPlaceLineAboveTheTextIsADateline() throws {
        let doc = try text("BAAR, SWITZERLAND\n\nAscom announced a new solution.")
        XCTAssertEqual(doc.metadata.dateline, "BAAR, SWITZERLAND")
        XCTAssertNil(doc.metadata.title)
        XCTAssertEqual(doc.blocks, [p("Ascom announced a new solution.")])
    }

    func testSiteTitleGivesWayToTheFirstHeading() {
        let doc = PressReleasePass().apply(to: Document(metadata: Metadata(title: "Acme Opens Plant in Berlin | Acme Newsroom"),
                                                        blocks: [.heading(level: 1, content: [.text("Acme Opens Plant in Berlin")], id: nil),
                                                                 p("Body.")]))
        XCTAssertEqual(doc.metadata.title, "Acme Opens Plant in Berlin")
        XCTAssertEqual(doc.blocks, [p("Body.")])
    }

    func testLongFirstParagraphIsNotAHeadline() throws {
        let doc = try text("The ministry announced today that it will open a new office. It will be in Minsk.\n\nMore.")
        XCTAssertNil(doc.metadata.title)
        XCTAssertEqual(doc.blocks.count, 2)
    }

    // MARK: Datelines

    /// A lead photo in a paragraph of its own, then its caption: the dateline in the next paragraph is
    /// still found, as news pages put the photo above the text; a photo beside text counts as text.
    func testDatelineAfterALeadPhotoAndItsCaption() {
        let photo = Block.paragraph([.link(Link(target: "https://example.org/big.jpg",
                                                content: [.image(Image(source: "https://example.org/small.jpg")), .softBreak]))])
        let caption = p("Players celebrate in the empty stadium after the match")
        let doc = PressReleasePass().apply(to: Document(metadata: Metadata(title: "Silent stadiums as the league resumes"),
                                                        blocks: [photo, caption, p("DORTMUND, Germany (AP) — The league resumed on Saturday."), p("More text.")]))
        XCTAssertEqual(doc.metadata.dateline, "DORTMUND, Germany")
        XCTAssertEqual(doc.blocks, [photo, caption, p("The league resumed on Saturday."), p("More text.")])
        XCTAssertTrue(PressReleasePass.holdsPicturesOnly([.image(Image(source: "a.png")), .text(" ")]))
        XCTAssertFalse(PressReleasePass.holdsPicturesOnly([.image(Image(source: "a.png")), .text("Photo: AP")]))
        XCTAssertFalse(PressReleasePass.holdsPicturesOnly([.text(" ")]))
    }

    func testDatelineForms() {
        func check(_ line: String, place: String?, date: String?, rest: String, file: StaticString = #filePath, line l: UInt = #line) {
            let doc = PressReleasePass().apply(to: Document(metadata: Metadata(title: "T"), blocks: [p(line)]))
            XCTAssertEqual(doc.metadata.dateline, place, file: file, line: l)
            XCTAssertEqual(doc.metadata.date, date, file: file, line: l)
            XCTAssertEqual(doc.blocks, [p(rest)], file: file, line: l)
        }
        check("BERLIN, March 3, 2024 – Acme today announced.", place: "BERLIN", date: "2024-03-03", rest: "Acme today announced.")
        check("MINSK, 21 September 2021 — The ministry said.", place: "MINSK", date: "2021-09-21", rest: "The ministry said.")
        check("NEW YORK--(BUSINESS WIRE)--Northgate Payments Corp. reported.", place: "NEW YORK", date: nil,
              rest: "Northgate Payments Corp. reported.")
        check("NEW YORK, March 12, 2024 /PRNewswire/ -- Acme Corp. said.", place: "NEW YORK", date: "2024-03-12",
              rest: "Acme Corp. said.")
        check("SAN FRANCISCO, Calif., Jan. 9, 2024 - Acme said.", place: "SAN FRANCISCO, Calif.", date: "2024-01-09", rest: "Acme said.")
        check("Berlin, 3. März 2024 – Die Stadtwerke testen.", place: "Berlin", date: "2024-03-03", rest: "Die Stadtwerke testen.")
        check("Paris, le 12 juin 2024 – La Bibliothèque ouvre.", place: "Paris", date: "2024-06-12", rest: "La Bibliothèque ouvre.")
        check("Madrid, 3 de marzo de 2024 – El servicio alcanzó.", place: "Madrid", date: "2024-03-03", rest: "El servicio alcanzó.")
        check("Минск, 21 сентября 2021 г. – Сегодня открылся центр.", place: "Минск", date: "2021-09-21", rest: "Сегодня открылся центр.")
        check("LONDON, 5 March 2024: The agency said.", place: "LONDON", date: "2024-03-05", rest: "The agency said.")
        check("March 3, 2024 – Acme today announced.", place: nil, date: "2024-03-03", rest: "Acme today announced.")
        check("WASHINGTON — The agency said.", place: "WASHINGTON", date: nil, rest: "The agency said.")
    }

    func testNotDatelines() {
        for line in ["The company – founded in 1990 – said.", "Acme, the maker of widgets – and more – said.",
                     "Today the agency said. BERLIN – no."] {
            let doc = PressReleasePass().apply(to: Document(metadata: Metadata(title: "T"), blocks: [p(line)]))
            XCTAssertNil(doc.metadata.dateline, line)
            XCTAssertEqual(doc.blocks, [p(line)])
        }
    }

    func testDatelineKeepsLinksAndMarkup() {
        let doc = PressReleasePass().apply(to: Document(metadata: Metadata(title: "T"), blocks: [
            .paragraph([.strong([.text("BERLIN")]), .text(", March 3, 2024 – "),
                        .link(Link(target: "https://acme.example", content: [.text("Acme")])), .text(" said.")]),
        ]))
        XCTAssertEqual(doc.metadata.dateline, "BERLIN")
        XCTAssertEqual(doc.blocks, [.paragraph([.link(Link(target: "https://acme.example", content: [.text("Acme")])), .text(" said.")])])
    }

    func testWireDatelineOnItsOwnLine() throws {
        let doc = try text("Headline Here\n\nNEW YORK--(BUSINESS WIRE)--\nAcme said today.")
        XCTAssertEqual(doc.metadata.dateline, "NEW YORK")
        XCTAssertEqual(doc.blocks, [p("Acme said today.")])
    }

    // MARK: Dates and year evidence

    func testSeedDateYearFromSourceURL() throws {
        let doc = try text("Minister Took Part\n\nToday, on September 21, the Minister took part.\n\nSource URL: <https://www.mpt.gov.by/news/21-09-2021-7488>")
        XCTAssertEqual(doc.metadata.date, "2021-09-21")
        XCTAssertEqual(doc.metadata.dateSource, "text, year from source URL")
        XCTAssertEqual(doc.metadata.source, "https://www.mpt.gov.by/news/21-09-2021-7488")
    }

    func testYearFromCopyrightLine() throws {
        let doc = try text("Title\n\nOn 12 June the library opened.\n\n© 2019–2022 Bibliothèque de la Rive")
        XCTAssertEqual(doc.metadata.date, "2022-06-12")
        XCTAssertEqual(doc.metadata.dateSource, "text, year from copyright line")
    }

    func testYearFromAnotherDateWithTheSameDay() throws {
        let doc = try text("Title\n\nOn March 3 the plant opened.\n\nThe agreement of 1 May 2023 and the plan of 03.03.2024 apply.")
        XCTAssertEqual(doc.metadata.date, "2024-03-03")
        XCTAssertEqual(doc.metadata.dateSource, "text, year from another date in the text")
    }

    func testPartialDatelineYearFromURLPath() throws {
        let doc = try text("Title\n\nBERLIN, March 3 – Acme said.\n\nSource: https://acme.example/news/2024/acme-said")
        XCTAssertEqual(doc.metadata.date, "2024-03-03")
        XCTAssertEqual(doc.metadata.dateSource, "dateline, year from source URL")
    }

    func testDateOnlyFromURL() throws {
        let doc = try text("Title\n\nAcme said things.\n\nSource URL: https://acme.example/2023/11/05/acme-said")
        XCTAssertEqual(doc.metadata.date, "2023-11-05")
        XCTAssertEqual(doc.metadata.dateSource, "source URL")
        // The URL forms the HTML reader reads: one run of eight digits, and a date in day-month-year order.
        let compact = try text("Title\n\nAcme said things.\n\nSource URL: https://acme.example/news/20210921-new-plant")
        XCTAssertEqual(compact.metadata.date, "2021-09-21")
        let dayFirst = try text("Title\n\nAcme said things.\n\nSource URL: https://acme.example/news/21-09-2021-7488")
        XCTAssertEqual(dayFirst.metadata.date, "2021-09-21")
    }

    func testDateLineAboveHeadlineAndReaderDateWins() throws {
        let doc = try text("March 12, 2024\n\nHeadline\n\nBody text.")
        XCTAssertEqual(doc.metadata.date, "2024-03-12")
        XCTAssertEqual(doc.metadata.title, "Headline")
        let kept = PressReleasePass().apply(to: Document(metadata: Metadata(date: "2020-01-01", dateSource: "json-ld"),
                                                         blocks: [p("T"), p("BERLIN, March 3, 2024 – Text.")]))
        XCTAssertEqual(kept.metadata.date, "2020-01-01")
        XCTAssertEqual(kept.metadata.dateline, "BERLIN")
    }

    // MARK: Labels and embargo

    func testReleaseLabelsAndEmbargo() throws {
        let doc = try text("FOR IMMEDIATE RELEASE\n\nEMBARGOED UNTIL 00:01 GMT, Tuesday 5 March 2024\n\nHeadline\n\nText.")
        XCTAssertEqual(doc.metadata.title, "Headline")
        XCTAssertEqual(doc.metadata.embargo, "2024-03-05T00:01Z")
        XCTAssertEqual(doc.blocks, [p("Text.")])
        let de = try text("Sperrfrist: 5. März 2024, 10:00 Uhr MEZ\n\nÜberschrift\n\nText.")
        XCTAssertEqual(de.metadata.embargo, "2024-03-05T10:00+01:00")
        let pm = try text("Embargo: 9:30 a.m. EDT, June 4, 2024\n\nHeadline\n\nText.")
        XCTAssertEqual(pm.metadata.embargo, "2024-06-04T09:30-04:00")
    }

    // MARK: Source lines

    func testSourceLines() throws {
        let doc = try text("Title\n\nBody.\n\nSource URL: <https://example.org/a>")
        XCTAssertEqual(doc.metadata.source, "https://example.org/a")
        XCTAssertEqual(doc.blocks, [p("Body.")])
        let named = try text("Title\n\nBody.\n\nSource: Acme Corp.")
        // "Corp." is the company's abbreviation: its stop stays; a sentence's stop goes.
        XCTAssertEqual(named.metadata.organization, "Acme Corp.")
        XCTAssertEqual(try text("Title\n\nBody.\n\nSource: Ministry of Transport.").metadata.organization, "Ministry of Transport")
        XCTAssertEqual(named.blocks, [p("Body.")])
        // A "Source:" attribution early in a long release stays.
        let early = try text("Title\n\nSource: ministry statistics.\n\nA.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.")
        XCTAssertEqual(early.blocks.count, 7)
    }

    // MARK: Contacts

    func testContactBlockAfterLabelLine() throws {
        let doc = try text("Title\n\nBody.\n\nMedia contact:\nDana Whitfield\nHead of Communications, Lumenvale Inc.\n+1 415 555 0142\npress@lumenvale.example\n\n###\n")
        XCTAssertEqual(doc.metadata.contacts, [Contact(name: "Dana Whitfield", role: "Head of Communications",
                                                       organization: "Lumenvale Inc.", email: "press@lumenvale.example",
                                                       phone: "+1 415 555 0142",
                                                       text: "Dana Whitfield\nHead of Communications, Lumenvale Inc.\n+1 415 555 0142\npress@lumenvale.example")])
        XCTAssertEqual(doc.blocks, [p("Body.")])
    }

    func testInlineContactAndHeadingContacts() throws {
        let inline = try text("Title\n\nBody.\n\nPress contact: Léa Fontaine, Communications Officer, +41 22 555 01 87, media@cwa.example")
        XCTAssertEqual(inline.metadata.contacts.first?.name, "Léa Fontaine")
        XCTAssertEqual(inline.metadata.contacts.first?.role, "Communications Officer")
        XCTAssertEqual(inline.metadata.contacts.first?.phone, "+41 22 555 01 87")
        XCTAssertEqual(inline.metadata.contacts.first?.email, "media@cwa.example")
        let heading = try text("Title\n\nBody.\n\nMEDIA CONTACTS\n\nRuth Ellery\nPress Officer\nr.ellery@uni.example\n\nOwen Pask\n+44 1223 555 027\n\nABOUT US\n\nWe are.")
        XCTAssertEqual(heading.metadata.contacts.map(\.name), ["Ruth Ellery", "Owen Pask"])
        XCTAssertEqual(heading.blocks, [p("Body."), .heading(level: 2, content: [.text("ABOUT US")], id: nil), p("We are.")])
    }

    func testBodyContactAlreadyInFrontMatterIsMergedNotRepeated() throws {
        let markdown = """
        ---
        title: T
        contacts:
          - name: Ingrid Halvorsen
            email: press@port.example
        ---

        Body.

        **Media contact**
        Ingrid Halvorsen, Head of Communications
        PRESS@port.example · +47 55 01 23 45

        Press contact: Ola Nordmann, ola@port.example
        """
        let doc = try Converter.read(Array(markdown.utf8), format: Formats.named("markdown")!, context: ConversionContext())
        XCTAssertEqual(doc.metadata.contacts.count, 2, "\(doc.metadata.contacts)")
        XCTAssertEqual(doc.metadata.contacts.first?.name, "Ingrid Halvorsen")
        XCTAssertEqual(doc.metadata.contacts.first?.email, "press@port.example")
        XCTAssertEqual(doc.metadata.contacts.first?.role, "Head of Communications")
        XCTAssertEqual(doc.metadata.contacts.first?.phone, "+47 55 01 23 45")
        XCTAssertEqual(doc.metadata.contacts.last?.email, "ola@port.example")
        XCTAssertEqual(doc.blocks, [p("Body.")])
        // Two people of one block who share the press inbox stay two people.
        let shared = try text("Title\n\nBody.\n\nMedia contacts:\nJane Doe, +1 555 0100, press@acme.example\n\nJohn Roe, +1 555 0101, press@acme.example")
        XCTAssertEqual(shared.metadata.contacts.count, 2, "\(shared.metadata.contacts)")
    }

    func testNameAndRoleOnOneLine() throws {
        let doc = try text("Title\n\nBody.\n\nMedia contact:\nSam Ortega, Communications Manager\nHelix Robotics, Inc.\nsam.ortega@riverton.example\n+1 541 555 0142")
        XCTAssertEqual(doc.metadata.contacts, [Contact(name: "Sam Ortega", role: "Communications Manager",
                                                       organization: "Helix Robotics, Inc.", email: "sam.ortega@riverton.example",
                                                       phone: "+1 541 555 0142",
                                                       text: "Sam Ortega, Communications Manager\nHelix Robotics, Inc.\nsam.ortega@riverton.example\n+1 541 555 0142")])
    }

    func testGermanContact() throws {
        let doc = try text("Titel\n\nText.\n\nPressekontakt:\nJonas Albrecht\nPressesprecher\nTel.: +49 30 555 01 23\nE-Mail: presse@example.de")
        XCTAssertEqual(doc.metadata.contacts, [Contact(name: "Jonas Albrecht", role: "Pressesprecher", email: "presse@example.de",
                                                       phone: "+49 30 555 01 23",
                                                       text: "Jonas Albrecht\nPressesprecher\nTel.: +49 30 555 01 23\nE-Mail: presse@example.de")])
    }

    func testContactWordInProseStays() throws {
        let doc = try text("Title\n\nContact: the ministry will publish the full list of projects on its website later this month, together with the criteria used.")
        XCTAssertTrue(doc.metadata.contacts.isEmpty)
        XCTAssertEqual(doc.blocks.count, 1)
    }

    // MARK: End marks

    func testEndMarks() throws {
        for mark in ["###", "# # #", "-30-", "- 30 -", "- END -", "-ends-", "ENDS", "– ENDS –"] {
            let doc = try text("Title\n\nBody.\n\n\(mark)\n\nNotes to editors.")
            XCTAssertEqual(doc.blocks, [p("Body."), p("Notes to editors.")], mark)
        }
        let markdownShapes = PressReleasePass().apply(to: Document(blocks: [
            p("Title"), p("Body."), .heading(level: 3, content: [], id: nil),
            .bulletList(ListBlock(items: [ListItem(blocks: [p("END -")])])),
        ]))
        XCTAssertEqual(markdownShapes.blocks, [p("Body.")])
        let notMarks = try text("Title\n\nThe end.\n\n30 days.")
        XCTAssertEqual(notMarks.blocks.count, 2)
    }

    // MARK: About, language, structure

    func testAboutLineBecomesHeadingAndSetsOrganization() throws {
        let doc = try text("Title\n\nBody.\n\nAbout Lumenvale\nLumenvale Inc. designs batteries.")
        XCTAssertEqual(doc.metadata.organization, "Lumenvale")
        XCTAssertEqual(doc.blocks, [p("Body."), .heading(level: 2, content: [.text("About Lumenvale")], id: nil),
                                    p("Lumenvale Inc. designs batteries.")])
        let caps = try text("Title\n\nBody.\n\nABOUT THE UNIVERSITY OF FENMOOR\n\nThe University of Fenmoor is old.")
        XCTAssertEqual(caps.metadata.organization, "University of Fenmoor")
        let prose = try text("Title\n\nAbout 40 percent of shops closed.")
        XCTAssertNil(prose.metadata.organization)
    }

    func testLanguageGuess() throws {
        XCTAssertEqual(try text("Titel\n\nDie Stadt hat heute mit dem Bau der neuen Brücke begonnen, die auch für Radfahrer offen ist.").metadata.language, "de")
        XCTAssertEqual(try text("Titre\n\nLa ville a commencé aujourd'hui la construction du pont qui sera ouvert aux cyclistes et aux piétons dans les deux sens.").metadata.language, "fr")
        XCTAssertEqual(try text("Título\n\nLa ciudad comenzó hoy la construcción del puente que estará abierto para los ciclistas y los peatones.").metadata.language, "es")
        XCTAssertEqual(try text("Заголовок\n\nСегодня в городе началось строительство нового моста через реку.").metadata.language, "ru")
        XCTAssertEqual(try text("Title\n\nThe city has started the construction of the bridge that will be open to cyclists.").metadata.language, "en")
        let given = PressReleasePass().apply(to: Document(metadata: Metadata(language: "de-AT"), blocks: [p("The city and the bridge of the river.")]))
        XCTAssertEqual(given.metadata.language, "de-AT")
    }

    func testPassLooksInsideDivisions() {
        let doc = PressReleasePass().apply(to: Document(blocks: [
            .division(role: "article", blocks: [
                .heading(level: 1, content: [.text("Headline")], id: nil),
                p("MINSK, 21 September 2021 — Text."),
                .division(role: nil, blocks: [p("###")]),
            ]),
        ]))
        XCTAssertEqual(doc.metadata.title, "Headline")
        XCTAssertEqual(doc.metadata.date, "2021-09-21")
        XCTAssertEqual(doc.blocks, [.division(role: "article", blocks: [p("Text.")])])
    }

    func testMarkdownShapesWithSoftBreaks() {
        let doc = PressReleasePass().apply(to: Document(blocks: [
            .paragraph([.text("FOR IMMEDIATE RELEASE"), .softBreak, .text("Headline")]),
            .paragraph([.text("Body.")]),
            .paragraph([.strong([.text("About Acme")]), .softBreak, .text("Acme makes"), .softBreak, .text("things.")]),
            .paragraph([.strong([.text("Media contact:")]), .softBreak, .text("Jane Doe"), .softBreak,
                        .link(Link(target: "mailto:jane@acme.example", content: [.text("jane@acme.example")]))]),
            .paragraph([.text("Source: "), .link(Link(target: "https://acme.example/news/1", content: [.text("acme.example")])),
                        .softBreak, .text("Kept line.")]),
        ]))
        XCTAssertEqual(doc.metadata.title, "Headline")
        XCTAssertEqual(doc.metadata.organization, "Acme")
        XCTAssertEqual(doc.metadata.source, "https://acme.example/news/1")
        XCTAssertEqual(doc.metadata.contacts.map(\.name), ["Jane Doe"])
        XCTAssertEqual(doc.metadata.contacts.map(\.email), ["jane@acme.example"])
        XCTAssertEqual(doc.blocks, [
            p("Body."), .heading(level: 2, content: [.text("About Acme")], id: nil),
            .paragraph([.text("Acme makes"), .softBreak, .text("things.")]), p("Kept line."),
        ])
    }

    func testMediaRelationsLabel() throws {
        let doc = try text("Title\n\nBody.\n\nMedia Relations\nAcme Press Office\n+44 20 5550 1234\npress@acme.example")
        XCTAssertEqual(doc.metadata.contacts.first?.organization, "Acme Press Office")
        XCTAssertEqual(doc.metadata.contacts.first?.phone, "+44 20 5550 1234")
        XCTAssertEqual(doc.blocks, [p("Body.")])
    }

    func testPassIsIdempotent() throws {
        let once = try text("FOR IMMEDIATE RELEASE\n\nHeadline\n\nSub line here\n\nBERLIN, March 3, 2024 – Text.\n\nMedia contact: Jane Doe, jane@acme.example\n\n###")
        XCTAssertEqual(PressReleasePass().apply(to: once), once)
    }
}
