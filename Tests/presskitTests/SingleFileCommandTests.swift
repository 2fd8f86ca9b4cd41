import Foundation
import XCTest

/// The command line on one file, on standard input, and on bad input.
final class SingleFileCommandTests: XCTestCase {
    var seed: URL { CommandRunner.repositoryRoot.appendingPathComponent("Samples/text/seed-partner2connect.txt") }

    func testFormatsListsReadersAndWriters() throws {
        let result = try CommandRunner.run(["formats"])
        XCTAssertEqual(result.status, 0)
        for name in ["text", "json", "html"] {
            XCTAssertTrue(result.stdoutText.contains("\n\(name) "), "formats lists \(name)")
        }
    }

    func testStdinToStdout() throws {
        let result = try CommandRunner.run(["-f", "text", "-t", "text"], stdin: Data("Headline\n\nBody text here.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("Body text here."))
    }

    func testInputWithoutTextWarnsThatTheOutputIsEmpty() throws {
        let empty = try CommandRunner.run(["-f", "text", "-t", "json"], stdin: Data("\n \n".utf8))
        XCTAssertEqual(empty.status, 0)
        XCTAssertEqual(empty.stderr, "presskit: warning: <stdin>: the input is empty\n")
        let markup = try CommandRunner.run(["-f", "html", "-t", "text"], stdin: Data("<<<".utf8))
        XCTAssertEqual(markup.status, 0)
        XCTAssertTrue(markup.stderr.contains("no text found"), markup.stderr)
        let fine = try CommandRunner.run(["-f", "text", "-t", "text"], stdin: Data("Headline\n\nBody.\n".utf8))
        XCTAssertEqual(fine.stderr, "")
        let bom = try CommandRunner.run(["-f", "text", "-t", "json"], stdin: Data([0xEF, 0xBB, 0xBF, 0x0D, 0x0A]))
        XCTAssertEqual(bom.stderr, "presskit: warning: <stdin>: the input is empty\n")
        // In a digest of several inputs the warning names the empty one, not the output.
        let dir = try CommandRunner.temporaryDirectory()
        try Data("Headline\n\nBody.\n".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        let digest = try CommandRunner.run(["a.txt", "empty.txt", "-o", "out.html"], in: dir)
        XCTAssertEqual(digest.status, 0, digest.stderr)
        XCTAssertEqual(digest.stderr, "presskit: warning: empty.txt: the input is empty\n")
    }

    func testMissingFileIsOneLineErrorWithExitCode3() throws {
        let result = try CommandRunner.run(["no-such-file.txt", "-t", "json"])
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(result.stderr.contains("no-such-file.txt"))
    }

    func testUnknownFormatIsUsageError() throws {
        let result = try CommandRunner.run(["-f", "text", "-t", "nonsense"], stdin: Data("x".utf8))
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("nonsense"))
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }

    func testBinaryInputIsRefusedWithExitCode4() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let png = dir.appendingPathComponent("image.html")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: png)
        let out = dir.appendingPathComponent("out.json")
        let result = try CommandRunner.run([png.path, "-o", out.path])
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.stderr.contains("image.html"))
        XCTAssertTrue(result.stderr.contains("PNG"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no output on failure")
    }

    func testNulBytesInTextAreRefused() throws {
        let result = try CommandRunner.run(["-f", "text", "-t", "json"], stdin: Data([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x01]))
        XCTAssertEqual(result.status, 4)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }

    func testOutputIntoMissingFolderFailsCleanly() throws {
        let result = try CommandRunner.run(["-f", "text", "-o", "/nonexistent-dir-presskit/out.json"], stdin: Data("x\n".utf8))
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(result.stderr.contains("out.json"))
    }

    func testOutputIsWrittenAtomicallyAndLeavesNoTemporaryFile() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("release.json")
        let result = try CommandRunner.run(["-f", "text", "-o", out.path], stdin: Data("Title\n\nBody.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertEqual(names, ["release.json"])
    }

    func testMetadataOption() throws {
        let result = try CommandRunner.run(["-f", "text", "-t", "json", "-M", "title=Set By Hand", "-M", "language=de"],
                                           stdin: Data("Headline\n\nBody.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("Set By Hand"))
    }

    func testOutputMayNotOverwriteInput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("a.txt")
        try Data("Title\n\nBody\n".utf8).write(to: file)
        let result = try CommandRunner.run([file.path, "-o", file.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(try Data(contentsOf: file), Data("Title\n\nBody\n".utf8))
    }

    func testClosedPipeEndsQuietly() throws {
        let big = String(repeating: "A paragraph of a press release that goes on.\n\n", count: 20000)
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("big.txt")
        try Data(big.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(CommandRunner.executable.path)' '\(input.path)' -t text | head -c 10 >/dev/null; echo ${PIPESTATUS:-}"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(stderr, "", "nothing on stderr when the reader of the pipe goes away")
    }
}
