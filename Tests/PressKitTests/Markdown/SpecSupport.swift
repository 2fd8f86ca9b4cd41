import Foundation
@testable import PressKit

/// One example of the CommonMark or GFM spec (as dumped by the spec's `spec_tests.py --dump-tests`).
struct SpecExample: Decodable {
    var markdown: String
    var html: String
    var example: Int
    var section: String
}

/// Loads the spec data in `Fixtures/Spec`, renders examples, and judges them with the spec's normalisation
/// (`specnorm.py`, run once for a whole suite) or with the real `cmark-gfm` binary.
enum SpecSupport {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Spec")

    static func load(_ name: String) throws -> [SpecExample] {
        try JSONDecoder().decode([SpecExample].self, from: Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Reader → tree → HTML fragment, in process.
    static func html(_ markdown: String, flavor: MarkdownReader.Flavor) throws -> String {
        let context = ConversionContext()
        context.options.fragment = true
        let document = try MarkdownReader(flavor: flavor).read(Array(markdown.utf8), context: context)
        return String(decoding: try HTMLWriter().write(document, context: context), as: UTF8.self)
    }

    /// Reader → tree → Markdown, in process.
    static func markdown(_ markdown: String, flavor: MarkdownReader.Flavor, writer: MarkdownWriter) throws -> String {
        let context = ConversionContext()
        context.options.frontMatter = false
        let document = try MarkdownReader(flavor: flavor).read(Array(markdown.utf8), context: context)
        return String(decoding: try writer.write(document, context: context), as: UTF8.self)
    }

    /// The example numbers whose `actual` HTML does not match `expected` after normalisation.
    static func failures(_ cases: [(example: Int, expected: String, actual: String)]) throws -> [Int] {
        let payload = cases.map { ["example": $0.example as Any, "expected": $0.expected, "actual": $0.actual] }
        let input = try JSONSerialization.data(withJSONObject: payload)
        let output = try run(["python3", folder.appendingPathComponent("spec_compare.py").path], stdin: input)
        return try JSONDecoder().decode([Int].self, from: output)
    }

    /// Runs a command with `stdin`, returning its standard output.
    static func run(_ arguments: [String], stdin: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let inPipe = Pipe(), outPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        try process.run()
        let writer = Thread {
            inPipe.fileHandleForWriting.write(stdin)
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        let data = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    static func which(_ tool: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(tool)"]).isEmpty == false) ?? false
    }

    static let gfmExtensions = "-e table -e strikethrough -e autolink -e tagfilter -e tasklist"

    /// Renders every Markdown text with the real `cmark-gfm --unsafe` and the GFM extensions, in one shell
    /// loop over temporary files (one process per text, no Swift process overhead).
    static func cmarkGFM(_ texts: [String]) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("presskit-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (i, text) in texts.enumerated() {
            try Data(text.utf8).write(to: dir.appendingPathComponent("\(i).md"))
        }
        let script = "cd '\(dir.path)' && for i in $(seq 0 \(texts.count - 1)); do "
            + "cmark-gfm --unsafe \(gfmExtensions) $i.md > $i.html; done"
        _ = try run(["sh", "-c", script])
        return try (0..<texts.count).map {
            String(decoding: try Data(contentsOf: dir.appendingPathComponent("\($0).html")), as: UTF8.self)
        }
    }
}
