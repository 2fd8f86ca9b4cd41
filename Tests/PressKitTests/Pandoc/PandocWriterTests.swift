import XCTest
@testable import PressKit

/// The pandoc JSON writer, node by node: each presskit node's pandoc constructor, the metadata keys, the
/// bytes pandoc itself would write (key order, escapes, final newline) and the 1.23 differences.
final class PandocWriterTests: XCTestCase {
    private func json(_ document: Document, api: PandocAPI = .v1_22) -> String {
        String(decoding: PandocWriter.bytes(document, api: api), as: UTF8.self)
    }

    private func blocksJSON(_ blocks: [Block], api: PandocAPI = .v1_22) -> String {
        let text = json(Document(blocks: blocks), api: api)
        let start = text.range(of: "\"blocks\":")!.upperBound
        return String(text[start...].dropLast(2))
    }

    func testEmptyDocumentIsPandocsEmptyDocument() {
        XCTAssertEqual(json(Document()), "{\"pandoc-api-version\":[1,22,2,1],\"meta\":{},\"blocks\":[]}\n")
        XCTAssertEqual(json(Document(), api: .v1_23), "{\"pandoc-api-version\":[1,23,1,1],\"meta\":{},\"blocks\":[]}\n")
    }

    func testTextBecomesWordsAndSpacesAndInlinesTheirConstructors() {
        let out = blocksJSON([.paragraph([
            .text("Hello  big "), .text("world"), .emphasis([.text("e")]), .strong([.text("s")]),
            .underline([.text("u")]), .strikethrough([.text("x")]), .superscript([.text("2")]), .subscript([.text("3")]),
            .code("a b"), .softBreak, .lineBreak, .raw(format: "html", text: "<b>"),
            .link(Link(target: "https://a.example/", title: "T", content: [.text("l")])),
            .image(Image(source: "i.png", alt: "An image", title: nil, width: 10, height: 20)),
            .note([.paragraph([.text("n")])]),
        ])])
        XCTAssertEqual(out, """
        [{"t":"Para","c":[{"t":"Str","c":"Hello"},{"t":"Space"},{"t":"Space"},{"t":"Str","c":"big"},{"t":"Space"},\
        {"t":"Str","c":"world"},{"t":"Emph","c":[{"t":"Str","c":"e"}]},{"t":"Strong","c":[{"t":"Str","c":"s"}]},\
        {"t":"Underline","c":[{"t":"Str","c":"u"}]},{"t":"Strikeout","c":[{"t":"Str","c":"x"}]},\
        {"t":"Superscript","c":[{"t":"Str","c":"2"}]},{"t":"Subscript","c":[{"t":"Str","c":"3"}]},\
        {"t":"Code","c":[["",[],[]],"a b"]},{"t":"SoftBreak"},{"t":"LineBreak"},{"t":"RawInline","c":["html","<b>"]},\
        {"t":"Link","c":[["",[],[]],[{"t":"Str","c":"l"}],["https://a.example/","T"]]},\
        {"t":"Image","c":[["",[],[["width","10"],["height","20"]]],[{"t":"Str","c":"An"},{"t":"Space"},{"t":"Str","c":"image"}],["i.png",""]]},\
        {"t":"Note","c":[{"t":"Para","c":[{"t":"Str","c":"n"}]}]}]}]
        """)
    }

    func testBlocksBecomeTheirConstructors() {
        let out = blocksJSON([
            .heading(level: 2, content: [.text("H")], id: "h-id"),
            .heading(level: 9, content: [], id: nil),
            .blockQuote([.paragraph([.text("q")])]),
            .codeBlock(language: "swift", text: "let x = 1\n"),
            .thematicBreak,
            .raw(format: "html", text: "<div>r</div>"),
            .division(role: "about", blocks: [.paragraph([.text("d")])]),
            .division(role: nil, blocks: []),
            .definitionList([DefinitionItem(term: [.text("T")], definitions: [[.paragraph([.text("D")])], []])]),
        ])
        XCTAssertEqual(out, """
        [{"t":"Header","c":[2,["h-id",[],[]],[{"t":"Str","c":"H"}]]},{"t":"Header","c":[6,["",[],[]],[]]},\
        {"t":"BlockQuote","c":[{"t":"Para","c":[{"t":"Str","c":"q"}]}]},\
        {"t":"CodeBlock","c":[["",["swift"],[]],"let x = 1"]},{"t":"HorizontalRule"},\
        {"t":"RawBlock","c":["html","<div>r</div>"]},\
        {"t":"Div","c":[["",["about"],[]],[{"t":"Para","c":[{"t":"Str","c":"d"}]}]]},{"t":"Div","c":[["",[],[]],[]]},\
        {"t":"DefinitionList","c":[[[{"t":"Str","c":"T"}],[[{"t":"Plain","c":[{"t":"Str","c":"D"}]}],[]]]]}]
        """)
    }

    func testListsTightAsPlainLooseAsParaTasksWithBallotBoxes() {
        let out = blocksJSON([
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("a")])], checked: true),
                                          ListItem(blocks: [.paragraph([.text("b")])], checked: false),
                                          ListItem(blocks: [.codeBlock(language: nil, text: "c\n")], checked: false)])),
            .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("x")])])], tight: false, start: 4, delimiter: ")")),
        ])
        XCTAssertEqual(out, """
        [{"t":"BulletList","c":[[{"t":"Plain","c":[{"t":"Str","c":"☒"},{"t":"Space"},{"t":"Str","c":"a"}]}],\
        [{"t":"Plain","c":[{"t":"Str","c":"☐"},{"t":"Space"},{"t":"Str","c":"b"}]}],\
        [{"t":"Plain","c":[{"t":"Str","c":"☐"}]},{"t":"CodeBlock","c":[["",[],[]],"c"]}]]},\
        {"t":"OrderedList","c":[[4,{"t":"Decimal"},{"t":"OneParen"}],[[{"t":"Para","c":[{"t":"Str","c":"x"}]}]]]}]
        """)
    }

    func testTableIsPandoc122TableWithCaptionAlignmentsHeadAndBody() {
        let table = Table(caption: [.text("Cap")], alignments: [.left, .right],
                          header: [[TableCell([.text("A")]), TableCell([.text("B")])]],
                          rows: [[TableCell(blocks: [.paragraph([.text("1")])], colspan: 2)], [TableCell([]), TableCell([.text("c")])]])
        XCTAssertEqual(blocksJSON([.table(table)]), """
        [{"t":"Table","c":[["",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Cap"}]}]],\
        [[{"t":"AlignLeft"},{"t":"ColWidthDefault"}],[{"t":"AlignRight"},{"t":"ColWidthDefault"}]],\
        [["",[],[]],[[["",[],[]],[[["",[],[]],{"t":"AlignDefault"},1,1,[{"t":"Plain","c":[{"t":"Str","c":"A"}]}]],\
        [["",[],[]],{"t":"AlignDefault"},1,1,[{"t":"Plain","c":[{"t":"Str","c":"B"}]}]]]]]],\
        [[["",[],[]],0,[],[[["",[],[]],[[["",[],[]],{"t":"AlignDefault"},1,2,[{"t":"Plain","c":[{"t":"Str","c":"1"}]}]]]],\
        [["",[],[]],[[["",[],[]],{"t":"AlignDefault"},1,1,[]],[["",[],[]],{"t":"AlignDefault"},1,1,[{"t":"Plain","c":[{"t":"Str","c":"c"}]}]]]]]]],\
        [["",[],[]],[]]]}]
        """)
    }

    func testFigureIsParaImageFigIn122AndFigureBlockIn123() {
        let figure = Block.figure(Figure(image: Image(source: "f.png", alt: "Alt", title: "T", width: 5), caption: [.text("Cap")]))
        XCTAssertEqual(blocksJSON([figure]), """
        [{"t":"Para","c":[{"t":"Image","c":[["",[],[["width","5"]]],[{"t":"Str","c":"Cap"}],["f.png","fig:T"]]}]}]
        """)
        XCTAssertEqual(blocksJSON([figure], api: .v1_23), """
        [{"t":"Figure","c":[["",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Cap"}]}]],\
        [{"t":"Plain","c":[{"t":"Image","c":[["",[],[["width","5"]]],[{"t":"Str","c":"Alt"}],["f.png","T"]]}]}]]}]
        """)
        // Without a caption, 1.22's figure carries the alt text.
        XCTAssertEqual(blocksJSON([.figure(Figure(image: Image(source: "g.png", alt: "G")))]), """
        [{"t":"Para","c":[{"t":"Image","c":[["",[],[]],[{"t":"Str","c":"G"}],["g.png","fig:"]]}]}]
        """)
    }

    func testMetadataUnderPandocsKeysSortedByCodePoint() {
        let metadata = Metadata(title: "A Title", subtitle: "Sub", date: "2024-03-05", dateSource: "dateline",
                                dateline: "BERLIN", organization: "Acme", authors: ["Jo Ann", "Bo"],
                                contacts: [Contact(name: "Jane", email: "j@a.example"), Contact(text: "Line 1\nLine 2")],
                                language: "de", source: "https://a.example/n", keywords: ["k1"], description: "Desc",
                                embargo: "2024-03-05T10:00:00Z", image: "lead.png",
                                extra: ["Zed": "z", "ärger": "ä", "authors": "ignored", "abstract": "ignored"])
        let text = json(Document(metadata: metadata))
        let value = try! JSONValue(parsing: text)
        guard case .object(let members)? = value["meta"] else { return XCTFail("no meta object") }
        XCTAssertEqual(members.map(\.key), ["Zed", "author", "contacts", "date", "date-source", "dateline", "description",
                                            "embargo", "image", "keywords", "lang", "organization", "source",
                                            "subtitle", "title", "ärger"])
        XCTAssertTrue(text.contains("\"title\":{\"t\":\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"A\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"Title\"}]}"))
        XCTAssertTrue(text.contains("\"author\":{\"t\":\"MetaList\",\"c\":[{\"t\":\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"Jo\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"Ann\"}]},{\"t\":\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"Bo\"}]}]}"))
        XCTAssertTrue(text.contains("\"contacts\":{\"t\":\"MetaList\",\"c\":[{\"t\":\"MetaMap\",\"c\":{\"email\":{\"t\":\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"j@a.example\"}]},\"name\":{\"t\":\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"Jane\"}]}}},{\"t\":\"MetaMap\",\"c\":{\"text\":{\"t\":\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"Line\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"1\"},{\"t\":\"LineBreak\"},{\"t\":\"Str\",\"c\":\"Line\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"2\"}]}}}]}"))
        XCTAssertFalse(text.contains("ignored"))
    }

    func testEscapesAreAesons() {
        let text = json(Document(blocks: [.paragraph([.text("a\u{8}\u{C}\u{1}\"\\/\t\n\u{7F}é😀")])]))
        XCTAssertTrue(text.contains(#"{"t":"Str","c":"a\u0008\u000c\u0001\"\\/\t\n"# + "\u{7F}é😀\"}"), text)
    }

    func testWriterUsesTheContextsAPIAndIsRegistered() throws {
        var options = ConversionOptions()
        options.pandoc.api = .v1_23
        let bytes = try PandocWriter().write(TestDocuments.release, context: ConversionContext(options: options))
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasPrefix("{\"pandoc-api-version\":[1,23,1,1],"))
        XCTAssertEqual(Formats.named("pandoc")?.name, "pandoc")
        XCTAssertEqual(Formats.named("pandoc-json")?.name, "pandoc")
        XCTAssertEqual(PandocWriter.bytes(TestDocuments.allKinds, api: .v1_22), PandocWriter.bytes(TestDocuments.allKinds, api: .v1_22))
    }
}
