/// Line layout for the plain-text writer: wrapping running text and aligning table columns.
extension PlainTextRenderer {
    /// The narrowest width text is wrapped to, however deep it is nested.
    static let minimumWidth = 10

    /// `text` as lines: hard breaks ("\n") kept, each line trimmed, and wrapped at `width` columns
    /// (counted in characters) on spaces when a width is given. A word longer than the width stays whole.
    func wrapped(_ text: String, width: Int?) -> [String] {
        var out: [String] = []
        // Split on the UTF-8 newline byte: much faster than splitting on Characters.
        let segments: [Substring] = text.utf8.contains(0x0A)
            ? text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
            : [Substring(text)]
        for segment in segments {
            let line = segment.trimmingSpaces()
            guard let width else {
                out.append(line)
                continue
            }
            let limit = max(width, Self.minimumWidth)
            if line.count <= limit {
                out.append(line)
                continue
            }
            var current = ""
            var currentCount = 0
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                let wordCount = word.count
                if currentCount > 0 && currentCount + 1 + wordCount > limit {
                    out.append(current)
                    current = ""
                    currentCount = 0
                }
                if currentCount > 0 {
                    current += " "
                    currentCount += 1
                }
                current += word
                currentCount += wordCount
            }
            out.append(current)
        }
        // Leading and trailing empty lines (from breaks at the edges) say nothing.
        while out.first?.isEmpty == true { out.removeFirst() }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    /// A table as aligned columns: the caption, the header rows, a dashed rule, the body rows.
    /// A cell spanning several columns fills the first; its text is all on one line.
    mutating func tableLines(_ table: Table, width: Int?) -> [String] {
        var out = wrapped(inlines(table.caption), width: width)
        var grid: [[String]] = []
        let headerRows = table.header.filter { !$0.isEmpty }.count
        for row in table.header + table.rows {
            var cells: [String] = []
            for cell in row {
                let text = blocks(cell.blocks, width: nil).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                cells.append(text.joined(separator: " "))
                if cell.colspan > 1 { cells += Array(repeating: "", count: min(cell.colspan, 1_000) - 1) }
            }
            if !cells.isEmpty { grid.append(cells) }
        }
        let columns = grid.map(\.count).max() ?? 0
        guard columns > 0 else { return out }
        var widths = Array(repeating: 0, count: columns)
        for row in grid {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for c in 0..<columns {
                let cell = c < cells.count ? cells[c] : ""
                let pad = widths[c] - cell.count
                let alignment = c < table.alignments.count ? table.alignments[c] : .none
                switch alignment {
                case .right: parts.append(String(repeating: " ", count: pad) + cell)
                case .center:
                    parts.append(String(repeating: " ", count: pad / 2) + cell
                                 + String(repeating: " ", count: pad - pad / 2))
                case .left, .none: parts.append(cell + String(repeating: " ", count: pad))
                }
            }
            var joined = parts.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            return joined
        }
        for (r, row) in grid.enumerated() {
            out.append(line(row))
            if r == headerRows - 1 {
                out.append(widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  "))
            }
        }
        return out
    }
}
