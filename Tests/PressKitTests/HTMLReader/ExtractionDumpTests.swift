import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import PressKit

/// Not a test of its own: `bench/extraction-score.sh` runs this with PRESSKIT_EXTRACTION_IN (a folder of
/// `<id>.html` pages) and PRESSKIT_EXTRACTION_OUT set, to write the HTML reader's article text for each page
/// in one process. Without those variables it does nothing.
final class ExtractionDumpTests: XCTestCase {
    func testDumpArticleText() throws {
        let env = ProcessInfo.processInfo.environment
        guard let input = env["PRESSKIT_EXTRACTION_IN"], let output = env["PRESSKIT_EXTRACTION_OUT"] else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: input).filter { $0.hasSuffix(".html") }.sorted()
        var pages: [(String, [UInt8])] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: input + "/" + file)))
            pages.append((String(file.dropLast(5)), bytes))
        }
        var texts: [(String, String)] = []
        var metas: [(String, String)] = []
        // Best of three runs: the machine is shared, the minimum is the least disturbed.
        var seconds = Double.infinity
        for _ in 0..<3 {
            let start = Self.cpuSeconds()
            for (_, bytes) in pages { _ = try HTMLReader().read(bytes, context: ConversionContext()) }
            seconds = min(seconds, Self.cpuSeconds() - start)
        }
        for (id, bytes) in pages {
            let document = try HTMLReader().read(bytes, context: ConversionContext())
            texts.append((id, HTMLReader.articleText(document)))
            let m = document.metadata
            metas.append((id, "title: \(m.title ?? "-")\ndate: \(m.date ?? "-") (\(m.dateSource ?? "-"))\n"
                + "organization: \(m.organization ?? "-")\nauthors: \(m.authors)\nlanguage: \(m.language ?? "-")\n"
                + "source: \(m.source ?? "-")\nimage: \(m.image ?? "-")\nkeywords: \(m.keywords)\n"))
        }
        // The whole pipeline as the command line runs it: reader, press-release pass, plain-text writer.
        let html = try XCTUnwrap(Formats.named("html")), text = try XCTUnwrap(Formats.named("text"))
        var pipelineSeconds = Double.infinity
        for _ in 0..<3 {
            let start = Self.cpuSeconds()
            for (_, bytes) in pages { _ = try Converter.convert(bytes, from: html, to: text, context: ConversionContext()) }
            pipelineSeconds = min(pipelineSeconds, Self.cpuSeconds() - start)
        }
        for (id, text) in texts {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output + "/" + id + ".txt"))
        }
        if let metaOutput = env["PRESSKIT_EXTRACTION_META"] {
            for (id, text) in metas { try Data(text.utf8).write(to: URL(fileURLWithPath: metaOutput + "/" + id + ".meta")) }
        }
        let megabytes = Double(pages.reduce(0) { $0 + $1.1.count }) / 1_000_000
        print(String(format: "extraction: %d pages, %.2f MB in %.3f s: %.1f pages/s (HTML reader, CPU time of one thread, best of 3)",
                     pages.count, megabytes, seconds, Double(pages.count) / seconds))
        print(String(format: "extraction: %d pages in %.3f s: %.1f pages/s (reader + press pass + text writer, CPU time, best of 3)",
                     pages.count, pipelineSeconds, Double(pages.count) / pipelineSeconds))
    }

    /// CPU time of this thread, so that other load on a shared machine does not count.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// With PRESSKIT_SHOW=FILE.html, prints the outline of what the reader makes of that page.
    func testShowDocument() throws {
        guard let path = ProcessInfo.processInfo.environment["PRESSKIT_SHOW"] else { return }
        for file in path.split(separator: ":") {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: String(file))))
            var options = ConversionOptions()
            options.fullPage = ProcessInfo.processInfo.environment["PRESSKIT_FULL_PAGE"] != nil
            let document = try HTMLReader().read(bytes, context: ConversionContext(options: options))
            print("=== \(file)\n" + HTMLDocumentOutline.render(document))
        }
    }
}
