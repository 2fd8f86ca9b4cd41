/// Renders blocks and inlines as lines of plain text for `PlainTextWriter`.
/// Every block is a list of lines (without newlines); containers prefix their children's lines.
struct PlainTextRenderer {
    /// The wrapping width for running text, or nil for no wrapping.
    let width: Int?
    let context: ConversionContext
    /// `--fragment`: the body's text only, as an article extractor gives it: no header, no link targets,
    /// no contacts or source line.
    let bodyOnly: Bool
    /// The labels of the release's language ("[Image: …]").
    let terms: ReleaseTerms
    /// Notes met so far, numbered from 1 in this order.
    var notes: [[Block]] = []
    private var warned: Set<String> = []

    init(wrap: Int?, context: ConversionContext, terms: ReleaseTerms = ReleaseTerms.forLanguage(nil)) {
        self.width = wrap.flatMap { $0 > 0 ? $0 : nil }
        self.context = context
        self.terms = terms
        self.bodyOnly = context.options.text.bodyOnly
    }

    private mutating func warnOnce(_ message: String) {
        if warned.insert(message).inserted { context.warn(message) }
    }

    // MARK: - Blocks

    /// Blocks separated by blank lines (or by nothing when `tight`).
    mutating func blocks(_ blocks: [Block], width: Int?, tight: Bool = false) -> [String] {
        var out: [String] = []
        for block in blocks {
            let lines = self.block(block, width: width)
            if lines.isEmpty { continue }
            if !out.isEmpty && !tight { out.append("") }
            out += lines
        }
        return out
    }

    mutating func block(_ block: Block, width: Int?) -> [String] {
        switch block {
        case .paragraph(let content):
            return wrapped(inlines(content), width: width)
        case .heading(let level, let content, _):
            let lines = inlines(content).split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            guard let longest = lines.map(\.count).max() else { return [] }
            switch level {
            case 1: return lines + [String(repeating: "=", count: longest)]
            case 2: return lines + [String(repeating: "-", count: longest)]
            default: return lines
            }
        case .bulletList(let list):
            return listLines(list) { item in
                switch item.checked {
                case true?: return "- [x] "
                case false?: return "- [ ] "
                case nil: return "- "
                }
            }
        case .orderedList(let list):
            var number = list.start
            return listLines(list) { _ in
                defer { number &+= 1 }
                return "\(number)\(list.delimiter) "
            }
        case .blockQuote(let children):
            return blocks(children, width: width.map { $0 - 2 }).map { $0.isEmpty ? ">" : "> " + $0 }
        case .codeBlock(_, let text):
            var lines = Self.lines(of: text)
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.map { $0.isEmpty ? "" : "    " + $0 }
        case .table(let table):
            return tableLines(table, width: width)
        case .figure(let figure):
            let alt = figure.image.alt.trimmingSpaces()
            var lines = [alt.isEmpty ? "[\(terms.image)]" : "[\(terms.labeled(terms.image)) \(alt)]"]
            lines += wrapped(inlines(figure.caption), width: width)
            return lines
        case .thematicBreak:
            return ["* * *"]
        case .definitionList(let items):
            var out: [String] = []
            for item in items {
                var lines = wrapped(inlines(item.term), width: width)
                for definition in item.definitions {
                    lines += blocks(definition, width: width.map { $0 - 4 }).map { $0.isEmpty ? "" : "    " + $0 }
                }
                if lines.isEmpty { continue }
                if !out.isEmpty { out.append("") }
                out += lines
            }
            return out
        case .raw(let format, let text):
            if Self.isPlain(format) { return Self.lines(of: text) }
            if PlainTextMarkup.isMarkup(format) {
                var clean = ""
                Self.appendClean(PlainTextMarkup.text(of: text), to: &clean)
                let lines = wrapped(clean, width: width)
                if !lines.isEmpty { return lines }
                if text.contains("<img") { warnOnce("plain text: an image in a raw \(format) block was left out") }
                return []
            }
            warnOnce("plain text: a raw \(format) block was left out")
            return []
        case .division(_, let children):
            return blocks(children, width: width)
        }
    }

    /// The lines of `text`, split at LF, CRLF or CR.
    static func lines(of text: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                out.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        out.append(String(decoding: current, as: UTF8.self))
        return out
    }

    static func isPlain(_ format: String) -> Bool {
        ["text", "plain", "txt"].contains(format.fastLowercased())
    }

    /// List items: the marker on the item's first line, the rest indented to the marker's width.
    private mutating func listLines(_ list: ListBlock, marker: (ListItem) -> String) -> [String] {
        var out: [String] = []
        for item in list.items {
            let m = marker(item)
            let content = blocks(item.blocks, width: width.map { $0 - m.count }, tight: list.tight)
            if !list.tight && !out.isEmpty { out.append("") }
            out += hanging(m, content.isEmpty ? [""] : content)
        }
        return out
    }

    /// `first` before the first line, the others indented by its width.
    func hanging(_ first: String, _ lines: [String]) -> [String] {
        let indent = String(repeating: " ", count: first.count)
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            if i == 0 {
                out.append(line.isEmpty ? String(first.dropLast(first.last == " " ? 1 : 0)) : first + line)
            } else {
                out.append(line.isEmpty ? "" : indent + line)
            }
        }
        return out
    }

    // MARK: - Inlines

    /// The text of inlines; hard line breaks are "\n", soft breaks spaces.
    mutating func inlines(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines { append(inline, to: &out) }
        return out
    }

    private mutating func append(_ inline: Inline, to out: inout String) {
        switch inline {
        case .text(let text):
            Self.appendClean(text, to: &out)
        case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c),
             .superscript(let c), .subscript(let c):
            for i in c { append(i, to: &out) }
        case .code(let text):
            out += text
        case .link(let link):
            let text = inlines(link.content)
            let target = link.target.trimmingSpaces()
            if bodyOnly || target.isEmpty || Self.sameTarget(text, target) {
                out += text
            } else if text.trimmingSpaces().isEmpty {
                out += "<\(target)>"
            } else {
                out += "\(text) <\(target)>"
            }
        case .image(let image):
            out += image.alt
        case .softBreak:
            out += " "
        case .lineBreak:
            out += "\n"
        case .raw(let format, let text):
            if Self.isPlain(format) {
                out += text
            } else if PlainTextMarkup.isMarkup(format) {
                Self.appendClean(PlainTextMarkup.text(of: text), to: &out)
            } else {
                warnOnce("plain text: raw \(format) inline content was left out")
            }
        case .note(let blocks):
            notes.append(blocks)
            out += "[\(notes.count)]"
        }
    }

    /// Appends text with line ends as spaces and other control characters (except tabs) left out, so that
    /// only `.lineBreak` breaks a line.
    static func appendClean(_ text: String, to out: inout String) {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) else {
            out += text
            return
        }
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where afterCR: continue
            case 0x0A, 0x0D: out.unicodeScalars.append(" ")
            case 0x09: out.unicodeScalars.append(scalar)
            case 0..<0x20, 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Whether a link's text already says its target ("example.org" for "https://example.org/").
    static func sameTarget(_ text: String, _ target: String) -> Bool {
        func normalized(_ s: String) -> Substring {
            var s = Substring(s.trimmingSpaces())
            for scheme in ["mailto:", "tel:", "https://", "http://"] where s.fastLowercased().hasPrefix(scheme) {
                s = s.dropFirst(scheme.count)
                break
            }
            if s.fastLowercased().hasPrefix("www.") { s = s.dropFirst(4) }
            while s.last == "/" { s = s.dropLast() }
            return s
        }
        return normalized(text).fastLowercased() == normalized(target).fastLowercased()
    }
}
