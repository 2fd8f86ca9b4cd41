import PressKit

/// The command line most runs use — one input file or standard input, and only `-o`, `-t`, `-f`, `-M` and
/// `-q` — read by hand, so that such a run skips swift-argument-parser: its reflection over every option
/// (Mirror, protocol-conformance lookups) was half of a small conversion's CPU time. Anything else (another
/// flag, a folder or several inputs, a subcommand, `--`, an option twice, a value starting with `-`) returns
/// nil and goes through `Presskit.parseAsRoot()` as before; both paths run the same code after parsing
/// (`ConversionSettings.baseOptions`, then `ConvertCommand.convert`).
/// `presskit -v` or any other flag falls back.
struct QuickCommandLine {
    var input: String?
    var output: String?
    var from: String?
    var to: [String] = []
    var metadata: [String] = []
    var quiet = false

    /// Nil when the arguments need the full parser.
    init?(_ arguments: [String]) {
        // Any argument naming a subcommand, even as an option's value, is left to the full parser.
        guard !arguments.contains(where: { ["convert", "formats", "help"].contains($0) }) else { return nil }
        var index = 0
        var seen: Set<String> = []
        func value() -> String? {
            guard index + 1 < arguments.count else { return nil }
            let next = arguments[index + 1]
            guard next == "-" || !next.hasPrefix("-") else { return nil }
            index += 1
            return next
        }
        while index < arguments.count {
            let argument = arguments[index]
            let name: String
            switch argument {
            case "-o", "--output": name = "output"
            case "-f", "--from": name = "from"
            case "-t", "--to": name = "to"
            case "-M", "--metadata": name = "metadata"
            case "-q", "--quiet": name = "quiet"
            default:
                // An input; one only, and not an option the full parser knows (or rejects).
                guard argument == "-" || !argument.hasPrefix("-"), input == nil else { return nil }
                input = argument
                index += 1
                continue
            }
            // -t and -M repeat; a single-valued option or flag given twice is the full parser's to judge.
            guard name == "to" || name == "metadata" || seen.insert(name).inserted else { return nil }
            if name == "quiet" {
                quiet = true
            } else {
                guard let text = value() else { return nil }
                switch name {
                case "output": output = text
                case "from": from = text
                case "to": to.append(text)
                default: metadata.append(text)
                }
            }
            index += 1
        }
        // A folder is a batch (or one output from the whole folder): the full parser's path.
        if let input, input != "-", FileSystem.isDirectory(input) { return nil }
    }

    /// What `ConvertCommand.run` does for these arguments: every other flag at its default.
    func run() throws {
        try ConvertCommand.convert(inputs: input.map { [$0] } ?? [], output: output, from: from, to: to,
                                   options: try ConversionSettings.baseOptions(metadata: metadata), quiet: quiet, resourcePaths: [], jobs: nil, shard: nil,
                                   update: false, report: nil)
    }
}
