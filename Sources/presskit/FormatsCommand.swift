import PressKit

/// `presskit formats`: the registered formats, what each can do, and their extensions.
struct FormatsCommand {
    var json = false

    static let spec = CommandSpec(
        name: "formats", abstract: "List the formats presskit reads and writes.", usage: "formats [--json]",
        options: [.flag("json", help: "Print the formats as JSON (name, aliases, extensions, media type, reads, writes, binary).")])

    /// The command line after `presskit formats`, as `ArgumentScanner` read it by `spec`.
    init(_ parsed: ParsedArguments) {
        json = parsed.flag("json")
    }

    func run() {
        if json {
            print(Self.json())
            return
        }
        var lines = [pad("format", 12) + pad("read", 6) + pad("write", 7) + pad("extensions", 22) + "aliases"]
        for format in Formats.all {
            lines.append(pad(format.name, 12) + pad(format.reader == nil ? "-" : "yes", 6)
                + pad(format.writer == nil ? "-" : "yes", 7)
                + pad(format.extensions.map { "." + $0 }.joined(separator: " "), 22)
                + format.aliases.joined(separator: " "))
        }
        print(lines.joined(separator: "\n"))
    }

    /// One object per format, in the registry's order.
    static func json() -> String {
        func string(_ s: String) -> String { JSONStringLiteral.quoted(s) }
        func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ", ") + "]" }
        let objects = Formats.all.map { format in
            "  {\"name\": \(string(format.name)), \"aliases\": \(strings(format.aliases)), "
                + "\"extensions\": \(strings(format.extensions)), \"mediaType\": \(string(format.mediaType)), "
                + "\"reads\": \(format.reader != nil), \"writes\": \(format.writer != nil), "
                + "\"binary\": \(format.isBinary)}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
