/// What `ArgumentScanner` read from a command line: the options in the order given (each with its value,
/// nil for a flag) and the positional arguments.
struct ParsedArguments: Sendable {
    var options: [(long: String, value: String?)] = []
    var positionals: [String] = []

    /// Whether the flag `--name` was given.
    func flag(_ name: String) -> Bool {
        options.contains { $0.long == name }
    }

    /// The value of `--name`: the last one given, nil when it was not.
    func value(_ name: String) -> String? {
        options.last { $0.long == name }?.value
    }

    /// Every value of the repeatable `--name`, in order.
    func values(_ name: String) -> [String] {
        options.compactMap { $0.long == name ? $0.value : nil }
    }
}
