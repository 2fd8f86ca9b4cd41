import PressKit

/// `presskit -h` (one screen: usage, the options most runs need, where to read more), `presskit --help`
/// (every conversion option: the default `convert` command's, with the root's discussion and the `formats`
/// subcommand named) and `presskit formats --help`.
enum HelpText {
    static var short: String {
        """
        presskit \(PressKitVersion.string): convert press releases between formats.

        USAGE: presskit [INPUT ...] [-o OUTPUT] [-f FORMAT] [-t FORMAT ...] [options]
               presskit formats [--json]

          presskit release.txt -o release.json      formats from the file extensions
          presskit page.html -t markdown            the article of a web page, to standard output
          cat release.txt | presskit -f text -t json
          presskit archive/ -o converted/ -t docx,epub   a whole folder, in parallel

          -f, --from FORMAT        input format (default: from the extension or the content)
          -t, --to FORMAT          output format(s) (default: from -o's extension, else html)
          -o, --output PATH        output file or folder; - or none writes standard output
          -M, --metadata KEY=VALUE set metadata (title, date, language, organization, ...)
          --fragment, --full-page  HTML: body only / keep the whole page
          --jobs N, --report FILE  folders: workers and a JSON report
          -q, --quiet              no warnings or progress
          --version                presskit's and its C libraries' versions

        Every option: presskit --help. Formats: presskit formats. Manual: man presskit.
        """
    }

    static var long: String {
        """
        OVERVIEW: \(Presskit.abstract)

        \(Presskit.discussion)

        \(HelpFormatter.usageAndOptions(for: ConvertCommand.spec))
        SUBCOMMANDS:
          convert (default)       Convert files, standard input, or a whole folder (the options above).
          formats                 List the formats presskit reads and writes (--json for scripts).
        """
    }

    static var formats: String { HelpFormatter.help(for: FormatsCommand.spec) }
}
