/// Renders blocks as CommonMark or GFM text that any CommonMark reader reads back as the same tree.
struct MarkdownRenderer {
    let flavor: MarkdownWriter.Flavor
    let context: ConversionContext
    var layout: MarkdownLayout
    /// Footnote contents by number, collected as references are written.
    var notes: [[Block]] = []
    /// `--reference-links`: link targets by label number.
    var referenceLinks: Bool
    var references: [(target: String, title: String?)] = []
    var referenceNumbers: [String: Int] = [:]
    /// Headings: soft and hard breaks become spaces.
    var noLinebreaks = false

    init(flavor: MarkdownWriter.Flavor, context: ConversionContext, width: Int, referenceLinks: Bool) {
        self.flavor = flavor
        self.context = context
        self.layout = MarkdownLayout(width: width, escapeTilde: flavor == .gfm)
        self.referenceLinks = referenceLinks
    }

    var gfm: Bool { flavor == .gfm }

    // MARK: blocks

    mutating func renderBlocks(_ blocks: [Block]) {
        var previous: (ordered: Bool, marker: String)?
        for block in blocks {
            switch block {
            case .bulletList(let list):
                // Two lists in a row would merge: the second takes the other bullet.
                var bullet = previous.map { !$0.ordered && $0.marker == "-" } == true ? "*" : "-"
                // A list opening on its parent item's line takes the other bullet: `- - -` is a thematic break.
                if let outer = layout.markerBeforeContent, outer == Character(bullet).asciiValue {
                    bullet = bullet == "-" ? "*" : "-"
                }
                renderList(list, ordered: false, marker: bullet)
                previous = (false, bullet)
            case .orderedList(let list):
                var delimiter = list.delimiter == ")" ? ")" : "."
                if let p = previous, p.ordered, p.marker == delimiter { delimiter = delimiter == "." ? ")" : "." }
                renderList(list, ordered: true, marker: delimiter)
                previous = (true, delimiter)
            default:
                renderBlock(block)
                previous = nil
            }
        }
    }

    mutating func renderBlock(_ block: Block) {
        switch block {
        case .paragraph(let inlines):
            var content = inlines
            while let last = content.last, last == .lineBreak || last == .softBreak { content.removeLast() }
            renderInlines(content)
            layout.blankLine()
        case .heading(let level, let content, _):
            layout.put(String(repeating: "#", count: min(max(level, 1), 6)) + " ", .literal)
            layout.beginContent = true
            noLinebreaks = true
            renderInlines(content)
            noLinebreaks = false
            layout.blankLine()
        case .bulletList(let list): renderList(list, ordered: false, marker: "-")
        case .orderedList(let list): renderList(list, ordered: true, marker: list.delimiter == ")" ? ")" : ".")
        case .blockQuote(let blocks):
            layout.put("> ", .literal)
            layout.beginContent = true
            let saved = layout.prefix
            layout.prefix += Array("> ".utf8)
            renderBlocks(blocks)
            layout.prefix = saved
            layout.blankLine()
        case .codeBlock(let language, let text):
            renderCode(language: language, text: text)
        case .table(let table): renderTable(table)
        case .figure(let figure):
            renderInline(.image(figure.image))
            layout.blankLine()
            if !figure.caption.isEmpty {
                renderInline(.emphasis(figure.caption))
                layout.blankLine()
            }
        case .thematicBreak:
            layout.put("***", .literal)
            layout.blankLine()
        case .definitionList(let items):
            for item in items {
                renderInline(.strong(item.term))
                layout.blankLine()
                for definition in item.definitions { renderBlocks(definition) }
            }
        case .raw(let format, let text):
            guard format.fastLowercased() == "html" else {
                context.warn("raw \(format) block dropped from Markdown output: \(HTMLBodyRenderer.excerpt(text))")
                return
            }
            var html = text
            while html.hasSuffix("\n") { html.removeLast() }
            guard !html.isEmpty else { return }
            layout.put(html, .literal)
            layout.blankLine()
        case .division(_, let blocks):
            renderBlocks(blocks)
        }
    }

    mutating func renderCode(language: String?, text: String) {
        let lang = language ?? ""
        let fenceChar: Character = lang.contains("`") ? "~" : "`"
        var longest = 0, run = 0
        for c in text {
            if c == fenceChar { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: fenceChar, count: max(3, longest + 1))
        layout.put(fence + lang, .literal)
        layout.cr()
        if !text.isEmpty {
            layout.put(text.hasSuffix("\n") ? text : text + "\n", .literal)
        }
        layout.put(fence, .literal)
        layout.blankLine()
    }

    mutating func renderList(_ list: ListBlock, ordered: Bool, marker: String) {
        layout.flush()
        let outerTight = layout.tight
        let savedPrefix = layout.prefix
        var number = max(0, list.start)
        for (index, item) in list.items.enumerated() {
            if index > 0 {
                layout.tight = list.tight
                layout.cr()
            }
            let text = ordered ? "\(number)\(marker) " : "\(marker) "
            number += 1
            layout.put(text, .literal)
            layout.tight = list.tight
            layout.prefix = savedPrefix + Array(repeating: 32, count: text.utf8.count)
            if let checked = item.checked {
                layout.put(checked ? "[x] " : "[ ] ", .literal)
            }
            layout.beginContent = true
            renderBlocks(item.blocks)
            layout.prefix = savedPrefix
        }
        layout.tight = outerTight
        layout.blankLine()
    }

    // MARK: tables

    /// Whether pipe-table syntax can hold this table: one header row, no spans, cells of one paragraph at
    /// most, no caption.
    static func fitsPipeTable(_ table: Table) -> Bool {
        guard table.caption.isEmpty, table.header.count == 1, !table.header[0].isEmpty else { return false }
        for row in table.header + table.rows {
            for cell in row {
                guard cell.colspan <= 1, cell.rowspan <= 1, cell.blocks.count <= 1 else { return false }
                if let block = cell.blocks.first, case .paragraph = block {} else if !cell.blocks.isEmpty { return false }
            }
        }
        return true
    }

    mutating func renderTable(_ table: Table) {
        guard gfm, Self.fitsPipeTable(table) else {
            // Raw HTML: CommonMark has no tables, and pipe syntax cannot hold this one.
            var html = HTMLBodyRenderer(settings: HTMLRenderSettings(), context: context)
            html.renderTable(table)
            renderBlock(.raw(format: "html", text: html.out))
            return
        }
        let columns = table.columnCount
        func cells(_ row: [TableCell]) -> [String] {
            var texts = row.map { cell -> String in
                guard case .paragraph(let inlines)? = cell.blocks.first else { return "" }
                var sub = MarkdownRenderer(flavor: flavor, context: context, width: 0, referenceLinks: referenceLinks)
                sub.layout.inTable = true
                sub.noLinebreaks = true
                sub.references = references
                sub.referenceNumbers = referenceNumbers
                sub.notes = notes
                sub.renderInlines(inlines)
                references = sub.references
                referenceNumbers = sub.referenceNumbers
                notes = sub.notes
                return String(decoding: sub.layout.finish(), as: UTF8.self).trimmingNewlines()
            }
            while texts.count < columns { texts.append("") }
            return texts
        }
        func line(_ texts: [String]) -> String { "| " + texts.joined(separator: " | ") + " |" }
        layout.put(line(cells(table.header[0])), .literal)
        layout.cr()
        let delimiters = (0..<columns).map { i -> String in
            switch i < table.alignments.count ? table.alignments[i] : .none {
            case .none: return "---"
            case .left: return ":--"
            case .center: return ":-:"
            case .right: return "--:"
            }
        }
        layout.put(line(delimiters), .literal)
        for row in table.rows {
            layout.cr()
            layout.put(line(cells(row)), .literal)
        }
        layout.blankLine()
    }

    // MARK: notes and references at the end

    mutating func renderEndMatter() {
        if !notes.isEmpty {
            var index = 0
            if !gfm {
                layout.put("***", .literal)
                layout.blankLine()
            }
            while index < notes.count {  // notes inside notes append while this runs
                let number = index + 1
                let saved = layout.prefix
                if gfm {
                    layout.put("[^\(number)]:", .literal)
                    layout.cr()
                    layout.prefix = saved + Array("    ".utf8)
                } else {
                    let marker = "\(number). "
                    layout.put(marker, .literal)
                    layout.prefix = saved + Array(repeating: 32, count: marker.utf8.count)
                }
                layout.beginContent = true
                renderBlocks(notes[index])
                layout.prefix = saved
                layout.blankLine()
                index += 1
            }
        }
        if !references.isEmpty {
            for (index, reference) in references.enumerated() {
                layout.put("[\(index + 1)]: ", .literal)
                putDestination(reference.target, definition: true)
                putTitle(reference.title)
                layout.cr()
            }
            layout.blankLine()
        }
    }
}
