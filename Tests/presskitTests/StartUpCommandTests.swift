import Foundation
import XCTest

/// A conversion loads only the C libraries it uses: libxml2 (with ICU behind it), libzip (with libcrypto),
/// cmark-gfm and uchardet are loaded on first use, not at start-up. The dynamic loader's own report (`LD_DEBUG=files`,
/// glibc) names every shared object a run opens.
final class StartUpCommandTests: XCTestCase {
    private static let lazyLibraries = ["libxml2.so", "libicuuc.so", "liblzma.so", "libzip.so", "libcrypto.so", "libuchardet.so",
                                        "libcmark-gfm.so", "libcmark-gfm-extensions.so"]

    /// The lazily loaded libraries a run of presskit with `arguments` opened.
    private func loaded(_ arguments: [String]) throws -> Set<String> {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandRunner.run(arguments + (arguments == ["--version"] ? [] : ["-o", out.appendingPathComponent("out").path]),
                                           in: CommandRunner.repositoryRoot, environment: ["LD_DEBUG": "files"])
        XCTAssertEqual(result.status, 0, result.stderr)
        guard result.stderr.contains("file=libc.so") else { throw XCTSkip("the dynamic loader here does not report LD_DEBUG=files") }
        return Set(Self.lazyLibraries.filter { result.stderr.contains("file=\($0)") || result.stderr.contains("/\($0)") })
    }

    func testVersionAndATextConversionLoadNoLazyLibrary() throws {
        XCTAssertEqual(try loaded(["--version"]), [])
        XCTAssertEqual(try loaded(["Samples/text/business-wire-fintech.txt", "-t", "markdown"]), [])
    }

    func testEachLibraryIsLoadedWhenAConversionNeedsIt() throws {
        XCTAssertEqual(try loaded(["Samples/html/company-newsroom.html", "-t", "json"]), ["libxml2.so", "libicuuc.so", "liblzma.so"])
        let cmark: Set = ["libcmark-gfm.so", "libcmark-gfm-extensions.so"]
        XCTAssertEqual(try loaded(["Samples/markdown/01-front-matter-product-launch.md", "-t", "json"]), cmark)
        XCTAssertEqual(try loaded(["Samples/markdown/01-front-matter-product-launch.md", "-t", "docx"]),
                       cmark.union(["libzip.so", "libcrypto.so"]))
        XCTAssertEqual(try loaded(["Samples/text/russian-windows-1251.txt", "-t", "json"]), ["libuchardet.so"])
    }
}
