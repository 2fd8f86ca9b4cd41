import Foundation
import XCTest

/// `presskit SRC_DIR -o OUT_DIR -t …` on generated trees, through the built binary.
final class BatchCommandTests: XCTestCase {
    let fm = FileManager.default

    // MARK: - Building trees

    func release(_ n: Int) -> String {
        "Release number \(n) announces something\n\nCITY, March \(n % 28 + 1), 2024 - ACME Corp said today that item \(n) "
            + "is available.\n\nA second paragraph with details about item \(n).\n\nContact: press@example.com\n"
    }

    func write(_ text: String, _ path: String, in root: URL) throws {
        try writeBytes(Data(text.utf8), path, in: root)
    }

    func writeBytes(_ data: Data, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Subfolders, spaces, non-ASCII names, a broken file, hidden file and folder, an image, a collision.
    func makeMixedTree() throws -> URL {
        let root = try scratch().appendingPathComponent("src")
        try write(release(1), "top.txt", in: root)
        try write(release(2), "news/2024/march release.txt", in: root)
        try write(release(3), "news/2024/Grüße aus Köln.txt", in: root)
        try write(release(4), "news/日本語/発表.text", in: root)
        try write(release(5), "a.txt", in: root)
        try write(release(6), "a.text", in: root)                      // collides with a.txt → a.json
        try writeBytes(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48]),
                       "news/broken.txt", in: root)                     // binary bytes named .txt
        try write("{\"version\": 1, \"blocks\": [", "news/bad syntax.json", in: root)   // JSON cut short
        try writeBytes(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "news/photo.png", in: root)
        try write(release(7), ".hidden.txt", in: root)
        try write(release(8), ".git/inside.txt", in: root)
        return root
    }

    /// Every file and link under `root`, hidden ones included, relative and sorted.
    func listing(_ root: URL) -> [String] {
        guard let e = fm.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), isDir.boolValue { continue }
            out.append(path)
        }
        return out.sorted()
    }

    func report(_ url: URL) throws -> (totals: [String: Any], files: [[String: Any]]) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (object["totals"] as! [String: Any], object["files"] as! [[String: Any]])
    }

    func entries(_ files: [[String: Any]]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0["input"] as! String, $0["status"] as! String) })
    }

    // MARK: - Tests

    func testMixedTreeMirrorsOutputsAndReportsFailures() throws {
        let src = try makeMixedTree()
        let base = src.deletingLastPathComponent()
        let out = base.appendingPathComponent("out")
        let reportURL = base.appendingPathComponent("report.json")
        let result = try CommandRunner.run([src.path, "-o", out.path, "-t", "json,html", "--report", reportURL.path])
        XCTAssertEqual(result.status, 1, "some inputs failed: exit 1\n" + result.stderr)
        XCTAssertEqual(result.stdout.count, 0)

        XCTAssertEqual(listing(out), [
            "news/2024/Grüße aus Köln.html", "news/2024/Grüße aus Köln.json",
            "news/2024/march release.html", "news/2024/march release.json",
            "news/日本語/発表.html", "news/日本語/発表.json",
            "top.html", "top.json",
        ].sorted(), "mirrored tree; no output for the broken file, the image, hidden files or the collision")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("news/2024/march release.json")))
        XCTAssertNotNil(json as? [String: Any])

        let (totals, files) = try report(reportURL)
        let inputs = files.map { $0["input"] as! String }
        XCTAssertEqual(inputs, inputs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "sorted by path")
        XCTAssertEqual(entries(files), [
            "a.text": "failed", "a.txt": "failed", "news/broken.txt": "failed", "news/photo.png": "skipped",
            "news/bad syntax.json": "failed",
            "news/2024/Grüße aus Köln.txt": "converted", "news/2024/march release.txt": "converted",
            "news/日本語/発表.text": "converted", "top.txt": "converted",
        ])
        let broken = files.first { $0["input"] as? String == "news/broken.txt" }!
        XCTAssertTrue((broken["error"] as! String).contains("PNG"))
        XCTAssertEqual(broken["outputs"] as! [String], [])
        let collided = files.first { $0["input"] as? String == "a.txt" }!
        XCTAssertTrue((collided["error"] as! String).contains("a.text"), "the collision names the other input")
        let top = files.first { $0["input"] as? String == "top.txt" }!
        XCTAssertEqual(top["outputs"] as! [String], ["top.json", "top.html"])
        XCTAssertNotNil(top["milliseconds"] as? Double)
        XCTAssertNotNil(top["warnings"] as? [String])
        XCTAssertEqual(totals["converted"] as? Int, 4)
        XCTAssertEqual(totals["failed"] as? Int, 4)
        XCTAssertEqual(totals["skipped"] as? Int, 1)
        XCTAssertEqual(totals["outputs"] as? Int, 8)

        // One line per failure with path and reason, the summary, and no progress (stderr is not a terminal).
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains("news/broken.txt") && $0.contains("PNG") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.contains("/a.txt:") && $0.contains("a.text") })
        XCTAssertTrue(lines.contains { $0.contains("/a.text:") && $0.contains("a.txt") })
        XCTAssertTrue(lines.last!.hasPrefix("presskit: converted 4 files (8 outputs) in "), result.stderr)
        XCTAssertTrue(lines.last!.hasSuffix(" s, 4 failed, 1 skipped"), result.stderr)
        XCTAssertTrue(lines.contains { $0.contains("news/bad syntax.json: ") }, result.stderr)
        XCTAssertFalse(result.stderr.contains("\r"))
        XCTAssertFalse(result.stderr.contains("files/s"))
        XCTAssertEqual(listing(src).count, 11, "the source is untouched")
    }

    func testUpdateRewritesNothingThatIsCurrent() throws {
        let root = try scratch()
        let src = root.appendingPathComponent("src"), out = root.appendingPathComponent("out")
        for n in 0..<12 { try write(release(n), "d\(n % 3)/r\(n).txt", in: src) }
        let first = try CommandRunner.run([src.path, "-o", out.path, "-t", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        func stamps() throws -> [String: [String]] {
            var result: [String: [String]] = [:]
            for path in listing(out) {
                let a = try fm.attributesOfItem(atPath: out.appendingPathComponent(path).path)
                result[path] = ["\(a[.systemFileNumber]!)", "\((a[.modificationDate] as! Date).timeIntervalSince1970)"]
            }
            return result
        }
        let before = try stamps()
        XCTAssertEqual(before.count, 12)
        let reportURL = root.appendingPathComponent("r.json")
        let second = try CommandRunner.run([src.path, "-o", out.path, "-t", "json", "--update", "--report", reportURL.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try stamps(), before, "no output rewritten: same inodes and times")
        XCTAssertEqual(Set(entries(try report(reportURL).files).values), ["up-to-date"])
        XCTAssertTrue(second.stderr.contains("converted 0 files (0 outputs)"), second.stderr)
        XCTAssertTrue(second.stderr.contains("12 up to date"), second.stderr)

        // A changed input is converted again; the others stay.
        let changed = src.appendingPathComponent("d1/r4.txt")
        try write(release(400), "d1/r4.txt", in: src)
        try fm.setAttributes([.modificationDate: Date()], ofItemAtPath: changed.path)  // newer than its output
        let third = try CommandRunner.run([src.path, "-o", out.path, "-t", "json", "--update"])
        XCTAssertEqual(third.status, 0, third.stderr)
        let after = try stamps()
        XCTAssertNotEqual(after["d1/r4.json"], before["d1/r4.json"])
        XCTAssertTrue(String(decoding: try Data(contentsOf: out.appendingPathComponent("d1/r4.json")), as: UTF8.self).contains("400"))
        for (path, stamp) in before where path != "d1/r4.json" { XCTAssertEqual(after[path], stamp, path) }

        // A format added later: only the new outputs are written, the current ones stay.
        let fourth = try CommandRunner.run([src.path, "-o", out.path, "-t", "json,html", "--update"])
        XCTAssertEqual(fourth.status, 0, fourth.stderr)
        XCTAssertTrue(fourth.stderr.contains("converted 12 files (12 outputs)"), fourth.stderr)
        let withHTML = try stamps()
        XCTAssertEqual(withHTML.count, 24)
        for (path, stamp) in after { XCTAssertEqual(withHTML[path], stamp, path) }
    }

    /// A temporary folder, removed after the test.
    func scratch() throws -> URL {
        let url = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A scratch folder in memory (/dev/shm) when there is one: 3,000 files on a busy disk take seconds.
    func memoryDirectory() throws -> URL {
        guard access("/dev/shm", W_OK) == 0 else { return try scratch() }
        let url = URL(fileURLWithPath: "/dev/shm/presskit-test-\(UUID().uuidString)")
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A batch keeps freed memory for the next file (`keepFreedMemory`) unless the user set malloc's own
    /// settings; either way, with one worker or two, each DOCX and EPUB is the single-file conversion's bytes.
    func testBatchOutputsAreTheSingleFileBytesWithAndWithoutMallocSettings() throws {
        let root = try scratch()
        let source = root.appendingPathComponent("src")
        for n in 0..<6 { try write(release(n) + "\n## About ACME\n\nACME makes [things](https://acme.example/).\n", "r\(n).md", in: source) }
        let fixed = ["SOURCE_DATE_EPOCH": "1600000000"]
        for (name, environment) in [("default", fixed), ("tunables", fixed.merging(["GLIBC_TUNABLES": "glibc.malloc.trim_threshold=131072"]) { $1 })] {
            for jobs in ["1", "2"] {
                let out = root.appendingPathComponent("out-\(name)-\(jobs)")
                let batch = try CommandRunner.run([source.path, "-o", out.path, "-t", "docx,epub", "--jobs", jobs, "-q"],
                                                  environment: environment)
                XCTAssertEqual(batch.status, 0, batch.stderr)
                for n in 0..<6 {
                    for format in ["docx", "epub"] {
                        let single = root.appendingPathComponent("single-\(n).\(format)")
                        let run = try CommandRunner.run([source.appendingPathComponent("r\(n).md").path, "-o", single.path, "-q"],
                                                        environment: fixed)
                        XCTAssertEqual(run.status, 0, run.stderr)
                        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("r\(n).\(format)")),
                                       try Data(contentsOf: single), "\(name) --jobs \(jobs) r\(n).\(format)")
                    }
                }
            }
        }
    }

    func testKilledRunIsFinishedByUpdateWithNoTemporaryOrCorruptFiles() throws {
        let root = try memoryDirectory()
        let src = root.appendingPathComponent("src"), out = root.appendingPathComponent("out")
        let count = 3000
        for n in 0..<count { try write(release(n) + String(repeating: "More text about the item. ", count: 40), "p\(n % 30)/release \(n).txt", in: src) }

        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [src.path, "-o", out.path, "-t", "json", "--jobs", "2"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Kill it once about a third is written (inputs are converted in byte order of path: p0/, p1/, p10/ … p19/, p2/, …), or after 10 s.
        let firstOutput = out.appendingPathComponent("p2/release 2.json").path
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !fm.fileExists(atPath: firstOutput) { usleep(1_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let left = listing(out)
        let written = left.filter { !$0.contains(".presskit-tmp-") }.count
        print("the killed batch had written \(written) of \(count) outputs and left \(left.count - written) temporary files")
        // What a kill during a write leaves: a temporary file of the dead process beside an output.
        try write("{\"truncat", "p3/.release 3.json.presskit-tmp-\(process.processIdentifier)", in: out)

        let reportURL = root.appendingPathComponent("r.json")
        let rerun = try CommandRunner.run([src.path, "-o", out.path, "-t", "json", "--update", "--report", reportURL.path])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let files = listing(out)
        XCTAssertEqual(files.count, count, "every output, and nothing else (no temporary files)")
        XCTAssertFalse(files.contains { $0.contains("presskit-tmp") })
        for path in files {
            XCTAssertTrue(path.hasSuffix(".json"), path)
            let data = try Data(contentsOf: out.appendingPathComponent(path))
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: data), "\(path) is complete JSON")
        }
        // presskit's own JSON reader takes every output back: a batch over the output folder converts all.
        let check = try CommandRunner.run([out.path, "-o", root.appendingPathComponent("check").path, "-t", "text"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("converted \(count) files"), check.stderr)
        let statuses = entries(try report(reportURL).files)
        XCTAssertEqual(statuses.count, count)
        XCTAssertEqual(Set(statuses.values).subtracting(["converted", "up-to-date"]), [])
        XCTAssertEqual(statuses.values.filter { $0 == "up-to-date" }.count, written,
                       "every output the killed run finished is complete and kept")
    }

    func testThreeShardsTogetherEqualTheWhole() throws {
        let root = try scratch()
        let src = root.appendingPathComponent("src")
        for n in 0..<45 { try write(release(n), "s\(n % 4)/item \(n).txt", in: src) }
        try write(release(90), "s1/clash.txt", in: src)
        try write(release(91), "s1/clash.text", in: src)
        try write("image", "s2/logo.gif", in: src)
        let whole = root.appendingPathComponent("whole"), parts = root.appendingPathComponent("parts")
        let all = try CommandRunner.run([src.path, "-o", whole.path, "-t", "json,html", "--report", root.appendingPathComponent("all.json").path])
        XCTAssertEqual(all.status, 1, all.stderr)
        var seen: [String: String] = [:]
        var collisionLines = 0
        for k in 1...3 {
            let reportURL = root.appendingPathComponent("part\(k).json")
            let part = try CommandRunner.run([src.path, "-o", parts.path, "-t", "json,html", "--shard", "\(k)/3", "--report", reportURL.path])
            XCTAssertTrue(part.status == 0 || part.status == 1, part.stderr)
            XCTAssertTrue(part.stderr.contains("(shard \(k)/3)"), part.stderr)
            collisionLines += part.stderr.split(separator: "\n").filter { $0.contains("clash.") }.count
            let statuses = entries(try report(reportURL).files)
            XCTAssertFalse(statuses.isEmpty, "45 files over 3 parts: each part has some")
            for (input, status) in statuses {
                XCTAssertEqual(Int(Self.fnv1a64(input) % 3), k - 1, "documented partition: FNV-1a 64 of the path mod N")
                XCTAssertNil(seen[input], "\(input) is in two shards")
                seen[input] = status
            }
        }
        XCTAssertEqual(seen, entries(try report(root.appendingPathComponent("all.json")).files), "the shards' union is the whole")
        XCTAssertEqual(seen["s1/clash.txt"], "failed")
        XCTAssertEqual(seen["s1/clash.text"], "failed")
        XCTAssertEqual(collisionLines, 2, "each side of the collision reported once, by the shard that owns it")
        XCTAssertEqual(listing(parts), listing(whole))
        XCTAssertEqual(listing(whole).count, 90)
        for path in listing(whole) {
            XCTAssertEqual(try Data(contentsOf: parts.appendingPathComponent(path)),
                           try Data(contentsOf: whole.appendingPathComponent(path)), path)
        }
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    func testLinksAndAnOutputFolderInsideTheSource() throws {
        let root = try scratch()
        let src = root.appendingPathComponent("src")
        try write(release(1), "docs/one.txt", in: src)
        try write(release(2), "outside.txt", in: root)
        try write(release(3), "elsewhere/deep.txt", in: root)
        try fm.createSymbolicLink(atPath: src.appendingPathComponent("inside-link.txt").path, withDestinationPath: "docs/one.txt")
        try fm.createSymbolicLink(atPath: src.appendingPathComponent("outside-link.txt").path,
                                  withDestinationPath: root.appendingPathComponent("outside.txt").path)
        try fm.createSymbolicLink(atPath: src.appendingPathComponent("folder-link").path,
                                  withDestinationPath: root.appendingPathComponent("elsewhere").path)
        let out = src.appendingPathComponent("converted")
        for _ in 0..<2 {
            let result = try CommandRunner.run([src.path, "-o", out.path, "-t", "text", "--report", "-"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let report = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
            XCTAssertEqual(entries(report["files"] as! [[String: Any]]), [
                "docs/one.txt": "converted", "inside-link.txt": "converted",
                "outside-link.txt": "skipped", "folder-link": "skipped",
            ], "the report on standard output; the output folder inside the source is not listed")
        }
        XCTAssertEqual(listing(out), ["docs/one.txt", "inside-link.txt"], "no link followed out, output folder not walked")
        XCTAssertEqual(listing(src.appendingPathComponent("docs")), ["one.txt"])
    }

    func testNoOutputIsWrittenThroughALinkInTheOutputFolder() throws {
        let root = try scratch()
        let src = root.appendingPathComponent("src"), out = root.appendingPathComponent("out")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try write(release(1), "sub/a.txt", in: src)
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: out.appendingPathComponent("sub").path, withDestinationPath: elsewhere.path)
        let result = try CommandRunner.run([src.path, "-o", out.path, "-t", "json"])
        XCTAssertEqual(result.status, 5, "an output that cannot be written is an output-side failure: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("symbolic link"), result.stderr)
        XCTAssertEqual(listing(elsewhere), [])
    }

    func testOutputFolderSameAsSourceNeverOverwritesAnInput() throws {
        let root = try scratch()
        try write(release(1), "a.txt", in: root)
        try write("{\"blocks\": []}", "b.json", in: root)
        try write(release(2), "b.html", in: root)
        let result = try CommandRunner.run([root.path, "-o", root.path, "-t", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("b.json"), encoding: .utf8), "{\"blocks\": []}")
        XCTAssertTrue(result.stderr.contains("b.html"), result.stderr)
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("a.json").path))
    }

    func testProgressLineOnATerminalOnly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        let root = try scratch()
        let src = root.appendingPathComponent("src"), out = root.appendingPathComponent("out")
        for n in 0..<20 { try write(release(n), "r\(n).txt", in: src) }
        // script(1) gives the command a terminal; what the terminal shows comes back on script's stdout.
        let command = "'\(CommandRunner.executable.path)' '\(src.path)' -o '\(out.path)' -t json"
        // A terminal that takes escape sequences (the test's own TERM may be dumb, or NO_COLOR set).
        let result = try CommandRunner.run(["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": ""],
                                           executable: URL(fileURLWithPath: "/usr/bin/script"))
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
        let screen = result.stdoutText
        XCTAssertTrue(screen.contains("\r[0/20] "), screen)
        XCTAssertTrue(screen.contains(" files/s, 0 failed"), screen)
        XCTAssertTrue(screen.contains("\r\u{1B}[Kpresskit: converted 20 files (20 outputs) in "), "progress cleared before the summary")
    }

    func testUsageErrors() throws {
        let root = try scratch()
        let src = root.appendingPathComponent("src")
        try write(release(1), "a.txt", in: src)
        let out = root.appendingPathComponent("out").path
        for arguments in [[src.path, "-o", out], [src.path, "-o", out, "-t", "json", "--shard", "0/3"],
                          [src.path, "-o", out, "-t", "json", "--shard", "4/3"], [src.path, "-o", out, "-t", "json", "--shard", "x"],
                          [src.path, "-o", out, "-t", "json", "--jobs", "0"], [src.path, "-t", "json"],
                          [src.path, "-o", src.appendingPathComponent("a.txt").path, "-t", "json"]] {
            let result = try CommandRunner.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        XCTAssertFalse(fm.fileExists(atPath: out), "nothing created on a usage error")
    }
}
