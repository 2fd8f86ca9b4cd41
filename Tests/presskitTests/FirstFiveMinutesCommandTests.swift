import Foundation
import XCTest

/// What a newcomer tries first: help, version, the format list for scripts, completions, several files into
/// a folder, and progress without escape sequences.
final class FirstFiveMinutesCommandTests: XCTestCase {
    var samples: URL { CommandRunner.repositoryRoot.appendingPathComponent("Samples") }

    func testShortHelpFitsOneScreenAndLongHelpListsEveryConversionOption() throws {
        let short = try CommandRunner.run(["-h"])
        XCTAssertEqual(short.status, 0)
        let lines = short.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThanOrEqual(lines.count, 25, "presskit -h fits one screen")
        XCTAssertTrue(short.stdoutText.contains("presskit --help"))
        let long = try CommandRunner.run(["--help"])
        XCTAssertEqual(long.status, 0)
        for option in ["--from", "--to", "--output", "--metadata", "--reference-doc", "--epub-cover-image",
                       "--wrap", "--jobs", "--report", "--shard", "--max-input-size", "formats"] {
            XCTAssertTrue(long.stdoutText.contains(option), "--help lists \(option)")
        }
        XCTAssertEqual(try CommandRunner.run(["convert", "--help"]).stdoutText, long.stdoutText)
    }

    func testVersionNamesTheCLibraries() throws {
        let result = try CommandRunner.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdoutText.hasPrefix("presskit 0."), result.stdoutText)
        for library in ["libxml2 2.", "libzip 1.", "cmark-gfm 0."] {
            XCTAssertTrue(result.stdoutText.contains(library), "--version shows \(library)")
        }
    }

    func testFormatsAsJSONForScripts() throws {
        let result = try CommandRunner.run(["formats", "--json"])
        XCTAssertEqual(result.status, 0)
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        let names = list.compactMap { $0["name"] as? String }
        XCTAssertTrue(names.contains("markdown") && names.contains("docx"), "\(names)")
        let docx = try XCTUnwrap(list.first { $0["name"] as? String == "docx" })
        XCTAssertEqual(docx["writes"] as? Bool, true)
        XCTAssertEqual(docx["binary"] as? Bool, true)
    }

    func testCompletionScriptsOfferFormatNamesAfterFromAndTo() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CommandRunner.run(["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, shell)
            XCTAssertTrue(result.stdoutText.contains("commonmark"), "\(shell) completes format names")
            XCTAssertTrue(result.stdoutText.contains("reference-doc"), "\(shell) completes options")
        }
    }

    func testMistypedFormatAndOptionGetASuggestion() throws {
        let seed = samples.appendingPathComponent("text/seed-partner2connect.txt").path
        let format = try CommandRunner.run([seed, "-t", "markdwn"])
        XCTAssertEqual(format.status, 2)
        XCTAssertTrue(format.stderr.contains("did you mean 'markdown'?"), format.stderr)
        let option = try CommandRunner.run([seed, "--wrp", "60"])
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.stderr.contains("Did you mean '--wrap'?"), option.stderr)
    }

    func testSeveralFilesIntoAFolder() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let a = samples.appendingPathComponent("text/communique-paris.txt").path
        let b = samples.appendingPathComponent("markdown/06-german-non-ascii.md").path
        let result = try CommandRunner.run([a, b, "-o", out.path + "/", "-t", "json,docx"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(names, ["06-german-non-ascii.docx", "06-german-non-ascii.json",
                               "communique-paris.docx", "communique-paris.json"])
        // A bad input is reported and the others still convert; exit 1.
        let mixed = try CommandRunner.run([a, out.path + "/missing.txt", "-o", out.path, "-t", "html"])
        XCTAssertEqual(mixed.status, 1, mixed.stderr)
        XCTAssertTrue(mixed.stderr.contains("missing.txt"), mixed.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("communique-paris.html").path))
        // Two inputs writing the same file are refused before anything is written.
        let clash = try CommandRunner.run([a, a, "-o", out.path, "-t", "text"])
        XCTAssertEqual(clash.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("communique-paris.txt").path))
    }
}
