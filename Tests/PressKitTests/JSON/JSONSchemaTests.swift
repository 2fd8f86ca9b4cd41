import Foundation
import XCTest
@testable import PressKit

/// The JSON writer's output against the schema in the repository (`schema/presskit-document.schema.json`),
/// judged by Python's `jsonschema` (installed by `make deps`).
final class JSONSchemaTests: XCTestCase {
    private var schema: URL { SampleFiles.repositoryRoot.appendingPathComponent("schema/presskit-document.schema.json") }
    private var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/JSON/validate_schema.py")
    }

    /// Writes each document's JSON into a scratch folder and validates them all in one Python run.
    private func validate(_ documents: [(name: String, document: Document)],
                          file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let python = PythonRunner.python3 else {
            throw XCTSkip("python3 is not installed: the JSON Schema check needs python3 with jsonschema")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var paths: [String] = []
        for (i, item) in documents.enumerated() {
            let url = scratch.appendingPathComponent("\(i)-\(item.name).json")
            try Data(try JSONWriter().write(item.document, context: ConversionContext())).write(to: url)
            paths.append(url.path)
        }
        let result = try PythonRunner.run(python, [script.path, schema.path] + paths)
        let output = String(decoding: result.stdout, as: UTF8.self)
        XCTAssertEqual(result.status, 0, output + result.stderr, file: file, line: line)
        return output
    }

    func testEveryNodeKindIsValid() throws {
        let output = try validate([("all-kinds", TestDocuments.allKinds), ("release", TestDocuments.release),
                                   ("empty", Document()), ("nested", TestDocuments.nested(depth: 40))])
        XCTAssertTrue(output.contains("validated 4 file(s), 0 error(s)"), output)
    }

    func testRandomDocumentsAreValid() throws {
        var generator = RandomDocumentTests.Generator(rng: .init(state: 76))
        let documents = (0..<60).map { i in
            ("random\(i)", Document(metadata: generator.metadata(), blocks: generator.blocks(4)))
        }
        let output = try validate(documents)
        XCTAssertTrue(output.contains("validated 60 file(s), 0 error(s)"), output)
    }

    func testEverySampleIsValid() throws {
        var documents: [(name: String, document: Document)] = []
        for file in SampleFiles.all() {
            guard let format = Formats.forPath(file.path), format.reader != nil else { continue }
            let document = try Converter.read(Array(try Data(contentsOf: file)), format: format,
                                              context: ConversionContext())
            documents.append((file.deletingPathExtension().lastPathComponent, document))
        }
        if documents.isEmpty { throw XCTSkip("no samples in Samples/ yet") }
        let output = try validate(documents)
        XCTAssertTrue(output.contains("validated \(documents.count) file(s), 0 error(s)"), output)
    }

    /// The schema is strict: it rejects what the writer never writes.
    func testSchemaRejectsWhatTheWriterNeverWrites() throws {
        guard let python = PythonRunner.python3 else { throw XCTSkip("python3 is not installed") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bad = [
            #"{"version":"1.0","blocks":[{"type":"poem"}]}"#,
            #"{"version":"2.0"}"#,
            #"{"version":"1.0","metadata":{}}"#,
            #"{"version":"1.0","metadata":{"title":""}}"#,
            #"{"version":"1.0","blocks":[{"type":"paragraph","content":[]}]}"#,
            #"{"version":"1.0","blocks":[{"type":"paragraph","extra":1}]}"#,
            #"{"version":"1.0","blocks":[{"type":"heading","level":9}]}"#,
            #"{"version":"1.0","blocks":[{"type":"orderedList","tight":true}]}"#,
            #"{"version":"1.0","blocks":[{"type":"paragraph","content":[{"type":"text","text":1}]}]}"#,
            #"{"version":"1.0","blocks":[{"type":"table","rows":[[{"colspan":1}]]}]}"#,
        ]
        var paths: [String] = []
        for (i, text) in bad.enumerated() {
            let url = scratch.appendingPathComponent("bad\(i).json")
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        let result = try PythonRunner.run(python, [script.path, schema.path] + paths)
        let output = String(decoding: result.stdout, as: UTF8.self)
        XCTAssertEqual(result.status, 1, output + result.stderr)
        for (path, text) in zip(paths, bad) {
            XCTAssertTrue(output.contains(path + ": "), "the schema accepted \(text)")
        }
    }
}
