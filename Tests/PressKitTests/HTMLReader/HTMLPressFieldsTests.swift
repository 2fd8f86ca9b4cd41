import Foundation
import XCTest
@testable import PressKit

/// Press fields on web pages built after the public layouts of ministries, companies, NGOs and utilities
/// (Fixtures/PressPages, written for these tests): the headline without site name or section label, the
/// standfirst, the dateline, the publisher and the press contact, also from a box beside the article.
final class HTMLPressFieldsTests: XCTestCase {
    private func page(_ name: String) throws -> [UInt8] {
        let url = FixtureFiles.repositoryRoot.appendingPathComponent("Tests/PressKitTests/Fixtures/PressPages/\(name)")
        return Array(try Data(contentsOf: url))
    }

    /// A page through the whole reading pipeline (reader and press pass), as the command line reads it.
    private func read(_ bytes: [UInt8]) throws -> Document {
        try Converter.read(bytes, format: Formats.named("html")!, context: ConversionContext())
    }

    private func read(_ html: String) throws -> Document { try read(Array(html.utf8)) }

    private func bodyText(_ d: Document) -> String { d.blocks.map(\.plainText).joined(separator: "\n") }

    func testMinistryPage() throws {
        let d = try read(try page("ministry-de.html"))
        // "Pressemitteilung: … - Bundesministerium …" in <title>: neither label nor ministry in the title.
        XCTAssertEqual(d.metadata.title, "Förderprogramm für klimafreundliche Schulgebäude startet")
        // A lead of two sentences is the text's opening, not a standfirst: it stays in the body.
        XCTAssertNil(d.metadata.subtitle)
        XCTAssertEqual(d.metadata.organization, "Bundesministerium für Bildung und Familie")
        // The press office's box in the sidebar, not the ministry's switchboard in the footer.
        XCTAssertEqual(d.metadata.contacts.count, 1)
        XCTAssertEqual(d.metadata.contacts.first?.role, "Pressestelle")
        XCTAssertEqual(d.metadata.contacts.first?.phone, "+49 30 18 555-1234")
        XCTAssertEqual(d.metadata.contacts.first?.email, "presse@bmbf.example")
        let body = bodyText(d)
        XCTAssertFalse(body.contains("Pressemitteilung 045/2024"))
        XCTAssertTrue(body.hasPrefix("Ab Juni können Kommunen Fördermittel"), body)
        XCTAssertTrue(body.contains("Das Bundesministerium für Bildung und Familie startet"))
    }

    func testCompanyNewsroomPage() throws {
        let d = try read(try page("company-en.html"))
        XCTAssertEqual(d.metadata.title, "Acme Robotics Introduces Picker X2 Autonomous Warehouse Robot")
        XCTAssertEqual(d.metadata.subtitle, "New model picks 40 percent more items per hour and works beside people without floor changes")
        XCTAssertEqual(d.metadata.dateline, "PITTSBURGH")
        XCTAssertEqual(d.metadata.date, "2024-10-02")
        XCTAssertEqual(d.metadata.organization, "Acme Robotics, Inc.")
        XCTAssertEqual(d.metadata.contacts, [Contact(name: "Jordan Lee", role: "Director of Communications", email: "press@acme-robotics.example",
                                                     phone: "+1 412-555-0188",
                                                     text: "Jordan Lee\nDirector of Communications\n+1 412-555-0188\npress@acme-robotics.example")])
        let body = bodyText(d)
        XCTAssertFalse(body.contains("Media Contact"))
        XCTAssertFalse(body.contains("press@acme-robotics.example"), "the contact is in the metadata only")
        XCTAssertTrue(body.hasPrefix("Acme Robotics, Inc. (NASDAQ: ACMR) today announced"))
    }

    func testNGOPageWithSectionHeading() throws {
        let d = try read(try page("ngo-fr.html"))
        // The h1 is the section's name ("Communiqués de presse"); the headline is the article's h2.
        XCTAssertEqual(d.metadata.title, "La forêt de Brocéliande menacée par la sécheresse")
        XCTAssertEqual(d.metadata.subtitle, "Trois étés secs ont affaibli un tiers des chênes du massif, selon un relevé de l’association publié ce mardi.")
        XCTAssertEqual(d.metadata.dateline, "Rennes")
        XCTAssertEqual(d.metadata.date, "2024-05-14")
        let contact = try XCTUnwrap(d.metadata.contacts.first)
        XCTAssertEqual(contact.name, "Marie Dupont")
        XCTAssertEqual(contact.role, "chargée de communication")
        XCTAssertEqual(contact.phone, "06 12 34 56 78")
        XCTAssertEqual(contact.email, "marie.dupont@amisdelaforet.example")
        XCTAssertFalse(bodyText(d).contains("Contact presse"))
    }

    func testUtilityPageWithSiteNameAsTitleAndContactColumn() throws {
        let d = try read(try page("utility-de.html"))
        // og:title and <title> are only "EnergieWerk": the article's h1 is the headline.
        XCTAssertEqual(d.metadata.title, "Windpark Nordheide liefert ersten Strom")
        XCTAssertEqual(d.metadata.subtitle, "Die zwölf Anlagen versorgen rechnerisch 40.000 Haushalte mit Ökostrom.")
        XCTAssertEqual(d.metadata.dateline, "Karlsruhe/Nordheide")
        XCTAssertEqual(d.metadata.contacts.count, 1)
        let contact = try XCTUnwrap(d.metadata.contacts.first)
        XCTAssertEqual(contact.name, "Dr. Katrin Albers")
        XCTAssertEqual(contact.role, "Pressesprecherin")
        XCTAssertEqual(contact.phone, "+49 721 555-2020")
        XCTAssertEqual(contact.email, "k.albers@energiewerk.example")
        XCTAssertTrue(bodyText(d).hasPrefix("Der Windpark Nordheide ist am Montag ans Netz gegangen."))
    }

    func testContactsFromPagesShowInEveryWriter() throws {
        var options = ConversionOptions()
        options.sourceDateEpoch = 1_600_000_000
        for format in ["text", "gfm", "html", "markdown", "json"] {
            let context = ConversionContext(options: options, resources: NoResources(), inputName: "page.html")
            let out = String(decoding: try Converter.convert(try page("utility-de.html"), from: Formats.named("html")!,
                                                             to: Formats.named(format)!, context: context), as: UTF8.self)
            for needle in ["Dr. Katrin Albers", "Pressesprecherin", "k.albers@energiewerk.example"] {
                XCTAssertTrue(out.contains(needle), "\(format) lacks \(needle)")
                // Once in the text: in the contact block, not again in the body.
                if format == "text" { XCTAssertEqual(out.components(separatedBy: needle).count - 1, 1, "\(format): \(needle)") }
            }
        }
    }

    // MARK: - Titles

    private func title(_ head: String, body: String = "") throws -> String? {
        let article = HTMLTestSupport.articleParagraphs
        let html = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\(head)</head><body>
        <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
        <main>\(body)<article>\(article)</article></main></body></html>
        """
        return try read(html).metadata.title
    }

    func testTitleAffixesAndLabels() throws {
        // Site name, section and separators around the headline.
        XCTAssertEqual(try title("<title>Committee publishes report on rural broadband - Committees - UK Parliament</title><meta property=\"og:site_name\" content=\"UK Parliament\">"),
                       "Committee publishes report on rural broadband")
        XCTAssertEqual(try title("<title>BMAS - Mindestlohn steigt zum 1. Januar</title><link rel=\"canonical\" href=\"https://www.bmas.example/DE/Presse/mindestlohn.html\">"),
                       "Mindestlohn steigt zum 1. Januar")
        XCTAssertEqual(try title("<title>Press release: City opens three new libraries | Northbridge City Council</title><meta property=\"og:site_name\" content=\"Northbridge City Council\">"),
                       "City opens three new libraries")
        XCTAssertEqual(try title("<title>Communiqué de presse : La ville rénove ses écoles – Ville de Lorient</title><meta property=\"og:site_name\" content=\"Ville de Lorient\">"),
                       "La ville rénove ses écoles")
        XCTAssertEqual(try title("<title>Neue Radwege für die Innenstadt :: Stadt Beispielstadt</title><meta name=\"application-name\" content=\"Stadt Beispielstadt\">"),
                       "Neue Radwege für die Innenstadt")
        // A section label or the site's short name as og:title while the article has a real h1.
        XCTAssertEqual(try title("<title>Pressemitteilungen</title><meta property=\"og:title\" content=\"Pressemitteilungen\">",
                                 body: "<h1>Zoll stellt 2,5 Tonnen Kokain im Hamburger Hafen sicher</h1>"),
                       "Zoll stellt 2,5 Tonnen Kokain im Hamburger Hafen sicher")
        XCTAssertEqual(try title("<title>EnBW</title><meta property=\"og:title\" content=\"EnBW\"><meta property=\"og:site_name\" content=\"EnBW\">",
                                 body: "<h1>EnBW nimmt Solarpark Weesow in Betrieb</h1>"),
                       "EnBW nimmt Solarpark Weesow in Betrieb")
        XCTAssertEqual(try title("<title>Medienmitteilungen</title>",
                                 body: "<h1 class=\"page-title\">Medienmitteilungen</h1><h1>Kanton senkt die Steuern für Familien</h1>"),
                       "Kanton senkt die Steuern für Familien")
        // A headline that holds a dash is not cut when the page agrees on it.
        XCTAssertEqual(try title("<title>Stadtwerke – Netz – Ausbau: Was 2025 kommt | Stadtwerke Nord</title><meta property=\"og:site_name\" content=\"Stadtwerke Nord\">",
                                 body: "<h1>Stadtwerke – Netz – Ausbau: Was 2025 kommt</h1>"),
                       "Stadtwerke – Netz – Ausbau: Was 2025 kommt")
        // A navigation heading (inside nav) or a screen-reader-only heading is not the headline.
        XCTAssertEqual(try title("<title>Quicklink</title>", body: "<nav><h1>Quicklink</h1></nav><h1 class=\"sr-only\">Hauptinhalt</h1><h1>Landtag beschließt neues Schulgesetz</h1>"),
                       "Landtag beschließt neues Schulgesetz")
    }

    func testPageTitleAgreement() {
        func choose(_ candidates: [String?], _ headings: [String], site: String? = nil) -> String? {
            PageTitle(candidates: candidates, headings: headings, siteNames: [site], pageURL: nil).title
        }
        // The h1 and <title> agree against a JSON-LD headline alone.
        XCTAssertEqual(choose(["SEO headline about the budget", nil, "Council approves the budget | City Times"], ["Council approves the budget"], site: "City Times"),
                       "Council approves the budget")
        // The h1 is the middle segment of og:title ("Kicker - Headline | Site").
        XCTAssertEqual(choose([nil, "Einwanderung - Wettstreit der Scheinlösungen | Allgemeine Zeitung"], ["Wettstreit der Scheinlösungen"]),
                       "Wettstreit der Scheinlösungen")
        // A blog's name set as h1 is the site, not the headline.
        XCTAssertEqual(choose([nil, nil, "Ein Tag am Wannsee mit den Kindern - Familienblog"], ["Familienblog"]), "Ein Tag am Wannsee mit den Kindern")
        // A byline set as h1 is no headline.
        XCTAssertEqual(choose([nil, nil, "Life Is A Highway - Consett Magazine"], ["By Lorraine Weightman"], site: "Consett Magazine"), "Life Is A Highway")
    }

    // MARK: - Standfirst

    private func subtitle(_ article: String) throws -> (String?, String) {
        let html = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Budget approved</title></head><body>
        <main><article><h1>Budget approved</h1>\(article)\(HTMLTestSupport.articleParagraphs)</article></main></body></html>
        """
        let d = try read(html)
        return (d.metadata.subtitle, bodyText(d))
    }

    func testStandfirstForms() throws {
        let lead = "Spending on schools rises by four per cent while property taxes stay where they are"
        for markup in ["<p class=\"lead\">\(lead)</p>", "<div class=\"article-intro\"><p>\(lead)</p></div>",
                       "<p class=\"c-article__standfirst\">\(lead)</p>", "<h2>\(lead)</h2>", "<p><strong>\(lead)</strong></p>",
                       "<p class=\"byline\">By Jane Doe</p><time datetime=\"2024-03-05\">5 March 2024</time><p class=\"teaser\">\(lead)</p>"] {
            let (sub, body) = try subtitle(markup)
            XCTAssertEqual(sub, lead, markup)
            XCTAssertFalse(body.contains(lead), "\(markup): the standfirst stays in the body too")
        }
        // Not standfirsts: a byline, a date, a photo credit, the first paragraph of running text, a teaser list.
        for markup in ["<p class=\"intro\">By Jane Doe and John Roe</p>", "<h2>Updated March 5, 2024</h2>",
                       "<p class=\"summary\">Foto: Stadt Beispielstadt / Max Muster</p>",
                       "<div class=\"teaser-list\"><p>Other news: parks reopen in May after the winter works</p></div>",
                       "<p class=\"lead\">The council approved the budget. Spending on schools rises by four per cent.</p>"] {
            XCTAssertNil(try subtitle(markup).0, markup)
        }
        XCTAssertNil(try subtitle("").0, "the first body paragraph is no standfirst")
    }

    // MARK: - Contacts

    func testContactBlockInAsideButNotInFooter() throws {
        let html = """
        <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Landtag beschließt Schulgesetz</title></head><body>
        <main><article><h1>Landtag beschließt Schulgesetz</h1>\(HTMLTestSupport.articleParagraphs)</article>
        <aside><dl><dt>Kontakt für Presseanfragen</dt><dd>Landtag Beispielland<br>Pressestelle, Telefon +49 30 1234567, presse@landtag.example</dd></dl></aside></main>
        <footer><h3>Kontakt</h3><p>Landtag Beispielland, Platz der Republik 1<br>Telefon +49 30 1234-0<br>poststelle@landtag.example</p></footer>
        </body></html>
        """
        let d = try read(html)
        XCTAssertEqual(d.metadata.contacts.count, 1, "\(d.metadata.contacts)")
        let c = try XCTUnwrap(d.metadata.contacts.first)
        XCTAssertEqual(c.role, "Pressestelle")
        XCTAssertEqual(c.organization, "Landtag Beispielland")
        XCTAssertEqual(c.phone, "+49 30 1234567")
        XCTAssertEqual(c.email, "presse@landtag.example")
        XCTAssertNil(c.name)
    }

    func testContactLabelsInManyLanguages() {
        for label in ["Press contact", "Media contacts:", "Pressekontakt", "Ansprechpartner", "Kontakt", "Contact presse",
                      "Contacto de prensa", "Contatto stampa", "Perscontact", "Kontakt dla mediów", "Контакты для СМИ",
                      "Relations presse :", "Ufficio stampa"] {
            XCTAssertNotNil(ContactParser.labelRemainder(label), label)
        }
        let c = ContactParser.contacts(["Pressestelle, Telefon +49 30 1234567, Fax +49 30 1234568, presse@example.gov"])
        XCTAssertEqual(c.first?.role, "Pressestelle")
        XCTAssertEqual(c.first?.phone, "+49 30 1234567")
        XCTAssertEqual(c.first?.email, "presse@example.gov")
        XCTAssertNil(c.first?.organization)
        let fr = ContactParser.contacts(["Julie Martin, chargée de communication", "Tél. : +33 4 78 00 00 00", "Courriel : presse@mediatheque.example"])
        XCTAssertEqual(fr.first?.phone, "+33 4 78 00 00 00")
        XCTAssertEqual(fr.first?.email, "presse@mediatheque.example")
        XCTAssertEqual(fr.first?.role, "chargée de communication")
        let mobile = ContactParser.contacts(["Dr. Katrin Albers", "Mobil: +49 170 555 2020", "E-Mail: k.albers@example.org"])
        XCTAssertEqual(mobile.first?.phone, "+49 170 555 2020")
        XCTAssertEqual(mobile.first?.name, "Dr. Katrin Albers")
    }

    func testMailtoLinkTextIsReadAsTheAddress() throws {
        let html = """
        <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Neue Radwege</title></head><body>
        <main><article><h1>Neue Radwege</h1>\(HTMLTestSupport.articleParagraphs)</article></main>
        <aside class="sidebar"><div class="box"><h3>Pressekontakt</h3><p>Max Muster<br>Sprecher der Stadt<br><a href="mailto:presse@stadt.example">E-Mail schreiben</a></p></div></aside>
        </body></html>
        """
        let c = try XCTUnwrap(try read(html).metadata.contacts.first)
        XCTAssertEqual(c.name, "Max Muster")
        XCTAssertEqual(c.email, "presse@stadt.example")
    }
}
