import XCTest
@testable import PressKit

/// Hostile structure through `Converter.read` and every registered writer, on a thread with a 2 MiB stack:
/// each input converts (deep structure flattened beyond the readers' depth of 200) or is refused with a
/// clear PressKitError, never a crash. Output size is checked against the input (no blow-up).
final class DeepStructureTests: XCTestCase {
    /// The nesting depth SECURITY.md documents for every reader.
    static let documentedDepth = 200

    private func check(_ input: String, from format: String, expectConverted: Bool = true, maxGrowth: Int = 20,
                       file: StaticString = #filePath, line: UInt = #line) -> Hardening.Outcome {
        let bytes = Hardening.bytes(input)
        let outcome = Hardening.convertEverywhere(bytes, from: format)
        Hardening.assertConvertedOrRefused(outcome, inputSize: bytes.count, maxGrowth: maxGrowth, file: file, line: line)
        if expectConverted {
            XCTAssertNil(outcome.readError, "\(format) refused: \(outcome.readError.map(String.init(describing:)) ?? "")",
                         file: file, line: line)
            XCTAssertLessThanOrEqual(outcome.blockDepth, Self.documentedDepth + 1, file: file, line: line)
            XCTAssertLessThanOrEqual(outcome.inlineDepth, Self.documentedDepth + 1, file: file, line: line)
        }
        return outcome
    }

    func testHundredThousandNestedDivs() {
        let n = 100_000
        let html = "<!DOCTYPE html><html><body>" + String(repeating: "<div>", count: n) + "<p>deep</p>"
            + String(repeating: "</div>", count: n) + "</body></html>"
        let outcome = check(html, from: "html")
        XCTAssertEqual(outcome.written.count, Formats.all.filter { $0.writer != nil }.count)
    }

    func testHundredThousandUnclosedNestedElements() {
        // Unclosed, mixed inline and block elements: libxml2 closes them at the end of the input.
        let n = 100_000
        _ = check(String(repeating: "<div><span><b>", count: n / 3) + "x", from: "html")
        _ = check(String(repeating: "<blockquote><em>", count: n / 2) + "x", from: "html")
        _ = check(String(repeating: "<ul><li>", count: n / 2) + "x", from: "html")
        _ = check(String(repeating: "<table><tr><td>", count: n / 3) + "x", from: "html")
    }

    /// Deep nesting where the per-element checks of the metadata and article-header passes look at each
    /// element's subtree (a headline beside the nesting, times, date-classed spans, headings): each read is
    /// bounded, and subtree ends are stored, so these stay linear (they were quadratic, minutes at this size).
    func testHundredThousandNestedElementsBesideAHeadline() {
        let n = 30_000
        _ = check("<html><body><div class=story><h1>Harbour reopens</h1>" + String(repeating: "<div><p>x</p><div>", count: n)
                  + "text</body></html>", from: "html")
        _ = check("<html><body><h1>T</h1>" + String(repeating: "<time datetime=\"2020-01-01\">", count: n) + "1 Jan 2020",
                  from: "html")
        _ = check("<html><body><h1>T</h1>" + String(repeating: "<span class=\"date\">", count: n) + "word", from: "html")
        _ = check("<html><body>" + String(repeating: "<h2>", count: n) + "word", from: "html")
    }

    func testHundredThousandNestedQuotesInMarkdown() {
        _ = check(String(repeating: ">", count: 100_000) + " deep\n", from: "markdown")
        _ = check(String(repeating: "> ", count: 100_000) + "deep\n", from: "gfm")
    }

    func testHundredThousandNestedEmphasisAndLinksInMarkdown() {
        // Every "a " becomes a JSON text node of ~100 bytes (indented at most 32 levels, see JSONEmitter): the
        // JSON output is ~120 times this input, linear; before the indentation cap it was 1,300 times.
        _ = check(String(repeating: "*a ", count: 50_000) + String(repeating: "b*", count: 50_000) + "\n", from: "markdown",
                  maxGrowth: 150)
        _ = check(String(repeating: "[", count: 100_000) + "x" + String(repeating: "](u)", count: 100_000) + "\n", from: "markdown")
        _ = check(String(repeating: "^[", count: 20_000) + "note" + String(repeating: "]", count: 20_000) + "\n", from: "markdown")
    }

    func testTwentyThousandNestedListLevelsInMarkdown() {
        _ = check(String(repeating: "- ", count: 20_000) + "x\n", from: "markdown")
        _ = check(String(repeating: "1. ", count: 20_000) + "x\n", from: "markdown")
        // Nested by indentation, one level per line (2,000 levels keep the input at 4 MB).
        var indented = ""
        for level in 0..<2_000 { indented += String(repeating: " ", count: 2 * level) + "- item \(level)\n" }
        _ = check(indented, from: "markdown")
    }

    func testTwentyThousandNestedListLevelsInText() {
        _ = check(String(repeating: "- ", count: 20_000) + "x\n", from: "text")
        _ = check(String(repeating: "1. ", count: 20_000) + "x\n", from: "text")
        var indented = "Title\n\n"
        for level in 0..<2_000 { indented += String(repeating: " ", count: 2 * level) + "- item \(level)\n" }
        _ = check(indented, from: "text")
        _ = check(String(repeating: "> ", count: 20_000) + "quoted\n", from: "text")
    }

    /// 4 MB on one line, in process through every writer (a debug build took 128 s for 20 MB through all
    /// six writers under load; the 100 MB line runs through the binary in HardeningCommandTests).
    func testFourMegabyteSingleLine() {
        let line = String(repeating: "press release word ", count: 4 << 20 / 19) + "\n"
        for format in ["text", "markdown"] {
            let outcome = Hardening.convertEverywhere(Hardening.bytes(line), from: format, stackSize: Hardening.workerStack)
            Hardening.assertConvertedOrRefused(outcome, inputSize: line.utf8.count, maxGrowth: 4)
            XCTAssertNil(outcome.readError)
        }
    }

    func testSingleLineWithoutSpacesOrWithOnlyMarkup() {
        _ = check(String(repeating: "a", count: 4 << 20), from: "text")
        _ = check(String(repeating: "*", count: 1 << 20), from: "markdown")
        _ = check(String(repeating: "[](", count: 300_000), from: "markdown")
        _ = check(String(repeating: "<", count: 1 << 20), from: "html")
    }

    func testJSONNestedHundredThousandDeepIsRefusedClearly() {
        // On the worker stack: the recursive-descent parser stops at 1,024 levels (see the test below).
        for input in [String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
                      String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000),
                      Self.jsonQuotes(100_000)] {
            let outcome = Hardening.convertEverywhere(Hardening.bytes(input), from: "json", stackSize: Hardening.workerStack)
            XCTAssertEqual(outcome.readError?.kind, .invalidInput)
            XCTAssertTrue(outcome.readError?.message.contains("too deeply nested") ?? false, "\(String(describing: outcome.readError))")
            XCTAssertEqual(outcome.unexpected, [])
        }
    }

    /// The deepest trees the JSON reader accepts (1,024 levels of JSON, ~500 nested quotes): the parser, the
    /// decoder and every writer survive them on a batch worker's 8 MiB stack (a debug build needs 2–4 KiB
    /// of stack per JSON level: it passes with 4 MiB and overflows with 2 MiB). The JSON writer indents, so
    /// its output grows with depth times size: bounded because the depth is.
    func testDeepestTreesTheJSONReaderAcceptsGoThroughEveryWriter() {
        let limit = JSONValue.defaultMaxDepth
        // Each shape's JSON depth per level of tree, so the tree is as deep as the reader lets it be.
        // A document, its blocks array and the innermost paragraph/text take 5 levels; each wrapper takes
        // 2 (an object and its array), a list item or a note 4, a table cell 5.
        let room = limit - 5
        let shapes: [String] = [
            Self.jsonQuotes(room / 2),
            Self.jsonWrapped(depth: room / 2, open: "{\"type\":\"emphasis\",\"content\":[", close: "]}"),
            Self.jsonWrapped(depth: room / 2, open: "{\"type\":\"link\",\"target\":\"u\",\"content\":[", close: "]}"),
            Self.jsonWrapped(depth: room / 4, open: "{\"type\":\"note\",\"blocks\":[{\"type\":\"paragraph\",\"content\":[", close: "]}]}"),
            Self.jsonBlocks(depth: room / 4, open: "{\"type\":\"bulletList\",\"items\":[{\"blocks\":[", close: "]}]}"),
            Self.jsonBlocks(depth: room / 5, open: "{\"type\":\"table\",\"rows\":[[{\"blocks\":[", close: "]}]]}"),
            Self.jsonBlocks(depth: room / 2, open: "{\"type\":\"division\",\"blocks\":[", close: "]}"),
        ]
        for json in shapes {
            for stack in [Hardening.workerStack] {
                let outcome = Hardening.convertEverywhere(Hardening.bytes(json), from: "json", stackSize: stack)
                Hardening.assertConvertedOrRefused(outcome, inputSize: json.utf8.count, maxGrowth: 200)
                XCTAssertNil(outcome.readError, "\(String(json.prefix(60))): \(String(describing: outcome.readError))")
            }
        }
    }

    /// Swift frees an indirect enum recursively: the deepest tree any reader can give must be freed on a
    /// small stack (readers cap depth at 200; JSON's 1,024 levels give at most ~500).
    func testFreeingTheDeepestTreesOnASmallStack() {
        for depth in [Self.documentedDepth, JSONValue.defaultMaxDepth] {
            _ = Hardening.onThread(stackSize: Hardening.smallStack) {
                var block = Block.paragraph([.text("x")])
                var inline = Inline.text("y")
                for _ in 0..<depth {
                    block = .blockQuote([block])
                    inline = .emphasis([inline])
                }
                block = .division(role: nil, blocks: [block, .paragraph([inline])])
                return Hardening.blockDepth(block)
            }
        }
    }

    // MARK: - JSON documents

    static func jsonDocument(_ blocks: String) -> String { "{\"version\":\"1.0\",\"metadata\":{},\"blocks\":[\(blocks)]}" }

    /// A document of `depth` nested block quotes around a paragraph.
    static func jsonQuotes(_ depth: Int) -> String {
        jsonBlocks(depth: depth, open: "{\"type\":\"blockQuote\",\"blocks\":[", close: "]}")
    }

    static func jsonBlocks(depth: Int, open: String, close: String) -> String {
        jsonDocument(String(repeating: open, count: depth) + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"deep\"}]}"
            + String(repeating: close, count: depth))
    }

    /// A paragraph holding `depth` nested inlines.
    static func jsonWrapped(depth: Int, open: String, close: String) -> String {
        jsonDocument("{\"type\":\"paragraph\",\"content\":[" + String(repeating: open, count: depth)
            + "{\"type\":\"text\",\"text\":\"deep\"}" + String(repeating: close, count: depth) + "]}")
    }
}
