import XCTest
@testable import PressKit

/// The pandoc JSON reader, construct by construct, and on hostile input: every failure is a one-line
/// `PressKitError(.invalidInput)` naming where the problem is, never a crash.
final class PandocReaderTests: XCTestCase {
    private func read(_ json: String, warnings: inout [String]) throws -> Document {
        let context = ConversionContext()
        let document = try PandocReader().read(Array(json.utf8), context: context)
        warnings = context.diagnostics.map(\.message)
        return document
    }

    private func read(blocks: String, meta: String = "{}") throws -> (Document, [String]) {
        var warnings: [String] = []
        let document = try read("{\"pandoc-api-version\":[1,22,2,1],\"meta\":\(meta),\"blocks\":[\(blocks)]}", warnings: &warnings)
        return (document, warnings)
    }

    private func readBlocks(_ blocks: String) throws -> [Block] { try read(blocks: blocks).0.blocks }

    private func para(_ inlines: String) throws -> ([Inline], [String]) {
        let (document, warnings) = try read(blocks: "{\"t\":\"Para\",\"c\":[\(inlines)]}")
        guard case .paragraph(let content)? = document.blocks.first else { XCTFail("no paragraph"); return ([], warnings) }
        return (content, warnings)
    }

    private func error(_ json: String) -> String? {
        do {
            var warnings: [String] = []
            _ = try read(json, warnings: &warnings)
            return nil
        } catch let error as PressKitError {
            XCTAssertEqual(error.kind, .invalidInput)
            return error.description
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    // MARK: - Inlines

    func testStrAndSpaceMergeIntoTextAndFormattingMaps() throws {
        let (content, warnings) = try para("""
        {"t":"Str","c":"Hello"},{"t":"Space"},{"t":"Str","c":"world"},{"t":"SoftBreak"},{"t":"Emph","c":[{"t":"Str","c":"e"}]},\
        {"t":"Strong","c":[{"t":"Str","c":"s"}]},{"t":"Underline","c":[{"t":"Str","c":"u"}]},{"t":"Strikeout","c":[{"t":"Str","c":"x"}]},\
        {"t":"Superscript","c":[{"t":"Str","c":"2"}]},{"t":"Subscript","c":[{"t":"Str","c":"3"}]},{"t":"LineBreak"},\
        {"t":"Code","c":[["",["swift"],[]],"let x"]},{"t":"RawInline","c":["HTML","<b>"]},\
        {"t":"Link","c":[["",[],[]],[{"t":"Str","c":"l"}],["https://a.example/","T"]]},\
        {"t":"Link","c":[["",[],[]],[{"t":"Str","c":"m"}],["https://b.example/",""]]},\
        {"t":"Image","c":[["",[],[["width","300px"],["height","x"]]],[{"t":"Str","c":"An"},{"t":"Space"},{"t":"Str","c":"image"}],["i.png",""]]},\
        {"t":"Note","c":[{"t":"Para","c":[{"t":"Str","c":"n"}]}]}
        """)
        XCTAssertEqual(content, [
            .text("Hello world"), .softBreak, .emphasis([.text("e")]), .strong([.text("s")]), .underline([.text("u")]),
            .strikethrough([.text("x")]), .superscript([.text("2")]), .subscript([.text("3")]), .lineBreak, .code("let x"),
            .raw(format: "html", text: "<b>"),
            .link(Link(target: "https://a.example/", title: "T", content: [.text("l")])),
            .link(Link(target: "https://b.example/", content: [.text("m")])),
            .image(Image(source: "i.png", alt: "An image", width: 300)),
            .note([.paragraph([.text("n")])]),
        ])
        XCTAssertEqual(warnings, [])
    }

    func testConstructsWithoutANodeKeepTheirTextAndWarnOncePerKind() throws {
        let (content, warnings) = try para("""
        {"t":"Math","c":[{"t":"InlineMath"},"x^2"]},{"t":"Space"},{"t":"Math","c":[{"t":"DisplayMath"},"y"]},\
        {"t":"Cite","c":[[{"citationId":"k","citationPrefix":[],"citationSuffix":[],"citationMode":{"t":"NormalCitation"},"citationNoteNum":1,"citationHash":0}],[{"t":"Str","c":"[@k]"}]]},\
        {"t":"SmallCaps","c":[{"t":"Str","c":"sc"}]},{"t":"Quoted","c":[{"t":"DoubleQuote"},[{"t":"Str","c":"q"}]]},\
        {"t":"Quoted","c":[{"t":"SingleQuote"},[{"t":"Str","c":"s"}]]},{"t":"Span","c":[["",[],[]],[{"t":"Str","c":"plain"}]]},\
        {"t":"Span","c":[["id",["c"],[]],[{"t":"Str","c":"attr"}]]},{"t":"Blink","c":[]}
        """)
        XCTAssertEqual(content, [.text("$x^2$ $$y$$[@k]sc\u{201C}q\u{201D}\u{2018}s\u{2019}plainattr")])
        XCTAssertEqual(warnings, [
            "pandoc input: Math kept as its TeX source (2 times)", "pandoc input: Cite kept as its text",
            "pandoc input: SmallCaps kept as plain text", "pandoc input: Span attributes not kept (their text is)",
            "pandoc input: unknown inline Blink left out",
        ])
    }

    // MARK: - Blocks

    func testBlocksMapToTheirNodes() throws {
        let blocks = try readBlocks("""
        {"t":"Plain","c":[{"t":"Str","c":"p"}]},{"t":"Header","c":[2,["h-id",["x"],[]],[{"t":"Str","c":"H"}]]},\
        {"t":"Header","c":[7,["",[],[]],[]]},{"t":"BlockQuote","c":[{"t":"Para","c":[{"t":"Str","c":"q"}]}]},\
        {"t":"CodeBlock","c":[["",["swift","numberLines"],[]],"let x = 1"]},{"t":"CodeBlock","c":[["",[],[]],""]},\
        {"t":"RawBlock","c":["html","<div>r</div>"]},{"t":"HorizontalRule"},{"t":"Null"},\
        {"t":"LineBlock","c":[[{"t":"Str","c":"one"}],[{"t":"Str","c":"two"}]]},\
        {"t":"Div","c":[["",["about"],[]],[{"t":"Para","c":[{"t":"Str","c":"d"}]}]]},\
        {"t":"DefinitionList","c":[[[{"t":"Str","c":"T"}],[[{"t":"Plain","c":[{"t":"Str","c":"D"}]}],[]]]]}
        """)
        XCTAssertEqual(blocks, [
            .paragraph([.text("p")]), .heading(level: 2, content: [.text("H")], id: "h-id"),
            .heading(level: 6, content: [], id: nil), .blockQuote([.paragraph([.text("q")])]),
            .codeBlock(language: "swift", text: "let x = 1\n"), .codeBlock(language: nil, text: ""),
            .raw(format: "html", text: "<div>r</div>"), .thematicBreak,
            .paragraph([.text("one"), .lineBreak, .text("two")]),
            .division(role: "about", blocks: [.paragraph([.text("d")])]),
            .definitionList([DefinitionItem(term: [.text("T")], definitions: [[.paragraph([.text("D")])], []])]),
        ])
    }

    func testListsTightnessTasksStartDelimiterAndStyles() throws {
        let (document, warnings) = try read(blocks: """
        {"t":"BulletList","c":[[{"t":"Plain","c":[{"t":"Str","c":"☒"},{"t":"Space"},{"t":"Str","c":"done"}]}],\
        [{"t":"Plain","c":[{"t":"Str","c":"☐"},{"t":"Space"},{"t":"Str","c":"todo"}]}],[{"t":"Plain","c":[{"t":"Str","c":"plain"}]}]]},\
        {"t":"OrderedList","c":[[3,{"t":"LowerRoman"},{"t":"OneParen"}],[[{"t":"Para","c":[{"t":"Str","c":"x"}]}]]]},\
        {"t":"OrderedList","c":[[1,{"t":"DefaultStyle"},{"t":"DefaultDelim"}],[]]}
        """)
        XCTAssertEqual(document.blocks, [
            .bulletList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("done")])], checked: true),
                                          ListItem(blocks: [.paragraph([.text("todo")])], checked: false),
                                          ListItem(blocks: [.paragraph([.text("plain")])])], tight: true)),
            .orderedList(ListBlock(items: [ListItem(blocks: [.paragraph([.text("x")])])], tight: false, start: 3, delimiter: ")")),
            .orderedList(ListBlock(items: [], tight: true, start: 1, delimiter: ".")),
        ])
        XCTAssertEqual(warnings, ["pandoc input: list numbering LowerRoman read as decimal numbers"])
    }

    func testFiguresOf122And123() throws {
        let blocks = try readBlocks("""
        {"t":"Para","c":[{"t":"Image","c":[["",[],[["width","5"]]],[{"t":"Str","c":"Cap"}],["f.png","fig:T"]]}]},\
        {"t":"Para","c":[{"t":"Image","c":[["",[],[]],[{"t":"Str","c":"inline"}],["i.png",""]]}]},\
        {"t":"Figure","c":[["fig1",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Caption"}]}]],\
        [{"t":"Plain","c":[{"t":"Image","c":[["",[],[]],[{"t":"Str","c":"Alt"}],["g.png",""]]}]}]]},\
        {"t":"Figure","c":[["",[],[]],[null,[]],[{"t":"Para","c":[{"t":"Str","c":"not an image"}]}]]}
        """)
        XCTAssertEqual(blocks, [
            .figure(Figure(image: Image(source: "f.png", alt: "Cap", title: "T", width: 5), caption: [.text("Cap")])),
            .paragraph([.image(Image(source: "i.png", alt: "inline"))]),
            .figure(Figure(image: Image(source: "g.png", alt: "Alt"), caption: [.text("Caption")])),
            .division(role: "figure", blocks: [.paragraph([.text("not an image")])]),
        ])
    }

    func testTablesNewAndOldForms() throws {
        let cell = { (s: String, span: Int) in "[[\"\",[],[]],{\"t\":\"AlignDefault\"},1,\(span),[{\"t\":\"Plain\",\"c\":[{\"t\":\"Str\",\"c\":\"\(s)\"}]}]]" }
        let row = { (cells: [String]) in "[[\"\",[],[]],[\(cells.joined(separator: ","))]]" }
        let (document, warnings) = try read(blocks: """
        {"t":"Table","c":[["",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Cap"}]}]],\
        [[{"t":"AlignLeft"},{"t":"ColWidthDefault"}],[{"t":"AlignCenter"},{"t":"ColWidth","c":0.5}]],\
        [["",[],[]],[\(row([cell("A", 1), cell("B", 1)]))]],\
        [[["",[],[]],0,[\(row([cell("I", 2)]))],[\(row([cell("1", 1), cell("2", 1)]))]],[["",[],[]],1,[],[\(row([cell("3", 1)]))]]],\
        [["",[],[]],[\(row([cell("F", 2)]))]]]},\
        {"t":"Table","c":[[{"t":"Str","c":"Old"}],[{"t":"AlignRight"}],[0],[[{"t":"Plain","c":[{"t":"Str","c":"h"}]}]],[[[{"t":"Plain","c":[{"t":"Str","c":"v"}]}]]]]}
        """)
        let c = { (s: String) in TableCell([.text(s)]) }
        XCTAssertEqual(document.blocks, [
            .table(Table(caption: [.text("Cap")], alignments: [.left, .center], header: [[c("A"), c("B")]],
                         rows: [[TableCell(blocks: [.paragraph([.text("I")])], colspan: 2)], [c("1"), c("2")], [c("3")],
                                [TableCell(blocks: [.paragraph([.text("F")])], colspan: 2)]])),
            .table(Table(caption: [.text("Old")], alignments: [.right], header: [[c("h")]], rows: [[c("v")]])),
        ])
        XCTAssertEqual(warnings, ["pandoc input: table foot rows read as body rows"])
    }

    func testDivAttributesAndUnknownBlocksWarn() throws {
        let (document, warnings) = try read(blocks: """
        {"t":"Div","c":[["d1",["note","wide"],[["data-x","1"]]],[{"t":"Para","c":[{"t":"Str","c":"kept"}]}]]},{"t":"Marquee","c":[]}
        """)
        XCTAssertEqual(document.blocks, [.division(role: "note", blocks: [.paragraph([.text("kept")])])])
        XCTAssertEqual(warnings, ["pandoc input: Div ids, attributes and classes after the first are not kept",
                                  "pandoc input: unknown block Marquee left out"])
    }

    // MARK: - Metadata

    func testMetadataFromEveryMetaValueKind() throws {
        let inl = { (s: String) in "{\"t\":\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"\(s)\"}]}" }
        let (document, _) = try read(blocks: "", meta: """
        {"title":{"t":"MetaInlines","c":[{"t":"Str","c":"A"},{"t":"Space"},{"t":"Emph","c":[{"t":"Str","c":"Title"}]}]},\
        "subtitle":{"t":"MetaString","c":"Sub"},"date":\(inl("2024-03-05")),"lang":\(inl("de")),\
        "author":{"t":"MetaList","c":[\(inl("Jo")),{"t":"MetaMap","c":{"name":\(inl("Bo")),"affiliation":\(inl("X"))}}]},\
        "keywords":{"t":"MetaString","c":"a, b,c"},"abstract":{"t":"MetaBlocks","c":[{"t":"Para","c":[{"t":"Str","c":"P1"}]},{"t":"Para","c":[{"t":"Str","c":"P2"}]}]},\
        "contacts":{"t":"MetaList","c":[{"t":"MetaMap","c":{"name":\(inl("Jane")),"email":\(inl("j@a.example")),"fax":\(inl("1"))}},\(inl("Press"))]},\
        "dateline":\(inl("BERLIN")),"organization":\(inl("Acme")),"source":{"t":"MetaString","c":"https://a.example/"},\
        "embargo":\(inl("2024-03-05")),"draft":{"t":"MetaBool","c":true},\
        "notes":{"t":"MetaInlines","c":[{"t":"Str","c":"l1"},{"t":"LineBreak"},{"t":"Str","c":"l2"}]}}
        """)
        XCTAssertEqual(document.metadata, Metadata(
            title: "A Title", subtitle: "Sub", date: "2024-03-05", dateSource: "metadata", dateline: "BERLIN",
            organization: "Acme", authors: ["Jo", "Bo"],
            contacts: [Contact(name: "Jane", email: "j@a.example", text: "fax: 1"), Contact(text: "Press")],
            language: "de", source: "https://a.example/", keywords: ["a", "b", "c"], description: "P1\n\nP2",
            embargo: "2024-03-05", extra: ["draft": "true", "notes": "l1\nl2"]))
    }

    // MARK: - Hostile input

    func testMalformedInputIsOneLineErrorNamingWhere() {
        XCTAssertTrue(error("not json")!.contains("invalid JSON at line 1, column 1"))
        XCTAssertTrue(error("[{\"unMeta\":{}},[]]")!.contains("pandoc 1.17 or older"))
        XCTAssertTrue(error("{\"blocks\":[]}")!.contains("no \"pandoc-api-version\""))
        XCTAssertTrue(error("{\"pandoc-api-version\":[2,0],\"meta\":{},\"blocks\":[]}")!.contains("is not 1.x"))
        XCTAssertTrue(error("{\"pandoc-api-version\":\"1.22\",\"meta\":{},\"blocks\":[]}")!.contains("pandoc-api-version"))
        let wrong = error("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[{\"t\":\"Para\",\"c\":[]},{\"t\":\"Header\",\"c\":[1,[\"\",[],[]]]}]}")!
        XCTAssertTrue(wrong.contains("blocks[1].c: Header takes 3 arguments, found 2"), wrong)
        let str = error("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":5}]}]}")!
        XCTAssertTrue(str.contains("blocks[0].c[0].c: expected a string, found a number"), str)
        XCTAssertNotNil(error("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[{\"c\":[]}]}"))
        XCTAssertNotNil(error("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[{\"t\":\"Header\",\"c\":[1e400,[\"\",[],[]],[]]}]}"))
        XCTAssertNotNil(error("{\"pandoc-api-version\":[1,22],\"meta\":{\"title\":{\"t\":\"MetaWhat\"}},\"blocks\":[]}"))
        XCTAssertNotNil(error("{\"pandoc-api-version\":[1,22],\"meta\":[],\"blocks\":[]}"))
        for message in [error("not json")!, str] { XCTAssertFalse(message.contains("\n")) }
    }

    func testDeepNestingIsRefusedOrFlattenedNeverACrash() throws {
        // Deeper than the JSON parser's limit: refused.
        let tooDeep = String(repeating: "{\"t\":\"BlockQuote\",\"c\":[", count: 600) + String(repeating: "]}", count: 600)
        XCTAssertTrue(error("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[\(tooDeep)]}")!.contains("nest"))
        // 400 block quotes: read, the levels past 200 flattened, with one warning.
        let deep = String(repeating: "{\"t\":\"BlockQuote\",\"c\":[", count: 400) + "{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"bottom\"}]}"
            + String(repeating: "]}", count: 400)
        var warnings: [String] = []
        let document = try read("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[\(deep)]}", warnings: &warnings)
        var depth = 0
        var block = document.blocks.first
        while case .blockQuote(let inner)? = block { depth += 1; block = inner.first }
        XCTAssertEqual(depth, 200)
        XCTAssertEqual(block, .paragraph([.text("bottom")]))
        XCTAssertEqual(warnings, ["pandoc input: containers nested more than 200 levels deep flattened (200 times)"])
        // Deep emphasis is flattened the same way.
        let emph = String(repeating: "{\"t\":\"Emph\",\"c\":[", count: 300) + "{\"t\":\"Str\",\"c\":\"x\"}" + String(repeating: "]}", count: 300)
        XCTAssertNoThrow(try read("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[{\"t\":\"Para\",\"c\":[\(emph)]}]}", warnings: &warnings))
        // Notes in paragraphs in notes, 240 deep: the innermost past the limit keep their text.
        let notes = String(repeating: "{\"t\":\"Note\",\"c\":[{\"t\":\"Para\",\"c\":[", count: 240) + "{\"t\":\"Str\",\"c\":\"deepest\"}"
            + String(repeating: "]}]}", count: 240)
        let noted = try read("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[{\"t\":\"Para\",\"c\":[\(notes)]}]}", warnings: &warnings)
        var levels = 0
        var inline: Inline? = { if case .paragraph(let c)? = noted.blocks.first { return c.first } else { return nil } }()
        while case .note(let inner)? = inline, case .paragraph(let c)? = inner.first { levels += 1; inline = c.first }
        XCTAssertEqual(levels, 200)
        XCTAssertEqual(inline, .text("deepest"))
    }

    func testRandomlyMutatedASTsNeverCrash() throws {
        let valid = try JSONValue(parsing: PandocWriter.bytes(TestDocuments.allKinds, api: .v1_22))
        var rng = SplitMix64(state: 21)
        let replacements: [JSONValue] = [.null, .bool(true), .number("-1"), .number("1e999"), .string(""), .string("Para"),
                                         .array([]), .object([]), .array([.null, .null, .null])]
        var accepted = 0, refused = 0
        for _ in 0..<400 {
            var value = valid
            for _ in 0..<3 { value = Self.mutate(value, &rng, replacements) }
            let context = ConversionContext()
            do {
                _ = try PandocReader().read(value.serialized(pretty: false), context: context)
                accepted += 1
            } catch let error as PressKitError {
                XCTAssertEqual(error.kind, .invalidInput)
                refused += 1
            }
        }
        XCTAssertEqual(accepted + refused, 400)
        XCTAssertGreaterThan(refused, 0)
    }

    /// Replaces one randomly chosen value somewhere in `value`.
    private static func mutate(_ value: JSONValue, _ rng: inout SplitMix64, _ replacements: [JSONValue]) -> JSONValue {
        switch value {
        case .array(var items) where !items.isEmpty && rng.next() % 5 != 0:
            let i = Int(rng.next() % UInt64(items.count))
            items[i] = mutate(items[i], &rng, replacements)
            return .array(items)
        case .object(var members) where !members.isEmpty && rng.next() % 5 != 0:
            let i = Int(rng.next() % UInt64(members.count))
            members[i].value = mutate(members[i].value, &rng, replacements)
            return .object(members)
        default:
            return rng.pick(replacements)
        }
    }
}
