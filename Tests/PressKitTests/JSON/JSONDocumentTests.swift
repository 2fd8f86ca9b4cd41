import Foundation
import XCTest
@testable import PressKit

/// The JSON writer and reader: the exact form, byte-identical round trips, and clear errors.
final class JSONDocumentTests: XCTestCase {
    private let json = Formats.named("json")!

    private func write(_ document: Document) throws -> String {
        String(decoding: try JSONWriter().write(document, context: ConversionContext()), as: UTF8.self)
    }

    private func read(_ text: String, context: ConversionContext = ConversionContext()) throws -> Document {
        try JSONReader().read(Array(text.utf8), context: context)
    }

    /// The message of the PressKitError that reading `text` throws.
    private func readError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try read(text)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as PressKitError {
            XCTAssertEqual(error.kind, .invalidInput, file: file, line: line)
            XCTAssertFalse(error.message.contains("\n"), "one line", file: file, line: line)
            return error.message
        } catch {
            XCTFail("not a PressKitError: \(error)", file: file, line: line)
            return nil
        }
    }

    func testEmptyDocument() throws {
        XCTAssertEqual(try write(Document()), "{\n  \"version\": \"1.0\"\n}\n")
        XCTAssertEqual(try read("{\"version\": \"1.0\"}"), Document())
        // Empty values are left out: an empty title, empty lists, an empty paragraph's content.
        let empties = Document(metadata: Metadata(title: "", authors: [], extra: [:]), blocks: [.paragraph([])])
        XCTAssertEqual(try write(empties), """
        {
          "version": "1.0",
          "blocks": [
            {
              "type": "paragraph"
            }
          ]
        }

        """)
    }

    func testExactFormOfASmallRelease() throws {
        XCTAssertEqual(try write(TestDocuments.release), """
        {
          "version": "1.0",
          "metadata": {
            "title": "Acme Opens New Plant",
            "date": "2024-03-05",
            "dateSource": "dateline",
            "dateline": "BERLIN",
            "organization": "Acme GmbH",
            "language": "en",
            "source": "https://acme.example/news/plant"
          },
          "blocks": [
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "Acme today opened its new plant in Berlin."
                }
              ]
            },
            {
              "type": "bulletList",
              "tight": true,
              "items": [
                {
                  "blocks": [
                    {
                      "type": "paragraph",
                      "content": [
                        {
                          "type": "text",
                          "text": "200 jobs"
                        }
                      ]
                    }
                  ]
                },
                {
                  "blocks": [
                    {
                      "type": "paragraph",
                      "content": [
                        {
                          "type": "text",
                          "text": "Solar powered"
                        }
                      ]
                    }
                  ]
                }
              ]
            },
            {
              "type": "heading",
              "level": 2,
              "content": [
                {
                  "type": "text",
                  "text": "About Acme"
                }
              ]
            },
            {
              "type": "paragraph",
              "content": [
                {
                  "type": "text",
                  "text": "Acme makes everything."
                }
              ]
            }
          ]
        }

        """)
    }

    func testFieldOrderAndEscapingInTheAllKindsDocument() throws {
        let out = try write(TestDocuments.allKinds)
        // Metadata keys in the documented order, extra keys sorted, empty extra values kept.
        let keys = ["\"title\"", "\"subtitle\"", "\"date\"", "\"dateSource\"", "\"dateline\"", "\"organization\"",
                    "\"authors\"", "\"contacts\"", "\"language\"", "\"source\"", "\"keywords\"", "\"description\"",
                    "\"embargo\"", "\"image\"", "\"extra\""]
        let positions = keys.map { out.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertTrue(out.contains("""
            "extra": {
              "alpha": "first",
              "empty": "",
              "zeta": "last",
              "ключ": "значение"
            }
        """))
        XCTAssertTrue(out.contains(#""title": "Minister \"Took\" Part — in the Partner2Connect Meeting""#))
        XCTAssertTrue(out.contains(#""description": "Tabs\tand\nnewlines and a \u0001 control""#))
        XCTAssertTrue(out.contains(#""text": " — Юникод 😀 "# + "\u{7F}" + #" / \\ \b\f\r\t end""#))
        XCTAssertTrue(out.contains("\"source\": \"https://www.mpt.gov.by/news/21-09-2021-7488\""), "no escaped /")
        XCTAssertTrue(out.contains("""
              "type": "orderedList",
              "start": 9,
              "delimiter": ".",
              "tight": true,
        """))
        XCTAssertTrue(out.contains("""
                  "checked": true,
                  "blocks": [
        """))
        XCTAssertTrue(out.contains("""
              "type": "heading",
              "level": 1,
              "id": "overview",
              "content": [
        """))
        XCTAssertTrue(out.hasSuffix("}\n"))
        // And Python's json module writes the same bytes for the same value.
        try assertPythonAgrees(out)
    }

    private func assertPythonAgrees(_ out: String) throws {
        guard let python = PythonRunner.python3 else { throw XCTSkip("python3 is not installed") }
        let result = try PythonRunner.run(python, ["-c", """
            import json, sys
            data = sys.stdin.buffer.read().decode('utf-8')
            sys.stdout.write(json.dumps(json.loads(data), indent=2, ensure_ascii=False) + '\\n')
            """], stdin: Array(out.utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), out)
    }

    func testEveryKindRoundTripsToTheIdenticalDocumentAndBytes() throws {
        for document in [TestDocuments.allKinds, TestDocuments.release, Document(), TestDocuments.nested(depth: 200)] {
            let first = try JSONWriter().write(document, context: ConversionContext())
            let context = ConversionContext()
            let read = try JSONReader().read(first, context: context)
            XCTAssertEqual(read, document)
            XCTAssertEqual(context.diagnostics, [])
            let second = try JSONWriter().write(read, context: ConversionContext())
            XCTAssertEqual(second, first)
            // And through the converter, as `presskit X.json -f json -t json` runs it.
            XCTAssertEqual(try Converter.convert(first, from: json, to: json, context: ConversionContext()), first)
        }
    }

    func testEveryBlockAndInlineKindIsExercised() throws {
        let out = try write(TestDocuments.allKinds)
        for kind in ["paragraph", "heading", "bulletList", "orderedList", "blockQuote", "codeBlock", "table", "figure",
                     "thematicBreak", "definitionList", "raw", "division", "text", "emphasis", "strong", "underline",
                     "strikethrough", "superscript", "subscript", "code", "link", "image", "softBreak", "lineBreak",
                     "note"] {
            XCTAssertTrue(out.contains("\"type\": \"\(kind)\""), kind)
        }
    }

    func testSamplesRoundTripByteForByte() throws {
        let files = SampleFiles.all()
        for file in files {
            let format = Formats.forPath(file.path)!
            guard format.reader != nil else { continue }
            let document = try Converter.read(Array(try Data(contentsOf: file)), format: format, context: ConversionContext())
            let first = try Converter.write([document], format: json, context: ConversionContext())
            let again = try Converter.convert(first, from: json, to: json, context: ConversionContext())
            XCTAssertEqual(again, first, file.lastPathComponent)
            // The tree read back equals the reader's, up to optional strings that hold "" (written as
            // absent, read as nil); the hand-built documents above check full equality.
            let back = try Converter.read(first, format: json, context: ConversionContext())
            XCTAssertEqual(back.blocks.count, document.blocks.count, file.lastPathComponent)
            XCTAssertEqual(back.metadata.title ?? "", document.metadata.title ?? "", file.lastPathComponent)
        }
    }

    func testTextDecodingOfTheInput() throws {
        let document = TestDocuments.allKinds
        let utf8 = try JSONWriter().write(document, context: ConversionContext())
        XCTAssertEqual(try JSONReader().read([0xEF, 0xBB, 0xBF] + utf8, context: ConversionContext()), document)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in String(decoding: utf8, as: UTF8.self).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(try JSONReader().read(utf16, context: ConversionContext()), document)
        let latin1: [UInt8] = Array("{\"version\":\"1.0\",\"metadata\":{\"title\":\"Caf".utf8) + [0xE9] + Array("\"}}".utf8)
        let context = ConversionContext()
        context.options.encoding = "ISO-8859-1"
        XCTAssertEqual(try JSONReader().read(latin1, context: context).metadata.title, "Café")
    }

    func testMalformedJSONIsOneLineWithLineAndColumn() {
        XCTAssertEqual(readError("{\n  \"version\": \"1.0\",\n  \"blocks\": [}\n"),
                       "invalid JSON at line 3, column 14: expected a value but found '}'")
        XCTAssertEqual(readError(""), "invalid JSON at line 1, column 1: expected a value but found end of input")
        XCTAssertNotNil(readError("\u{0}\u{0}"))
    }

    func testTooDeeplyNestedIsRefused() {
        let deep = "{\"version\":\"1.0\",\"blocks\":[" + String(repeating: "{\"type\":\"blockQuote\",\"blocks\":[", count: 100_000)
        let message = readError(deep)
        XCTAssertTrue(message?.contains("too deeply nested") ?? false, message ?? "")
        let deepInline = "{\"version\":\"1.0\",\"blocks\":[{\"type\":\"paragraph\",\"content\":["
            + String(repeating: "{\"type\":\"emphasis\",\"content\":[", count: 5_000)
        XCTAssertTrue(readError(deepInline)?.contains("too deeply nested") ?? false)
    }

    /// Nesting up to the limit reads and writes back, also on a thread with a 4 MB stack (debug build):
    /// 500 block quotes (1,005 levels of JSON) and 200 nested lists, as deep as the readers' cap.
    func testDeepButAllowedNestingRoundTrips() throws {
        var quote = Block.paragraph([.text("bottom")])
        for _ in 0..<500 { quote = .blockQuote([quote]) }
        var list = Block.paragraph([.text("bottom")])
        for _ in 0..<200 { list = .bulletList(ListBlock(items: [ListItem(blocks: [list])])) }
        for document in [Document(blocks: [quote]), Document(blocks: [list])] {
            try assertRoundTripsOnASmallStack(document)
        }
    }

    private func assertRoundTripsOnASmallStack(_ document: Document) throws {
        let bytes = try JSONWriter().write(document, context: ConversionContext())
        final class Box: @unchecked Sendable { var result: Result<[UInt8], Error>? }
        let box = Box()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result {
                try JSONWriter().write(JSONReader().read(bytes, context: ConversionContext()), context: ConversionContext())
            }
            finished.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        finished.wait()
        XCTAssertEqual(try box.result?.get(), bytes)
    }

    func testStructureErrorsNameThePlace() {
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"type":"paragraph"},{"type":"poem"}]}"#),
                       "not a presskit JSON document: unknown block type \"poem\" (at blocks[1].type)")
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"type":"paragraph","content":[{"type":"blink"}]}]}"#),
                       "not a presskit JSON document: unknown inline type \"blink\" (at blocks[0].content[0].type)")
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"content":[]}]}"#),
                       "not a presskit JSON document: a block needs a \"type\" (at blocks[0])")
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"type":"heading","level":"1"}]}"#),
                       "not a presskit JSON document: expected an integer, found a string (at blocks[0].level)")
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"type":"heading","level":7}]}"#),
                       "not a presskit JSON document: a heading level is 1 to 6, not 7 (at blocks[0].level)")
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"type":"heading"}]}"#),
                       "not a presskit JSON document: a heading needs a \"level\" (at blocks[0])")
        XCTAssertEqual(readError(#"{"version":"1.0","metadata":{"authors":["a",2]}}"#),
                       "not a presskit JSON document: expected a string, found a number (at metadata.authors[1])")
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"type":"table","alignments":["middle"]}]}"#),
                       "not a presskit JSON document: unknown alignment \"middle\" (none, left, center or right) (at blocks[0].alignments[0])")
        XCTAssertEqual(readError(#"{"version":"1.0","blocks":[{"type":"table","rows":[[{"colspan":2000000000}]]}]}"#),
                       "not a presskit JSON document: a colspan must be from 0 to 1000, not 2000000000 (at blocks[0].rows[0][0].colspan)")
        XCTAssertNotNil(readError(#"{"version":"1.0","blocks":[{"type":"table","rows":[[{"rowspan":-1}]]}]}"#))
        XCTAssertNotNil(readError(#"{"version":"1.0","blocks":[{"type":"orderedList","start":9223372036854775807}]}"#))
        XCTAssertNotNil(readError(#"{"version":"1.0","blocks":[{"type":"orderedList","start":1e3}]}"#))
        XCTAssertEqual(readError(#"[1]"#),
                       "not a presskit JSON document: a presskit document is a JSON object with \"version\", \"metadata\" and \"blocks\"; found an array")
        XCTAssertEqual(readError(#"{"blocks":[]}"#), "not a presskit JSON document: not a presskit document: it has no \"version\"")
    }

    func testOtherMajorVersionsAreRefused() throws {
        XCTAssertEqual(readError(#"{"version":"2.0","blocks":[]}"#),
                       "not a presskit JSON document: presskit JSON version \"2.0\" is not supported (this presskit reads version 1.x)")
        XCTAssertNotNil(readError(#"{"version":"one"}"#))
        XCTAssertNotNil(readError(#"{"version":1}"#))
        XCTAssertEqual(try read(#"{"version":"1.7"}"#), Document(), "a later minor version is read")
    }

    func testUnknownKeysAreWarnings() throws {
        let context = ConversionContext()
        let document = try read(#"{"version":"1.0","generator":"x","blocks":[{"type":"paragraph","contnet":[]}]}"#,
                                context: context)
        XCTAssertEqual(document.blocks, [.paragraph([])])
        XCTAssertEqual(context.diagnostics.map(\.message), [
            "JSON: unknown key \"generator\" in the document ignored",
            "JSON: unknown key \"contnet\" in a \"paragraph\" block ignored",
        ])
    }

    func testMissingOptionalKeysTakeTheirDefaults() throws {
        let document = try read(#"""
            {"version":"1.0","blocks":[
              {"type":"bulletList","items":[{}]},
              {"type":"orderedList","start":0,"delimiter":")","tight":false},
              {"type":"table","rows":[[{"colspan":2}]]},
              {"type":"figure","image":{"source":"a.png"}},
              {"type":"paragraph","content":[{"type":"text"},{"type":"link","target":"u"},{"type":"image","alt":"x"}]}
            ]}
            """#)
        XCTAssertEqual(document.blocks, [
            .bulletList(ListBlock(items: [ListItem(blocks: [])], tight: true, start: 1, delimiter: ".")),
            .orderedList(ListBlock(items: [], tight: false, start: 0, delimiter: ")")),
            .table(Table(rows: [[TableCell(blocks: [], colspan: 2)]])),
            .figure(Figure(image: Image(source: "a.png"))),
            .paragraph([.text(""), .link(Link(target: "u", content: [])), .image(Image(source: "", alt: "x"))]),
        ])
    }

    func testCodableMatchesTheJSONForm() throws {
        let document = TestDocuments.allKinds
        let encoder = JSONEncoder()
        let data = try encoder.encode(document)
        XCTAssertEqual(try JSONDecoder().decode(Document.self, from: data), document)
        // The same structure as the writer's output, whatever the key order.
        let viaCodable = try JSONValue(parsing: Array(data))
        let viaWriter = try JSONValue(parsing: try JSONWriter().write(document, context: ConversionContext()))
        XCTAssertEqual(viaCodable.sortedKeys, viaWriter.sortedKeys)
        // The parts are Codable on their own.
        let block = Block.heading(level: 2, content: [.strong([.text("x")])], id: "h")
        XCTAssertEqual(try JSONDecoder().decode(Block.self, from: encoder.encode(block)), block)
        let inline = Inline.link(Link(target: "https://a.b", title: "t", content: [.text("a")]))
        XCTAssertEqual(try JSONDecoder().decode(Inline.self, from: encoder.encode(inline)), inline)
        XCTAssertEqual(try JSONDecoder().decode(Metadata.self, from: encoder.encode(document.metadata)), document.metadata)
        XCTAssertThrowsError(try JSONDecoder().decode(Block.self, from: Data(#"{"type":"poem"}"#.utf8)))
    }
}

extension JSONValue {
    /// The same value with every object's keys sorted, to compare structure regardless of key order.
    var sortedKeys: JSONValue {
        switch self {
        case .null, .bool, .number, .string: return self
        case .array(let items): return .array(items.map(\.sortedKeys))
        case .object(let members):
            return .object(members.sorted { $0.key < $1.key }.map { .init($0.key, $0.value.sortedKeys) })
        }
    }
}
