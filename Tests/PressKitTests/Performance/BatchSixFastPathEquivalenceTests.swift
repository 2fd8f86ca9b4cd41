import XCTest
@testable import PressKit

/// The byte checks of the sixth batch round (language tags, presentation values, EPUB heading ids, release
/// labels, contact and "About" first words) give what the Character-level code behind them gives, on
/// random texts mixing ASCII with the cases where bytes and Characters part: combining marks, CR LF,
/// prepended marks, non-ASCII letters that lower-case to ASCII (the Kelvin sign), non-breaking spaces.
final class BatchSixFastPathEquivalenceTests: XCTestCase {
    private static let pieces = [
        "en", "de", "-", "_", "DE", "Us", "x", " ", "  ", "\t", "\r\n", "\n", "\r", ".", ":", "*", "–", "—", "@",
        "\u{301}", "\u{0600}", "\u{00A0}", "\u{212A}", "É", "é", "ü", "Über", "about", "About ", "sobre ", "s",
        "A", "Media", "contact", "Kontakt", "Press", "release", "PRESS RELEASE", "For immediate release",
        "Embargoed until", "embargo", "EMBARGO:", "no.", "12", "2024", "Nr", "#", "ß", "İ", "Acme", "Q3",
        "Highlights of the year", "Shore-power", "a_b", "'", "\"", "!", "?", "(", "—", "Пресс-релиз", "э",
    ]

    private func randomTexts(seed: UInt64, count: Int = 3000, maxPieces: Int = 7) -> [String] {
        var rng = SplitMix64(state: seed)
        var texts: [String] = ["", " ", "\r\n", "\u{301}", "about", "-", "--", String(repeating: "a", count: 50)]
        for _ in 0..<count {
            var text = ""
            for _ in 0..<(1 + Int(rng.next() % UInt64(maxPieces))) {
                text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
            }
            texts.append(text)
        }
        return texts
    }

    func testLanguageTagByteCheckMatchesTheGeneralNormaliser() {
        for text in randomTexts(seed: 61, maxPieces: 3) + ["en", "deu", "de-DE", "pt-BR", "EN", "en-us", "e", "engl",
                                                            "de-DEU", "de_DE", "en-1", "zz-ZZ", "ab-"] {
            if LanguageTag.isCanonicalSimpleTag(text) {
                XCTAssertEqual(LanguageTag.generalNormalized(text), text, text)
            }
            XCTAssertEqual(LanguageTag.normalized(text), LanguageTag.generalNormalized(text), text)
        }
        XCTAssertTrue(LanguageTag.isCanonicalSimpleTag("en"))
        XCTAssertTrue(LanguageTag.isCanonicalSimpleTag("de-DE"))
        XCTAssertFalse(LanguageTag.isCanonicalSimpleTag("de_DE"))
        XCTAssertNil(LanguageTag.normalized(nil))
    }

    func testPresentationCleanMatchesTrimming() {
        for text in randomTexts(seed: 62) {
            let trimmed = text.trimmingSpaces()
            XCTAssertEqual(ReleasePresentation.clean(text), trimmed.isEmpty ? nil : trimmed, text.debugDescription)
        }
        XCTAssertNil(ReleasePresentation.clean(nil))
        XCTAssertNil(ReleasePresentation.clean(" \u{00A0} "))
    }

    func testHeadlineWithoutThePresentationMatchesThePresentations() {
        var metadata = Metadata()
        let blocks: [Block] = [.paragraph([.text("Body")]), .heading(level: 2, content: [.text(" Heading ")], id: nil)]
        for title in [nil, "", "  ", " Title ", "Title"] as [String?] {
            metadata.title = title
            XCTAssertEqual(ReleasePresentation.headline(metadata, blocks: blocks),
                           ReleasePresentation(metadata).headline(blocks: blocks))
        }
    }

    func testEPUBHeadingIDsOnBytesMatchTheCharacterOnes() {
        for text in randomTexts(seed: 63) {
            if let fast = EPUBChapterPreparer.asciiSlug(text, fallback: "7") {
                XCTAssertEqual(fast, EPUBChapterPreparer.generalSlug(text, fallback: "7"), text.debugDescription)
            }
            if let fast = EPUBChapterPreparer.asciiGitHubSlug(text) {
                XCTAssertEqual(fast, EPUBChapterPreparer.generalGitHubSlug(text), text.debugDescription)
            }
            XCTAssertEqual(EPUBChapterPreparer.slug(text, fallback: "7"), EPUBChapterPreparer.generalSlug(text, fallback: "7"))
            XCTAssertEqual(EPUBChapterPreparer.gitHubSlug(text), EPUBChapterPreparer.generalGitHubSlug(text))
            XCTAssertEqual(EPUBChapterPreparer.collapsed(text), text.collapsingWhitespace(), text.debugDescription)
        }
        XCTAssertEqual(EPUBChapterPreparer.slug("Highlights of the Year!", fallback: "1"), "highlights-of-the-year")
        XCTAssertEqual(EPUBChapterPreparer.gitHubSlug("Cargo by segment (2025)"), "cargo-by-segment-2025")
        XCTAssertNotNil(EPUBChapterPreparer.asciiSlug(String(repeating: "word ", count: 20), fallback: "1"))
    }

    func testReleaseLabelFirstLetterChecksMatchTheGeneralTests() {
        for text in randomTexts(seed: 64) {
            XCTAssertEqual(ReleaseLabels.isLabel(text), ReleaseLabels.generalIsLabel(text), text.debugDescription)
            XCTAssertEqual(ReleaseLabels.embargoText(text), ReleaseLabels.generalEmbargoText(text), text.debugDescription)
        }
        XCTAssertTrue(ReleaseLabels.isLabel("** FOR IMMEDIATE RELEASE **"))
        XCTAssertTrue(ReleaseLabels.isLabel("Pressemitteilung Nr. 12/2024"))
        XCTAssertEqual(ReleaseLabels.embargoText("  EMBARGOED UNTIL 5 March 2024"), "5 March 2024")
        XCTAssertNil(ReleaseLabels.embargoText("The harbour handled 41.2 million tonnes"))
    }

    func testEmbargoPrefixOnBytesMatchesTheGeneralTest() {
        for text in randomTexts(seed: 66, maxPieces: 4) + ["EMBARGOED UNTIL 5 March", " \r\nembargo: x", "Sperrfrist: morgen",
                                                            "embargoed", "EMBARGO", "hold for release until noon"] {
            if let fast = ReleaseLabels.asciiStartsWithEmbargoPrefix(text) {
                XCTAssertEqual(fast, ReleaseLabels.generalEmbargoText(text) != nil, text.debugDescription)
            }
        }
        XCTAssertNil(ReleaseLabels.asciiStartsWithEmbargoPrefix("Sperrfrist bis 5. März"))
        XCTAssertEqual(ReleaseLabels.asciiStartsWithEmbargoPrefix("Shore power"), false)
    }

    func testPreparerLeavesParagraphsWithoutLinksImagesOrNotesAsTheyAre() {
        let store = EPUBImageStore()
        let context = ConversionContext()
        let paragraphs: [[Inline]] = [
            [.text("plain")],
            [.text("a"), .softBreak, .strong([.text("b"), .emphasis([.code("c")])]), .lineBreak, .raw(format: "html", text: "<br>")],
            [.strikethrough([.superscript([.text("x")]), .subscript([.text("y")])]), .underline([.text("u")])],
            [.text("see "), .link(Link(target: "https://example.com/", title: nil, content: [.image(Image(source: "x.png", alt: ""))]))],
            [.emphasis([.image(Image(source: "missing.png", alt: ""))])],
            [.text("note"), .note([.paragraph([.text("n")])])],
        ]
        for inlines in paragraphs {
            var preparer = EPUBChapterPreparer(documentIndex: 0, headingShift: 0, images: store, context: context, reservedIDs: [])
            let skipped = !EPUBChapterPreparer.holdsLinkImageOrNote(inlines)
            if skipped {
                XCTAssertEqual(preparer.rewriteChildren(of: .paragraph(inlines)), .paragraph(inlines))
            }
            var general = EPUBChapterPreparer(documentIndex: 0, headingShift: 0, images: store, context: context, reservedIDs: [])
            XCTAssertEqual(preparer.prepare([.paragraph(inlines)]), [general.rewriteChildren(of: .paragraph(inlines))])
        }
        XCTAssertFalse(EPUBChapterPreparer.holdsLinkImageOrNote(paragraphs[1]))
        XCTAssertTrue(EPUBChapterPreparer.holdsLinkImageOrNote(paragraphs[4]))
    }

    func testContactAndAboutFirstWordsOnBytesMatchTheCharacterOnes() {
        for text in randomTexts(seed: 65) {
            XCTAssertEqual(PressReleasePass.mightBeContactLabel(text), PressReleasePass.generalMightBeContactLabel(text),
                           text.debugDescription)
            if let word = PressReleasePass.asciiLeadingWord(text, limit: 40) {
                XCTAssertEqual(word, text.prefix(40).prefix { $0.isLetter || $0 == "-" }.lowercased(), text.debugDescription)
            }
            if let first = text.utf8.first, first < 0x80, !PressReleasePass.aboutInitials.contains(first | 0x20) {
                let head = text.prefix(16).lowercased()
                XCTAssertFalse(["about ", "sobre ", "a propos de ", "acerca de "].contains { head.hasPrefix($0) }, text)
            }
        }
        XCTAssertTrue(PressReleasePass.mightBeContactLabel("Media contact: Jane"))
        XCTAssertFalse(PressReleasePass.mightBeContactLabel("The harbour"))
        XCTAssertNil(PressReleasePass.asciiLeadingWord("Medie\u{301}n", limit: 40))
        // A decomposed "Über" (U and a combining diaeresis) still opens an About section.
        let nfd = try? Converter.read(Array("Titel\n\nText.\n\nU\u{308}ber Acme\nAcme baut Brücken.".utf8),
                                      format: Formats.named("text")!, context: ConversionContext())
        XCTAssertEqual(nfd?.metadata.organization, "Acme")
    }

    func testTemplateCopiesAreReusedAndGiveTheFreshBytes() throws {
        var rng = SplitMix64(state: 67)
        let part = (0..<3000).map { _ in UInt8(0x61 + rng.next() % 5) }
        var zip = ZipArchive(modificationTime: 1_600_000_000)
        zip.add("mimetype", "application/epub+zip", stored: true)
        zip.add("a.xml", part)
        zip.add("b.xml", part)   // the same bytes twice in one archive: two copies checked out at once
        zip.add("c.xml", String(repeating: "varies ", count: 100))
        let fresh = try zip.data(reusingCompressedEntries: false)
        for _ in 0..<20 { XCTAssertEqual(try zip.data(), fresh) }
        let template = try XCTUnwrap(ZipEntryCache.shared.template(for: part))
        try ZipLibrary.load()
        let first = try XCTUnwrap(template.checkOut())
        template.checkIn(first)
        let again = try XCTUnwrap(template.checkOut())
        XCTAssertEqual(again, first, "an idle copy is handed out again")
        template.checkIn(again)
        XCTAssertEqual(try zip.data(), fresh)
    }

    func testPressPassResultsOnAReleaseWithLabelsContactsAndAbout() {
        let text = """
        FOR IMMEDIATE RELEASE
        EMBARGOED UNTIL 00:01 GMT, 5 March 2024

        # Acme Opens a Harbour Office

        BERLIN, March 5, 2024 – Acme opened an office today.

        About Acme
        Acme makes things.

        Media contact
        Jane Doe, Head of Communications
        press@acme.example · +49 30 1234567
        """
        let released = try! Converter.read(Array(text.utf8), format: Formats.named("markdown")!, context: ConversionContext())
        XCTAssertEqual(released.metadata.title, "Acme Opens a Harbour Office")
        XCTAssertEqual(released.metadata.date, "2024-03-05")
        XCTAssertEqual(released.metadata.embargo, "2024-03-05T00:01Z")
        XCTAssertEqual(released.metadata.organization, "Acme")
        XCTAssertEqual(released.metadata.contacts.first?.name, "Jane Doe")
    }
}
