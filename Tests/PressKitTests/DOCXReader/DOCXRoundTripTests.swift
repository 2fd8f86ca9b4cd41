import Foundation
import XCTest
@testable import PressKit

/// Round trips: every sample → presskit DOCX → presskit reads it back → the same tree (metadata included)
/// modulo the documented losses; and DOCX written by pandoc reads like the Markdown it came from.
final class DOCXRoundTripTests: XCTestCase {
    let docx = Formats.named("docx")!

    /// What a DOCX round trip is allowed to lose (docs/DOCX-READER.md, "Round trips").
    static func comparable(_ document: Document) -> Document {
        var d = document
        d.blocks = d.blocks.map(block)
        var m = d.metadata
        // Soft line breaks are spaces in Word; the writer fills in these fields, and the reader keeps
        // the document's own times.
        m.extra["created"] = nil
        m.extra["modified"] = nil
        m.dateSource = nil
        m.language = m.language.map { String($0.prefix { $0 != "-" && $0 != "_" }).lowercased() }
        m.contacts = m.contacts.map { Contact(name: $0.name, email: $0.email, phone: $0.phone) }
        if m.authors == [m.organization].compactMap({ $0 }) { m.authors = [] }
        d.metadata = m
        return d
    }

    private static func block(_ b: Block) -> Block {
        switch b {
        case .paragraph(let i): return .paragraph(inlines(i))
        case .heading(let l, let i, _): return .heading(level: l, content: inlines(i), id: nil)
        case .bulletList(var list):
            list.items = list.items.map { ListItem(blocks: $0.blocks.map(block), checked: nil) }
            list.tight = true
            return .bulletList(list)
        case .orderedList(var list):
            list.items = list.items.map { ListItem(blocks: $0.blocks.map(block), checked: nil) }
            list.tight = true
            list.delimiter = "."
            return .orderedList(list)
        case .blockQuote(let blocks): return .blockQuote(blocks.map(block))
        case .codeBlock(_, let text): return .codeBlock(language: nil, text: text)
        case .table(var t):
            t.alignments = []
            t.caption = inlines(t.caption)
            t.header = t.header.map { $0.map { TableCell(blocks: $0.blocks.map(block), colspan: $0.colspan, rowspan: $0.rowspan) } }
            t.rows = t.rows.map { $0.map { TableCell(blocks: $0.blocks.map(block), colspan: $0.colspan, rowspan: $0.rowspan) } }
            return .table(t)
        case .figure(var f):
            f.caption = inlines(f.caption)
            return .figure(f)
        case .thematicBreak, .raw: return b
        case .definitionList(let items):
            return .definitionList(items.map { DefinitionItem(term: inlines($0.term), definitions: $0.definitions.map { $0.map(block) }) })
        case .division(_, let blocks): return .division(role: nil, blocks: blocks.map(block))
        }
    }

    private static func inlines(_ list: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in list {
            var i = inline
            switch inline {
            case .softBreak: i = .text(" ")
            case .emphasis(let c): i = .emphasis(inlines(c))
            case .strong(let c): i = .strong(inlines(c))
            case .underline(let c): i = .underline(inlines(c))
            case .strikethrough(let c): i = .strikethrough(inlines(c))
            case .superscript(let c): i = .superscript(inlines(c))
            case .subscript(let c): i = .subscript(inlines(c))
            case .link(var l): l.content = inlines(l.content); i = .link(l)
            case .note(let blocks): i = .note(blocks.map(block))
            default: break
            }
            if case .text(let t) = i, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + t)
            } else {
                out.append(i)
            }
        }
        return out
    }

    func testEverySampleSurvivesADOCXRoundTrip() throws {
        var failures: [String] = []
        let samples = SampleFiles.all()
        XCTAssertFalse(samples.isEmpty)
        for url in samples {
            let bytes = try [UInt8](Data(contentsOf: url))
            let format = Formats.forPath(url.path)!
            let original = try Converter.read(bytes, format: format, context: ConversionContext(inputName: url.lastPathComponent))
            let written = try Converter.write([original], format: docx, context: ConversionContext())
            let back = try Converter.read(written, format: docx, context: ConversionContext())
            let a = Self.comparable(original), b = Self.comparable(back)
            if a != b {
                let ja = String(decoding: try JSONWriter().write(a, context: ConversionContext()), as: UTF8.self)
                let jb = String(decoding: try JSONWriter().write(b, context: ConversionContext()), as: UTF8.self)
                let la = ja.split(separator: "\n"), lb = jb.split(separator: "\n")
                let first = (0..<min(la.count, lb.count)).first { la[$0] != lb[$0] } ?? min(la.count, lb.count)
                failures.append("\(url.lastPathComponent): line \(first): \(first < la.count ? la[first] : "") | \(first < lb.count ? lb[first] : "")")
            }
        }
        print("DOCX round trip: \(samples.count - failures.count) of \(samples.count) samples read back the same")
        for f in failures { print("  differs: \(f)") }
        let unexpected = failures.filter { f in !Self.knownLosses.contains { f.hasPrefix($0 + ":") } }
        XCTAssertTrue(unexpected.isEmpty, unexpected.joined(separator: "\n"))
    }

    /// Samples whose round trip loses more than `comparable` allows, and why (docs/DOCX-READER.md).
    static let knownLosses: Set<String> = [
        "company-newsroom.html",        // the lead image (metadata.image) has no place in a .docx; HTML meta "modified"
        "press-release-jsonld.html",    // the same: lead image and page metadata from JSON-LD
        "figure-and-table.html",        // pictures not available to the writer become linked alt text
        "03-quarterly-results-table.md", // an empty header cell comes back as an empty paragraph
        "ngo-statement-embargo.txt",    // the embargo's time of day: the writer prints the day only
        "06-german-non-ascii.md",       // the writer sets table header cells in bold: read back as strong, as pandoc does
        "07-port-authority-annual-traffic.md", // the same
    ]

    func testPandocWrittenDOCXReadsLikeItsMarkdown() throws {
        guard DOCXPandocJudge.pandocAvailable else { throw XCTSkip("pandoc is not installed") }
        let markdown = """
            # Acme opens a plant

            Acme **today** opened a *new* plant in [Lyon](https://example.com/lyon).[^1]

            - first point
            - second point
              1. nested one
              2. nested two

            > A quote from the director.

            | Site | Jobs |
            |------|------|
            | Lyon | 120  |

            [^1]: A note.
            """
        let bytes = try DOCXPandocJudge.run("/usr/bin/env", ["pandoc", "-f", "markdown", "-t", "docx", "-o", "-"], input: Array(markdown.utf8))
        let fromDOCX = try DOCXReader().read(bytes, context: ConversionContext())
        let fromMarkdown = try MarkdownReader(flavor: .markdown).read(Array(markdown.utf8), context: ConversionContext())
        XCTAssertEqual(Self.comparable(Document(blocks: fromDOCX.blocks)), Self.comparable(Document(blocks: fromMarkdown.blocks)))
    }
}
