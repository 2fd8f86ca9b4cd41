import ArgumentParser
import PressKit

/// `presskit formats`: the registered formats, what each can do, and their extensions.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the formats presskit reads and writes.")

    func run() throws {
        var lines = [pad("format", 12) + pad("read", 6) + pad("write", 7) + pad("extensions", 22) + "aliases"]
        for format in Formats.all {
            lines.append(pad(format.name, 12) + pad(format.reader == nil ? "-" : "yes", 6)
                + pad(format.writer == nil ? "-" : "yes", 7)
                + pad(format.extensions.map { "." + $0 }.joined(separator: " "), 22)
                + format.aliases.joined(separator: " "))
        }
        print(lines.joined(separator: "\n"))
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
