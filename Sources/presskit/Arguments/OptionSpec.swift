/// One option of a command, as the parser, the help text, the completion scripts and the manual page read it:
/// its names, whether it takes a value, its help line and what a shell offers after it.
struct OptionSpec: Sendable {
    enum Kind: Sendable {
        /// `--quiet`: present or not; given twice is the same as once.
        case flag
        /// `--output FILE`: one value; given twice, the last one counts.
        case value
        /// `-t FORMAT`: repeatable, every value kept in order.
        case values
    }

    /// What a shell completes after the option. A list is made only when a completion script is printed,
    /// not on every run's parse.
    enum Completion: Sendable {
        case none, file, directory
        case list(@Sendable () -> [String])
    }

    /// The long name without its dashes: `output`.
    let long: String
    /// The one-letter short name, if any: `o`.
    let short: String?
    let kind: Kind
    let help: String
    /// The default shown in the help text: `(default: 256M)`.
    var defaultValue: String? = nil
    /// The value may start with `-` (`--jobs -3` is the value -3, refused by its range, not a missing value).
    var unconditional = false
    var completion: Completion = .none

    static func flag(_ long: String, short: String? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .flag, help: help)
    }

    static func value(_ long: String, short: String? = nil, help: String, defaultValue: String? = nil,
                      unconditional: Bool = false, completion: Completion = .none) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .value, help: help, defaultValue: defaultValue,
                   unconditional: unconditional, completion: completion)
    }

    static func values(_ long: String, short: String? = nil, help: String, completion: Completion = .none) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .values, help: help, completion: completion)
    }

    var takesValue: Bool { kind != .flag }

    /// The help line with the default, as `--help` and the manual page show it: `… (default: 256M)`.
    var helpWithDefault: String {
        help + (defaultValue.map { " (default: \($0))" } ?? "")
    }

    /// `-o, --output <output>` as the help text and error messages show it.
    var label: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--" + long
        if takesValue { text += " <\(long)>" }
        return text
    }

    /// How an error message names the option as the user gave it: `'-o <output>'` or `'--wrap <wrap>'`.
    func named(_ spelling: String) -> String {
        takesValue ? "'\(spelling) <\(long)>'" : "'\(spelling)'"
    }
}
