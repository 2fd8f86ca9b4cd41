import Foundation
import XCTest
@testable import PressKit

/// pandoc itself as the judge (pandoc 2.17, pandoc-types 1.22): every sample's `-t pandoc` passes
/// `Tests/Judges/pandoc/check_pandoc_json.py` (JSON Schema and pandoc's re-emit) and is byte-equal to
/// `pandoc -f json -t json`; the seed through `pandoc -s -t html` shows its title and date; and pandoc's own
/// JSON of every sample reads back into presskit (`-f pandoc`) with the same text and block structure as
/// presskit's own reading of the source.
final class PandocConformanceTests: XCTestCase {
    static var judge: URL {
        SampleFiles.repositoryRoot.appendingPathComponent("Tests/Judges/pandoc/check_pandoc_json.py")
    }

    static func pandoc() throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/pandoc"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("pandoc is not installed (make deps-test installs it)")
    }

    /// pandoc 3 (pandoc-types 1.23), as the PyPI package pypandoc-binary ships it (`make deps-test`), or
    /// PANDOC3=path.
    static func pandoc3() throws -> String {
        if let path = ProcessInfo.processInfo.environment["PANDOC3"] { return path }
        if let python = PythonRunner.python3,
           let found = try? PythonRunner.run(python, ["-c", "import os, pypandoc; print(os.path.join(os.path.dirname(pypandoc.__file__), 'files', 'pandoc'))"]),
           found.status == 0 {
            let path = String(decoding: found.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("pandoc 3 is not installed (make deps-test installs pypandoc-binary, which ships it)")
    }

    static func read(_ sample: URL) throws -> Document {
        let format = try XCTUnwrap(Formats.forPath(sample.path))
        return try Converter.read([UInt8](try Data(contentsOf: sample)), format: format, context: ConversionContext())
    }

    func testEverySamplesPandocJSONPassesTheJudgeAndIsWhatPandocWrites() throws {
        let pandoc = try Self.pandoc()
        guard let python = PythonRunner.python3 else { throw XCTSkip("python3 is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-pandoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [(String, [UInt8])] = [("every-node", PandocWriter.bytes(TestDocuments.allKinds, api: .v1_22)),
                                            ("nested", PandocWriter.bytes(TestDocuments.nested(depth: 40), api: .v1_22))]
        for sample in SampleFiles.all() {
            outputs.append((sample.lastPathComponent, PandocWriter.bytes(try Self.read(sample), api: .v1_22)))
        }
        XCTAssertGreaterThan(outputs.count, 12)
        for (name, bytes) in outputs {
            let file = folder.appendingPathComponent(name + ".json")
            try Data(bytes).write(to: file)
            let judged = try PythonRunner.run(python, [Self.judge.path, file.path])
            let report = String(decoding: judged.stdout, as: UTF8.self)
            if report.contains("schema: skipped") { throw XCTSkip("python3 jsonschema is not installed (make deps-test)") }
            XCTAssertEqual(judged.status, 0, "\(name): \(report) \(judged.stderr)")
            XCTAssertTrue(report.contains("schema: ok") && report.contains("pandoc: ok"), "\(name): \(report)")
            let reemitted = try PythonRunner.run(pandoc, ["-f", "json", "-t", "json"], stdin: bytes)
            XCTAssertEqual(reemitted.status, 0, "\(name): \(reemitted.stderr)")
            XCTAssertTrue([UInt8](reemitted.stdout) == bytes, "\(name): pandoc's re-emit differs byte for byte")
        }
    }

    func testEverySamplesPandoc123JSONIsWhatPandoc3Writes() throws {
        let pandoc = try Self.pandoc3()
        var outputs: [(String, [UInt8])] = [("every-node", PandocWriter.bytes(TestDocuments.allKinds, api: .v1_23))]
        for sample in SampleFiles.all() {
            outputs.append((sample.lastPathComponent, PandocWriter.bytes(try Self.read(sample), api: .v1_23)))
        }
        for (name, bytes) in outputs {
            let reemitted = try PythonRunner.run(pandoc, ["-f", "json", "-t", "json"], stdin: bytes)
            XCTAssertEqual(reemitted.status, 0, "\(name): \(reemitted.stderr)")
            XCTAssertTrue([UInt8](reemitted.stdout) == bytes, "\(name): pandoc 3's re-emit differs byte for byte")
        }
        // pandoc 3 reads the figure as a figure.
        let figure = Document(blocks: [.figure(Figure(image: Image(source: "f.png", alt: "Alt"), caption: [.text("Cap")]))])
        let html = try PythonRunner.run(pandoc, ["-f", "json", "-t", "html"], stdin: PandocWriter.bytes(figure, api: .v1_23))
        XCTAssertEqual(String(decoding: html.stdout, as: UTF8.self),
                       "<figure>\n<img src=\"f.png\" alt=\"Alt\" />\n<figcaption>Cap</figcaption>\n</figure>\n")
    }

    func testSeedThroughPandocStandaloneHTMLShowsTitleAndDate() throws {
        let pandoc = try Self.pandoc()
        let seed = SampleFiles.repositoryRoot.appendingPathComponent("Samples/text/seed-partner2connect.txt")
        let document = try Self.read(seed)
        let html = try PythonRunner.run(pandoc, ["-f", "json", "-s", "-t", "html"], stdin: PandocWriter.bytes(document, api: .v1_22))
        XCTAssertEqual(html.status, 0, html.stderr)
        let text = String(decoding: html.stdout, as: UTF8.self)
        XCTAssertTrue(text.contains("<title>Minister Took Part in the Partner2Connect Meeting</title>"), text)
        XCTAssertTrue(text.contains("<h1 class=\"title\">Minister Took Part in the Partner2Connect Meeting</h1>"), text)
        XCTAssertTrue(text.contains("<p class=\"date\">2021-09-21</p>"), text)
        XCTAssertTrue(text.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">"), text)
    }

    /// pandoc reads the Markdown samples with `markdown-smart` (its Markdown without the typographic
    /// changes: curly quotes, non-breaking spaces after abbreviations) or `commonmark` for the CommonMark
    /// sample; both readings then go through presskit's pipeline (the press-release pass) and must give the
    /// same block kinds, the same text block by block and the same title and date. The HTML samples (pandoc
    /// keeps the whole page, presskit extracts the article) must hold every block of presskit's reading, in
    /// order, in pandoc's; the text samples must read without error.
    func testPandocsJSONOfEverySampleReadsLikePresskitsOwnReading() throws {
        try compareReadings(pandoc: try Self.pandoc())
    }

    /// The same with pandoc 3's JSON (pandoc-types 1.23, `Figure` blocks).
    func testPandoc3sJSONOfEverySampleReadsLikePresskitsOwnReading() throws {
        try compareReadings(pandoc: try Self.pandoc3())
    }

    private func compareReadings(pandoc: String) throws {
        var compared = 0
        for sample in SampleFiles.all() {
            let name = sample.lastPathComponent
            let ext = sample.pathExtension
            let from = ext == "html" ? "html" : name.contains("commonmark") ? "commonmark" : "markdown-smart"
            // pandoc 2.17 reads everything as UTF-8: give it the text presskit decoded.
            let source = try TextDecoding.decode([UInt8](try Data(contentsOf: sample)), declared: nil).text
            let json = try PythonRunner.run(pandoc, ["-f", from, "-t", "json"], stdin: Array(source.utf8))
            XCTAssertEqual(json.status, 0, "\(name): \(json.stderr)")
            let context = ConversionContext()
            let viaPandoc = try Converter.read([UInt8](json.stdout), format: try XCTUnwrap(Formats.named("pandoc")), context: context)
            XCTAssertFalse(viaPandoc.blocks.isEmpty, name)
            let own = try Self.read(sample)
            switch ext {
            case "md":
                XCTAssertEqual(viaPandoc.blocks.map(Self.kind), own.blocks.map(Self.kind), name)
                for (a, b) in zip(viaPandoc.blocks, own.blocks) {
                    XCTAssertEqual(Self.squeezed(a.plainText), Self.squeezed(b.plainText), name)
                }
                XCTAssertEqual(viaPandoc.metadata.title, own.metadata.title, name)
                XCTAssertEqual(viaPandoc.metadata.date, own.metadata.date, name)
                XCTAssertEqual(viaPandoc.metadata.authors, own.metadata.authors, name)
                compared += 1
            case "html":
                let whole = Self.squeezed(viaPandoc.blocks.map(\.plainText).joined(separator: " "))
                var position = whole.startIndex
                for block in own.blocks {
                    let text = Self.squeezed(block.plainText)
                    guard !text.isEmpty else { continue }
                    guard let found = whole.range(of: text, range: position..<whole.endIndex) else {
                        XCTFail("\(name): presskit's block not in pandoc's reading (in order): \(text.prefix(120))")
                        continue
                    }
                    position = found.upperBound
                }
                compared += 1
            default:
                break
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 10)
    }

    static func kind(_ block: Block) -> String {
        switch block {
        case .paragraph: return "paragraph"
        case .heading(let level, _, _): return "heading\(level)"
        case .bulletList(let l): return "bulletList(\(l.items.count))"
        case .orderedList(let l): return "orderedList(\(l.items.count))"
        case .blockQuote: return "blockQuote"
        case .codeBlock: return "codeBlock"
        case .table(let t): return "table(\(t.header.count)+\(t.rows.count))"
        case .figure: return "figure"
        case .thematicBreak: return "thematicBreak"
        case .definitionList: return "definitionList"
        case .raw: return "raw"
        case .division: return "division"
        }
    }

    /// White space runs as one space, trimmed.
    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
