import Foundation
import XCTest

/// The command line writing EPUB: identical bytes for the same input, `-o -`, digests of several inputs,
/// SOURCE_DATE_EPOCH, cover image and stylesheet, images next to the input.
final class EPUBCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try CommandRunner.temporaryDirectory()
        try Data("""
        Acme Opens a Plant in Leipzig

        LEIPZIG, Germany, September 21, 2021 -- Acme Corp today opened its largest plant.

        The plant employs 500 people and runs on solar power from its own roof.

        Source URL: https://acme.example/news/leipzig

        """.utf8).write(to: folder.appendingPathComponent("leipzig.txt"))
        try Data("""
        Acme Names a New Chief Executive

        BERLIN, March 2, 2021 -- Acme Corp today named Jane Doe its chief executive.

        She joins from a rival and starts in April.

        """.utf8).write(to: folder.appendingPathComponent("ceo.txt"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testSameInputGivesSameBytesAndStdoutEqualsTheFile() throws {
        var result = try CommandRunner.run(["leipzig.txt", "-o", "one.epub"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        result = try CommandRunner.run(["leipzig.txt", "-o", "two.epub"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let one = try Data(contentsOf: folder.appendingPathComponent("one.epub"))
        XCTAssertEqual(one, try Data(contentsOf: folder.appendingPathComponent("two.epub")))
        result = try CommandRunner.run(["leipzig.txt", "-t", "epub", "-o", "-"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, one)
        XCTAssertEqual(one.prefix(4), Data([0x50, 0x4B, 0x03, 0x04]))
        XCTAssertEqual(String(decoding: one[30..<38], as: UTF8.self), "mimetype")
    }

    func testDigestOfTwoReleasesHasBothInItsContentsInDateOrder() throws {
        // Dates from front matter, so that the order does not depend on how datelines are read.
        try Data("---\ntitle: Acme Opens a Plant in Leipzig\ndate: 2021-09-21\n---\n\nThe plant employs 500 people.\n".utf8)
            .write(to: folder.appendingPathComponent("leipzig.md"))
        try Data("---\ntitle: Acme Names a New Chief Executive\ndate: 2021-03-02\n---\n\nJane Doe starts in April.\n".utf8)
            .write(to: folder.appendingPathComponent("ceo.md"))
        let result = try CommandRunner.run(["leipzig.md", "ceo.md", "-o", "digest.epub"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let nav = try unzip("digest.epub", "OEBPS/nav.xhtml")
        let ceo = try XCTUnwrap(nav.range(of: "Acme Names a New Chief Executive"))
        let plant = try XCTUnwrap(nav.range(of: "Acme Opens a Plant in Leipzig"))
        XCTAssertTrue(ceo.lowerBound < plant.lowerBound, "March before September:\n\(nav)")
        let ncx = try unzip("digest.epub", "OEBPS/toc.ncx")
        XCTAssertTrue(ncx.contains("Acme Names a New Chief Executive"))
        XCTAssertTrue(ncx.contains("Acme Opens a Plant in Leipzig"))
        XCTAssertTrue(try unzip("digest.epub", "OEBPS/chapter-2.xhtml").contains("500 people"))
    }

    func testSourceDateEpochSetsTheModificationTime() throws {
        let result = try CommandRunner.run(["leipzig.txt", "-o", "dated.epub"], in: folder,
                                           environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try unzip("dated.epub", "OEBPS/content.opf")
            .contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"))
    }

    func testCoverImageAndStylesheet() throws {
        try Data(Self.png).write(to: folder.appendingPathComponent("cover.png"))
        try Data("body { margin: 0; }\n".utf8).write(to: folder.appendingPathComponent("my.css"))
        let result = try CommandRunner.run(["leipzig.txt", "--epub-cover-image", "cover.png", "--css", "my.css",
                                            "-o", "cover.epub"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try unzip("cover.epub", "OEBPS/content.opf").contains("properties=\"cover-image\""))
        XCTAssertEqual(try unzip("cover.epub", "OEBPS/styles/stylesheet.css"), "body { margin: 0; }\n")
        XCTAssertTrue(try unzip("cover.epub", "OEBPS/cover.xhtml").contains("images/cover.png"))
    }

    func testImageNextToTheInputIsEmbeddedAndARemoteOneIsNot() throws {
        let formats = try CommandRunner.run(["formats"]).stdoutText
        guard formats.contains("\nmarkdown ") else { throw XCTSkip("the Markdown reader is not registered yet") }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("img"), withIntermediateDirectories: true)
        try Data(Self.png).write(to: folder.appendingPathComponent("img/chart.png"))
        try Data("""
        # Results

        Acme Corp today published its results for the third quarter, with output up by a fifth.

        ![Output chart](img/chart.png)

        ![](https://cdn.example/remote.png)

        """.utf8).write(to: folder.appendingPathComponent("results.md"))
        let result = try CommandRunner.run(["results.md", "-o", "results.epub"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try unzip("results.epub", "OEBPS/content.opf").contains("href=\"images/chart.png\" media-type=\"image/png\""))
        XCTAssertTrue(result.stderr.contains("https://cdn.example/remote.png"), result.stderr)
        XCTAssertTrue(try unzip("results.epub", "OEBPS/chapter-1.xhtml").contains("src=\"images/chart.png\""))
    }

    /// A 1×1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00,
        0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x60, 0x60, 0x60, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0xC8,
        0xEA, 0xEB, 0xF9, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    private func unzip(_ archive: String, _ entry: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", folder.appendingPathComponent(archive).path, entry]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "unzip \(archive) \(entry)")
        return String(decoding: data, as: UTF8.self)
    }
}
