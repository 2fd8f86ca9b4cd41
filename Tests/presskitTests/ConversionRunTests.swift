import Foundation
import XCTest
@testable import presskit
import PressKit

/// CLI review item 8: one end for every whole conversion (`ConversionRun.write`) and one path join.
final class ConversionRunTests: XCTestCase {
    func testPathsJoinPutsOneSlashBetween() {
        XCTAssertEqual(Paths.join("out", "a.json"), "out/a.json")
        XCTAssertEqual(Paths.join("out/", "a.json"), "out/a.json")
        XCTAssertEqual(Paths.join("/", "a.json"), "/a.json")
        XCTAssertEqual(Paths.join("src/sub", "x/y.md"), "src/sub/x/y.md")
    }

    func testWriteRunsTheConversionAndWritesEveryOutputToItsPath() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("a.txt").path
        try Data("Plain headline\n\nThe body of the release.\n".utf8).write(to: URL(fileURLWithPath: input))
        let json = Paths.join(dir.path, "a.json"), html = Paths.join(dir.path, "a.html")
        let conversion = Conversion(inputs: [.file(input)], targets: [try Formats.require("json"), try Formats.require("html")])
        try ConversionRun.write(conversion, to: [json, html], quiet: true, warningsFile: input)
        let expected = try conversion.run().outputs.map { try $0.bytes() }
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: json))), expected[0])
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: html))), expected[1])
        // A conversion that fails writes nothing.
        let missing = Paths.join(dir.path, "none.json")
        XCTAssertThrowsError(try ConversionRun.write(
            Conversion(inputs: [.file(Paths.join(dir.path, "missing.txt"))], targets: [try Formats.require("json")]),
            to: [missing], quiet: true, warningsFile: "-"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }
}
