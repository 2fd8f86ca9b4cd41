import XCTest
@testable import PressKit

/// Helpers shared by the HTML reader tests.
enum HTMLTestSupport {
    /// Three paragraphs of article prose, long enough for the extractor to recognise as the article.
    static let articleParagraphs = """
    <p>The city council approved the new budget on Tuesday, raising spending on schools, parks and public transport by 4 per cent, while keeping property taxes at last year's level for the third year running.</p>
    <p>Mayor Anna Berg said the budget, which runs to 1.2 billion euros, reflects what residents asked for in a year of consultations, meetings and surveys held in every district of the city.</p>
    <p>The largest single item is the renovation of 14 primary schools, which will begin in the spring and continue, in stages, until the end of 2026, according to the council's own timetable.</p>
    """

    /// A page with `article` inside `main`, wrapped in `before` and `after`.
    static func page(head: String = "<title>Budget approved</title>", before: String = "", article: String = articleParagraphs,
                     after: String = "", lang: String = "en") -> String {
        """
        <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8">\(head)</head><body>
        \(before)
        <main><article><h1>Budget approved</h1>\(article)</article></main>
        \(after)
        </body></html>
        """
    }

    static func read(_ html: String, fullPage: Bool = false, encoding: String? = nil) throws -> Document {
        try read(Array(html.utf8), fullPage: fullPage, encoding: encoding)
    }

    static func read(_ bytes: [UInt8], fullPage: Bool = false, encoding: String? = nil) throws -> Document {
        var options = ConversionOptions()
        options.fullPage = fullPage
        options.encoding = encoding
        return try HTMLReader().read(bytes, context: ConversionContext(options: options))
    }

    /// All the text of a document's blocks (alt texts and captions included).
    static func text(_ document: Document) -> String {
        document.blocks.map(\.plainText).joined(separator: "\n")
    }

    /// All link targets and image sources in a document.
    static func references(_ document: Document) -> [String] {
        var out: [String] = []
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let l): out.append(l.target); walk(l.content)
                case .image(let i): out.append(i.source)
                case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                     .subscript(let c): walk(c)
                default: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let c), .heading(_, let c, _): walk(c)
                case .bulletList(let l), .orderedList(let l): for item in l.items { walk(item.blocks) }
                case .blockQuote(let b), .division(_, let b): walk(b)
                case .figure(let f): out.append(f.image.source); walk(f.caption)
                case .table(let t): for row in t.header + t.rows { for cell in row { walk(cell.blocks) } }
                case .definitionList(let items): for item in items { walk(item.term); for d in item.definitions { walk(d) } }
                default: break
                }
            }
        }
        walk(document.blocks)
        return out
    }
}
