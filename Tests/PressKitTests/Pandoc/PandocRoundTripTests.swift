import Foundation
import XCTest
@testable import PressKit

/// presskit → pandoc JSON → presskit gives the same tree, modulo the documented losses (`documentedLosses`,
/// which mirrors the list in `PandocWriter`'s and `PandocReader`'s documentation): for the document with every
/// node kind, under both APIs, and for every sample as presskit reads it.
final class PandocRoundTripTests: XCTestCase {
    private func roundTrip(_ document: Document, api: PandocAPI, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = PandocWriter.bytes(document, api: api)
        let context = ConversionContext()
        let back = try PandocReader().read(bytes, context: context)
        let expected = Self.documentedLosses(document, api: api)
        XCTAssertEqual(back.metadata, expected.metadata, "metadata (\(api.rawValue))", file: file, line: line)
        XCTAssertEqual(back.blocks.count, expected.blocks.count, "block count (\(api.rawValue))", file: file, line: line)
        for (index, (got, want)) in zip(back.blocks, expected.blocks).enumerated() where got != want {
            XCTFail("block \(index) (\(api.rawValue)):\n got \(got)\nwant \(want)", file: file, line: line)
        }
        XCTAssertEqual(context.diagnostics.map(\.message), [], file: file, line: line)
        // Writing what was read gives the same bytes again.
        XCTAssertEqual(PandocWriter.bytes(back, api: api), PandocWriter.bytes(expected, api: api), file: file, line: line)
    }

    func testEveryNodeKindRoundTrips() throws {
        for api in PandocAPI.allCases {
            try roundTrip(TestDocuments.allKinds, api: api)
            try roundTrip(TestDocuments.release, api: api)
            try roundTrip(TestDocuments.nested(depth: 60), api: api)
        }
    }

    func testEverySampleRoundTrips() throws {
        let samples = SampleFiles.all()
        XCTAssertGreaterThan(samples.count, 10)
        for sample in samples {
            let format = try XCTUnwrap(Formats.forPath(sample.path))
            let document = try Converter.read([UInt8](try Data(contentsOf: sample)), format: format, context: ConversionContext())
            for api in PandocAPI.allCases { try roundTrip(document, api: api) }
        }
    }

    func testOnlyTheDocumentedLossesAreLost() {
        // The 1.22 figure keeps one text: its caption, which becomes the alt text too.
        let figure = Document(blocks: [.figure(Figure(image: Image(source: "a.png", alt: "Alt"), caption: [.text("Cap")]))])
        XCTAssertEqual(Self.documentedLosses(figure, api: .v1_22).blocks,
                       [.figure(Figure(image: Image(source: "a.png", alt: "Cap"), caption: [.text("Cap")]))])
        XCTAssertEqual(Self.documentedLosses(figure, api: .v1_23), figure)
        XCTAssertEqual(Self.documentedLosses(TestDocuments.release, api: .v1_22), TestDocuments.release)
    }

    // MARK: - The documented losses

    static func documentedLosses(_ document: Document, api: PandocAPI) -> Document {
        var m = document.metadata
        m.keywords = m.keywords.filter { !$0.isEmpty }
        m.authors = m.authors.filter { !$0.isEmpty }
        m.date = m.date.map { DateNormalizer.normalize($0) ?? $0 }
        m.embargo = m.embargo.map { DateNormalizer.normalize($0) ?? $0 }
        m.dateSource = m.date == nil ? nil : (m.dateSource ?? "metadata")
        m.extra = m.extra.filter { !PandocMeta.reservedKeys.contains($0.key) }
        return Document(metadata: m, blocks: blocks(document.blocks, api))
    }

    static func blocks(_ blocks: [Block], _ api: PandocAPI) -> [Block] { blocks.map { block($0, api) } }

    static func block(_ block: Block, _ api: PandocAPI) -> Block {
        switch block {
        case .paragraph(let c): return .paragraph(inlines(c, api))
        case .heading(let level, let c, let id):
            return .heading(level: min(max(level, 1), 6), content: inlines(c, api), id: id == "" ? nil : id)
        case .bulletList(let list):
            var l = self.list(list, api)
            l.start = 1
            l.delimiter = "."
            return .bulletList(l)
        case .orderedList(let list):
            var l = self.list(list, api)
            if l.delimiter != ")" { l.delimiter = "." }
            return .orderedList(l)
        case .blockQuote(let b): return .blockQuote(blocks(b, api))
        case .codeBlock(let language, let text):
            return .codeBlock(language: language, text: text.isEmpty || text.hasSuffix("\n") ? text : text + "\n")
        case .table(var table):
            table.caption = inlines(table.caption, api)
            let columns = table.columnCount
            if table.alignments.count < columns {
                table.alignments += Array(repeating: .none, count: columns - table.alignments.count)
            }
            let cells = { (rows: [[TableCell]]) in
                rows.map { row in row.map { TableCell(blocks: blocks($0.blocks, api), colspan: max(1, $0.colspan), rowspan: max(1, $0.rowspan)) } }
            }
            table.header = cells(table.header)
            table.rows = cells(table.rows)
            return .table(table)
        case .figure(var figure):
            figure.image = image(figure.image)
            figure.caption = inlines(figure.caption, api)
            if api == .v1_22 {
                if figure.caption.isEmpty {
                    figure.caption = figure.image.alt.isEmpty ? [] : [.text(figure.image.alt)]
                } else {
                    figure.image.alt = PandocASTDecoder.plain(figure.caption)
                }
            }
            return .figure(figure)
        case .thematicBreak: return .thematicBreak
        case .definitionList(let items):
            return .definitionList(items.map { DefinitionItem(term: inlines($0.term, api), definitions: $0.definitions.map { blocks($0, api) }) })
        case .raw(let format, let text): return .raw(format: format.lowercased(), text: text)
        case .division(let role, let b): return .division(role: role, blocks: blocks(b, api))
        }
    }

    static func list(_ list: ListBlock, _ api: PandocAPI) -> ListBlock {
        var l = list
        l.items = list.items.map { ListItem(blocks: blocks($0.blocks, api), checked: $0.checked) }
        // Tightness is read back from the paragraphs: a list with no paragraph in its items reads as tight.
        let hasParagraph = l.items.contains { item in
            item.checked != nil || item.blocks.contains { if case .paragraph = $0 { return true } else { return false } }
        }
        if !hasParagraph { l.tight = true }
        return l
    }

    static func image(_ image: Image) -> Image {
        var i = image
        if i.title == "" { i.title = nil }
        if let w = i.width, w <= 0 { i.width = nil }
        if let h = i.height, h <= 0 { i.height = nil }
        return i
    }

    static func inlines(_ content: [Inline], _ api: PandocAPI) -> [Inline] {
        let mapped: [Inline] = content.map { node in
            switch node {
            case .text, .code, .softBreak, .lineBreak: return node
            case .emphasis(let c): return .emphasis(inlines(c, api))
            case .strong(let c): return .strong(inlines(c, api))
            case .underline(let c): return .underline(inlines(c, api))
            case .strikethrough(let c): return .strikethrough(inlines(c, api))
            case .superscript(let c): return .superscript(inlines(c, api))
            case .subscript(let c): return .subscript(inlines(c, api))
            case .link(var link):
                link.content = inlines(link.content, api)
                if link.title == "" { link.title = nil }
                return .link(link)
            case .image(let i): return .image(image(i))
            case .raw(let format, let text): return .raw(format: format.lowercased(), text: text)
            case .note(let b): return .note(blocks(b, api))
            }
        }
        return PandocASTDecoder.merged(mapped)
    }
}
