import Foundation
import XCTest
@testable import presskit
import PressKit

/// The command line's own parser (`ArgumentScanner` over the commands' `CommandSpec`s): the spellings it takes
/// and refuses, with the messages swift-argument-parser gave before it; the help, completion scripts and manual
/// page printed from the same specs, each read back by the tool that uses it (bash, zsh, fish, groff).
final class CommandLineTests: XCTestCase {
    private func convert(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ConvertCommand {
        guard case .convert(let command) = try Presskit.parse(arguments) else {
            XCTFail("\(arguments) is not a conversion", file: file, line: line)
            return ConvertCommand()
        }
        return command
    }

    private func refusal(_ arguments: [String]) -> String {
        do {
            _ = try Presskit.parse(arguments)
            return "accepted"
        } catch let error as PressKitError {
            XCTAssertEqual(error.exitCode, 2, "\(arguments)")
            return error.message
        } catch {
            return "\(error)"
        }
    }

    private func printed(_ arguments: [String]) throws -> String {
        guard case .print(let text) = try Presskit.parse(arguments) else { return "" }
        return text
    }

    func testSpellingsOfOptionsAndValues() throws {
        var command = try convert(["in.md", "--output=out.json", "-t", "json", "--to", "html,epub", "-M", "a=b", "--metadata=c=d"])
        XCTAssertEqual(command.inputs, ["in.md"])
        XCTAssertEqual(command.output, "out.json")
        XCTAssertEqual(command.to, ["json", "html,epub"])
        XCTAssertEqual(command.metadata, ["a=b", "c=d"])
        // A single-valued option given twice keeps the last value; a flag twice is a flag.
        command = try convert(["-o", "a.json", "-o", "b.json", "--fragment", "--fragment", "-qq"])
        XCTAssertEqual(command.output, "b.json")
        XCTAssertTrue(command.settings.fragment)
        XCTAssertTrue(command.settings.quiet)
        // `-` is standard input; after `--` everything is an input.
        command = try convert(["-", "--", "-odd-name.md", "--help"])
        XCTAssertEqual(command.inputs, ["-", "-odd-name.md", "--help"])
        // Numeric options take any value (checked later, with their range); others refuse one starting with `-`.
        command = try convert(["--jobs", "-3", "--wrap", "-1", "--shard", "-1/2", "--max-input-size", "-5"])
        XCTAssertEqual(command.batch.jobs, "-3")
        XCTAssertEqual(command.settings.wrap, "-1")
        XCTAssertEqual(command.batch.shard, "-1/2")
        XCTAssertEqual(command.settings.maxInputSize, "-5")
        XCTAssertEqual(refusal(["-o", "-x"]), "Missing value for '-o <output>'")
        command = try convert(["-o", "-", "--pandoc-api", "1.23", "--ninjs-version", "3.1", "--resource-path", "a", "--resource-path", "b"])
        XCTAssertEqual(command.output, "-")
        XCTAssertEqual(command.settings.pandoc.pandocAPI, "1.23")
        XCTAssertEqual(command.news.ninjsVersion, "3.1")
        XCTAssertEqual(command.settings.resourcePath, ["a", "b"])
        // The same through `convert`.
        XCTAssertEqual(try convert(["convert", "x.md", "-o", "y.json"]).output, "y.json")
        XCTAssertTrue(try convert(["--update", "dir", "-o", "out"]).batch.update)
    }

    /// Each option the spec declares is read into the command (its name is written twice: in the spec and
    /// where the settings read it).
    func testEveryOptionOfTheSpecReachesTheCommand() throws {
        let base = String(describing: try convert([]))
        for option in ConvertCommand.spec.options {
            let arguments = option.takesValue ? ["--" + option.long, "7"] : ["--" + option.long]
            XCTAssertNotEqual(String(describing: try convert(arguments)), base, option.long)
        }
    }

    func testRefusalsNameTheArgument() {
        XCTAssertEqual(refusal(["--wrp", "60"]), "Unknown option '--wrp'. Did you mean '--wrap'?")
        XCTAssertEqual(refusal(["--refrence-doc", "x.docx"]), "Unknown option '--refrence-doc'. Did you mean '--reference-doc'?")
        XCTAssertEqual(refusal(["--bogus"]), "Unknown option '--bogus'")
        XCTAssertEqual(refusal(["-x"]), "Unknown option '-x'")
        XCTAssertEqual(refusal(["-qx"]), "Unknown option '-x'")
        XCTAssertEqual(refusal(["--wrap"]), "Missing value for '--wrap <wrap>'")
        XCTAssertEqual(refusal(["a.md", "-t"]), "Missing value for '-t <to>'")
        XCTAssertEqual(refusal(["-oq", "x"]), "Missing value for '-o <output>'")
        XCTAssertEqual(refusal(["--full-page=yes"]), "The option '--full-page' does not take any value, but 'yes' was specified.")
        XCTAssertEqual(refusal(["formats", "x"]), "Unexpected argument 'x'")
        XCTAssertEqual(refusal(["formats", "--bogus"]), "Unknown option '--bogus'")
        XCTAssertEqual(refusal(["help", "bogus"]), "help takes one command, convert or formats, not 'bogus'")
        XCTAssertEqual(refusal(["--generate-completion-script", "tcsh"]), "--generate-completion-script takes bash, zsh or fish")
    }

    func testHelpAndVersionAnswerWhereverTheyAre() throws {
        XCTAssertEqual(try printed(["-h"]), HelpText.short)
        for arguments in [["--help"], ["help"], ["convert", "--help"], ["help", "convert"], ["in.md", "-h"], ["-o", "x", "--help"],
                          ["help", "--help"]] {
            XCTAssertEqual(try printed(arguments), HelpText.long, "\(arguments)")
        }
        for arguments in [["formats", "--help"], ["help", "formats"], ["formats", "-h"]] {
            XCTAssertEqual(try printed(arguments), HelpText.formats, "\(arguments)")
        }
        XCTAssertEqual(try printed(["--generate-completion-script=fish"]), CompletionScript.script(for: .fish))
        XCTAssertEqual(try printed(["--version"]), Presskit.versionText)
        XCTAssertEqual(try printed(["in.md", "--version"]), Presskit.versionText)
        // -h grouped with other short flags asks for help too (it was read and then ignored).
        XCTAssertEqual(try printed(["in.md", "-qh"]), HelpText.long)
        XCTAssertEqual(try printed(["formats", "--json", "--version"]), Presskit.versionText)
        guard case .formats(let formats) = try Presskit.parse(["formats", "--json"]) else { return XCTFail("formats") }
        XCTAssertTrue(formats.json)
    }

    func testLongHelpListsEveryOptionWithItsHelp() {
        let help = HelpText.long
        for option in ConvertCommand.spec.allOptions {
            XCTAssertTrue(help.contains("  " + option.label), option.long)
            let firstWords = option.help.split(separator: " ").prefix(3).joined(separator: " ")
            XCTAssertTrue(help.contains(firstWords), option.long)
        }
        XCTAssertTrue(help.contains("--max-input-size <max-input-size>\n                          Refuse inputs"))
        XCTAssertTrue(help.contains("(default: 256M)"))
        for line in help.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 100, String(line))
        }
        XCTAssertEqual(HelpFormatter.wrap("a bb ccc dddd", width: 6), ["a bb", "ccc", "dddd"])
    }

    // MARK: - Completion scripts and the manual, read by their tools

    private func shell(_ path: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult? {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            XCTFail("\(path) is missing: make deps installs it", file: file, line: line)
            return nil
        }
        return try CommandRunner.run(arguments, executable: URL(fileURLWithPath: path))
    }

    private func script(_ shell: CompletionScript.Shell) throws -> String {
        let dir = try CommandRunner.temporaryDirectory()
        let url = dir.appendingPathComponent("presskit.\(shell.rawValue)")
        try CompletionScript.script(for: shell).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testBashCompletesFormatsOptionsAndSubcommands() throws {
        let path = try script(.bash)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        XCTAssertEqual(try shell("/bin/bash", ["-n", path])?.status, 0)
        func complete(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let program = "source '\(path)'; COMP_WORDS=(presskit \(quoted)); COMP_CWORD=\(words.count); _presskit; printf '%s\\n' \"${COMPREPLY[@]}\""
            let result = try XCTUnwrap(try shell("/bin/bash", ["-c", program]))
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdoutText.split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try complete(["in.md", "-t", "mark"]), ["markdown"])
        XCTAssertEqual(Set(try complete(["-f", "m"])), ["markdown"])
        XCTAssertEqual(try complete(["in.md", "--refer"]).sorted(), ["--reference-doc", "--reference-links"])
        XCTAssertEqual(try complete(["formats", "--j"]), ["--json"])
        XCTAssertEqual(try complete(["--pandoc-api", "1.2"]).sorted(), ["1.22", "1.23"])
        XCTAssertTrue(try complete(["form"]).contains("formats"))
        XCTAssertEqual(try complete(["--wrap", ""]), [])
    }

    func testFishCompletesFormatsAndOptions() throws {
        let path = try script(.fish)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        XCTAssertEqual(try shell("/usr/bin/fish", ["--no-execute", path])?.status, 0)
        func complete(_ line: String) throws -> [String] {
            let result = try XCTUnwrap(try shell("/usr/bin/fish", ["--no-config", "-c", "source '\(path)'; complete -C '\(line)'"]))
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdoutText.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        }
        XCTAssertEqual(try complete("presskit in.md -t mark"), ["markdown"])
        XCTAssertTrue(try complete("presskit in.md --reference-").contains("--reference-doc"))
        XCTAssertEqual(try complete("presskit formats --j"), ["--json"])
        XCTAssertTrue(try complete("presskit --ninjs-version ").contains("3.1"))
    }

    func testZshScriptParsesAndNamesEveryOption() throws {
        let path = try script(.zsh)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try XCTUnwrap(try shell("/usr/bin/zsh", ["-n", path]))
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for option in ConvertCommand.spec.allOptions {
            XCTAssertTrue(text.contains("--\(option.long)"), option.long)
        }
        XCTAssertTrue(text.contains(":to:(text json html markdown gfm commonmark"), "format names after -f/-t")
        // The completion function itself, defined and run by zsh's completion system in a pseudo-terminal, is
        // left to the shell; zsh -n and zcompile check every quote and escape of the generated specs.
        let compiled = try XCTUnwrap(try shell("/usr/bin/zsh", ["-c", "zcompile -R '\(path)' && echo ok"]))
        XCTAssertEqual(compiled.stdoutText, "ok\n", compiled.stderr)
    }

    func testManualPageRendersWithoutWarnings() throws {
        let page = ManualPage.text(date: "2026-12-04")
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("presskit.1")
        try page.write(to: url, atomically: true, encoding: .utf8)
        // Plain text (-P -cbou: no overstriking), every warning on.
        let result = try XCTUnwrap(try shell("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-P", "-cbou", url.path]))
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "", "groff warns")
        let text = result.stdoutText
        for option in ConvertCommand.spec.allOptions + FormatsCommand.spec.options {
            XCTAssertTrue(text.contains("--" + option.long), option.long)
        }
        XCTAssertTrue(text.contains("-o, --output output"), text)
        XCTAssertTrue(text.contains("2026-12-04"))
        XCTAssertEqual(ManualPage.escaped(".x-y\\"), "\\&.x\\-y\\e")
    }
}
