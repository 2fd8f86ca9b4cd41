/// A command of the command line (`convert`, `formats`): its name, what it does, its options and its
/// positional arguments. `ArgumentScanner` parses by it; `HelpFormatter`, `CompletionScript` and `ManualPage`
/// print from it, so the help, the completions and the manual always name the same options.
struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    /// The usage line after `presskit`: `convert [<options>] [<inputs> ...]`.
    let usage: String
    let options: [OptionSpec]
    /// The positional arguments' name and help (`inputs`), nil when the command takes none.
    let positional: (name: String, help: String)?
    /// The command's options followed by `--version` and `--help`.
    let allOptions: [OptionSpec]

    init(name: String, abstract: String, usage: String, options: [OptionSpec],
         positional: (name: String, help: String)? = nil) {
        self.name = name
        self.abstract = abstract
        self.usage = usage
        self.options = options
        self.positional = positional
        allOptions = options + Self.standardOptions
    }

    /// The options every command also takes, listed last in its help.
    static let standardOptions: [OptionSpec] = [
        .flag("version", help: "Show the version."),
        .flag("help", short: "h", help: "Show help information."),
    ]

    /// The option named `--name` (without its dashes).
    func option(long name: Substring) -> OptionSpec? {
        allOptions.first { $0.long.utf8.elementsEqual(name.utf8) }
    }

    /// The option named `-x`.
    func option(short letter: Character) -> OptionSpec? {
        allOptions.first { $0.short.map { $0.first == letter } ?? false }
    }
}
