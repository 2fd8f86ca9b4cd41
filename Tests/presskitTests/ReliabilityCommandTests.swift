import Foundation
import XCTest

/// Issue 19 ("Reliability, second round") through the built `presskit`: hostile Markdown in linear time,
/// `--encoding` that does not fit, one NUL-byte rule, resources resolved before they are judged, XHTML
/// internal subsets.
final class ReliabilityCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try CommandRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    func write(_ name: String, _ text: String) throws -> URL { try write(name, Array(text.utf8)) }

    // MARK: item 2, Markdown in linear time

    /// The 1.6 MB paragraph of mixed emphasis and links took 61 s (more than 300 s on a loaded
    /// machine); it now converts in seconds with a warning saying it was parsed in pieces.
    func testHostileMarkdownConvertsQuicklyWithAWarning() throws {
        var state: UInt64 = 7
        var words: [String] = []
        var size = 0
        while size < 1_600_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let word = ["alpha", "*em*", "[l](http://x)"][Int(state >> 33) % 3]
            words.append(word)
            size += word.utf8.count + 1
        }
        let input = try write("big.md", "# H\n\n" + words.joined(separator: " ") + "\n")
        let start = Date()
        let result = try CommandRunner.run([input.path, "-t", "json", "-o", folder.appendingPathComponent("big.json").path])
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThan(seconds, 60, "1.6 MB took \(seconds) s (debug build)")
        XCTAssertTrue(result.stderr.contains("big.md") && result.stderr.contains("line 3: a paragraph of 1.5 MB")
                      && result.stderr.contains("pieces"), result.stderr)
        let json = try String(contentsOf: folder.appendingPathComponent("big.json"), encoding: .utf8)
        XCTAssertEqual(json.components(separatedBy: "\"target\": \"http://x\"").count - 1,
                       words.filter { $0.hasPrefix("[") }.count)
    }

    // MARK: item 5, --encoding that does not decode the input

    func testEncodingThatDoesNotFitIsInvalidInput() throws {
        let input = try write("release.md", "# Title\n\nPlain UTF-8 text with no surprises at all, for utf-32.\n")
        for format in ["markdown", "text"] {
            let result = try CommandRunner.run([input.path, "-f", format, "-t", "json", "--encoding", "utf-32"])
            XCTAssertEqual(result.status, 4, "\(format): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("release.md") && result.stderr.contains("utf-32"), result.stderr)
            XCTAssertEqual(result.stdout.count, 0)
            XCTAssertFalse(result.stderr.contains("\u{FFFD}"))
        }
        let page = try write("page.html", "<html><body><p>Plain UTF-8 text with no surprises at all.</p></body></html>")
        let html = try CommandRunner.run([page.path, "-t", "json", "--encoding", "utf-32"])
        XCTAssertEqual(html.status, 4, html.stderr)
        XCTAssertTrue(html.stderr.contains("page.html") && html.stderr.contains("utf-32"), html.stderr)
    }

    func testEncodingThatMostlyFitsWarnsWithTheCount() throws {
        let input = try write("mostly.md", Array("# Title\n\nMostly fine text, ".utf8) + [0xFF, 0xFE, 0x41] + Array(" and more.\n".utf8))
        let result = try CommandRunner.run([input.path, "-t", "text", "--encoding", "utf-8"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("mostly.md") && result.stderr.contains("2 byte sequence(s)"), result.stderr)
        XCTAssertTrue(result.stdoutText.contains("Mostly fine text"))
    }

    // MARK: item 6, one NUL-byte rule; resources resolved before they are judged

    func testNULBytesAreRefusedByEveryTextReader() throws {
        for (name, format) in [("page.html", "html"), ("notes.md", "markdown"), ("notes.txt", "text"), ("data.json", "json")] {
            let body: [UInt8] = format == "json" ? Array("{\"a\": \"b".utf8) + [0] + Array("c\"}".utf8)
                : Array("<p>Some text".utf8) + [0, 0, 0] + Array(" more</p>\n".utf8)
            let input = try write(name, body)
            let result = try CommandRunner.run([input.path, "-f", format, "-t", "json"])
            XCTAssertEqual(result.status, 4, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(name) && result.stderr.contains("NUL"), "\(name): \(result.stderr)")
        }
        // UTF-16 text keeps its NUL bytes.
        let utf16 = try write("wide.txt", [0xFF, 0xFE] + Array("Wide text\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let wide = try CommandRunner.run([utf16.path, "-t", "text"])
        XCTAssertEqual(wide.status, 0, wide.stderr)
        XCTAssertTrue(wide.stdoutText.contains("Wide text"))
    }

    static let png = Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!

    func unzipped(_ archive: URL) throws -> Data {
        let result = try CommandRunner.run(["-p", archive.path], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// `./sub/../ok.png` stays inside; `../img/photo.png` from `md/` is read when --resource-path names the
    /// folder holding `md/` and `img/`, and refused without it; `../../secret.png` escapes every folder.
    func testResourcePathsAreResolvedBeforeTheyAreJudged() throws {
        let site = folder.appendingPathComponent("site")
        let inside = "INSIDE-\(UUID().uuidString)", photo = "PHOTO-\(UUID().uuidString)", secret = "SECRET-\(UUID().uuidString)"
        _ = try write("site/md/ok.png", Array(Self.png + Data(inside.utf8)))
        _ = try write("site/img/photo.png", Array(Self.png + Data(photo.utf8)))
        _ = try write("secret.png", Array(Self.png + Data(secret.utf8)))
        let input = try write("site/md/release.md", """
            # Sibling folders

            Text first. ![ok](./sub/../ok.png) ![photo](../img/photo.png) ![secret](../../secret.png)

            """)
        for format in ["epub", "docx"] {
            let out = folder.appendingPathComponent("out.\(format)")
            let allowed = try CommandRunner.run([input.path, "-o", out.path, "--resource-path", site.path])
            XCTAssertEqual(allowed.status, 0, allowed.stderr)
            var bytes = try unzipped(out)
            XCTAssertNotNil(bytes.range(of: Data(inside.utf8)), "\(format): ./sub/../ok.png not embedded: \(allowed.stderr)")
            XCTAssertNotNil(bytes.range(of: Data(photo.utf8)), "\(format): ../img/photo.png not embedded: \(allowed.stderr)")
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "\(format) embedded a file outside every folder")
            XCTAssertTrue(allowed.stderr.contains("../../secret.png"), allowed.stderr)
            XCTAssertFalse(allowed.stderr.contains("photo.png"), allowed.stderr)

            let confined = try CommandRunner.run([input.path, "-o", out.path])
            XCTAssertEqual(confined.status, 0, confined.stderr)
            bytes = try unzipped(out)
            XCTAssertNotNil(bytes.range(of: Data(inside.utf8)), "\(format): ./sub/../ok.png not embedded: \(confined.stderr)")
            XCTAssertNil(bytes.range(of: Data(photo.utf8)), "\(format): read a sibling folder without --resource-path")
            XCTAssertTrue(confined.stderr.contains("../img/photo.png"), confined.stderr)
        }
    }
}
