extension HTMLBlockMapper {
    /// A data table as a `Table`; a layout table (nested tables, one column, long cells, `role=presentation`)
    /// as the flow of its cells' content.
    func table(_ i: Int, depth: Int) -> [Block] {
        var rows: [(cells: [Int], inHead: Bool)] = []
        var caption: Int?
        for child in dom.children(of: i) where !skip[child] {
            switch dom.tags[child] {
            case .caption: caption = child
            case .tr: rows.append((cells(of: child), false))
            case .thead, .tbody, .tfoot:
                for row in dom.children(of: child) where !skip[row] && dom.tags[row] == .tr {
                    rows.append((cells(of: row), dom.tags[child] == .thead))
                }
            default: break
            }
        }
        if isLayout(i, rows: rows.map(\.cells)) {
            var out: [Block] = []
            if let caption { out += contentBlocks(of: caption, depth: depth) }
            for row in rows { for cell in row.cells { out += contentBlocks(of: cell, depth: depth + 2) } }
            return out
        }
        var header: [[TableCell]] = []
        var body: [[TableCell]] = []
        for (index, row) in rows.enumerated() {
            let cells = row.cells.map { cell in
                TableCell(blocks: contentBlocks(of: cell, depth: depth + 2),
                          colspan: span(dom.attribute(.colspan, of: cell)),
                          rowspan: span(dom.attribute(.rowspan, of: cell)))
            }
            let allHeaderCells = !row.cells.isEmpty && row.cells.allSatisfy { dom.tags[$0] == .th }
            if row.inHead || (index == 0 && allHeaderCells && header.isEmpty) { header.append(cells) } else { body.append(cells) }
        }
        guard !header.isEmpty || !body.isEmpty else { return [] }
        let captionInlines = caption.map { InlineWhitespace.normalize(inlines(of: $0, depth: depth + 1)) } ?? []
        var table = Table(caption: captionInlines, header: header, rows: body)
        table.alignments = [Table.Alignment](repeating: .none, count: table.columnCount)
        return [.table(table)]
    }

    private func cells(of row: Int) -> [Int] {
        dom.children(of: row).filter { !skip[$0] && (dom.tags[$0] == .td || dom.tags[$0] == .th) }
    }

    private func isLayout(_ i: Int, rows: [[Int]]) -> Bool {
        if let role = dom.attribute(.role, of: i)?.fastLowercased(), role == "presentation" || role == "none" { return true }
        let end = dom.subtreeEnd(i)
        var j = i + 1
        while j < end {
            if skip[j] { j = dom.subtreeEnd(j); continue }
            if dom.tags[j] == .table { return true }
            j += 1
        }
        let width = rows.map(\.count).max() ?? 0
        if width <= 1 { return true }
        for row in rows {
            for cell in row where stats.textLength[cell] > 600 { return true }
        }
        return false
    }

    private func span(_ value: String?) -> Int {
        guard let value, let n = Int(value.trimmingWhitespaceAndControls()), n > 0 else { return 1 }
        return min(n, 1000)
    }
}
