import Foundation
import XCTest
@testable import PressKit

/// Helpers for the EPUB tests: fixtures, a test document with every kind of node, and reading a written
/// book back with `unzip` (installed by `make deps`).
enum EPUBTestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/PressKitTests/Fixtures/EPUB")
    static let judge = repositoryRoot.appendingPathComponent("Tests/Judges/epub")

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// The test images, by the names the test document uses.
    static func resources() throws -> InMemoryResources {
        InMemoryResources([
            "images/chart.png": try fixture("chart.png"),
            "dot.gif": try fixture("dot.gif"),
            "logo.svg": try fixture("logo.svg"),
            "photo.webp": try fixture("photo.webp"),
            "notes.txt": Array("not an image".utf8),
        ])
    }

    static func context(_ options: ConversionOptions = ConversionOptions(),
                        resources: any ResourceResolver = NoResources()) -> ConversionContext {
        ConversionContext(options: options, resources: resources, inputName: "test")
    }

    /// A press release using every block and inline case, every metadata field and every kind of image and
    /// link the writer treats differently.
    static func everyNodeDocument() -> Document {
        let metadata = Metadata(
            title: "Acme Opens a Plant in Leipzig & Expands <Everything>", subtitle: "500 new jobs by 2026",
            date: "2021-09-21", dateSource: "dateline", dateline: "LEIPZIG", organization: "Acme Corp",
            authors: ["Jane Doe", "John Roe"],
            contacts: [Contact(name: "Mia Press", role: "Head of Media", organization: "Acme Corp",
                               email: "press@acme.example", phone: "+49 341 000000"),
                       Contact(text: "Acme Investor Relations\nir@acme.example")],
            language: "en", source: "https://acme.example/news/2021/leipzig-plant?ref=a b",
            keywords: ["manufacturing", "Leipzig", "jobs"], description: "Acme opens a plant.",
            embargo: "2021-09-21T06:00:00Z", image: "images/chart.png", extra: ["x-note": "kept"])
        let blocks: [Block] = [
            .paragraph([.text("LEIPZIG, Germany — Acme Corp "), .strong([.text("today")]), .text(" opened its "),
                        .emphasis([.text("largest")]), .text(" plant. See "),
                        .link(Link(target: "#outlook", content: [.text("the outlook")])), .text(", "),
                        .link(Link(target: "https://acme.example/plant", title: "Plant", content: [.text("the plant page")])),
                        .text(", "), .link(Link(target: "/about/history", content: [.text("our history")])),
                        .text(" and "), .link(Link(target: "#nowhere", content: [.text("a dead anchor")])),
                        .text("."), .softBreak, .text("Write to "),
                        .link(Link(target: "mailto:press@acme.example", content: [.text("press@acme.example")])),
                        .lineBreak, .underline([.text("underlined")]), .text(" "), .strikethrough([.text("struck")]),
                        .text(" H"), .subscript([.text("2")]), .text("O E=mc"), .superscript([.text("2")]),
                        .text(" "), .code("let x = 1 < 2"), .text(" "), .raw(format: "html", text: "<b>raw</b>"),
                        .note([.paragraph([.text("A footnote with a "),
                                           .link(Link(target: "https://example.org", content: [.text("link")]))])])]),
            .heading(level: 2, content: [.text("Highlights")], id: "highlights"),
            .bulletList(ListBlock(items: [
                ListItem(blocks: [.paragraph([.text("500 jobs")])]),
                ListItem(blocks: [.paragraph([.text("Solar roof")]),
                                  .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("phase one")])]),
                                                                 ListItem(blocks: [.paragraph([.text("phase two")])])],
                                                         tight: true, start: 3, delimiter: ")"))]),
                ListItem(blocks: [.paragraph([.text("done")])], checked: true),
            ], tight: false)),
            .blockQuote([.paragraph([.text("“We are proud,” said the CEO.")])]),
            .codeBlock(language: "swift", text: "print(\"<hello>\")\n"),
            .table(Table(caption: [.text("Output by year")], alignments: [.left, .right],
                         header: [[TableCell([.text("Year")]), TableCell([.text("Units")])]],
                         rows: [[TableCell([.text("2022")]), TableCell([.text("1,000")])],
                                [TableCell(blocks: [.paragraph([.text("2023")])], colspan: 2)]])),
            .table(Table(rows: [[TableCell([.strong([.text("Site")])]), TableCell([.strong([.text("Jobs")])])],
                                [TableCell([.text("Leipzig")]), TableCell([.text("500")])]])),
            .figure(Figure(image: Image(source: "images/chart.png", alt: "Chart of output", title: "Output", width: 8,
                                        height: 6),
                           caption: [.text("Output grows")])),
            .figure(Figure(image: Image(source: "logo.svg", alt: ""), caption: [.text("The Acme logo")])),
            .paragraph([.text("Inline "), .image(Image(source: "dot.gif", alt: "")), .text(" dot, a remote "),
                        .image(Image(source: "https://cdn.example/remote.png", alt: "remote photo")),
                        .text(", a missing "), .image(Image(source: "missing.png", alt: "missing picture")),
                        .text(", a WebP "), .image(Image(source: "photo.webp", alt: "WebP photo")),
                        .text(", a text file "), .image(Image(source: "notes.txt", alt: "")),
                        .text(", a data URL "),
                        .image(Image(source: "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
                                     alt: "pixel")),
                        .text(", an empty link "), .link(Link(target: "https://acme.example/empty", content: [])),
                        .text(", a linked logo "),
                        .link(Link(target: "https://acme.example/logo", content: [.image(Image(source: "logo.svg", alt: "Acme logo"))])),
                        .text(" and a linked remote "),
                        .link(Link(target: "https://acme.example", content: [
                            .image(Image(source: "//cdn.example/linked.png", alt: "linked"))]))]),
            .figure(Figure(image: Image(source: "http://cdn.example/big.jpg", alt: ""), caption: [.text("A remote figure")])),
            .thematicBreak,
            .heading(level: 2, content: [.text("Outlook")], id: "outlook"),
            .heading(level: 4, content: [.text("Deep heading")], id: nil),
            .definitionList([DefinitionItem(term: [.text("GW")], definitions: [[.paragraph([.text("Gigawatt")])]])]),
            .raw(format: "html", text: "<div>raw block</div>"),
            .division(role: "about", blocks: [.paragraph([.text("About Acme: Acme makes everything.")])]),
            .heading(level: 2, content: [.text("Highlights")], id: "highlights"),
            .paragraph([.text("The end.")]),
        ]
        return Document(metadata: metadata, blocks: blocks)
    }

    static func release(title: String, date: String?, organization: String? = "Acme Corp", language: String? = "en",
                        source: String? = nil, text: String) -> Document {
        Document(metadata: Metadata(title: title, date: date, organization: organization, language: language,
                                    source: source),
                 blocks: [.paragraph([.text(text)]), .heading(level: 1, content: [.text("Details")], id: nil),
                          .paragraph([.text("More about " + title + ".")])])
    }
}

/// A written EPUB, read back with `unzip`.
struct UnpackedEPUB {
    let file: URL

    init(_ bytes: [UInt8]) throws {
        file = FileManager.default.temporaryDirectory
            .appendingPathComponent("presskit-epub-test-\(UUID().uuidString).epub")
        try Data(bytes).write(to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: file) }

    /// Entry names in archive order.
    func entries() throws -> [String] {
        try String(decoding: run(["-Z1", file.path]), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `unzip -v` listing (methods, sizes, times).
    func listing() throws -> String { String(decoding: try run(["-v", file.path]), as: UTF8.self) }

    func text(_ entry: String) throws -> String { String(decoding: try data(entry), as: UTF8.self) }

    func data(_ entry: String) throws -> [UInt8] { try run(["-p", file.path, entry]) }

    private func run(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PressKitError(.internal, "unzip \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return [UInt8](out)
    }
}
