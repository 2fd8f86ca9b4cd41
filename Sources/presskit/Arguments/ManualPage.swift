import PressKit

/// `presskit --generate-manual [DATE]`: the man page (man(7) macros) from the commands' specs, so it names
/// the same options as `--help`. `make install` writes it to `share/man/man1/presskit.1`.
enum ManualPage {
    static func text(date: String) -> String {
        var page = """
            .TH PRESSKIT 1 "\(escaped(date))" "presskit \(escaped(PressKitVersion.string))" "User Commands"
            .SH NAME
            presskit \\- \(escaped(Presskit.abstract))
            .SH SYNOPSIS
            .B presskit
            [\\fIoptions\\fR] [\\fIinputs\\fR ...]
            .br
            .B presskit formats
            [\\fB\\-\\-json\\fR]
            .SH DESCRIPTION

            """
        // The discussion's lines are wrapped for a terminal: a line ending a sentence ends a line of the page too,
        // the others run on (roff fills them).
        for line in Presskit.discussion.split(separator: "\n") {
            page += escaped(String(line)) + (line.hasSuffix(".") ? "\n.br\n" : "\n")
        }
        page += ".SH OPTIONS\n"
        page += entry("\\fIinputs\\fR", ConvertCommand.spec.positional?.help ?? "")
        for option in ConvertCommand.spec.allOptions { page += entry(option) }
        page += ".SH COMMANDS\n"
        page += entry("\\fBconvert\\fR", ConvertCommand.spec.abstract + " The default command: the options above.")
        page += entry("\\fBformats\\fR", FormatsCommand.spec.abstract)
        for option in FormatsCommand.spec.options { page += entry(option) }
        page += entry("\\fBhelp\\fR [\\fIcommand\\fR]", Presskit.helpAbstract)
        page += """
            .SH SEE ALSO
            The README and docs/ of presskit's source; \\fBpandoc\\fR(1).

            """
        return page
    }

    private static func entry(_ option: OptionSpec) -> String {
        var label = option.short.map { "\\fB\\-\($0)\\fR, " } ?? ""
        label += "\\fB" + escaped("--" + option.long) + "\\fR"
        if option.takesValue { label += " \\fI\(escaped(option.long))\\fR" }
        return entry(label, option.helpWithDefault)
    }

    private static func entry(_ label: String, _ help: String) -> String {
        ".TP\n\(label)\n\(escaped(help))\n"
    }

    /// Text as roff prints it literally: backslashes and hyphens escaped, a leading `.` or `'` guarded.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            default: result.append(character)
            }
        }
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}
