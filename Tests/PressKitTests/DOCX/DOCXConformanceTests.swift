import Foundation
import XCTest
@testable import PressKit

/// Resources read from one folder and its subfolders only (what the command line's resolver allows).
struct FolderResources: ResourceResolver {
    let folder: URL
    func lookup(_ reference: String, document: Int) -> ResourceLookup {
        if reference.contains(":") || reference.hasPrefix("/") || reference.split(separator: "/").contains("..") {
            return .refused("outside the sample's folder")
        }
        let path = String(reference.prefix { $0 != "?" && $0 != "#" })
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(path)) else { return .refused("not found") }
        return .found([UInt8](data))
    }
}

/// Runs the real judges on DOCX output: check_docx.py's package and XSD checks and python-docx, pandoc's
/// DOCX reader, LibreOffice's rendering. All files are judged in one batch (one Python process, one
/// LibreOffice call) and every test reads the shared report.
final class DOCXConformanceTests: XCTestCase {
    typealias T = DOCXTestDocuments

    struct Case {
        var name: String
        var documents: [Document]
        var file: URL
        /// Random documents are checked for validity only (their content has no expectations).
        var random = false
    }

    struct Judged {
        var cases: [Case]
        var report: [String: Any]
        var failure: String?
    }

    nonisolated(unsafe) static var judged: Judged?

    static func samples() -> [(name: String, url: URL)] {
        var found: [(String, URL)] = []
        for kind in ["text", "markdown", "html"] {
            let folder = T.repositoryRoot.appendingPathComponent("Samples/\(kind)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") && Formats.forPath(name)?.reader != nil {
                found.append(("\(kind)/\(name)", folder.appendingPathComponent(name)))
            }
        }
        return found
    }

    static func run() -> Judged {
        if let judged { return judged }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-docx-\(getpid())")
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var cases: [Case] = []
        var failure: String?
        func add(_ name: String, _ documents: [Document], options: ConversionOptions = ConversionOptions(),
                 resources: any ResourceResolver) {
            let context = ConversionContext(options: options, resources: resources)
            do {
                let bytes = try DOCXWriter().write(collection: documents, context: context)
                let file = out.appendingPathComponent("\(cases.count)-" + name.replacingOccurrences(of: "/", with: "_") + ".docx")
                try Data(bytes).write(to: file)
                cases.append(Case(name: name, documents: documents, file: file))
            } catch {
                failure = (failure ?? "") + "\(name): \(error)\n"
            }
        }
        add("everything", [T.everything()], resources: T.images)
        for seed in 1...8 {
            var generator = DOCXRandomDocuments(seed: UInt64(seed))
            let documents = (0..<(1 + seed % 2)).map { _ in generator.document() }
            add("random-\(seed)", documents, resources: T.images)
            cases[cases.count - 1].random = true
        }
        add("digest", T.digest(), resources: T.images)
        var options = ConversionOptions()
        options.referenceDoc = try? DOCXReferenceDocTests.template()
        add("reference-doc", [T.everything()], options: options, resources: T.images)
        var inputs = samples()
        inputs.append(("fixture/seed.txt", T.fixtures.appendingPathComponent("seed.txt")))
        for (name, url) in inputs {
            do {
                let bytes = [UInt8](try Data(contentsOf: url))
                let format = try XCTUnwrap(Formats.forPath(url.lastPathComponent))
                let context = ConversionContext(resources: FolderResources(folder: url.deletingLastPathComponent()))
                let document = try Converter.read(bytes, format: format, context: context)
                add(name, [document], resources: FolderResources(folder: url.deletingLastPathComponent()))
            } catch {
                failure = (failure ?? "") + "\(name): cannot read: \(error)\n"
            }
        }
        let report = out.appendingPathComponent("report.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", T.judge.appendingPathComponent("check_many.py").path, "--json", report.path, "--pdf"]
            + cases.map(\.file.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        var parsed: [String: Any] = [:]
        do {
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                failure = (failure ?? "") + "check_many.py failed: " + String(decoding: output, as: UTF8.self)
            }
            parsed = (try JSONSerialization.jsonObject(with: Data(contentsOf: report))) as? [String: Any] ?? [:]
        } catch {
            failure = (failure ?? "") + "cannot run the judge: \(error)"
        }
        if ProcessInfo.processInfo.environment["PRESSKIT_KEEP_DOCX"] == nil { try? FileManager.default.removeItem(at: out) }
        let result = Judged(cases: cases, report: parsed, failure: failure)
        judged = result
        return result
    }

    private func each(_ body: (Case, [String: Any]) throws -> Void) throws {
        let judged = Self.run()
        if let failure = judged.failure { XCTFail(failure) }
        XCTAssertGreaterThanOrEqual(judged.cases.count, 4)
        for c in judged.cases {
            let entry = try XCTUnwrap(judged.report[c.file.path] as? [String: Any], "no report for \(c.name)")
            try body(c, entry)
        }
    }

    func testPackagesAreConsistentAndValidAgainstTheTransitionalSchemas() throws {
        try each { c, entry in
            let errors = entry["errors"] as? [[String: Any]] ?? [["message": "missing"]]
            XCTAssertTrue(errors.isEmpty, "\(c.name): \(errors.prefix(5))")
            let warnings = entry["warnings"] as? [[String: Any]] ?? []
            XCTAssertTrue(warnings.isEmpty, "\(c.name): \(warnings.prefix(5))")
        }
    }

    func testPythonDocxSeesTheStyles() throws {
        try each { c, entry in
            if c.random { return }
            let blocks = entry["blocks"] as? [[String: Any]] ?? []
            XCTAssertFalse(blocks.isEmpty, c.name)
            let first = c.documents.sorted { ($0.metadata.date ?? "~") < ($1.metadata.date ?? "~") }.first
            if let title = first?.metadata.title, !title.isEmpty {
                XCTAssertEqual(blocks.first?["style"] as? String, "Title", c.name)
                XCTAssertEqual(blocks.first?["text"] as? String, title, c.name)
                let core = entry["core_properties"] as? [String: String] ?? [:]
                XCTAssertTrue(core["title"]?.contains(title) ?? false, "\(c.name): \(core)")
            }
            let styles = Set(blocks.compactMap { $0["style"] as? String })
            XCTAssertFalse(styles.contains { $0.hasPrefix("<style error") }, "\(c.name): \(styles)")
            if c.name == "fixture/seed.txt", first?.metadata.title != nil {
                XCTAssertEqual(first?.metadata.title, "Minister Took Part in the Partner2Connect Meeting")
            }
            if c.name == "everything" {
                for style in ["Title", "Subtitle", "Dateline", "Heading 1", "Heading 6", "List Paragraph", "Quote",
                              "Source Code", "Caption", "Contact Block", "Definition Term"] {
                    XCTAssertTrue(styles.contains(style), "\(style) in \(styles)")
                }
                let tables = blocks.filter { $0["kind"] as? String == "table" }
                XCTAssertEqual(tables.first?["style"] as? String, "Table Grid")
            }
        }
    }

    /// What pandoc must find again: every heading, list kind, table and external link of the tree.
    func testPandocReadsBackHeadingsListsTablesAndLinks() throws {
        try each { c, entry in
            if c.random { return }
            let pandoc = try XCTUnwrap(entry["pandoc"] as? [String: Any], c.name)
            XCTAssertNil(pandoc["error"], "\(c.name): \(pandoc["error"] ?? "")")
            let types = Set(pandoc["types"] as? [String] ?? [])
            let headers = (pandoc["headers"] as? [[Any]] ?? []).compactMap { $0.last as? String }
            let links = Set(pandoc["links"] as? [String] ?? [])
            var expected = Expected()
            for document in c.documents { expected.collect(document.blocks) }
            XCTAssertEqual(headers.count, expected.headings.count, "\(c.name): \(headers) vs \(expected.headings)")
            if expected.bullets { XCTAssertTrue(types.contains("BulletList"), "\(c.name): \(types)") }
            if expected.ordered { XCTAssertTrue(types.contains("OrderedList"), "\(c.name): \(types)") }
            if expected.tables { XCTAssertTrue(types.contains("Table"), "\(c.name): \(types)") }
            for link in expected.links {
                XCTAssertTrue(links.contains(link) || links.contains(DOCXRelationships.uriEscaped(link)),
                              "\(c.name): \(link) not in \(links)")
            }
            if c.name == "everything" {
                for type in ["Header", "BulletList", "OrderedList", "Table", "Link", "Note", "Image", "BlockQuote",
                             "CodeBlock", "DefinitionList", "Strong", "Emph", "Strikeout", "Superscript", "Subscript",
                             "Code", "LineBreak", "Underline"] {
                    XCTAssertTrue(types.contains(type), "pandoc finds no \(type)")
                }
            }
        }
    }

    func testLibreOfficeRendersTheBodyText() throws {
        try each { c, entry in
            if c.random { return }
            let text = try XCTUnwrap(entry["pdf_text"] as? String, "\(c.name): LibreOffice made no PDF")
            // Compared without white space and hyphens: the PDF breaks lines (and long URLs) where it likes, and
            // pdftotext joins a line ending in a hyphen to the next.
            let rendered = Self.normalized(text).filter { !$0.isWhitespace && $0 != "-" }
            for document in c.documents {
                for probe in Self.probes(document) {
                    XCTAssertTrue(rendered.contains(probe.filter { !$0.isWhitespace && $0 != "-" }), "\(c.name): '\(probe)' not in the PDF text")
                }
            }
        }
    }

    /// A few words from the start of the first and last body paragraphs.
    static func probes(_ document: Document) -> [String] {
        var paragraphs: [String] = []
        for block in document.blocks {
            if case .paragraph(let inlines) = block, !inlines.contains(where: { if case .image = $0 { return true } else { return false } }) {
                let text = normalized(inlines.plainText)
                if text.count >= 12 { paragraphs.append(text) }
            }
        }
        let chosen = [paragraphs.first, paragraphs.last].compactMap { $0 }
        return chosen.map { String($0.split(separator: " ").prefix(6).joined(separator: " ")) }
    }

    static func normalized(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .replacingOccurrences(of: "\u{00AD}", with: "")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    struct Expected {
        var headings: [String] = []
        var bullets = false
        var ordered = false
        var tables = false
        var links: [String] = []

        mutating func collect(_ blocks: [Block], depth: Int = 0) {
            guard depth < 50 else { return }
            for block in blocks {
                switch block {
                case .heading(_, let content, _): headings.append(content.plainText); inlines(content)
                case .paragraph(let content): inlines(content)
                case .bulletList(let list):
                    if !list.items.isEmpty { bullets = true }
                    for item in list.items { collect(item.blocks, depth: depth + 1) }
                case .orderedList(let list):
                    if !list.items.isEmpty { ordered = true }
                    for item in list.items { collect(item.blocks, depth: depth + 1) }
                case .table(let table):
                    tables = true
                    for row in table.header + table.rows { for cell in row { collect(cell.blocks, depth: depth + 1) } }
                case .blockQuote(let inner), .division(_, let inner): collect(inner, depth: depth + 1)
                case .definitionList(let items):
                    for item in items { inlines(item.term); for d in item.definitions { collect(d, depth: depth + 1) } }
                case .figure(let figure): inlines(figure.caption)
                case .codeBlock, .thematicBreak, .raw: break
                }
            }
        }

        mutating func inlines(_ content: [Inline]) {
            for inline in content {
                switch inline {
                case .link(let link):
                    if link.target.hasPrefix("http://") || link.target.hasPrefix("https://") { links.append(link.target) }
                    inlines(link.content)
                case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                     .subscript(let c):
                    inlines(c)
                case .note, .text, .code, .image, .softBreak, .lineBreak, .raw: break
                }
            }
        }
    }
}
