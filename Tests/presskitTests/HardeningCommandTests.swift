import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Hostile input and hostile surroundings through the built `presskit`: write errors, devices, closed pipes,
/// input limits, binary files named as text, odd file names in a batch, a 100 MB line.
final class HardeningCommandTests: XCTestCase {
    private func lines(_ s: String) -> Int { s.split(separator: "\n").count }

    // MARK: - Output safety

    func testFullDeviceIsAnOutputErrorAndTheDeviceIsLeftAlone() throws {
        let result = try CommandRunner.run(["-f", "text", "-t", "json", "-o", "/dev/full"], stdin: Data("Title\n\nBody.\n".utf8))
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertEqual(lines(result.stderr), 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("/dev/full"), result.stderr)
        XCTAssertTrue(result.stderr.lowercased().contains("no space"), result.stderr)
        var st = stat()
        XCTAssertEqual(lstat("/dev/full", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "/dev/full is still the device, not a renamed temporary file")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.contains("presskit-tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testDevStdoutIsWrittenInPlace() throws {
        let result = try CommandRunner.run(["-f", "text", "-t", "text", "-o", "/dev/stdout"], stdin: Data("Title\n\nBody text.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("Body text."), result.stdoutText)
    }

    func testNamedPipeIsWrittenInPlace() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.json").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A reader on the pipe, so presskit's open does not block forever.
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        cat.arguments = [fifo]
        let captured = Pipe()
        cat.standardOutput = captured
        try cat.run()
        let result = try CommandRunner.run(["-f", "text", "-t", "json", "-o", fifo], stdin: Data("Title\n\nThrough a pipe.\n".utf8))
        let data = captured.fileHandleForReading.readDataToEndOfFile()
        cat.waitUntilExit()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("Through a pipe."))
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
    }

    func testOutputUnderARegularFileIsAnOutputError() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let result = try CommandRunner.run(["-f", "text", "-t", "json", "-o", file.path + "/out.json"], stdin: Data("x\n".utf8))
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertEqual(lines(result.stderr), 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("out.json"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["plain-file"])
    }

    func testReadOnlyFolderIsAnOutputError() throws {
        try XCTSkipIf(getuid() == 0, "root writes into read-only folders; the regular-file parent test covers this as root")
        let dir = try CommandRunner.temporaryDirectory()
        defer { chmod(dir.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        chmod(dir.path, 0o555)
        let result = try CommandRunner.run(["-f", "text", "-t", "json", "-o", dir.path + "/out.json"], stdin: Data("x\n".utf8))
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertTrue(result.stderr.lowercased().contains("permission"), result.stderr)
    }

    func testExistingOutputSurvivesAFailedConversion() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.json")
        try Data("previous output".utf8).write(to: out)
        let result = try CommandRunner.run(["-f", "json", "-t", "json", "-o", out.path], stdin: Data("{ not json".utf8))
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "previous output")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])
    }

    /// `presskit big.txt -t html | head -c1`: the closed pipe ends presskit quietly, exit 0, nothing on stderr.
    func testClosedPipeOnStandardOutputEndsQuietly() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("big.txt")
        var text = "A Long Release\n\n"
        for i in 0..<20_000 { text += "Paragraph \(i) of a long press release that fills the pipe.\n\n" }
        try Data(text.utf8).write(to: input)
        for format in ["html", "text", "json", "markdown"] {
            let script = "set -o pipefail; '\(CommandRunner.executable.path)' '\(input.path)' -t \(format) 2>'\(dir.path)/err' | head -c1 >/dev/null; "
                + "echo \"status=${PIPESTATUS[0]}\"; cat '\(dir.path)/err'"
            let result = try CommandRunner.run(["-c", script], executable: URL(fileURLWithPath: "/bin/bash"))
            XCTAssertEqual(result.stdoutText, "status=0\n", "\(format): \(result.stdoutText)")
        }
    }

    // MARK: - Input limits

    func testMaxInputSizeDefaultIsDocumented() throws {
        let result = try CommandRunner.run(["convert", "--help"])
        XCTAssertTrue(result.stdoutText.contains("--max-input-size"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("256M"), result.stdoutText)
    }

    func testTooLargeInputIsOneLineWithExitCode4() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("big.txt")
        try Data(String(repeating: "word ", count: 1000).utf8).write(to: input)
        let out = dir.appendingPathComponent("out.json")
        let file = try CommandRunner.run([input.path, "--max-input-size", "1K", "-o", out.path])
        XCTAssertEqual(file.status, 4, file.stderr)
        XCTAssertEqual(lines(file.stderr), 1, file.stderr)
        XCTAssertTrue(file.stderr.contains("big.txt") && file.stderr.contains("max-input-size"), file.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let stdin = try CommandRunner.run(["-f", "text", "--max-input-size", "1K"], stdin: try Data(contentsOf: input))
        XCTAssertEqual(stdin.status, 4, stdin.stderr)
        XCTAssertEqual(lines(stdin.stderr), 1, stdin.stderr)
        let bad = try CommandRunner.run(["-f", "text", "--max-input-size", "lots"], stdin: Data("x".utf8))
        XCTAssertEqual(bad.status, 2, bad.stderr)
    }

    func testBinaryFilesNamedAsTextAreRefused() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0]
        for (bytes, kind) in [(png, "PNG"), (zip, "zip")] {
            for ext in ["html", "md", "txt", "json"] {
                let input = dir.appendingPathComponent("file-\(kind).\(ext)")
                try Data(bytes).write(to: input)
                let result = try CommandRunner.run([input.path, "-t", "text"])
                XCTAssertEqual(result.status, 4, "\(ext): \(result.stderr)")
                XCTAssertEqual(lines(result.stderr), 1, result.stderr)
                XCTAssertTrue(result.stderr.contains(input.lastPathComponent) && result.stderr.contains(kind), result.stderr)
                XCTAssertTrue(result.stdout.isEmpty)
            }
            let piped = try CommandRunner.run(["-f", "html", "-t", "text"], stdin: Data(bytes))
            XCTAssertEqual(piped.status, 4, piped.stderr)
        }
    }

    // MARK: - Batch names

    /// Input names with newlines, leading dashes, backslashes, dots and lengths near NAME_MAX: every output
    /// lands inside OUT, nothing is written anywhere else, and no temporary file is left.
    func testBatchOutputsStayInTheOutputFolderWhateverTheNames() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let src = root.appendingPathComponent("src"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: src.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let long = String(repeating: "n", count: 249)
        let names = ["new\nline.md", "-dash.md", "--output=x.md", "back\\slash.md", "..md", "...md", " .md",
                     "sub/..\\..\\evil.md", "sub/a..\\..\\evil.md", "\(long).md", "ümlaut ☃.md", "semi;colon $(x).md"]
        for name in names {
            try Data("# Title of \(name.count)\n\nBody.\n".utf8).write(to: src.appendingPathComponent(name))
        }
        let before = try Self.allFiles(root).filter { !$0.hasPrefix("out/") }
        let result = try CommandRunner.run([src.path, "-o", out.path, "-t", "html"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = try Self.allFiles(root)
        XCTAssertEqual(after.filter { !$0.hasPrefix("out/") }, before, "nothing written outside OUT")
        let outputs = after.filter { $0.hasPrefix("out/") }
        // Hidden inputs (a name starting with ".") are skipped by a batch; every other input has its output.
        let visible = names.filter { !($0.split(separator: "/").last ?? "").hasPrefix(".") }
        XCTAssertEqual(outputs.count, visible.count, "\(outputs)")
        XCTAssertTrue(outputs.contains("out/sub/a..\\..\\evil.html"), "\(outputs)")
        XCTAssertEqual(outputs.filter { $0.contains("presskit-tmp") }, [])
        XCTAssertTrue(outputs.contains("out/\(long).html"))
        XCTAssertTrue(outputs.contains("out/new\nline.html"))
    }

    func testSingleOutputWithANameNearNameMax() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(String(repeating: "x", count: 250) + ".json")
        let result = try CommandRunner.run(["-f", "text", "-o", out.path], stdin: Data("Title\n\nBody.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [out.lastPathComponent])
    }

    static func allFiles(_ root: URL) throws -> [String] {
        let base = root.path + "/"
        var files: [String] = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let item = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + item, isDirectory: &isDir), !isDir.boolValue { files.append(item) }
        }
        return files.sorted()
    }

    // MARK: - 100 MB on one line

    /// A 100 MB single line of text and of Markdown through the release binary when it is built and current
    /// (`make release`); through the debug binary, 20 MB (a debug build took 289 s for the two 100 MB files
    /// under load). Reading, the press pass and the writers are linear: the output is 1–3 times the input.
    func testHundredMegabyteSingleLine() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = Self.fastestBinary
        let megabytes = binary.path.contains("/release/") ? 100 : 20
        var line = [UInt8]()
        line.reserveCapacity(megabytes << 20 + 32)
        let word = Array("press release words ".utf8)
        while line.count < megabytes << 20 { line += word }
        line.append(0x0A)
        for ext in ["txt", "md"] {
            let input = dir.appendingPathComponent("line.\(ext)")
            try Data(line).write(to: input)
            let out = dir.appendingPathComponent("line.\(ext).html")
            let result = try CommandRunner.run([input.path, "-o", out.path], executable: binary)
            XCTAssertEqual(result.status, 0, result.stderr)
            let size = (try FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, megabytes << 20)
            XCTAssertLessThan(size, 3 * (megabytes << 20))
            try FileManager.default.removeItem(at: input)
            try FileManager.default.removeItem(at: out)
        }
    }

    /// The release binary when it is built and current (`make release`), else the debug one.
    static var fastestBinary: URL {
        let release = CommandRunner.repositoryRoot.appendingPathComponent(".build/release/presskit")
        let debug = CommandRunner.executable
        if let r = try? FileManager.default.attributesOfItem(atPath: release.path)[.modificationDate] as? Date,
           let d = try? FileManager.default.attributesOfItem(atPath: debug.path)[.modificationDate] as? Date, r >= d {
            return release
        }
        return debug
    }
}
