import Foundation
import XCTest

/// The README's "With pandoc" commands, run as written: presskit's `-t pandoc` piped into pandoc (PDF through
/// LaTeX, ODT, standalone HTML), a Lua filter between the two, pandoc's JSON of an ODT into presskit's EPUB
/// and DOCX, and `--pandoc-api`.
final class PandocCommandTests: XCTestCase {
    private var folder: URL!
    private let release = "Samples/text/seed-partner2connect.txt"
    private let title = "Minister Took Part in the Partner2Connect Meeting"

    override func setUpWithError() throws {
        folder = try CommandRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func tool(_ name: String) throws -> URL {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        throw XCTSkip("\(name) is not installed (make deps-test installs it)")
    }

    /// `presskit ARGS | pandoc PANDOC_ARGS`, in the repository folder; pandoc's result.
    private func presskitToPandoc(_ presskit: [String], _ pandoc: [String]) throws -> CommandResult {
        let pandocTool = try Self.tool("pandoc")
        let first = try CommandRunner.run(presskit, in: CommandRunner.repositoryRoot)
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try CommandRunner.run(pandoc, stdin: first.stdout, in: CommandRunner.repositoryRoot, executable: pandocTool)
        XCTAssertEqual(second.status, 0, second.stderr)
        return second
    }

    private func entryText(_ zip: URL, _ entry: String) throws -> String {
        let unzip = try Self.tool("unzip")
        let result = try CommandRunner.run(["-p", zip.path, entry], executable: unzip)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdoutText
    }

    func testPDFThroughPandocsLaTeX() throws {
        _ = try Self.tool("pdflatex")
        let pdftotext = try Self.tool("pdftotext")
        let pdf = folder.appendingPathComponent("release.pdf")
        _ = try presskitToPandoc([release, "-t", "pandoc"], ["-f", "json", "-o", pdf.path])
        let text = try CommandRunner.run([pdf.path, "-"], executable: pdftotext).stdoutText
        XCTAssertTrue(Self.squeezed(text).contains(title), text)
        XCTAssertTrue(text.contains("2021-09-21"), text)
    }

    func testODTAndStandaloneHTMLWithoutLaTeX() throws {
        let odt = folder.appendingPathComponent("release.odt")
        _ = try presskitToPandoc([release, "-t", "pandoc"], ["-f", "json", "-o", odt.path])
        XCTAssertTrue(try entryText(odt, "content.xml").contains("Partner2Connect"))
        XCTAssertTrue(try entryText(odt, "meta.xml").contains("<dc:title>\(title)</dc:title>"))
        let html = try presskitToPandoc([release, "-t", "pandoc"], ["-f", "json", "-s", "-t", "html5"]).stdoutText
        XCTAssertTrue(html.contains("<title>\(title)</title>"), html)
        XCTAssertTrue(html.contains("<p class=\"date\">2021-09-21</p>"), html)
    }

    func testTemplatePrintsThePressMetadata() throws {
        let card = try presskitToPandoc(["Samples/markdown/01-front-matter-product-launch.md", "-t", "pandoc"],
                                        ["-f", "json", "--template", "docs/pandoc/press-card.txt", "-t", "plain"]).stdoutText
        XCTAssertEqual(card, """
        Northwind Energy Opens Its First Offshore Wind Service Hub in Esbjerg
        ESBJERG, Denmark, 2024-04-16 (Northwind Energy A/S)
        Contact: Mette Holm <press@northwind-energy.example>

        """)
    }

    func testLuaFiltersOnPresskitsOutputAndBackIntoEPUB() throws {
        // dateline.lua: the dateline and date from presskit's metadata start pandoc's output.
        let markdown = try presskitToPandoc([release, "-t", "pandoc"],
                                            ["-f", "json", "--lua-filter", "docs/pandoc/dateline.lua", "-t", "markdown"]).stdoutText
        XCTAssertTrue(markdown.hasPrefix("**2021-09-21 --**\n\nToday, on September 21"), markdown)
        // print-links.lua between presskit and presskit: the EPUB shows each link's address.
        let filtered = try presskitToPandoc(["Samples/html/government-news.html", "-t", "pandoc"],
                                            ["-f", "json", "-t", "json", "--lua-filter", "docs/pandoc/print-links.lua"])
        let epub = folder.appendingPathComponent("release.epub")
        let back = try CommandRunner.run(["-f", "pandoc", "-o", epub.path], stdin: filtered.stdout)
        XCTAssertEqual(back.status, 0, back.stderr)
        let body = try entryText(epub, "OEBPS/chapter-1.xhtml")
        XCTAssertTrue(body.contains("Home Upgrade Grant (https://www.gov.example/apply-home-upgrade-grant) towards"), body)
        XCTAssertFalse(body.contains("<a href=\"https://www.gov.example/apply-home-upgrade-grant\""), body)
    }

    func testPandocInputIntoEPUBAndDOCX() throws {
        let pandoc = try Self.tool("pandoc")
        let odt = folder.appendingPathComponent("in.odt")
        let made = try CommandRunner.run(["Samples/markdown/01-front-matter-product-launch.md", "-o", odt.path],
                                         in: CommandRunner.repositoryRoot, executable: pandoc)
        XCTAssertEqual(made.status, 0, made.stderr)
        let json = try CommandRunner.run([odt.path, "-t", "json"], executable: pandoc)
        XCTAssertEqual(json.status, 0, json.stderr)
        for ext in ["epub", "docx"] {
            let out = folder.appendingPathComponent("release.\(ext)")
            let result = try CommandRunner.run(["-f", "pandoc", "-o", out.path], stdin: json.stdout)
            XCTAssertEqual(result.status, 0, result.stderr)
            let entry = ext == "docx" ? "word/document.xml" : "OEBPS/content.opf"
            let text = try entryText(out, entry)
            XCTAssertTrue(text.contains("Northwind Energy Opens Its First Offshore Wind Service Hub in Esbjerg"), "\(ext): \(text.prefix(400))")
        }
    }

    func testPandocAPIFlagAndErrors() throws {
        let v123 = try CommandRunner.run([release, "-t", "pandoc", "--pandoc-api", "1.23"], in: CommandRunner.repositoryRoot)
        XCTAssertEqual(v123.status, 0, v123.stderr)
        XCTAssertTrue(v123.stdoutText.hasPrefix("{\"pandoc-api-version\":[1,23,1,1],"))
        let v122 = try CommandRunner.run([release, "-t", "pandoc-json"], in: CommandRunner.repositoryRoot)
        XCTAssertTrue(v122.stdoutText.hasPrefix("{\"pandoc-api-version\":[1,22,2,1],"))
        let bad = try CommandRunner.run([release, "-t", "pandoc", "--pandoc-api", "2.0"], in: CommandRunner.repositoryRoot)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--pandoc-api takes 1.22 or 1.23"), bad.stderr)
        let notPandoc = try CommandRunner.run(["-f", "pandoc", "-t", "html"], stdin: Data("{\"blocks\":[]}".utf8))
        XCTAssertEqual(notPandoc.status, 4)
        XCTAssertTrue(notPandoc.stderr.contains("not a pandoc JSON AST"), notPandoc.stderr)
        XCTAssertEqual(notPandoc.stdout.count, 0)
    }

    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// pandoc's JSON on standard input is recognised without `-f pandoc`; a `.json` file holding it gets a hint.
final class PandocSniffingTests: XCTestCase {
    func testPandocJSONOnStandardInputAndInAJSONFile() throws {
        let json = Data(#"{"pandoc-api-version":[1,22,2,1],"meta":{"title":{"t":"MetaString","c":"Sniffed"}},"blocks":[{"t":"Para","c":[{"t":"Str","c":"Body"}]}]}"#.utf8)
        let sniffed = try CommandRunner.run(["-t", "markdown"], stdin: json)
        XCTAssertEqual(sniffed.status, 0, sniffed.stderr)
        XCTAssertTrue(sniffed.stdoutText.contains("title: Sniffed"), sniffed.stdoutText)
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ast.json")
        try json.write(to: file)
        let refused = try CommandRunner.run([file.path, "-t", "html"])
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("read it with -f pandoc"), refused.stderr)
        let read = try CommandRunner.run([file.path, "-f", "pandoc", "-t", "html", "--fragment"])
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertTrue(read.stdoutText.contains("<p>Body</p>"), read.stdoutText)
    }
}
