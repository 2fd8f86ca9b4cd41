import XCTest
@testable import PressKit

/// Random documents (from a fixed seed) with awkward strings: JSON write → read gives the identical tree and
/// write again the identical bytes; the plain-text writer handles them too.
final class RandomDocumentTests: XCTestCase {
    struct Generator {
        var rng: SplitMix64
        private static let pieces = ["", " ", "a", "Wort", "\"", "\\", "/", "\n", "\t", "\r\n", "\u{0}", "\u{1F}", "\u{7F}",
                                     "é", "Ж", "😀", "👩‍👩‍👧", "\u{2028}", "\u{FEFF}", "<b>", "&amp;", "{\"x\":[1]}", "1e5"]

        mutating func string(_ max: Int = 4) -> String {
            (0..<Int.random(in: 0...max, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
        }

        mutating func optional() -> String? {
            Bool.random(using: &rng) ? nil : { let s = string(); return s.isEmpty ? "x" : s }()
        }

        mutating func inlines(_ depth: Int) -> [Inline] {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in inline(depth) }
        }

        mutating func inline(_ depth: Int) -> Inline {
            let pick = depth <= 0 ? Int.random(in: 0...3, using: &rng) : Int.random(in: 0...13, using: &rng)
            switch pick {
            case 0: return .text(string())
            case 1: return .code(string())
            case 2: return [.softBreak, .lineBreak][Int.random(in: 0...1, using: &rng)]
            case 3: return .raw(format: string(1), text: string())
            case 4: return .emphasis(inlines(depth - 1))
            case 5: return .strong(inlines(depth - 1))
            case 6: return .underline(inlines(depth - 1))
            case 7: return .strikethrough(inlines(depth - 1))
            case 8: return .superscript(inlines(depth - 1))
            case 9: return .subscript(inlines(depth - 1))
            case 10: return .link(Link(target: string(), title: optional(), content: inlines(depth - 1)))
            case 11: return .image(image())
            case 12: return .note(blocks(depth - 1))
            default: return .text(string())
            }
        }

        mutating func image() -> Image {
            Image(source: string(), alt: string(), title: optional(),
                  width: Bool.random(using: &rng) ? Int.random(in: -5...5000, using: &rng) : nil,
                  height: Bool.random(using: &rng) ? Int.random(in: 0...5000, using: &rng) : nil)
        }

        mutating func blocks(_ depth: Int) -> [Block] {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in block(depth) }
        }

        mutating func list(_ depth: Int) -> ListBlock {
            let items = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                ListItem(blocks: blocks(depth - 1), checked: [nil, true, false][Int.random(in: 0...2, using: &rng)])
            }
            return ListBlock(items: items, tight: Bool.random(using: &rng), start: Int.random(in: -2...12, using: &rng),
                             delimiter: Bool.random(using: &rng) ? "." : ")")
        }

        mutating func block(_ depth: Int) -> Block {
            let pick = depth <= 0 ? Int.random(in: 0...4, using: &rng) : Int.random(in: 0...11, using: &rng)
            switch pick {
            case 0: return .paragraph(inlines(depth))
            case 1: return .heading(level: Int.random(in: 1...6, using: &rng), content: inlines(depth), id: optional())
            case 2: return .codeBlock(language: optional(), text: string(8))
            case 3: return .thematicBreak
            case 4: return .raw(format: string(1), text: string())
            case 5: return .bulletList(list(depth))
            case 6: return .orderedList(list(depth))
            case 7: return .blockQuote(blocks(depth - 1))
            case 8:
                let alignments: [Table.Alignment] = [.none, .left, .center, .right]
                func rows(_ g: inout Generator) -> [[TableCell]] {
                    (0..<Int.random(in: 0...2, using: &g.rng)).map { _ in
                        (0..<Int.random(in: 0...3, using: &g.rng)).map { _ in
                            TableCell(blocks: g.blocks(depth - 1), colspan: Int.random(in: 1...2, using: &g.rng),
                                      rowspan: Int.random(in: 1...2, using: &g.rng))
                        }
                    }
                }
                return .table(Table(caption: inlines(depth - 1),
                                    alignments: (0..<Int.random(in: 0...3, using: &rng)).map { _ in alignments.randomElement(using: &rng)! },
                                    header: rows(&self), rows: rows(&self)))
            case 9: return .figure(Figure(image: image(), caption: inlines(depth - 1)))
            case 10:
                return .definitionList((0..<Int.random(in: 0...2, using: &rng)).map { _ in
                    DefinitionItem(term: inlines(depth - 1),
                                   definitions: (0..<Int.random(in: 0...2, using: &rng)).map { _ in blocks(depth - 1) })
                })
            default: return .division(role: optional(), blocks: blocks(depth - 1))
            }
        }

        mutating func metadata() -> Metadata {
            var extra: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &rng) { extra[string(2)] = string() }
            return Metadata(title: optional(), subtitle: optional(), date: optional(), dateSource: optional(),
                            dateline: optional(), organization: optional(),
                            authors: (0..<Int.random(in: 0...2, using: &rng)).map { _ in string() },
                            contacts: (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                                Contact(name: optional(), role: optional(), organization: optional(), email: optional(),
                                        phone: optional(), text: optional())
                            },
                            language: optional(), source: optional(),
                            keywords: (0..<Int.random(in: 0...2, using: &rng)).map { _ in string() },
                            description: optional(), embargo: optional(), image: optional(), extra: extra)
        }
    }

    /// Mutated JSON (bytes flipped, dropped, duplicated) never crashes the reader: it reads or it throws a
    /// PressKitError, and what it reads writes JSON that round-trips byte for byte.
    func testMutatedJSONReadsOrFailsCleanly() throws {
        let original = try JSONWriter().write(TestDocuments.allKinds, context: ConversionContext())
        var rng = SplitMix64(state: 7_488)
        let interesting: [UInt8] = Array("{}[]\":,\\u0123456789eE.-+ntf\n\u{7F}".utf8) + [0, 0xC3, 0xFF]
        var read = 0, refused = 0
        for _ in 0..<1_500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0...2, using: &rng) {
                case 0: bytes[at] = interesting.randomElement(using: &rng)!
                case 1: bytes.remove(at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng))], at: at)
                }
            }
            do {
                let document = try JSONReader().read(bytes, context: ConversionContext())
                let again = try JSONWriter().write(document, context: ConversionContext())
                let reread = try JSONReader().read(again, context: ConversionContext())
                XCTAssertEqual(try JSONWriter().write(reread, context: ConversionContext()), again)
                _ = try PlainTextWriter().write(document, context: ConversionContext())
                read += 1
            } catch let error as PressKitError {
                XCTAssertEqual(error.kind, .invalidInput)
                refused += 1
            }
        }
        XCTAssertGreaterThan(read, 0)
        XCTAssertGreaterThan(refused, 0)
    }

    func testRandomDocumentsRoundTrip() throws {
        var generator = Generator(rng: SplitMix64(state: 20_210_921))
        for round in 0..<400 {
            let document = Document(metadata: generator.metadata(), blocks: generator.blocks(4))
            let bytes = try JSONWriter().write(document, context: ConversionContext())
            let context = ConversionContext()
            let read = try JSONReader().read(bytes, context: context)
            XCTAssertEqual(read, document, "round \(round)")
            XCTAssertEqual(context.diagnostics, [], "round \(round)")
            XCTAssertEqual(try JSONWriter().write(read, context: ConversionContext()), bytes, "round \(round)")
            XCTAssertEqual(try JSONValue(parsing: bytes).serialized(), bytes, "round \(round)")
            let plain = ConversionContext()
            plain.options.wrap = round % 3 == 0 ? 30 : nil
            _ = try PlainTextWriter().write(document, context: plain)
        }
    }
}
