import Foundation
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
        let start = Date()
        for (id, bytes) in pages {
            let document = try HTMLReader().read(bytes, context: ConversionContext())
            texts.append((id, HTMLReader.articleText(document)))
            let m = document.metadata
            metas.append((id, "title: \(m.title ?? "-")\ndate: \(m.date ?? "-") (\(m.dateSource ?? "-"))\n"
                + "organization: \(m.organization ?? "-")\nauthors: \(m.authors)\nlanguage: \(m.language ?? "-")\n"
                + "source: \(m.source ?? "-")\nimage: \(m.image ?? "-")\nkeywords: \(m.keywords)\n"))
        }
        let seconds = Date().timeIntervalSince(start)
        for (id, text) in texts {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output + "/" + id + ".txt"))
        }
        if let metaOutput = env["PRESSKIT_EXTRACTION_META"] {
            for (id, text) in metas { try Data(text.utf8).write(to: URL(fileURLWithPath: metaOutput + "/" + id + ".meta")) }
        }
        let megabytes = Double(pages.reduce(0) { $0 + $1.1.count }) / 1_000_000
        print(String(format: "extraction: %d pages, %.2f MB in %.3f s: %.1f pages/s (reader only, one thread)",
                     pages.count, megabytes, seconds, Double(pages.count) / seconds))
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
