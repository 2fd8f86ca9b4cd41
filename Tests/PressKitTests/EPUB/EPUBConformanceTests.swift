import Foundation
import XCTest
@testable import PressKit

/// Runs the real judge, W3C EPUBCheck 4.2.6 through `Tests/Judges/epub/check_epub.sh` (a copy of
/// `../shared/judges/epub/`), on books built from a test document with every kind of node, on a digest, and
/// on every sample in `Samples/`: any fatal, error, warning or missing accessibility metadata fails.
/// EPUBCheck takes one file per run (a JVM start each), so two run at a time.
final class EPUBConformanceTests: XCTestCase {
    static let jar = ProcessInfo.processInfo.environment["EPUBCHECK_JAR"] ?? "/usr/share/java/epubcheck.jar"

    func testEveryBookPassesEPUBCheckWithAccessibilityChecks() throws {
        guard let java = Self.findJava() else {
            throw XCTSkip("java is not installed, so epubcheck cannot run (make deps installs default-jre-headless and epubcheck)")
        }
        guard FileManager.default.fileExists(atPath: Self.jar) else {
            throw XCTSkip("epubcheck is not installed at \(Self.jar) (make deps installs it)")
        }
        // PRESSKIT_KEEP_EPUBS=DIR keeps the books and epubcheck's reports there for a look.
        let keep = ProcessInfo.processInfo.environment["PRESSKIT_KEEP_EPUBS"]
        let folder = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("presskit-epubcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

        var books: [(name: String, bytes: [UInt8])] = []
        var options = ConversionOptions()
        options.coverImage = ("cover.png", try EPUBTestSupport.fixture("cover.png"))
        books.append(("every-node", try EPUBWriter().write(EPUBTestSupport.everyNodeDocument(),
                                                          context: EPUBTestSupport.context(options, resources: try EPUBTestSupport.resources()))))
        let digest = [EPUBTestSupport.everyNodeDocument(),
                      EPUBTestSupport.release(title: "Earlier release", date: "2021-03-02", language: "de",
                                              source: "https://acme.example/news/earlier", text: "Früher.")]
        books.append(("digest-two", try EPUBWriter().write(collection: digest,
                                                           context: EPUBTestSupport.context(resources: try EPUBTestSupport.resources()))))

        let samples = Self.sampleFiles()
        var sampleDocuments: [Document] = []
        var sampleFolders: [String] = []
        for sample in samples {
            let relative = String(sample.path.dropFirst(EPUBTestSupport.repositoryRoot.path.count + 1))
            let format = try XCTUnwrap(Formats.forPath(sample.path), relative)
            let resources = EPUBFolderResources(folders: [sample.deletingLastPathComponent().path])
            let context = EPUBTestSupport.context(resources: resources)
            let document = try Converter.read([UInt8](try Data(contentsOf: sample)), format: format, context: context)
            books.append((relative.replacingOccurrences(of: "/", with: "_"),
                          try Converter.write([document], format: try XCTUnwrap(Formats.named("epub")), context: context)))
            sampleDocuments.append(document)
            sampleFolders.append(sample.deletingLastPathComponent().path)
        }
        if sampleDocuments.count > 1 {
            let context = EPUBTestSupport.context(resources: EPUBFolderResources(folders: sampleFolders))
            books.append(("samples-digest", try EPUBWriter().write(collection: sampleDocuments, context: context)))
        }
        print("epubcheck: \(books.count) books (\(samples.count) samples)")

        var files: [URL] = []
        for book in books {
            let file = folder.appendingPathComponent(book.name + ".epub")
            try Data(book.bytes).write(to: file)
            files.append(file)
        }
        let results = Self.check(files, java: java)
        for (file, result) in zip(files, results) {
            let summary = result.output.split(separator: "\n").last.map(String.init) ?? "(no output)"
            print("epubcheck \(file.lastPathComponent): \(summary)")
            if result.status != 0 {
                let problems = result.output.split(separator: "\n")
                    .filter { $0.hasPrefix("FATAL") || $0.hasPrefix("ERROR") || $0.hasPrefix("WARNING") || $0.contains("MISSING") }
                    .map { $0.count > 300 ? $0.prefix(300) + "…" : $0 }
                XCTFail("\(file.lastPathComponent): exit \(result.status)\n" + problems.joined(separator: "\n") + "\n" + summary)
            }
        }
    }

    /// The sample releases: every readable file under Samples/ (README files aside), sorted.
    static func sampleFiles() -> [URL] {
        let root = EPUBTestSupport.repositoryRoot.appendingPathComponent("Samples")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  !url.lastPathComponent.lowercased().hasPrefix("readme"),
                  Formats.forPath(url.path)?.reader != nil else { continue }
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    static func findJava() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["JAVA"]].compactMap { $0 }
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { $0 + "/java" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs check_epub.sh on each file, two at a time; returns each run's exit status and output.
    static func check(_ files: [URL], java: String) -> [(status: Int32, output: String)] {
        let queue = EPUBCheckQueue(count: files.count)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let index = queue.take() { queue.store(index, run(files[index], java: java)) }
        }
        return queue.results
    }

    static func run(_ file: URL, java: String) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [EPUBTestSupport.judge.appendingPathComponent("check_epub.sh").path, "--fail-on-warnings",
                             "--a11y", "--severity",
                             EPUBTestSupport.judge.appendingPathComponent("a11y-severity-overrides.txt").path, file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["JAVA"] = java
        environment["EPUBCHECK_JAR"] = jar
        // A quicker JVM start for a short run (about half the time); it does not change what is checked.
        environment["JAVA_TOOL_OPTIONS"] = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
        process.environment = environment
        let output = file.deletingPathExtension().appendingPathExtension("log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        guard let handle = try? FileHandle(forWritingTo: output) else { return (-1, "cannot write \(output.path)") }
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            return (-1, "cannot run check_epub.sh: \(error)")
        }
        process.waitUntilExit()
        try? handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }
}

/// Reads images from fixed folders, the way the command line reads them from the input's folder: relative
/// paths only, nothing outside the folder.
struct EPUBFolderResources: ResourceResolver {
    /// One folder per document, by its place in the input.
    let folders: [String]

    func lookup(_ reference: String, document: Int) -> ResourceLookup {
        guard document >= 0, document < folders.count else { return .refused("no folder") }
        if reference.contains(":") || reference.hasPrefix("/") { return .refused("not a relative path") }
        var path = reference
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        if path.split(separator: "/").contains("..") { return .refused("outside the folder") }
        guard let data = FileManager.default.contents(atPath: folders[document] + "/" + path) else { return .refused("not found") }
        return .found([UInt8](data))
    }
}

/// Hands out file indexes to the checking threads and collects their results.
final class EPUBCheckQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var stored: [(status: Int32, output: String)]

    init(count: Int) {
        self.count = count
        stored = Array(repeating: (-1, "not run"), count: count)
    }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ index: Int, _ result: (status: Int32, output: String)) { lock.withLock { stored[index] = result } }

    var results: [(status: Int32, output: String)] { lock.withLock { stored } }
}
