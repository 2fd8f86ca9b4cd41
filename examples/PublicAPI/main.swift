// presskit-example: the PressKit library used through its public API only, as the DocC article
// "Getting started" shows it. `make test` builds and runs it, so the article's code cannot rot.
import PressKit

// MARK: Convert a string

let release = """
    ---
    title: Acme opens a battery plant in Leipzig
    organization: Acme Corp
    ---
    LEIPZIG, March 2, 2026 – Acme Corp today opened its first battery plant in Saxony, with 400 jobs.

    The plant recycles 20,000 tonnes of cells a year.

    Press contact: Jane Doe, +49 341 123456, press@acme.example
    """

let result = try Conversion(inputs: [.bytes(Array(release.utf8), name: "release.md")],
                            targets: [Formats.require("json"), Formats.require("html")]).run()
for output in result.outputs {
    print(output.format.name, try output.bytes().count, "bytes")
}
for warning in result.diagnostics {
    print("warning:", warning.kind, warning.input ?? "-", warning.message)
}

// MARK: Read the tree

let document = try Converter.read(Array(release.utf8), format: Formats.require("markdown"),
                                  context: ConversionContext())
print("title:", document.metadata.title ?? "-")
print("date:", document.metadata.date ?? "-", "from", document.metadata.dateSource ?? "-")
print("dateline:", document.metadata.dateline ?? "-")
for contact in document.metadata.contacts {
    print("contact:", contact.name ?? "-", contact.phone ?? "-", contact.email ?? "-")
}
print("blocks:", document.blocks.count)

// MARK: A custom writer in a few lines: one tab-separated line per release

struct HeadlineWriter: Writer {
    func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        try write(collection: [document], context: context)
    }

    func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        var lines = ""
        for document in collection {
            let meta = document.metadata
            if meta.title == nil { context.warn("a release has no title") }
            let fields = [meta.date ?? "", meta.organization ?? "", meta.title ?? ""]
            lines += fields.map { $0.replacingTabs() }.joined(separator: "\t") + "\n"
        }
        return Array(lines.utf8)
    }
}

extension String {
    func replacingTabs() -> String { String(map { $0 == "\t" || $0 == "\n" ? " " : $0 }) }
}

let headlines = Format(name: "headlines", extensions: ["tsv"], mediaType: "text/tab-separated-values",
                       reader: nil, writer: HeadlineWriter())
let second = "Berlin, 3. März 2026 – Die Beispiel AG eröffnet ein Werk.\n"
let table = try Conversion(inputs: [.bytes(Array(release.utf8), name: "release.md"),
                                    .bytes(Array(second.utf8), name: "werk.txt")],
                           targets: [headlines]).run()
print(String(decoding: try table.outputs[0].bytes(), as: UTF8.self), terminator: "")
