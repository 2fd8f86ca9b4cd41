import Foundation
@testable import PressKit

/// The pandoc judge of the DOCX reader: pandoc's own DOCX test files (Tests/Judges/docx-reader/pandoc), its
/// expected readings projected onto GitHub Markdown (Tests/Judges/docx-reader/expected, made by
/// make-expected.sh), and presskit's reading put through the same projection (its HTML fragment →
/// `pandoc -f html -t gfm --wrap=none`). Both are normalised the same way, for what the readers decide
/// (structure, text, formatting, links, images and their alt text) rather than how a writer spells it.
enum DOCXPandocJudge {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Judges/docx-reader")

    struct Result {
        var name: String
        /// nil: pandoc itself cannot read the file (not scored).
        var matches: Bool?
        var expected: String
        var actual: String
        var note: String
    }

    static var pandocAvailable: Bool {
        (try? run("/usr/bin/env", ["pandoc", "--version"], input: [])) != nil
    }

    /// Reads every judge file and compares; the results in name order.
    static func evaluate() throws -> [Result] {
        let folder = root.appendingPathComponent("pandoc")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".docx") }.map { String($0.dropLast(5)) }.sorted()
        var fragments: [String] = []
        var errors: [String: String] = [:]
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name + ".docx")))
            let context = ConversionContext()
            context.options.fragment = true
            do {
                let document = try DOCXReader().read(bytes, context: context)
                // pandoc 2.17 has no figure blocks: a figure is its image in a paragraph, then its caption.
                let blocks = document.blocks.flatMap { block -> [Block] in
                    guard case .figure(let figure) = block else { return [block] }
                    return [.paragraph([.image(figure.image)])] + (figure.caption.isEmpty ? [] : [.paragraph(figure.caption)])
                }
                let body = Document(metadata: Metadata(), blocks: blocks)
                fragments.append(String(decoding: try HTMLWriter().write(body, context: context), as: UTF8.self))
            } catch {
                errors[name] = "\(error)"
                fragments.append("")
            }
        }
        // One pandoc run for all of presskit's fragments, split again at the markers.
        let joined = zip(names, fragments).map { "<p>@@@FILE \($0)@@@</p>\n\($1)\n" }.joined()
        let gfm = String(decoding: try run("/usr/bin/env", ["pandoc", "-f", "html", "-t", "gfm", "--wrap=none"],
                                           input: Array(joined.utf8)), as: UTF8.self)
        var actual: [String: String] = [:]
        var current: String?
        for line in gfm.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@@FILE "), line.hasSuffix("@@@") {
                current = String(line.dropFirst(8).dropLast(3))
                actual[current!] = ""
            } else if let c = current {
                actual[c, default: ""] += line + "\n"
            }
        }
        var results: [Result] = []
        for name in names {
            let expectedURL = root.appendingPathComponent("expected/\(name).md")
            guard let expectedText = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                let why = (try? String(contentsOf: root.appendingPathComponent("expected/\(name).failed"), encoding: .utf8)) ?? "no expectation"
                results.append(Result(name: name, matches: nil, expected: "", actual: normalize(actual[name] ?? ""),
                                      note: why.trimmingCharacters(in: .whitespacesAndNewlines)))
                continue
            }
            let e = normalize(expectedText)
            let a = normalize(actual[name] ?? "")
            results.append(Result(name: name, matches: errors[name] == nil && e == a, expected: e, actual: a,
                                  note: errors[name] ?? ""))
        }
        return results
    }

    /// What both sides are compared on: no HTML attributes or wrappers (spans, divs, footnote sections),
    /// images as `IMG[alt]`, list markers and table rulers in one spelling, no blank lines or trailing spaces.
    static func normalize(_ text: String) -> String {
        var s = text
        func replace(_ pattern: String, _ template: String) {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
            s = regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
        }
        // Images: Markdown or raw <img>, any source (media/… or data:), with their alt text.
        replace(#"data:[A-Za-z0-9/+.-]+;base64,[A-Za-z0-9+/=]+"#, "DATA")
        replace("&#39;", "'")
        replace(#"<img [^>]*?alt="([^"]*)"[^>]*>"#, "IMG[$1]")
        replace(#"<img [^>]*>"#, "IMG[]")
        replace(#"!\[((?:[^\]\\]|\\.)*)\]\((?:[^()\s]|\([^()]*\))*(?: "[^"]*")?\)"#, "IMG[$1]")
        // Footnote machinery of either writer (references, back links, sections) reduced to the notes' text.
        replace(##"<a href="#fn[^"]*"[^>]*>.*?</a>"##, "")
        replace(#"\[\^[0-9]+\]:?"#, "")
        replace(#"<a [^>]*(footnote|noteref|doc-backlink)[^>]*>.*?</a>"#, "")
        replace("↩︎|↩", "")
        // HTML tags left (spans with ids, divs, sections, sup around note numbers): their text stays.
        replace(#"</?(span|div|section|aside|sup|a|figure|figcaption)\b[^>]*>"#, "")
        // Raw HTML tables (either side may need one): tags without attributes, no column widths.
        replace(#"<colgroup>.*?</colgroup>"#, "")
        replace(#"<(table|tr|td|th|thead|tbody|p)\b[^>]*>"#, "<$1>")
        replace(#"\\([\[\]<>*_`#])"#, "$1")
        var lines: [String] = []
        for raw in s.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = String(raw)
            while line.last == " " { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == "-" }) && trimmed.count >= 3 { continue }
            if trimmed.hasPrefix("|"), trimmed.allSatisfy({ "|-: ".contains($0) }) { continue }
            // Table cells padded to different widths: one space around each bar.
            if trimmed.hasPrefix("|") {
                line = trimmed.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "|")
            }
            line = line.replacingOccurrences(of: "\u{00A0}", with: " ")
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "judge", code: Int(process.terminationStatus))
        }
        return [UInt8](out)
    }

    /// The per-file table for docs/DOCX-READER.md.
    static func table(_ results: [Result], explanations: [String: String]) -> String {
        var out = "| file | result | note |\n|---|---|---|\n"
        for r in results {
            let verdict = r.matches.map { $0 ? "same" : "differs" } ?? "not scored"
            let note = explanations[r.name] ?? r.note
            out += "| \(r.name) | \(verdict) | \(note.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")) |\n"
        }
        return out
    }
}
