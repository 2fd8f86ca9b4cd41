@testable import PressKit

/// Deterministic pseudo-random documents that nest every kind of block and inline inside every other
/// (tables in lists in quotes, notes in table cells, images in links in headings, …): the schema checks
/// then cover combinations no hand-written fixture thinks of.
struct DOCXRandomDocuments {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }

    private mutating func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(n, 1)))
    }

    private static let words = ["press", "release", "plant", "Minsk", "énergie", "Пресс", "<tag>", "a & b", "\"quoted\"",
                                "tab\there", "zero\u{0}byte", "emoji 🎉", "ümlaut", "x]]>y"]

    private mutating func text() -> String {
        (0..<(1 + next(5))).map { _ in Self.words[next(Self.words.count)] }.joined(separator: " ")
    }

    private mutating func inlines(_ depth: Int) -> [Inline] {
        (0..<(1 + next(4))).map { _ in inline(depth) }
    }

    private mutating func inline(_ depth: Int) -> Inline {
        if depth > 3 { return .text(text()) }
        switch next(16) {
        case 0: return .emphasis(inlines(depth + 1))
        case 1: return .strong(inlines(depth + 1))
        case 2: return .underline(inlines(depth + 1))
        case 3: return .strikethrough(inlines(depth + 1))
        case 4: return .superscript(inlines(depth + 1))
        case 5: return .subscript(inlines(depth + 1))
        case 6: return .code(text())
        case 7: return .link(Link(target: ["https://example.org/a b", "#h1", "#missing", "mailto:x@example.org", ""][next(5)],
                                  title: next(2) == 0 ? nil : text(), content: inlines(depth + 1)))
        case 8: return .image(Image(source: ["banner.png", "photo.jpg", "pixel.gif", "https://x.example/i.png", "notes.txt", ""][next(6)],
                                    alt: next(3) == 0 ? "" : text(), width: next(3) == 0 ? 40 : nil))
        case 9: return .softBreak
        case 10: return .lineBreak
        case 11: return .raw(format: ["html", "openxml", "latex"][next(3)], text: "<b>raw</b>")
        case 12: return .note(blocks(depth + 1, count: 1 + next(2)))
        default: return .text(text())
        }
    }

    private mutating func cell(_ depth: Int) -> TableCell {
        TableCell(blocks: next(5) == 0 ? [] : blocks(depth + 1, count: 1 + next(2)),
                  colspan: next(6) == 0 ? 2 : 1, rowspan: next(6) == 0 ? 2 : 1)
    }

    private mutating func list(_ depth: Int) -> ListBlock {
        ListBlock(items: (0..<next(4)).map { _ in
            ListItem(blocks: blocks(depth + 1, count: next(3)), checked: [nil, true, false][next(3)])
        }, tight: next(2) == 0, start: next(5), delimiter: next(2) == 0 ? "." : ")")
    }

    mutating func blocks(_ depth: Int, count: Int) -> [Block] {
        (0..<count).map { _ in block(depth) }
    }

    private mutating func block(_ depth: Int) -> Block {
        if depth > 4 { return .paragraph(inlines(depth)) }
        switch next(14) {
        case 0: return .heading(level: 1 + next(7), content: inlines(depth), id: next(2) == 0 ? "h\(next(3))" : nil)
        case 1: return .bulletList(list(depth))
        case 2: return .orderedList(list(depth))
        case 3: return .blockQuote(blocks(depth + 1, count: 1 + next(3)))
        case 4: return .codeBlock(language: nil, text: text() + "\n" + text())
        case 5:
            let columns = 1 + next(3)
            return .table(Table(caption: next(2) == 0 ? [] : inlines(depth),
                                alignments: (0..<columns).map { _ in [.none, .left, .center, .right][next(4)] },
                                header: next(2) == 0 ? [] : [(0..<columns).map { _ in cell(depth) }],
                                rows: (0..<next(4)).map { _ in (0..<(1 + next(columns + 1))).map { _ in cell(depth) } }))
        case 6: return .figure(Figure(image: Image(source: ["banner.png", "https://x.example/i.png"][next(2)], alt: text()),
                                      caption: next(2) == 0 ? [] : inlines(depth)))
        case 7: return .thematicBreak
        case 8: return .definitionList((0..<(1 + next(2))).map { _ in
            DefinitionItem(term: inlines(depth), definitions: [blocks(depth + 1, count: 1 + next(2))])
        })
        case 9: return .raw(format: ["html", "openxml"][next(2)], text: ["<div>x</div>", "<w:p><w:r><w:t>ok</w:t></w:r></w:p>"][next(2)])
        case 10: return .division(role: nil, blocks: blocks(depth + 1, count: next(3)))
        default: return .paragraph(inlines(depth))
        }
    }

    /// A document with random metadata and body.
    mutating func document() -> Document {
        var metadata = Metadata()
        if next(4) > 0 { metadata.title = text() }
        if next(2) == 0 { metadata.subtitle = text() }
        if next(2) == 0 { metadata.date = ["2021-09-21", "2020-02-29T10:00:00Z", "yesterday"][next(3)] }
        if next(2) == 0 { metadata.dateline = text() }
        if next(2) == 0 { metadata.organization = text() }
        if next(2) == 0 { metadata.contacts = [Contact(name: text(), email: "a@example.org"), Contact(text: text() + "\n" + text())] }
        if next(2) == 0 { metadata.language = ["de", "ru-RU", "x", "fr_CA"][next(4)] }
        if next(2) == 0 { metadata.source = "https://example.org/" + text() }
        return Document(metadata: metadata, blocks: blocks(0, count: 3 + next(8)))
    }
}
