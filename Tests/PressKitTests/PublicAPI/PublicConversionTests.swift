import Foundation
import PressKit   // deliberately not @testable: only what an embedding program can use
import XCTest

/// The library's pipeline through its public API alone: one file, several files into a digest, bytes in
/// memory, warnings collected as values.
final class PublicConversionTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-public-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private let release = """
        # Harbour opens a new quay

        HAMBURG, 3 March 2024 – The port authority opened its new quay today.

        The quay takes ships of up to 400 metres. ![A crane](missing-crane.png)

        Contact: Jane Doe, press@example.com
        """

    func testOneFileToHTMLWithItsFormatInferredAndWarningsAsValues() throws {
        let path = try file("harbour.md", release)
        let result = try Conversion(inputs: [.file(path)], targets: [Formats.require("html")]).run()
        XCTAssertEqual(result.outputs.count, 1)
        XCTAssertEqual(result.outputs[0].format.name, "html")
        let html = String(decoding: try result.outputs[0].bytes(), as: UTF8.self)
        XCTAssertTrue(html.contains("<h1"), html)
        XCTAssertTrue(html.contains("Harbour opens a new quay"))
        XCTAssertTrue(html.contains("The quay takes ships of up to 400 metres."))
        // Every diagnostic is a value naming the input it concerns.
        for diagnostic in result.diagnostics {
            XCTAssertEqual(diagnostic.input, path)
            XCTAssertFalse(diagnostic.message.isEmpty)
        }
    }

    func testSeveralFilesMakeOneDigestWithWarningsPerInput() throws {
        let first = try file("one.md", release)
        let second = try file("two.txt", "City council adopts budget\n\nBERLIN, 4 March 2024 - The council adopted its budget.\n")
        let empty = try file("three.txt", "\n\n")
        let conversion = Conversion(inputs: [.file(first), .file(second), .file(empty)],
                                    targets: [try Formats.require("epub"), try Formats.require("docx")],
                                    outputName: "digest")
        XCTAssertTrue(conversion.isCollection)
        let result = try conversion.run()
        XCTAssertEqual(result.outputs.map(\.format.name), ["epub", "docx"])
        for output in result.outputs {
            let bytes = try output.bytes()
            XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "\(output.format.name) is a zip")
        }
        // The empty input is reported as a value of kind .emptyInput, about that input.
        let emptyWarnings = result.diagnostics.filter { $0.kind == .emptyInput }
        XCTAssertEqual(emptyWarnings.map(\.input), [empty], "\(result.diagnostics)")
        XCTAssertEqual(emptyWarnings.first?.message, "the input is empty")
    }

    func testBytesInMemoryAndTheInputNamedInErrors() throws {
        let html = Array("<html><head><title>T</title></head><body><h1>Title</h1><p>Body text here.</p></body></html>".utf8)
        let result = try Conversion(inputs: [.bytes(html, name: "page.html")], targets: [Formats.require("json")]).run()
        let json = String(decoding: try result.outputs[0].bytes(), as: UTF8.self)
        XCTAssertTrue(json.contains("Body text here."), json)

        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        XCTAssertThrowsError(try Conversion(inputs: [.bytes(png, name: "photo.txt")],
                                            targets: [Formats.require("text")]).run()) { error in
            let error = error as? PressKitError
            XCTAssertEqual(error?.kind, .invalidInput)
            XCTAssertEqual(error?.file, "photo.txt")
        }
        XCTAssertThrowsError(try Conversion(inputs: [.file(folder.appendingPathComponent("nonexistent.md").path)],
                                            targets: [Formats.require("text")]).run()) { error in
            XCTAssertEqual((error as? PressKitError)?.kind, .inputNotFound)
        }
    }

    func testDiagnosticsBeforeAFailureAreKept() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let conversion = Conversion(inputs: [.bytes(Array("  \n".utf8), name: "empty.txt"), .bytes(png, name: "photo.txt")],
                                    targets: [try Formats.require("docx")])
        var diagnostics: [Diagnostic] = []
        XCTAssertThrowsError(try conversion.run(diagnostics: &diagnostics)) { error in
            XCTAssertEqual((error as? PressKitError)?.file, "photo.txt")
        }
        XCTAssertEqual(diagnostics, [Diagnostic(.emptyInput, "the input is empty", input: "empty.txt")])
    }

    func testPerFormatOptionsBelongToTheirFormat() throws {
        var options = ConversionOptions()
        options.html.fragment = true
        let input = ConversionInput.bytes(Array(release.utf8), name: "r.md")
        let result = try Conversion(inputs: [input], targets: [Formats.require("html"), Formats.require("text")],
                                    options: options).run()
        let html = String(decoding: try result.outputs[0].bytes(), as: UTF8.self)
        let text = String(decoding: try result.outputs[1].bytes(), as: UTF8.self)
        XCTAssertFalse(html.contains("<html"), "HTML fragment")
        // The HTML writer's fragment switch does not reach the text writer: its title block stays.
        XCTAssertTrue(text.contains("Harbour opens a new quay"), text)
    }

    /// A reader registered with `readsZipContainer` gets zip bytes; any other reader never does.
    func testZipContainersReachOnlyReadersThatTakeThem() throws {
        struct EntryCounter: Reader {
            func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
                Document(blocks: [.paragraph([.text("a zip of \(input.count) bytes")])])
            }
        }
        var archive = ZipArchive()
        archive.add("word/document.xml", "<w:document/>")
        let zip = try archive.data()
        let zipFormat = Format(name: "zipped", extensions: ["zipped"], inputExtensions: ["zipped"],
                               outputExtension: "zipped", mediaType: "application/zip", isBinary: true,
                               readsZipContainer: true, reader: EntryCounter(), writer: nil)
        let document = try Converter.read(zip, format: zipFormat, context: ConversionContext())
        XCTAssertEqual(document.blocks, [.paragraph([.text("a zip of \(zip.count) bytes")])])
        XCTAssertThrowsError(try Converter.read(zip, format: Formats.require("text"), context: ConversionContext())) {
            XCTAssertEqual(($0 as? PressKitError)?.kind, .invalidInput)
        }
    }

    func testFormatInferenceInOnePlace() throws {
        XCTAssertEqual(Formats.inputFormat(name: "a/b.MD", bytes: []).name, "markdown")
        XCTAssertEqual(Formats.inputFormat(name: "-", bytes: Array("<!DOCTYPE html><html>".utf8)).name, "html")
        XCTAssertEqual(try Formats.outputFormat(forName: "out/x.htm").name, "html")
        XCTAssertThrowsError(try Formats.outputFormat(forName: "out/x.unknown"))
        if case .notReadable(let format) = Formats.inputGuess(forName: "book.epub") {
            XCTAssertEqual(format.name, "epub")
        } else {
            XCTFail("an .epub is a known format presskit does not read")
        }
        XCTAssertTrue(try Formats.require("epub").writesCollections)
        XCTAssertFalse(try Formats.require("html").writesCollections)
    }
}
