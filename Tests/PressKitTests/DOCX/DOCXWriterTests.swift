import XCTest
@testable import PressKit

/// Recording resolver: which references were looked up with which document index.
final class RecordingResources: ResourceResolver, @unchecked Sendable {
    let inner: InMemoryResources
    var calls: [(String, Int)] = []
    init(_ inner: InMemoryResources) { self.inner = inner }
    func lookup(_ reference: String, document: Int) -> ResourceLookup {
        calls.append((reference, document))
        return inner.lookup(reference, document: document)
    }
}

final class DOCXWriterTests: XCTestCase {
    typealias T = DOCXTestDocuments

    private func write(_ document: Document, options: ConversionOptions = ConversionOptions()) throws -> ([UInt8], ConversionContext) {
        let context = ConversionContext(options: options, resources: T.images)
        return (try DOCXWriter().write(document, context: context), context)
    }

    func testRegisteredAsBinaryFormat() throws {
        let format = try XCTUnwrap(Formats.named("docx"))
        XCTAssertTrue(format.isBinary)
        XCTAssertEqual(format.mediaType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        XCTAssertEqual(Formats.forPath("digest.docx")?.name, "docx")
        XCTAssertNotNil(format.writer)
    }

    func testPackageHasEveryPartAndEveryPartIsWellFormed() throws {
        let (docx, _) = try write(T.everything())
        for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                     "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/fontTable.xml",
                     "word/footnotes.xml", "word/_rels/footnotes.xml.rels", "docProps/core.xml", "docProps/app.xml"] {
            let part = try XCTUnwrap(T.part(docx, name), name)
            XCTAssertTrue(XMLWellFormedness.check(Array(part.utf8)), "\(name) is not well-formed")
        }
        for media in ["word/media/image1.gif", "word/media/image2.png", "word/media/image3.png", "word/media/image4.jpeg"] {
            XCTAssertNotNil(try ZipReader(docx).entry(media), media)
        }
        let types = try XCTUnwrap(T.part(docx, "[Content_Types].xml"))
        XCTAssertTrue(types.contains("Extension=\"jpeg\" ContentType=\"image/jpeg\""))
        XCTAssertTrue(types.contains("PartName=\"/word/document.xml\""))
    }

    func testSameInputGivesSameBytes() throws {
        let a = try write(T.everything()).0
        let b = try write(T.everything()).0
        XCTAssertEqual(a, b)
        let c1 = ConversionContext(resources: T.images), c2 = ConversionContext(resources: T.images)
        XCTAssertEqual(try DOCXWriter().write(collection: T.digest(), context: c1),
                       try DOCXWriter().write(collection: T.digest(), context: c2))
    }

    func testStylesUseWordIdsAndDocumentLanguage() throws {
        let (docx, _) = try write(T.everything())
        let styles = try XCTUnwrap(T.part(docx, "word/styles.xml"))
        for id in ["Normal", "Title", "Subtitle", "Heading1", "Heading6", "Quote", "ListParagraph", "Caption",
                   "Hyperlink", "TableGrid", "SourceCode", "VerbatimChar", "Dateline", "ContactBlock"] {
            XCTAssertTrue(styles.contains("w:styleId=\"\(id)\""), id)
        }
        XCTAssertTrue(styles.contains("<w:lang w:val=\"en-US\""))
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Acme Opens"))
        XCTAssertTrue(document.contains("<w:pStyle w:val=\"Dateline\"/>"))
        XCTAssertTrue(document.contains("<w:pStyle w:val=\"ContactBlock\"/>"))

        var german = T.everything()
        german.metadata.language = "de"
        let de = try XCTUnwrap(T.part(try write(german).0, "word/styles.xml"))
        XCTAssertTrue(de.contains("<w:lang w:val=\"de-DE\""))
        let plain = try XCTUnwrap(T.part(try write(Document(blocks: [.paragraph([.text("x")])])).0, "word/styles.xml"))
        XCTAssertTrue(plain.contains("<w:lang w:val=\"en-US\""))
        XCTAssertEqual(DOCXWriter.wordLanguage("pt_BR"), "pt-BR")
        XCTAssertEqual(DOCXWriter.wordLanguage("C"), "en-US")
    }

    func testEveryListGetsItsOwnNumberingThatRestartsAndHonoursStart() throws {
        let (docx, _) = try write(T.everything())
        let numbering = try XCTUnwrap(T.part(docx, "word/numbering.xml"))
        XCTAssertEqual(T.occurrences(of: "<w:abstractNum ", in: numbering), 3)
        XCTAssertEqual(T.occurrences(of: "<w:num ", in: numbering), 5)
        // The ")" list starting at 3, and the next list starting again at 1.
        XCTAssertTrue(numbering.contains("<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>"))
        XCTAssertTrue(numbering.contains("<w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"))
        XCTAssertTrue(numbering.contains("<w:lvlText w:val=\"%1)\"/>"))
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr>"), "nested level")
        XCTAssertFalse(document.contains("\u{2022}"), "bullets are numbering, not typed characters")
    }

    func testTablesHaveHeaderRowGridSpansAndAlignment() throws {
        let (docx, _) = try write(T.everything())
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"))
        XCTAssertTrue(document.contains("<w:tblStyle w:val=\"TableGrid\"/>"))
        XCTAssertTrue(document.contains("<w:gridSpan w:val=\"2\"/>"))
        XCTAssertTrue(document.contains("<w:vMerge w:val=\"restart\"/>"))
        XCTAssertTrue(document.contains("<w:vMerge w:val=\"continue\"/>"))
        XCTAssertTrue(document.contains("<w:jc w:val=\"right\"/>"))
        XCTAssertEqual(T.occurrences(of: "<w:gridCol ", in: document), 3)
        let caption = try XCTUnwrap(document.range(of: "Table 1: Output by quarter"))
        let table = try XCTUnwrap(document.range(of: "<w:tbl>"))
        XCTAssertLessThan(caption.lowerBound, table.lowerBound, "the caption comes before its table")
    }

    func testTableLayoutPlacesSpans() {
        let c = T.cell
        let (rows, columns) = DOCXRenderer.layout([[c("a", 1, 3), c("b", 2, 1)], [c("c", 1, 1)], [c("d", 1, 1), c("e", 1, 1)]],
                                                  minimumColumns: 0)
        XCTAssertEqual(columns, 3)
        func shape(_ row: [DOCXRenderer.GridCell]) -> String {
            row.map { cell in
                switch cell {
                case .cell(let t, _, let span, let merges): return "\(t.blocks.first?.plainText ?? "")\(span)\(merges ? "v" : "")"
                case .continuation(_, let span): return "^\(span)"
                case .empty: return "_"
                }
            }.joined(separator: " ")
        }
        XCTAssertEqual(rows.map(shape), ["a1v b2", "^1 c1 _", "^1 d1 e1"])
    }

    func testHyperlinksAreExternalRelationshipsAndAnchorsNeedBookmarks() throws {
        let (docx, _) = try write(T.everything())
        let rels = try XCTUnwrap(T.part(docx, "word/_rels/document.xml.rels"))
        XCTAssertTrue(rels.contains("Target=\"https://acme.example/plant?id=7&amp;lang=en\" TargetMode=\"External\""))
        XCTAssertTrue(rels.contains("Target=\"mailto:press@acme.example\" TargetMode=\"External\""))
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:hyperlink w:anchor=\"about-acme\""))
        XCTAssertTrue(document.contains("<w:bookmarkStart w:id=\"2\" w:name=\"about-acme\"/>"))
        XCTAssertTrue(document.contains("w:tooltip=\"Plant page\""))
        XCTAssertTrue(document.contains("<w:rStyle w:val=\"Hyperlink\"/>"))
        XCTAssertFalse(document.contains("nowhere"), "a link to a missing bookmark is plain text")
        XCTAssertTrue(document.contains("a missing section"))
        XCTAssertEqual(DOCXRelationships.uriEscaped("https://x.example/a b/ü?q=%20"), "https://x.example/a%20b/%C3%BC?q=%20")
        XCTAssertEqual(DOCXRelationships.uriEscaped("http://[::1]:80/a[1]?p=50%"), "http://[::1]:80/a%5B1%5D?p=50%25")
    }

    func testImagesAreEmbeddedAtTheirRealSizeScaledToTheTextWidth() throws {
        let (docx, context) = try write(T.everything())
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        // banner.png: 960 px at 96 dpi = 10 in, scaled to the 6-inch column: 6 x 1.5 in.
        XCTAssertTrue(document.contains("<wp:extent cx=\"5486400\" cy=\"1371600\"/>"))
        // photo.jpg: 320 x 240 px at 96 dpi.
        XCTAssertTrue(document.contains("<wp:extent cx=\"3048000\" cy=\"2286000\"/>"))
        // pixel.gif shown at the 16 x 16 px the document asks for.
        XCTAssertTrue(document.contains("<wp:extent cx=\"152400\" cy=\"152400\"/>"))
        XCTAssertTrue(document.contains("descr=\"The plant from above\" title=\"Aerial view\""))
        XCTAssertTrue(document.contains("<a:blip r:embed=\"rId"))
        let warnings = context.diagnostics.map(\.message).joined(separator: "\n")
        XCTAssertTrue(warnings.contains("https://cdn.example/remote.png"), warnings)
        XCTAssertTrue(warnings.contains("notes.txt"), warnings)
        XCTAssertTrue(document.contains("A remote image"))
    }

    func testImageHeaders() throws {
        let png = try XCTUnwrap(DOCXImageInfo(T.fixture("banner.png")))
        XCTAssertEqual([png.width, png.height], [960, 240])
        let hiDPI = try XCTUnwrap(DOCXImageInfo(T.fixture("logo-300dpi.png")))
        XCTAssertEqual(hiDPI.dpi?.x ?? 0, 300, accuracy: 0.01)
        let size = hiDPI.displaySize(requestedWidth: nil, requestedHeight: nil, maxWidth: 10_000_000)
        XCTAssertEqual(Double(size.cx), 914_400, accuracy: 10)
        let jpeg = try XCTUnwrap(DOCXImageInfo(T.fixture("photo.jpg")))
        XCTAssertEqual(jpeg.kind, .jpeg)
        XCTAssertEqual([jpeg.width, jpeg.height], [320, 240])
        let gif = try XCTUnwrap(DOCXImageInfo(T.fixture("pixel.gif")))
        XCTAssertEqual([gif.width, gif.height], [1, 1])
        XCTAssertNil(DOCXImageInfo(Array("<svg/>".utf8)))
        XCTAssertNil(DOCXImageInfo(Array(T.fixture("banner.png").prefix(20))))
        XCTAssertNil(DOCXImageInfo(Array(T.fixture("photo.jpg").prefix(100))))
        let wide = png.displaySize(requestedWidth: 480, requestedHeight: nil, maxWidth: 5_486_400)
        XCTAssertEqual([wide.cx, wide.cy], [4_572_000, 1_143_000])
    }

    func testFootnotesHaveSeparatorsAndTheirOwnRelationships() throws {
        let (docx, _) = try write(T.everything())
        let notes = try XCTUnwrap(T.part(docx, "word/footnotes.xml"))
        XCTAssertTrue(notes.contains("<w:footnote w:type=\"separator\" w:id=\"-1\">"))
        XCTAssertTrue(notes.contains("<w:footnote w:type=\"continuationSeparator\" w:id=\"0\">"))
        XCTAssertTrue(notes.contains("<w:footnote w:id=\"1\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/>"))
        let rels = try XCTUnwrap(T.part(docx, "word/_rels/footnotes.xml.rels"))
        XCTAssertTrue(rels.contains("https://acme.example/report"))
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:footnoteReference w:id=\"1\"/>"))
    }

    func testRawContentIsWarnedAboutUnlessWellFormedOpenXML() throws {
        let (docx, context) = try write(T.everything())
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:p><w:r><w:t>Raw OpenXML paragraph</w:t></w:r></w:p>"))
        XCTAssertFalse(document.contains("broken"))
        XCTAssertFalse(document.contains("widget"))
        let warnings = context.diagnostics.map(\.message)
        XCTAssertTrue(warnings.contains { $0.contains("raw html") && $0.contains("Share this") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("OpenXML") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("<span") }, "\(warnings)")
    }

    func testDocumentPropertiesComeFromMetadataAndNeverTheClock() throws {
        let (docx, _) = try write(T.everything())
        let core = try XCTUnwrap(T.part(docx, "docProps/core.xml"))
        XCTAssertTrue(core.contains("<dc:title>Acme Opens a Solar Plant in Minsk</dc:title>"))
        XCTAssertTrue(core.contains("<dc:subject>Acme opens its first solar plant.</dc:subject>"))
        XCTAssertTrue(core.contains("<dc:creator>Jane Doe; John Roe</dc:creator>"))
        XCTAssertTrue(core.contains("<cp:keywords>solar, energy, Belarus</cp:keywords>"))
        XCTAssertTrue(core.contains("<dc:language>en-US</dc:language>"))
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-09-21T00:00:00Z</dcterms:created>"))
        let app = try XCTUnwrap(T.part(docx, "docProps/app.xml"))
        XCTAssertTrue(app.contains("<Company>Acme Energy Ltd.</Company>"))

        var undated = Document(metadata: Metadata(title: "T", organization: "Org"), blocks: [])
        var options = ConversionOptions()
        options.sourceDateEpoch = 1_600_000_000
        let epochCore = try XCTUnwrap(T.part(try write(undated, options: options).0, "docProps/core.xml"))
        XCTAssertTrue(epochCore.contains(">2020-09-13T12:26:40Z</dcterms:created>"), epochCore)
        XCTAssertTrue(epochCore.contains("<dc:creator>Org</dc:creator>"))
        // A dated release keeps its date as created; SOURCE_DATE_EPOCH sets modified, as in the EPUB.
        var dated = undated
        dated.metadata.date = "2021-09-21"
        let datedCore = try XCTUnwrap(T.part(try write(dated, options: options).0, "docProps/core.xml"))
        XCTAssertTrue(datedCore.contains(">2021-09-21T00:00:00Z</dcterms:created>"), datedCore)
        XCTAssertTrue(datedCore.contains(">2020-09-13T12:26:40Z</dcterms:modified>"), datedCore)
        undated.metadata.organization = nil
        let fixedCore = try XCTUnwrap(T.part(try write(undated).0, "docProps/core.xml"))
        XCTAssertTrue(fixedCore.contains(">1980-01-01T00:00:00Z</dcterms:created>"))
        var subtitled = undated
        subtitled.metadata.subtitle = "A subtitle"
        XCTAssertTrue(try XCTUnwrap(T.part(try write(subtitled).0, "docProps/core.xml")).contains("<dc:subject>A subtitle</dc:subject>"))
    }

    func testDigestPutsReleasesInDateOrderEachOnItsOwnPage() throws {
        let resources = RecordingResources(T.images)
        let context = ConversionContext(resources: resources)
        let docx = try DOCXWriter().write(collection: T.digest(), context: context)
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        let first = try XCTUnwrap(document.range(of: "First Release: Plant Opens"))
        let second = try XCTUnwrap(document.range(of: "Second Release: Plant Expands"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound)
        XCTAssertEqual(T.occurrences(of: "<w:pageBreakBefore/>", in: document), 1)
        XCTAssertTrue(document.contains("<w:pStyle w:val=\"Title\"/><w:pageBreakBefore/>"))
        // The image of the newer release (input 0) is looked up with its original index.
        XCTAssertEqual(resources.calls.map(\.1), [0])
        XCTAssertTrue(document.contains("<w:hyperlink w:anchor=\"details\""))
        let numbering = try XCTUnwrap(T.part(docx, "word/numbering.xml"))
        XCTAssertEqual(T.occurrences(of: "<w:num ", in: numbering), 2)
        let core = try XCTUnwrap(T.part(docx, "docProps/core.xml"))
        XCTAssertTrue(core.contains("<dc:title>First Release: Plant Opens; Second Release: Plant Expands</dc:title>"))
        XCTAssertTrue(core.contains(">2022-03-01T00:00:00Z</dcterms:modified>"))
        XCTAssertEqual(DOCXWriter.dateOrder([
            Document(metadata: Metadata(date: "2022-01-01")), Document(), Document(metadata: Metadata(date: "2021-01-01")),
            Document(metadata: Metadata(date: "2021-01-01")),
        ]), [2, 3, 0, 1])
    }

    func testReleasesInAnotherLanguageMarkTheirRunsAndLabels() throws {
        var german = T.digest()[1]
        german.metadata.language = "de"
        german.metadata.date = "2023-01-05"
        german.metadata.source = "https://acme.example/de"
        let context = ConversionContext(resources: T.images)
        let docx = try DOCXWriter().write(collection: [T.digest()[0], german], context: context)
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:lang w:val=\"de-DE\"/>"))
        XCTAssertTrue(document.contains("5. Januar 2023"))
        XCTAssertTrue(document.contains("Quelle: "))
        XCTAssertTrue(try XCTUnwrap(T.part(docx, "word/styles.xml")).contains("<w:lang w:val=\"en-US\""))
    }

    func testScriptAndFileLinksAreNotKept() throws {
        let document = Document(blocks: [.paragraph([
            .link(Link(target: "javascript:alert(1)", content: [.text("click")])),
            .link(Link(target: "file:///etc/passwd", content: [.text("local")])),
            .link(Link(target: "report.pdf", content: [.text("relative")])),
        ])])
        let (docx, context) = try write(document)
        let rels = try XCTUnwrap(T.part(docx, "word/_rels/document.xml.rels"))
        XCTAssertFalse(rels.contains("javascript"))
        XCTAssertFalse(rels.contains("passwd"))
        XCTAssertTrue(rels.contains("Target=\"report.pdf\" TargetMode=\"External\""))
        XCTAssertEqual(context.diagnostics.count, 2)
        XCTAssertTrue(try XCTUnwrap(T.part(docx, "word/document.xml")).contains(">click<"))
    }

    /// Shapes that sent LibreOffice into unbounded memory use (found with DOCXRandomDocuments).
    func testFootnoteShapesLibreOfficeCannotLayOutAreAvoided() throws {
        let table = Block.table(Table(rows: [[T.cell("a")]]))
        let (first, _) = try write(Document(blocks: [.paragraph([.text("x"), .note([table])])]))
        let notes = try XCTUnwrap(T.part(first, "word/footnotes.xml"))
        XCTAssertTrue(notes.contains("<w:footnote w:id=\"1\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r></w:p><w:tbl>"),
                      "the mark stands in a paragraph before the table")
        let noted = TableCell(blocks: [.paragraph([.text("b"), .note([.paragraph([.text("n")])])])])
        let merged = Document(blocks: [.table(Table(rows: [[T.cell("a", rowspan: 2), noted], [T.cell("c")]]))])
        let (second, context) = try write(merged)
        let document = try XCTUnwrap(T.part(second, "word/document.xml"))
        XCTAssertFalse(document.contains("w:vMerge"))
        XCTAssertTrue(context.diagnostics.contains { $0.message.contains("row spans") })
        XCTAssertTrue(try XCTUnwrap(T.part(try write(Document(blocks: [.table(Table(rows: [[T.cell("a", rowspan: 2), T.cell("b")], [T.cell("c")]]))])).0,
                                           "word/document.xml")).contains("w:vMerge"))
    }

    func testRawOpenXMLMustBeWordprocessingMLOfTheRightKind() {
        XCTAssertNotNil(DOCXRawXML.wellFormedBlock("<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
        XCTAssertNil(DOCXRawXML.wellFormedBlock("<b>raw</b>"))
        XCTAssertNil(DOCXRawXML.wellFormedBlock("<w:r><w:t>a run is not a block</w:t></w:r>"))
        XCTAssertNil(DOCXRawXML.wellFormedBlock("text<w:p/>"))
        XCTAssertNil(DOCXRawXML.wellFormedBlock("<w:p><x:y xmlns:x=\"urn:x\"/></w:p>"))
        XCTAssertNil(DOCXRawXML.wellFormedBlock("<!DOCTYPE w:p [<!ENTITY e \"x\">]><w:p/>"))
        XCTAssertNil(DOCXRawXML.wellFormedBlock("<w:p><w:hyperlink r:id=\"rId99\"/></w:p>"))
        XCTAssertNotNil(DOCXRawXML.wellFormedInline("<w:r><w:t>x</w:t></w:r>"))
        XCTAssertNil(DOCXRawXML.wellFormedInline("<w:p/>"))
    }

    func testHostileNestingIsFlattenedNotFatal() throws {
        var block = Block.paragraph([.text("deep")])
        for i in 0..<5_000 {
            block = i % 2 == 0 ? .blockQuote([block]) : .bulletList(ListBlock(items: [ListItem(blocks: [block])]))
        }
        var inline = Inline.text("deep inline")
        for _ in 0..<5_000 { inline = .emphasis([inline]) }
        let (docx, _) = try write(Document(blocks: [block, .paragraph([inline])]))
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(XMLWellFormedness.check(Array(document.utf8)))
        XCTAssertTrue(document.contains("deep inline"))
    }

    func testEmptyDocumentIsStillAValidPackage() throws {
        let (docx, _) = try write(Document())
        let document = try XCTUnwrap(T.part(docx, "word/document.xml"))
        XCTAssertTrue(document.contains("<w:body><w:sectPr>"))
        XCTAssertEqual(try DOCXWriter().write(collection: [], context: ConversionContext()).count, docx.count)
    }
}
