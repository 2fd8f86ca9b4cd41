import Foundation
import XCTest
@testable import PressKit

/// One German release with contacts and an embargo, converted to text, Markdown (gfm), HTML, EPUB and DOCX:
/// every writer shows the same contact lines and the same German labels, from the one presentation.
final class SharedPresentationTests: XCTestCase {
    static let release = """
    PRESSEMITTEILUNG
    Sperrfrist: 5. März 2024, 10:00 Uhr MEZ

    Stadtwerke testen fahrerlose Kleinbusse

    Berlin, 3. März 2024 – Die Stadtwerke Havelland Verkehr GmbH testet ab dem 2. April sechs fahrerlose Kleinbusse im Berliner Ortsteil Hakenfelde. Die Fahrzeuge bieten jeweils zwölf Sitzplätze und verkehren zunächst mit einer Begleitperson an Bord, die in den ersten Wochen auch die Fragen der Fahrgäste beantwortet und für die Sicherheit sorgt.

    Die Fahrgastzahlen werden wissenschaftlich ausgewertet. Ein Zwischenbericht erscheint im Juli 2024 und wird auf der Seite des Unternehmens veröffentlicht.

    Pressekontakt:
    Jonas Albrecht
    Pressesprecher
    Stadtwerke Havelland Verkehr GmbH
    Tel.: +49 30 555 01 23
    E-Mail: presse@havelland-verkehr.example

    Anna Berger
    Referentin Unternehmenskommunikation
    Tel.: +49 30 555 01 24
    E-Mail: a.berger@havelland-verkehr.example

    ###
    """

    /// The contact lines every writer must show, as written in the release.
    static let contactLines = [
        "Jonas Albrecht", "Pressesprecher", "Stadtwerke Havelland Verkehr GmbH", "Tel.: +49 30 555 01 23",
        "E-Mail: presse@havelland-verkehr.example", "Anna Berger", "Referentin Unternehmenskommunikation",
        "Tel.: +49 30 555 01 24", "E-Mail: a.berger@havelland-verkehr.example",
    ]

    func convert(_ to: String, metadata: [(key: String, value: String)] = []) throws -> [UInt8] {
        var options = ConversionOptions()
        options.metadata = metadata
        options.sourceDateEpoch = 1_600_000_000
        let context = ConversionContext(options: options, resources: NoResources(), inputName: "release.txt")
        return try Converter.convert(Array(Self.release.utf8), from: Formats.named("text")!, to: Formats.named(to)!,
                                     context: context)
    }

    /// The visible text of markup: block-level tags and line breaks start a new line, other tags vanish,
    /// the few entities the writers use are decoded.
    static func visibleText(_ markup: String) -> String {
        let blockTags: Set<String> = ["p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "section", "header",
                                      "footer", "title", "style", "w:p", "w:br", "tr", "td", "th"]
        var out = ""
        var tag: String?
        for c in markup {
            if c == "<" { tag = ""; continue }
            if c == ">", let name = tag {
                let bare = name.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    .split(separator: " ").first.map(String.init) ?? ""
                if blockTags.contains(bare) { out.append("\n") }
                tag = nil
                continue
            }
            if tag != nil { tag!.append(c) } else { out.append(c) }
        }
        return out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
    }

    /// The non-empty lines of a text, trimmed.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Each output's visible lines, by writer.
    func outputs(metadata: [(key: String, value: String)] = []) throws -> [String: String] {
        var result: [String: String] = [:]
        result["text"] = String(decoding: try convert("text", metadata: metadata), as: UTF8.self)
        // The visible Markdown: a backslash-escaped line break ends each contact line; autolinks show their
        // address.
        result["gfm"] = String(decoding: try convert("gfm", metadata: metadata), as: UTF8.self)
            .replacingOccurrences(of: "\\\n", with: "\n").replacingOccurrences(of: "\\.", with: ".")
            .replacingOccurrences(of: "**", with: "")
            .replacingOccurrences(of: "<([^<>@ ]+@[^<> ]+)>", with: "$1", options: .regularExpression)
        result["html"] = Self.visibleText(String(decoding: try convert("html", metadata: metadata), as: UTF8.self))
        let epub = try UnpackedEPUB(try convert("epub", metadata: metadata))
        defer { epub.remove() }
        result["epub"] = Self.visibleText(try epub.text("OEBPS/titlepage.xhtml") + epub.text("OEBPS/chapter-1.xhtml"))
        let docx = try convert("docx", metadata: metadata)
        let body = try XCTUnwrap(DOCXTestDocuments.part(docx, "word/document.xml"))
        // Runs of one paragraph joined; a paragraph or a <w:br/> starts a new line.
        result["docx"] = Self.visibleText(body)
        return result
    }

    func testTheSameContactLinesAndGermanLabelsInEveryWriter() throws {
        let outputs = try outputs()
        XCTAssertEqual(outputs.count, 5)
        for (writer, text) in outputs {
            let lines = Self.lines(text)
            // The contact lines appear once each, in order, as one run.
            guard let start = lines.firstIndex(of: Self.contactLines[0]) else {
                XCTFail("\(writer): no contact lines in\n\(text)")
                continue
            }
            XCTAssertEqual(lines[start...].filter { Self.contactLines.contains($0) }, Self.contactLines, writer)
            for line in Self.contactLines {
                XCTAssertEqual(lines.filter { $0 == line }.count, 1, "\(writer): \(line) once")
            }
            // The same German labels.
            XCTAssertTrue(lines.contains { $0.hasPrefix("Pressekontakte") }, "\(writer): the contacts heading\n\(text)")
            XCTAssertTrue(text.contains("Sperrfrist bis 5. März 2024, 10:00 +01:00"), "\(writer): the embargo line\n\(text)")
            for english in ["Media contact", "Contact:", "Contacts", "Embargoed until", "Source:"] {
                XCTAssertFalse(text.contains(english), "\(writer): English label \(english)")
            }
        }
    }

    func testALocaleNameGivesOneBCP47TagInHTMLEPUBAndDOCX() throws {
        let metadata = [(key: "language", value: "de_DE.UTF-8")]
        let html = String(decoding: try convert("html", metadata: metadata), as: UTF8.self)
        XCTAssertTrue(html.contains("<html lang=\"de-DE\">"), html)
        let epub = try UnpackedEPUB(try convert("epub", metadata: metadata))
        defer { epub.remove() }
        let opf = try epub.text("OEBPS/content.opf")
        XCTAssertTrue(opf.contains("<dc:language>de-DE</dc:language>"), opf)
        XCTAssertTrue(try epub.text("OEBPS/chapter-1.xhtml").contains("xml:lang=\"de-DE\""))
        let docx = try convert("docx", metadata: metadata)
        let styles = try XCTUnwrap(DOCXTestDocuments.part(docx, "word/styles.xml"))
        XCTAssertTrue(styles.contains("<w:lang w:val=\"de-DE\""), styles)
        let core = try XCTUnwrap(DOCXTestDocuments.part(docx, "docProps/core.xml"))
        XCTAssertTrue(core.contains("<dc:language>de-DE</dc:language>"), core)
    }

    /// The one headline rule (`ReleasePresentation.headline`): a title with spaces around it is trimmed alike
    /// in the HTML page's `<title>` and og:title, the EPUB's title, ninjs, JSON-LD, Atom and RSS.
    func testOneHeadlineInEveryWriter() throws {
        let metadata = [(key: "title", value: "  Spaced  ")]
        let html = String(decoding: try convert("html", metadata: metadata), as: UTF8.self)
        XCTAssertTrue(html.contains("<title>Spaced</title>"), html)
        XCTAssertTrue(html.contains("<meta property=\"og:title\" content=\"Spaced\" />"), html)
        let epub = try UnpackedEPUB(try convert("epub", metadata: metadata))
        defer { epub.remove() }
        XCTAssertTrue(try epub.text("OEBPS/content.opf").contains(">Spaced</dc:title>"))
        let ninjs = String(decoding: try convert("ninjs", metadata: metadata), as: UTF8.self)
        XCTAssertTrue(ninjs.contains("\"value\": \"Spaced\""), ninjs)
        let jsonld = String(decoding: try convert("jsonld", metadata: metadata), as: UTF8.self)
        XCTAssertTrue(jsonld.contains("\"headline\": \"Spaced\""), jsonld)
        for feed in ["atom", "rss"] {
            let xml = String(decoding: try convert(feed, metadata: metadata), as: UTF8.self)
            XCTAssertTrue(xml.contains("<title>Spaced</title>"), xml)
        }
    }

    /// Without a title, the first heading with text is the headline: an empty heading before it is skipped.
    func testTheHeadlineSkipsAnEmptyHeading() {
        var document = Document()
        document.blocks = [.heading(level: 2, content: [.text("  ")], id: nil),
                           .heading(level: 2, content: [.text(" Zweite Überschrift ")], id: nil)]
        XCTAssertEqual(ReleasePresentation(document.metadata).headline(blocks: document.blocks), "Zweite Überschrift")
        document.metadata.title = " Titel "
        XCTAssertEqual(ReleasePresentation(document.metadata).headline(blocks: document.blocks), "Titel")
        XCTAssertNil(ReleasePresentation(Metadata()).headline(blocks: []))
        let context = ConversionContext(options: ConversionOptions())
        document.metadata.title = nil
        let html = String(decoding: (try? HTMLWriter().write(document, context: context)) ?? [], as: UTF8.self)
        XCTAssertTrue(html.contains("<title>Zweite Überschrift</title>"), html)
    }

    /// The feeds' own words come from the terms of the releases' language: a German feed is titled
    /// "ACME AG – Pressemitteilungen" (as the EPUB digest) and an entry without a headline "Ohne Titel".
    func testFeedLabelsInTheReleasesLanguage() throws {
        let metadata = [(key: "language", value: "de"), (key: "organization", value: "ACME AG")]
        for feed in ["atom", "rss"] {
            let xml = String(decoding: try convert(feed, metadata: metadata), as: UTF8.self)
            XCTAssertTrue(xml.contains("<title>ACME AG \u{2013} Pressemitteilungen</title>"), xml)
            XCTAssertFalse(xml.contains("press releases"), xml)
        }
        var untitled = Document()
        untitled.metadata.language = "de"
        untitled.metadata.date = "2024-03-05"
        untitled.blocks = [.paragraph([.text("Ein Absatz ohne Überschrift.")])]
        let context = ConversionContext(options: ConversionOptions())
        for writer in [AtomWriter() as any Writer, RSSWriter()] {
            let xml = String(decoding: try writer.write(collection: [untitled], context: context), as: UTF8.self)
            XCTAssertTrue(xml.contains("<title>Ohne Titel</title>"), xml)
            XCTAssertTrue(xml.contains("<title>Pressemitteilungen</title>"), xml)
            XCTAssertFalse(xml.contains("Untitled"), xml)
        }
    }

    /// ninjs and JSON-LD build their contacts from the same contact lines as the other writers: the name,
    /// e-mail and phone as typed fields, every other line (role, organisation) kept, none lost; ninjs files
    /// those lines as an address (its `type` is a means of communication, never "role").
    func testNinjsAndJSONLDKeepEveryContactLine() throws {
        let typed = ["Jonas Albrecht", "presse@havelland-verkehr.example", "+49 30 555 01 23", "Anna Berger",
                     "a.berger@havelland-verkehr.example", "+49 30 555 01 24"]
        let other = ["Pressesprecher", "Stadtwerke Havelland Verkehr GmbH", "Referentin Unternehmenskommunikation"]
        let ninjs = try JSONValue(parsing: try convert("ninjs"))
        guard case .array(let people)? = ninjs["people"] else { return XCTFail("no people") }
        XCTAssertEqual(people.count, 2)
        var values: [String] = [], lines: [String] = []
        for person in people {
            if case .string(let name)? = person["name"] { values.append(name) }
            guard case .array(let info)? = person["contactinfo"] else { continue }
            for entry in info {
                XCTAssertNotEqual(entry["type"], .string("role"))
                if case .string(let v)? = entry["value"] { values.append(v) }
                if case .array(let l)? = entry["address"]?["lines"] {
                    lines += l.compactMap { if case .string(let s) = $0 { return s }; return nil }
                }
            }
        }
        XCTAssertEqual(values, typed)
        XCTAssertEqual(lines, other)
        let jsonld = String(decoding: try convert("jsonld"), as: UTF8.self)
        for value in typed + other { XCTAssertTrue(jsonld.contains(value), "\(value) in \(jsonld)") }
        XCTAssertTrue(jsonld.contains("\"description\": \"Pressesprecher, Stadtwerke Havelland Verkehr GmbH\""), jsonld)
    }

    /// A digest (EPUB) and a feed (Atom) share one rule for what all releases share: the same organisation
    /// gives the same title in both; differing or missing ones give none.
    func testDigestAndFeedShareOneOrganisationRule() throws {
        XCTAssertEqual(ReleasePresentation.shared(["ACME AG", "ACME AG"]), "ACME AG")
        XCTAssertNil(ReleasePresentation.shared(["ACME AG", nil]))
        XCTAssertNil(ReleasePresentation.shared(["ACME AG", "Beta GmbH"]))
        XCTAssertNil(ReleasePresentation.shared([]))
        func release(_ organization: String?, _ day: String) -> Document {
            Document(metadata: Metadata(title: "Meldung \(day)", date: "2024-03-\(day)", organization: organization, language: "de"),
                     blocks: [.paragraph([.text("Text.")])])
        }
        let context = ConversionContext(options: ConversionOptions())
        for (organizations, title) in [([" ACME AG ", "ACME AG"], "ACME AG \u{2013} Pressemitteilungen"),
                                       (["ACME AG", nil], "Pressemitteilungen")] {
            let documents = [release(organizations[0], "04"), release(organizations[1], "05")]
            let atom = String(decoding: try AtomWriter().write(collection: documents, context: context), as: UTF8.self)
            XCTAssertTrue(atom.contains("<title>\(title)</title>"), atom)
            let epub = try UnpackedEPUB(try EPUBWriter().write(collection: documents, context: context))
            defer { epub.remove() }
            XCTAssertTrue(try epub.text("OEBPS/content.opf").contains("<dc:title>\(title)</dc:title>"))
        }
    }
}
