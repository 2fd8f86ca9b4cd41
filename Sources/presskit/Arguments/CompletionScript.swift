/// `presskit --generate-completion-script bash|zsh|fish`: completions for the shells, from the commands'
/// specs — option names, file and folder names where an option takes a path, format names after `-f`/`-t`,
/// the subcommands first.
enum CompletionScript {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    /// The subcommands, `convert` (the default) first; `help` takes either's name.
    static let commands = [ConvertCommand.spec, FormatsCommand.spec]
    private static var commandNames: String { commands.map(\.name).joined(separator: " ") }

    static func script(for shell: Shell) -> String {
        switch shell {
        case .bash: return bash()
        case .zsh: return zsh()
        case .fish: return fish()
        }
    }

    /// Every spelling of `option`: `-o --output`.
    private static func spellings(_ option: OptionSpec) -> [String] {
        (option.short.map { ["-" + $0] } ?? []) + ["--" + option.long]
    }

    // MARK: bash

    static func bash() -> String {
        var text = """
            # bash completion for presskit (presskit --generate-completion-script bash)
            _presskit() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
                COMPREPLY=()
                if [[ $COMP_CWORD -eq 1 && "$cur" != -* ]]; then
                    COMPREPLY=($(compgen -W "\(commandNames) help" -- "$cur") $(compgen -f -- "$cur"))
                    return
                fi
                if [[ "${COMP_WORDS[1]}" == help ]]; then
                    COMPREPLY=($(compgen -W "\(commandNames)" -- "$cur"))
                    return
                fi
                if [[ "${COMP_WORDS[1]}" == formats ]]; then
                    COMPREPLY=($(compgen -W "\(formatsOptions())" -- "$cur"))
                    return
                fi
                case "$prev" in

            """
        for option in ConvertCommand.spec.options where option.takesValue {
            let values: String
            switch option.completion {
            case .none: values = ""
            case .file: values = "COMPREPLY=($(compgen -f -- \"$cur\")); "
            case .directory: values = "COMPREPLY=($(compgen -d -- \"$cur\")); "
            case .list(let names): values = "COMPREPLY=($(compgen -W \"\(names().joined(separator: " "))\" -- \"$cur\")); "
            }
            text += "        \(spellings(option).joined(separator: "|"))) \(values)return ;;\n"
        }
        let all = ConvertCommand.spec.allOptions.flatMap(spellings).joined(separator: " ")
        text += """
                esac
                if [[ "$cur" == -* ]]; then
                    COMPREPLY=($(compgen -W "\(all)" -- "$cur"))
                else
                    COMPREPLY=($(compgen -f -- "$cur"))
                fi
            }
            complete -o filenames -o bashdefault -F _presskit presskit

            """
        return text
    }

    private static func formatsOptions() -> String {
        FormatsCommand.spec.allOptions.flatMap(spellings).joined(separator: " ")
    }

    // MARK: zsh

    /// `text` inside a single-quoted `_arguments` description: brackets and colons escaped, quotes closed.
    private static func zshDescription(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "[", "]", "\\": escaped += "\\" + String(character)
            case "'": escaped += "'\\''"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func zshSpecs(_ command: CommandSpec) -> [String] {
        command.allOptions.map { option in
            let names = spellings(option)
            let exclusive = option.kind == .values ? "*" : "(\(names.joined(separator: " ")))"
            let namePart = names.count == 1 ? names[0] : "{\(names.joined(separator: ","))}"
            var action = ""
            if option.takesValue {
                switch option.completion {
                case .none: action = ":\(option.long): "
                case .file: action = ":\(option.long):_files"
                case .directory: action = ":\(option.long):_files -/"
                case .list(let names): action = ":\(option.long):(\(names().joined(separator: " ")))"
                }
            }
            return "'\(exclusive)'\(namePart)'[\(zshDescription(option.help))]\(action)'"
        }
    }

    static func zsh() -> String {
        let convert = zshSpecs(ConvertCommand.spec).map { "        " + $0 + " \\\n" }.joined()
        let formats = zshSpecs(FormatsCommand.spec).map { "            " + $0 + " \\\n" }.joined()
        let described = (commands.map { "\($0.name)\\:\"\(zshDescription($0.abstract))\"" }
            + ["help\\:\"\(zshDescription(Presskit.helpAbstract))\""]).joined(separator: " ")
        return """
            #compdef presskit
            # zsh completion for presskit (presskit --generate-completion-script zsh)
            _presskit() {
                if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then
                    _alternative 'commands:command:((\(described)))' 'files:input:_files'
                    return
                fi
                case ${words[2]} in
                formats)
                    shift words; (( CURRENT-- ))
                    _arguments -s \\
            \(formats)                && return ;;
                help)
                    _values command \(commandNames) && return ;;
                convert)
                    shift words; (( CURRENT-- )) ;;
                esac
                _arguments -s \\
            \(convert)        '*:input:_files'
            }
            _presskit "$@"

            """
    }

    // MARK: fish

    private static func fishQuoted(_ text: String) -> String {
        "'" + text.replacingQuotes() + "'"
    }

    private static func fishLines(_ command: CommandSpec, condition: String) -> String {
        var text = ""
        for option in command.allOptions {
            var line = "complete -c presskit -n \(fishQuoted(condition))"
            if let short = option.short { line += " -s \(short)" }
            line += " -l \(option.long)"
            if option.takesValue {
                switch option.completion {
                case .none: line += " -x"
                case .file: line += " -r -F"
                case .directory: line += " -x -a '(__fish_complete_directories)'"
                case .list(let names): line += " -x -a \(fishQuoted(names().joined(separator: " ")))"
                }
            }
            text += line + " -d \(fishQuoted(option.help))\n"
        }
        return text
    }

    static func fish() -> String {
        var text = "# fish completion for presskit (presskit --generate-completion-script fish)\n"
        for command in commands {
            text += "complete -c presskit -n '__fish_use_subcommand' -a \(command.name) -d \(fishQuoted(command.abstract))\n"
        }
        text += """
            complete -c presskit -n '__fish_use_subcommand' -a help -d \(fishQuoted(Presskit.helpAbstract))
            complete -c presskit -n '__fish_seen_subcommand_from help' -f -a '\(commandNames)'
            complete -c presskit -n '__fish_seen_subcommand_from formats' -f

            """
        text += fishLines(FormatsCommand.spec, condition: "__fish_seen_subcommand_from formats")
        text += fishLines(ConvertCommand.spec, condition: "not __fish_seen_subcommand_from formats help")
        return text
    }
}

private extension String {
    /// For a single-quoted fish or sh word: `'` becomes `'\''`.
    func replacingQuotes() -> String {
        var text = ""
        for character in self {
            if character == "'" { text += "'\\''" } else { text.append(character) }
        }
        return text
    }
}
