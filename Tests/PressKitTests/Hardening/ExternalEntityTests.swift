import Foundation
import XCTest
@testable import PressKit

/// No reader loads a DTD or an external entity (XXE): an HTML or XHTML input declaring
/// `<!ENTITY e SYSTEM "file:///…">` and using `&e;` never gets the file's bytes, in any output.
final class ExternalEntityTests: XCTestCase {
    private var secretURL: URL!
    private let secret = "XXE-SECRET-\(UUID().uuidString)"

    override func setUpWithError() throws {
        secretURL = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-xxe-\(UUID().uuidString).txt")
        try Data(secret.utf8).write(to: secretURL)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: secretURL)
    }

    private var passwdStart: String? {
        (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)).flatMap { $0.split(separator: "\n").first.map(String.init) }
    }

    private func assertNoEntityLoaded(_ input: String, from format: String = "html", file: StaticString = #filePath, line: UInt = #line) {
        let context = ConversionContext()
        let document: Document
        do {
            document = try Converter.read(Array(input.utf8), format: Formats.named(format)!, context: context)
        } catch let error as PressKitError {
            XCTAssertFalse(error.description.contains(secret), file: file, line: line)
            return
        } catch {
            XCTFail("not a PressKitError: \(error)", file: file, line: line)
            return
        }
        for writer in Formats.all where writer.writer != nil {
            guard let bytes = try? Converter.write([document], format: writer, context: context) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertFalse(text.contains(secret), "\(writer.name) output holds the external entity's file", file: file, line: line)
            if let passwdStart {
                XCTAssertFalse(text.contains(passwdStart), "\(writer.name) output holds /etc/passwd", file: file, line: line)
            }
        }
        for diagnostic in context.diagnostics {
            XCTAssertFalse(diagnostic.message.contains(secret), file: file, line: line)
        }
    }

    func testHTMLInternalSubsetWithSystemEntities() {
        let path = secretURL.path
        assertNoEntityLoaded("""
            <!DOCTYPE html [<!ENTITY e SYSTEM "file://\(path)"><!ENTITY p SYSTEM "file:///etc/passwd">]>
            <html><head><title>Title &e;</title></head>
            <body><h1>Headline &e;</h1><p>Body &e; and &p; here.</p></body></html>
            """)
    }

    func testXHTMLWithXMLDeclarationAndParameterEntity() {
        let path = secretURL.path
        assertNoEntityLoaded("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "file://\(path)" [
              <!ENTITY % p SYSTEM "file://\(path)"> %p;
              <!ENTITY e SYSTEM "file://\(path)">
            ]>
            <html xmlns="http://www.w3.org/1999/xhtml"><body><h1>A &e; B</h1><p>&e;</p></body></html>
            """)
    }

    func testExternalDTDIsNotFetched() {
        // A DTD on disk declaring an entity that would expand to the secret: never read.
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-xxe-\(UUID().uuidString).dtd")
        try? Data("<!ENTITY e \"\(secret)\">".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        assertNoEntityLoaded("""
            <!DOCTYPE html SYSTEM "file://\(dtd.path)">
            <html><body><p>Entity: &e;</p><img src="file://\(secretURL.path)"></body></html>
            """)
    }

    func testMarkdownAndTextDoNotExpandEntities() {
        let input = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file://\(secretURL.path)\">]>\n\n# Title &e;\n\nBody &e;\n"
        assertNoEntityLoaded(input, from: "markdown")
        assertNoEntityLoaded(input, from: "text")
    }

    /// Billion laughs: nested internal entities must not expand into gigabytes.
    func testEntityExpansionBomb() {
        var dtd = "<!ENTITY a0 \"lol\">"
        for i in 1...9 { dtd += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let input = "<!DOCTYPE html [\(dtd)]><html><body><p>&a9;</p></body></html>"
        let outcome = Hardening.convertEverywhere(Array(input.utf8), from: "html", stackSize: Hardening.workerStack)
        Hardening.assertConvertedOrRefused(outcome, inputSize: input.utf8.count, maxGrowth: 100)
    }
}
