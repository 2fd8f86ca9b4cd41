extension DOCXRenderer {
    /// One cell of the laid-out grid: a cell of the tree, the continuation of a cell spanning rows from
    /// above (`w:vMerge`), or padding where a row is shorter than the table.
    enum GridCell {
        case cell(TableCell, column: Int, span: Int, mergesDown: Bool)
        case continuation(column: Int, span: Int)
        case empty(column: Int)
    }

    /// Places the cells of every row on the column grid, honouring column and row spans.
    static func layout(_ rows: [[TableCell]], minimumColumns: Int, rowSpans: Bool = true) -> (rows: [[GridCell]], columns: Int) {
        var pending: [Int: (remaining: Int, span: Int)] = [:]
        var laidOut: [[GridCell]] = []
        var columns = minimumColumns
        for (rowIndex, row) in rows.enumerated() {
            var cells = row[...]
            var column = 0
            var out: [GridCell] = []
            while true {
                if let merge = pending[column] {
                    out.append(.continuation(column: column, span: merge.span))
                    pending[column] = merge.remaining > 1 ? (merge.remaining - 1, merge.span) : nil
                    column += merge.span
                    continue
                }
                let nextMerge = pending.keys.filter { $0 > column }.min()
                guard let cell = cells.popFirst() else {
                    guard let next = nextMerge else { break }
                    for c in column..<next { out.append(.empty(column: c)) }
                    column = next
                    continue
                }
                var span = min(max(cell.colspan, 1), 63)
                if let next = nextMerge, column + span > next { span = next - column }
                let rowspan = rowSpans ? min(max(cell.rowspan, 1), rows.count - rowIndex) : 1
                if rowspan > 1 { pending[column] = (rowspan - 1, span) }
                out.append(.cell(cell, column: column, span: span, mergesDown: rowspan > 1))
                column += span
            }
            columns = max(columns, column)
            laidOut.append(out)
        }
        for i in laidOut.indices {
            var width = 0
            for cell in laidOut[i] {
                switch cell {
                case .cell(_, _, let span, _), .continuation(_, let span): width += span
                case .empty: width += 1
                }
            }
            for c in width..<max(width, columns) { laidOut[i].append(.empty(column: c)) }
        }
        return (laidOut, max(columns, 1))
    }

    func table(_ table: Table, _ ctx: ParagraphContext, depth: Int) {
        flushPageBreak()
        if inFootnote && pendingFootnoteMark {
            // The footnote's mark belongs in a paragraph of its own, never inside a table cell (LibreOffice
            // loops on a footnote whose mark sits in a table).
            var mark = ParagraphContext(maxImageWidth: textWidth)
            mark.style = "FootnoteText"
            paragraph(mark) {}
        }
        var outer = ctx
        outer.numbering = nil
        if !table.caption.isEmpty {
            var caption = outer
            caption.style = "Caption"
            paragraph(caption, keepNext: true) { self.inlines(table.caption, ctx.runs, caption) }
        }
        let all = table.header + table.rows
        // LibreOffice loops laying out footnotes in tables with vertically merged cells: tables inside a
        // footnote, and every table of a table (nested tables included) that holds a footnote, are written
        // without row spans.
        let hasRowSpans = all.contains { $0.contains { $0.rowspan > 1 } }
        let savedRowSpans = rowSpansAllowed
        defer { rowSpansAllowed = savedRowSpans }
        if inFootnote || DOCXFlatText.containsNote(all.flatMap { $0.flatMap(\.blocks) }) { rowSpansAllowed = false }
        if hasRowSpans && !rowSpansAllowed {
            context.warn("DOCX: a table with footnotes is written without its row spans")
        }
        let (rows, columns) = Self.layout(all, minimumColumns: table.alignments.count, rowSpans: rowSpansAllowed)
        let indent = outer.indent ?? (outer.quoteDepth > 0 ? 576 * outer.quoteDepth : 0)
        let available = max(ctx.maxImageWidth / 635 - indent, 1440)
        let columnWidth = max(available / columns, 120)

        out.open("w:tbl")
        out.open("w:tblPr")
        out.element("w:tblStyle", [("w:val", styleID("TableGrid"))])
        if indent > 0 {
            out.element("w:tblW", [("w:w", String(columnWidth * columns)), ("w:type", "dxa")])
            out.element("w:tblInd", [("w:w", String(indent)), ("w:type", "dxa")])
        } else {
            out.element("w:tblW", [("w:w", "5000"), ("w:type", "pct")])
        }
        out.element("w:tblLook", [("w:val", "04A0"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                                   ("w:lastColumn", "0"), ("w:noHBand", "0"), ("w:noVBand", "1")])
        out.close()
        out.open("w:tblGrid")
        for _ in 0..<columns { out.element("w:gridCol", [("w:w", String(columnWidth))]) }
        out.close()

        for (index, row) in rows.enumerated() {
            let isHeader = index < table.header.count
            out.open("w:tr")
            if isHeader {
                out.open("w:trPr")
                out.element("w:cantSplit")
                out.element("w:tblHeader")
                out.close()
            }
            for cell in row {
                gridCell(cell, header: isHeader, alignments: table.alignments, columnWidth: columnWidth, depth: depth)
            }
            out.close()
        }
        out.close()
        lastWasParagraph = false
    }

    private func gridCell(_ cell: GridCell, header: Bool, alignments: [Table.Alignment], columnWidth: Int, depth: Int) {
        let column: Int, span: Int
        var merge: String?
        var content: TableCell?
        switch cell {
        case .cell(let c, let col, let s, let mergesDown):
            column = col; span = s; content = c
            if mergesDown { merge = "restart" }
        case .continuation(let col, let s):
            column = col; span = s; merge = "continue"
        case .empty(let col):
            column = col; span = 1
        }
        out.open("w:tc")
        out.open("w:tcPr")
        out.element("w:tcW", [("w:w", String(columnWidth * span)), ("w:type", "dxa")])
        if span > 1 { out.element("w:gridSpan", [("w:val", String(span))]) }
        if let merge { out.element("w:vMerge", [("w:val", merge)]) }
        if header { out.element("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", "DCE6F2")]) }
        out.close()
        var ctx = ParagraphContext(maxImageWidth: max(columnWidth * span - 216, 240) * 635)
        ctx.runs.bold = header
        if column < alignments.count {
            switch alignments[column] {
            case .left: ctx.alignment = "left"
            case .center: ctx.alignment = "center"
            case .right: ctx.alignment = "right"
            case .none: break
            }
        }
        let blocks = content?.blocks ?? []
        lastWasParagraph = false
        if depth >= 200 {
            paragraph(ctx) { self.run(DOCXFlatText.of(blocks), ctx.runs) }
        } else {
            self.blocks(blocks, ctx, depth: depth + 1)
        }
        // A cell must end with a paragraph.
        if !lastWasParagraph { paragraph(ctx) {} }
        out.close()
    }
}
