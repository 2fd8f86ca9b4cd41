import PressKit

/// Reads a command's arguments by its `CommandSpec`, the way swift-argument-parser read them before (the
/// same spellings are accepted and refused, with the same messages):
/// `--name value`, `--name=value`, `-x value`, grouped short flags (`-qq`), `--` before inputs that start
/// with `-`, and `-` alone as an input (standard input). A value that starts with `-` is taken only by an
/// option marked `unconditional`; a single-valued option given twice keeps its last value. Every refusal is
/// a usage error (exit 2) naming the argument.
enum ArgumentScanner {
    static func parse(_ arguments: [String], as command: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        /// The value of `option` as `spelling` gave it: attached (`--name=value`) or the next argument.
        func value(of option: OptionSpec, spelling: String, attached: String?) throws -> String {
            if let attached { return attached }
            guard index + 1 < arguments.count else {
                throw PressKitError(.usage, "Missing value for \(option.named(spelling))")
            }
            let next = arguments[index + 1]
            guard option.unconditional || next == "-" || !next.hasPrefix("-") else {
                throw PressKitError(.usage, "Missing value for \(option.named(spelling))")
            }
            index += 1
            return next
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                parsed.positionals += arguments[(index + 1)...]
                break
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let equals = body.firstIndex(of: "=")
                let name = equals.map { body[..<$0] } ?? body
                let attached = equals.map { String(body[body.index(after: $0)...]) }
                guard let option = command.option(long: name) else {
                    throw PressKitError(.usage, "Unknown option '--\(name)'" + suggestion(for: name, in: command))
                }
                if option.takesValue {
                    parsed.options.append((option.long, try value(of: option, spelling: "--" + name, attached: attached)))
                } else if let attached {
                    throw PressKitError(.usage, "The option '--\(name)' does not take any value, but '\(attached)' was specified.")
                } else {
                    parsed.options.append((option.long, nil))
                }
            } else if argument.hasPrefix("-"), argument != "-" {
                // One short option, or several flags grouped (-qq); an option with a value may end the group.
                let letters = Array(argument.dropFirst())
                for (position, letter) in letters.enumerated() {
                    guard let option = command.option(short: letter) else {
                        throw PressKitError(.usage, "Unknown option '-\(letter)'")
                    }
                    if option.takesValue {
                        guard position == letters.count - 1 else {
                            throw PressKitError(.usage, "Missing value for \(option.named("-\(letter)"))")
                        }
                        parsed.options.append((option.long, try value(of: option, spelling: "-\(letter)", attached: nil)))
                    } else {
                        parsed.options.append((option.long, nil))
                    }
                }
            } else if command.positional != nil {
                parsed.positionals.append(argument)
            } else {
                throw PressKitError(.usage, "Unexpected argument '\(argument)'")
            }
            index += 1
        }
        return parsed
    }

    /// ". Did you mean '--wrap'?" for a long name one or two edits (or a third of its length) from a known
    /// one; empty when none is that close.
    static func suggestion(for name: Substring, in command: CommandSpec) -> String {
        let typed = Array(name.utf8)
        var best: (name: String, distance: Int)?
        for option in command.allOptions {
            let distance = editDistance(typed, Array(option.long.utf8))
            if distance < (best?.distance ?? Int.max) { best = (option.long, distance) }
        }
        guard let best, best.distance <= max(2, typed.count / 3) else { return "" }
        return ". Did you mean '--\(best.name)'?"
    }

    /// Levenshtein distance between two byte strings.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
