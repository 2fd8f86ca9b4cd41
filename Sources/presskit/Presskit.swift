import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// The `presskit` command: converts press releases between formats. A thin shell over PressKit.
/// The command line is read by `ArgumentScanner` from the commands' `CommandSpec`s (`convert`, the default,
/// and `formats`); the help text, the shell completions and the manual page are printed from the same specs.
@main
enum Presskit {
    static let abstract = "Convert press releases between HTML, Markdown, plain text, JSON, EPUB and DOCX."
    /// What `presskit help COMMAND` does, as the completions and the manual describe it.
    static let helpAbstract = "Show a command's help."
    static let discussion = """
        presskit IN -o OUT infers both formats from the file extensions; -f and -t override them.
        No input (or -) reads standard input; no -o (or -o -) writes standard output.
        A folder as input converts the whole folder into the folder given with -o.
        Exit codes: 0 done, 1 some inputs of a batch failed, 2 usage error, 3 input not found,
        4 invalid input, 5 output not written, 70 internal error.
        """

    /// What `--version` prints. Appended line by line: `joined(separator:)` ran unspecialised here, and its
    /// generic metadata and first protocol-conformance scan were a tenth of `--version`'s instructions.
    static var versionText: String {
        var text = "presskit " + PressKitVersion.string
        for line in PressKitVersion.libraries { text += "\n" + line }
        return text
    }

    /// What a command line asks for.
    enum Invocation {
        case convert(ConvertCommand)
        case formats(FormatsCommand)
        /// Text for standard output, and done: help, the version, a completion script, the manual page.
        case print(String)
    }

    /// Reads the arguments after `presskit`; a usage error (exit 2) for anything it cannot take.
    static func parse(_ arguments: [String]) throws -> Invocation {
        // `--generate-completion-script=bash` as swift-argument-parser took it, too.
        if let first = arguments.first, first.hasPrefix("--generate-completion-script=") {
            let shell = String(first.dropFirst("--generate-completion-script=".count))
            return try parse(["--generate-completion-script", shell] + arguments.dropFirst())
        }
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "convert":
            return try convert(rest)
        case "formats":
            return try read(rest, as: FormatsCommand.spec, help: HelpText.formats) { .formats(FormatsCommand($0)) }
        case "help":
            switch rest {
            case [], ["convert"], ["-h"], ["--help"]: return .print(HelpText.long)
            case ["formats"]: return .print(HelpText.formats)
            default: throw PressKitError(.usage, "help takes one command, convert or formats, not '\(rest.joined(separator: " "))'")
            }
        case "--generate-completion-script":
            guard rest.count == 1, let shell = CompletionScript.Shell(rawValue: rest[0]) else {
                throw PressKitError(.usage, "--generate-completion-script takes bash, zsh or fish")
            }
            return .print(CompletionScript.script(for: shell))
        case "--generate-manual":
            // The page's date, as `make install` gives it (a build's date, never the clock: the page is reproducible).
            guard rest.count <= 1 else { throw PressKitError(.usage, "--generate-manual takes one date at most") }
            return .print(ManualPage.text(date: rest.first ?? ""))
        default:
            if arguments == ["-h"] { return .print(HelpText.short) }
            return try convert(arguments)
        }
    }

    /// The default command.
    private static func convert(_ arguments: [String]) throws -> Invocation {
        try read(arguments, as: ConvertCommand.spec, help: HelpText.long) { .convert(ConvertCommand($0)) }
    }

    /// A command's arguments read by its spec into `command`, unless they ask for its help or the version:
    /// `-h`, `--help` or `--version` anywhere before `--` (even among arguments that would not parse, as
    /// swift-argument-parser answered them), or `-h` in a group of short flags (`-qh`).
    private static func read(_ arguments: [String], as spec: CommandSpec, help: @autoclosure () -> String,
                             command: (ParsedArguments) -> Invocation) throws -> Invocation {
        let options = arguments.prefix { $0 != "--" }
        var wantsHelp = options.contains("-h") || options.contains("--help")
        var wantsVersion = options.contains("--version")
        if !wantsHelp && !wantsVersion {
            let parsed = try ArgumentScanner.parse(arguments, as: spec)
            wantsHelp = parsed.flag("help")
            wantsVersion = parsed.flag("version")
            if !wantsHelp && !wantsVersion { return command(parsed) }
        }
        return .print(wantsHelp ? help() : versionText)
    }

    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            switch try parse(Array(CommandLine.arguments.dropFirst())) {
            case .convert(let command): try command.run()
            case .formats(let command): command.run()
            case .print(let text): print(text)
            }
        } catch let error as PressKitError {
            Diagnostics.error(error.description)
            Glibc.exit(error.exitCode)
        } catch let status as ExitStatus {
            Glibc.exit(status.code)
        } catch {
            let internalError = PressKitError(.internal, "\(error)")
            Diagnostics.error(internalError.description)
            Glibc.exit(internalError.exitCode)
        }
    }
}
