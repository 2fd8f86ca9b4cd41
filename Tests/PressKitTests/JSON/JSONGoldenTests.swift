import Foundation
import XCTest
@testable import PressKit

/// Golden files: the JSON and plain text of the every-kind document, kept in `Fixtures/JSON/`.
/// Re-record after a deliberate change with `PRESSKIT_RECORD=1 swift test --filter JSONGoldenTests`.
final class JSONGoldenTests: XCTestCase {
    private var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/JSON")
    }

    private func check(_ output: [UInt8], against name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PRESSKIT_RECORD"] == "1" {
            try Data(output).write(to: url)
            return
        }
        let expected = try [UInt8](Data(contentsOf: url))
        XCTAssertEqual(String(decoding: output, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                       "\(name) differs; re-record with PRESSKIT_RECORD=1 if the change is deliberate", file: file, line: line)
    }

    func testAllKindsJSON() throws {
        let json = try JSONWriter().write(TestDocuments.allKinds, context: ConversionContext())
        try check(json, against: "all-kinds.json")
        // The golden file reads back into the document and writes the same bytes.
        let golden = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent("all-kinds.json")))
        let document = try JSONReader().read(golden, context: ConversionContext())
        XCTAssertEqual(document, TestDocuments.allKinds)
        XCTAssertEqual(try JSONWriter().write(document, context: ConversionContext()), golden)
    }

    func testAllKindsPlainText() throws {
        let context = ConversionContext()
        context.options.wrap = 40
        try check(try PlainTextWriter().write(TestDocuments.allKinds, context: context), against: "all-kinds.wrap40.txt")
    }
}
