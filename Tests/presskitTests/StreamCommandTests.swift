import Foundation
import XCTest
@testable import presskit
import PressKit

/// `-f jsonl`, `-f warc` and `-t jsonl` on the command line: streams in, one line per record out, in order,
/// flushed per record, errors as lines.
final class StreamCommandTests: XCTestCase {
    var warcFolder: URL { CommandRunner.repositoryRoot.appendingPathComponent("Tests/PressKitTests/Fixtures/WARC") }

    private func lines(_ result: CommandResult) -> [[String: Any]] {
        result.stdoutText.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
        }
    }

    func testJSONLinesFromStdinWithABadLineGoesOnAndExitsOne() throws {
        let input = """
            {"id": "a", "text": "First headline\\n\\nBody one."}
            {"id": "b", "html": "<p>broken
            {"id": "c", "markdown": "# Third\\n\\nBody three."}

            """
        let result = try CommandRunner.run(["-f", "jsonl", "-t", "jsonl"], stdin: Data(input.utf8))
        XCTAssertEqual(result.status, 1)
        let out = lines(result)
        XCTAssertEqual(out.count, 3)
        XCTAssertEqual(out[0]["id"] as? String, "a")
        XCTAssertEqual((out[0]["metadata"] as? [String: Any])?["title"] as? String, "First headline")
        XCTAssertEqual(out[1]["line"] as? Int, 2)
        XCTAssertNotNil(out[1]["error"] as? String)
        XCTAssertEqual(out[2]["id"] as? String, "c")
        XCTAssertTrue(result.stderr.hasPrefix("presskit: <stdin>: line 2: invalid JSON"), result.stderr)
    }

    func testJobsKeepInputOrder() throws {
        var input = ""
        for i in 1...300 {
            input += #"{"id": "r\#(i)", "text": "Release number \#(i)\n\n\#(String(repeating: "Words of the body. ", count: i % 37 + 1))"}"# + "\n"
            if i % 50 == 0 { input += "not json\n" }
        }
        let one = try CommandRunner.run(["-f", "jsonl", "-t", "jsonl", "--jobs", "1"], stdin: Data(input.utf8))
        let four = try CommandRunner.run(["-f", "jsonl", "-t", "jsonl", "--jobs", "4"], stdin: Data(input.utf8))
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(four.status, 1)
        XCTAssertEqual(one.stdout, four.stdout)
        let out = lines(four)
        XCTAssertEqual(out.count, 306)
        XCTAssertEqual(out.compactMap { $0["id"] as? String }.prefix(3), ["r1", "r2", "r3"])
        XCTAssertEqual(out[50]["line"] as? Int, 51, "the error line sits where the bad line was")
    }

    /// The first result is written before the input ends: what `rdd.pipe` and Hadoop Streaming need.
    func testEachRecordIsWrittenAsSoonAsItIsDone() throws {
        for jobs in ["1", "2"] {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["-f", "jsonl", "-t", "jsonl", "--jobs", jobs]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data(#"{"id": "first", "text": "Hello\n\nWorld."}"#.utf8 + [0x0A]))
            let reader = output.fileHandleForReading
            let got = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var firstLine = Data()
            DispatchQueue.global().async {
                while !firstLine.contains(0x0A) {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    firstLine.append(chunk)
                }
                got.signal()
            }
            XCTAssertEqual(got.wait(timeout: .now() + 20), .success, "no output before the input ended (jobs \(jobs))")
            XCTAssertTrue(String(decoding: firstLine, as: UTF8.self).hasPrefix(#"{"id":"first""#))
            input.fileHandleForWriting.write(Data(#"{"id": "second", "text": "Again."}"#.utf8 + [0x0A]))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
        }
    }

    func testWARCFilesAndStdin() throws {
        let plain = try CommandRunner.run(["pages.warc"], in: warcFolder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let gz = try CommandRunner.run(["pages.warc.gz", "-t", "jsonl"], in: warcFolder)
        let whole = try CommandRunner.run(["-f", "warc"], stdin: try Data(contentsOf: warcFolder.appendingPathComponent("pages-whole.warc.gz")))
        XCTAssertEqual(gz.stdout, plain.stdout)
        XCTAssertEqual(whole.stdout, plain.stdout)
        let out = lines(plain)
        XCTAssertEqual(out.map { $0["url"] as? String }, ["https://press.example.com/news/2024/plant.html", "http://example.ru/news/zavod",
                                                          "http://static.example.org/page.html", "https://example.net/2024/04/v11.html"])
        XCTAssertEqual(out[0]["warcDate"] as? String, "2024-05-06T07:08:09Z")
        XCTAssertEqual(plain.stderr, "")
        // Two archives make one stream; --jobs changes nothing.
        let both = try CommandRunner.run(["pages.warc", "judges/example.warc.gz", "--jobs", "2"], in: warcFolder)
        XCTAssertEqual(both.stdout, plain.stdout + (try CommandRunner.run(["judges/example.warc.gz"], in: warcFolder)).stdout)
    }

    /// A folder batch reads a one-page `.warc.gz` as it reads a `.warc` (it was skipped), named without `.warc`.
    func testFolderBatchReadsCompressedWARC() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let source = dir.appendingPathComponent("crawl")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: warcFolder.appendingPathComponent("judges/example.warc.gz"),
                                         to: source.appendingPathComponent("example.warc.gz"))
        let run = try CommandRunner.run(["crawl", "-o", "out", "-t", "json"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("converted 1 file"), run.stderr)
        let json = try String(contentsOf: dir.appendingPathComponent("out/example.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("Example Domain"), json)
    }

    func testDamagedArchivesReportOffsetsAndGoOn() throws {
        let truncated = try CommandRunner.run(["truncated.warc"], in: warcFolder)
        XCTAssertEqual(truncated.status, 1)
        let out = lines(truncated)
        XCTAssertEqual(out.count, 2)
        XCTAssertEqual(out[1]["offset"] as? Int, 446)
        XCTAssertEqual(out[1]["url"] as? String, "https://a.example/two")
        XCTAssertEqual(truncated.stderr, "presskit: truncated.warc: record at byte 446: the record is cut off: the file ends after 124 of its 200 bytes\n")
        let corrupt = try CommandRunner.run(["corrupt.warc.gz"], in: warcFolder)
        XCTAssertEqual(corrupt.status, 1)
        XCTAssertEqual(lines(corrupt).map { $0["offset"] as? Int }, [nil, 1413, nil, nil])
        // A wrong Content-Length loses nothing: a warning, exit 0.
        let trunc = try CommandRunner.run(["judges/example-trunc.warc"], in: warcFolder)
        XCTAssertEqual(trunc.status, 0)
        XCTAssertEqual(lines(trunc).count, 1)
        XCTAssertTrue(trunc.stderr.contains("stray bytes skipped before the next record (the record before may have a wrong Content-Length, or this is not a WARC file) (at byte 2560)"), trunc.stderr)
        let quiet = try CommandRunner.run(["judges/example-trunc.warc", "-q"], in: warcFolder)
        XCTAssertEqual(quiet.stderr, "")
    }

    func testOutputFileIsWrittenWholeAndFolderOutputNamesFilesFromIds() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = #"{"id": "news/1", "text": "One\n\nBody."}"# + "\n" + #"{"id": "news/1", "text": "Two\n\nBody."}"# + "\n"
            + #"{"text": "Three\n\nBody."}"# + "\n" + "bad\n"
        try Data(input.utf8).write(to: dir.appendingPathComponent("in.jsonl"))
        let file = try CommandRunner.run(["in.jsonl", "-o", "out.jsonl"], in: dir)
        XCTAssertEqual(file.status, 1)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("out.jsonl"), encoding: .utf8).split(separator: "\n").count, 4)
        let folder = try CommandRunner.run(["in.jsonl", "-t", "markdown", "-o", "md"], in: dir)
        XCTAssertEqual(folder.status, 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("md").path).sorted()
        XCTAssertEqual(names, ["line-3.md", "news_1-2.md", "news_1.md"])
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("md/news_1-2.md"), encoding: .utf8).contains("title: Two"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("presskit-tmp") }, [])
        let refused = try CommandRunner.run(["in.jsonl", "-t", "markdown"], in: dir)
        XCTAssertEqual(refused.status, 2)
    }

    /// A stream tunes the process for many documents as a batch does (`ProcessTuning`): with one worker or
    /// two, with or without the user's own malloc settings, each record's EPUB and DOCX are the same bytes.
    func testStreamRecordsToZipFormatsAreTheSameBytesWithAndWithoutMallocSettings() throws {
        let dir = try CommandRunner.temporaryDirectory()
        var input = ""
        for i in 1...8 {
            input += ##"{"id": "r\##(i)", "markdown": "# Release \##(i)\n\nCITY, March 3, 2025 -- \##(String(repeating: "Body words here. ", count: i * 9))\n\n## About ACME\n\nACME makes things."}"## + "\n"
        }
        try Data(input.utf8).write(to: dir.appendingPathComponent("in.jsonl"))
        let fixed = ["SOURCE_DATE_EPOCH": "1600000000"]
        var first: [String: Data] = [:]
        for (name, environment) in [("default", fixed), ("tunables", fixed.merging(["GLIBC_TUNABLES": "glibc.malloc.trim_threshold=131072"]) { $1 })] {
            for jobs in ["1", "2"] {
                for format in ["epub", "docx"] {
                    let folder = "out-\(name)-\(jobs)-\(format)"
                    let run = try CommandRunner.run(["in.jsonl", "-t", format, "-o", folder, "--jobs", jobs, "-q"], in: dir,
                                                    environment: environment)
                    XCTAssertEqual(run.status, 0, run.stderr)
                    for i in 1...8 {
                        let file = "r\(i).\(format)"
                        let bytes = try Data(contentsOf: dir.appendingPathComponent(folder).appendingPathComponent(file))
                        if let earlier = first[file] {
                            XCTAssertEqual(bytes, earlier, "\(name) --jobs \(jobs) \(file)")
                        } else {
                            first[file] = bytes
                        }
                    }
                }
            }
        }
        XCTAssertEqual(first.count, 16)
    }

    func testSeveralInputsToJSONLinesAreOneLineEach() throws {
        let dir = try CommandRunner.temporaryDirectory()
        try Data("<html><head><title>Page</title><link rel=canonical href='https://p.example/x'></head><body><p>Text.</p></body></html>".utf8)
            .write(to: dir.appendingPathComponent("a.html"))
        try Data("Headline\n\nBody.\n".utf8).write(to: dir.appendingPathComponent("b.txt"))
        let result = try CommandRunner.run(["a.html", "b.txt", "-t", "jsonl"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = lines(result)
        XCTAssertEqual(out.count, 2)
        XCTAssertEqual(out[0]["url"] as? String, "https://p.example/x")
        XCTAssertEqual((out[1]["metadata"] as? [String: Any])?["title"] as? String, "Headline")
        let mixed = try CommandRunner.run(["a.html", "in.jsonl"], in: dir)
        XCTAssertEqual(mixed.status, 2)
        let formats = try CommandRunner.run(["formats"])
        XCTAssertTrue(formats.stdoutText.contains("\njsonl "), formats.stdoutText)
        XCTAssertTrue(formats.stdoutText.contains("\nwarc "), formats.stdoutText)
    }
    func testAFolderMakesOneStream() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let archive = dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive.appendingPathComponent("2024"), withIntermediateDirectories: true)
        try Data("Headline A\n\nBody.\n".utf8).write(to: archive.appendingPathComponent("a.txt"))
        try Data("# Headline B\n\nBody.\n".utf8).write(to: archive.appendingPathComponent("2024/b.md"))
        try Data(#"{"id": "j1", "text": "From JSON Lines\n\nBody."}"#.utf8 + [0x0A]).write(to: archive.appendingPathComponent("2024/c.jsonl"))
        try FileManager.default.copyItem(at: warcFolder.appendingPathComponent("judges/example.warc.gz"),
                                         to: archive.appendingPathComponent("crawl.warc.gz"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]).write(to: archive.appendingPathComponent("z.html"))
        let result = try CommandRunner.run(["archive", "-t", "jsonl"], in: dir)
        XCTAssertEqual(result.status, 1, "z.html is binary")
        let out = lines(result)
        XCTAssertEqual(out.map { ($0["id"] as? String) ?? ($0["url"] as? String) ?? "?" },
                       ["2024/b.md", "j1", "a.txt", "http://example.com/", "z.html"])
        XCTAssertNotNil(out[4]["error"] as? String)
        XCTAssertTrue(result.stderr.hasPrefix("presskit: archive/z.html: "), result.stderr)
        let file = try CommandRunner.run(["archive", "-o", "all.jsonl"], in: dir)
        XCTAssertEqual(file.status, 1)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("all.jsonl")), result.stdout)
    }

    // MARK: - CLI review item 4: `.jsonl.gz` / `.ndjson.gz` through the format registry

    private func gzip(_ text: String, to url: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c > \"$1\"", "sh", url.path]
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testCompressedJSONLinesAreJSONLinesByName() throws {
        for name in ["a.jsonl.gz", "b.NDJSON.GZ", "dir/c.ndjson.gz", "d.jsonl", "e.warc.gz"] {
            guard case .readable(let format) = Formats.inputGuess(forName: name) else { return XCTFail(name) }
            XCTAssertEqual(format.name, name.hasPrefix("e") ? "warc" : "jsonl", name)
            XCTAssertTrue(format.readsGzip, name)
        }
        if case .jsonl? = StreamConversion.kind(ofPath: "x.ndjson.gz") {} else { XCTFail("x.ndjson.gz") }
        if case .warc? = StreamConversion.kind(ofPath: "x.WARC.gz") {} else { XCTFail("x.WARC.gz") }
        XCTAssertNil(StreamConversion.kind(ofPath: "x.json.gz"))
        // Never an output name: the writer does not compress.
        XCTAssertThrowsError(try Formats.outputFormat(forName: "all.jsonl.gz"))
        XCTAssertEqual(BatchPlan.outputPath(for: "x.jsonl.gz", fileExtension: "json"), "x.json")
    }

    func testABatchConvertsCompressedJSONLinesAsAStreamDoes() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try gzip(#"{"id": "r1", "text": "Gzipped headline\n\nThe body of the release."}"# + "\n",
                 to: src.appendingPathComponent("r.jsonl.gz"))
        let batch = try CommandRunner.run([src.path, "-o", dir.appendingPathComponent("out").path, "-t", "json"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let json = try Data(contentsOf: dir.appendingPathComponent("out/r.json"))
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains("Gzipped headline"))
        let stream = try CommandRunner.run([src.appendingPathComponent("r.jsonl.gz").path, "-t", "jsonl"])
        XCTAssertEqual(stream.status, 0, stream.stderr)
        XCTAssertTrue(stream.stdoutText.contains("Gzipped headline"), stream.stdoutText)
        // The same file to one JSON Lines stream of the folder.
        let folder = try CommandRunner.run([src.path, "-t", "jsonl"])
        XCTAssertEqual(folder.status, 0, folder.stderr)
        XCTAssertEqual(folder.stdoutText.split(separator: "\n").count, 1, folder.stdoutText)
        XCTAssertTrue(folder.stdoutText.contains("Gzipped headline"), folder.stdoutText)
        // Corrupt compressed data is invalid input, not a crash.
        var broken = try Data(contentsOf: src.appendingPathComponent("r.jsonl.gz"))
        broken.replaceSubrange(12..<broken.count - 8, with: Data(repeating: 0x55, count: broken.count - 20))
        try broken.write(to: src.appendingPathComponent("r.jsonl.gz"))
        let bad = try CommandRunner.run([src.path, "-o", dir.appendingPathComponent("out2").path, "-t", "json"])
        XCTAssertEqual(bad.status, 1, bad.stderr)
    }

    // MARK: - CLI review item 5: -t read one way for every mode

    func testFormatListsReadOneWayForFoldersAndFiles() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try Data("Plain headline\n\nThe body of the release.\n".utf8).write(to: src.appendingPathComponent("a.txt"))
        let plain = try CommandRunner.run([src.path, "-t", "jsonl"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        for list in ["jsonl,", ",jsonl", "jsonl,,"] {
            let result = try CommandRunner.run([src.path, "-t", list])
            XCTAssertEqual(result.status, 0, "\(list): \(result.stderr)")
            XCTAssertEqual(result.stdout, plain.stdout, list)
        }
        // A list naming no format is a usage error, never a silent default (HTML).
        for arguments in [[src.path, "-t", ","], [src.appendingPathComponent("a.txt").path, "-t", ","],
                          [src.appendingPathComponent("a.txt").path, "-t", ""], ["-t", ",", "--fragment"]] {
            let result = try CommandRunner.run(arguments, stdin: Data("x".utf8))
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("-t names no format"), result.stderr)
            XCTAssertTrue(result.stdout.isEmpty, "\(arguments)")
        }
    }

    // MARK: - CLI review item 6: a folder's stream written inside the folder

    func testAFolderStreamInsideTheFolderRunsAgain() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try Data("Plain headline\n\nThe body of the release.\n".utf8).write(to: src.appendingPathComponent("a.txt"))
        let output = src.appendingPathComponent("all.jsonl")
        let first = try CommandRunner.run([src.path, "-o", output.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let written = try Data(contentsOf: output)
        XCTAssertEqual(String(decoding: written, as: UTF8.self).split(separator: "\n").count, 1)
        // The second run skips the first run's output, as `-o src/all.epub` does.
        let second = try CommandRunner.run([src.path, "-o", output.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try Data(contentsOf: output), written)
        let relative = try CommandRunner.run(["src", "-o", "src/all.jsonl", "-t", "jsonl"], in: dir)
        XCTAssertEqual(relative.status, 0, relative.stderr)
        XCTAssertEqual(try Data(contentsOf: output), written)
    }

    // MARK: - CLI review item 9: stream errors name their file

    func testStreamUsageErrorsNameTheFile() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"id": "a", "text": "Headline\n\nBody."}"#.utf8).write(to: dir.appendingPathComponent("a.jsonl"))
        try Data("Plain headline\n\nBody.\n".utf8).write(to: dir.appendingPathComponent("b.txt"))
        let mixed = try CommandRunner.run(["a.jsonl", "b.txt", "-t", "jsonl"], in: dir)
        XCTAssertEqual(mixed.status, 2, mixed.stderr)
        XCTAssertTrue(mixed.stderr.hasPrefix("presskit: b.txt: JSON Lines and WARC inputs cannot be mixed"), mixed.stderr)
        let file = try CommandRunner.run(["a.jsonl", "-o", "out.html"], in: dir)
        XCTAssertEqual(file.status, 2, file.stderr)
        XCTAssertTrue(file.stderr.hasPrefix("presskit: out.html: a stream is written as JSON Lines"), file.stderr)
    }
}
