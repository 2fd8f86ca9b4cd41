import Foundation
import PressKit
import XCTest

/// The command line over the library's pipeline: numeric options that never trap, concurrent batches,
/// batch exit codes (1 for bad inputs, 5 for outputs not written), messages, and a folder made into one
/// EPUB or DOCX.
final class PipelineCommandTests: XCTestCase {
    let fm = FileManager.default

    func scratch() throws -> URL {
        let url = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func release(_ n: Int) -> String {
        "Release \(n) of the harbour\n\nHAMBURG, March \(n % 28 + 1), 2024 - The port authority said today that item \(n) "
            + "is ready.\n\nA second paragraph about item \(n).\n"
    }

    // MARK: - #19 item 1: numeric options

    func testNumericOptionsRejectOutOfRangeValuesWithTheirRange() throws {
        let dir = try scratch()
        try write(release(1), "src/a.txt", in: dir)
        let file = dir.appendingPathComponent("src/a.txt").path
        let folder = dir.appendingPathComponent("src").path, out = dir.appendingPathComponent("out").path
        let cases: [([String], String)] = [
            ([file, "-t", "json", "--max-input-size", "9223372036854775807K"], "--max-input-size takes a size from 1"),
            ([file, "-t", "json", "--max-input-size", "9007199254740993G"], "--max-input-size takes a size from 1"),
            ([file, "-t", "json", "--max-input-size", "99999999999999999999999"], "to 1024G"),
            ([file, "-t", "json", "--max-input-size", "-1"], "--max-input-size takes a size from 1"),
            ([file, "-t", "json", "--max-input-size", "0"], "to 1024G"),
            ([file, "-t", "json", "--max-input-size", "1025G"], "to 1024G"),
            ([file, "-t", "text", "--wrap", "-3"], "--wrap takes a number of columns from 1 to 100000, not '-3'"),
            ([file, "-t", "text", "--wrap", "9223372036854775808"], "--wrap takes a number of columns from 1 to 100000"),
            ([file, "-t", "text", "--wrap", "0"], "from 1 to 100000"),
            ([folder, "-o", out, "-t", "json", "--jobs", "-3"], "--jobs takes a number from 1 to 1024, not '-3'"),
            ([folder, "-o", out, "-t", "json", "--jobs", "0"], "--jobs takes a number from 1 to 1024"),
            ([folder, "-o", out, "-t", "json", "--jobs", "9223372036854775808"], "--jobs takes a number from 1 to 1024"),
            ([folder, "-o", out, "-t", "json", "--shard", "-1/3"], "K counts from 1"),
            ([folder, "-o", out, "-t", "json", "--shard", "1/99999999999999999999"], "1 ≤ K ≤ N ≤ 1000000"),
            ([folder, "-o", out, "-t", "json", "--shard", "1/-2"], "1 ≤ K ≤ N ≤ 1000000"),
        ]
        for (arguments, expected) in cases {
            let result = try CommandRunner.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Missing value"), result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        // Checked in every mode, not only where the option is used.
        for arguments in [[file, "-t", "json", "--jobs", "-3"], [file, "-t", "json", "--shard", "0/2"]] {
            let result = try CommandRunner.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
        }
        XCTAssertFalse(fm.fileExists(atPath: out), "nothing converted on a usage error")
        // In range still works, with the '=' form too.
        let ok = try CommandRunner.run([file, "-t", "text", "--wrap=40", "--max-input-size", "1G"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let jobs = try CommandRunner.run([folder, "-o", out, "-t", "json", "--jobs", "2", "--shard", "1/1"])
        XCTAssertEqual(jobs.status, 0, jobs.stderr)
    }

    // MARK: - #19 item 3: a second batch into the same folder

    /// A temporary file whose process is alive is never removed by another batch's clean-up; one whose
    /// process is gone is.
    func testCleanupKeepsTemporariesOfLiveProcesses() throws {
        let dir = try scratch()
        try write(release(1), "src/a.txt", in: dir)
        try write(release(2), "src/b.txt", in: dir)
        let out = dir.appendingPathComponent("out")
        let live = ".a.json.presskit-tmp-\(ProcessInfo.processInfo.processIdentifier)"   // this test: alive
        // A PID that is surely not running: past the kernel's pid_max.
        let dead = ".b.json.presskit-tmp-\(Int32.max - 7)"
        try write("{\"partial", live, in: out)
        try write("{\"partial", dead, in: out)
        let result = try CommandRunner.run([dir.appendingPathComponent("src").path, "-o", out.path, "-t", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent(live).path), "a live process's temporary file stays")
        XCTAssertFalse(fm.fileExists(atPath: out.appendingPathComponent(dead).path), "a dead process's temporary file goes")
        XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent("a.json").path))
    }

    /// Two batches into one output folder at the same time both succeed.
    func testTwoConcurrentBatchesIntoOneFolderBothSucceed() throws {
        let dir = try scratch()
        let big = String(repeating: "A paragraph of a long report about the harbour and its cranes. ", count: 16) + "\n\n"
        try write("Annual report\n\n" + String(repeating: big, count: 5000), "src/big.txt", in: dir)   // ~5 MB
        for n in 0..<20 { try write(release(n), "src/r\(n).txt", in: dir) }
        let src = dir.appendingPathComponent("src").path, out = dir.appendingPathComponent("out")
        let first = Process()
        first.executableURL = CommandRunner.executable
        first.arguments = [src, "-o", out.path, "-t", "json,html", "--jobs", "1"]
        let firstErr = dir.appendingPathComponent("first.err")
        _ = fm.createFile(atPath: firstErr.path, contents: nil)
        first.standardError = try FileHandle(forWritingTo: firstErr)
        first.standardOutput = FileHandle.nullDevice
        try first.run()
        // Start the second while the first is writing (its temporary file exists), or after 5 s at most.
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, first.isRunning,
              !((try? fm.contentsOfDirectory(atPath: out.path)) ?? []).contains(where: { $0.contains("presskit-tmp") }) {
            usleep(2_000)
        }
        let second = try CommandRunner.run([src, "-o", out.path, "-t", "json,html", "--jobs", "1"])
        first.waitUntilExit()
        let firstMessages = String(decoding: try Data(contentsOf: firstErr), as: UTF8.self)
        XCTAssertEqual(first.terminationStatus, 0, firstMessages)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(firstMessages.contains("cannot write"), firstMessages)
        let left = try fm.contentsOfDirectory(atPath: out.path)
        XCTAssertFalse(left.contains { $0.contains("presskit-tmp") }, "\(left)")
        XCTAssertEqual(left.filter { $0.hasSuffix(".json") }.count, 21)
        XCTAssertEqual(left.filter { $0.hasSuffix(".html") }.count, 21)
    }

    // MARK: - #19 item 4: batch exit codes

    func testOutputSideFailuresExit5AndInputSideFailuresExit1() throws {
        let dir = try scratch()
        try write(release(1), "src/top.txt", in: dir)
        try write(release(2), "src/sub/inner.txt", in: dir)
        let src = dir.appendingPathComponent("src").path

        // Input side only: a PNG named .txt.
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: dir.appendingPathComponent("src/bad.txt"))
        let inputSide = try CommandRunner.run([src, "-o", dir.appendingPathComponent("out1").path, "-t", "json"])
        XCTAssertEqual(inputSide.status, 1, inputSide.stderr)

        // Output side: the folder an output goes into is blocked by a file (as a read-only or full volume
        // would refuse the write).
        let out = dir.appendingPathComponent("out2")
        try write("not a folder", "sub", in: out)
        let outputSide = try CommandRunner.run([src, "-o", out.path, "-t", "json"])
        XCTAssertEqual(outputSide.status, 5, outputSide.stderr)
        XCTAssertTrue(outputSide.stderr.contains("could not be written"), outputSide.stderr)
        XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent("top.json").path), "the others are still written")

        // Single file to a full disk: exit 5 as well.
        if fm.fileExists(atPath: "/dev/full") {
            let full = try CommandRunner.run([dir.appendingPathComponent("src/top.txt").path, "-t", "json", "-o", "/dev/full"])
            XCTAssertEqual(full.status, 5, full.stderr)
        }
    }

    func testReportThatCannotBeWrittenFailsBeforeConverting() throws {
        let dir = try scratch()
        try write(release(1), "src/a.txt", in: dir)
        try write("a file", "blocker", in: dir)
        let out = dir.appendingPathComponent("out")
        for report in [dir.appendingPathComponent("missing/r.json").path, dir.appendingPathComponent("blocker/r.json").path,
                       dir.path] {
            let result = try CommandRunner.run([dir.appendingPathComponent("src").path, "-o", out.path, "-t", "json",
                                                "--report", report])
            XCTAssertEqual(result.status, 5, result.stderr)
            XCTAssertTrue(result.stderr.contains("cannot write the report"), result.stderr)
            XCTAssertFalse(fm.fileExists(atPath: out.path), "nothing converted before the report is known writable")
        }
    }

    // MARK: - #19 items 6 and 7: messages

    func testMissingInputWithSeveralFormatsIsNotFound() throws {
        let dir = try scratch()
        let result = try CommandRunner.run(["nonexist", "-o", "out", "-t", "json,html"], in: dir)
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(result.stderr, "presskit: nonexist: cannot read: no such file\n")
    }

    func testOutputNamingAnExistingFolderSaysSo() throws {
        let dir = try scratch()
        try write(release(1), "a.txt", in: dir)
        try fm.createDirectory(at: dir.appendingPathComponent("dir"), withIntermediateDirectories: true)
        // One file goes into a folder as several do (CLI review item 3): it needs -t, and then writes there.
        for output in ["dir/", "dir"] {
            let result = try CommandRunner.run(["a.txt", "-o", output], in: dir)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(output): files into a folder need the output format(s)"), result.stderr)
            XCTAssertFalse(result.stderr.contains("Not a directory"), result.stderr)
        }
        // Standard input is one file's content: -o must name a file.
        for output in ["dir/", "dir"] {
            let result = try CommandRunner.run(["-", "-o", output, "-t", "json"], stdin: Data(release(1).utf8), in: dir)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(output): is a folder: standard input"), result.stderr)
        }
    }

    /// CLI review item 3: one file into a folder works as two files do, on both parsers' paths (the quick
    /// command line and the full one): every -t format written, a missing folder named with `/` created.
    func testOneFileIntoAFolderAsSeveralDo() throws {
        let dir = try scratch()
        try write(release(1), "a.txt", in: dir)
        try write(release(2), "b.txt", in: dir)
        for (name, extra) in [("out4/", ["-t", "json,docx"]), ("out5/", ["-t", "json"]),
                              ("out6/", ["-t", "json", "--fragment"])] {
            let result = try CommandRunner.run(["a.txt", "-o", name] + extra, in: dir)
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent(name + "a.json").path), name)
            let two = try CommandRunner.run(["a.txt", "b.txt", "-o", "two-" + name] + extra, in: dir)
            XCTAssertEqual(two.status, 0, two.stderr)
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent(name + "a.json")),
                           try Data(contentsOf: dir.appendingPathComponent("two-" + name + "a.json")), name)
        }
        XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent("out4/a.docx").path))
        // An existing folder without the trailing slash too.
        let result = try CommandRunner.run(["a.txt", "-o", "out5", "-t", "html"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent("out5/a.html").path))
    }

    func testReferenceDocErrorsNameTheReferenceDocument() throws {
        let dir = try scratch()
        try write(release(1), "a.txt", in: dir)
        var template = ZipArchive()
        template.add("word/styles.xml", """
            <?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x "y">]>\
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>
            """)
        try Data(try template.data()).write(to: dir.appendingPathComponent("ref.docx"))
        let result = try CommandRunner.run(["a.txt", "--reference-doc", "ref.docx", "-o", "out.docx"], in: dir)
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("presskit: ref.docx: "), result.stderr)
        XCTAssertFalse(result.stderr.contains("a.txt"), result.stderr)
        XCTAssertFalse(fm.fileExists(atPath: dir.appendingPathComponent("out.docx").path))
    }

    func testFileWithNonUTF8NameIsReportedAsFailedNotSkipped() throws {
        let dir = try scratch()
        try write(release(1), "src/good.txt", in: dir)
        let path = Array(dir.appendingPathComponent("src").path.utf8) + Array("/bad-\u{0}".utf8).dropLast() + [0xFF, 0xFE]
            + Array(".txt".utf8) + [0]
        let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                     O_WRONLY | O_CREAT, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        let text = Array(release(2).utf8)
        _ = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let report = dir.appendingPathComponent("report.json")
        let result = try CommandRunner.run([dir.appendingPathComponent("src").path, "-o", dir.appendingPathComponent("out").path,
                                            "-t", "json", "--report", report.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("not valid UTF-8"), result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
        let totals = object["totals"] as! [String: Any]
        XCTAssertEqual(totals["failed"] as? Int, 1)
        XCTAssertEqual(totals["converted"] as? Int, 1)
        XCTAssertEqual(totals["skipped"] as? Int, 0)
    }

    // MARK: - #13: a folder into one output

    func testFolderWithOutputFileOfACollectionFormatMakesOneOutputInStableOrder() throws {
        let dir = try scratch()
        try write("# Zebra release\n\nThe zebra text.\n", "src/z.md", in: dir)
        try write("Alpha release\n\nThe alpha text.\n", "src/a.txt", in: dir)
        try write("# Middle release\n\nThe middle text.\n", "src/sub/m.md", in: dir)
        try write("not an input", "src/logo.png", in: dir)
        let src = dir.appendingPathComponent("src").path
        let env = ["SOURCE_DATE_EPOCH": "1600000000"]

        let epub = try CommandRunner.run([src, "-o", "all.epub"], in: dir, environment: env)
        XCTAssertEqual(epub.status, 0, epub.stderr)
        let book = [UInt8](try Data(contentsOf: dir.appendingPathComponent("all.epub")))
        func entry(_ name: String) throws -> [UInt8]? { try ZipReader(book).entry(name) }
        let chapters = try (1...3).map { String(decoding: try XCTUnwrap(try entry("OEBPS/chapter-\($0).xhtml")), as: UTF8.self) }
        XCTAssertTrue(chapters[0].contains("The alpha text."), chapters[0])      // a.txt
        XCTAssertTrue(chapters[1].contains("The middle text."), chapters[1])     // sub/m.md
        XCTAssertTrue(chapters[2].contains("The zebra text."), chapters[2])      // z.md
        XCTAssertNil(try entry("OEBPS/chapter-4.xhtml"))
        // Stable: the same folder gives the same bytes.
        let again = try CommandRunner.run([src, "-o", "again.epub", "-t", "epub"], in: dir, environment: env)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("again.epub")), Data(book))

        let docx = try CommandRunner.run([src, "-o", "all.docx"], in: dir, environment: env)
        XCTAssertEqual(docx.status, 0, docx.stderr)
        let document = String(decoding: try XCTUnwrap(try ZipReader([UInt8](try Data(contentsOf: dir.appendingPathComponent("all.docx"))))
            .entry("word/document.xml")), as: UTF8.self)
        for text in ["The alpha text.", "The middle text.", "The zebra text."] {
            XCTAssertTrue(document.contains(text), text)
        }

        // A folder output still means a batch; -t that contradicts the file name is a usage error.
        let batch = try CommandRunner.run([src, "-o", "out/", "-t", "epub"], in: dir)
        XCTAssertEqual(batch.status, 0, batch.stderr)
        XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent("out/sub/m.epub").path))
        let mismatch = try CommandRunner.run([src, "-o", "x.epub", "-t", "docx"], in: dir)
        XCTAssertEqual(mismatch.status, 2, mismatch.stderr)
        let batchOnly = try CommandRunner.run([src, "-o", "x.epub", "--update"], in: dir)
        XCTAssertEqual(batchOnly.status, 2, batchOnly.stderr)
        XCTAssertFalse(fm.fileExists(atPath: dir.appendingPathComponent("x.epub").path))
        // One bad input fails the whole output, and nothing is written.
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: dir.appendingPathComponent("src/bad.txt"))
        let bad = try CommandRunner.run([src, "-o", "bad.epub"], in: dir)
        XCTAssertEqual(bad.status, 4, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("bad.txt"), bad.stderr)
        XCTAssertFalse(fm.fileExists(atPath: dir.appendingPathComponent("bad.epub").path))
    }
}
