import ArgumentParser
import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// The `presskit` command: converts press releases between formats. A thin shell over PressKit.
@main
struct Presskit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presskit",
        abstract: "Convert press releases between HTML, Markdown, plain text, JSON, EPUB and DOCX.",
        discussion: """
            presskit IN -o OUT infers both formats from the file extensions; -f and -t override them.
            No input (or -) reads standard input; no -o (or -o -) writes standard output.
            A folder as input converts the whole folder into the folder given with -o.
            Exit codes: 0 done, 1 some inputs of a batch failed, 2 usage error, 3 input not found,
            4 invalid input, 5 output not written, 70 internal error.
            """,
        version: versionText,
        subcommands: [ConvertCommand.self, FormatsCommand.self],
        defaultSubcommand: ConvertCommand.self
    )

    /// What `--version` prints. Appended line by line: `joined(separator:)` ran unspecialised here, and its
    /// generic metadata and first protocol-conformance scan were a tenth of `--version`'s instructions.
    static var versionText: String {
        var text = "presskit " + PressKitVersion.string
        for line in PressKitVersion.libraries { text += "\n" + line }
        return text
    }

    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let help = HelpText.forArguments(arguments) {
            print(help)
            Glibc.exit(0)
        }
        // As swift-argument-parser prints it, without building its parser first.
        if arguments == ["--version"] {
            print(versionText)
            Glibc.exit(0)
        }
        do {
            if let quick = QuickCommandLine(arguments) {
                try quick.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PressKitError {
            Diagnostics.error(error.description)
            Glibc.exit(error.exitCode)
        } catch let error as ExitCode {
            Glibc.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Diagnostics.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            Glibc.exit(PressKitError(.usage, "").exitCode)
        }
    }
}
