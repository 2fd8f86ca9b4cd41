/// A command's usage, arguments and options as `--help` prints them: each option's names indented by two,
/// its help from column 26, wrapped at 79 columns (below the names when they are wider).
enum HelpFormatter {
    static let width = 79
    static let helpColumn = 26

    /// `OVERVIEW`, `USAGE`, `ARGUMENTS` and `OPTIONS` of `command`, without a trailing newline.
    static func help(for command: CommandSpec) -> String {
        var text = "OVERVIEW: \(command.abstract)\n\n" + usageAndOptions(for: command)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// `USAGE`, `ARGUMENTS` and `OPTIONS` of `command`.
    static func usageAndOptions(for command: CommandSpec) -> String {
        var text = "USAGE: presskit \(command.usage)\n\n"
        if let positional = command.positional {
            text += "ARGUMENTS:\n" + entry("<\(positional.name)>", positional.help) + "\n"
        }
        text += "OPTIONS:\n"
        for option in command.allOptions {
            text += entry(option.label, option.helpWithDefault)
        }
        return text
    }

    /// One option: its label indented by two, then its help from `helpColumn`, wrapped.
    static func entry(_ label: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: helpColumn)
        var lines = wrap(help, width: width - helpColumn)
        var text = "  " + label
        if text.count + 1 <= helpColumn {
            text += String(repeating: " ", count: helpColumn - text.count) + (lines.isEmpty ? "" : lines.removeFirst())
        }
        text += "\n"
        for line in lines { text += indent + line + "\n" }
        return text
    }

    /// `text`'s words in lines of at most `width` characters (a longer word on a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
