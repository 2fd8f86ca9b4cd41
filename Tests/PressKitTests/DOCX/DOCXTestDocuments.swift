import Foundation
@testable import PressKit

/// Documents and fixtures the DOCX tests share.
enum DOCXTestDocuments {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/DOCX")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let judge = repositoryRoot.appendingPathComponent("Tests/Judges/docx")

    static func fixture(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))) ?? []
    }

    /// The images of the fixtures folder, served as a resolver would.
    static var images: InMemoryResources {
        InMemoryResources(["banner.png": fixture("banner.png"), "logo-300dpi.png": fixture("logo-300dpi.png"),
                           "photo.jpg": fixture("photo.jpg"), "pixel.gif": fixture("pixel.gif"),
                           "notes.txt": Array("not an image".utf8)])
    }

    static func cell(_ text: String, colspan: Int = 1, rowspan: Int = 1) -> TableCell {
        TableCell(blocks: [.paragraph([.text(text)])], colspan: colspan, rowspan: rowspan)
    }

    /// A release that uses every block and inline kind of the tree, and every metadata field.
    static func everything() -> Document {
        var metadata = Metadata(
            title: "Acme Opens a Solar Plant in Minsk", subtitle: "Forty megawatts for twelve thousand homes",
            date: "2021-09-21", dateSource: "dateline", dateline: "MINSK", organization: "Acme Energy Ltd.",
            authors: ["Jane Doe", "John Roe"],
            contacts: [Contact(name: "Anna Press", role: "Head of Media Relations", organization: "Acme Energy",
                               email: "press@acme.example", phone: "+375 17 000 00 00"),
                       Contact(text: "Investor Relations\nir@acme.example")],
            language: "en", source: "https://acme.example/news/2021-09-21-solar",
            keywords: ["solar", "energy", "Belarus"], description: "Acme opens its first solar plant.",
            embargo: "2021-09-21T09:00:00Z", image: "banner.png", extra: ["region": "Minsk"])
        metadata.extra["campaign"] = "Q3"
        let blocks: [Block] = [
            .paragraph([.text("MINSK, September 21, 2021 — Acme Energy today opened its "), .strong([.text("first solar plant")]),
                        .text(", a "), .emphasis([.text("forty-megawatt")]), .text(" site with "), .underline([.text("12,000")]),
                        .text(" panels"), .note([.paragraph([.text("Figures from the "), .link(Link(target: "https://acme.example/report", content: [.text("annual report")])), .text(".")])]),
                        .text(". It replaces "), .strikethrough([.text("coal")]), .text(" power; CO"), .subscript([.text("2")]),
                        .text(" falls by 10"), .superscript([.text("4")]), .text(" tonnes. Run "), .code("acme --status"),
                        .text(" to see it."), .softBreak, .text("Read the "),
                        .link(Link(target: "https://acme.example/plant?id=7&lang=en", title: "Plant page", content: [.text("plant page")])),
                        .text(" or jump to "), .link(Link(target: "#about-acme", content: [.text("About Acme")])),
                        .text(" or "), .link(Link(target: "#nowhere", content: [.text("a missing section")])),
                        .text("."), .lineBreak, .text("Second line."), .raw(format: "html", text: "<span class=\"x\">"),
                        .image(Image(source: "pixel.gif", alt: "A pixel", width: 16, height: 16))]),
            .heading(level: 1, content: [.text("Highlights")], id: "highlights"),
            .bulletList(ListBlock(items: [
                ListItem(blocks: [.paragraph([.text("Forty megawatts")])]),
                ListItem(blocks: [.paragraph([.text("Twelve thousand homes")]),
                                  .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("Nested bullet")])])])),
                                  .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("Nested step")])])], start: 1))]),
                ListItem(blocks: [.paragraph([.text("Done task")])], checked: true),
            ])),
            .heading(level: 2, content: [.text("Timeline")], id: nil),
            .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("Construction began")])]),
                                           ListItem(blocks: [.paragraph([.text("Grid connection")]),
                                                             .paragraph([.text("A second paragraph in the item.")])])],
                                   tight: false, start: 3, delimiter: ")")),
            .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("A new list starts again")])])], start: 1)),
            .blockQuote([.paragraph([.text("“This plant is a milestone,” said the CEO.")]),
                          .blockQuote([.paragraph([.text("A quote within a quote.")])])]),
            .codeBlock(language: "sh", text: "acme --status\n\tpanels: 12000\n"),
            .table(Table(caption: [.text("Table 1: Output by quarter")], alignments: [.left, .center, .right],
                         header: [[cell("Quarter"), cell("Output"), cell("Share")]],
                         rows: [[cell("Q1", rowspan: 2), cell("10 GWh"), cell("20%")],
                                [cell("12 GWh"), cell("24%")],
                                [cell("Total", colspan: 2), cell("100%")],
                                [TableCell(blocks: [])]])),
            .figure(Figure(image: Image(source: "banner.png", alt: "The plant from above", title: "Aerial view"),
                           caption: [.text("Figure 1: The plant from above.")])),
            .figure(Figure(image: Image(source: "logo-300dpi.png", alt: "Acme logo"), caption: [])),
            .paragraph([.image(Image(source: "photo.jpg", alt: "Panels at dusk")),
                        .image(Image(source: "https://cdn.example/remote.png", alt: "A remote image")),
                        .image(Image(source: "notes.txt", alt: "Not an image"))]),
            .thematicBreak,
            .definitionList([DefinitionItem(term: [.text("MW")], definitions: [[.paragraph([.text("Megawatt, a million watts.")])]])]),
            .raw(format: "html", text: "<div class=\"widget\">Share this</div>"),
            .raw(format: "openxml", text: "<w:p><w:r><w:t>Raw OpenXML paragraph</w:t></w:r></w:p>"),
            .raw(format: "openxml", text: "<w:p><w:r>broken"),
            .division(role: "about", blocks: [
                .heading(level: 3, content: [.text("About Acme")], id: "about-acme"),
                .paragraph([.text("Acme Energy builds solar plants in Eastern Europe.")]),
                .heading(level: 4, content: [.text("Level four")], id: nil),
                .heading(level: 5, content: [.text("Level five")], id: nil),
                .heading(level: 6, content: [.text("Level six")], id: nil),
            ]),
        ]
        return Document(metadata: metadata, blocks: blocks)
    }

    /// Two releases given newest first: the digest must put the older one first.
    static func digest() -> [Document] {
        let newer = Document(metadata: Metadata(title: "Second Release: Plant Expands", date: "2022-03-01", language: "en"),
                             blocks: [.paragraph([.text("The plant doubles its output.")]),
                                      .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("Eighty megawatts")])])])),
                                      .paragraph([.image(Image(source: "photo.jpg", alt: "Panels"))])])
        let older = Document(metadata: Metadata(title: "First Release: Plant Opens", date: "2021-09-21", language: "en"),
                             blocks: [.paragraph([.text("The plant opens today.")]),
                                      .heading(level: 2, content: [.text("Details")], id: "details"),
                                      .paragraph([.link(Link(target: "#details", content: [.text("see details")]))]),
                                      .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("Forty megawatts")])])]))])
        return [newer, older]
    }

    /// The parts of a DOCX, read back with `ZipReader`.
    static func part(_ docx: [UInt8], _ name: String) -> String? {
        (try? ZipReader(docx).entry(name)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
