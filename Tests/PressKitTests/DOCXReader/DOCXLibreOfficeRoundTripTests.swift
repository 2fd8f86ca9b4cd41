import Foundation
import XCTest
@testable import PressKit

/// The LibreOffice round trips of the DOCX reader (docs/DOCX-READER.md, "Round trips"), with the real
/// `soffice` (apt libreoffice-writer-nogui, installed by `make deps-test`):
///
/// 1. every sample → presskit DOCX → `soffice --convert-to docx` (LibreOffice rewrites the whole package:
///    its own styles.xml, numbering.xml, relationships, properties) → presskit reads it back → the same tree
///    as the original, modulo the direct round trip's documented losses and LibreOffice's own;
/// 2. every HTML sample → `soffice --convert-to docx` (LibreOffice's HTML import, whole page) → presskit
///    reads it: the body text of presskit's HTML reading must be found there, in order, with its headings
///    and list items recognised as such.
final class DOCXLibreOfficeRoundTripTests: XCTestCase {
    static var soffice: String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SOFFICE"], FileManager.default.isExecutableFile(atPath: path) { return path }
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/soffice"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// LibreOffice's own losses on presskit's DOCX: keywords come back as one space-separated string, a
    /// link's title is written as its target frame (`w:tgtFrame`), and a bare host URL gains its "/".
    static func withoutLibreOfficeLosses(_ document: Document) -> Document {
        var d = DOCXRoundTripTests.comparable(document)
        if !d.metadata.keywords.isEmpty { d.metadata.keywords = [d.metadata.keywords.joined(separator: " ")] }
        var rewriter = ClosureRewriter(inline: { inline in
            guard case .link(var link) = inline else { return nil }
            link.title = nil
            if let scheme = link.target.range(of: "://"), link.target.hasSuffix("/"),
               !link.target[scheme.upperBound...].dropLast().contains("/") {
                link.target.removeLast()
            }
            var inner = ClosureRewriter(inline: { _ in nil })
            link.content = inner.rewrite(inlines: link.content)
            return [.link(link)]
        })
        d = rewriter.rewrite(d)
        return d
    }

    func testSamplesThroughLibreOffice() throws {
        guard let soffice = Self.soffice else {
            throw XCTSkip("soffice (LibreOffice) is not installed: the LibreOffice round trip is skipped (make deps-test installs libreoffice-writer-nogui)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fm = FileManager.default
        for folder in ["docx-in", "docx-out", "html-in", "html-out", "profile"] {
            try fm.createDirectory(at: scratch.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let docx = Formats.named("docx")!
        var originals: [String: Document] = [:]
        var direct: [String: Document] = [:]
        var htmlNames: [String] = []
        let samples = SampleFiles.all()
        for url in samples {
            let name = url.lastPathComponent
            let bytes = try [UInt8](Data(contentsOf: url))
            let format = Formats.forPath(url.path)!
            let original = try Converter.read(bytes, format: format, context: ConversionContext(inputName: name))
            originals[name] = original
            let written = try Converter.write([original], format: docx, context: ConversionContext())
            direct[name] = try Converter.read(written, format: docx, context: ConversionContext())
            try Data(written).write(to: scratch.appendingPathComponent("docx-in/\(name).docx"))
            if url.pathExtension == "html" {
                try Data(bytes).write(to: scratch.appendingPathComponent("html-in/\(name)"))
                htmlNames.append(name)
            }
        }
        let profile = "-env:UserInstallation=file://" + scratch.appendingPathComponent("profile").path
        let docxInputs = samples.map { scratch.appendingPathComponent("docx-in/\($0.lastPathComponent).docx").path }
        try Self.run(soffice, [profile, "--headless", "--norestore", "--convert-to", "docx",
                               "--outdir", scratch.appendingPathComponent("docx-out").path] + docxInputs)
        let htmlInputs = htmlNames.map { scratch.appendingPathComponent("html-in/\($0)").path }
        try Self.run(soffice, [profile, "--headless", "--norestore", "--infilter=HTML (StarWriter)",
                               "--convert-to", "docx:MS Word 2007 XML",
                               "--outdir", scratch.appendingPathComponent("html-out").path] + htmlInputs)

        // 1. presskit DOCX through LibreOffice.
        var rows: [String] = []
        var unexpected: [String] = []
        var same = 0, sameAsDirect = 0
        for url in samples {
            let name = url.lastPathComponent
            let out = scratch.appendingPathComponent("docx-out/\(name).docx")
            guard let bytes = try? [UInt8](Data(contentsOf: out)) else {
                unexpected.append("\(name): LibreOffice wrote no DOCX")
                continue
            }
            let back = try Converter.read(bytes, format: docx, context: ConversionContext(inputName: name))
            let a = Self.withoutLibreOfficeLosses(originals[name]!), b = Self.withoutLibreOfficeLosses(back)
            if a == b {
                same += 1
                rows.append("| \(name) | same |")
            } else if Self.withoutLibreOfficeLosses(direct[name]!) == b {
                sameAsDirect += 1
                rows.append("| \(name) | same as the direct round trip |")
            } else {
                let line = try Self.firstDifference(a, b)
                rows.append("| \(name) | differs: \(line) |")
                unexpected.append("\(name): \(line)")
            }
        }
        print("LibreOffice round trip (presskit DOCX → soffice → presskit): \(same) of \(samples.count) the same, \(sameAsDirect) the same as presskit's direct round trip")
        for row in rows { print(row) }
        XCTAssertTrue(unexpected.isEmpty, unexpected.joined(separator: "\n"))

        // 2. the HTML samples through LibreOffice's HTML import.
        print("LibreOffice from HTML (soffice HTML → DOCX → presskit): body text found in order / headings / list items")
        for name in htmlNames {
            let out = scratch.appendingPathComponent("html-out/" + (name as NSString).deletingPathExtension + ".docx")
            guard let bytes = try? [UInt8](Data(contentsOf: out)) else {
                XCTFail("\(name): LibreOffice wrote no DOCX")
                continue
            }
            let back = try Converter.read(bytes, format: docx, context: ConversionContext(inputName: name))
            let coverage = DOCXBlockCoverage(original: originals[name]!, reading: back)
            if let why = Self.htmlImportLosses[name] {
                print("| \(name) | \(coverage.summary) | \(why) |")
                continue
            }
            print("| \(name) | \(coverage.summary) |")
            for missing in coverage.missing.prefix(3) { print("    not found: \(missing.prefix(100))") }
            XCTAssertEqual(coverage.textFound, coverage.textTotal, "\(name): body text lost: \(coverage.missing.first ?? "")")
            XCTAssertEqual(coverage.headingsFound, coverage.headingsTotal, "\(name): headings not read as headings")
            XCTAssertEqual(coverage.itemsFound, coverage.itemsTotal, "\(name): list items not read as list items")
        }
    }

    /// HTML samples LibreOffice's own HTML import cannot read (docs/DOCX-READER.md).
    static let htmlImportLosses: [String: String] = [
        "energy-ministry-windows-1251.html":
            "LibreOffice writes an empty document: the page declares no charset (presskit detects windows-1251)",
    ]

    static func firstDifference(_ a: Document, _ b: Document) throws -> String {
        let ja = String(decoding: try JSONWriter().write(a, context: ConversionContext()), as: UTF8.self)
        let jb = String(decoding: try JSONWriter().write(b, context: ConversionContext()), as: UTF8.self)
        let la = ja.split(separator: "\n"), lb = jb.split(separator: "\n")
        let first = (0..<min(la.count, lb.count)).first { la[$0] != lb[$0] } ?? min(la.count, lb.count)
        let left = first < la.count ? la[first].trimmingCharacters(in: .whitespaces) : ""
        let right = first < lb.count ? lb[first].trimmingCharacters(in: .whitespaces) : ""
        return "line \(first): `\(left)` / `\(right)`"
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "soffice", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: text])
        }
        return text
    }
}

/// How much of one reading's body is found in another: the text of each paragraph, heading, list item
/// paragraph and table cell of `original`, whitespace collapsed, found in `reading`'s text in the same
/// order; headings and list items found as headings and list items of `reading` with the same text.
struct DOCXBlockCoverage {
    var textTotal = 0, textFound = 0
    var headingsTotal = 0, headingsFound = 0
    var itemsTotal = 0, itemsFound = 0
    var missing: [String] = []

    enum Kind { case paragraph, heading, item }

    init(original: Document, reading: Document) {
        let wanted = Self.units(original.blocks)
        let have = Self.units(reading.blocks)
        let haystack = have.map(\.text).joined(separator: "\n")
        var position = haystack.startIndex
        var headings = Dictionary(grouping: have.filter { $0.kind == .heading }, by: \.text).mapValues(\.count)
        var items = Dictionary(grouping: have.filter { $0.kind == .item }, by: \.text).mapValues(\.count)
        for unit in wanted where !unit.text.isEmpty {
            textTotal += 1
            if let found = haystack.range(of: unit.text, range: position..<haystack.endIndex) {
                textFound += 1
                position = found.upperBound
            } else {
                missing.append(unit.text)
            }
            switch unit.kind {
            case .heading:
                headingsTotal += 1
                if headings[unit.text, default: 0] > 0 { headingsFound += 1; headings[unit.text]! -= 1 }
            case .item:
                itemsTotal += 1
                if items[unit.text, default: 0] > 0 { itemsFound += 1; items[unit.text]! -= 1 }
            case .paragraph: break
            }
        }
    }

    var summary: String {
        "\(textFound)/\(textTotal) | \(headingsFound)/\(headingsTotal) | \(itemsFound)/\(itemsTotal)"
    }

    static func units(_ blocks: [Block]) -> [(kind: Kind, text: String)] {
        var out: [(kind: Kind, text: String)] = []
        func text(_ inlines: [Inline]) -> String {
            PlainTextProjection(imageText: false).text(inlines).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        func walk(_ blocks: [Block], item: Bool) {
            for block in blocks {
                switch block {
                case .paragraph(let i): out.append((item ? .item : .paragraph, text(i)))
                case .heading(_, let i, _): out.append((.heading, text(i)))
                case .bulletList(let list), .orderedList(let list):
                    for entry in list.items { walk(entry.blocks, item: true) }
                case .blockQuote(let b), .division(_, let b): walk(b, item: false)
                case .codeBlock(_, let t): out.append((.paragraph, t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")))
                case .table(let t):
                    if !t.caption.isEmpty { out.append((.paragraph, text(t.caption))) }
                    for row in t.header + t.rows { for cell in row { walk(cell.blocks, item: false) } }
                case .figure(let f): if !f.caption.isEmpty { out.append((.paragraph, text(f.caption))) }
                case .definitionList(let entries):
                    for entry in entries {
                        out.append((.paragraph, text(entry.term)))
                        for d in entry.definitions { walk(d, item: false) }
                    }
                case .thematicBreak, .raw: break
                }
            }
        }
        walk(blocks, item: false)
        return out
    }
}
