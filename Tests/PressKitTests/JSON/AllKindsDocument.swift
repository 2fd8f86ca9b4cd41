@testable import PressKit

/// Documents for the JSON and plain-text tests: one that holds every block and inline kind, every metadata
/// field and awkward text, and a few press-release-like ones.
enum TestDocuments {
    /// Every Block and Inline case, every metadata field, special characters and non-ASCII text.
    static var allKinds: Document {
        let metadata = Metadata(
            title: "Minister \"Took\" Part — in the Partner2Connect Meeting",
            subtitle: "Belarus joins the ITU coalition",
            date: "2021-09-21", dateSource: "dateline", dateline: "MINSK",
            organization: "Ministry of Communications & Informatization",
            authors: ["Анна Иванова", "Jean-Luc Müller"],
            contacts: [
                Contact(name: "Jane Doe", role: "Press officer", organization: "MPT", email: "press@mpt.gov.by",
                        phone: "+375 17 000-00-00"),
                Contact(text: "Press office\nTel. 123"),
            ],
            language: "en", source: "https://www.mpt.gov.by/news/21-09-2021-7488",
            keywords: ["ITU", "digital", ""], description: "Tabs\tand\nnewlines and a \u{1} control",
            embargo: "2021-09-21T10:00:00Z", image: "images/lead.png",
            extra: ["zeta": "last", "alpha": "first", "empty": "", "ключ": "значение"])
        let cell = { (s: String) in TableCell([.text(s)]) }
        let blocks: [Block] = [
            .heading(level: 1, content: [.text("Overview")], id: "overview"),
            .heading(level: 2, content: [.text("Details "), .emphasis([.text("here")])], id: nil),
            .heading(level: 3, content: [.text("Minor")], id: nil),
            .paragraph([
                .text("Plain, "), .emphasis([.text("emphasis")]), .text(", "), .strong([.text("strong")]),
                .text(", "), .underline([.text("underline")]), .text(", "), .strikethrough([.text("struck")]),
                .text(", E=mc"), .superscript([.text("2")]), .text(", H"), .subscript([.text("2")]), .text("O, "),
                .code("let x = \"y\\n\""), .softBreak, .text("a "),
                .link(Link(target: "https://www.itu.int/", title: "ITU \"home\"", content: [.text("the ITU")])),
                .text(" and "), .link(Link(target: "https://example.org", content: [.text("https://example.org")])),
                .text(" "), .image(Image(source: "logo.png", alt: "Logo", title: "The logo", width: 120, height: 40)),
                .lineBreak, .raw(format: "html", text: "<b>raw</b>"), .text("note"),
                .note([.paragraph([.text("A footnote with "), .link(Link(target: "mailto:a@b.c", content: [.text("a@b.c")]))])]),
                .text(" — Юникод 😀 \u{7F} / \\ \u{8}\u{C}\r\t end"),
            ]),
            .bulletList(ListBlock(items: [
                ListItem(blocks: [.paragraph([.text("one")])]),
                ListItem(blocks: [.paragraph([.text("two")]),
                                  .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("nested")])])],
                                                         tight: true, start: 3, delimiter: ")"))]),
            ], tight: true)),
            .bulletList(ListBlock(items: [
                ListItem(blocks: [.paragraph([.text("done")])], checked: true),
                ListItem(blocks: [.paragraph([.text("todo")])], checked: false),
                ListItem(blocks: []),
            ], tight: false)),
            .orderedList(ListBlock(items: [
                ListItem(blocks: [.paragraph([.text("first")])]),
                ListItem(blocks: [.paragraph([.text("second")])]),
            ], tight: true, start: 9, delimiter: ".")),
            .blockQuote([.paragraph([.text("\u{201C}Quoted,\u{201D} he said.")]), .blockQuote([.paragraph([.text("deeper")])])]),
            .codeBlock(language: "swift", text: "print(\"hi\")\n\tindented\n"),
            .codeBlock(language: nil, text: ""),
            .table(Table(caption: [.text("Results")], alignments: [.left, .right, .center, .none],
                         header: [[cell("Name"), cell("Value"), cell("Mid"), cell("")]],
                         rows: [[cell("a"), cell("1"), TableCell(blocks: [.paragraph([.text("wide")])], colspan: 2)],
                                [TableCell(blocks: [], colspan: 1, rowspan: 2), cell("22"), cell("x"), cell("y")],
                                []])),
            .figure(Figure(image: Image(source: "chart.png", alt: "A chart"), caption: [.text("Figure 1: growth")])),
            .figure(Figure(image: Image(source: ""), caption: [])),
            .thematicBreak,
            .definitionList([
                DefinitionItem(term: [.text("ITU")], definitions: [[.paragraph([.text("International Telecommunication Union")])], []]),
                DefinitionItem(term: [], definitions: []),
            ]),
            .raw(format: "html", text: "<div class=\"x\">raw</div>"),
            .raw(format: "text", text: "raw plain text"),
            .division(role: "about", blocks: [.paragraph([.text("About the Ministry")])]),
            .division(role: nil, blocks: []),
            .paragraph([]),
            .paragraph([.text("")]),
        ]
        return Document(metadata: metadata, blocks: blocks)
    }

    /// A small wire-style release.
    static var release: Document {
        Document(
            metadata: Metadata(title: "Acme Opens New Plant", date: "2024-03-05", dateSource: "dateline",
                               dateline: "BERLIN", organization: "Acme GmbH", language: "en",
                               source: "https://acme.example/news/plant"),
            blocks: [
                .paragraph([.text("Acme today opened its new plant in Berlin.")]),
                .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("200 jobs")])]),
                                              ListItem(blocks: [.paragraph([.text("Solar powered")])])])),
                .heading(level: 2, content: [.text("About Acme")], id: nil),
                .paragraph([.text("Acme makes everything.")]),
            ])
    }

    /// A tree nested `depth` levels: lists in block quotes in notes, alternating.
    static func nested(depth: Int) -> Document {
        var block: Block = .paragraph([.text("bottom")])
        for level in 0..<depth {
            switch level % 4 {
            case 0: block = .blockQuote([block])
            case 1: block = .bulletList(ListBlock(items: [ListItem(blocks: [block])]))
            case 2: block = .division(role: "d", blocks: [block])
            default: block = .paragraph([.emphasis([.note([block])])])
            }
        }
        return Document(blocks: [block])
    }
}
